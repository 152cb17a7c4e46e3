"""GUI figures on the city-sized document (issue 4).

* ``open_expand_ms``: open the document in the main window and expand the whole plan tree, with
  the resulting events processed (what the user waits for before the tree is usable). On a big
  document the findings panel's first check runs afterwards in slices from the event loop (the
  window answers meanwhile): ``open_checked_ms`` is the time until its findings are shown. The
  edits below start once it is done.
* ``edit_visible_ms``: with the tree fully expanded, type a new pagu into a sub kegiatan whose
  ancestors are all on screen: the time from ``setData`` until the event loop has repainted the
  view, checked to include the repaint of the top ancestor's (urusan's) total. Median of repeated
  edits; ``edit_visible_max_ms`` is the slowest of them. Target: one frame (16 ms).
* ``edit_visible_commit_ms``: the part of each edit spent committing it to the file (SQLite ``COMMIT``, a
  disk flush: every edit is saved at once). It depends on the disk, not on the window; the rest of
  ``edit_visible_ms`` is the service's in-memory update, the models' signals and the repaint.
* ``findings_update_ms``: the findings panel brought up to date after those edits (it checks again
  only what they can affect, plus the whole-document rules), against ``findings_full_ms``, a check
  of everything (what it does on opening).
* Floors, in the same run: ``open_read_floor_ms`` (every row of every table read with plain sqlite3)
  and ``findings_floor_ms`` (visiting every plan row once and reading its code), with the ratios
  ``open_expand_ratio_vs_floor`` and ``findings_full_ratio_vs_floor``.
"""
from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

EDITS = 25


def run(rows: int, workdir: Path) -> list[tuple[str, float, str]]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from renja_desktop.gui.app import create_app
    from renja_desktop.synthetic import build_city_document

    os.environ.setdefault("RENJA_DESKTOP_DATA_DIR", str(workdir / "userdata"))
    path = workdir / f"gui-city-{rows}.sqlite"
    if not path.exists():
        build_city_document(path, rows=rows)
    app = create_app([], lang="id")
    from renja_desktop.gui.main_window import MainWindow

    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    QApplication.processEvents()

    # the floor of opening: every row of every table read with plain sqlite3 (no tree, no window)
    import sqlite3

    from bench_core import TABLES

    floor_ms = []
    for _ in range(3):
        t = time.perf_counter()
        conn = sqlite3.connect(str(path))
        held = [conn.execute(f"SELECT * FROM {t_}").fetchall() for t_ in TABLES]
        conn.close()
        floor_ms.append((time.perf_counter() - t) * 1000)
        del held
    open_floor_ms = min(floor_ms)

    start = time.perf_counter()
    assert window.open_document(path)
    page = window.plan_page
    page.view.expandAll()
    QApplication.processEvents()
    open_expand_ms = (time.perf_counter() - start) * 1000
    while window.findings.scanning:
        QApplication.processEvents()
    open_checked_ms = (time.perf_counter() - start) * 1000

    # the first sub kegiatan: its kegiatan, program, bidang and urusan are the rows above it
    tree = window.doc.plan
    leaf = tree.roots[0]
    while leaf.children:
        leaf = leaf.children[0]
    ancestors = [a.id for a in leaf.ancestors()]
    top = ancestors[-1]
    model = page.model
    pagu_col = model.column_index("pagu")
    page.view.scrollToTop()
    QApplication.processEvents()

    seen: set[str] = set()

    def probe(index, role):
        if role == Qt.ItemDataRole.DisplayRole and index.column() == pagu_col:
            seen.add(index.internalPointer().id)

    model.data_probe = probe
    index = page.view_index(leaf.id, "pagu")
    page.view.scrollTo(index)  # the pagu column can lie right of a narrow view (docks beside it)
    QApplication.processEvents()
    doc = window.doc
    commit_times: list[float] = []
    real_commit = doc.conn.commit

    def timed_commit():
        c0 = time.perf_counter()
        real_commit()
        commit_times.append((time.perf_counter() - c0) * 1000)

    doc.conn.commit = timed_commit
    times = []
    base = leaf.values.get("pagu") or 0
    for i in range(EDITS):
        seen.clear()
        value = str(base + (i + 1) * 1000)
        t0 = time.perf_counter()
        ok = page.view.model().setData(index, value, Qt.ItemDataRole.EditRole)
        QApplication.processEvents()
        t1 = time.perf_counter()
        if not ok or top not in seen or not set(ancestors) <= seen:
            raise RuntimeError("the edit did not repaint every ancestor's total")
        times.append((t1 - t0) * 1000)
    model.data_probe = None
    doc.conn.commit = real_commit
    # the findings panel after those edits: what they can affect, checked again (and a full check)
    panel = window.findings
    panel.timer.stop()
    f0 = time.perf_counter()
    panel.update_findings()
    findings_update_ms = (time.perf_counter() - f0) * 1000
    f0 = time.perf_counter()
    panel.refresh()
    findings_full_ms = (time.perf_counter() - f0) * 1000
    # the floor of a full check: visiting every plan row once and reading its code
    f0 = time.perf_counter()
    for node in tree.walk():
        node.values.get("kode")
    findings_floor_ms = (time.perf_counter() - f0) * 1000
    # undo everything: the benchmark leaves the document as it found it
    while window.stack.canUndo():
        window.stack.undo()
    window.close()
    app.processEvents()
    return [
        ("open_expand_ms", open_expand_ms, "ms"),
        ("open_read_floor_ms", open_floor_ms, "ms"),
        ("open_expand_ratio_vs_floor", open_expand_ms / open_floor_ms, "x"),
        ("open_checked_ms", open_checked_ms, "ms"),
        ("edit_visible_ms", statistics.median(times), "ms"),
        ("edit_visible_max_ms", max(times), "ms"),
        ("edit_visible_commit_ms", statistics.median(commit_times), "ms"),
        ("findings_update_ms", findings_update_ms, "ms"),
        ("findings_full_ms", findings_full_ms, "ms"),
        ("findings_floor_ms", findings_floor_ms, "ms"),
        ("findings_full_ratio_vs_floor", findings_full_ms / findings_floor_ms, "x"),
    ]


if __name__ == "__main__":  # pragma: no cover
    import sys
    import tempfile

    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    with tempfile.TemporaryDirectory() as tmp:
        for name, value, unit in run(rows, Path(tmp)):
            print(f"{name}: {value:.3f} {unit}")
