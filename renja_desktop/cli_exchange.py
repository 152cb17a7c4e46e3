"""Exchange commands: ``copy``, ``recover``, ``backups``, ``restore``, ``diff``, ``merge``,
``consolidate`` (DESIGN.md section 6; the GUI calls the same functions in
:mod:`renja_desktop.exchange`)."""
from __future__ import annotations

import argparse
from pathlib import Path

from .cli import EXIT_OK, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("copy", help="menyimpan salinan terverifikasi (mis. ke flash disk)")
    p.add_argument("src", type=Path, metavar="SRC")
    p.add_argument("dst", type=Path, metavar="DST", help="berkas atau folder tujuan")
    p.add_argument("--force", action="store_true",
                   help="timpa walaupun tujuan berubah sejak terakhir disalin (versi lama tetap dicadangkan)")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_copy)


def cmd_copy(args: argparse.Namespace) -> int:
    from .exchange.safecopy import save_copy

    result = save_copy(args.src, args.dst, force=args.force)
    if args.json:
        print_json({"sumber": str(result.source), "tujuan": str(result.target), "token": result.token,
                    "sidik": result.digest, "ukuran": result.size,
                    "cadangan_versi_lama": str(result.previous_backup) if result.previous_backup else None,
                    "catatan": result.notes})
    else:
        print(result.message())
        for note in result.notes:
            print(f"catatan: {note}")
    return EXIT_OK
