"""Exchange commands: ``copy``, ``recover``, ``backups``, ``restore``, ``diff``, ``merge``,
``consolidate`` (docs/architecture.md, "Copy and merge"; the GUI calls the same functions in
:mod:`renja_desktop.exchange`)."""
from __future__ import annotations

import argparse
from pathlib import Path

from .cli import EXIT_FINDINGS, EXIT_OK, CliError, print_json
from .exchange.backups import list_backups
from .exchange.consolidate import consolidate
from .exchange.diff import compare_files, conflict_line
from .exchange.merge import UnresolvedConflicts, plan_merge, write_merge
from .exchange.recover import recover
from .exchange.rowdata import field_name
from .exchange.safecopy import restore_backup, save_copy
from .paths import backups_dir


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

    p = sub.add_parser("diff", help="membandingkan dua salinan dokumen yang sama, baris demi baris")
    p.add_argument("a", type=Path, metavar="A")
    p.add_argument("b", type=Path, metavar="B")
    p.add_argument("--base", type=Path, default=None, help="versi dasar bersama (bila tidak ditemukan otomatis)")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_diff)

    p = sub.add_parser("merge", help="menggabungkan dua salinan dokumen yang sama ke berkas baru")
    p.add_argument("mine", type=Path, metavar="MINE")
    p.add_argument("theirs", type=Path, metavar="THEIRS")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT", help="berkas hasil (baru)")
    p.add_argument("--base", type=Path, default=None, help="versi dasar bersama (bila tidak ditemukan otomatis)")
    p.add_argument("--prefer", choices=("mine", "theirs"), default=None,
                   help="pilihan untuk setiap pertentangan yang tidak dipilih dengan --choose")
    p.add_argument("--choose", action="append", default=[], metavar="KUNCI=mine|theirs",
                   help="pilihan untuk satu pertentangan (kunci dari keluaran --json); boleh berulang")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_merge)

    p = sub.add_parser("consolidate", help="menggabungkan Renja banyak perangkat daerah menjadi tampilan kota (hanya-baca)")
    p.add_argument("files", type=Path, nargs="+", metavar="FILES")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="RKPD.sqlite")
    p.add_argument("--skip-bad", action="store_true",
                   help="tetap menulis gabungan dari berkas yang baik bila ada berkas yang ditolak")
    p.add_argument("--force", action="store_true", help="timpa berkas hasil yang sudah ada (dicadangkan dulu)")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_consolidate)


def cmd_copy(args: argparse.Namespace) -> int:
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
    result = restore_backup(args.backup, args.output, overwrite=args.force)
    print(f"Cadangan dipulihkan ke {result.target} (terverifikasi).")
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    comparison = compare_files(args.a, args.b, args.base)
    if args.json:
        print_json(comparison.as_dict())
    else:
        for line in comparison.lines():
            print(line)
    return EXIT_OK if comparison.identical and not comparison.extra else EXIT_FINDINGS


def cmd_merge(args: argparse.Namespace) -> int:
    choices = {}
    for item in args.choose:
        key, sep, side = item.rpartition("=")
        if not sep or side not in ("mine", "theirs"):
            raise CliError("cli.choose_form", item=item)
        choices[key] = side
    plan = plan_merge(args.mine, args.theirs, args.base)
    unknown = set(choices) - {c.key for c in plan.conflicts}
    if unknown:
        raise CliError("cli.unknown_conflict", key=sorted(unknown)[0])
    try:
        result = write_merge(plan, args.output, choices, args.prefer)
    except UnresolvedConflicts as exc:
        if args.json:
            print_json({"ditulis": False, "pertentangan": [c.as_dict() for c in plan.conflicts]})
        else:
            for line in plan.summary_lines():
                print(line)
            print("Pertentangan yang harus dipilih:")
            for c in exc.missing:
                print(conflict_line(c, plan.three_way) + f"   [kunci {c.key}]")
            print("Tidak ada berkas yang ditulis: pilih dengan --prefer mine|theirs atau --choose KUNCI=...")
        return EXIT_FINDINGS
    if args.json:
        print_json({"ditulis": True, "hasil": str(result.output), "jumlah": result.counts, "total": result.totals,
                    "pertentangan": [c.as_dict() for c in plan.conflicts],
                    "perubahan": [c.as_dict() for c in plan.changes], "catatan": result.notes})
    else:
        for line in result.lines():
            print(line)
        for c in plan.conflicts:
            side = "milik saya" if c.choice == "mine" else "milik mereka"
            what = c.detail if c.kind != "field" else field_name(c.field, "id")
            print(f"  dipilih {side}: {c.label}, {what}")
    return EXIT_OK


def cmd_consolidate(args: argparse.Namespace) -> int:
    result = consolidate(args.files, args.output, skip_bad=args.skip_bad, overwrite=args.force)
    if args.json:
        print_json(result.as_dict())
    else:
        for line in result.lines():
            print(line)
        if result.refused and not result.written:
            print("Perbaiki atau keluarkan berkas yang ditolak, atau pakai --skip-bad.")
    if not result.written:
        return EXIT_FINDINGS
    return EXIT_FINDINGS if result.refused else EXIT_OK
