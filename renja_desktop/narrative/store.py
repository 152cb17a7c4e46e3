"""Sections in the document file, and every edit of them as an operation with its inverse.

Each operation (:class:`AddSection`, :class:`RenameSection`, :class:`SetContent`,
:class:`MoveSection`, :class:`DeleteSection`, :class:`RestoreSections`) checks its input first (an
Indonesian :class:`~renja_desktop.service.EditError`, nothing written), writes the ``section``
rows and commits, and returns :class:`OpResult`: the :class:`~renja_desktop.service.Change` it made
and the operation that undoes it. The window's undo stack and the command line run the same
operations.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select, update

from ..model import Section, new_id, now_stamp
from ..service import Change, EditError
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


# ------------------------------------------------------------------------------ operations
@dataclass
class OpResult:
    change: Change
    inverse: "Operation"


class Operation:
    """An edit of the outline. :meth:`apply` checks, writes, commits and returns the inverse."""

    text = "ubah naskah"

    def apply(self, doc: "RenjaDocument") -> OpResult:  # pragma: no cover - abstract
        raise NotImplementedError


def _write(doc: "RenjaDocument") -> None:
    doc._writable()
    ensure_table(doc)


def _siblings(doc: "RenjaDocument", parent_id: str | None) -> list[dict]:
    cond = T_SECTION.c.parent_id.is_(None) if parent_id is None else T_SECTION.c.parent_id == parent_id
    result = doc.conn.execute(select(T_SECTION.c.id, T_SECTION.c.position).where(cond)
                              .order_by(T_SECTION.c.position, T_SECTION.c.id))
    return [{"id": r[0], "position": r[1]} for r in result.fetchall()]


def _renumber(doc: "RenjaDocument", ids: list[str]) -> None:
    for i, sid in enumerate(ids):
        doc.conn.execute(update(T_SECTION).where(T_SECTION.c.id == sid).values(position=i))


def _get(doc: "RenjaDocument", section_id: str) -> dict:
    r = doc.conn.execute(select(T_SECTION).where(T_SECTION.c.id == section_id)).mappings().fetchone()
    if r is None:
        raise EditError(f"bagian {section_id[:8]} tidak ada (sudah dihapus?)")
    return dict(r)


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


@dataclass
class AddSection(Operation):
    parent_id: str | None
    judul: str
    kind: str = "sub"
    position: int | None = None
    blocks: list[dict] = field(default_factory=list)
    section_id: str | None = None
    strict_fields: bool = True

    @property
    def text(self) -> str:  # type: ignore[override]
        return f"tambah bagian '{self.judul}'"

    def apply(self, doc: "RenjaDocument") -> OpResult:
        _write(doc)
        judul = (self.judul or "").strip()
        if not judul:
            raise EditError("judul bagian tidak boleh kosong")
        if self.kind not in KINDS:
            raise EditError(f"jenis bagian '{self.kind}' tidak dikenal; pilih {', '.join(KINDS)}")
        if self.parent_id is not None:
            _get(doc, self.parent_id)
        check_blocks(doc, self.blocks, None, self.strict_fields)
        sid = self.section_id or new_id()
        with doc._atomic():
            sibs = [s["id"] for s in _siblings(doc, self.parent_id)]
            pos = len(sibs) if self.position is None else max(0, min(self.position, len(sibs)))
            doc.conn.execute(insert(T_SECTION).values(
                id=sid, parent_id=self.parent_id, position=pos, kind=self.kind, judul=judul,
                content=fmt.dumps(self.blocks), modified_at=now_stamp()))
            sibs.insert(pos, sid)
            _renumber(doc, sibs)
        change = Change("section", inserted=[sid])
        doc._emit(change)
        return OpResult(change, DeleteSection(sid))


@dataclass
class RenameSection(Operation):
    section_id: str
    judul: str
    kind: str | None = None

    @property
    def text(self) -> str:  # type: ignore[override]
        return f"ubah judul menjadi '{self.judul}'"

    def apply(self, doc: "RenjaDocument") -> OpResult:
        _write(doc)
        old = _get(doc, self.section_id)
        judul = (self.judul or "").strip()
        if not judul:
            raise EditError("judul bagian tidak boleh kosong")
        unknown = fieldmod.unknown_in(judul)
        if unknown:
            raise EditError(f"isian {', '.join('{' + u + '}' for u in unknown)} pada judul tidak dikenal")
        kind = self.kind or old["kind"]
        if kind not in KINDS:
            raise EditError(f"jenis bagian '{kind}' tidak dikenal; pilih {', '.join(KINDS)}")
        with doc._atomic():
            doc.conn.execute(update(T_SECTION).where(T_SECTION.c.id == self.section_id)
                             .values(judul=judul, kind=kind, modified_at=now_stamp()))
        change = Change("section", {self.section_id})
        doc._emit(change)
        return OpResult(change, RenameSection(self.section_id, old["judul"], old["kind"]))


@dataclass
class SetContent(Operation):
    section_id: str
    blocks: list[dict]
    strict_fields: bool = True
    text: str = "ubah isi bagian"

    def apply(self, doc: "RenjaDocument") -> OpResult:
        _write(doc)
        old = _get(doc, self.section_id)
        check_blocks(doc, self.blocks, self.section_id, self.strict_fields)
        content = fmt.dumps(self.blocks)
        with doc._atomic():
            doc.conn.execute(update(T_SECTION).where(T_SECTION.c.id == self.section_id)
                             .values(content=content, modified_at=now_stamp()))
        change = Change("section", {self.section_id})
        doc._emit(change)
        return OpResult(change, SetContent(self.section_id, fmt.loads(old["content"]), strict_fields=False,
                                           text=self.text))


@dataclass
class MoveSection(Operation):
    section_id: str
    parent_id: str | None
    position: int | None = None
    text: str = "pindahkan bagian"

    def apply(self, doc: "RenjaDocument") -> OpResult:
        _write(doc)
        row = _get(doc, self.section_id)
        if self.parent_id is not None:
            _get(doc, self.parent_id)
            p: str | None = self.parent_id
            while p is not None:
                if p == self.section_id:
                    raise EditError("bagian tidak dapat dipindahkan ke dalam dirinya sendiri")
                p = _get(doc, p)["parent_id"]
        old_parent = row["parent_id"]
        old_sibs = [s["id"] for s in _siblings(doc, old_parent)]
        old_pos = old_sibs.index(self.section_id)
        with doc._atomic():
            old_sibs.remove(self.section_id)
            _renumber(doc, old_sibs)
            sibs = old_sibs if self.parent_id == old_parent else [s["id"] for s in _siblings(doc, self.parent_id)]
            pos = len(sibs) if self.position is None else max(0, min(self.position, len(sibs)))
            sibs.insert(pos, self.section_id)
            doc.conn.execute(update(T_SECTION).where(T_SECTION.c.id == self.section_id)
                             .values(parent_id=self.parent_id, modified_at=now_stamp()))
            _renumber(doc, sibs)
        change = Change("section", moved=[self.section_id])
        doc._emit(change)
        return OpResult(change, MoveSection(self.section_id, old_parent, old_pos, self.text))


def _subtree_rows(doc: "RenjaDocument", section_id: str) -> list[dict]:
    out, stack = [], [section_id]
    while stack:
        sid = stack.pop(0)
        out.append(_get(doc, sid))
        stack.extend(s["id"] for s in _siblings(doc, sid))
    return out


@dataclass
class DeleteSection(Operation):
    section_id: str
    text: str = "hapus bagian"

    def apply(self, doc: "RenjaDocument") -> OpResult:
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
        sibs = [s["id"] for s in _siblings(doc, root["parent_id"])]
        pos = sibs.index(self.section_id)
        with doc._atomic():
            for r in reversed(sub):
                doc.conn.execute(delete(T_SECTION).where(T_SECTION.c.id == r["id"]))
            sibs.remove(self.section_id)
            _renumber(doc, sibs)
        change = Change("section", removed=[r["id"] for r in sub])
        doc._emit(change)
        return OpResult(change, RestoreSections(sub, pos))


@dataclass
class RestoreSections(Operation):
    """Put deleted sections back exactly (the inverse of :class:`DeleteSection`)."""

    rows: list[dict[str, Any]]
    position: int
    text: str = "kembalikan bagian"

    def apply(self, doc: "RenjaDocument") -> OpResult:
        _write(doc)
        root = self.rows[0]
        with doc._atomic():
            sibs = [s["id"] for s in _siblings(doc, root["parent_id"])]
            for r in self.rows:
                doc.conn.execute(insert(T_SECTION).values(**{k: r[k] for k in COLUMNS}))
            sibs.insert(max(0, min(self.position, len(sibs))), root["id"])
            _renumber(doc, sibs)
        change = Change("section", inserted=[r["id"] for r in self.rows])
        doc._emit(change)
        return OpResult(change, DeleteSection(root["id"]))


def freeze_generated(doc: "RenjaDocument", section_id: str) -> OpResult:
    """Turn the section's generated passages into the plain text they print now (to edit it)."""
    from .generated import expand_all

    node = find(doc, section_id)
    blocks = blocks_of(node)
    if not any(b["type"] == "generated" for b in blocks):
        raise EditError(f"bagian '{label(node)}' tidak memuat teks terhitung")
    return SetContent(node.id, expand_all(doc, blocks), strict_fields=False,
                      text="jadikan teks terhitung teks biasa").apply(doc)


def install_outline(doc: "RenjaDocument", outline_spec: list[dict] | None = None,
                    strict_fields: bool = False) -> list[str]:
    """Write an outline (default: :func:`default_outline`) into a document that has none.

    One transaction; returns the new section ids. Refused when the document already has sections.
    """
    _write(doc)
    if rows(doc):
        raise EditError("dokumen sudah punya kerangka bab; ubah bagian satu per satu")
    spec = default_outline() if outline_spec is None else outline_spec
    ids: list[str] = []
    with doc.batch():
        def add(items: list[dict], parent: str | None) -> None:
            for item in items:
                res = AddSection(parent, item["judul"], item.get("kind", "sub"), None,
                                 item.get("blocks", []), strict_fields=strict_fields).apply(doc)
                sid = res.change.inserted[0]
                ids.append(sid)
                add(item.get("children", []), sid)
        add(spec, None)
    return ids


@dataclass
class SetOutlineRows(Operation):
    """Replace the whole outline by these stored rows (the inverse of a whole-outline change)."""

    rows: list[dict[str, Any]]
    text: str = "ganti kerangka dokumen"

    def apply(self, doc: "RenjaDocument") -> OpResult:
        _write(doc)
        old = rows(doc)
        with doc._atomic():
            doc.conn.execute(delete(T_SECTION))
            for r in self.rows:
                doc.conn.execute(insert(T_SECTION).values(**{k: r[k] for k in COLUMNS}))
        change = Change("section", {r["id"] for r in self.rows}, removed=[r["id"] for r in old
                                                                           if r["id"] not in {x["id"] for x in self.rows}])
        doc._emit(change)
        return OpResult(change, SetOutlineRows(old, self.text))


@dataclass
class InstallOutline(Operation):
    """Put an outline (default: the Permendagri 86/2017 sistematika; or one read from a source by
    the narrative importer) in place of the current one, in one transaction."""

    spec: list[dict] | None = None
    text: str = "buat kerangka dokumen"

    def apply(self, doc: "RenjaDocument") -> OpResult:
        _write(doc)
        old = rows(doc)
        with doc.batch():
            doc.conn.execute(delete(T_SECTION))
            ids = install_outline(doc, self.spec, strict_fields=False)
        change = Change("section", set(ids), inserted=ids)
        doc._emit(change)
        return OpResult(change, SetOutlineRows(old, self.text))
