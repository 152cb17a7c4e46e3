"""Import figures: building the bundled sample, and pasting a large Tabel 4.1 as text.

``import_41_s`` imports a Tabel 4.1 of ``rows`` sub kegiatan (with their program and kegiatan rows
and printed parent totals) pasted as tab-separated text into a new document, including the audit run
at the end of the import; ``import_41_rows_per_s`` is the same as a rate of source rows (target:
at least 10.000 rows/s), ``import_41_cpu_rows_per_s`` the rate over the process's CPU time (the
same work without the waits of a machine shared with other programs).

To see where the time goes: ``python -m cProfile -s tottime benchmarks/run.py --only import``.
New rows are written in bulk (:meth:`RenjaDocument.add_plan_rows_bulk`), codes and names are read
once per row and cached per distinct value, and the collector is paused during the import.

``import_41_floor_rows_per_s`` is what no import of this text can beat: the same text only split
into cells by :mod:`csv`, and the very rows the import wrote (plan rows, funding sources, printed
values, read back from its file) only inserted by ``sqlite3`` ``executemany`` into a new document
in one transaction with the document's pragmas, then committed -- no row digests, no findings, no
undo history. ``import_41_floor_ratio`` is the import's time over that floor.
"""
from __future__ import annotations

import csv
import io
import sqlite3
import time
from pathlib import Path

from renja_desktop.importer import import_text
from renja_desktop.rowcheck import columns
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
    floor = floor_seconds(text, path, workdir / "bench-floor.sqlite")
    out.append(("import_41_floor_rows_per_s", count / floor, "rows/s (csv split + sqlite3 executemany only)"))
    out.append(("import_41_floor_ratio", elapsed / floor, "x (import time / floor time)"))
    return out


#: the tables an import of Tabel 4.1 writes rows to
WRITTEN = ("plan_row", "indikator", "sumber_dana", "declared_value")


def floor_seconds(text: str, imported: Path, target: Path) -> float:
    """Seconds to split ``text`` into cells with :mod:`csv` and insert the rows the import wrote
    to ``imported`` into a new document ``target`` with plain ``executemany`` (one transaction)."""
    source = sqlite3.connect(imported)
    rows = {t: source.execute(f'SELECT {", ".join(columns(t))} FROM "{t}" ORDER BY rowid').fetchall()
            for t in WRITTEN}
    source.close()
    if target.exists():
        target.unlink()
    RenjaDocument.create(target, tahun=2024, pemda="Kota Binjai", opd="Badan Kesbangpol").close()
    conn = sqlite3.connect(target, isolation_level=None)
    for pragma in ("foreign_keys=ON", "journal_mode=DELETE", "synchronous=FULL"):
        conn.execute(f"PRAGMA {pragma}")
    try:
        t = time.perf_counter()
        cells = list(csv.reader(io.StringIO(text), delimiter="\t"))
        assert len(cells) == text.count("\n") + 1
        conn.execute("BEGIN IMMEDIATE")
        for table in WRITTEN:
            names = columns(table)
            conn.executemany(f'INSERT INTO "{table}" ({", ".join(names)}) VALUES ({", ".join("?" * len(names))})',
                             rows[table])
        conn.execute("COMMIT")
        return time.perf_counter() - t
    finally:
        conn.close()
