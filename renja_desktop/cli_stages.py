"""Stages, verification notes, next year's Renja and the Renstra on the command line.

``stage FILE list|freeze [NAME]|show NAME|compare A [B]|perubahan|export NAME -o OUT``,
``note FILE add|list|close|reopen``, ``rollover FILE -o NEXT.sqlite``,
``renstra FILE import SOURCE|show|check``. JSON output (``--json``) is documented in README.md.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import codes
from .cli import EXIT_FINDINGS, EXIT_OK, CliError, print_json
from .cli_core import editing, execute
from .formatting import format_rupiah
from .service import RenjaDocument


def _file(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, metavar="FILE")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stage", help="tahap dokumen: list, freeze, show, compare, perubahan, export")
    _file(p)
    acts = p.add_subparsers(dest="action", metavar="AKSI", parser_class=type(p))
    acts.required = True
    a = acts.add_parser("list", help="daftar tahap yang dibekukan")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_stage_list)
    a = acts.add_parser("freeze", help="membekukan keadaan sekarang sebagai tahap bernama")
    a.add_argument("name", nargs="?", default=None, metavar="NAME",
                   help="nama tahap (bawaan: Rancangan Awal, Rancangan, Rancangan Akhir, Penetapan, Perubahan 1, ...)")
    a.add_argument("--oleh", default=None, help="siapa yang membekukan (bawaan: nama pengguna sistem)")
    a.add_argument("--keterangan", default="", help="keterangan tahap")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_stage_freeze)
    a = acts.add_parser("show", help="isi satu tahap (pohon program dengan pagu)")
    a.add_argument("name", metavar="NAME")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_stage_show)
    a = acts.add_parser("compare", help="membandingkan dua tahap (atau tahap dengan keadaan sekarang)")
    a.add_argument("a", metavar="A", help="tahap sebelum")
    a.add_argument("b", nargs="?", default="sekarang", metavar="B", help="tahap sesudah (bawaan: sekarang)")
    a.add_argument("--b-file", type=Path, default=None, metavar="OTHER",
                   help="ambil tahap B dari salinan lain dokumen yang sama")
    a.add_argument("--json", action="store_true")
    a.add_argument("--pdf", type=Path, default=None, metavar="OUT.pdf",
                   help="cetak tabel Perubahan Renja dan catatan verifikasi ke PDF")
    a.add_argument("--paper", default="F4", choices=["F4", "A4", "Legal"])
    a.set_defaults(handler=cmd_stage_compare)
    a = acts.add_parser("perubahan", help="memulai Perubahan Renja pada dokumen yang sudah ditetapkan")
    a.set_defaults(handler=cmd_stage_perubahan)
    a = acts.add_parser("print", help="mencetak tabel lampiran sebuah tahap ke PDF (nama tahap di setiap halaman)")
    a.add_argument("name", metavar="NAME")
    a.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    a.add_argument("--table", default="all", help="4.1, 3.1, 2.1, 2.2, 2.3, 2.4 atau all (bawaan)")
    a.add_argument("--paper", default="F4", choices=["F4", "A4", "Legal"])
    a.set_defaults(handler=cmd_stage_print)
    a = acts.add_parser("export", help="menulis satu tahap sebagai berkas sendiri (hanya-baca, untuk dicetak)")
    a.add_argument("name", metavar="NAME")
    a.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.sqlite")
    a.set_defaults(handler=cmd_stage_export)

    p = sub.add_parser("note", help="catatan verifikasi per baris dan tahap: add, list, close, reopen")
    _file(p)
    acts = p.add_subparsers(dest="action", metavar="AKSI", parser_class=type(p))
    acts.required = True
    a = acts.add_parser("add", help="menulis catatan pada satu baris")
    a.add_argument("kode", metavar="CODE")
    a.add_argument("teks", metavar="TEXT")
    a.add_argument("--stage", default=None, metavar="NAME", help="tahap yang diverifikasi (bawaan: keadaan sekarang)")
    a.add_argument("--alasan", action="store_true", help="alasan perubahan (dicetak di tabel Perubahan Renja)")
    a.add_argument("--oleh", default=None, help="penulis (bawaan: nama pengguna sistem)")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_note_add)
    a = acts.add_parser("list", help="daftar catatan, dapat disaring")
    a.add_argument("--stage", default=None, metavar="NAME")
    a.add_argument("--status", default=None, choices=["terbuka", "selesai"])
    a.add_argument("--kode", default=None, metavar="CODE", help="baris ini dan semua di bawahnya")
    a.add_argument("--jenis", default=None, choices=["verifikasi", "alasan"])
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_note_list)
    for name, status, text in (("close", "selesai", "menandai catatan selesai"),
                               ("reopen", "terbuka", "membuka kembali catatan")):
        a = acts.add_parser(name, help=text)
        a.add_argument("id", metavar="ID", help="id catatan (8 huruf pertama cukup)")
        a.add_argument("--oleh", default=None)
        a.set_defaults(handler=cmd_note_status, status=status)

    register_plans(sub)


# ----------------------------------------------------------------------------------- stage
def cmd_stage_list(args: argparse.Namespace) -> int:
    from .stages import is_locked, list_stages

    with RenjaDocument.open(args.file, readonly=True) as doc:
        items = [s.as_dict() for s in list_stages(doc)]
        locked = is_locked(doc)
        perubahan = doc.meta.get("renja.tahap.perubahan")
    if args.json:
        print_json({"tahap": items, "terkunci": locked, "perubahan_berjalan": perubahan})
        return EXIT_OK
    if not items:
        print("Belum ada tahap yang dibekukan.")
    for s in items:
        print(f"{s['urutan']:>2}. {s['nama']:<20} {s['dibuat_at'][:16].replace('T', ' ')}  {s['oleh'] or '-':<14} "
              f"{s['jumlah_baris']:>6} baris  Rp {format_rupiah(s['total_pagu'])}")
    if locked:
        print("Dokumen sudah ditetapkan: suntingan memerlukan Perubahan (stage FILE perubahan).")
    elif perubahan:
        print(f"Sedang disusun: {perubahan}.")
    return EXIT_OK


def cmd_stage_freeze(args: argparse.Namespace) -> int:
    from .stages import FreezeStage, next_default_name

    with editing(args.file) as doc:
        name = args.name or doc.meta.get("renja.tahap.perubahan") or next_default_name(doc)
        info = execute(doc, FreezeStage(name, args.oleh, args.keterangan))
    if args.json:
        print_json(info.as_dict())
    else:
        print(f"Tahap '{info.nama}' dibekukan ({info.jumlah_baris} baris, total pagu Rp "
              f"{format_rupiah(info.total_pagu)}) oleh {info.oleh or '-'}.")
    return EXIT_OK


def cmd_stage_show(args: argparse.Namespace) -> int:
    from .stages import find_stage, plan_tree, stage_tables

    with RenjaDocument.open(args.file, readonly=True) as doc:
        info = find_stage(doc, args.name)
        tables = stage_tables(doc, info.nama)
    tree = plan_tree(tables["plan_row"])
    rows = [{"kode": n.kode, "nama": n.nama, "level": n.level, "pagu": n.sums[0], "pagu_n1": n.sums[1]}
            for n in tree.walk()]
    if args.json:
        print_json({"tahap": info.as_dict(), "baris": rows, "total_pagu": tree.totals[0],
                    "total_pagu_n1": tree.totals[1]})
        return EXIT_OK
    print(f"Tahap {info.nama} ({info.dibuat_at[:10]}, {info.oleh or '-'})")
    for r in rows:
        name = "  " * (r["level"] - 1) + r["nama"]
        name = name if len(name) <= 60 else name[:59] + "…"
        print(f"{r['kode']:<20} {name:<60} {format_rupiah(r['pagu']):>18}")
    print(f"{'':<20} {'TOTAL':<60} {format_rupiah(tree.totals[0]):>18}")
    return EXIT_OK


def _show(v) -> str:
    if v is None or v == "" or v == ():
        return "(kosong)"
    if isinstance(v, tuple):
        return "; ".join(" ".join(str(x) for x in item if x not in (None, "")) for item in v) or "(kosong)"
    if isinstance(v, int):
        return format_rupiah(v)
    text = str(v)
    return text if len(text) <= 70 else text[:69] + "…"


def cmd_stage_compare(args: argparse.Namespace) -> int:
    from . import stages

    with RenjaDocument.open(args.file, readonly=args.pdf is None) as doc:
        ta = stages.stage_tables(doc, args.a)
        name_a = args.a if args.a.strip().lower() == stages.NOW else stages.find_stage(doc, args.a).nama
        if args.b_file is not None:
            with RenjaDocument.open(args.b_file, readonly=True) as other:
                tb = stages.stage_tables(other, args.b)
                name_b = args.b if args.b.strip().lower() == stages.NOW else stages.find_stage(other, args.b).nama
            cmp = stages.compare_tables(ta, tb, name_a, f"{name_b} ({args.b_file.name})")
        else:
            tb = stages.stage_tables(doc, args.b)
            name_b = args.b if args.b.strip().lower() == stages.NOW else stages.find_stage(doc, args.b).nama
            cmp = stages.compare_tables(ta, tb, name_a, name_b)
        if args.pdf is not None:
            if args.b_file is not None:
                raise CliError("cli.pdf_one_file")
            from .reports import ReportOptions, render_pdf

            result = render_pdf(doc, args.pdf, ["perubahan", "catatan"],
                                ReportOptions(paper=args.paper, compare=(name_a, name_b)))
            sys.stderr.write(f"Tabel Perubahan Renja: {args.pdf} ({result.pages} halaman)\n")
    if args.json:
        print_json(cmp.as_dict())
        return EXIT_OK
    print(f"{cmp.a} → {cmp.b}: {len(cmp.changes)} baris berubah; total pagu Rp {format_rupiah(cmp.total_sebelum)}"
          f" → Rp {format_rupiah(cmp.total_sesudah)} (selisih {format_rupiah(cmp.selisih)})")
    for c in cmp.changes:
        head = f"{c.jenis:<8} {c.tabel:<10} {c.kode or '-':<20} {c.nama[:50]}"
        if c.tabel == "plan_row" and c.selisih:
            head += f"  pagu {format_rupiah(c.pagu_sebelum) or '-'} → {format_rupiah(c.pagu_sesudah) or '-'}"
        print(head)
        for f in c.isian:
            print(f"    {f.isian}: {_show(f.sebelum)} → {_show(f.sesudah)}")
    return EXIT_OK


def cmd_stage_perubahan(args: argparse.Namespace) -> int:
    from .stages import StartPerubahan

    with editing(args.file) as doc:
        name = execute(doc, StartPerubahan())
    print(f"{name} dimulai: dokumen dapat disunting lagi; bekukan dengan 'stage FILE freeze' setelah selesai.")
    return EXIT_OK


def cmd_stage_export(args: argparse.Namespace) -> int:
    from .stages import write_stage_file

    with RenjaDocument.open(args.file, readonly=True) as doc:
        path = write_stage_file(doc, args.name, args.output)
    print(f"Tahap '{args.name}' ditulis ke {path} (hanya-baca; cetakannya bertanda nama tahap).")
    return EXIT_OK


def cmd_stage_print(args: argparse.Namespace) -> int:
    import tempfile

    from .reports import ReportError, ReportOptions, normalize_tables, render_pdf
    from .stages import find_stage, write_stage_file

    try:
        tables = normalize_tables([t.strip() for t in args.table.split(",")])
    except ReportError as exc:
        raise CliError(str(exc)) from None
    with RenjaDocument.open(args.file, readonly=True) as doc:
        nama = find_stage(doc, args.name).nama
        with tempfile.TemporaryDirectory(prefix="renja-tahap-") as tmp:
            staged_path = write_stage_file(doc, nama, Path(tmp) / "tahap.sqlite")
            with RenjaDocument.open(staged_path, readonly=True) as staged:
                try:
                    result = render_pdf(staged, args.output, tables, ReportOptions(paper=args.paper))
                except ReportError as exc:
                    raise CliError(str(exc)) from None
    print(f"Tahap '{nama}': {', '.join(result.tables)} dicetak ke {args.output} ({result.pages} halaman).")
    return EXIT_OK


# ----------------------------------------------------------------------------------- notes
def cmd_note_add(args: argparse.Namespace) -> int:
    from .notes import AddNote

    with editing(args.file) as doc:
        node = doc.plan_by_kode(args.kode)
        if node is None:
            raise CliError("cli.code_missing", kode=args.kode, name=args.file.name)
        note = execute(doc, AddNote(node.id, args.teks, args.stage, "alasan" if args.alasan else "verifikasi",
                                    args.oleh))
    if args.json:
        print_json(note.as_dict())
    else:
        print(f"Catatan {note.id[:8]} ditulis pada {note.kode} ({note.tahap or 'keadaan sekarang'}).")
    return EXIT_OK


def cmd_note_list(args: argparse.Namespace) -> int:
    from .notes import list_notes

    kode = None
    if args.kode:
        try:
            kode = codes.normalize_code(args.kode)
        except codes.CodeError:
            kode = args.kode.strip()
    with RenjaDocument.open(args.file, readonly=True) as doc:
        notes = list_notes(doc, args.stage, args.status, kode, args.jenis)
    if args.json:
        print_json([n.as_dict() for n in notes])
        return EXIT_OK
    for n in notes:
        print(f"{n.id[:8]}  {n.status:<8} {n.tahap or 'sekarang':<16} {n.kode:<20} {n.oleh or '-':<12} "
              f"{n.dibuat_at[:10]}  {'[alasan] ' if n.jenis == 'alasan' else ''}{n.teks}")
    print(f"{len(notes)} catatan ({sum(1 for n in notes if n.status == 'terbuka')} terbuka).")
    return EXIT_OK


def cmd_note_status(args: argparse.Namespace) -> int:
    from .notes import SetNoteStatus, find_note

    with editing(args.file) as doc:
        note = find_note(doc, args.id)
        if note.status == args.status:
            raise CliError("cli.note_status", note=note.id[:8], status=args.status)
        execute(doc, SetNoteStatus(note.id, args.status, args.oleh))
    print(f"Catatan {note.id[:8]} ({note.kode}) kini {args.status}.")
    return EXIT_OK


__all__ = ["register"]


# ----------------------------------------------------------------------------------- rollover, renstra
def register_plans(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rollover", help="membuat Renja tahun berikutnya dari dokumen ini")
    _file(p)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="NEXT.sqlite")
    p.add_argument("--pagu-from", default="prakiraan", choices=["prakiraan", "renstra"],
                   help="pagu tahun baru dari prakiraan maju (bawaan) atau dari anggaran Renstra")
    p.add_argument("--nomenklatur", default=None, metavar="VERSI", help="versi nomenklatur tahun baru (kode dipetakan)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_rollover)

    p = sub.add_parser("renstra", help="Renstra perangkat daerah di dalam dokumen: import, show, check")
    _file(p)
    acts = p.add_subparsers(dest="action", metavar="AKSI", parser_class=type(p))
    acts.required = True
    a = acts.add_parser("import", help="mengimpor tabel Renstra (xlsx/csv/tsv/teks); Tabel 2.1 kolom 5 diisi")
    a.add_argument("source", type=Path, metavar="SOURCE")
    a.add_argument("--sheet", default=None)
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_renstra_import)
    a = acts.add_parser("show", help="isi Renstra dokumen")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_renstra_show)
    a = acts.add_parser("check", help="memeriksa Renstra dan Renja terhadap Renstra; status 1 bila ada galat jumlah")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_renstra_check)


def cmd_rollover(args: argparse.Namespace) -> int:
    from .rollover import rollover

    report = rollover(args.file, args.output, args.pagu_from, args.nomenklatur)
    if args.json:
        print_json(report.as_dict())
    else:
        for line in report.lines():
            print(line)
    return EXIT_OK


def cmd_renstra_import(args: argparse.Namespace) -> int:
    from .renstra import ImportRenstra

    with editing(args.file) as doc:
        result = execute(doc, ImportRenstra(args.source, args.sheet))
    if args.json:
        print_json(result.as_dict())
        return EXIT_OK
    print(f"Renstra {min(result.years)}-{max(result.years)} diimpor: {result.rows} baris; Tabel 2.1 kolom 5 diisi "
          f"pada {result.tabel21_filled} baris.")
    for n in result.notes:
        print(f"  {n}")
    if result.unknown_codes:
        print(f"  {len(result.unknown_codes)} kode tidak ada di nomenklatur dokumen: {', '.join(result.unknown_codes[:10])}")
    return EXIT_OK


def cmd_renstra_show(args: argparse.Namespace) -> int:
    from .renstra import load, years

    with RenjaDocument.open(args.file, readonly=True) as doc:
        items = load(doc)
    ys = years(items)
    if args.json:
        print_json({"periode": [min(ys), max(ys)] if ys else None, "baris": [it.as_dict() for it in items]})
        return EXIT_OK
    if not items:
        print("Dokumen belum memiliki Renstra (renstra FILE import SOURCE).")
        return EXIT_OK
    print(f"{'Kode':<20} {'Uraian':<48} " + " ".join(f"{y:>15}" for y in ys))
    for it in items:
        name = "  " * max(0, it.level - 3) + it.nama
        name = name if len(name) <= 48 else name[:47] + "…"
        print(f"{it.kode:<20} {name:<48} " + " ".join(f"{format_rupiah(it.nilai.get(y, ('', None))[1]):>15}" for y in ys))
    return EXIT_OK


def cmd_renstra_check(args: argparse.Namespace) -> int:
    from .renstra import check

    with RenjaDocument.open(args.file, readonly=True) as doc:
        result = check(doc)
    if args.json:
        print_json(result.as_dict())
    else:
        print(f"Renstra {result.periode[0]}-{result.periode[1]}, Renja {result.tahun}")
        print(f"Galat jumlah Renstra: {len(result.rollup)}")
        for f in result.rollup:
            print(f"  {f.kode:<20} {f.pesan}")
        print(f"Renja dibanding Renstra {result.tahun}: {len(result.deviasi)}")
        for f in result.deviasi:
            print(f"  {f.jenis:<14} {f.kode:<20} {f.pesan}")
        print("Status kegiatan:")
        for s in result.status:
            print(f"  {s['kode']:<20} {s['status']:<16} {s['nama'][:60]}")
    return EXIT_FINDINGS if result.rollup else EXIT_OK
