"""Import figures: building the bundled sample, and pasting a large Tabel 4.1 as text.

``import_41_s`` imports a Tabel 4.1 of ``rows`` sub kegiatan (with their program and kegiatan rows
and printed parent totals) pasted as tab-separated text into a new document, including the audit run
at the end of the import; ``import_41_rows_per_s`` is the same as a rate of source rows (target:
at least 10.000 rows/s), ``import_41_cpu_rows_per_s`` the rate over the process's CPU time (the
same work without the waits of a machine shared with other programs).

To see where the time goes: ``python -m cProfile -s tottime benchmarks/run.py --only import``.
New rows are written in bulk (:meth:`RenjaDocument.add_plan_rows_bulk`), codes and names are read
once per row and cached per distinct value, and the collector is paused during the import.
"""
from __future__ import annotations

import time
from pathlib import Path

from renja_desktop.importer import import_text
from renja_desktop.sample import build_sample
from renja_desktop.service import RenjaDocument


def table_41_text(rows: int) -> tuple[str, int]:
    lines = ["Kode\t\t\t\tUrusan/ Bidang Urusan/ Program/ Kegiatan/ Sub Kegiatan\tPagu Indikatif (Rp)\tSumber Dana",
             "8\t\t\t\tUNSUR PEMERINTAHAN UMUM\t\t", "8\t01\t\t\tKESATUAN BANGSA DAN POLITIK\t\t"]
    per_keg, per_prog = 10, 20
    n = 0
    p = 0
    while n < rows:
        p += 1
        lines.append(f"8\t01\t{p % 100:02d}\t\tProgram {p}\t{per_prog * per_keg * 1_000_000:,}\t".replace(",", "."))
        for k in range(1, per_prog + 1):
            if n >= rows:
                break
            lines.append(f"8\t01\t{p % 100:02d}\t2.{k:02d}\tKegiatan {p}.{k}\t{per_keg * 1_000_000:,}\t".replace(",", "."))
            for s in range(1, per_keg + 1):
                if n >= rows:
                    break
                lines.append(f"8\t01\t{p % 100:02d}\t2.{k:02d}\t{s:04d} Sub kegiatan {p}.{k}.{s}\t1.000.000\t"
                             "Dana Transfer Umum - dana Alokasi Umum")
                n += 1
    lines.append("TOTAL\t\t\t\t\t" + f"{rows * 1_000_000:,}".replace(",", ".") + "\t")
    return "\n".join(lines), len(lines)


def run(rows: int, workdir: Path) -> list[tuple[str, float, str]]:
    out = []
    t = time.perf_counter()
    build_sample(workdir / "bench-sample.sqlite", overwrite=True)
    out.append(("sample_build_s", time.perf_counter() - t, "s"))
    text, count = table_41_text(rows)
    path = workdir / "bench-import.sqlite"
    if path.exists():
        path.unlink()
    doc = RenjaDocument.create(path, tahun=2024, pemda="Kota Binjai", opd="Badan Kesbangpol",
                               nomenklatur_versi="kep050-5889-2021")
    try:
        t = time.perf_counter()
        cpu = time.process_time()
        import_text(doc, text, table="4.1")
        elapsed = time.perf_counter() - t
        cpu = time.process_time() - cpu
    finally:
        doc.close()
    out.append(("import_41_s", elapsed, "s"))
    out.append(("import_41_rows_per_s", count / elapsed, "rows/s (floor 10000)"))
    out.append(("import_41_cpu_rows_per_s", count / cpu, "rows/s"))
    return out
