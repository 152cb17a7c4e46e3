"""The written document's sections in the file: reading them (:func:`outline`, :func:`flat`,
:func:`find`) and the one primitive write :func:`put_rows`, which records its own inverse while an
operation runs. The operations that edit sections are in :mod:`renja_desktop.narrative.store`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select, update

from ..errors import EditError
from ..events import ChangeEvent as Change
from ..model import Section
from . import fields as fieldmod
from . import format as fmt
from .outline import SectionNode, number_tree, walk

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
        raise EditError("chapter.missing", ref=ref)
    raise EditError("chapter.ambiguous", ref=ref, count=len(hits))


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
def start_write(doc: "RenjaDocument") -> None:
    doc._writable()
    ensure_table(doc)


def siblings(doc: "RenjaDocument", parent_id: str | None) -> list[dict]:
    cond = T_SECTION.c.parent_id.is_(None) if parent_id is None else T_SECTION.c.parent_id == parent_id
    result = doc.conn.execute(select(T_SECTION).where(cond).order_by(T_SECTION.c.position, T_SECTION.c.id))
    return [dict(r) for r in result.mappings().fetchall()]


def get_section(doc: "RenjaDocument", section_id: str) -> dict:
    r = doc.conn.execute(select(T_SECTION).where(T_SECTION.c.id == section_id)).mappings().fetchone()
    if r is None:
        raise EditError("chapter.gone", id=section_id[:8])
    return dict(r)


def snapshot(doc: "RenjaDocument", ids: list[str]) -> list[dict]:
    if not ids:
        return []
    out = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        out += [dict(r) for r in doc.conn.execute(
            select(T_SECTION).where(T_SECTION.c.id.in_(chunk))).mappings().fetchall()]
    return out


def parents_first(rows: list[dict]) -> list[dict]:
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
    start_write(doc)
    ids = list(dict.fromkeys(list(ids) + [r["id"] for r in rows]))
    before = snapshot(doc, ids)
    existing = {r["id"] for r in before}
    want = {r["id"]: r for r in rows}
    with doc._atomic():
        for r in reversed(parents_first(before)):
            if r["id"] not in want:
                doc.conn.execute(delete(T_SECTION).where(T_SECTION.c.id == r["id"]))
        for r in parents_first(rows):
            values = {k: r[k] for k in COLUMNS}
            if r["id"] in existing:
                doc.conn.execute(update(T_SECTION).where(T_SECTION.c.id == r["id"]).values(**values))
            else:
                doc.conn.execute(insert(T_SECTION).values(**values))
    doc._record("put_sections", before, ids)
    change = Change("section", {k for k in want if k in existing},
                    inserted=[r["id"] for r in parents_first(rows) if r["id"] not in existing],
                    removed=[k for k in existing if k not in want])
    doc._emit(change)
    return change


def placed(rows: list[dict], position_of: dict[str, int]) -> list[dict]:
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
        raise EditError(exc.key, **exc.params) from None
    if strict_fields:
        unknown = sorted({n for runs in fmt.iter_runs(blocks) for n in fieldmod.unknown_in(fmt.runs_text(runs))})
        if unknown:
            known = ", ".join("{" + k + "}" for k in fieldmod.FIELDS)
            raise EditError("chapter.unknown_fields", names=", ".join("{" + u + "}" for u in unknown), known=known)
    mine = [b["tabel"] for b in blocks if b["type"] == "table_ref"]
    dup = {t for t in mine if mine.count(t) > 1}
    if dup:
        raise EditError("chapter.table_twice_here", tables=", ".join(sorted(dup)))
    others = {t: sid for t, sid in placements(doc).items() if sid != section_id}
    clash = [t for t in mine if t in others]
    if clash:
        where = find(doc, others[clash[0]])
        raise EditError("chapter.table_elsewhere", table=clash[0], section=label(where))


def check_title(judul: str) -> str:
    judul = (judul or "").strip()
    if not judul:
        raise EditError("chapter.title_empty")
    unknown = fieldmod.unknown_in(judul)
    if unknown:
        raise EditError("chapter.unknown_title_fields", names=", ".join("{" + u + "}" for u in unknown))
    return judul


def subtree_rows(doc: "RenjaDocument", section_id: str) -> list[dict]:
    out, stack = [], [section_id]
    while stack:
        sid = stack.pop(0)
        out.append(get_section(doc, sid))
        stack.extend(s["id"] for s in siblings(doc, sid))
    return out
