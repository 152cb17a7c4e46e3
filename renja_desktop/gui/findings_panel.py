"""The findings panel: ``check``'s results, kept up to date while the user edits.

After a change only what it can affect is checked again, after a short pause following the last
edit: the row rules for the changed plan rows, their parents and children
(:func:`validation.rows_to_recheck`), and the whole-document rules (duplicate codes, printed
values, Tabel 2.1, import audit). The result always equals ``validate(doc)``. A full check (a few
hundred milliseconds for 50.000 rows) runs when the document is opened, reset or its identity
changes. Double-clicking a finding asks the window to show its row and column.

On a big document the first check runs in slices (:data:`SLICE` rows each, a few milliseconds)
from the event loop, so the window opens and answers the user while it runs; edits made meanwhile
are checked again when it ends.
"""
from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ..validation import (
    ERROR, WARNING, Finding, document_findings, duplicate_findings, plan_codes, plan_row_findings,
    row_findings, rows_to_recheck, sort_findings,
)
from .texts import severity_name
from .. import registry
from ..errors import message

if TYPE_CHECKING:  # pragma: no cover
    from ..service import ChangeEvent, RenjaDocument

SEVERITY_COLOURS = {ERROR: "#b3261e", WARNING: "#8a5a00"}

# plan rows checked per slice of a big document's first check
SLICE = 2500
# from this many plan rows on, the first check runs in slices after the window appears
BIG = 5000
# when the first slice runs after the check is started (the next ones follow at once)
FIRST_SLICE_MS = 100


class FindingsPanel(QWidget):
    #: the user wants to see where a finding is
    jump = Signal(object)

    def __init__(self, doc: "RenjaDocument", parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.findings: list[Finding] = []
        self.last_ms = 0.0
        #: row rule findings by plan row id (rows without findings left out), from the last check
        self._by_row: dict[str, list[Finding]] | None = None
        #: plan rows to check again, and moved rows (their subtrees); None: check everything
        self._pending: set[str] | None = None
        self._moved: set[str] = set()
        #: each plan row's code, how many rows have each code, and the codes used more than once:
        #: kept up to date with the rows checked again, so an edit need not look at every code
        self._codes: dict[str, str] = {}
        self._code_count: dict[str, int] = {}
        self._repeated: set[str] = set()
        self.summary = QLabel()
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([self.tr("Tingkat"), self.tr("Tabel"), self.tr("Kode"), self.tr("Kolom"),
                                   self.tr("Pesan"), self.tr("Tercetak"), self.tr("Terhitung")])
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for i, w in enumerate((90, 55, 150, 110, 560, 130, 130)):
            header.resizeSection(i, w)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)   # a short list: the message gets the room
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        # both lines wrap rather than being cut off when the panel is narrow (docked at the side)
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.summary, 3)
        hint = QLabel(self.tr("Klik dua kali untuk menuju baris yang bersangkutan."))
        hint.setStyleSheet("color: #666;")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(hint, 2)
        self.hint = hint
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.update_findings)
        # the sliced first check: the rows still to check, what was found so far, its time
        self._scan: list | None = None
        self._scan_found: dict[str, list[Finding]] = {}
        self._scan_ms = 0.0
        self.scan_timer = QTimer(self)
        self.scan_timer.setSingleShot(True)
        self.scan_timer.timeout.connect(self._scan_slice)
        doc.add_listener(self._on_change)
        if len(doc.plan.nodes) < BIG:
            self.refresh()
        else:
            # a big document: let the window appear first, then check a slice at a time
            self.start_scan()

    def detach(self) -> None:
        self.timer.stop()
        self.scan_timer.stop()
        self.doc.remove_listener(self._on_change)

    @property
    def scanning(self) -> bool:
        """Whether the sliced check of the whole document is still running."""
        return self._scan is not None

    def start_scan(self) -> None:
        """Check the whole document again, a slice of rows at a time from the event loop."""
        self.summary.setText(self.tr("Memeriksa dokumen…"))
        self._scan = list(self.doc.plan.nodes.values())
        self._scan_found = {}
        self._scan_ms = 0.0
        self._pending, self._moved = set(), set()   # edits made meanwhile: checked again at the end
        self.scan_timer.start(FIRST_SLICE_MS)   # the window (the tree) is painted first

    def _scan_slice(self) -> None:
        if self._scan is None:
            return
        start = time.perf_counter()
        if self._pending is None:   # reset or identity changed meanwhile: begin again
            self.start_scan()
            return
        nodes = self.doc.plan.nodes
        batch, self._scan = self._scan[:SLICE], self._scan[SLICE:]
        # a row removed meanwhile is not checked (it is among the rows checked again at the end)
        self._scan_found.update(plan_row_findings(self.doc, (n for n in batch if nodes.get(n.id) is n)))
        self._scan_ms += (time.perf_counter() - start) * 1000
        if self._scan:
            self.scan_timer.start(0)
            return
        self._scan = None
        self._by_row = self._scan_found
        self._scan_found = {}
        self._count_codes()
        self.update_findings()
        # the summary no longer says "Memeriksa…": the window lays its docks out for it now (the
        # label alone does not get that far), not at the user's first edit (a full repaint within it)
        self.updateGeometry()
        self.last_ms += self._scan_ms

    def _on_change(self, change: "ChangeEvent") -> None:
        if change.table == "plan":
            if self._pending is not None:
                self._pending.update(change.changed, change.inserted, change.removed)
                self._moved.update(change.moved)
        elif change.table not in ("eval", "declared", "pelayanan", "usulan"):
            self._pending = None  # reset, identity: everything again
        # (the other tables feed only the whole-document rules, which are always checked again)
        self.timer.start(400)

    def refresh(self) -> None:
        """Check the whole document again (at once; a sliced check still running is dropped)."""
        start = time.perf_counter()
        self._scan = None
        self.scan_timer.stop()
        self._by_row = plan_row_findings(self.doc, self.doc.plan.walk())
        self._count_codes()
        self._pending, self._moved = set(), set()
        self._show(start)

    def _count_codes(self) -> None:
        self._codes = plan_codes(self.doc)
        count: dict[str, int] = {}
        for kode in self._codes.values():
            count[kode] = count.get(kode, 0) + 1
        self._code_count = count
        self._repeated = {kode for kode, n in count.items() if n > 1} if len(count) < len(self._codes) else set()

    def _recount(self, rid: str, kode: str | None) -> None:
        """Row ``rid`` now has code ``kode`` (``None``: no code, or the row is gone)."""
        old = self._codes.get(rid)
        if old == kode:
            return
        count = self._code_count
        if old:
            n = count[old] - 1
            if n:
                count[old] = n
            else:
                del count[old]
            if n <= 1:
                self._repeated.discard(old)
            del self._codes[rid]
        if kode:
            n = count.get(kode, 0) + 1
            count[kode] = n
            if n > 1:
                self._repeated.add(kode)
            self._codes[rid] = kode

    def update_findings(self) -> None:
        """Check again what the changes since the last check can have affected."""
        if self._scan is not None:
            return   # the sliced check checks them when it ends
        if self._by_row is None or self._pending is None:
            if len(self.doc.plan.nodes) < BIG:
                self.refresh()
            else:
                self.start_scan()
            return
        start = time.perf_counter()
        nodes = self.doc.plan.nodes
        for rid in rows_to_recheck(self.doc, self._pending, self._moved):
            node = nodes.get(rid)
            self._recount(rid, node.values.get("kode") if node is not None else None)
            found = row_findings(self.doc, node) if node is not None else []
            if found:
                self._by_row[rid] = found
            else:
                self._by_row.pop(rid, None)
        self._pending, self._moved = set(), set()
        self._show(start)

    def _show(self, start: float) -> None:
        assert self._by_row is not None
        rows = [f for found in self._by_row.values() for f in found]
        duplicates = duplicate_findings(self.doc) if self._repeated else []
        self.findings = sort_findings(self.doc, rows + document_findings(self.doc, duplicates))
        self.last_ms = (time.perf_counter() - start) * 1000
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        items = []
        for f in self.findings:
            tabel = f.tabel if f.tabel[:1].isdigit() or f.tabel == "TOTAL" else registry.field_label(f.tabel)
            item = QTreeWidgetItem([severity_name(f.severity), tabel, f.kode, self.column_label(f.kolom),
                                    message(f.pesan), f.tercetak, f.terhitung])
            colour = SEVERITY_COLOURS.get(f.severity)
            if colour:
                item.setForeground(0, QBrush(QColor(colour)))
            item.setToolTip(4, f.line())
            for col in (5, 6):
                item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(0, Qt.ItemDataRole.UserRole, len(items))
            items.append(item)
        self.tree.addTopLevelItems(items)
        self.tree.setUpdatesEnabled(True)
        errors = sum(1 for f in self.findings if f.severity == ERROR)
        warnings = sum(1 for f in self.findings if f.severity == WARNING)
        # the style first: a bold text is measured bold, so the label is sized for it
        if not self.findings:
            self.summary.setStyleSheet("color: #1b5e20;")
            self.summary.setText(self.tr("Tidak ada temuan: dokumen lolos pemeriksaan."))
        else:
            self.summary.setStyleSheet("color: #b3261e; font-weight: bold;" if errors else "color: #8a5a00;")
            self.summary.setText(self.tr("%1 galat, %2 peringatan, %3 info")
                                 .replace("%1", str(errors)).replace("%2", str(warnings))
                                 .replace("%3", str(len(self.findings) - errors - warnings)))
        self.summary.updateGeometry()

    def column_label(self, kolom: str) -> str:
        """``pagu_n1`` -> ``pagu 2025``: the column as the user sees it, not the field name."""
        tahun = int(self.doc.info.get("tahun") or 0)
        if kolom == "pagu":
            return self.tr("pagu %1").replace("%1", str(tahun))
        if kolom == "pagu_n1":
            return self.tr("pagu %1").replace("%1", str(tahun + 1))
        if kolom == "sumber_dana":
            return self.tr("sumber dana")
        if kolom.startswith(("rp_", "k_")) and kolom.split("_")[1].isdigit():
            prefix, n = kolom.split("_")
            return f"({n}) {'Rp' if prefix == 'rp' else 'K'}"
        if registry.field(kolom, "plan") is not None:
            return registry.field_label(kolom, "plan")
        return registry.field_label(kolom) if kolom else ""

    def counts(self) -> tuple[int, int]:
        errors = sum(1 for f in self.findings if f.severity == ERROR)
        return errors, len(self.findings) - errors

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        index = item.data(0, Qt.ItemDataRole.UserRole)
        if index is not None and 0 <= index < len(self.findings):
            self.jump.emit(self.findings[index])
