"""Reading single cells and recognising non-data rows, tolerant of what real Renja tables contain.

Codes split over cells (``8 | 01 | 01 | 2.02 | 00 04``) or glued to the name (``0001 Penyusunan``),
segments written ``6`` for ``06``; money with thousands separators, malformed (``40.145568.718``),
``-``, ``#DIV/0!``; running page headers (``RENCANA KERJA 2024 / BADAN KESBANGPOL KOTA BINJAI``);
column-number rows; TOTAL rows.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .. import codes
from ..codes import CodeError
from ..errors import Msg
from ..formatting import NumberError, decimal_to_text, parse_decimal, parse_rupiah

# ------------------------------------------------------------------------------------ codes
_SEG_PLAIN = re.compile(r"^(?:\d{1,2}|X|XX)$", re.IGNORECASE)          # U, BB, PP
_SEG_KEGIATAN = re.compile(r"^[1-9]\.\d{1,2}$")                          # K.KK: 2.02
_SEG_SUB = re.compile(r"^\d{2}\s\d{2}$|^\d{3,4}$")                     # SSSS: 0001, "00 04"
_DOTTED = re.compile(r"^(?:\d|X)(?:\.(?:\d{1,2}|XX))(?:\.\d{1,2})?(?:\.[1-9]\.\d{1,2})?(?:\.\d{1,4})?$",
                     re.IGNORECASE)
_GLUED = re.compile(
    r"^((?:\d|X)(?:\.(?:\d{1,2}|XX)){1,2}(?:\.[1-9]\.\d{1,2})?(?:\.\d{1,4})?|\d{4}|\d{2}\s\d{2})\s+(\S.*)$",
    re.IGNORECASE,
)


_CODE_TOKEN = re.compile("|".join(f"(?:{p.pattern})" for p in (_SEG_PLAIN, _SEG_KEGIATAN, _SEG_SUB, _DOTTED)),
                         re.IGNORECASE)


_TOKEN_SEEN: dict[str, bool] = {}


def _is_code_token(cell: str) -> bool:
    """(Remembered for short cells: a table repeats its code cells ``8``, ``01``, ``2.01`` on
    every row.)"""
    known = _TOKEN_SEEN.get(cell)
    if known is None:
        known = _CODE_TOKEN.match(cell) is not None
        if len(cell) <= 8 and len(_TOKEN_SEEN) < 65536:
            _TOKEN_SEEN[cell] = known
    return known


@dataclass
class CodeCells:
    """Where a row's code ends and its name begins."""

    kode: str = ""                 # canonical code, "" when none / unreadable
    printed: str = ""              # the code as printed, segments joined with '.'
    name_index: int = 0            # index of the cell holding the name
    glued_name: str | None = None  # the name when it was glued to the last code segment
    error: str = ""                # why the code could not be read
    notes: list[str] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)

    @property
    def level(self) -> int:
        return codes.code_level(self.kode) if self.kode else 0


def split_code_segments(tokens: list[str]) -> list[str]:
    segs: list[str] = []
    for tok in tokens:
        tok = tok.strip()
        if " " in tok and _SEG_SUB.match(tok):
            segs.append(tok.replace(" ", ""))
        elif "." in tok:
            segs.extend(p for p in tok.split(".") if p != "")
        else:
            segs.append(tok)
    return segs


_CODE_ATTEMPT = re.compile(r"^[0-9X]{1,2}\s*\.\s*[0-9A-Za-z][0-9A-Za-z.\s]*$")


def looks_like_code_attempt(cell: str) -> bool:
    """A cell meant as a code, readable or not (``1.02.02.2.01. 0002``, ``1.02.02.2.010004``,
    ``1.02.02.2.01.00X8``): such a row starts a row of its own, never continues the one above."""
    text = (cell or "").strip()
    return bool(_CODE_ATTEMPT.match(text)) and not re.search(r"[A-Za-z]{3,}", text)


def repair_code_cell(cell: str) -> tuple[str, list[str]]:
    """A dotted code cell made readable where that is unambiguous, with a note for each repair:
    spaces inside the code, a sub kegiatan code glued to the kegiatan code (``2.010004``)."""
    text = (cell or "").strip()
    notes: list[str] = []
    if "." not in text or not re.fullmatch(r"[0-9X][0-9X.\s]*", text, re.IGNORECASE):
        return text, notes
    if re.search(r"\s", text):
        text = re.sub(r"\s+", "", text)
        notes.append(Msg("cell.code_spaces", cell=cell.strip(), read=text))
    parts = text.split(".")
    if len(parts) == 5 and re.fullmatch(r"[1-9]", parts[3]) and re.fullmatch(r"\d{6}", parts[4]):
        fixed = ".".join(parts[:4] + [parts[4][:2], parts[4][2:]])
        notes.append(Msg("cell.code_glued", text=text, read=fixed))
        text = fixed
    return text, notes


_NAME_START = re.compile(r"[A-Za-z(\"']")
_SHORT_TOKEN = re.compile(r"[0-9A-Za-z.]{1,6}")
_ANY_DIGIT = re.compile(r"\d")


def read_code(cells: list[str], start: int = 0, max_cells: int = 7, base: str | None = None) -> CodeCells:
    """Read the code from the leading cells of a row (``start`` is the first code column).

    ``base`` is the code of the row a pasted block is placed under: a row whose code has only the
    last segments (``0001``) is completed from it.
    """
    out = CodeCells(name_index=start)
    repaired: list[str] = []
    if start < len(cells) and "." in cells[start]:
        fixed, repaired = repair_code_cell(cells[start])
        if repaired:
            cells = list(cells)
            cells[start] = fixed
    tokens: list[str] = []
    i = start
    limit = min(len(cells), start + max_cells)
    while i < limit:
        cell = cells[i].strip()
        if cell == "":
            i += 1
            continue
        if _is_code_token(cell):
            tokens.append(cell)
            i += 1
            continue
        m = _GLUED.match(cell)
        if m and _NAME_START.match(m.group(2)):
            tokens.append(m.group(1))
            out.glued_name = m.group(2).strip()
        elif tokens and _SHORT_TOKEN.fullmatch(cell) and _ANY_DIGIT.search(cell):
            # a code column holding something that is not a code segment: "0x", "2.O1"
            out.tokens = tokens + [cell]
            out.printed = ".".join(tokens + [cell])
            out.name_index = i + 1
            out.error = Msg("cell.segment_not_number", cell=cell, code=" ".join(tokens + [cell]))
            return out
        break
    # empty cells between the code and the name belong to the code columns
    out.name_index = i
    out.tokens = tokens
    if not tokens:
        first = cells[start].strip() if start < len(cells) else ""
        if re.fullmatch(r"\d[0-9A-Za-z]*(?:\.[0-9A-Za-z]+)+\.?", first) and not looks_like_money(first):
            out.tokens = [first]
            out.printed = first
            out.name_index = start + 1
            out.error = Msg("cell.code_form", code=first)
        return out
    segs = split_code_segments(tokens)
    out.printed = ".".join(segs)
    if base and segs and len(segs) < 6:
        base_segs = base.split(".")
        need = {1: 1, 2: 2, 3: 3, 4: 5, 5: 6}
        total_needed = need.get(codes.code_level(base) + 1, 6) if base else 6
        if len(base_segs) + len(segs) == total_needed:
            segs = base_segs + segs
    if len(segs) not in (1, 2, 3, 5, 6):
        out.error = Msg("cell.code_incomplete", code=" ".join(tokens))
        return out
    written = ".".join(segs)
    try:
        canonical = codes.normalize_code(written)
    except CodeError as exc:
        out.error = Msg.of(exc)
        return out
    widths = (1, 2, 2, 1, 2, 4)
    out.notes.extend(repaired)
    # a segment written without its leading zeros makes the canonical code differ from the written one
    for i, seg in enumerate(segs if written != canonical else ()):
        if seg.isdigit() and len(seg) < widths[i] and (i != 5 or len(seg) == 3):
            out.notes.append(Msg("cell.leading_zeros", seg=seg, read=seg.zfill(widths[i])))
    out.kode = canonical
    return out


_WORD = re.compile(r"[A-Za-z]{3}")


def is_plain_coded_row(cells: list[str]) -> bool:
    """A row that starts with a code (segment) and carries a word: never a header, caption, page
    header, column-number, TOTAL or summary row (the quick path through a large table)."""
    for c in cells:
        t = c.strip()
        if t:
            return _is_code_token(t) and _WORD.search("\t".join(cells)) is not None
    return False


# ------------------------------------------------------------------------------------ numbers
def non_ascii_digits(text: str) -> str:
    """The digits of ``text`` that are not 0-9 (full-width ``１``, Arabic-Indic ``٣``...), as written."""
    if not text or text.isascii():
        return ""
    return "".join(dict.fromkeys(c for c in (text or "") if c.isdigit() and not ("0" <= c <= "9")))


def _ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.digit(c)) if c.isdigit() and not ("0" <= c <= "9") else c for c in text)


_MONEY_OK = re.compile(r"(?:\d{1,3}(?:\.\d{3})+|\d{4,})\Z", re.ASCII)


def looks_like_money(cell: str) -> bool:
    """A cell that is meant to be an amount of Rupiah (possibly malformed, e.g. ``40.145568.718``,
    negative ``(1.500.000)``, or written with non-ASCII digits)."""
    text = (cell or "").strip()
    if not text or "%" in text:
        return False
    if _MONEY_OK.match(text):
        return True       # the common case: 1.500.000 or 1500000
    first = text[0]
    if first.isalpha() and first not in "rR" or not any(c.isdigit() for c in text):
        return False      # a name or other text
    if not text.isascii():
        text = _ascii_digits(text)
    if text[0] == "(" and text[-1] == ")":
        text = text[1:-1].strip()
    elif text[:1] in ("-", "\u2212") and len(text) > 1:
        text = text[1:].strip()
    text = re.sub(r"^rp\.?\s*", "", text, flags=re.IGNORECASE)
    text = re.sub(r"(?:,-|,00?)$", "", text).replace(" ", "")
    if re.fullmatch(r"\d{4,}", text):
        return True
    if re.fullmatch(r"\d{1,3}(?:\.\d+)+", text):
        return any(len(g) >= 3 for g in text.split(".")[1:])
    return False


def is_dash(cell: str) -> bool:
    return (cell or "").strip() in ("-", "--", "\u2013", "\u2014")


def is_sheet_error(cell: str) -> bool:
    return (cell or "").strip().upper() in ("#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!")


def read_money(cell: str) -> tuple[int | None, str]:
    """``(value, error)``: ``None`` for empty, ``-``; an error message (:class:`Msg`) for anything malformed."""
    text = (cell or "").strip()
    if _MONEY_OK.match(text):   # the common case, 1.500.000 or 1500000: no further checks needed
        return int(text.replace(".", "")), ""
    if text.endswith(",-"):
        text = text[:-2]
    if not text or is_dash(text):
        return None, ""
    if is_sheet_error(text):
        return None, Msg("cell.sheet_error_rupiah", text=text)
    odd = non_ascii_digits(text)
    if odd:
        return None, Msg("cell.odd_digits_retype", text=text, odd=odd)
    bare = text.replace(" ", "")
    if bare.startswith("(") and bare.endswith(")") or bare[:1] in ("-", "\u2212") and len(bare) > 1:
        return None, Msg("cell.negative", text=text)
    try:
        return parse_rupiah(text), ""
    except NumberError as exc:
        return None, Msg.of(exc)


_TARGET = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(%|[A-Za-z][A-Za-z .\-/]*)?$")


def split_target(cell: str) -> tuple[str, str]:
    """``'12 Dokumen'`` -> ``('12', 'Dokumen')``; ``'100%'`` -> ``('100', '%')``; other text kept whole."""
    text = (cell or "").strip()
    if not text or is_dash(text):
        return "", ""
    m = _TARGET.match(text)
    if not m or non_ascii_digits(text):
        return text, ""
    number, satuan = m.group(1), (m.group(2) or "").strip()
    try:
        value = parse_decimal(number)
        number = decimal_to_text(value) or number
    except NumberError:
        pass
    return number, satuan


def read_k(cell: str) -> tuple[str | None, str, str]:
    """A Tabel 2.1 K cell: ``'5 Dok'`` -> ``('5', 'Dok', '')``; ``(None, '', error)`` when unreadable."""
    text = (cell or "").strip().replace("\u00a0", " ")
    if not text or is_dash(text):
        return None, "", ""
    if is_sheet_error(text):
        return None, "", Msg("cell.sheet_error", text=text)
    if non_ascii_digits(text):
        return None, "", Msg("cell.odd_digits", text=text, odd=non_ascii_digits(text))
    m = re.match(r"^(\d+(?:[.,]\d+)?)\s*(%|[A-Za-z][A-Za-z .\-/]*)?$", text)
    if not m:
        return None, "", Msg("cell.not_performance", text=text)
    try:
        value = parse_decimal(m.group(1))
    except NumberError as exc:
        return None, "", Msg.of(exc)
    return decimal_to_text(value), (m.group(2) or "").strip(), ""


# ------------------------------------------------------------------------------------ row kinds
_RUNNING = re.compile(r"^(?:RENCANA KERJA|RENJA)\b", re.IGNORECASE)
_AGENCY_CAPS = re.compile(r"^(?:BADAN|DINAS|KANTOR|SEKRETARIAT|INSPEKTORAT|KECAMATAN|SATUAN|RSUD|BAGIAN)\b")


def nonempty(cells: list[str]) -> list[tuple[int, str]]:
    return [(i, c) for i, c in enumerate(cells) if c.strip()]


def is_page_header(cells: list[str], header_lines: tuple[str, ...] = ()) -> bool:
    """A running header printed on each page, caught in the middle of a table."""
    filled = nonempty(cells)
    if not filled or len(filled) > 2:
        return False
    text = " ".join(c for _, c in filled).replace("*", "").strip()
    if not text:
        return False
    norm = re.sub(r"\s+", " ", text).upper()
    for h in header_lines:
        h = re.sub(r"\s+", " ", h).strip().upper()
        if h and (norm == h or norm.startswith(h) and len(norm) - len(h) <= 6):
            return True
    if re.fullmatch(r"(?:19|20)\d\d", norm):
        return True
    if _RUNNING.match(norm) and len(norm) <= 80:
        return True
    if _AGENCY_CAPS.match(text) and text.upper() == text and len(text) <= 80:
        return True
    if re.fullmatch(r"(?:HALAMAN|HAL\.?)\s*\d+(?:\s*(?:DARI|/)\s*\d+)?", norm):
        return True
    return False


_NUMBER_CELL = re.compile(r"^\(?\d{1,2}\)?(?:\s*=\s*[\d\s+\-/x×*()]+)?\.?$", re.IGNORECASE)


def is_number_row(cells: list[str]) -> bool:
    """The column-number row: ``1 2 3 4 5 ...``, ``(1) (2) ...``, ``14=6+12``."""
    filled = [c for _, c in nonempty(cells)]
    if len(filled) < 3:
        return False
    if not all(_NUMBER_CELL.match(c.strip()) for c in filled):
        return False
    nums = [int(re.match(r"^\(?(\d+)", c.strip()).group(1)) for c in filled]
    increasing = sum(1 for a, b in zip(nums, nums[1:]) if b > a)
    return increasing >= len(nums) - 2 and nums[0] <= 2


def is_kr_row(cells: list[str]) -> bool:
    filled = [c.strip().lower() for _, c in nonempty(cells)]
    return len(filled) >= 2 and all(c in ("k", "rp", "rp.") for c in filled)


def is_total_row(cells: list[str]) -> bool:
    filled = nonempty(cells)
    if not filled:
        return False
    first = filled[0][1].strip().rstrip(":").strip().upper()
    if filled[0][0] > 6:
        return False
    return first in ("TOTAL", "JUMLAH", "JUMLAH TOTAL", "TOTAL KESELURUHAN", "GRAND TOTAL",
                     "TOTAL PAGU", "JUMLAH PAGU") or bool(_TOTAL_OF.match(first))


#: "Jumlah Program 1.02.02", "JUMLAH 1.02.02.2.01": a printed subtotal of one row (SIPD prints them)
_TOTAL_OF = re.compile(r"^(?:JUMLAH|TOTAL|SUB ?TOTAL)\s+(?:(?:URUSAN|BIDANG(?: URUSAN)?|PROGRAM|KEGIATAN|SUB KEGIATAN)\s+)?"
                       r"(\d{1,2}(?:\.[0-9X]{1,4}){1,5})\b")


def total_row_code(cells: list[str]) -> str:
    """The code a subtotal row names (``Jumlah Program 1.02.02`` -> ``1.02.02``), else ``""``."""
    filled = nonempty(cells)
    if not filled:
        return ""
    m = _TOTAL_OF.match(filled[0][1].strip().rstrip(":").strip().upper())
    return m.group(1) if m else ""


def is_summary_row(cells: list[str]) -> bool:
    filled = nonempty(cells)
    return bool(filled) and filled[0][1].strip().lower().startswith(("rata-rata", "rata rata", "rerata"))


_CAPTION = re.compile(r"^\W*tabel\s*\.?\s*(\d)\s*\.\s*(\d)", re.IGNORECASE)


def caption_table(cells: list[str]) -> str | None:
    """``'Tabel 2.1.'``, ``'**Tabel 4.1 Rencana Kerja ...'`` -> ``'2.1'``; a TOC line is not a caption."""
    filled = nonempty(cells)
    if not filled or filled[0][0] > 1:
        return None
    m = _CAPTION.match(filled[0][1].replace("*", ""))
    if not m:
        return None
    if len(filled) > 1 and filled[1][1].strip() == ":":
        return None  # "Tabel 2.1 <TAB> : <TAB> ..." in the list of tables
    return f"{m.group(1)}.{m.group(2)}"


def norm_text(text: str) -> str:
    """Lower-case, single spaces, no punctuation: for comparing names."""
    text = (text or "").lower().replace("/", " / ")
    text = re.sub(r"[^0-9a-z/ ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def join_text(a: str, b: str) -> str:
    a, b = (a or "").strip(), (b or "").strip()
    if not a:
        return b
    if not b:
        return a
    return f"{a} {b}"
