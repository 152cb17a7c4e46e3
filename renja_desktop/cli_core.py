"""Core commands: ``new``, ``info``, ``tree``, ``check``, ``add``, ``set``."""
from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import Iterator

from . import codes
from . import operations as ops
from .cli import EXIT_FINDINGS, EXIT_OK, CliError, print_json
from .codes import CodeError
from .errors import Msg
from .exchange.lock import acquire
from .formatting import format_nip, format_rupiah
from .model import DOCUMENT_FIELDS
from .service import EditError, RenjaDocument
from .validation import SEVERITY_LABEL, has_errors, validate

#: ``set`` fields: every cell of a plan row (the row's own fields, its first indicator, funding)
SET_FIELDS = ops.PLAN_CELL_KEYS


def parse_year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(Msg("cli.not_year", text=text)) from None
    if not 2000 <= year <= 2100:
        raise argparse.ArgumentTypeError(Msg("cli.year_range", year=year))
    return year


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="membuat dokumen Renja baru (berkas .sqlite)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--pemda", required=True, help='pemerintah daerah, mis. "Kota Binjai"')
    p.add_argument("--opd", required=True, help="nama perangkat daerah")
    p.add_argument("--tahun", required=True, type=parse_year, help="tahun rencana n")
    p.add_argument("--opd-singkat", default="", help='nama singkat untuk kepala halaman, mis. "Badan Kesbangpol"')
    p.add_argument("--renstra", default="", help="periode Renstra, mis. 2021-2026")
    p.add_argument("--nomenklatur", default=None, metavar="VERSI",
                   help="versi katalog nomenklatur yang diikuti (bawaan: versi terbaru; '-' = tanpa katalog)")
    p.add_argument("--tempat", default="", help="tempat penandatanganan")
    p.add_argument("--tanggal", default="", help="tanggal penandatanganan")
    p.add_argument("--kepala-nama", default="")
    p.add_argument("--kepala-pangkat", default="")
    p.add_argument("--kepala-nip", default="")
    p.add_argument("--kepala-jabatan", default="")
    p.set_defaults(handler=cmd_new)

    p = sub.add_parser("info", help="identitas dokumen, jumlah baris dan total; --set mengubah identitas")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                   help="ubah isian identitas/penandatangan (" + ", ".join(DOCUMENT_FIELDS) + ")")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_info)

    p = sub.add_parser("tree", help="pohon program dengan nilai terhitung")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_tree)

    p = sub.add_parser("check", help="memeriksa dokumen; status keluar 1 bila ada galat")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.add_argument("--deep", action="store_true", help="pemeriksaan integritas berkas penuh")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("add", help="menambah baris di bawah baris yang kodenya diperpanjang")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("kode", metavar="CODE", help="kode baris baru; dengan --next: kode induknya (- untuk urusan)")
    p.add_argument("nama", metavar="NAME")
    p.add_argument("--next", action="store_true",
                   help="baris baru mendapat kode bebas berikutnya di bawah induk CODE")
    p.add_argument("--pagu", default=None, help="pagu indikatif n (sub kegiatan)")
    p.add_argument("--pagu-n1", default=None, help="pagu prakiraan maju n+1 (sub kegiatan)")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_add)

    p = sub.add_parser("set", help="mengubah satu isian sebuah baris")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("kode", metavar="CODE")
    p.add_argument("field", metavar="FIELD",
                   help="kunci seperti pada tree --json: " + ", ".join(sorted(SET_FIELDS)))
    p.add_argument("value", metavar="VALUE")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_set)

    p = sub.add_parser("declared", help="nilai tercetak dokumen hasil impor (hanya untuk pemeriksaan); --clear menghapusnya")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--table", default=None, choices=["2.1", "2.3", "3.1", "4.1"], help="hanya tabel ini")
    p.add_argument("--clear", action="store_true",
                   help="menghapus nilai tercetak (setelah ditinjau); temuan 'tercetak berbeda' hilang")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_declared)

    p = sub.add_parser("delete", help="menghapus baris beserta seluruh rinciannya")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("kode", metavar="CODE")
    p.set_defaults(handler=cmd_delete)

    p = sub.add_parser("move", help="memindahkan baris (beserta rinciannya) ke induk lain atau urutan lain")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("kode", metavar="CODE")
    p.add_argument("--to", dest="to", default=None, metavar="PARENT_CODE",
                   help="kode induk tujuan (tanpa --to: tetap di induk yang sama)")
    p.add_argument("--position", type=int, default=None, metavar="N",
                   help="urutan di antara saudara, mulai 1 (bawaan: paling akhir)")
    p.set_defaults(handler=cmd_move)


def open_document(path: Path, readonly: bool = False, deep: bool = False) -> RenjaDocument:
    return RenjaDocument.open(path, readonly=readonly, deep=deep)


@contextlib.contextmanager
def editing(path: Path) -> Iterator[RenjaDocument]:
    """Open a document for changes the way the window does: holding its lock (a file open in the
    window, or in another command, is refused with a ``galat:`` line naming who has it)."""
    from . import service
    from .exchange.lock import FileLocked, acquire_for_command

    if service.IGNORE_LOCKS:  # --force: the window's lock is overridden (the window reloads)
        with RenjaDocument.open(path, force=True) as doc:
            yield doc
        return
    try:
        lock = acquire_for_command(path)
    except FileLocked as exc:
        raise CliError("cli.locked", reason=exc) from None
    with lock:
        with RenjaDocument.open(path, force=True) as doc:
            yield doc


def execute(doc: RenjaDocument, op: ops.Operation):
    """Carry out one operation, as the window does (the same reading of every value)."""
    return doc.history.execute(op).result


def cmd_new(args: argparse.Namespace) -> int:
    renstra_mulai = renstra_selesai = None
    if args.renstra:
        try:
            a, b = args.renstra.replace("–", "-").split("-")
            renstra_mulai, renstra_selesai = parse_year(a.strip()), parse_year(b.strip())
        except (ValueError, argparse.ArgumentTypeError):
            raise CliError("cli.renstra_period", text=args.renstra) from None
    from .catalog import CatalogError, resolve_new_version

    try:
        nomenklatur = resolve_new_version(args.nomenklatur)
    except CatalogError as exc:
        raise CliError(str(exc)) from None
    doc = RenjaDocument.create(
        args.file, tahun=args.tahun, pemda=args.pemda, opd=args.opd, opd_singkat=args.opd_singkat,
        nomenklatur_versi=nomenklatur, tempat=args.tempat, tanggal=args.tanggal,
        kepala_jabatan=args.kepala_jabatan, kepala_nama=args.kepala_nama,
        kepala_pangkat=args.kepala_pangkat,
    )
    try:
        extra = {}
        if renstra_mulai:
            extra.update(renstra_mulai=renstra_mulai, renstra_selesai=renstra_selesai)
        if args.kepala_nip:
            extra["kepala_nip"] = args.kepala_nip
        if extra:
            doc.set_document(**extra)
    except EditError:
        doc.close()
        args.file.unlink()
        raise
    doc.close()
    print(f"Dokumen baru dibuat: {args.file}")
    return EXIT_OK


def _info_dict(doc: RenjaDocument) -> dict:
    levels = {name: 0 for name in codes.LEVEL_KEYS.values()}
    for node in doc.plan.walk():
        levels[codes.LEVEL_KEYS.get(node.level, "?")] = levels.get(codes.LEVEL_KEYS.get(node.level, "?"), 0) + 1
    info = {k: v for k, v in doc.info.items()}
    info.update(
        file=str(doc.path),
        jumlah_baris=levels,
        jumlah_baris_evaluasi=len(doc.evaluation.nodes),
        jumlah_pelayanan=len(doc.pelayanan),
        jumlah_usulan=len(doc.usulan),
        total_pagu=doc.plan.totals[0],
        total_pagu_n1=doc.plan.totals[1],
        total_rkpd_pagu=doc.plan.totals[2],
    )
    return info


def cmd_info(args: argparse.Namespace) -> int:
    changes = {}
    for item in args.set:
        if "=" not in item:
            raise CliError("cli.set_form", item=item)
        key, value = item.split("=", 1)
        key = key.strip()
        if key not in DOCUMENT_FIELDS:
            raise CliError("cli.identity_field", key=key, names=", ".join(DOCUMENT_FIELDS))
        changes[key] = value
    with (editing(args.file) if changes else open_document(args.file, readonly=True)) as doc:
        if changes:
            execute(doc, ops.SetDocument(changes))
        info = _info_dict(doc)
    if args.json:
        print_json(info)
        return EXIT_OK
    renstra = ""
    if info.get("renstra_mulai"):
        renstra = f"{info['renstra_mulai']}-{info['renstra_selesai']}"
    lines = [
        ("Berkas", info["file"]),
        ("Pemda", info["pemda"]),
        ("Perangkat Daerah", info["opd"]),
        ("Tahun rencana", str(info["tahun"])),
        ("Periode Renstra", renstra),
        ("Nomenklatur", info["nomenklatur_versi"]),
        ("Kepala", " / ".join(x for x in (info["kepala_nama"], info["kepala_pangkat"], format_nip(info["kepala_nip"])) if x)),
        ("Baris", ", ".join(f"{codes.LEVEL_NAMES[lvl]} {info['jumlah_baris'][key]}"
                            for lvl, key in codes.LEVEL_KEYS.items())),
        ("Total pagu n", "Rp " + format_rupiah(info["total_pagu"])),
        ("Total pagu n+1", "Rp " + format_rupiah(info["total_pagu_n1"])),
    ]
    width = max(len(k) for k, _ in lines)
    for key, value in lines:
        print(f"{key.ljust(width)} : {value}")
    return EXIT_OK


def cmd_tree(args: argparse.Namespace) -> int:
    with open_document(args.file, readonly=True) as doc:
        records = doc.plan_records()
        totals = (doc.plan.totals[0], doc.plan.totals[1])
    if args.json:
        print_json(records)
        return EXIT_OK
    out = sys.stdout
    out.write(f"{'Kode':<20} {'Uraian':<60} {'Pagu n':>18} {'Pagu n+1':>18}\n")
    for r in records:
        name = ("  " * r["depth"] + r["nama"])
        if len(name) > 60:
            name = name[:59] + "…"
        out.write(f"{r['kode']:<20} {name:<60} {format_rupiah(r['pagu']):>18} {format_rupiah(r['pagu_n1']):>18}\n")
    out.write(f"{'':<20} {'TOTAL':<60} {format_rupiah(totals[0]):>18} {format_rupiah(totals[1]):>18}\n")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    with open_document(args.file, readonly=True, deep=args.deep) as doc:
        findings = validate(doc)
    if args.json:
        print_json([f.as_dict() for f in findings])
    else:
        for f in findings:
            print(f.line())
        counts = {sev: sum(1 for f in findings if f.severity == sev) for sev in SEVERITY_LABEL}
        print(f"{counts['error']} galat, {counts['warning']} peringatan, {counts['info']} info")
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK


def _find_parent(doc: RenjaDocument, kode: str):
    parsed = codes.parse_code(kode)
    parent_code = parsed.parent()
    if parent_code is None:
        return None
    parent = doc.plan_by_kode(str(parent_code))
    if parent is None:
        # program 01 (penunjang) sits under the agency's own bidang; X.XX codes are generic
        raise CliError("cli.parent_missing", parent=parent_code, kode=kode)
    return parent


def cmd_add(args: argparse.Namespace) -> int:
    kode: str | None = None
    if not args.next:
        try:
            kode = codes.normalize_code(args.kode)
        except CodeError as exc:
            raise CliError("cli.bad_code", reason=exc) from None
        note = codes.normalization_note(args.kode)
        if note:  # 1.2.2.2.2.8 is stored as 1.02.02.2.02.0008: say so
            sys.stderr.write(f"catatan: {note}\n")
    with editing(args.file) as doc:
        if args.next:
            parent = None if args.kode.strip() in ("", "-") else _row(doc, args.kode, args.file)
        else:
            parent = _find_parent(doc, kode)
        fields = {}
        if args.pagu is not None:
            fields["pagu"] = args.pagu
        if args.pagu_n1 is not None:
            fields["pagu_n1"] = args.pagu_n1
        row_id = execute(doc, ops.AddRow("plan", parent.id if parent else None, kode, args.nama, fields=fields))
        node = doc.plan.nodes[row_id]
        result = {"id": row_id, "kode": node.kode, "nama": node.nama, "level": node.level,
                  "pagu": node.sums[0], "pagu_n1": node.sums[1], "total_pagu": doc.plan.totals[0]}
    if args.json:
        print_json(result)
    else:
        print(f"Ditambahkan {codes.LEVEL_NAMES[result['level']].lower()} {result['kode']} "
              f"{result['nama']}; total pagu Rp {format_rupiah(result['total_pagu'])}")
    return EXIT_OK


def cmd_set(args: argparse.Namespace) -> int:
    field = args.field.strip().lower()
    if field not in SET_FIELDS:
        raise CliError("cli.set_field", field=args.field, names=", ".join(sorted(SET_FIELDS)))
    with editing(args.file) as doc:
        node = doc.plan_by_kode(args.kode)
        if node is None:
            raise CliError("cli.code_missing", kode=args.kode, name=args.file.name)
        execute(doc, ops.SetPlanFields(node.id, {field: args.value}))
        record = next(r for r in doc.plan_records() if r["id"] == node.id)
        total = doc.plan.totals[0]
    if args.json:
        print_json(record)
    else:
        print(f"{record['kode']} {field} = {args.value}; pagu baris Rp {format_rupiah(record['pagu'])}; "
              f"total pagu Rp {format_rupiah(total)}")
    return EXIT_OK


def _row(doc: RenjaDocument, kode: str, path: Path):
    node = doc.plan_by_kode(kode)
    if node is None:
        raise CliError("cli.code_missing", kode=kode, name=path.name)
    return node


def cmd_delete(args: argparse.Namespace) -> int:
    with editing(args.file) as doc:
        node = _row(doc, args.kode, args.file)
        kode, nama = node.kode, node.nama
        count = execute(doc, ops.DeleteRows("plan", [node.id]))
        total = doc.plan.totals[0]
    print(f"Dihapus {kode} {nama} ({count} baris); total pagu Rp {format_rupiah(total)}")
    return EXIT_OK


def cmd_move(args: argparse.Namespace) -> int:
    with editing(args.file) as doc:
        node = _row(doc, args.kode, args.file)
        if args.to is not None:
            parent = _row(doc, args.to, args.file)
            parent_id = parent.id
        else:
            parent_id = node.values.get("parent_id")
        position = None
        if args.position is not None:
            if args.position < 1:
                raise CliError("cli.position")
            position = args.position - 1
        execute(doc, ops.MoveRow("plan", node.id, parent_id, position))
        print(f"Dipindah: {node.nama} sekarang {node.kode}, urutan {doc.plan.index_of(node) + 1}")
    return EXIT_OK


def cmd_declared(args: argparse.Namespace) -> int:
    with (editing(args.file) if args.clear else open_document(args.file, readonly=True)) as doc:
        rows = [d for d in doc.declared if args.table is None or d["tabel"] == args.table]
        rows.sort(key=lambda d: (d["tabel"], d["kode"], d["kolom"]))
        if args.clear and rows:
            execute(doc, ops.ClearDeclared(args.table))
    records = [{k: d.get(k) for k in ("tabel", "kode", "kolom", "teks", "nilai", "sumber")} for d in rows]
    if args.json:
        print_json(records)
        return EXIT_OK
    for r in records:
        print(f"Tabel {r['tabel']} {r['kode'] or 'TOTAL':<20} {r['kolom']:<10} {r['teks']:>20}  {r['sumber']}")
    what = f"Tabel {args.table}" if args.table else "semua tabel"
    if args.clear:
        print(f"{len(records)} nilai tercetak ({what}) dihapus; pemeriksaan kini hanya memakai nilai terhitung.")
    else:
        print(f"{len(records)} nilai tercetak ({what}) disimpan untuk pemeriksaan.")
    return EXIT_OK
