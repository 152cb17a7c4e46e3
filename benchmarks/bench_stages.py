"""Stage and rollover figures on the city-sized document (``renja_desktop.synthetic``).

``stage_freeze_ms``: freeze the working state as a named stage (every content row read, packed as
compressed JSON into one row of ``renja_stage``, committed). ``stage_compare_ms``: compare that
stage with the working state after a few hundred edits, row by row and field by field, with the
rolled-up pagu of both sides. ``rollover_s``: next year's Renja written to a new file (open, carry
every row with new ids, write, check). Best of a few runs each; the size of one stage is reported
too (``stage_size_mb``). Each is also given as the CPU time of this process (``*_cpu_*``), which
stays meaningful on a machine shared with other work (the wall time then mostly measures waiting).
"""
from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

from renja_desktop.synthetic import build_city_document


def run(rows: int, workdir: Path) -> list[tuple[str, float, str]]:
    from renja_desktop import stages
    from renja_desktop.rollover import rollover
    from renja_desktop.service import RenjaDocument

    workdir = Path(workdir)
    source = workdir / f"city_{rows}.sqlite"
    if not source.exists():
        build_city_document(source, rows=rows)
    path = workdir / "stages.sqlite"
    shutil.copyfile(source, path)
    out: list[tuple[str, float, str]] = []
    with RenjaDocument.open(path) as doc:
        freeze, freeze_cpu = [], []
        for i in range(3):
            t0, c0 = time.perf_counter(), time.process_time()
            stages.freeze(doc, f"Tahap {i + 1}")
            freeze.append(time.perf_counter() - t0)
            freeze_cpu.append(time.process_time() - c0)
        size = doc.conn.exec_driver_sql("SELECT length(data) FROM renja_stage LIMIT 1").fetchone()[0]
        doc.conn.rollback()
        rnd = random.Random(1)
        subs = [n for n in doc.plan.nodes.values() if n.level == 5]
        with doc.batch():
            for _ in range(300):
                doc.set_plan(rnd.choice(subs).id, pagu=str(rnd.randrange(1, 9000) * 100_000))
        compare, compare_cpu = [], []
        for _ in range(3):
            t0, c0 = time.perf_counter(), time.process_time()
            cmp = stages.compare(doc, "Tahap 1")
            compare.append(time.perf_counter() - t0)
            compare_cpu.append(time.process_time() - c0)
        assert cmp.changes
    roll, roll_cpu = [], []
    for i in range(2):
        target = workdir / f"rollover_{i}.sqlite"
        t0, c0 = time.perf_counter(), time.process_time()
        rollover(path, target)
        roll.append(time.perf_counter() - t0)
        roll_cpu.append(time.process_time() - c0)
        target.unlink()
    out.append(("stage_freeze_ms", min(freeze) * 1000, "ms"))
    out.append(("stage_freeze_cpu_ms", min(freeze_cpu) * 1000, "ms"))
    out.append(("stage_size_mb", size / 1e6, "MB"))
    out.append(("stage_compare_ms", min(compare) * 1000, "ms"))
    out.append(("stage_compare_cpu_ms", min(compare_cpu) * 1000, "ms"))
    out.append(("rollover_s", min(roll), "s"))
    out.append(("rollover_cpu_s", min(roll_cpu), "s"))
    return out
