"""Sections in the document file, and every edit of them as an operation (:mod:`renja_desktop.operations`).

Each operation (:class:`AddSection`, :class:`RenameSection`, :class:`SetContent`,
:class:`MoveSection`, :class:`DeleteSection`, :class:`InstallOutline`) checks its input first (an
Indonesian :class:`~renja_desktop.service.EditError`, nothing written), then writes through the one
primitive :func:`put_rows`, which records its own inverse (the touched rows as they were) while an
operation runs. ``doc.history.execute(op)`` gives the change set and the inverse (undo) as for
every other edit; the window's undo stack and the command line run the same operations.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select, update

from ..model import Section, new_id, now_stamp
from ..operations import Operation
from ..errors import EditError
from ..service import ChangeEvent as Change
from . import fields as fieldmod
from . import format as fmt
from .outline import KINDS, SectionNode, default_outline, number_tree, walk

if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument

T_SECTION = Section.__table__
COLUMNS = ("id", "parent_id", "position", "kind", "judul", "content", "modified_at")


# ------------------------------------------------------------------------------ reading
def has_table(doc: "RenjaDocument") -> bool:
    return doc.conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'section'").fetchone() is not None


def ensure_table(doc: "RenjaDocument") -> None:
    """Files written before the outline existed get the (empty) table on their first section edit."""
    if not has_table(doc):
        T_SECTION.create(doc.conn, checkfirst=True)


def rows(doc: "RenjaDocument") -> list[dict]:
    if not has_table(doc):
        return []
    result = doc.conn.execute(select(T_SECTION).order_by(T_SECTION.c.position, T_SECTION.c.id))
    keys = list(result.keys())
    out = [dict(zip(keys, r)) for r in result.fetchall()]
    if not doc._batch_depth:
        doc.conn.rollback()  # end the read transaction (the service keeps none open between edits)
    return out


def outline(doc: "RenjaDocument") -> list[SectionNode]:
    """The section tree (roots in order), numbered."""
    nodes = {r["id"]: SectionNode(**{k: r[k] for k in COLUMNS}) for r in rows(doc)}
    roots: list[SectionNode] = []
    for n in sorted(nodes.values(), key=lambda n: (n.position, n.id)):
        parent = nodes.get(n.parent_id) if n.parent_id else None
        (parent.children if parent is not None else roots).append(n)
    number_tree(roots)
    return roots


def flat(doc: "RenjaDocument") -> list[SectionNode]:
    return list(walk(outline(doc)))


def find(doc: "RenjaDocument", ref: str) -> SectionNode:
    """A section by id, id prefix (≥ 6 characters), number ("BAB II", "2.1", "2.1.") or title."""
    ref = (ref or "").strip()
    nodes = flat(doc)
    for n in nodes:
        if n.id == ref:
            return n
    norm = ref.rstrip(".").upper()
    hits = [n for n in nodes if n.nomor and n.nomor.upper() == norm]
    if not hits and len(ref) >= 6:
        hits = [n for n in nodes if n.id.startswith(ref)]
    if not hits:
        hits = [n for n in nodes if n.judul.strip().lower() == ref.lower()]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise EditError(f"bagian '{ref}' tidak ada; lihat daftarnya dengan 'chapter FILE list'")
    raise EditError(f"'{ref}' cocok dengan {len(hits)} bagian; sebut nomornya atau id-nya")


def blocks_of(node: SectionNode) -> list[dict]:
    return fmt.loads(node.content)


def label(node: SectionNode) -> str:
    return f"{node.nomor} {node.judul}".strip() if node.nomor else node.judul


def placements(doc: "RenjaDocument", nodes: list[SectionNode] | None = None) -> dict[str, str]:
    """Table number -> id of the section it is placed in."""
    out: dict[str, str] = {}
    for n in nodes if nodes is not None else flat(doc):
        for b in blocks_of(n):
            if b["type"] == "table_ref":
                out.setdefault(b["tabel"], n.id)
    return out


# ------------------------------------------------------------------------------ the primitive write
def _write(doc: "RenjaDocument") -> None:
    doc._writable()
    ensure_table(doc)


def _siblings(doc: "RenjaDocument", parent_id: str | None) -> list[dict]:
    cond = T_SECTION.c.parent_id.is_(None) if parent_id is None else T_SECTION.c.parent_id == parent_id
    result = doc.conn.execute(select(T_SECTION).where(cond).order_by(T_SECTION.c.position, T_SECTION.c.id))
    return [dict(r) for r in result.mappings().fetchall()]


def _get(doc: "RenjaDocument", section_id: str) -> dict:
    r = doc.conn.execute(select(T_SECTION).where(T_SECTION.c.id == section_id)).mappings().fetchone()
    if r is None:
        raise EditError(f"bagian {section_id[:8]} tidak ada (sudah dihapus?)")
    return dict(r)


def _snapshot(doc: "RenjaDocument", ids: list[str]) -> list[dict]:
    if not ids:
        return []
    out = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        out += [dict(r) for r in doc.conn.execute(
            select(T_SECTION).where(T_SECTION.c.id.in_(chunk))).mappings().fetchall()]
    return out


def _parents_first(rows: list[dict]) -> list[dict]:
    by_id = {r["id"]: r for r in rows}

    def depth(r: dict) -> int:
        d, p, seen = 0, r.get("parent_id"), set()
        while p in by_id and p not in seen:
            seen.add(p)
            d += 1
            p = by_id[p].get("parent_id")
        return d

    return sorted(rows, key=depth)


def put_rows(doc: "RenjaDocument", rows: list[dict], ids: list[str]) -> Change:
    """Make the section rows with ``ids`` exactly ``rows`` (rows not given are deleted, new ones
    inserted, the others updated), in one transaction; record the rows as they were, so that
    ``put_rows(before, ids)`` undoes it. The one write every section operation goes through."""
    _write(doc)
    ids = list(dict.fromkeys(list(ids) + [r["id"] for r in rows]))
    before = _snapshot(doc, ids)
    existing = {r["id"] for r in before}
    want = {r["id"]: r for r in rows}
    with doc._atomic():
        for r in reversed(_parents_first(before)):
            if r["id"] not in want:
                doc.conn.execute(delete(T_SECTION).where(T_SECTION.c.id == r["id"]))
        for r in _parents_first(rows):
            values = {k: r[k] for k in COLUMNS}
            if r["id"] in existing:
                doc.conn.execute(update(T_SECTION).where(T_SECTION.c.id == r["id"]).values(**values))
            else:
                doc.conn.execute(insert(T_SECTION).values(**values))
    doc._record("put_sections", before, ids)
    change = Change("section", {k for k in want if k in existing},
                    inserted=[r["id"] for r in _parents_first(rows) if r["id"] not in existing],
                    removed=[k for k in existing if k not in want])
    doc._emit(change)
    return change


def _placed(rows: list[dict], position_of: dict[str, int]) -> list[dict]:
    out = []
    for r in rows:
        r = dict(r)
        r["position"] = position_of[r["id"]]
        out.append(r)
    return out


def check_blocks(doc: "RenjaDocument", blocks: list[dict], section_id: str | None,
                 strict_fields: bool = True) -> None:
    """Refuse content that is not in the format, names unknown fields, or places a table that
    another section already holds."""
    try:
        fmt.validate(blocks)
    except fmt.FormatError as exc:
        raise EditError(str(exc)) from None
    if strict_fields:
        unknown = sorted({n for runs in fmt.iter_runs(blocks) for n in fieldmod.unknown_in(fmt.runs_text(runs))})
        if unknown:
            known = ", ".join("{" + k + "}" for k in fieldmod.FIELDS)
            raise EditError(f"isian {', '.join('{' + u + '}' for u in unknown)} tidak dikenal; "
                            f"isian yang ada: {known}")
    mine = [b["tabel"] for b in blocks if b["type"] == "table_ref"]
    dup = {t for t in mine if mine.count(t) > 1}
    if dup:
        raise EditError(f"Tabel {', '.join(sorted(dup))} ditempatkan lebih dari sekali dalam bagian ini")
    others = {t: sid for t, sid in placements(doc).items() if sid != section_id}
    clash = [t for t in mine if t in others]
    if clash:
        where = find(doc, others[clash[0]])
        raise EditError(f"Tabel {clash[0]} sudah ditempatkan di bagian '{label(where)}'; "
                        "satu tabel hanya dicetak di satu tempat")


def _check_title(judul: str) -> str:
    judul = (judul or "").strip()
    if not judul:
        raise EditError("judul bagian tidak boleh kosong")
    unknown = fieldmod.unknown_in(judul)
    if unknown:
        raise EditError(f"isian {', '.join('{' + u + '}' for u in unknown)} pada judul tidak dikenal")
    return judul


# ------------------------------------------------------------------------------ operations
class AddSection(Operation):
    """A new section under ``parent_id`` (None: top level) at ``position`` (None: last).
    Result: the new section's id."""

    def __init__(self, parent_id: str | None, judul: str, kind: str = "sub", position: int | None = None,
                 blocks: list[dict] | None = None, section_id: str | None = None, strict_fields: bool = True):
        super().__init__()
        self.parent_id, self.judul, self.kind, self.position = parent_id, judul, kind, position
        self.blocks = list(blocks or [])
        self.section_id = section_id
        self.strict_fields = strict_fields
        self.label = f"tambah bagian '{(judul or '').strip()[:40]}'"

    def apply(self, doc: "RenjaDocument") -> str:
        _write(doc)
        judul = _check_title(self.judul) if self.strict_fields else (self.judul or "").strip()
        if not judul:
            raise EditError("judul bagian tidak boleh kosong")
        if self.kind not in KINDS:
            raise EditError(f"jenis bagian '{self.kind}' tidak dikenal; pilih {', '.join(KINDS)}")
        if self.parent_id is not None:
            _get(doc, self.parent_id)
        check_blocks(doc, self.blocks, None, self.strict_fields)
        sid = self.section_id or new_id()
        sibs = _siblings(doc, self.parent_id)
        pos = len(sibs) if self.position is None else max(0, min(self.position, len(sibs)))
        row = {"id": sid, "parent_id": self.parent_id, "position": pos, "kind": self.kind, "judul": judul,
               "content": fmt.dumps(self.blocks), "modified_at": now_stamp()}
        order = [s["id"] for s in sibs]
        order.insert(pos, sid)
        rows = _placed(sibs, {k: i for i, k in enumerate(order)}) + [row]
        put_rows(doc, rows, order)
        self.section_id = sid  # done again (redo of a re-execution) it makes the same section
        return sid


class RenameSection(Operation):
    def __init__(self, section_id: str, judul: str, kind: str | None = None):
        super().__init__()
        self.section_id, self.judul, self.kind = section_id, judul, kind
        self.label = f"ubah judul menjadi '{(judul or '').strip()[:40]}'"

    def apply(self, doc: "RenjaDocument") -> None:
        _write(doc)
        row = _get(doc, self.section_id)
        judul = _check_title(self.judul)
        kind = self.kind or row["kind"]
        if kind not in KINDS:
            raise EditError(f"jenis bagian '{kind}' tidak dikenal; pilih {', '.join(KINDS)}")
        if (judul, kind) == (row["judul"], row["kind"]):
            return
        put_rows(doc, [{**row, "judul": judul, "kind": kind, "modified_at": now_stamp()}], [row["id"]])


class SetContent(Operation):
    def __init__(self, section_id: str, blocks: list[dict], strict_fields: bool = True,
                 label: str = "ubah isi bagian"):
        super().__init__()
        self.section_id, self.blocks, self.strict_fields = section_id, blocks, strict_fields
        self.label = label

    def apply(self, doc: "RenjaDocument") -> None:
        _write(doc)
        row = _get(doc, self.section_id)
        check_blocks(doc, self.blocks, self.section_id, self.strict_fields)
        content = fmt.dumps(self.blocks)
        if content == row["content"]:
            return
        put_rows(doc, [{**row, "content": content, "modified_at": now_stamp()}], [row["id"]])


class MoveSection(Operation):
    def __init__(self, section_id: str, parent_id: str | None, position: int | None = None,
                 label: str = "pindahkan bagian"):
        super().__init__()
        self.section_id, self.parent_id, self.position = section_id, parent_id, position
        self.label = label

    def apply(self, doc: "RenjaDocument") -> None:
        _write(doc)
        row = _get(doc, self.section_id)
        if self.parent_id is not None:
            _get(doc, self.parent_id)
            p: str | None = self.parent_id
            while p is not None:
                if p == self.section_id:
                    raise EditError("bagian tidak dapat dipindahkan ke dalam dirinya sendiri")
                p = _get(doc, p)["parent_id"]
        old_sibs = _siblings(doc, row["parent_id"])
        old_order = [s["id"] for s in old_sibs if s["id"] != row["id"]]
        same = self.parent_id == row["parent_id"]
        new_sibs = old_sibs if same else _siblings(doc, self.parent_id)
        new_order = old_order if same else [s["id"] for s in new_sibs]
        pos = len(new_order) if self.position is None else max(0, min(self.position, len(new_order)))
        new_order = list(new_order)
        new_order.insert(pos, row["id"])
        if same and [s["id"] for s in old_sibs] == new_order:
            return
        moved = {**row, "parent_id": self.parent_id, "modified_at": now_stamp()}
        positions = {k: i for i, k in enumerate(old_order)}
        positions.update({k: i for i, k in enumerate(new_order)})
        rows = {s["id"]: s for s in old_sibs + (new_sibs if not same else [])}
        rows[row["id"]] = moved
        put_rows(doc, _placed(list(rows.values()), positions), list(rows))


def _subtree_rows(doc: "RenjaDocument", section_id: str) -> list[dict]:
    out, stack = [], [section_id]
    while stack:
        sid = stack.pop(0)
        out.append(_get(doc, sid))
        stack.extend(s["id"] for s in _siblings(doc, sid))
    return out


class DeleteSection(Operation):
    """Remove a section and its subsections; refused when one of them holds a table."""

    def __init__(self, section_id: str, label: str = "hapus bagian"):
        super().__init__()
        self.section_id = section_id
        self.label = label

    def apply(self, doc: "RenjaDocument") -> list[str]:
        _write(doc)
        sub = _subtree_rows(doc, self.section_id)
        for r in sub:
            tables = [b["tabel"] for b in fmt.loads(r["content"]) if b["type"] == "table_ref"]
            if tables:
                node = find(doc, r["id"])
                raise EditError(
                    f"bagian '{label(node)}' memuat Tabel {', '.join(tables)}; pindahkan tabel itu ke bagian lain "
                    "dahulu (bagian tidak dihapus)")
        root = sub[0]
        sibs = [s for s in _siblings(doc, root["parent_id"]) if s["id"] != root["id"]]
        positions = {s["id"]: i for i, s in enumerate(sibs)}
        put_rows(doc, _placed(sibs, positions), [r["id"] for r in sub] + list(positions))
        return [r["id"] for r in sub]


def outline_rows(spec: list[dict], strict_fields: bool = False) -> list[dict]:
    """Section rows (new ids) for an outline spec ``[{kind, judul, blocks, children}]``."""
    out: list[dict] = []

    def add(items: list[dict], parent: str | None) -> None:
        for pos, item in enumerate(items):
            kind = item.get("kind", "sub")
            if kind not in KINDS:
                raise EditError(f"jenis bagian '{kind}' tidak dikenal")
            judul = (item.get("judul") or "").strip() or KINDS[kind]
            blocks = item.get("blocks", [])
            try:
                fmt.validate(blocks)
            except fmt.FormatError as exc:
                raise EditError(f"bagian '{judul}': {exc}") from None
            sid = new_id()
            out.append({"id": sid, "parent_id": parent, "position": pos, "kind": kind, "judul": judul,
                        "content": fmt.dumps(blocks), "modified_at": now_stamp()})
            add(item.get("children", []), sid)

    add(spec, None)
    tables = [b["tabel"] for r in out for b in fmt.loads(r["content"]) if b["type"] == "table_ref"]
    dup = sorted({t for t in tables if tables.count(t) > 1})
    if dup:
        raise EditError(f"Tabel {', '.join(dup)} ditempatkan lebih dari sekali dalam kerangka")
    return out


class InstallOutline(Operation):
    """Put an outline (default: the Permendagri 86/2017 sistematika; or one read from a source by
    the narrative importer) in place of the current one, in one transaction. Result: the new ids."""

    def __init__(self, spec: list[dict] | None = None, replace: bool = True, label: str = "buat kerangka dokumen"):
        super().__init__()
        self.spec = spec
        self.replace = replace
        self.label = label

    def apply(self, doc: "RenjaDocument") -> list[str]:
        _write(doc)
        old = [r["id"] for r in rows(doc)]
        if old and not self.replace:
            raise EditError("dokumen sudah punya kerangka bab; ubah bagian satu per satu")
        new = outline_rows(default_outline() if self.spec is None else self.spec)
        put_rows(doc, new, old)
        return [r["id"] for r in new]


def install_outline(doc: "RenjaDocument", outline_spec: list[dict] | None = None,
                    strict_fields: bool = False) -> list[str]:
    """Write an outline (default: :func:`default_outline`) into a document that has none; returns
    the new section ids. Refused when the document already has sections."""
    return InstallOutline(outline_spec, replace=False).apply(doc)


def freeze_generated(doc: "RenjaDocument", section_id: str) -> SetContent:
    """The operation that turns the section's generated passages into the plain text they print
    now (so the author can edit it). Refused when the section has none."""
    from .generated import expand_all

    node = find(doc, section_id)
    blocks = blocks_of(node)
    if not any(b["type"] == "generated" for b in blocks):
        raise EditError(f"bagian '{label(node)}' tidak memuat teks terhitung")
    return SetContent(node.id, expand_all(doc, blocks), strict_fields=False,
                      label="jadikan teks terhitung teks biasa")
