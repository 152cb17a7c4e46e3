"""Application set-up: QApplication, translations, and ``main()`` for ``renja-desktop gui``."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from ..paths import resources_dir
from . import settings as app_settings
from .language import install_translators, translations_dir  # noqa: F401  (the app's entry points)

APP_NAME = "Renja Desktop"
def create_app(argv: list[str] | None = None, lang: str | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("RenjaDesktop")
    app.setApplicationDisplayName(APP_NAME)
    icon = resources_dir() / "icons" / "app.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    if sys.platform != "win32":
        app.setStyle("Fusion")
        font = QFont("DejaVu Sans", 9)
        app.setFont(font)
    install_translators(lang or app_settings.language())
    return app


def install_crash_dialog() -> None:
    """Unexpected errors: a log file for IT (renja_desktop.crash) and a short dialog for the user."""
    from .. import crash
    from . import texts

    def notify(message: str, log_path: Path) -> None:
        texts.show_error(
            QApplication.activeWindow(), QCoreApplication.translate("App", "Galat tak terduga"), message,
            QCoreApplication.translate(
                "App", "Laporan galat disimpan di:\n%1\nSerahkan berkas itu kepada petugas TI. "
                "Perubahan yang sudah tampil sudah tersimpan di berkas Renja.").replace("%1", str(log_path)))

    crash.install(notify)


def startup_cleanup() -> list[Path]:
    """Remove temporary files an interrupted copy left behind (a pulled drive, a power cut) and apply
    the backup rotation; never stops the app from starting."""
    from ..exchange.backups import startup_cleanup as cleanup

    try:
        return cleanup()
    except (OSError, ValueError):
        return []


def main(path: str | Path | None = None, sample: bool = False, screenshot: str | Path | None = None,
         guide: bool = False) -> int:
    """Run the window. With ``screenshot``: show it, save a picture of it there, and quit (used to
    check an installation, e.g. the frozen build on a PC without a screen). With ``guide``: open the
    user guide at once (the Start-menu entry "Panduan Renja Desktop")."""
    app = create_app()
    install_crash_dialog()
    startup_cleanup()
    from .main_window import MainWindow

    window = MainWindow()
    window.show()
    if sample:
        window.ctl.open_sample()
    elif path is not None:
        window.open_document(Path(path))
    if guide and screenshot is None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, window.show_guide)
    if screenshot is not None:
        from PySide6.QtCore import QTimer

        def shoot() -> None:
            ok = window.grab().save(str(screenshot))
            window.close()
            app.exit(0 if ok else 1)

        QTimer.singleShot(300, shoot)
    return app.exec()
