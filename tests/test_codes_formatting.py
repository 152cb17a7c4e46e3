from decimal import Decimal

import pytest

from renja_desktop import codes
from renja_desktop.formatting import (NumberError, format_nip, format_percent, format_rupiah,
                                      parse_decimal, parse_rupiah, rate)


@pytest.mark.parametrize("text, canonical, level", [
    ("8", "8", 1), ("8.01", "8.01", 2), ("8.1", "8.01", 2), ("8.01.6", "8.01.06", 3),
    ("8.01.01.2.01", "8.01.01.2.01", 4), ("8.01.01.2.1.1", "8.01.01.2.01.0001", 5),
    (" 8.01.01.2.02.0004 ", "8.01.01.2.02.0004", 5), ("X.XX.01", "X.XX.01", 3),
])
def test_normalize(text, canonical, level):
    assert codes.normalize_code(text) == canonical
    assert codes.code_level(canonical) == level


@pytest.mark.parametrize("text", ["", "8.01.01.2", "8.001", "8.01.01.0.01", "a.b", "8.01.01.2.01.00001", "81"])
def test_bad_codes(text):
    with pytest.raises(codes.CodeError):
        codes.normalize_code(text)


def test_extends_and_child_code():
    assert codes.parse_code("8.01.01.2.01.0001").extends(codes.parse_code("8.01.01.2.01"))
    assert not codes.parse_code("8.01.02.2.01").extends(codes.parse_code("8.01.01"))
    assert codes.child_code("8.01.01", 3, codes.KEGIATAN) == "8.01.01.2.03"
    assert codes.child_code("8.01.01.2.03", 12, codes.SUB_KEGIATAN) == "8.01.01.2.03.0012"
    assert codes.child_code(None, 8, codes.URUSAN) == "8"


@pytest.mark.parametrize("text, value", [
    ("1.500.000", 1_500_000), ("1500000", 1_500_000), ("Rp 1.500.000,00", 1_500_000),
    ("40.145.568.718", 40_145_568_718), ("", None), ("-", None), (12, 12), (7.0, 7),
])
def test_parse_rupiah(text, value):
    assert parse_rupiah(text) == value


@pytest.mark.parametrize("text", ["40.145568.718", "1,5 jt", "12a", "1.5", "-5", "#DIV/0!", "1.50.000", 1.5])
def test_parse_rupiah_refuses(text):
    with pytest.raises(NumberError) as info:
        parse_rupiah(text)
    assert str(text) in str(info.value)


def test_formatting_indonesian():
    assert format_rupiah(40_145_568_718) == "40.145.568.718"
    assert format_rupiah(1_234_567, thousands=True) == "1.235"
    assert format_percent(Decimal("95.5867")) == "95,59%"
    assert format_percent(None) == "\u2013"
    assert rate(1, 0) is None and rate(None, 5) is None
    assert rate(1, 3) * 3 == Decimal(100) or abs(rate(1, 3) * 3 - 100) < Decimal("1e-20")
    assert format_nip("196706211997021002") == "19670621 199702 1 002"


def test_parse_decimal():
    assert parse_decimal("2,5") == Decimal("2.5")
    assert parse_decimal("95,59 %") == Decimal("95.59")
    assert parse_decimal("1.250") == Decimal(1250)
    assert parse_decimal("-") is None
    with pytest.raises(NumberError):
        parse_decimal("#DIV/0!")


@pytest.mark.parametrize("value", [0, 7, -7, 999, 1000, -1000, 1234567, -40145568718, 99_999_999_999_999])
def test_amounts_are_formatted_exactly_as_babel_formats_them(value):
    """The patterns are parsed once; the text is Babel's own for the id locale, every time."""
    from babel.numbers import format_decimal

    assert format_rupiah(value) == format_decimal(value, format="#,##0", locale="id_ID")
    share = Decimal(value) / 7
    assert format_percent(share) == format_decimal(
        share.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP"), format="#,##0.00", locale="id_ID") + "%"
