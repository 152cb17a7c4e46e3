"""Core figures: load, plain sqlite3 floor, one leaf edit committed, full recompute.

``open_ms`` is what a user waits for: header checks, ``quick_check`` and the load. ``load_ms`` is the
load alone (every row of every table into the computed trees), compared with ``sqlite3_read_ms``,
the same rows fetched as plain tuples with ``sqlite3`` (the floor). Both keep what they read until
their timer has stopped: the figures are the reading, not also the freeing of the previous round.
``load_memory_mb`` is the Python memory the open document holds (tracemalloc), next to
``rows_raw_mb``, the size of the rows' data itself (every field as sqlite3 returns it: text as UTF-8
bytes, numbers 8 bytes, NULL nothing) and their ratio ``load_memory_ratio_vs_raw``.
"""
from __future__ import annotations

import sqlite3
import statistics
import time
from pathlib import Path

from renja_desktop.service import RenjaDocument
from renja_desktop.storage import make_engine
from renja_desktop.synthetic import build_city_document

TABLES = ("document", "plan_row", "indikator", "sumber_dana", "eval_row", "pelayanan", "usulan",
          "declared_value", "meta")


def _best(fn, repeat: int = 5, release=None) -> float:
    """Best time of ``fn()``; what it returns is released (``release(result)``) outside the timing,
    so a figure is the work of loading alone, not also the freeing of the previous result."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
        if release is not None:
            release(result)
        del result
    return min(times)


def city_document(rows: int, workdir: Path) -> Path:
    path = workdir / f"city_{rows}.sqlite"
    if not path.exists():
        build_city_document(path, rows=rows)
    return path


def run(rows: int, workdir: Path) -> list[tuple[str, float, str]]:
    path = city_document(rows, workdir)

    def plain_read():
        conn = sqlite3.connect(str(path))
        try:
            return [conn.execute(f"SELECT * FROM {t}").fetchall() for t in TABLES]
        finally:
            conn.close()

    def open_checked():
        doc = RenjaDocument.open(path, readonly=True)
        doc.close()  # closing is cheap; the tree is freed when the collector next runs

    engine = make_engine(path, readonly=True)

    def load():
        doc = RenjaDocument(path, engine, readonly=True)
        doc.conn.close()
        return doc

    def release(doc):
        import gc

        gc.unfreeze()  # what RenjaDocument.close() does besides closing the shared engine

    # the floor and the load are timed in turns, so a slow spell of the machine hits both alike
    sqlite_times, load_times = [], []
    for _ in range(7):
        sqlite_times.append(_best(plain_read, repeat=1))
        load_times.append(_best(load, repeat=1, release=release))
    sqlite_s, load_s = min(sqlite_times), min(load_times)
    open_s = _best(open_checked)
    engine.dispose()
    memory_mb = _loaded_memory_mb(path)
    raw_mb = _raw_rows_mb(plain_read())
    doc = RenjaDocument.open(path)
    try:
        leaves = [n for n in doc.plan.walk() if n.level == 5][:200]
        edit_times = []
        for i, leaf in enumerate(leaves):
            t = time.perf_counter()
            doc.set_plan(leaf.id, pagu=1_000_000 + i)
            edit_times.append(time.perf_counter() - t)
        recompute_s = _best(lambda: doc.plan.full_recompute(), repeat=3)
    finally:
        doc.close()
    return [
        ("open_ms", open_s * 1000, "ms"),
        ("load_ms", load_s * 1000, "ms"),
        ("sqlite3_read_ms", sqlite_s * 1000, "ms"),
        ("load_ratio_vs_sqlite3", load_s / sqlite_s, "x"),
        ("edit_commit_ms", statistics.median(edit_times) * 1000, "ms"),
        ("edit_commit_p95_ms", sorted(edit_times)[int(len(edit_times) * 0.95)] * 1000, "ms"),
        ("full_recompute_ms", recompute_s * 1000, "ms"),
        ("load_memory_mb", memory_mb, "MB"),
        ("rows_raw_mb", raw_mb, "MB"),
        ("load_memory_ratio_vs_raw", memory_mb / raw_mb, "x"),
    ]


def _raw_rows_mb(tables: list[list[tuple]]) -> float:
    """The size of the rows' data itself: every field of every row as SQLite hands it over, text
    counted as its UTF-8 bytes, blobs as their bytes, integers and reals as 8 bytes, NULL as 0. The
    floor of what any in-memory copy of the document must hold."""
    total = 0
    for rows in tables:
        for row in rows:
            for value in row:
                if value is None:
                    continue
                if isinstance(value, str):
                    total += len(value.encode("utf-8"))
                elif isinstance(value, (bytes, bytearray)):
                    total += len(value)
                else:
                    total += 8
    return total / 1_000_000


def _loaded_memory_mb(path: Path) -> float:
    """Python memory held by the open document (every row, the trees, the totals), measured with
    tracemalloc on its own load (tracing slows allocation, so never during a timing)."""
    import gc
    import tracemalloc

    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        doc = RenjaDocument.open(path, readonly=True)
        held = tracemalloc.get_traced_memory()[0] - before
        doc.close()
    finally:
        tracemalloc.stop()
    return held / 1_000_000
