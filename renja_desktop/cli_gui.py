"""``renja-desktop gui [FILE] [--sample]``: open the main window."""
from __future__ import annotations

import argparse
from pathlib import Path

from .cli import CliError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="membuka jendela Renja Desktop")
    p.add_argument("file", type=Path, nargs="?", metavar="FILE", help="berkas Renja (.sqlite) yang dibuka")
    p.add_argument("--sample", action="store_true",
                   help="membuka salinan baru dokumen contoh (Kesbangpol Kota Binjai 2024)")
    p.add_argument("--panduan", action="store_true", help="langsung membuka panduan pemakaian")
    p.add_argument("--screenshot", type=Path, metavar="PNG",
                   help="menyimpan gambar jendela ke PNG lalu keluar (memeriksa instalasi)")
    p.set_defaults(handler=cmd_gui)


def cmd_gui(args: argparse.Namespace) -> int:
    if args.file is not None and args.sample:
        raise CliError("cli.file_or_sample")
    if args.file is not None and not args.file.exists():
        raise CliError("cli.file_missing", path=args.file)
    try:
        from .gui.app import main
    except ImportError as exc:  # pragma: no cover - PySide6 is a dependency
        raise CliError("cli.no_gui", reason=exc) from None
    return main(args.file, sample=args.sample, screenshot=args.screenshot, guide=args.panduan)
