"""The PDF tables' own text encoding and measuring give exactly what ReportLab's would."""
from __future__ import annotations

from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

from renja_desktop.reports import fonts
from renja_desktop.reports.pdf import _FontCodec, _Metrics, _units

TEXTS = [
    "Sub kegiatan contoh 1.01.01.2.01.0001", "4.348.298.123", "(Rp\u00a04.000.000.000)",
    "back\\slash (kurung) ", "Çàé€ – “kutip”", "\U0001F600 tanpa glif",
    # more distinct characters than one font subset holds: later ones land in subset 1
    "".join(chr(c) for c in range(0x410, 0x450)) + "".join(chr(c) for c in range(0x100, 0x17F)),
    "".join(chr(c) for c in range(0x3B1, 0x3CA)) + "".join(chr(c) for c in range(0x1E00, 0x1E60)),
    "Ā и ω 8.01 (x)",
]


def test_codec_gives_reportlabs_bytes(tmp_path):
    fonts.register_fonts()
    font = getFont(fonts.REGULAR)
    ours = Canvas(str(tmp_path / "a.pdf"))._doc
    theirs = Canvas(str(tmp_path / "b.pdf"))._doc
    codec = _FontCodec(fonts.REGULAR, ours)
    subsets = set()
    for text in TEXTS + TEXTS[::-1]:
        expected = [(sub, escapePDF(b)) for sub, b in font.splitString(text, theirs)]
        assert codec.chunks(text) == expected
        subsets.update(sub for sub, _ in expected)
    assert subsets == {0, 1}


def test_widths_are_reportlabs():
    fonts.register_fonts()
    for face in (fonts.REGULAR, fonts.BOLD, fonts.BOLD_ITALIC):
        m = _Metrics(face, 8.5)
        for text in TEXTS + [""]:
            assert 0.001 * 8.5 * _units(face, text) == stringWidth(text, face, 8.5)
            assert m.word(text) == stringWidth(text, face, 8.5)


def test_one_line_only_when_it_fits():
    fonts.register_fonts()
    m = _Metrics(fonts.REGULAR, 8)
    text = "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik"
    width = m.word(text)
    assert m.wrap(text, width) == [text]
    assert m.wrap(text, width - 0.02) == [text[: text.rindex(" ")], "Listrik"]
    # spaces that print differently from the text as given go through the word by word wrap
    assert m.wrap("  dua  spasi ", width) == ["dua spasi"]
    assert m.wrap(" awal", width) == ["awal"] and m.wrap("akhir ", width) == ["akhir"]
    assert m.wrap("tab\tdi tengah", width) == ["tab di tengah"]
    assert m.wrap("Rp 5.000", width) == ["Rp\u00a05.000"]
    assert m.wrap("", width) == []
