import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import isolation  # noqa: E402  (tests/isolation.py: before anything can compute a user folder)

isolation.install()

import pytest  # noqa: E402


def pytest_sessionfinish(session, exitstatus):
    """Fail the run if any test wrote into the user's real folders (see tests/isolation.py)."""
    if isolation.VIOLATIONS:
        session.exitstatus = 1
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line("tests touched the user's real folders:", red=True)
            for item in isolation.VIOLATIONS[:20]:
                reporter.write_line(f"  {item}", red=True)


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    """Backups, logs and working copies of each test go to its own temporary folder (the session's
    guard in tests/isolation.py keeps everything else away from the real user folder too)."""
    monkeypatch.setenv("RENJA_DESKTOP_DATA_DIR", str(tmp_path / "userdata"))
    from renja_desktop import i18n

    i18n.set_language("id")   # core messages start Indonesian whatever an earlier test chose
    yield


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """The main window on a small Binjai-shaped document (tests/gui_support.py), confirmations
    answered yes. GUI test modules use it; Qt is imported only when a test asks for it."""
    from gui_support import build_small_document
    from renja_desktop.gui import texts
    from renja_desktop.gui.main_window import MainWindow

    path = tmp_path / "binjai.sqlite"
    build_small_document(path).close()
    monkeypatch.setattr(texts, "ask_yes_no", lambda *a, **k: True)
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    assert w.open_document(path)
    yield w
    w.close()


# the bundled sample, built once per test module, and an editable copy of it opened per test (a
# module that needs another document defines its own fixtures of these names)
@pytest.fixture(scope="module")
def sample_file(tmp_path_factory):
    from renja_desktop.sample import build_sample

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("RENJA_DESKTOP_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))
        return build_sample(tmp_path_factory.mktemp("sample") / "sample.sqlite")


@pytest.fixture
def doc(sample_file, tmp_path):
    import shutil

    from renja_desktop.service import RenjaDocument

    path = tmp_path / "doc.sqlite"
    shutil.copy(sample_file, path)
    d = RenjaDocument.open(path)
    yield d
    d.close()
