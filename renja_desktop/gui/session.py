"""The flash-drive session of the open document: how the window opens, saves and closes a file
that may live on a flash disk or a network folder (docs/architecture.md, "Copy and merge").

A file is opened through :func:`renja_desktop.exchange.workspace.open_for_editing`: the working
file is always on the local disk (a file on a flash disk or a network share is copied to the
documents folder first) and it is locked while open; a file locked by someone else is offered
read-only or to take over, a damaged one is offered for rescue. "Simpan ke flash disk" writes the
working file back with the verified copy; when the file there changed meanwhile, the two versions
are compared and merged (the user settles each conflict) instead of overwriting. Closing with
changes not yet saved back asks to save them, keep them on this PC, or stay. The same controller
saves verified copies elsewhere, compares and merges with another copy, restores backups,
consolidates many agencies' files and rescues damaged ones.

:class:`SessionController` has no widgets of its own: it asks with dialogs and tells the window
(:class:`~renja_desktop.gui.main_window.MainWindow`) to attach, detach and refresh the document.
It also opens, creates and closes documents (the window's Berkas menu and start page), since
every document is opened this way. Its texts are translated in the window's context ("MainWindow").
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from .. import i18n
from ..errors import message as message_text
from ..exchange import location
from ..exchange import lock as exchange_lock
from ..exchange.errors import CopyConflict, ExchangeError
from ..exchange.lock import FileLocked
from ..exchange.merge import plan_merge, write_merge
from ..exchange.recover import recover
from ..exchange.safecopy import save_copy
from ..exchange.errors import one_line
from ..exchange.workspace import WorkSession, open_for_editing
from ..paths import data_dir, documents_dir
from ..service import EditError, RenjaDocument
from ..storage import DocumentFileError
from . import exchange_dialogs, texts
from . import settings as app_settings
from .dialogs import NewDocumentDialog

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow

translate = QCoreApplication.translate


class SessionController(QObject):
    """The open document's :class:`WorkSession` (working copy, locks, origin) and every step of
    the flash-drive workflow, for one main window."""

    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        self.session: WorkSession | None = None
        self._copy_target: Path | None = None
        self._lock_lost_warned = False
        self.lock_timer = QTimer(self)
        self.lock_timer.setInterval(exchange_lock.REFRESH_EVERY * 1000)
        self.lock_timer.timeout.connect(self.refresh_locks)
        #: a change another process made to the open file (a command-line edit with --force, a
        #: second window) is noticed within this interval and the document reloaded; the window
        #: starts it while it shows a document
        self.outside_timer = QTimer(self)
        self.outside_timer.setInterval(1500)
        self.outside_timer.timeout.connect(self.check_outside_change)

    def start(self, doc: RenjaDocument, session: WorkSession | None) -> None:
        """The window shows ``doc`` now: keep its session (a plain one for a document opened
        without :func:`open_for_editing`) and keep its locks fresh."""
        self.session = session if session is not None else WorkSession(working=doc.path, readonly=doc.readonly)
        self._lock_lost_warned = False
        self._copy_target = None
        if self.session.locks:
            self.lock_timer.start()

    # ================================================================== open, new, close
    def open_dialog(self) -> None:
        start = str(Path(app_settings.recent_files()[0]).parent) if app_settings.recent_files() else str(documents_dir())
        path, _ = QFileDialog.getOpenFileName(self.window, translate("MainWindow", "Buka berkas Renja"), start,
                                              translate("MainWindow", "Berkas Renja (*.sqlite);;Semua berkas (*)"))
        if path:
            self.open_document(Path(path))

    def open_document(self, path: Path, readonly: bool = False) -> bool:
        """Open ``path`` the safe way (local working copy, lock, checks); the open document stays
        open when this fails or is cancelled."""
        path = Path(path)
        if not path.exists():
            texts.show_error(self.window, translate("MainWindow", "Berkas tidak ditemukan"),
                             translate("MainWindow", "Berkas '%1' tidak ditemukan.").replace("%1", str(path)),
                             translate("MainWindow", "Bila berkas itu ada di flash disk, pasang flash disknya lalu coba lagi."))
            app_settings.remove_recent_file(path)
            self.window.welcome.refresh()
            return False
        if self._is_open(path):
            self.window.show_message(translate("MainWindow", "Dokumen ini sudah terbuka: %1").replace("%1", str(path)))
            return True
        opened = self.open_session(path, readonly)
        if opened is None:
            return False
        doc, session = opened
        if self.window.doc is not None and not self.close_document():
            doc.close()
            session.close()
            return False
        self.window.attach_document(doc, session)
        app_settings.add_recent_file(path)
        self.window.welcome.refresh()
        if session.origin is not None:
            message = translate("MainWindow", "Dibuka dari %1 %2; Anda bekerja pada salinan di komputer ini (%3).")
            message = message.replace("%1", self.place_name()).replace("%2", str(session.origin)) \
                             .replace("%3", str(session.working))
        else:
            message = translate("MainWindow", "Dibuka: %1").replace("%1", str(path))
        self.window.statusBar().showMessage(message, 10000)
        if session.notes:
            texts.show_info(self.window, translate("MainWindow", "Catatan pemeriksaan berkas"),
                            translate("MainWindow", "Berkas '%1' dibuka dengan catatan berikut:").replace("%1", path.name),
                            "\n\n".join(message_text(n) for n in session.notes))
        return True

    def _is_open(self, path: Path) -> bool:
        if self.window.doc is None:
            return False
        candidates = [self.window.doc.path]
        if self.session is not None and self.session.origin is not None:
            candidates.append(self.session.origin)
        for other in candidates:
            try:
                if os.path.samefile(path, other):
                    return True
            except OSError:
                continue
        return False

    def new_document(self) -> bool:
        dialog = NewDocumentDialog(self.window, date.today().year + 1)
        if dialog.exec() != NewDocumentDialog.DialogCode.Accepted:
            return False
        values = dialog.values()
        suggested = documents_dir() / f"Renja {values['tahun']} {values['opd_singkat'] or values['opd']}.sqlite"
        path, _ = QFileDialog.getSaveFileName(self.window, translate("MainWindow", "Simpan Renja baru sebagai"), str(suggested),
                                              translate("MainWindow", "Berkas Renja (*.sqlite)"))
        if not path:
            return False
        return self.create_document(Path(path), **values)

    def create_document(self, path: Path, **values) -> bool:
        if path.suffix.lower() != ".sqlite":
            path = path.with_suffix(".sqlite")
        try:
            RenjaDocument.create(path, **values).close()
        except (DocumentFileError, EditError, OSError) as exc:
            texts.show_error(self.window, translate("MainWindow", "Dokumen tidak dapat dibuat"), str(exc))
            return False
        # opened like any file: locked, and worked on locally when it was created on a flash disk
        return self.open_document(path)

    def open_sample(self) -> bool:
        """The sample's working copy in the app's data folder: the same file again while it is
        unchanged, a fresh one after it was edited (sample.sample_copy); never a pile of copies
        in the user's documents."""
        try:
            from ..sample import SAMPLE_RENEWED, sample_copy
        except ImportError:
            texts.show_error(self.window, translate("MainWindow", "Contoh tidak tersedia"),
                             translate("MainWindow", "Dokumen contoh tidak disertakan dalam instalasi ini."))
            return False
        folder = data_dir() / "Contoh"
        name = translate("MainWindow", "Contoh Renja Kesbangpol Binjai 2024")
        if self._is_open(folder / f"{name}.sqlite"):
            self.window.show_message(translate("MainWindow", "Dokumen contoh sudah terbuka."))
            return True
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            path, outcome = sample_copy(folder, name)
        except Exception as exc:  # the sample is bundled data: any failure is reported, not fatal
            QApplication.restoreOverrideCursor()
            texts.show_error(self.window, translate("MainWindow", "Contoh tidak dapat dibuat"), str(exc))
            return False
        QApplication.restoreOverrideCursor()
        opened = self.open_document(path)
        if opened and outcome == SAMPLE_RENEWED:
            self.window.show_message(translate("MainWindow", "Contoh dibuat baru; salinan yang telah Anda ubah disimpan sebagai "
                                      "'%1 (diubah).sqlite' di %2.").replace("%1", name).replace("%2", str(folder)))
        return opened

    def close_document(self) -> bool:
        if self.window.doc is None:
            return True
        if not self.confirm_leave():
            return False
        self.window.save_view_state()
        self.window.detach_document()
        return True

    @contextmanager
    def busy(self):
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            yield
        finally:
            QApplication.restoreOverrideCursor()

    def open_session(self, path: Path, readonly: bool = False):
        """``open_for_editing`` with the user's answers: locked -> read-only / take over / cancel;
        damaged -> offer to rescue its content into a new file. ``(doc, session)`` or ``None``."""
        takeover = False
        while True:
            try:
                with self.busy():
                    return open_for_editing(path, readonly=readonly, takeover=takeover)
            except FileLocked as exc:
                info = exc.info
                if info is not None and info.pid == os.getpid() and info.is_same_host():
                    texts.show_error(self.window, translate("MainWindow", "Dokumen sudah terbuka"),
                                     translate("MainWindow", "Dokumen '%1' sudah terbuka di jendela Renja Desktop ini.")
                                     .replace("%1", path.name))
                    return None
                choice = exchange_dialogs.ask_locked(self.window, exc)
                if choice == exchange_dialogs.READONLY:
                    readonly = True
                elif choice == exchange_dialogs.TAKEOVER:
                    takeover = True
                else:
                    return None
            except DocumentFileError as exc:  # ExchangeError included: nothing was written to the file
                if getattr(exc, "kind", "") in ("damaged", "truncated"):
                    if texts.ask_yes_no(self.window, translate("MainWindow", "Berkas rusak"), str(exc),
                                        translate("MainWindow", "Berkas ini tidak akan diubah. Selamatkan isi yang masih terbaca "
                                                "ke berkas baru?"), default_yes=True):
                        self.recover_file(path)
                else:
                    texts.show_error(self.window, translate("MainWindow", "Berkas tidak dapat dibuka"), str(exc))
                return None
            except (EditError, OSError) as exc:
                texts.show_error(self.window, translate("MainWindow", "Berkas tidak dapat dibuka"), str(exc))
                return None

    def confirm_leave(self) -> bool:
        """Changes not yet saved to the flash disk: save them, leave them on this PC, or stay."""
        if not self.can_save_to_origin() or self.window.stack.isClean():
            return True
        answer = self.ask_save_before_close()
        if answer == "save":
            return self.save_to_origin()
        return answer == "discard"

    def ask_save_before_close(self) -> str:
        """``'save'``, ``'discard'`` (keep the changes only on this PC) or ``'cancel'``."""
        B = QMessageBox.StandardButton
        place = self.place_name()
        box = texts.message_box(
            self.window, QMessageBox.Icon.Question, translate("MainWindow", "Belum disimpan ke %1").replace("%1", place),
            translate("MainWindow", "Perubahan pada '%1' belum disimpan ke %2.").replace("%1", self.window.doc.path.name)
            .replace("%2", place),
            B.Save | B.Discard | B.Cancel, B.Save,
            translate("MainWindow", "Perubahan tetap ada di salinan kerja di komputer ini (%1), tetapi berkas di %2 masih versi "
                    "lama. Simpan ke %2 sekarang?").replace("%1", str(self.window.doc.path)).replace("%2", place))
        answer = box.exec()
        if answer == B.Save:
            return "save"
        if answer == B.Discard:
            return "discard"
        return "cancel"

    def end(self) -> None:
        self.lock_timer.stop()
        session, self.session = self.session, None
        if session is not None:
            session.close()

    def check_outside_change(self) -> bool:
        """Reload the document when another process changed its file since it was loaded (the
        undo history then no longer fits the file: it is cleared). Returns whether it reloaded."""
        doc = self.window.doc
        if doc is None or not doc.changed_elsewhere():
            return False
        try:
            doc.reload_if_changed()
        except Exception as exc:  # noqa: BLE001 - e.g. the file was damaged meanwhile: say so once
            self.outside_timer.stop()
            texts.show_error(self.window, translate("MainWindow", "Berkas berubah"), one_line(exc))
            return False
        doc.history.clear()
        w = self.window
        w.stack.clear()
        w.update_totals()
        w.update_title()
        w.update_actions()
        w.statusBar().showMessage(translate("MainWindow", "Berkas '%1' diubah oleh program lain; isinya dimuat ulang.")
                                  .replace("%1", doc.path.name), 15000)
        return True

    def refresh_locks(self) -> bool:
        """Confirm our locks (the timer calls this every few minutes); warn once if one was taken over."""
        session = self.session
        if session is None or not session.locks:
            return True
        if session.refresh_locks():
            return True
        if not self._lock_lost_warned:
            self._lock_lost_warned = True
            who = ""
            for lk in session.locks:
                try:
                    other = exchange_lock.read_lock(lk.path)
                except (OSError, ValueError):
                    other = None
                if other is not None and other.token != lk.info.token:
                    who = translate("MainWindow", "%1 di komputer %2 sejak %3").replace("%1", other.user) \
                        .replace("%2", other.host).replace("%3", other.since_local())
                    break
            text = translate("MainWindow", "Kunci berkas '%1' telah diambil alih oleh %2.").replace(
                "%1", session.working.name).replace("%2", who or translate("MainWindow", "aplikasi lain"))
            texts.show_error(self.window, translate("MainWindow", "Kunci berkas diambil alih"), text, translate("MainWindow", 
                "Perubahan dari dua tempat dapat saling menimpa. Simpan salinan dokumen ini ke tempat lain "
                "(Berkas ▸ Simpan salinan sebagai…), tutup dokumen, lalu gabungkan bila perlu."))
        return False

    def save_copy_as(self) -> bool:
        if self.window.doc is None:
            return False
        start = str(self._copy_target or Path.home() / self.window.doc.path.name)
        path, _ = QFileDialog.getSaveFileName(self.window, translate("MainWindow", "Simpan salinan sebagai"), start,
                                              translate("MainWindow", "Berkas Renja (*.sqlite)"))
        if not path:
            return False
        return self.save_copy_to(Path(path))

    def save_copy_to(self, target: Path) -> bool:
        if target.suffix.lower() != ".sqlite":
            target = target.with_suffix(".sqlite")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            message = self._copy(target)
        except (DocumentFileError, EditError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            texts.show_error(self.window, translate("MainWindow", "Salinan tidak tersimpan"), str(exc),
                             translate("MainWindow", "Berkas kerja Anda tidak berubah dan tetap aman."))
            return False
        QApplication.restoreOverrideCursor()
        self._copy_target = target
        self.window.stack.setClean()
        self.window.update_title()
        self.window.show_message(message)
        return True

    def _copy(self, target: Path) -> str:
        if self.session is not None:
            return self.session.save_copy_to(target, document=self.window.doc).message(i18n.language())

        return save_copy(self.window.doc, target).message(i18n.language())

    def place_name(self) -> str:
        """Where the document came from, in words: 'flash disk' or 'folder jaringan'."""
        if self.session is not None and self.session.location == location.NETWORK:
            return translate("MainWindow", "folder jaringan")
        return translate("MainWindow", "flash disk")

    def can_save_to_origin(self) -> bool:
        return (self.window.doc is not None and not self.window.doc.readonly and self.session is not None
                and self.session.origin is not None and not self.session.readonly)

    def save_to_origin(self, offer_merge: bool = True) -> bool:
        """"Simpan ke flash disk": the verified copy back to where the document came from."""
        if not self.can_save_to_origin():
            return False
        session = self.session
        place = self.place_name()
        try:
            with self.busy():
                result = session.save_to_origin(self.window.doc)
        except CopyConflict:
            if not offer_merge:
                texts.show_error(self.window, translate("MainWindow", "Belum tersimpan ke %1").replace("%1", place), translate("MainWindow", 
                    "Berkas %1 diubah lagi di tempat lain; tidak ditimpa.").replace("%1", str(session.origin)),
                    translate("MainWindow", "Berkas kerja Anda di komputer ini tidak berubah dan tetap aman."))
                return False
            return self.offer_merge_with_origin()
        except (DocumentFileError, EditError, OSError) as exc:  # ExchangeError: drive gone, full, read-only...
            texts.show_error(self.window, translate("MainWindow", "Belum tersimpan ke %1").replace("%1", place), str(exc),
                             translate("MainWindow", "Berkas kerja Anda di komputer ini tidak berubah dan tetap aman."))
            return False
        self.window.stack.setClean()
        self.window.update_title()
        self.window.show_message(translate("MainWindow", "Tersimpan ke %1: %2").replace("%1", place).replace("%2", result.message(i18n.language())))
        return True

    def offer_merge_with_origin(self) -> bool:
        session = self.session
        place = self.place_name()
        text = translate("MainWindow", "Berkas %1 di %2 telah diubah di tempat lain (mis. di komputer lain) sejak Anda "
                       "membukanya. Bila ditimpa, perubahan itu akan hilang, jadi berkas itu tidak ditimpa.")
        text = text.replace("%1", str(session.origin)).replace("%2", place)
        informative = translate("MainWindow", 
            "Renja Desktop dapat membandingkan kedua versi dan menggabungkannya: perubahan yang tidak "
            "bertentangan diambil dari keduanya, dan untuk setiap pertentangan Anda memilih sendiri. Hasilnya "
            "menjadi dokumen Anda lalu disimpan ke %1; versi lama disimpan sebagai cadangan.\n\n"
            "Bandingkan dan gabungkan sekarang?").replace("%1", place)
        if not texts.ask_yes_no(self.window, translate("MainWindow", "Berkas di %1 sudah berubah").replace("%1", place), text,
                                informative, default_yes=True):
            self.window.show_message(translate("MainWindow", "Belum disimpan ke %1; berkas di sana tidak diubah.").replace("%1", place))
            return False
        try:
            with self.busy():
                plan = session.plan_merge_with_origin()
        except (DocumentFileError, OSError) as exc:
            texts.show_error(self.window, translate("MainWindow", "Tidak dapat dibandingkan"), str(exc),
                             translate("MainWindow", "Berkas kerja Anda di komputer ini tidak berubah dan tetap aman."))
            return False
        dialog = exchange_dialogs.MergeDialog(
            self.window, plan, mine_label=translate("MainWindow", "Di komputer ini"), theirs_label=translate("MainWindow", "Di %1").replace("%1", place),
            write=lambda p, resolutions: session.write_merged(p, resolutions))
        dialog.exec()
        result = dialog.result
        if result is None:
            self.window.show_message(translate("MainWindow", "Penggabungan dibatalkan; berkas di %1 tidak diubah.").replace("%1", place))
            return False
        if not self.adopt_merged(result.output):
            return False
        if self.save_to_origin(offer_merge=False):
            self.window.show_message(translate("MainWindow", "Hasil gabungan menjadi dokumen Anda dan tersimpan ke %1.").replace("%1", place))
            return True
        self.window.stack.resetClean()  # the working copy now differs from the file there
        self.window.update_title()
        return False

    def adopt_merged(self, merged: Path) -> bool:
        """Make the merged file the working file and show it (undo history starts afresh)."""
        session = self.session
        if session is None or self.window.doc is None:
            return False
        self.window.save_view_state()
        old = self.window.detach_document(close=False)
        try:
            with self.busy():
                doc = session.adopt_merged(merged, document=old)
        except (DocumentFileError, EditError, OSError) as exc:
            old.close()
            texts.show_error(self.window, translate("MainWindow", "Hasil gabungan tidak dapat dipakai"), str(exc),
                             translate("MainWindow", "Dokumen Anda dibuka kembali seperti sebelumnya."))
            try:
                doc = RenjaDocument.open(session.working, readonly=session.readonly)
            except (DocumentFileError, EditError, OSError) as exc2:
                self.end()
                texts.show_error(self.window, translate("MainWindow", "Berkas tidak dapat dibuka"), str(exc2))
                return False
            self.window.attach_document(doc, session)
            return False
        try:
            Path(merged).unlink()  # its content is now the (verified) working file
        except OSError:
            pass
        self.window.attach_document(doc, session)
        return True

    def ask_open_path(self, title: str, start: str, pattern: str | None = None) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.window, title, start, pattern or translate("MainWindow", "Berkas Renja (*.sqlite)"))
        return Path(path) if path else None

    def ask_save_path(self, title: str, suggested: Path) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(suggested), translate("MainWindow", "Berkas Renja (*.sqlite)"))
        if not path:
            return None
        path = Path(path)
        return path if path.suffix.lower() == ".sqlite" else path.with_suffix(".sqlite")

    @staticmethod
    def free_name(folder: Path, stem: str) -> Path:
        path = folder / f"{stem}.sqlite"
        n = 2
        while path.exists():
            path = folder / f"{stem} ({n}).sqlite"
            n += 1
        return path

    def offer_to_open(self, title: str, text: str, informative: str, path: Path) -> bool:
        if texts.ask_yes_no(self.window, title, text, informative, default_yes=True):
            return self.window.open_document(path)
        return False

    def compare_with_copy(self, other: Path | None = None) -> bool:
        """Compare the open document with another copy of it; merge both into a new file."""
        if self.window.doc is None:
            return False
        if other is None:
            start = str(self.session.origin.parent) if self.session and self.session.origin else str(Path.home())
            other = self.ask_open_path(translate("MainWindow", "Pilih salinan lain dokumen ini"), start)
            if other is None:
                return False

        try:
            with self.busy():
                plan = plan_merge(self.window.doc.path, other)
        except (DocumentFileError, OSError) as exc:
            texts.show_error(self.window, translate("MainWindow", "Tidak dapat dibandingkan"), str(exc))
            return False
        stem = f"{self.window.doc.path.stem} gabungan {datetime.now():%Y-%m-%d %H.%M}"
        suggested = self.free_name(documents_dir(), stem)

        def write(merge_plan, resolutions):
            out = self.ask_save_path(translate("MainWindow", "Simpan hasil gabungan sebagai"), suggested)
            if out is None:
                raise ExchangeError("cancelled", translate("MainWindow", "Pilih nama berkas hasil gabungan untuk melanjutkan."))
            return write_merge(merge_plan, out, resolutions)

        dialog = exchange_dialogs.MergeDialog(self.window, plan, mine_label=translate("MainWindow", "Dokumen ini"),
                                              theirs_label=translate("MainWindow", "Salinan lain"), write=write)
        dialog.exec()
        result = dialog.result
        if result is None:
            return False
        self.window.show_message(translate("MainWindow", "Hasil gabungan disimpan: %1").replace("%1", str(result.output)))
        self.offer_to_open(
            translate("MainWindow", "Penggabungan selesai"),
            translate("MainWindow", "Hasil gabungan disimpan di %1. Kedua berkas masukan tidak diubah.").replace(
                "%1", str(result.output)),
            "\n".join(result.lines(i18n.language())) + "\n\n" + translate("MainWindow", "Buka hasil gabungan sekarang?"),
            result.output)
        return True

    def show_backups(self) -> bool:
        if self.window.doc is None:
            return False
        dialog = exchange_dialogs.BackupsDialog(self.window, self.window.doc.path)
        dialog.exec()
        if dialog.restored is not None:
            self.offer_to_open(translate("MainWindow", "Cadangan dipulihkan"),
                                translate("MainWindow", "Cadangan dipulihkan ke %1.").replace("%1", str(dialog.restored)),
                                translate("MainWindow", "Buka berkas itu sekarang?"), dialog.restored)
        return True

    def consolidate(self) -> bool:
        """Bappeda: gather the agencies' Renja into one read-only city view."""
        dialog = exchange_dialogs.ConsolidateDialog(self.window)
        dialog.exec()
        result = dialog.result
        if result is None or not result.written or result.output is None:
            return False
        self.offer_to_open(translate("MainWindow", "Gabungan Renja selesai"),
                            translate("MainWindow", "Tampilan kota ditulis ke %1.").replace("%1", str(result.output)),
                            translate("MainWindow", "Buka sekarang (hanya-baca)?"), Path(result.output))
        return True

    def recover_dialog(self) -> bool:
        bad = self.ask_open_path(translate("MainWindow", "Pilih berkas Renja yang rusak"), str(documents_dir()),
                                  translate("MainWindow", "Berkas Renja (*.sqlite);;Semua berkas (*)"))
        return self.recover_file(bad) if bad is not None else False

    def recover_file(self, bad: Path, out: Path | None = None) -> bool:
        """Save what can be read of a damaged file into a new file (the damaged one is never written)."""
        bad = Path(bad)
        if out is None:
            suggested = self.free_name(documents_dir(), f"{bad.stem} (diselamatkan)")
            out = self.ask_save_path(translate("MainWindow", "Simpan hasil penyelamatan sebagai"), suggested)
            if out is None:
                return False
        try:
            if out.resolve() == bad.resolve():
                raise ExchangeError("same_file", translate("MainWindow", "Hasil penyelamatan harus berkas baru, bukan berkas yang rusak."),
                                    out)
            with self.busy():
                report = recover(bad, out)
        except (DocumentFileError, OSError) as exc:
            texts.show_error(self.window, translate("MainWindow", "Penyelamatan gagal"), str(exc),
                             translate("MainWindow", "Berkas yang rusak tidak diubah."))
            return False
        head = (translate("MainWindow", "Semua isi '%1' terselamatkan ke %2.") if report.complete
                else translate("MainWindow", "Sebagian isi '%1' terselamatkan ke %2; ada yang hilang (lihat rincian)."))
        head = head.replace("%1", bad.name).replace("%2", str(out))
        self.window.show_message(head)
        self.offer_to_open(translate("MainWindow", "Hasil penyelamatan"), head,
                            "\n".join(report.lines(i18n.language())) + "\n\n" + translate("MainWindow", 
                                "Berkas yang rusak tidak diubah. Buka hasil penyelamatan sekarang?"), out)
        return True
