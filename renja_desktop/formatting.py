"""Indonesian number formatting and parsing: Rupiah as integers, exact percentages.

Money is an ``int`` of Rupiah everywhere; rates are :class:`decimal.Decimal`. Display uses Babel's
``id`` locale: ``1.234.567`` and ``95,59%``. A rate whose denominator is zero or missing is ``None``
and prints as an en dash, never ``#DIV/0!``.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel import Locale
from babel.numbers import parse_pattern

from .errors import RenjaError

LOCALE = "id_ID"
#: the locale and the patterns parsed once: Babel's ``format_decimal`` parses both on every call,
#: four times the work of formatting (a merge or a report formats thousands of amounts)
_LOCALE = Locale.parse(LOCALE)
_WHOLE = parse_pattern("#,##0")
_TWO_PLACES = parse_pattern("#,##0.00")
_UP_TO_TEN_PLACES = parse_pattern("#,##0.##########")
DASH = "\u2013"  # en dash: undefined rate or empty value
HUNDRED = Decimal(100)
TWO_PLACES = Decimal("0.01")


class NumberError(RenjaError, ValueError):
    """A value that is not a well-formed number; the message is Indonesian and names the text."""


def rate(numerator, denominator) -> Decimal | None:
    """``numerator / denominator x 100`` exactly, or ``None`` when the denominator is 0 or missing."""
    if numerator is None or denominator is None:
        return None
    den = Decimal(denominator)
    if den == 0:
        return None
    return Decimal(numerator) * HUNDRED / den


def format_rupiah(value: int | None, thousands: bool = False, empty: str = "") -> str:
    """``40145568718`` -> ``40.145.568.718``; with ``thousands`` -> ``40.145.569`` (Rp.000)."""
    if value is None:
        return empty
    if thousands:
        value = int((Decimal(value) / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return _WHOLE.apply(value, _LOCALE)


def format_percent(value: Decimal | None, with_sign: bool = True) -> str:
    """``Decimal('95.5867')`` -> ``95,59%``; ``None`` -> ``–``."""
    if value is None:
        return DASH
    q = Decimal(value).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
    text = _TWO_PLACES.apply(q, _LOCALE)
    return text + ("%" if with_sign else "")


def format_decimal_id(value: Decimal | None, empty: str = "") -> str:
    """A volume such as ``Decimal('2.5')`` -> ``2,5``; integers without decimals."""
    if value is None:
        return empty
    value = Decimal(value)
    if value == value.to_integral_value():
        return _WHOLE.apply(int(value), _LOCALE)
    return _UP_TO_TEN_PLACES.apply(value.normalize(), _LOCALE)


_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")
_PLAIN = re.compile(r"^\d+$")


#: the largest amount one cell may hold: Rp 99.999.999.999.999 (just under 100 triliun, more than
#: any regional budget). SQLite's INTEGER holds up to 9.223.372.036.854.775.807, so a sum over up to
#: 92.233 cells at this bound (a Renja has about 50.000 sub kegiatan) still fits in one.
MAX_RUPIAH = 99_999_999_999_999


def _bounded(value: int, raw) -> int:
    if value > MAX_RUPIAH:
        raise NumberError("number.too_big", text=raw, max=format_rupiah(MAX_RUPIAH))
    return value


def parse_rupiah(text: str | int | None, *, allow_empty: bool = True) -> int | None:
    """Read a Rupiah amount as typed or printed: ``1.500.000``, ``1500000``, ``Rp 1.500.000,00``.

    Returns ``None`` for an empty cell or ``-``. Anything else that is not a whole number of Rupiah
    with correct dot grouping (``40.145568.718``, ``1,5 jt``, ``12a``) raises :class:`NumberError`.
    """
    if text is None:
        if allow_empty:
            return None
        raise NumberError("number.rupiah_empty")
    if isinstance(text, bool):
        raise NumberError("number.not_rupiah", text=text)
    if isinstance(text, int):
        if text < 0:
            raise NumberError("number.negative", text=text)
        return _bounded(text, text)
    if isinstance(text, float):
        if text != text or text in (float("inf"), float("-inf")) or text != int(text) or text < 0:
            raise NumberError("number.not_whole", text=text)
        return _bounded(int(text), text)
    raw = str(text).strip().replace("\u00a0", " ")
    if raw in ("", "-", DASH, "\u2014", "--"):
        if allow_empty:
            return None
        raise NumberError("number.rupiah_empty")
    s = re.sub(r"^rp\.?\s*", "", raw, flags=re.IGNORECASE).replace(" ", "")
    negative = False
    if s.startswith("(") and s.endswith(")"):
        s, negative = s[1:-1], True
    elif s.startswith("-"):
        s, negative = s[1:], True
    # trailing zero cents: 1.500.000,00 or 1500000,00
    s = re.sub(r",0{1,2}$", "", s)
    if _PLAIN.match(s) or _GROUPED.match(s):
        value = int(s.replace(".", ""))
    else:
        raise NumberError("number.bad_rupiah", text=raw)
    if negative:
        raise NumberError("number.negative", text=raw)
    return _bounded(value, raw)


def parse_decimal(text: str | int | float | Decimal | None) -> Decimal | None:
    """Read a volume or percentage in Indonesian notation: ``2,5``, ``1.250``, ``95,59 %``, ``100%``.

    Returns ``None`` for empty, ``-`` or ``#DIV/0!``-style spreadsheet errors is *not* accepted:
    those raise :class:`NumberError` so the caller can report them.
    """
    if text is None:
        return None
    if isinstance(text, Decimal):
        return text
    if isinstance(text, bool):
        raise NumberError("number.not_number", text=text)
    if isinstance(text, int):
        return Decimal(text)
    if isinstance(text, float):
        return Decimal(repr(text))
    raw = str(text).strip().replace("\u00a0", " ")
    if raw in ("", "-", DASH, "\u2014", "--"):
        return None
    s = raw.replace(" ", "").rstrip("%")
    if s.startswith("#"):
        raise NumberError("number.sheet_error", text=raw)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", s):
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+(,\d+)?", s):
        s = s.replace(",", ".")
    elif re.fullmatch(r"\d+\.\d+", s):
        pass  # a decimal point as some spreadsheets export it (26.67%)
    else:
        raise NumberError("number.bad_number", text=raw)
    try:
        return Decimal(s)
    except InvalidOperation as exc:  # pragma: no cover - the patterns above exclude it
        raise NumberError("number.bad_number", text=raw) from exc


def decimal_to_text(value: Decimal | None) -> str | None:
    """Canonical storage form of a Decimal (``'2.5'``), exact and locale-free."""
    if value is None:
        return None
    value = Decimal(value)
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def format_nip(nip: str | None) -> str:
    """An 18-digit NIP as printed: ``19670621 199702 1 002`` (birth date, appointment, sex, serial)."""
    digits = "".join(ch for ch in (nip or "") if ch.isdigit())
    if len(digits) != 18:
        return nip or ""
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def opd_with_pemda(opd: str | None, pemda: str | None) -> str:
    """The agency named with its region, the region said once.

    ``("Badan Kesbangpol", "Kota Binjai")`` -> ``"Badan Kesbangpol Kota Binjai"``; an agency name
    that already ends in (or contains) the region keeps its own wording:
    ``("Dinas Kesehatan Kabupaten Langkat", "Kabupaten Langkat")`` -> ``"Dinas Kesehatan Kabupaten
    Langkat"``. Compared without case and extra spaces, as whole words.
    """
    opd = " ".join((opd or "").split())
    pemda = " ".join((pemda or "").split())
    if not pemda:
        return opd
    if not opd:
        return pemda
    if re.search(r"(?<!\w)" + re.escape(pemda.casefold()) + r"(?!\w)", opd.casefold()):
        return opd
    return f"{opd} {pemda}"
