"""Column mapping before an import: which column the importer reads as which field, and a
``column_map`` (as ``import --column``) from a user's own choice.

The GUI's mapping step (Berkas ▸ Impor tabel…) shows :func:`detect_columns`' result, lets the user
change it, checks it with :func:`mapping_problems` and imports with :func:`column_map_for`. The
detection is the import's own (:func:`.engine.find_layout`), so accepting it unchanged imports
exactly as without the step. No Qt here: labels and messages are the GUI's.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..readers import ImportFailure, SourceRow
from .cells import is_number_row, is_page_header, is_total_row, read_code
from .document import looks_like_document  # noqa: F401  (public here: the column-mapping step asks it)
from .engine import eval_anchor, find_layout
from .layouts import ANCHOR, FIELDS, IGNORE, Layout, combine_header

#: fields a table cannot be imported without (2.3 also needs one of ``ONE_OF``)
REQUIRED = {
    "4.1": ("kode", "nama"),
    "3.1": ("kode", "nama"),
    "2.1": ("nama",),
    "2.2": ("indikator",),
    "2.3": ("no",),
    "2.4": ("program_kegiatan",),
}
ONE_OF = {"2.3": ("nama", "rkpd_nama")}

#: the field a 2.2/2.4 row is keyed by when the source has no ``No`` column
_KEY_FIELD = {"2.2": "indikator", "2.4": "program_kegiatan"}


@dataclass
class DetectedColumns:
    """What the importer would read from a source, column by column."""

    table: str | None                       # given or guessed; None: not recognised
    guessed: bool = False                   # the table was recognised, not chosen
    columns: dict[int, str] = field(default_factory=dict)   # 0-based column -> field
    header_lines: list[int] = field(default_factory=list)   # source lines read as the header
    headers: list[str] = field(default_factory=list)        # header text per column ('' if none)
    from_header: bool = False               # positions come from header words (not the usual layout)
    code_columns: list[int] = field(default_factory=list)   # columns read as part of the code

    def fields(self) -> list[str]:
        """The fields one can choose for this table: the table's own, then any other field the
        header was read as (``Outcome`` in a Tabel 4.1, say)."""
        if self.table is None:
            return []
        own = list(FIELDS[self.table])
        return own + [f for f in self.columns.values() if f not in own]


def detect_columns(rows: list[SourceRow], table: str | None, tahun: int | None = None,
                   running: tuple[str, ...] = ()) -> DetectedColumns:
    """The columns the import reads for ``table`` (``None``: recognised as the import would)."""
    try:
        found, layout, header_rows = find_layout(rows, table, tahun, running)
    except ImportFailure:
        return DetectedColumns(None)
    positions = _positions(found, layout, rows, header_rows, running)
    columns: dict[int, str] = {}
    for name, col in positions.items():
        if col >= 0 and col not in columns:   # a column read as two fields shows the first
            columns[col] = name
    headers = []
    lines = set(layout.header_lines)
    hdr = [r.cells for r in rows if r.line in lines]
    if hdr and found != "2.1":
        headers = combine_header(hdr)
    code_columns: set[int] = set()
    if found in ("4.1", "3.1"):
        skip = {r.line for r in header_rows}
        for r in [r for r in rows if r.line not in skip and not r.is_blank()][:40]:
            cc = read_code(r.cells, start=layout.code_start)
            if cc.kode:
                code_columns.update(i for i in range(layout.code_start, cc.name_index) if r.cells[i].strip())
    return DetectedColumns(found, guessed=table is None, columns=dict(sorted(columns.items())),
                           header_lines=list(layout.header_lines), headers=headers,
                           from_header=layout.from_header, code_columns=sorted(code_columns))


def _positions(table: str, layout: Layout, rows: list[SourceRow], header_rows: list[SourceRow],
               running: tuple[str, ...]) -> dict[str, int]:
    """Absolute columns of the layout's fields: from the header, or from the first data row."""
    if layout.from_header and layout.header_positions:
        return dict(layout.header_positions)
    headers = {id(r) for r in header_rows}
    for r in rows:
        if id(r) in headers or r.is_blank() or is_number_row(r.cells) or is_total_row(r.cells) \
                or is_page_header(r.cells, running):
            continue
        if table in ("4.1", "3.1"):
            cc = read_code(r.cells, start=layout.code_start)
            if not cc.kode:
                continue
            first = next(i for i in range(layout.code_start, len(r.cells)) if r.cells[i].strip())
            out = {"kode": first}
            out.update({f: cc.name_index + off for f, off in layout.offsets.items()})
            return out
        if table == "2.1":
            anchor = eval_anchor(r.cells)
            if anchor is None:
                continue
            return {f: anchor + off for f, off in layout.offsets.items()}
        base = layout.absolute_anchor or 0
        if base < len(r.cells) and r.cells[base].strip():
            return {f: base + off for f, off in layout.offsets.items()}
    return {}


@dataclass
class MappingProblem:
    """Why a chosen mapping cannot be imported; the GUI words it."""

    kind: str                 # "twice": a field chosen for several columns; "missing"; "missing_one_of"
    fields: tuple[str, ...]   # the field (or the alternatives)
    columns: tuple[int, ...] = ()   # 0-based columns (for "twice")


def mapping_problems(table: str, chosen: dict[int, str]) -> list[MappingProblem]:
    """What is wrong with ``chosen`` (0-based column -> field) for ``table``; empty when fine."""
    out: list[MappingProblem] = []
    where: dict[str, list[int]] = {}
    for col, name in sorted(chosen.items()):
        where.setdefault(name, []).append(col)
    for name, cols in where.items():
        if len(cols) > 1:
            out.append(MappingProblem("twice", (name,), tuple(cols)))
    for name in REQUIRED[table]:
        if name not in where:
            out.append(MappingProblem("missing", (name,)))
    alternatives = ONE_OF.get(table)
    if alternatives and not any(a in where for a in alternatives):
        out.append(MappingProblem("missing_one_of", alternatives))
    return out


def column_map_for(detected: DetectedColumns, chosen: dict[int, str], always: bool = False
                   ) -> dict[str, str] | None:
    """The ``column_map`` for ``import_file`` that reads exactly the chosen columns (1-based
    numbers; ``-`` for every other field, so nothing the header named is read behind the user's
    back), or ``None`` when the choice is the detected mapping (the import then runs as always)
    unless ``always``."""
    if detected.table is None:
        raise ValueError("no table to map")
    if dict(chosen) == detected.columns and not always:
        return None
    table = detected.table
    anchor = ANCHOR[table]
    out = {name: str(col + 1) for col, name in sorted(chosen.items())}
    # Rows are read from their own name (or No) cell, whose column may vary from row to row (code
    # columns printed merged in one row and split in the next); mapped columns keep their distance
    # to it. Only a moved anchor, or a source without header words, fixes it to one column.
    detected_anchor = next((c for c, f in detected.columns.items() if f == anchor), None)
    chosen_anchor = next((c for c, f in chosen.items() if f == anchor), None)
    if detected.from_header and table != "2.1" and chosen_anchor == detected_anchor:
        out.pop(anchor, None)
    if chosen_anchor is None and table in _KEY_FIELD and _KEY_FIELD[table] in out:
        out[anchor] = out[_KEY_FIELD[table]]   # no No column: a row starts where its key is filled
    for name in detected.fields():
        if name not in out and name != anchor:
            out[name] = IGNORE
    return out


