"""Bantuan ▸ Panduan shows the user guide offline, with its pictures."""


def test_guide_shows_the_user_guide(window, qtbot, monkeypatch):
    from renja_desktop.gui import guide

    opened = []
    monkeypatch.setattr(guide.GuideDialog, "exec", lambda self: opened.append(self) or 0)
    window.actions_["guide"].trigger()
    text = opened[0].browser.toPlainText()
    assert "Renja" in text and len(text) > 500


def test_guide_images_resolve(window, monkeypatch):
    from PySide6.QtGui import QTextDocument
    from PySide6.QtCore import QUrl

    from renja_desktop.gui import guide

    opened = []
    monkeypatch.setattr(guide.GuideDialog, "exec", lambda self: opened.append(self) or 0)
    window.actions_["guide"].trigger()
    browser = opened[0].browser
    html = browser.document().toHtml()
    assert "screenshots/" in html
    image = browser.document().resource(QTextDocument.ResourceType.ImageResource,
                                        QUrl("screenshots/gui_pohon_program.png"))
    assert image is not None and not image.isNull()


def test_start_menu_entry_opens_the_guide(qtbot, monkeypatch, tmp_path):
    """``RenjaDesktop --panduan`` (the Start-menu "Panduan Renja Desktop") shows the guide at once."""
    from PySide6.QtWidgets import QApplication

    from renja_desktop.cli import main as cli_main
    from renja_desktop.gui import main_window

    seen = []
    monkeypatch.setattr(main_window.MainWindow, "show_guide", lambda self: seen.append(self))

    def fake_exec(*_a):   # no real event loop in tests: run the queued start-up calls, then close
        QApplication.processEvents()
        for w in QApplication.topLevelWidgets():
            if isinstance(w, main_window.MainWindow):
                w.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert cli_main(["gui", "--panduan"]) == 0
    assert len(seen) == 1
