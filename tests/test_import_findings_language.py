"""Issue 15 (the English UI is English): what an import noticed is stored in the document with its
message as data (``kunci``/``arg``) next to its Indonesian text (``pesan``), so the findings show it
in the window's language; the Indonesian text is exactly what it was, and a file stored by an earlier
version (no ``kunci``) still shows its text."""
from __future__ import annotations

import json
import re

import pytest

from test_import_same_result import ODD
from renja_desktop import audit
from renja_desktop.codes import CodeError
from renja_desktop.errors import MESSAGES, Msg, Text, level_text, message
from renja_desktop.findings import IMPORT_NOTES_KEY
from renja_desktop.importer import import_text
from renja_desktop.sample import sample_text
from renja_desktop.service import RenjaDocument

#: the keys of the stored import findings, one per kind the importer stores
STORED_KEYS = {"finding.import_shifted", "finding.import_rejected", "finding.import_note", "finding.import_parent",
               "finding.import_code_form", "finding.import_code_only", "finding.import_code_twice"}

#: one Indonesian text of each kind, as the import stored it before issue 15
TODAY = {
    "kode 8.01.05 tercetak lebih dari sekali di Tabel 4.1 [sampel baris 622]",
    "kode tercetak tidak cocok dengan kegiatan di atasnya (8.01.05.2.01); induk 8.01.06.2.01 tidak tercetak",
    "kode tercetak tidak baku: segmen kode '6' ditulis tanpa nol di depan (dibaca 06) [sampel baris 624]",
    "baris Tabel 4.1 hanya berisi kode, tanpa nama dan nilai [sampel baris 629]",
    "kolom pagu tercetak bergeser dari tempatnya pada 12 baris; angkanya dibaca dari sel sebelahnya, periksa "
    "[sampel baris 361, 362, 369, 370, 371, 372, 373, 374, 375, 376, 377, 378]",
    "kolom pagu_n1 berisi persentase '100%', bukan rupiah; tidak diimpor [sampel baris 565]",
    "baris sumber ditolak, isinya tidak masuk dokumen: kolom kode tidak terbaca: kode '1.02.02.2.01.00X8' tidak "
    "berbentuk U.BB.PP.K.KK.SSSS [dinkes.txt baris 7]",
}

#: Indonesian words an English finding may not show (quoted cells of the source aside)
INDONESIAN = re.compile(r"\b(kode|baris|tercetak|tidak|kolom|tabel|dari|dan|bukan|teks|tempelan|induk|"
                        r"periksa|ditolak|berisi|sumber)\b", re.I)


@pytest.fixture
def imported(tmp_path):
    """The bundled Renja and a Tabel 4.1 with odd codes and refused rows, imported: every kind of
    stored finding."""
    doc = RenjaDocument.create(tmp_path / "d.sqlite", tahun=2024, pemda="Kota Binjai", opd="Badan Kesbangpol",
                               nomenklatur_versi="kep050-5889-2021")
    import_text(doc, sample_text(), source="sampel")
    import_text(doc, ODD, table="4.1")  # pasted text: no source file name
    import_text(doc, ODD, table="4.1", source="dinkes.txt")
    yield doc
    doc.close()


def stored(doc) -> list[dict]:
    return json.loads(doc.meta[IMPORT_NOTES_KEY])


def test_every_stored_item_carries_its_message(imported):
    items = stored(imported)
    assert {it["kunci"] for it in items} == STORED_KEYS
    for it in items:
        rebuilt = Msg.from_data(it)
        assert rebuilt is not None and str(rebuilt) == it["pesan"], it
        json.dumps(it["arg"])  # plain JSON


def test_import_findings_in_english_and_indonesian(imported):
    found = [f for f in audit.import_notes(imported)]
    assert {f.pesan.key for f in found if isinstance(f.pesan, Msg)} == STORED_KEYS
    assert all(isinstance(f.pesan, Msg) for f in found)
    pesan = {it["pesan"] for it in stored(imported)}
    indonesian = {message(f.pesan, "id") for f in found}
    assert indonesian == {f.pesan for f in found} <= pesan
    assert TODAY <= indonesian
    for f in found:
        english = message(f.pesan, "en")
        assert not INDONESIAN.search(re.sub(r"'[^']*'", "", english)), english
        assert (": " + english) in f.line("en")
    english = {message(f.pesan, "en") for f in found}
    assert "the printed code does not match the activity above it (8.01.05.2.01); its parent 8.01.06.2.01 " \
           "is not printed" in english
    assert "source row refused, its content is not in the document: the code column cannot be read: code " \
           "'1.02.02.2.01.00X8' is not of the form U.BB.PP.K.KK.SSSS [dinkes.txt line 7]" in english
    assert "a Table 4.1 row holds only a code, with no name and no values [pasted text line 10]" in english
    assert "code 1.02.02.2.01.0001 is printed more than once in Table 4.1 [pasted text line 11]" in english
    assert "baris Tabel 4.1 hanya berisi kode, tanpa nama dan nilai [teks tempelan baris 10]" in indonesian


def test_items_of_an_earlier_version_show_their_text(imported):
    """Stored without ``kunci`` (an earlier version) or with a key this version does not know: the
    stored Indonesian text, in either language."""
    items = stored(imported)
    before = {(f.tabel, f.kode, f.kolom, str(f.pesan)) for f in audit.import_notes(imported)}
    old = [{k: v for k, v in it.items() if k not in ("kunci", "arg")} for it in items]
    old[0] = {**items[0], "kunci": "finding.from_a_later_version"}
    imported.set_meta(IMPORT_NOTES_KEY, json.dumps(old, ensure_ascii=False))
    found = audit.import_notes(imported)
    assert {(f.tabel, f.kode, f.kolom, str(f.pesan)) for f in found} == before
    for f in found:
        assert not isinstance(f.pesan, Msg)
        assert message(f.pesan, "en") == message(f.pesan, "id") == f.pesan


def test_a_repeated_import_adds_no_item_twice(imported):
    items = stored(imported)
    import_text(imported, ODD, table="4.1", source="dinkes.txt")
    assert stored(imported) == items


def test_message_data_round_trip():
    """A message with a nested message, an error, a bilingual word and plain values comes back the same."""
    msg = Msg("finding.import_note", note=Msg("edit.value", row="8.01", field="pagu",
                                              reason=CodeError("code.segments", text="8.x", count=2)),
              source=Text("teks tempelan", "pasted text"), line=3)
    data = json.loads(json.dumps(msg.data()))
    again = Msg.from_data(data)
    assert again is not None and again.key == msg.key
    for lang in ("id", "en"):
        assert again.message(lang) == msg.message(lang)
    level = Msg("finding.import_parent", level=level_text(4, lower=True), above="1.02", parent="1.03")
    assert Msg.from_data(level.data()).message("en") == level.message("en")
    assert Msg.from_data({"pesan": "teks lama"}) is None
    assert Msg.from_data({"kunci": "finding.import_note", "arg": "rusak"}) is None


def test_stored_finding_keys_are_english():
    for key in STORED_KEYS:
        text = re.sub(r"\{\w+\}", "", MESSAGES[key][1])
        assert not INDONESIAN.search(text), key
