"""Commands for the other tables: the evaluation tree (Tabel 2.1) and the lists (Tabel 2.2, 2.4).

``renja-desktop eval FILE`` prints Tabel 2.1 with every computed column; ``eval-add`` / ``eval-set``
/ ``eval-delete`` edit it (values as ``--set FIELD=VALUE``) (rows are named by code, or by ``#N``, their number in ``eval``'s
listing, since evaluation rows often have no code). ``item FILE list|add|set|delete --table 2.2|2.4``
edits the lists.
"""
from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

from . import codes, registry
from . import operations as ops
from .cli import EXIT_OK, CliError, print_json
from .cli_core import editing, execute
from .compute import EvalValues
from .formatting import format_percent, format_rupiah
from .registry import TABLES
from .service import RenjaDocument

EVAL_FIELDS = set(registry.fields("eval"))
#: the list tables: printed number -> store
LISTS = {n: t.store for n, t in TABLES.items() if t.store in ("pelayanan", "usulan")}


def _pairs(items: list[str], allowed: set[str]) -> dict[str, str]:
    out = {}
    for item in items:
        if "=" not in item:
            raise CliError("cli.field_form", item=item)
        key, value = item.split("=", 1)
        key = key.strip()
        if key not in allowed:
            raise CliError("cli.unknown_field", key=key, names=", ".join(sorted(allowed)))
        out[key] = value
    return out


def list_fields(nomor: str) -> list[tuple[str, str]]:
    """The fields ``item --set`` takes for Tabel ``nomor``, with their meaning (the registry's)."""
    store = LISTS[nomor]
    return [(key, registry.field_label(key, store, "id")) for key in registry.fields(store)]


def list_fields_help() -> str:
    lines = ["isian --set FIELD=VALUE:"]
    for nomor, name in sorted(LISTS.items()):
        lines.append(f"  Tabel {nomor} ({name}):")
        lines += [f"    {field:<18} {meaning}".rstrip() for field, meaning in list_fields(nomor)]
    lines.append('contoh: renja-desktop item FILE add --table 2.2 --set indikator="Persentase ormas aktif" '
                 "--set target_n=80")
    return "\n".join(lines)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="Tabel 2.1: evaluasi Renja lalu dengan kolom 12-15 terhitung")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_eval)

    p = sub.add_parser("eval-add", help="menambah baris Tabel 2.1")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("nama", metavar="NAME")
    p.add_argument("--parent", default=None, metavar="ROW", help="induk: kode atau #N (tanpa: tingkat teratas)")
    p.add_argument("--kode", default="", help="kode baris (boleh kosong)")
    p.add_argument("--next", action="store_true", help="kode bebas berikutnya di bawah induk")
    p.add_argument("--level", type=int, default=None, help="tingkat 1-5 (bawaan: satu di bawah induk)")
    p.add_argument("--set", dest="values", action="append", default=[], metavar="FIELD=VALUE",
                   help="isian (boleh berulang): " + ", ".join(sorted(EVAL_FIELDS - {"kode", "nama"})))
    p.set_defaults(handler=cmd_eval_add)

    p = sub.add_parser("eval-set", help="mengubah isian baris Tabel 2.1")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("row", metavar="ROW", help="kode atau #N")
    p.add_argument("--set", dest="values", action="append", required=True, metavar="FIELD=VALUE",
                   help="isian yang diubah (boleh berulang)")
    p.set_defaults(handler=cmd_eval_set)

    p = sub.add_parser("eval-delete", help="menghapus baris Tabel 2.1 beserta rinciannya")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("row", metavar="ROW", help="kode atau #N")
    p.set_defaults(handler=cmd_eval_delete)

    p = sub.add_parser("item", help="Tabel 2.2 (pelayanan) dan 2.4 (usulan): list/add/set/delete",
                       epilog=list_fields_help(), formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("action", choices=["list", "add", "set", "delete"])
    p.add_argument("--table", required=True, choices=sorted(LISTS))
    p.add_argument("--index", type=int, default=None, metavar="N", help="nomor baris (mulai 1) untuk set/delete/add")
    p.add_argument("--set", dest="values", action="append", default=[], metavar="FIELD=VALUE",
                   help="isian (boleh berulang)")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_item)


def _eval_row(doc: RenjaDocument, ref: str, path: Path):
    nodes = list(doc.evaluation.walk())
    if ref.startswith("#"):
        try:
            n = int(ref[1:])
        except ValueError:
            raise CliError("cli.not_row_number", ref=ref) from None
        if not 1 <= n <= len(nodes):
            raise CliError("cli.no_eval_row", ref=ref, count=len(nodes))
        return nodes[n - 1]
    found = [node for node in nodes if node.kode == ref]
    if not found:
        raise CliError("cli.eval_code_missing", ref=ref, name=path.name)
    return found[0]


def _eval_record(number: int, node, vals: EvalValues) -> dict:
    def dec(v: Decimal | None):
        return None if v is None else str(v)

    return {
        "no": number, "id": node.id, "kode": node.kode, "nama": node.nama, "level": node.level,
        "satuan": node.values.get("satuan") or "", "indikator": node.values.get("indikator") or "",
        "k_5": dec(vals.k_5), "rp_5": vals.rp_5, "k_6": dec(vals.k_6), "rp_6": vals.rp_6,
        "k_7": dec(vals.k_7), "rp_7": vals.rp_7,
        "rp_8": vals.rp_tw[0], "rp_9": vals.rp_tw[1], "rp_10": vals.rp_tw[2], "rp_11": vals.rp_tw[3],
        "k_12": dec(vals.k_12), "rp_12": vals.rp_12, "k_13": dec(vals.k_13), "rp_13": dec(vals.rp_13),
        "k_14": dec(vals.k_14), "rp_14": vals.rp_14, "k_15": dec(vals.k_15), "rp_15": dec(vals.rp_15),
        "k_13_rows": vals.k_13_rows, "k_15_rows": vals.k_15_rows, "ringkasan": vals.is_summary,
    }


def cmd_eval(args: argparse.Namespace) -> int:
    with RenjaDocument.open(args.file, readonly=True) as doc:
        rows = [(node, doc.evaluation.values_of(node.id)) for node in doc.evaluation.walk()]
        total = doc.evaluation.values_of(None)
        records = [_eval_record(i, n, v) for i, (n, v) in enumerate(rows, start=1)]
        depth = {n.id: n.depth() for n, _ in rows}
    if args.json:
        print_json(records)
        return EXIT_OK
    print(f"{'No':>4} {'Kode':<18} {'Uraian':<44} {'Rp 7':>15} {'Rp 12':>15} {'K 13':>8} {'Rp 13':>8} "
          f"{'Rp 14':>15} {'K 15':>8} {'Rp 15':>8}")
    for (node, v), rec in zip(rows, records):
        name = "  " * depth[node.id] + node.nama
        name = name if len(name) <= 44 else name[:43] + "…"
        print(f"{rec['no']:>4} {node.kode:<18} {name:<44} {format_rupiah(v.rp_7):>15} {format_rupiah(v.rp_12):>15} "
              f"{format_percent(v.k_13):>8} {format_percent(v.rp_13):>8} {format_rupiah(v.rp_14):>15} "
              f"{format_percent(v.k_15):>8} {format_percent(v.rp_15):>8}")
    print(f"{'':>4} {'':<18} {'JUMLAH':<44} {format_rupiah(total.rp_7):>15} {format_rupiah(total.rp_12):>15} "
          f"{format_percent(total.k_13):>8} {format_percent(total.rp_13):>8} {format_rupiah(total.rp_14):>15} "
          f"{format_percent(total.k_15):>8} {format_percent(total.rp_15):>8}")
    return EXIT_OK


def cmd_eval_add(args: argparse.Namespace) -> int:
    fields = _pairs(args.values, EVAL_FIELDS - {"kode", "nama"})
    kode = args.kode.strip()
    if kode:
        try:
            kode = codes.normalize_code(kode)
        except codes.CodeError as exc:
            raise CliError("cli.bad_code", reason=exc) from None
        note = codes.normalization_note(args.kode)
        if note:  # stored in its canonical form: say so
            sys.stderr.write(f"catatan: {note}\n")
    if args.next and kode:
        raise CliError("cli.code_and_next")
    with editing(args.file) as doc:
        parent = _eval_row(doc, args.parent, args.file) if args.parent else None
        level = args.level
        if level is None and parent is None and kode:
            level = codes.code_level(kode)
        op = ops.AddRow("eval", parent.id if parent else None, None if args.next else kode, args.nama,
                        level=level, fields=fields)
        row_id = execute(doc, op)
        number = [n.id for n in doc.evaluation.walk()].index(row_id) + 1
    print(f"Ditambahkan ke Tabel 2.1 sebagai baris #{number}: {args.nama}")
    return EXIT_OK


def cmd_eval_set(args: argparse.Namespace) -> int:
    fields = _pairs(args.values, EVAL_FIELDS)
    with editing(args.file) as doc:
        node = _eval_row(doc, args.row, args.file)
        execute(doc, ops.SetEvalFields(node.id, fields))
        v = doc.evaluation.values_of(node.id)
    print(f"{node.kode or node.nama[:40]}: realisasi Rp {format_rupiah(v.rp_12)}, tingkat realisasi "
          f"{format_percent(v.rp_13)}, capaian Renstra {format_percent(v.rp_15)}")
    return EXIT_OK


def cmd_eval_delete(args: argparse.Namespace) -> int:
    with editing(args.file) as doc:
        node = _eval_row(doc, args.row, args.file)
        count = execute(doc, ops.DeleteRows("eval", [node.id]))
    print(f"Dihapus dari Tabel 2.1: {node.nama[:60]} ({count} baris)")
    return EXIT_OK


def cmd_item(args: argparse.Namespace) -> int:
    name = LISTS[args.table]
    allowed = {field for field, _meaning in list_fields(args.table)}
    fields = _pairs(args.values, allowed)
    readonly = args.action == "list"
    with (RenjaDocument.open(args.file, readonly=True) if readonly else editing(args.file)) as doc:
        items = doc.pelayanan if name == "pelayanan" else doc.usulan

        def pick() -> dict:
            if args.index is None:
                raise CliError("cli.index_needed")
            if not 1 <= args.index <= len(items):
                raise CliError("cli.no_list_row", index=args.index, table=args.table, count=len(items))
            return items[args.index - 1]

        if args.action == "add":
            if not fields:
                raise CliError("cli.need_fields")
            position = None if args.index is None else max(0, args.index - 1)
            execute(doc, ops.AddListItem(name, position, fields))
        elif args.action == "set":
            if not fields:
                raise CliError("cli.need_fields")
            execute(doc, ops.SetListItem(name, pick()["id"], fields))
        elif args.action == "delete":
            execute(doc, ops.DeleteListItems(name, [pick()["id"]]))
        rows = [{k: v for k, v in it.items() if k not in ("modified_at",)} for it in items]
    if args.json:
        print_json(rows)
        return EXIT_OK
    if not rows:
        print(f"Tabel {args.table}: NIHIL (belum ada baris)")
    for i, row in enumerate(rows, start=1):
        main_field = row.get("indikator") if name == "pelayanan" else row.get("program_kegiatan")
        print(f"{i:>3}. {main_field}")
    return EXIT_OK

