"""Sections in the document file, and every edit of them as an operation (:mod:`renja_desktop.operations`).

Each operation (:class:`AddSection`, :class:`RenameSection`, :class:`SetContent`,
:class:`MoveSection`, :class:`DeleteSection`, :class:`InstallOutline`) checks its input first (an
Indonesian :class:`~renja_desktop.service.EditError`, nothing written), then writes through the one
primitive :func:`put_rows`, which records its own inverse (the touched rows as they were) while an
operation runs. ``doc.history.execute(op)`` gives the change set and the inverse (undo) as for
every other edit; the window's undo stack and the command line run the same operations.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import new_id, now_stamp
from ..operations import Operation
from ..errors import EditError
from . import format as fmt
from .generated import expand_all
from .outline import KINDS, default_outline
from .sections import (  # noqa: F401  (the reading side, public here too)
    blocks_of, check_blocks, check_title, ensure_table, find, flat, get_section, has_table, label, outline, placed, placements, put_rows, rows, siblings, subtree_rows, start_write,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument

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
        start_write(doc)
        judul = check_title(self.judul) if self.strict_fields else (self.judul or "").strip()
        if not judul:
            raise EditError("chapter.title_empty")
        if self.kind not in KINDS:
            raise EditError("chapter.kind", kind=self.kind, choices=", ".join(KINDS))
        if self.parent_id is not None:
            get_section(doc, self.parent_id)
        check_blocks(doc, self.blocks, None, self.strict_fields)
        sid = self.section_id or new_id()
        sibs = siblings(doc, self.parent_id)
        pos = len(sibs) if self.position is None else max(0, min(self.position, len(sibs)))
        row = {"id": sid, "parent_id": self.parent_id, "position": pos, "kind": self.kind, "judul": judul,
               "content": fmt.dumps(self.blocks), "modified_at": now_stamp()}
        order = [s["id"] for s in sibs]
        order.insert(pos, sid)
        rows = placed(sibs, {k: i for i, k in enumerate(order)}) + [row]
        put_rows(doc, rows, order)
        self.section_id = sid  # done again (redo of a re-execution) it makes the same section
        return sid


class RenameSection(Operation):
    def __init__(self, section_id: str, judul: str, kind: str | None = None):
        super().__init__()
        self.section_id, self.judul, self.kind = section_id, judul, kind
        self.label = f"ubah judul menjadi '{(judul or '').strip()[:40]}'"

    def apply(self, doc: "RenjaDocument") -> None:
        start_write(doc)
        row = get_section(doc, self.section_id)
        judul = check_title(self.judul)
        kind = self.kind or row["kind"]
        if kind not in KINDS:
            raise EditError("chapter.kind", kind=kind, choices=", ".join(KINDS))
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
        start_write(doc)
        row = get_section(doc, self.section_id)
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
        start_write(doc)
        row = get_section(doc, self.section_id)
        if self.parent_id is not None:
            get_section(doc, self.parent_id)
            p: str | None = self.parent_id
            while p is not None:
                if p == self.section_id:
                    raise EditError("chapter.into_itself")
                p = get_section(doc, p)["parent_id"]
        old_sibs = siblings(doc, row["parent_id"])
        old_order = [s["id"] for s in old_sibs if s["id"] != row["id"]]
        same = self.parent_id == row["parent_id"]
        new_sibs = old_sibs if same else siblings(doc, self.parent_id)
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
        put_rows(doc, placed(list(rows.values()), positions), list(rows))


class DeleteSection(Operation):
    """Remove a section and its subsections; refused when one of them holds a table."""

    def __init__(self, section_id: str, label: str = "hapus bagian"):
        super().__init__()
        self.section_id = section_id
        self.label = label

    def apply(self, doc: "RenjaDocument") -> list[str]:
        start_write(doc)
        sub = subtree_rows(doc, self.section_id)
        for r in sub:
            tables = [b["tabel"] for b in fmt.loads(r["content"]) if b["type"] == "table_ref"]
            if tables:
                node = find(doc, r["id"])
                raise EditError("chapter.holds_tables", section=label(node), tables=", ".join(tables))
        root = sub[0]
        sibs = [s for s in siblings(doc, root["parent_id"]) if s["id"] != root["id"]]
        positions = {s["id"]: i for i, s in enumerate(sibs)}
        put_rows(doc, placed(sibs, positions), [r["id"] for r in sub] + list(positions))
        return [r["id"] for r in sub]


def outline_rows(spec: list[dict], strict_fields: bool = False) -> list[dict]:
    """Section rows (new ids) for an outline spec ``[{kind, judul, blocks, children}]``."""
    out: list[dict] = []

    def add(items: list[dict], parent: str | None) -> None:
        for pos, item in enumerate(items):
            kind = item.get("kind", "sub")
            if kind not in KINDS:
                raise EditError("chapter.unknown_kind", kind=kind)
            judul = (item.get("judul") or "").strip() or KINDS[kind]
            blocks = item.get("blocks", [])
            try:
                fmt.validate(blocks)
            except fmt.FormatError as exc:
                raise EditError("chapter.section", section=judul, reason=exc) from None
            sid = new_id()
            out.append({"id": sid, "parent_id": parent, "position": pos, "kind": kind, "judul": judul,
                        "content": fmt.dumps(blocks), "modified_at": now_stamp()})
            add(item.get("children", []), sid)

    add(spec, None)
    tables = [b["tabel"] for r in out for b in fmt.loads(r["content"]) if b["type"] == "table_ref"]
    dup = sorted({t for t in tables if tables.count(t) > 1})
    if dup:
        raise EditError("chapter.table_twice", tables=", ".join(dup))
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
        start_write(doc)
        old = [r["id"] for r in rows(doc)]
        if old and not self.replace:
            raise EditError("chapter.has_outline")
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
    node = find(doc, section_id)
    blocks = blocks_of(node)
    if not any(b["type"] == "generated" for b in blocks):
        raise EditError("chapter.no_generated", section=label(node))
    return SetContent(node.id, expand_all(doc, blocks), strict_fields=False,
                      label="jadikan teks terhitung teks biasa")
