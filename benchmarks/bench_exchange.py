"""Exchange figures on the city-sized document (``renja_desktop.synthetic.build_city_document``).

``save_copy_ms``: verified save-a-copy over an earlier copy of the document, in a folder on the same
disk (its pages copied into the temporary file under a read lock while quick_check runs, the copy compared
page by page with the document and hashed for its digest, flushed, old copy kept as a backup, atomic
replace, re-read check of the copy in place, merge base stored). Target 100 ms. Its parts are
reported too (``save_copy_*_ms``, from the same best run). Its floor, ``copy_floor_ms``, is a plain copy
of the same file into the same folder flushed with ``fsync``, timed in turns with it;
``save_copy_ratio_vs_floor`` is their ratio (target 3x).
``merge_ms``: three-way merge of two edited copies (both with a few hundred edits, adds, deletes and
moves; the common base found from their lineage) written to a new file, totals recomputed. Target
1.500 ms. The parts (``merge_plan_ms``, ``merge_write_ms``) are reported too.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from renja_desktop.synthetic import build_city_document



def _edit(path: Path, seed: int, count: int) -> None:
    import random

    from renja_desktop.service import RenjaDocument

    rnd = random.Random(seed)
    with RenjaDocument.open(path) as doc:
        subs = [n for n in doc.plan.nodes.values() if n.level == 5]
        kegiatan = [n for n in doc.plan.nodes.values() if n.level == 4]
        with doc.batch():
            for i in range(count):
                doc.set_plan(rnd.choice(subs).id, pagu=str(rnd.randrange(1, 9000) * 100_000))
            for i in range(count // 10):
                k = rnd.choice(kegiatan)
                doc.add_plan_row(k.id, doc.next_free_code(k.id), f"Sub kegiatan baru {seed}-{i}", pagu="1.000.000")
            for i in range(count // 20):
                victim = rnd.choice([n for n in doc.plan.nodes.values() if n.level == 5])
                doc.delete_plan_row(victim.id)


def _plain_copy_ms(source: Path, target: Path) -> float:
    """The floor of saving a copy: the same bytes copied to the same folder and flushed to disk."""
    t = time.perf_counter()
    shutil.copyfile(source, target)
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    ms = (time.perf_counter() - t) * 1000
    target.unlink()
    return ms


def run(rows: int, workdir: Path) -> list[tuple[str, float, str]]:
    workdir = Path(workdir)
    old_data = os.environ.get("RENJA_DESKTOP_DATA_DIR")
    data = Path(tempfile.mkdtemp(prefix="bench-exchange-", dir=workdir))
    os.environ["RENJA_DESKTOP_DATA_DIR"] = str(data)
    try:
        from renja_desktop.exchange.merge import plan_merge, write_merge
        from renja_desktop.exchange.safecopy import save_copy

        source = workdir / f"city_{rows}.sqlite"
        if not source.exists():
            build_city_document(source, rows=rows)
        work = data / "kerja.sqlite"
        shutil.copyfile(source, work)
        usb = data / "usb"
        usb.mkdir()
        target = usb / "kota.sqlite"
        save_copy(work, target)
        runs, floors = [], []
        floor_target = usb / "kopi-polos.sqlite"
        for _ in range(5):  # best of five: the figure is the work, not a busy moment of the machine
            t = time.perf_counter()
            result = save_copy(work, target)
            runs.append(((time.perf_counter() - t) * 1000, result.timings))
            floors.append(_plain_copy_ms(work, floor_target))  # in turns: a slow spell hits both
        save_ms, save_parts = min(runs, key=lambda r: r[0])
        copy_floor_ms = min(floors)

        # two PCs take the flash copy, edit it, and the copies are merged
        a, b = data / "pc_a.sqlite", data / "pc_b.sqlite"
        save_copy(target, a)
        save_copy(target, b)
        _edit(a, 1, 300)
        _edit(b, 2, 300)
        outs = iter(range(100))
        plan_ms, write_ms, total = [], [], []
        for _ in range(3):
            t0 = time.perf_counter()
            plan = plan_merge(a, b)
            t1 = time.perf_counter()
            write_merge(plan, data / f"hasil-{next(outs)}.sqlite", prefer="mine", backup_mine=False)
            t2 = time.perf_counter()
            assert plan.three_way
            plan_ms.append((t1 - t0) * 1000)
            write_ms.append((t2 - t1) * 1000)
            total.append((t2 - t0) * 1000)
        best = min(range(3), key=lambda i: total[i])
        return [
            ("save_copy_ms", save_ms, "ms"),
            ("copy_floor_ms", copy_floor_ms, "ms"),
            ("save_copy_ratio_vs_floor", save_ms / copy_floor_ms, "x"),
            *[(f"save_copy_{name}_ms", ms, "ms") for name, ms in save_parts.items()],
            ("merge_ms", total[best], "ms"),
            ("merge_plan_ms", plan_ms[best], "ms"),
            ("merge_write_ms", write_ms[best], "ms"),
        ]
    finally:
        if old_data is None:
            os.environ.pop("RENJA_DESKTOP_DATA_DIR", None)
        else:
            os.environ["RENJA_DESKTOP_DATA_DIR"] = old_data
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover
    import sys

    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp())
    for name, value, unit in run(rows, folder):
        print(f"{name}: {value:.0f} {unit}")
