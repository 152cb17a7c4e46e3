"""Commands ``import``, ``sample`` and ``catalog``: bringing tables in, the bundled sample, catalogs."""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from .catalog import CatalogError, available_versions, get_catalog, load_user_catalog
from .cli import EXIT_FINDINGS, EXIT_OK, CliError, print_json
from .cli_core import parse_year
from .errors import Msg
from .exchange.lock import acquire
from .importer import TABLES, ImportFailure, parse_identity
from .operations import ImportFile
from .readers import Source, file_source
from .sample import build_sample
from .service import RenjaDocument


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="mengimpor tabel Renja dari teks bertab, .tsv/.csv atau .xlsx")
    p.add_argument("source", type=Path, metavar="SOURCE", help="berkas .txt/.tsv/.csv/.xlsx")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                   help="dokumen tujuan (.sqlite); ditambahkan bila sudah ada")
    p.add_argument("--table", choices=TABLES, help="jenis tabel; tanpa ini dikenali dari kepala kolom")
    p.add_argument("--sheet", metavar="NAME", help="nama lembar kerja .xlsx")
    p.add_argument("--column", action="append", default=[], metavar="FIELD=HEADER",
                   help="memetakan kolom secara manual: FIELD seperti pada tree --json "
                        "(kode, nama, pagu, sumber_dana, ...) = teks kepala kolom, huruf kolom atau nomor kolom; "
                        "FIELD=- agar isian itu tidak diimpor walau kepala kolomnya dikenali")
    p.add_argument("--pemda", help="pemerintah daerah (bila FILE baru)")
    p.add_argument("--opd", help="perangkat daerah (bila FILE baru)")
    p.add_argument("--tahun", type=parse_year, help="tahun rencana n (bila FILE baru)")
    p.add_argument("--detail", action="store_true", help="tampilkan nasib setiap baris sumber")
    p.add_argument("--json", action="store_true", help="keluaran JSON (laporan baris dan temuan)")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("sample", help="menulis salinan baru contoh Renja (Kesbangpol Kota Binjai 2024)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="timpa FILE bila sudah ada")
    p.set_defaults(handler=cmd_sample)

    p = sub.add_parser("export-sipd", help="mengekspor Tabel 3.1 atau 4.1 ke .xlsx dengan urutan kolom SIPD-RI")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.xlsx")
    p.add_argument("--table", choices=("3.1", "4.1"), default="3.1")
    p.set_defaults(handler=cmd_export_sipd)

    p = sub.add_parser("catalog", help="katalog nomenklatur: daftar versi, cari kode/nama, muat versi baru")
    csub = p.add_subparsers(dest="catalog_command", metavar="AKSI")
    q = csub.add_parser("list", help="versi katalog yang tersedia")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_catalog_list)
    q = csub.add_parser("load", help="memuat katalog dari berkas CSV/TSV/XLSX ke folder data pengguna")
    q.add_argument("file", type=Path, metavar="FILE")
    q.add_argument("--versi", required=True, metavar="NAME", help="nama versi, mis. kep900-2023")
    q.add_argument("--sheet", metavar="NAME")
    q.add_argument("--force", action="store_true", help="ganti versi dengan nama sama")
    q.set_defaults(handler=cmd_catalog_load)
    q = csub.add_parser("find", help="mencari kode atau nama di katalog")
    q.add_argument("query", metavar="KODE_ATAU_NAMA")
    q.add_argument("--versi", metavar="NAME")
    q.add_argument("--limit", type=_positive, default=FIND_LIMIT, metavar="N",
                   help=f"tampilkan paling banyak N hasil (bawaan {FIND_LIMIT})")
    q.add_argument("--all", action="store_true", help="tampilkan semua hasil")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_catalog_find)
    q = csub.add_parser("diff", help="perbedaan dua versi katalog: kode ganti nama, pindah, dipecah, dihapus, baru")
    q.add_argument("a", metavar="VERSI_A")
    q.add_argument("b", metavar="VERSI_B")
    q.add_argument("--jenis", choices=("kabkota", "provinsi"), default="kabkota",
                   help="daftar kabupaten/kota (bawaan) atau provinsi")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_catalog_diff)
    p.set_defaults(handler=lambda args: (p.print_help(), EXIT_OK)[1])


FIND_LIMIT = 20


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(Msg("cli.not_integer", text=text)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(Msg("cli.at_least_one"))
    return value


def _column_map(items: list[str]) -> dict[str, str] | None:
    if not items:
        return None
    out = {}
    for item in items:
        if "=" not in item:
            raise CliError("cli.column_form", item=item)
        key, value = item.split("=", 1)
        if not key.strip() or not value.strip():
            raise CliError("cli.column_empty", item=item)
        out[key.strip().lower()] = value.strip()
    return out


def _identity(args: argparse.Namespace, src: Source) -> dict:
    ident = parse_identity("\n".join(r.raw or "\t".join(r.cells) for r in src.rows))
    for key in ("pemda", "opd", "tahun"):
        value = getattr(args, key)
        if value:
            ident[key] = value
    missing = [k for k in ("pemda", "opd", "tahun") if not ident.get(k)]
    if missing:
        raise CliError(
            f"berkas {args.output} belum ada dan identitasnya tidak terbaca dari {args.source.name}; "
            "sebutkan " + ", ".join(f"--{k}" for k in missing)
        )
    return ident


def cmd_import(args: argparse.Namespace) -> int:
    column_map = _column_map(args.column)
    try:
        src = file_source(args.source, args.sheet)   # read everything before touching FILE
    except ImportFailure as exc:
        raise CliError(str(exc)) from None
    created = False
    lock = None
    if args.output.exists():
        lock = acquire(args.output)     # as in the window: nobody else edits it meanwhile
        try:
            doc = RenjaDocument.open(args.output)
        except BaseException:
            lock.release()
            raise
    else:
        ident = _identity(args, src)
        extra = {k: v for k, v in ident.items() if k not in ("pemda", "opd", "tahun")}
        doc = RenjaDocument.create(args.output, tahun=int(ident["tahun"]), pemda=ident["pemda"], opd=ident["opd"])
        created = True
        if extra:
            doc.set_document(**extra)
    try:
        report = doc.history.execute(ImportFile(source=src, table=args.table, column_map=column_map)).result
    except ImportFailure as exc:
        doc.close()
        if lock is not None:
            lock.release()
        if created:
            args.output.unlink(missing_ok=True)
            raise CliError("cli.import_not_created", reason=exc) from None
        raise CliError("cli.import_not_changed", reason=exc, name=args.output.name) from None
    except BaseException:
        doc.close()
        if lock is not None:
            lock.release()
        if created:
            args.output.unlink(missing_ok=True)
        raise
    doc.close()
    if lock is not None:
        lock.release()
    if args.json:
        print_json(report.as_dict())
    else:
        print(report.summary())
        detail = report.details(only_problems=not args.detail)
        if detail:
            print("Rincian:" if args.detail else "Baris ditolak atau bercatatan:")
            print(detail)
        errors = [f for f in report.findings if f["severity"] == "error"]
        if errors:
            print(f"Jalankan 'renja-desktop check {args.output}' untuk {len(errors)} galat yang ditemukan.")
    return EXIT_FINDINGS if report.rejected else EXIT_OK


def cmd_export_sipd(args: argparse.Namespace) -> int:
    from .cli_core import open_document
    from .importer.sipd import export_sipd

    if args.output.suffix.lower() != ".xlsx":
        raise CliError("cli.output_xlsx", name=args.output.name)
    with open_document(args.file, readonly=True) as doc:
        try:
            path = export_sipd(doc, args.output, args.table)
        except OSError as exc:
            raise CliError("cli.not_writable", path=args.output, reason=exc.strerror or exc) from None
    print(f"Tabel {args.table} (urutan kolom SIPD-RI) ditulis ke {path}")
    return EXIT_OK


def cmd_sample(args: argparse.Namespace) -> int:
    path = build_sample(args.output, overwrite=args.force)
    print(f"Contoh Renja ditulis ke {path}")
    return EXIT_OK


def cmd_catalog_list(args: argparse.Namespace) -> int:
    versions = available_versions()
    if args.json:
        print_json(versions)
        return EXIT_OK
    for v in versions:
        print(f"{v['versi']:<24} {v['baris']:>6} baris  {v['asal']:<9} {v['judul']}")
    return EXIT_OK


def cmd_catalog_load(args: argparse.Namespace) -> int:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,60}", args.versi):
        raise CliError("cli.catalog_version", versi=args.versi)
    try:
        info = load_user_catalog(args.file, args.versi, sheet=args.sheet, overwrite=args.force)
    except CatalogError as exc:
        raise CliError(str(exc)) from None
    print(f"Katalog '{info['versi']}' dimuat: {info['baris']} baris ({info['path']})")
    return EXIT_OK


def cmd_catalog_find(args: argparse.Namespace) -> int:
    try:
        cat = get_catalog(args.versi)
    except CatalogError as exc:
        raise CliError(str(exc)) from None
    hits = cat.search_all(args.query)
    shown = hits if args.all else hits[:args.limit]
    if args.json:
        print_json({"versi": cat.versi, "jumlah": len(hits), "ditampilkan": len(shown),
                    "hasil": [h.as_dict() for h in shown]})
        return EXIT_OK
    if not hits:
        print(f"Tidak ada yang cocok dengan '{args.query}' di katalog {cat.versi}")
        return EXIT_FINDINGS
    for h in shown:
        print(f"{h.kode:<20} {h.nama}" + (f"  [{h.satuan}]" if h.satuan else ""))
    if len(shown) < len(hits):
        print(f"... dan {len(hits) - len(shown)} lagi ({len(hits)} hasil); "
              f"pakai --limit N atau --all untuk melihat semuanya")
    return EXIT_OK


def cmd_catalog_diff(args: argparse.Namespace) -> int:
    from collections import Counter

    from .catalog import MAPPING_LABEL, CatalogError, diff_versions

    try:
        items = diff_versions(args.a, args.b, args.jenis)
    except CatalogError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        print_json({"dari": args.a, "ke": args.b, "perubahan": [m.as_dict() for m in items]})
        return EXIT_OK
    counts = Counter(m.jenis for m in items)
    print(f"Katalog {args.a} -> {args.b}: " + (", ".join(
        f"{n} {MAPPING_LABEL[k]}" for k, n in sorted(counts.items(), key=lambda kv: kv[0])) or "tidak ada perbedaan"))
    for m in items:
        label = MAPPING_LABEL.get(m.jenis, m.jenis)
        if m.jenis == "baru":
            print(f"  {label:<11} {m.kode:<20} {m.nama_baru[0] if m.nama_baru else ''}")
        elif m.jenis == "hapus":
            print(f"  {label:<11} {m.kode:<20} {m.nama_lama}")
        elif m.jenis == "ganti_nama":
            print(f"  {label:<11} {m.kode:<20} '{m.nama_lama}' -> '{m.nama_baru[0]}'")
        else:
            print(f"  {label:<11} {m.kode:<20} -> {', '.join(m.tujuan)}  {m.nama_lama}")
    return EXIT_OK
