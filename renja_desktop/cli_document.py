"""The written document on the command line: ``document`` (whole Renja as PDF or Word),
``chapter`` (list, show, set, add, rename, move, delete, default, plain) and ``import-text``
(narrative of an existing Renja from .docx or text). Chapter edits run the same operations as the
window's Dokumen tab (:mod:`renja_desktop.narrative.store`)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .cli import EXIT_OK, CliError, print_json
from .reports.tables import PAPERS_MM, ReportError
from .service import RenjaDocument


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("document", help="mencetak dokumen Renja lengkap (sampul, kata pengantar, daftar isi, "
                                        "BAB I-V, tabel) ke PDF atau Word (.docx)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf|OUT.docx")
    p.add_argument("--paper", default="A4", choices=list(PAPERS_MM), help="kertas halaman teks, tegak (bawaan A4)")
    p.add_argument("--tables-paper", default="F4", choices=list(PAPERS_MM),
                   help="kertas halaman tabel, melintang (bawaan F4)")
    p.set_defaults(handler=cmd_document)

    p = sub.add_parser("chapter", help="kerangka bab dan isi naskah: list, show, set, add, rename, move, delete, "
                                       "default, plain")
    p.add_argument("file", type=Path, metavar="FILE")
    csub = p.add_subparsers(dest="action", metavar="AKSI", required=True)
    q = csub.add_parser("list", help="daftar bagian dengan nomor, jenis dan id")
    q.add_argument("--json", action="store_true")
    q = csub.add_parser("show", help="isi satu bagian sebagai teks (atau --json: blok tersimpan)")
    q.add_argument("section", metavar="ID", help="nomor ('BAB II', '2.1'), id, atau judul")
    q.add_argument("--json", action="store_true")
    q.add_argument("--values", action="store_true", help="isian {opd} ... diganti nilainya")
    q = csub.add_parser("set", help="mengganti isi satu bagian dari berkas teks (format seperti 'show') "
                                    "atau JSON blok")
    q.add_argument("section", metavar="ID")
    g = q.add_mutually_exclusive_group(required=True)
    g.add_argument("--text-file", type=Path, metavar="F")
    g.add_argument("--json-file", type=Path, metavar="F")
    q = csub.add_parser("add", help="menambah bab (--kind bab) atau subbab di bawah --parent")
    q.add_argument("title", metavar="JUDUL")
    q.add_argument("--parent", metavar="ID", help="bagian induk (tanpa: tingkat teratas)")
    q.add_argument("--kind", default=None, choices=["bab", "sub", "sampul", "kata_pengantar", "daftar_isi",
                                                      "daftar_tabel"], help="jenis (bawaan: sub bila ada induk, bab bila tidak)")
    q.add_argument("--position", type=int, default=None, metavar="N", help="urutan di antara saudaranya (mulai 1)")
    q = csub.add_parser("rename", help="mengganti judul bagian")
    q.add_argument("section", metavar="ID")
    q.add_argument("title", metavar="JUDUL")
    q = csub.add_parser("move", help="memindahkan bagian (nomor mengikuti urutan baru)")
    q.add_argument("section", metavar="ID")
    q.add_argument("--parent", metavar="ID", help="induk baru; 'top' untuk tingkat teratas; tanpa: tetap")
    q.add_argument("--position", type=int, default=None, metavar="N", help="urutan baru (mulai 1)")
    q = csub.add_parser("delete", help="menghapus bagian beserta subbabnya (ditolak bila memuat tabel)")
    q.add_argument("section", metavar="ID")
    csub.add_parser("default", help="membuat kerangka bawaan Permendagri 86/2017 (dokumen tanpa bab)")
    q = csub.add_parser("image", help="menyisipkan gambar PNG/JPEG (mis. logo daerah di sampul) ke bagian")
    q.add_argument("section", metavar="ID")
    q.add_argument("image", type=Path, metavar="GAMBAR")
    q.add_argument("--width-mm", type=float, default=40.0, help="lebar gambar (bawaan 40 mm)")
    q.add_argument("--position", type=int, default=None, metavar="N",
                   help="blok ke-N tempat gambar disisipkan (bawaan: sebelum blok terakhir di sampul, "
                        "di akhir pada bagian lain)")
    q = csub.add_parser("plain", help="menjadikan teks terhitung bagian ini teks biasa yang dapat disunting")
    q.add_argument("section", metavar="ID")
    p.set_defaults(handler=cmd_chapter)

    p = sub.add_parser("import-text", help="mengimpor naskah Renja (bab, paragraf, daftar) dari .docx atau teks")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("source", type=Path, metavar="SUMBER.docx|SUMBER.txt")
    p.add_argument("--replace", action="store_true", help="mengganti naskah yang sudah ada")
    p.add_argument("--tables", action="store_true",
                   help="tabel di sumber juga diimpor oleh pengimpor tabel (bawaan: dilewati)")
    p.add_argument("--json", action="store_true", help="laporan per paragraf sebagai JSON")
    p.set_defaults(handler=cmd_import_text)


def cmd_document(args: argparse.Namespace) -> int:
    from .reports.document_pdf import DocumentOptions, render_document_pdf
    from .reports.fonts import FontMissingError

    suffix = args.output.suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise CliError("cli.output_pdf_docx", path=args.output)
    if not args.output.parent.exists():
        raise CliError("cli.output_folder", folder=args.output.parent)
    options = DocumentOptions(paper=args.paper, tables_paper=args.tables_paper)
    with RenjaDocument.open(args.file, readonly=True) as doc:
        try:
            if suffix == ".pdf":
                result = render_document_pdf(doc, args.output, options)
                sys.stdout.write(
                    f"PDF ditulis: {result.path} ({result.pages} halaman: teks {args.paper} tegak, "
                    f"{len(result.landscape_pages)} halaman tabel {args.tables_paper} melintang; "
                    f"{len(result.toc)} judul di daftar isi, {len(result.tables)} tabel)\n")
            else:
                from .reports.document_docx import render_document_docx

                result = render_document_docx(doc, args.output, options)
                sys.stdout.write(f"Word ditulis: {result.path} ({len(result.headings)} judul, "
                                 f"{len(result.tables)} tabel)\n")
        except (ReportError, FontMissingError) as exc:
            raise CliError(exc.key, **exc.params) from None
        except OSError as exc:
            raise CliError("cli.cannot_write", path=args.output, reason=exc.strerror or exc) from None
    return EXIT_OK


def _position(n: int | None) -> int | None:
    if n is None:
        return None
    if n < 1:
        raise CliError("cli.position")
    return n - 1


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CliError("cli.file_missing", path=path) from None
    except UnicodeDecodeError:
        raise CliError("cli.not_utf8", path=path) from None


def cmd_chapter(args: argparse.Namespace) -> int:
    from .narrative import fields as fieldmod
    from .narrative import format as fmt
    from .narrative import store

    readonly = args.action in ("list", "show")
    with RenjaDocument.open(args.file, readonly=readonly) as doc:
        a = args.action
        if a == "list":
            nodes = store.flat(doc)
            if args.json:
                print_json([{"id": n.id, "nomor": n.nomor, "jenis": n.kind, "judul": n.judul, "tingkat": n.depth,
                             "tabel": [b["tabel"] for b in store.blocks_of(n) if b["type"] == "table_ref"]}
                            for n in nodes])
                return EXIT_OK
            if not nodes:
                print("Dokumen belum punya kerangka bab (buat dengan 'chapter FILE default').")
            for n in nodes:
                tables = [b["tabel"] for b in store.blocks_of(n) if b["type"] == "table_ref"]
                extra = f"  [Tabel {', '.join(tables)}]" if tables else ""
                print(f"{n.id[:8]}  {'   ' * n.depth}{store.label(n)}{extra}")
            return EXIT_OK
        if a == "default":
            ids = doc.history.execute(store.InstallOutline(None, replace=False)).result
            print(f"Kerangka bawaan dibuat: {len(ids)} bagian.")
            return EXIT_OK
        if a == "add":
            parent = store.find(doc, args.parent) if args.parent else None
            kind = args.kind or ("sub" if parent else "bab")
            sid = doc.history.execute(
                store.AddSection(parent.id if parent else None, args.title, kind, _position(args.position))).result
            node = store.find(doc, sid)
            print(f"Ditambahkan: {store.label(node)} (id {node.id[:8]})")
            return EXIT_OK
        node = store.find(doc, args.section)
        if a == "show":
            blocks = store.blocks_of(node)
            if args.json:
                print_json({"id": node.id, "nomor": node.nomor, "jenis": node.kind, "judul": node.judul,
                            "isi": {"format": fmt.FORMAT, "version": fmt.VERSION, "blocks": blocks}})
                return EXIT_OK
            text = fmt.plain_text(blocks, marked=True)
            if args.values:
                text = fieldmod.substitute(text, doc)
            print(text)
            return EXIT_OK
        if a == "set":
            if args.json_file:
                try:
                    obj = json.loads(_read(args.json_file))
                except ValueError as exc:
                    raise CliError("cli.not_json", path=args.json_file, reason=exc) from None
                blocks = obj.get("blocks") if isinstance(obj, dict) else obj
                if isinstance(obj, dict) and "isi" in obj:
                    blocks = obj["isi"].get("blocks")
            else:
                from .narrative.textimport import blocks_from_plain

                old = store.blocks_of(node)
                blocks = blocks_from_plain(_read(args.text_file), [b for b in old if b["type"] == "image"])
                if node.kind == "sampul":  # the cover's lines stay centred titles
                    for k, b in enumerate(x for x in blocks if x["type"] == "paragraph"):
                        b["align"], b["style"] = "center", "title" if k == 0 else "subtitle"
            doc.history.execute(store.SetContent(node.id, blocks))
            print(f"Isi {store.label(node)} diganti ({len(blocks)} blok).")
            return EXIT_OK
        if a == "rename":
            doc.history.execute(store.RenameSection(node.id, args.title))
            print(f"Judul diganti: {store.label(store.find(doc, node.id))}")
            return EXIT_OK
        if a == "move":
            if args.parent is None:
                parent_id = node.parent_id
            elif args.parent == "top":
                parent_id = None
            else:
                parent_id = store.find(doc, args.parent).id
            doc.history.execute(store.MoveSection(node.id, parent_id, _position(args.position)))
            print(f"Dipindahkan: {store.label(store.find(doc, node.id))}")
            return EXIT_OK
        if a == "delete":
            removed = doc.history.execute(store.DeleteSection(node.id)).result
            print(f"Dihapus: {store.label(node)} ({len(removed)} bagian)")
            return EXIT_OK
        if a == "image":
            try:
                data = args.image.read_bytes()
            except OSError as exc:
                raise CliError("cli.image_unreadable", path=args.image, reason=exc.strerror or exc) from None
            try:
                block = fmt.image_block(data, width_mm=args.width_mm)
                fmt.sniff_image(data, args.image.name)
            except fmt.FormatError:
                raise CliError("cli.not_image", name=args.image.name) from None
            blocks = store.blocks_of(node)
            at = _position(args.position)
            if at is None:
                at = max(0, len(blocks) - 1) if node.kind == "sampul" else len(blocks)
            blocks.insert(min(at, len(blocks)), block)
            doc.history.execute(store.SetContent(node.id, blocks, strict_fields=False, label="sisipkan gambar"))
            print(f"Gambar disisipkan ke {store.label(node)}.")
            return EXIT_OK
        if a == "plain":
            doc.history.execute(store.freeze_generated(doc, node.id))
            print(f"Teks terhitung {store.label(node)} kini teks biasa.")
            return EXIT_OK
    raise CliError("cli.unknown_action", action=args.action)  # pragma: no cover - argparse refuses it


def cmd_import_text(args: argparse.Namespace) -> int:
    from .narrative.textimport import import_narrative

    from .operations import Call

    with RenjaDocument.open(args.file) as doc:
        report = doc.history.execute(Call(
            lambda d: import_narrative(d, args.source, replace=args.replace, tables=args.tables),
            f"impor naskah dari {args.source.name}")).result
    if args.json:
        print_json(report.as_dict())
    else:
        print(report.summary())
    return EXIT_OK
