"""Official row codes ``U.BB.PP.K.KK.SSSS`` and the five levels of the plan hierarchy.

docs/domain.md, "Codes": ``U`` urusan (1 digit, or ``X`` for the generic penunjang rows), ``BB`` bidang
urusan, ``PP`` program, ``K.KK`` kegiatan (K is the level of government), ``SSSS`` sub kegiatan.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from . import registry
from .errors import RenjaError, Text
from .registry import BIDANG_URUSAN, KEGIATAN, PROGRAM, SUB_KEGIATAN, URUSAN

LEVELS = registry.ALL_LEVELS

#: Indonesian name of each level, as printed (see :mod:`renja_desktop.registry` for English).
LEVEL_NAMES = {n: lv.id for n, lv in registry.LEVELS.items()}
#: Machine keys of each level (``tree --json``'s ``level_name``).
LEVEL_KEYS = {n: lv.key for n, lv in registry.LEVELS.items()}

_WIDTHS = (1, 2, 2, 1, 2, 4)
# how many segments a code of each level has
_SEGMENTS = {URUSAN: 1, BIDANG_URUSAN: 2, PROGRAM: 3, KEGIATAN: 5, SUB_KEGIATAN: 6}
_LEVEL_OF_SEGMENTS = {v: k for k, v in _SEGMENTS.items()}

#: what each segment must be, as the messages say it
_RULES = (
    Text("1 digit atau X", "1 digit or X"),
    Text("2 digit atau XX", "2 digits or XX"),
    Text("2 digit", "2 digits"),
    Text("1 digit 1-9 (1 provinsi, 2 kabupaten/kota, 3-9 kegiatan kekhususan daerah otonomi khusus)",
         "1 digit 1-9 (1 province, 2 regency/city, 3-9 special-autonomy activities)"),
    Text("2 digit", "2 digits"),
    Text("4 digit", "4 digits"),
)

_SEGMENT_RE = [
    re.compile(r"^(?:\d|X)$"),
    re.compile(r"^(?:\d{2}|XX)$"),
    re.compile(r"^\d{2}$"),
    re.compile(r"^[1-9]$"),
    re.compile(r"^\d{2}$"),
    re.compile(r"^\d{4}$"),
]


#: a well-formed code of any level in one expression (a subset of what the segment rules accept)
_CANONICAL = re.compile(r"(?:\d|X)(?:\.(?:\d{2}|XX)(?:\.\d{2}(?:\.[1-9]\.\d{2}(?:\.\d{4})?)?)?)?")
_PREFIXES = (r"(?:\d|X)", r"\.(?:\d{2}|XX)", r"\.\d{2}", r"\.[1-9]\.\d{2}", r"\.\d{4}")
#: per level, a well-formed code of that level in canonical form (``fullmatch``): a code it
#: accepts is one :func:`parse_code` reads as that level
CANONICAL_OF_LEVEL = {level: re.compile("".join(_PREFIXES[:i + 1]))
                      for i, level in enumerate((URUSAN, BIDANG_URUSAN, PROGRAM, KEGIATAN, SUB_KEGIATAN))}


class CodeError(RenjaError, ValueError):
    """A code that cannot be read as ``U.BB.PP.K.KK.SSSS``."""


@dataclass(frozen=True)
class Code:
    segments: tuple[str, ...]

    @property
    def level(self) -> int:
        return _LEVEL_OF_SEGMENTS[len(self.segments)]

    def __str__(self) -> str:
        return ".".join(self.segments)

    def parent(self) -> "Code | None":
        if self.level == URUSAN:
            return None
        return Code(self.segments[: _SEGMENTS[self.level - 1]])

    def extends(self, other: "Code") -> bool:
        """True when ``self`` is a direct child code of ``other``."""
        return self.level == other.level + 1 and self.segments[: len(other.segments)] == other.segments


@lru_cache(maxsize=65536)
def parse_code(text: str) -> Code:
    """Parse a code in its canonical form. Raise :class:`CodeError` with an Indonesian message.
    (Cached: a document repeats its codes in every check; :class:`Code` is immutable.)"""
    text = (text or "").strip()
    if _CANONICAL.fullmatch(text):
        return Code(tuple(text.split(".")))  # the common case in one match; errors are named below
    if not text:
        raise CodeError("code.empty")
    parts = text.split(".")
    if len(parts) not in _LEVEL_OF_SEGMENTS:
        raise CodeError("code.segments", text=text, count=len(parts))
    for i, part in enumerate(parts):
        if not _SEGMENT_RE[i].match(part):
            raise CodeError("code.segment", text=text, index=i + 1, part=part, rule=_RULES[i])
    return Code(tuple(parts))


@lru_cache(maxsize=65536)
def normalize_code(text: str) -> str:
    """Bring a code written loosely (``8.1.6.2.1.6``, ``8 .01. 06``) to canonical form.

    Segments written with too few digits are zero-padded (``6`` -> ``06``); the result is checked
    with :func:`parse_code`. Raises :class:`CodeError` when it cannot be made canonical.
    """
    if text and _CANONICAL.fullmatch(text):
        return text  # already canonical (nearly every code of a table): what the steps below give
    raw = re.sub(r"\s+", "", text or "")
    if not raw:
        raise CodeError("code.empty")
    parts = raw.split(".")
    if len(parts) in _LEVEL_OF_SEGMENTS:
        fixed = []
        for i, part in enumerate(parts):
            if part.isdigit() and len(part) < _WIDTHS[i]:
                part = part.zfill(_WIDTHS[i])
            elif part.upper() == "X" * len(part) and part:
                part = "X" * _WIDTHS[i]
            fixed.append(part)
        return str(parse_code(".".join(fixed)))
    return str(parse_code(raw))


def normalization_note(text: str) -> str | None:
    """A note for the user when :func:`normalize_code` reads ``text`` as a different code
    (``1.2.2.2.2.8`` -> ``1.02.02.2.02.0008``); ``None`` when it is already canonical (spaces
    aside) or not a code at all (the error message says that)."""
    try:
        canonical = normalize_code(text)
    except CodeError:
        return None
    written = re.sub(r"\s+", "", text or "")
    if written == canonical:
        return None
    return f"kode '{written}' dibaca sebagai {canonical}"


def code_level(text: str) -> int:
    return parse_code(text).level


def child_code(parent: str | None, number: int, child_level: int) -> str:
    """The code of the ``number``-th child under ``parent`` (``None`` for an urusan)."""
    if child_level == URUSAN:
        return str(number)
    width = _WIDTHS[_SEGMENTS[child_level] - 1]
    if child_level == KEGIATAN:
        # kegiatan adds two segments: government level (2 = kabupaten/kota) and number
        return f"{parent}.2.{number:02d}"
    return f"{parent}.{number:0{width}d}"


def last_number(code: str) -> int | None:
    """The number of the last segment of a code (``8.01.01.2.02`` -> 2)."""
    try:
        seg = parse_code(code).segments[-1]
    except CodeError:
        return None
    return int(seg) if seg.isdigit() else None
