"""Typed errors: one base class, a message key with arguments, Indonesian and English at the edge."""
from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from renja_desktop import i18n, operations as ops
from renja_desktop.catalog import CatalogError
from renja_desktop.cli import CliError, main
from renja_desktop.codes import CodeError, parse_code
from renja_desktop.errors import MESSAGES, RenjaError, message
from renja_desktop.exchange.errors import ExchangeError
from renja_desktop.formatting import NumberError, parse_rupiah
from renja_desktop.importer import ImportFailure, TableNotRecognized, import_text
from renja_desktop.reports import ReportError
from renja_desktop.service import EditError, RenjaDocument
from renja_desktop.storage import DocumentFileError, inspect_file

ROOT = Path(__file__).resolve().parent.parent


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_message_in_both_languages_with_the_same_arguments():
    for key, (id_text, en_text) in MESSAGES.items():
        assert id_text and en_text, key
        assert _fields(id_text) == _fields(en_text), key


def test_one_base_class():
    for cls in (EditError, CodeError, NumberError, DocumentFileError, ImportFailure, TableNotRecognized,
                CatalogError, ReportError, CliError, ExchangeError):
        assert issubclass(cls, RenjaError), cls
    # the old bases are kept for callers catching them
    assert issubclass(EditError, ValueError) and issubclass(NumberError, ValueError)


@pytest.fixture
def doc(tmp_path):
    d = RenjaDocument.create(tmp_path / "d.sqlite", tahun=2024, pemda="Kota Binjai", opd="Kesbangpol")
    d.add_plan_row(None, "8", "UNSUR PEMERINTAHAN UMUM")
    yield d
    d.close()


def test_refused_edit_in_both_languages(doc):
    root = next(iter(doc.plan.walk()))
    with pytest.raises(EditError) as info:
        doc.history.execute(ops.SetPlanFields(root.id, {"pagu": "40.145568.718"}))
    exc = info.value
    assert exc.key == "edit.value"
    assert exc.message("id") == "8, kolom pagu: '40.145568.718' bukan angka rupiah yang sah (contoh: 1.500.000)"
    assert exc.message("en") == "8, column pagu: '40.145568.718' is not a valid Rupiah amount (for example 1.500.000)"
    with pytest.raises(EditError) as info:
        doc.history.execute(ops.SetPlanFields(root.id, {"pagu": "5"}))
    assert info.value.message("id").endswith("pagu urusan dihitung dari rinciannya")
    assert "the budget of this affair is the sum of its rows" in info.value.message("en")


def test_str_follows_the_current_language(doc):
    exc = CodeError("code.empty")
    assert str(exc) == "kode kosong"
    i18n.set_language("en")
    try:
        assert str(exc) == message(exc) == "empty code"
    finally:
        i18n.set_language("id")


def test_command_line_speaks_indonesian(tmp_path, capsys):
    i18n.set_language("en")
    try:
        code = main(["info", str(tmp_path / "nothing.sqlite")])
    finally:
        i18n.set_language("id")
    _out, err = capsys.readouterr()
    assert code == 2 and err == "galat: Berkas 'nothing.sqlite' tidak ditemukan.\n"


def test_document_file_errors_keep_their_kind(tmp_path):
    (tmp_path / "x.sqlite").write_text("not a database", encoding="utf-8")
    with pytest.raises(DocumentFileError) as info:
        inspect_file(tmp_path / "x.sqlite")
    assert info.value.kind == "not_sqlite"
    assert "not a Renja Desktop document" in info.value.message("en")


def test_table_not_recognised_is_a_type_not_a_text(doc):
    with pytest.raises(TableNotRecognized):
        import_text(doc, "a\tb\tc\nd\te\tf\n")


def test_no_code_decides_by_message_text():
    """Control flow never matches the text of an error (it would break with English messages)."""
    pattern = re.compile(r"""["'][^"']+["']\s+(not\s+)?in\s+str\((exc|e|err|error)\)""")
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "renja_desktop").rglob("*.py")
                 if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_parse_errors_are_keyed():
    with pytest.raises(NumberError) as info:
        parse_rupiah("12a")
    assert info.value.key == "number.bad_rupiah" and info.value.params == {"text": "12a"}
    with pytest.raises(CodeError) as info:
        parse_code("8.1")
    assert "segment 2" in info.value.message("en")


def test_findings_of_the_checks_speak_english(tmp_path):
    """The checks' findings carry a message key: the window in English shows them in English, the
    command line (and the stored text) stays Indonesian."""
    from renja_desktop.errors import Msg
    from renja_desktop.sample import build_sample
    from renja_desktop.validation import validate

    doc = RenjaDocument.open(build_sample(tmp_path / "contoh.sqlite"))
    try:
        found = validate(doc)
    finally:
        doc.close()
    keyed = [f for f in found if isinstance(f.pesan, Msg)]
    assert {"declared_mismatch", "cross_table_pagu"} <= {f.rule for f in keyed}
    indonesian = re.compile(r"\b(tercetak|berbeda|dengan|jumlah|rinciannya|belum|tidak|dokumen memakai)\b")
    for f in keyed:
        assert f.pesan == f.pesan.message("id") and f.pesan.key in MESSAGES
        assert not indonesian.search(message(f.pesan, "en")), message(f.pesan, "en")
    mismatch = next(f for f in keyed if f.rule == "declared_mismatch")
    assert mismatch.line("id").startswith("[Galat] Tabel ") and "berbeda dengan jumlah rinciannya" in mismatch.line("id")
    assert mismatch.line("en").startswith("[Error] Table ") and "differs from the sum of its rows" in mismatch.line("en")
