"""Finding a table's header rows and reading its columns: reusable for any table with known fields.

Real tables put title lines, '#' comments, the agency name or a blank line above the header, spread
one header over two or three rows (an upper merged cell over sub-headers), and label columns by a
year ("Anggaran 2026", "Target 2027") instead of by "n"/"n+1". :func:`find_header` takes the fields a
table may have, as :class:`ExpectedField` (words that name it, and optionally the year its column
must carry), and returns where the header is and which column holds which field.

The Renja tables (:mod:`.layouts`) and the Renstra tables use this; the year a field wants is the
caller's: the document year for a Renja (``n`` and ``n+1``), the years of the Renstra period.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

_SPACES = re.compile(r"\s+")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def norm_header(text: str) -> str:
    """Lower case, no ``*``, single spaces (non-breaking spaces and line breaks too)."""
    text = (text or "").lower().replace("\u00a0", " ").replace("*", "")
    return _SPACES.sub(" ", text).strip()


def header_years(text: str) -> list[int]:
    """The years a header text names: ``'Target 2027'`` -> ``[2027]``."""
    return [int(y) for y in _YEAR.findall(text or "")]


def is_comment_line(cells: Sequence[str]) -> bool:
    """A line that is not part of the table: ``# ...`` comments, a lone title or agency line."""
    filled = [c.strip() for c in cells if c and c.strip()]
    if not filled:
        return False
    if filled[0].startswith("#") and not filled[0].startswith("#DIV") and not filled[0].startswith("#N/A"):
        return True
    return len(filled) == 1


@dataclass(frozen=True)
class ExpectedField:
    """A field a table may have.

    ``words``: the header must contain one of them (as words: ``"no"`` does not match ``"nomor"``
    unless listed); ``exclude``: words that rule the column out; ``year``: when set, a column whose
    header names a year only matches if it names this one (a column without a year still matches);
    ``repeat``: the field may span several adjacent columns (``Kode`` over 5 code columns).
    """

    name: str
    words: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    year: int | None = None
    repeat: bool = False

    def matches(self, text: str) -> bool:
        if not text:
            return False
        if any(_has_word(text, w) for w in self.exclude):
            return False
        if not any(_has_word(text, w) for w in self.words):
            return False
        if self.year is not None:
            years = header_years(text)
            if years and self.year not in years:
                return False
        return True


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![0-9a-z]){re.escape(word)}(?![0-9a-z])", text) is not None


@dataclass
class HeaderMatch:
    """Where a header was found and what it says."""

    start: int                         # index (in the rows given) of the first header row
    end: int                           # index after the last header row
    texts: list[str]                   # one combined, normalised text per column
    columns: dict[str, int]            # field -> first column holding it
    spans: dict[str, list[int]] = field(default_factory=dict)   # field -> every column (repeat)
    unmatched: list[tuple[int, str]] = field(default_factory=list)  # columns no field took
    other_years: list[tuple[int, str]] = field(default_factory=list)  # columns of a year not wanted
    skipped: list[int] = field(default_factory=list)   # indexes of comment/title lines above

    @property
    def header_rows(self) -> range:
        return range(self.start, self.end)


def combine_header(rows: Sequence[Sequence[str]]) -> list[str]:
    """One text per column from stacked header rows; an upper merged cell covers the empty cells
    to its right (up to the next upper cell) where the row below has sub-headers."""
    width = max((len(r) for r in rows), default=0)
    grid = [list(r) + [""] * (width - len(r)) for r in rows]
    out = [""] * width
    for depth, row in enumerate(grid):
        below = grid[depth + 1] if depth + 1 < len(grid) else None
        current = ""
        for col in range(width):
            cell = (row[col] or "").strip()
            if cell:
                current = cell
                out[col] = (out[col] + " " + cell).strip()
            elif current and below is not None and (below[col] or "").strip():
                out[col] = (out[col] + " " + current).strip()
            else:
                current = "" if below is None or not (below[col] or "").strip() else current
    return [norm_header(t) for t in out]


def match_columns(texts: Sequence[str], fields: Iterable[ExpectedField]
                  ) -> tuple[dict[str, int], dict[str, list[int]], list[tuple[int, str]], list[tuple[int, str]]]:
    """Each column to the first field (in the order given) whose words it carries.

    Returns ``(columns, spans, unmatched, other_years)``; a column whose words name a field but
    whose year is not the one wanted goes to ``other_years`` (never to the field by position).
    """
    fields = list(fields)
    columns: dict[str, int] = {}
    spans: dict[str, list[int]] = {}
    unmatched: list[tuple[int, str]] = []
    other: list[tuple[int, str]] = []
    for col, text in enumerate(texts):
        if not text:
            continue
        taken = None
        year_miss = False
        for f in fields:
            if f.year is not None and header_years(text) and f.year not in header_years(text) and \
                    ExpectedField(f.name, f.words, f.exclude).matches(text):
                year_miss = True
            if f.name in columns and not f.repeat:
                continue
            if f.matches(text):
                taken = f
                break
        if taken is None:
            (other if year_miss else unmatched).append((col, text))
            continue
        if taken.repeat and taken.name in spans and spans[taken.name][-1] != col - 1:
            unmatched.append((col, text))
            continue
        columns.setdefault(taken.name, col)
        spans.setdefault(taken.name, []).append(col)
    return columns, spans, unmatched, other


def find_header(rows: Sequence[Sequence[str]], fields: Sequence[ExpectedField], *, required: Sequence[str] = (),
                min_fields: int = 2, max_rows: int = 3, scan: int = 40) -> HeaderMatch | None:
    """The header of a table among its first ``scan`` rows: the stack of up to ``max_rows`` rows
    whose combined columns name the most fields (at least ``min_fields`` and all ``required``).

    Comment lines (``#``), title lines (a single filled cell) and blank lines above the header are
    skipped and listed in ``skipped``. Returns ``None`` when no row reads as a header.
    """
    best: HeaderMatch | None = None
    best_score = 0
    limit = min(len(rows), scan)
    for start in range(limit):
        first = rows[start]
        if not any((c or "").strip() for c in first) or is_comment_line(first):
            continue
        for depth in range(1, max_rows + 1):
            end = start + depth
            if end > len(rows):
                break
            if depth > 1 and not any((c or "").strip() for c in rows[end - 1]):
                break
            texts = combine_header(rows[start:end])
            columns, spans, unmatched, other = match_columns(texts, fields)
            if any(r not in columns for r in required) or len(columns) < min_fields:
                continue
            # a data row does not add fields; prefer the smaller stack on ties
            score = len(columns) * 10 - len(unmatched)
            if score > best_score:
                skipped = [i for i in range(start) if any((c or "").strip() for c in rows[i])]
                best = HeaderMatch(start, end, texts, columns, spans, unmatched, other, skipped)
                best_score = score
        if best is not None and best.start == start:
            break  # the first row that starts a header wins over later repeats of it
    return best
