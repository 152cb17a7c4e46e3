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


def test_no_message_key_written_twice():
    """A key written twice in the catalog would silently replace the first message."""
    import ast

    tree = ast.parse((ROOT / "renja_desktop" / "errors.py").read_text(encoding="utf-8"))
    literal = next(n.value for n in ast.walk(tree)
                   if isinstance(n, ast.AnnAssign) and getattr(n.target, "id", "") == "MESSAGES")
    keys = [k.value for k in literal.keys]
    assert len(keys) == len(MESSAGES) and sorted({k for k in keys if keys.count(k) > 1}) == []


#: report-text methods of the core that only the command line prints (it speaks Indonesian)
_COMMAND_LINE_ONLY_TEXTS = {("exchange/integrity.py", "lines"), ("exchange/diff.py", "lines")}


def test_report_texts_of_the_core_take_a_language():
    """Every method of the core that writes a report's text for the user (``lines``, ``summary``,
    ``summary_lines``, ``details``, ``message``) takes ``lang``, so the window can ask for its own
    language; the few printed only by the command line are listed above."""
    import ast

    names = {"lines", "summary", "summary_lines", "details", "message"}
    missing = []
    for path in sorted((ROOT / "renja_desktop").rglob("*.py")):
        rel = path.relative_to(ROOT / "renja_desktop").as_posix()
        if rel.startswith("gui/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                for fn in node.body:
                    if isinstance(fn, ast.FunctionDef) and fn.name in names and (rel, fn.name) not in \
                            _COMMAND_LINE_ONLY_TEXTS and "lang" not in [a.arg for a in fn.args.args]:
                        missing.append(f"{rel}: {node.name}.{fn.name}")
    assert missing == []
    gui = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "renja_desktop" / "gui").glob("*.py"))
    # ... and the window does not use the modules of those (it would show their Indonesian text)
    assert not re.search(r"exchange(\.| import )(integrity|diff)\b", gui)


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


def test_command_line_usage_errors_are_keyed_and_stay_indonesian(tmp_path, capsys):
    """The command line's own usage errors have keys (with English) and print in Indonesian."""
    i18n.set_language("en")
    try:
        assert main(["gui", str(tmp_path / "a.sqlite"), "--sample"]) == 2
        assert capsys.readouterr().err == "galat: pilih salah satu: FILE atau --sample\n"
        with pytest.raises(SystemExit):
            main(["new", str(tmp_path / "b.sqlite"), "--pemda", "Kota Binjai", "--opd", "Kesbangpol", "--tahun", "x"])
        assert "argumen --tahun: 'x' bukan tahun" in capsys.readouterr().err
        assert main(["new", str(tmp_path / "c.sqlite"), "--pemda", "Kota Binjai", "--opd", "Kesbangpol", "--tahun",
                     "2024", "--renstra", "2021"]) == 2
        assert capsys.readouterr().err == "galat: --renstra '2021' harus berbentuk 2021-2026\n"
    finally:
        i18n.set_language("id")
    assert CliError("cli.renstra_period", text="2021").message("en") == "--renstra '2021' must be of the form 2021-2026"


#: Indonesian words the English texts must not keep (option names, examples in quotes and the
#: arguments are left out before looking)
_INDONESIAN_WORDS = re.compile(
    r"\b(tidak|bukan|berkas|harus|dan|atau|yang|di|ke|dari|untuk|dengan|baris|kolom|kode|isian|pilih|salah|"
    r"satu|sudah|belum|ada|dihapus|diubah|salinan|tabel|bagian|blok|butir|potongan|sel|gambar|teks|huruf|"
    r"catatan|perintah|dokumen|induk|tahun|berisi|dikenal|sah|kosong)\b", re.I)


def test_new_keys_have_english_texts():
    """The keys of the command line, the merge, the chapter-text format, the sample and the reports
    the window shows (rescue, damaged rows, combining, next year, opening notes): English without
    Indonesian words."""
    for key, (_id_text, en_text) in MESSAGES.items():
        if not key.startswith(("cli.", "merge.", "format.", "sample.", "recover.", "rowcheck.", "consolidate.",
                               "rollover.", "workspace.", "file.rows_", "file.changed_", "cell.", "narrative.", "copy.")):
            continue
        text = re.sub(r"\{\w+\}|--[\w-]+|\"[^\"]*\"", "", en_text)
        assert not _INDONESIAN_WORDS.search(text), (key, en_text)


def test_missing_font_files_are_a_keyed_error(tmp_path, monkeypatch):
    from renja_desktop.reports import fonts

    monkeypatch.setattr(fonts, "_registered", False)
    monkeypatch.setattr(fonts, "resources_dir", lambda: tmp_path)
    with pytest.raises(fonts.FontMissingError) as info:
        fonts.register_fonts()
    assert isinstance(info.value, RenjaError) and info.value.key == "report.font_missing"
    assert info.value.message("id").endswith("tidak ditemukan di " + str(tmp_path / "fonts") + "; pasang ulang aplikasi.")
    assert info.value.message("en").endswith("was not found in " + str(tmp_path / "fonts") + "; reinstall the application.")


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


def test_chapter_text_format_errors_in_both_languages(tmp_path):
    """The checks of the stored chapter-text format name the place (block, item, run, cell) in the
    message's language; the Indonesian wording is what it always was."""
    from renja_desktop.narrative import format as fmt
    from renja_desktop.sample import SampleError, load_corrections

    cases = [
        ([{"type": "html"}], "blok 1: jenis blok 'html' tidak dikenal", "block 1: unknown kind of block 'html'"),
        ([{"type": "list", "style": "decimal", "items": [{"runs": []}, {"runs": [{"text": "a", "b": "y"}]}]}],
         "blok 1, butir 2, potongan 1: 'b' harus true/false", "block 1, item 2, run 1: 'b' must be true/false"),
        ([{"type": "table", "rows": [[[{"text": "a"}], [{"tex": "b"}]]]}],
         "blok 1, baris 1 sel 2, potongan 1: teks tidak ada", "block 1, row 1 cell 2, run 1: the text is missing"),
        ([{"type": "paragraph", "runs": [], "x": 1}], "blok 1 (paragraph): kunci tidak dikenal x",
         "block 1 (paragraph): unknown keys x"),
        ([{"type": "list", "style": "decimal", "items": [{"runs": [], "sub": {"type": "list", "style": "z", "items": []}}]}],
         "blok 1, butir 1 (sub): gaya daftar 'z' tidak dikenal (decimal, lower-alpha, upper-roman, decimal-paren, bullet)",
         "block 1, item 1 (sub): unknown list style 'z' (decimal, lower-alpha, upper-roman, decimal-paren, bullet)"),
    ]
    for blocks, id_text, en_text in cases:
        with pytest.raises(fmt.FormatError) as info:
            fmt.validate(blocks)
        assert isinstance(info.value, RenjaError) and info.value.key in MESSAGES
        assert (info.value.message("id"), info.value.message("en")) == (id_text, en_text)
    with pytest.raises(fmt.FormatError) as info:
        fmt.loads('{"format": "renja-naskah", "version": 9, "blocks": []}')
    assert info.value.message("en").startswith("the section's content uses text format version 9, newer than")
    # the sample's corrections file: its errors are keyed too
    bad = tmp_path / "koreksi.tsv"
    bad.write_text("tabel\tbaris\tsel\ttertulis\tmenjadi\talasan\n2.1\tx\t1\ta\tb\tc\n", encoding="utf-8")
    with pytest.raises(SampleError) as info:
        load_corrections(bad)
    assert info.value.message("id").startswith("koreksi.tsv: baris koreksi ke-2 tidak terbaca (")
    assert info.value.message("en").startswith("koreksi.tsv: correction line 2 cannot be read (")


# ------------------------------------------------------------------------------ messages without a key
#: the modules whose messages are still plain Indonesian text, how many, and why. A new message
#: gets a key in ``errors.MESSAGES`` (with English); this list only shrinks.
PLAIN_MESSAGES_LEFT = {
    # the action named to os_error_message ("membuat cadangan", "mengunci"): a key of its own table
    "exchange/backups.py": 1, "exchange/lock.py": 1,
    # OSError texts made to stand for a failed write (caught and turned into keyed messages)
    "exchange/fsutil.py": 1, "exchange/sqlitefile.py": 1,
    # printing: a cancelled render (never shown)
    "reports/pdf.py": 1,
    # internal checks (a programming error, not a user's input): English, never shown as a dialog
    "compute.py": 1, "importer/mapping.py": 1, "importer/sipd.py": 1, "schema.py": 2, "reports/__init__.py": 1,
    "exchange/safecopy.py": 1,
}


def _plain_messages() -> dict[str, int]:
    """Per core module: raised errors and findings whose message is literal text, not a key."""
    import ast

    def plain(node) -> bool:
        return isinstance(node, ast.JoinedStr) or (
            isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value
            and node.value not in MESSAGES)

    def made(call) -> bool:
        name = getattr(call.func, "id", "") or getattr(call.func, "attr", "")
        return name.endswith(("Error", "Conflict", "Failure")) or name == "Finding"

    counts: dict[str, int] = {}
    core = ROOT / "renja_desktop"
    for path in sorted(core.rglob("*.py")):
        rel = path.relative_to(core).as_posix()
        if rel.startswith("gui/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            # an error made anywhere (``return ExchangeError(...)`` too), any raised call, a finding
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and not made(node.exc):
                call = node.exc
            elif isinstance(node, ast.Call) and made(node):
                call = node
            else:
                continue
            if any(plain(a) for a in call.args):
                counts[rel] = counts.get(rel, 0) + 1
    return counts


def test_user_messages_have_keys_or_are_listed():
    """Every message of the core shown to the user has a key with English; the few modules left
    are listed with the reason (the list may only shrink)."""
    found = _plain_messages()
    grown = {m: (n, PLAIN_MESSAGES_LEFT.get(m, 0)) for m, n in found.items() if n > PLAIN_MESSAGES_LEFT.get(m, 0)}
    assert grown == {}, "give these messages a key in renja_desktop/errors.py (found, allowed)"
    for done in ("service.py", "stages.py", "notes.py", "catalog.py", "storage.py", "readers.py", "validation.py",
                 "audit.py", "narrative/store.py", "narrative/sections.py", "narrative/checks.py", "rollover.py",
                 "reports/tables.py", "importer/engine.py", "operations.py", "exchange/recover.py",
                 "exchange/consolidate.py", "exchange/workspace.py", "exchange/rowdata.py",
                 "narrative/textimport.py", "renstra.py", "exchange/merge.py",
                 "narrative/format.py", "sample.py", "cli_core.py", "cli_document.py", "cli_exchange.py",
                 "cli_gui.py", "cli_import.py", "cli_report.py", "cli_stages.py", "cli_tables.py",
                 "reports/fonts.py"):
        assert found.get(done, 0) == 0, done
