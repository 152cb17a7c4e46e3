"""The stored format of a section's text: a versioned, structured JSON block list.

A section's ``content`` column holds one JSON object::

    {"format": "renja-naskah", "version": 1, "blocks": [BLOCK, ...]}

Blocks (every key not listed is refused by :func:`validate`):

``{"type": "paragraph", "runs": [RUN...], "align": "justify"|"left"|"center"|"right", "style": "normal"|"title"|"subtitle"}``
    One paragraph. ``align`` defaults to ``justify``, ``style`` to ``normal`` (title/subtitle: the
    big centred lines of the cover).
``{"type": "heading", "runs": [RUN...]}``
    A bold line inside a section ("a. Faktor-faktor ..."); not numbered, not in the Daftar Isi.
``{"type": "list", "style": STYLE, "start": 1, "items": [ITEM...]}``
    ``STYLE`` is ``decimal`` (1. 2.), ``lower-alpha`` (a. b.), ``upper-roman`` (I. II.),
    ``decimal-paren`` (1) 2)) or ``bullet``. ``ITEM`` is ``{"runs": [RUN...], "sub": LIST}`` where
    ``sub`` (optional) is a nested list block.
``{"type": "table", "header_rows": 1, "rows": [[CELL...]...]}``
    A simple inline table; ``CELL`` is a list of runs.
``{"type": "image", "mime": "image/png"|"image/jpeg", "data": BASE64, "width_mm": 30, "align": "center"}``
    An image (the regional logo on the cover), its bytes stored in the document file.
``{"type": "table_ref", "tabel": "2.1"}``
    Where one of the appendix tables (2.1-2.4, 3.1, 4.1) is printed, from the same builders as
    the appendices; the table also enters the Daftar Tabel.
``{"type": "generated", "kind": KIND}``
    A passage computed from the document's data each time it is shown or printed
    (:mod:`.generated`); it can be turned into plain paragraphs the author edits.
``{"type": "signature"}``
    The signing block (place, date, Kepala, NIP) from the identity.

``RUN`` is ``{"text": "...", "b": true, "i": true, "u": true}`` (the three flags optional). Run
text may contain fields as ``{opd}``, ``{tahun}`` ... (:mod:`.fields`), replaced when shown.
"""
from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any, Callable, Iterable

from ..errors import Msg, RenjaError
from .generated import KINDS

FORMAT = "renja-naskah"
VERSION = 1

BLOCK_TYPES = ("paragraph", "heading", "list", "table", "image", "table_ref", "generated", "signature")
LIST_STYLES = ("decimal", "lower-alpha", "upper-roman", "decimal-paren", "bullet")
ALIGNS = ("justify", "left", "center", "right")
PARA_STYLES = ("normal", "title", "subtitle")
IMAGE_MIMES = ("image/png", "image/jpeg")
TABLE_REFS = ("2.1", "2.2", "2.3", "2.4", "3.1", "4.1")

_KEYS = {
    "paragraph": {"type", "runs", "align", "style"},
    "heading": {"type", "runs"},
    "list": {"type", "style", "start", "items"},
    "table": {"type", "header_rows", "rows"},
    "image": {"type", "mime", "data", "width_mm", "align"},
    "table_ref": {"type", "tabel"},
    "generated": {"type", "kind"},
    "signature": {"type"},
}


class FormatError(RenjaError, ValueError):
    """Content that is not valid in the stored format: a message key (``format.*``) and its arguments;
    ``where`` (the block, item, run or cell) is a :class:`~renja_desktop.errors.Msg` too."""


# ------------------------------------------------------------------------------ building blocks
def run(text: str, b: bool = False, i: bool = False, u: bool = False) -> dict:
    out: dict[str, Any] = {"text": text}
    if b:
        out["b"] = True
    if i:
        out["i"] = True
    if u:
        out["u"] = True
    return out


_EMPH = re.compile(r"(\*\*[^*]+?\*\*|\*[^*\s][^*]*?\*)")


def runs_from_marked(text: str) -> list[dict]:
    """``**bold**`` and ``*italic*`` marks (as in a text export of a Word file) as runs."""
    out: list[dict] = []
    for part in _EMPH.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            out.append(run(part[2:-2], b=True))
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            out.append(run(part[1:-1], i=True))
        else:
            out.append(run(part))
    return merge_runs(out)


def merge_runs(runs: Iterable[dict]) -> list[dict]:
    """Adjacent runs with the same emphasis joined; empty runs dropped."""
    out: list[dict] = []
    for r in runs:
        if not r.get("text"):
            continue
        if out and all(bool(out[-1].get(k)) == bool(r.get(k)) for k in ("b", "i", "u")):
            out[-1] = {**out[-1], "text": out[-1]["text"] + r["text"]}
        else:
            out.append(dict(r))
    return out


def paragraph(text: str | list[dict], align: str = "justify", style: str = "normal") -> dict:
    runs = runs_from_marked(text) if isinstance(text, str) else merge_runs(text)
    block: dict[str, Any] = {"type": "paragraph", "runs": runs}
    if align != "justify":
        block["align"] = align
    if style != "normal":
        block["style"] = style
    return block


def heading(text: str | list[dict]) -> dict:
    return {"type": "heading", "runs": runs_from_marked(text) if isinstance(text, str) else merge_runs(text)}


def list_block(style: str, items: list, start: int = 1) -> dict:
    """``items``: strings, run lists or ready item dicts."""
    out = []
    for it in items:
        if isinstance(it, dict):
            out.append(it)
        elif isinstance(it, str):
            out.append({"runs": runs_from_marked(it)})
        else:
            out.append({"runs": merge_runs(it)})
    block: dict[str, Any] = {"type": "list", "style": style, "items": out}
    if start != 1:
        block["start"] = start
    return block


def image_block(data: bytes, width_mm: float = 30.0, align: str = "center") -> dict:
    """An image block from file bytes; refuses bytes that are not a PNG or JPEG image."""
    mime = sniff_image(data)
    return {"type": "image", "mime": mime, "data": base64.b64encode(data).decode("ascii"),
            "width_mm": width_mm, "align": align}


def sniff_image(data: bytes, name: str = "") -> str:
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    raise FormatError("format.not_image_named", name=name) if name else FormatError("format.not_image")


def image_bytes(block: dict) -> bytes:
    return base64.b64decode(block["data"])


# ------------------------------------------------------------------------------ (de)serialising
def empty() -> list[dict]:
    return []


def dumps(blocks: list[dict]) -> str:
    validate(blocks)
    return json.dumps({"format": FORMAT, "version": VERSION, "blocks": blocks}, ensure_ascii=False,
                      separators=(",", ":"))


def loads(text: str | None) -> list[dict]:
    """The blocks of a stored ``content`` (empty text: no blocks). Raises :class:`FormatError`."""
    if not text:
        return []
    try:
        obj = json.loads(text)
    except ValueError as exc:
        raise FormatError("format.not_json", reason=exc) from None
    if not isinstance(obj, dict) or obj.get("format") != FORMAT:
        raise FormatError("format.not_renja")
    version = obj.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise FormatError("format.newer", version=version, ours=VERSION)
    blocks = obj.get("blocks")
    validate(blocks)
    return blocks


#: where in the content a check failed (the block, item, run or cell), made only when it fails
_Where = Callable[[], Msg]


def _check_runs(runs: Any, where: _Where) -> None:
    if not isinstance(runs, list):
        raise FormatError("format.runs_list", where=where())
    for k, r in enumerate(runs):
        def at(k=k) -> Msg:
            return Msg("format.run", where=where(), n=k + 1)
        if not isinstance(r, dict) or not isinstance(r.get("text"), str):
            raise FormatError("format.no_text", where=at())
        extra = set(r) - {"text", "b", "i", "u"}
        if extra:
            raise FormatError("format.unknown_keys", where=at(), keys=", ".join(sorted(extra)))
        for flag in ("b", "i", "u"):
            if flag in r and not isinstance(r[flag], bool):
                raise FormatError("format.flag", where=at(), flag=flag)


def _check_list(block: dict, where: _Where) -> None:
    if block.get("style") not in LIST_STYLES:
        raise FormatError("format.list_style", where=where(), style=block.get("style"), choices=", ".join(LIST_STYLES))
    start = block.get("start", 1)
    if not isinstance(start, int) or start < 1:
        raise FormatError("format.list_start", where=where())
    items = block.get("items")
    if not isinstance(items, list):
        raise FormatError("format.items_list", where=where())
    for k, it in enumerate(items):
        def item(k=k) -> Msg:
            return Msg("format.item", where=where(), n=k + 1)
        if not isinstance(it, dict) or set(it) - {"runs", "sub"}:
            raise FormatError("format.item_keys", where=item())
        _check_runs(it.get("runs", []), item)
        if it.get("sub") is not None:
            sub = it["sub"]
            if not isinstance(sub, dict) or sub.get("type") != "list":
                raise FormatError("format.sub_block", where=item())
            _check_list(sub, lambda item=item: Msg("format.sub_list", where=item()))


def validate(blocks: Any) -> None:
    """Raise :class:`FormatError` naming the first block that is not in the format."""
    if not isinstance(blocks, list):
        raise FormatError("format.not_blocks")
    for n, b in enumerate(blocks, start=1):
        def block(n=n) -> Msg:
            return Msg("format.block", n=n)
        if not isinstance(b, dict) or b.get("type") not in BLOCK_TYPES:
            kind = b.get("type") if isinstance(b, dict) else type(b).__name__
            raise FormatError("format.block_type", where=block(), kind=kind)
        t = b["type"]
        extra = set(b) - _KEYS[t]
        if extra:
            raise FormatError("format.unknown_keys", where=Msg("format.block_of", where=block(), type=t),
                              keys=", ".join(sorted(extra)))
        if t in ("paragraph", "heading"):
            _check_runs(b.get("runs"), block)
            if b.get("align", "justify") not in ALIGNS:
                raise FormatError("format.align", where=block(), align=b.get("align"))
            if b.get("style", "normal") not in PARA_STYLES:
                raise FormatError("format.para_style", where=block(), style=b.get("style"))
        elif t == "list":
            _check_list(b, block)
        elif t == "table":
            rows = b.get("rows")
            if not isinstance(rows, list) or not rows or not all(isinstance(r, list) and r for r in rows):
                raise FormatError("format.table_rows", where=block())
            for i, r in enumerate(rows):
                for j, cell in enumerate(r):
                    _check_runs(cell, lambda i=i, j=j: Msg("format.cell", where=block(), row=i + 1, cell=j + 1))
            hr = b.get("header_rows", 1)
            if not isinstance(hr, int) or not 0 <= hr <= len(rows):
                raise FormatError("format.header_rows", where=block())
        elif t == "image":
            if b.get("mime") not in IMAGE_MIMES:
                raise FormatError("format.image_type", where=block(), mime=b.get("mime"))
            try:
                data = base64.b64decode(b.get("data") or "", validate=True)
            except (binascii.Error, ValueError):
                raise FormatError("format.image_data", where=block()) from None
            if sniff_image(data) != b["mime"]:
                raise FormatError("format.image_mismatch", where=block())
            w = b.get("width_mm", 30)
            if not isinstance(w, (int, float)) or not 5 <= w <= 180:
                raise FormatError("format.image_width", where=block(), width=w)
            if b.get("align", "center") not in ("left", "center", "right"):
                raise FormatError("format.image_align", where=block())
        elif t == "table_ref":
            if b.get("tabel") not in TABLE_REFS:
                raise FormatError("format.table_ref", where=block(), table=b.get("tabel"), choices=", ".join(TABLE_REFS))
        elif t == "generated":
            if b.get("kind") not in KINDS:
                raise FormatError("format.generated", where=block(), kind=b.get("kind"), choices=", ".join(KINDS))


# ------------------------------------------------------------------------------ reading
def runs_text(runs: list[dict]) -> str:
    return "".join(r.get("text", "") for r in runs)


def list_marker(style: str, number: int) -> str:
    if style == "decimal":
        return f"{number}."
    if style == "lower-alpha":
        return f"{_letters(number)}."
    if style == "upper-roman":
        return f"{roman(number)}."
    if style == "decimal-paren":
        return f"{number})."
    return "•"


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def roman(n: int, upper: bool = True) -> str:
    vals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
            (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out if upper else out.lower()


def iter_runs(blocks: list[dict]):
    """Every run list in the blocks (paragraphs, headings, list items at any depth, table cells)."""
    for b in blocks:
        t = b["type"]
        if t in ("paragraph", "heading"):
            yield b["runs"]
        elif t == "list":
            stack = [b]
            while stack:
                lb = stack.pop()
                for it in lb["items"]:
                    yield it.get("runs", [])
                    if it.get("sub"):
                        stack.append(it["sub"])
        elif t == "table":
            for r in b["rows"]:
                yield from r


def runs_marked(runs: list[dict]) -> str:
    """Runs as text with ``**bold**`` and ``*italic*`` marks (what :func:`runs_from_marked` reads)."""
    out = []
    for r in runs:
        t = r.get("text", "")
        if r.get("i") and t.strip():
            t = f"*{t}*"
        if r.get("b") and t.strip():
            t = f"**{t}**"
        out.append(t)
    return "".join(out)


def plain_text(blocks: list[dict], marked: bool = False) -> str:
    """The blocks as plain text (fields left as written), one paragraph per line; ``marked`` keeps
    bold and italic as ``**...**`` and ``*...*``."""
    lines: list[str] = []
    runs_text = runs_marked if marked else globals()["runs_text"]

    def do_list(lb: dict, depth: int) -> None:
        for k, it in enumerate(lb["items"]):
            lines.append("   " * depth + list_marker(lb["style"], lb.get("start", 1) + k) + " "
                         + runs_text(it.get("runs", [])))
            if it.get("sub"):
                do_list(it["sub"], depth + 1)

    for b in blocks:
        t = b["type"]
        if t in ("paragraph", "heading"):
            lines.append(runs_text(b["runs"]))
        elif t == "list":
            do_list(b, 0)
        elif t == "table":
            lines.extend("\t".join(runs_text(c) for c in r) for r in b["rows"])
        elif t == "table_ref":
            lines.append(f"[Tabel {b['tabel']}]")
        elif t == "generated":
            lines.append(f"[teks terhitung: {b['kind']}]")
        elif t == "image":
            lines.append("[gambar]")
        elif t == "signature":
            lines.append("[tanda tangan]")
    return "\n".join(lines)
