"""Exchange commands: ``copy``, ``recover``, ``backups``, ``restore``, ``diff``, ``merge``,
``consolidate`` (DESIGN.md section 6; the GUI calls the same functions in
:mod:`renja_desktop.exchange`)."""
from __future__ import annotations

import argparse
from pathlib import Path

from .cli import EXIT_FINDINGS, EXIT_OK, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("copy", help="menyimpan salinan terverifikasi (mis. ke flash disk)")
    p.add_argument("src", type=Path, metavar="SRC")
    p.add_argument("dst", type=Path, metavar="DST", help="berkas atau folder tujuan")
    p.add_argument("--force", action="store_true",
                   help="timpa walaupun tujuan berubah sejak terakhir disalin (versi lama tetap dicadangkan)")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_copy)

    p = sub.add_parser("recover", help="menyelamatkan isi berkas rusak ke berkas baru, dengan laporan")
    p.add_argument("bad", type=Path, metavar="BAD")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="NEW", help="berkas hasil (baru)")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_recover)

    p = sub.add_parser("backups", help="daftar cadangan otomatis sebuah dokumen (atau semua)")
    p.add_argument("file", type=Path, metavar="FILE", nargs="?")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_backups)

    p = sub.add_parser("restore", help="memulihkan cadangan menjadi berkas dokumen")
    p.add_argument("backup", metavar="BACKUP", help="berkas cadangan (jalur atau nama di folder cadangan)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="timpa FILE yang sudah ada (dicadangkan dulu)")
    p.set_defaults(handler=cmd_restore)


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


def cmd_recover(args: argparse.Namespace) -> int:
    from .exchange.recover import recover

    report = recover(args.bad, args.output)
    if args.json:
        print_json(report.as_dict())
    else:
        for line in report.lines():
            print(line)
    return EXIT_OK if report.complete else EXIT_FINDINGS


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB".replace(".", ",")


def cmd_backups(args: argparse.Namespace) -> int:
    from .exchange.backups import list_backups
    from .paths import backups_dir

    entries = list_backups(args.file)
    if args.json:
        print_json([e.as_dict() for e in entries])
        return EXIT_OK
    if not entries:
        what = f"dokumen '{args.file.name}'" if args.file else "dokumen mana pun"
        print(f"Belum ada cadangan untuk {what} di {backups_dir()}.")
        return EXIT_OK
    print(f"Cadangan di {backups_dir()} (terbaru di atas):")
    for e in entries:
        who = f"{e.opd} {e.tahun}" if e.opd else "(identitas tidak terbaca)"
        print(f"{e.time_text()}  {e.reason_text():<40} {_size(e.size):>9}  {who}  {e.path.name}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from .exchange.backups import restore_backup

    result = restore_backup(args.backup, args.output, overwrite=args.force)
    print(f"Cadangan dipulihkan ke {result.target} (terverifikasi).")
    return EXIT_OK
