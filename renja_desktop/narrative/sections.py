"""Reading the outline from the document file (no writes): the ``section`` rows, the numbered tree,
finding a section by number, id or title, and where each table is placed. The edits are the
operations of :mod:`.store`."""
from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from ..errors import EditError
from ..model import Section
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
