"""Printing figures: Tabel 4.1 to PDF for 5.000, 20.000 and 50.000 sub kegiatan.

``pdf_41_<n>_s`` is ``render_pdf`` of Tabel 4.1 on an open document (synthetic city document of
``n`` sub kegiatan, about 1,1 x n printed rows with the parents); ``pdf_41_us_per_row_<n>`` the same
per printed row, which stays flat when the time grows linearly. Where LibreOffice (``soffice``) is
installed, ``libreoffice_ratio_20000`` is LibreOffice headless converting the same table as .xlsx
(our Excel export) to PDF, divided by our time to open the document and render it (> 1: ours is
faster). ``xlsx_41_20000_s`` is our Excel export of that table.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from renja_desktop.reports import render_pdf
from renja_desktop.reports.excel import export_xlsx
from renja_desktop.service import RenjaDocument
from renja_desktop.synthetic import build_city_document

SIZES = (5_000, 20_000, 50_000)


def city_document(rows: int, workdir: Path) -> Path:
    path = workdir / f"city_{rows}.sqlite"
    if not path.exists():
        build_city_document(path, rows=rows)
    return path


def _render(path: Path, out: Path) -> tuple[float, float, int]:
    """(seconds to render, seconds to open and render, printed rows)."""
    t0 = time.perf_counter()
    doc = RenjaDocument.open(path, readonly=True)
    try:
        t1 = time.perf_counter()
        render_pdf(doc, out, "4.1")
        t2 = time.perf_counter()
        rows = len(doc.plan.nodes) + 1
    finally:
        doc.close()
    return t2 - t1, t2 - t0, rows


def _libreoffice(xlsx: Path, workdir: Path) -> float | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=workdir))
    base = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir"]
    # a first run creates the profile; not timed
    warm = workdir / "lo-warm"
    warm.mkdir(exist_ok=True)
    tiny = warm / "kecil.csv"
    tiny.write_text("a;b\n1;2\n", encoding="utf-8")
    subprocess.run(base + [str(warm), str(tiny)], check=False, capture_output=True, timeout=600)
    out = workdir / "lo-out"
    out.mkdir(exist_ok=True)
    t = time.perf_counter()
    done = subprocess.run(base + [str(out), str(xlsx)], check=False, capture_output=True, timeout=3600)
    seconds = time.perf_counter() - t
    if done.returncode != 0 or not (out / (xlsx.stem + ".pdf")).exists():
        return None
    return seconds


def run(rows: int, workdir: Path) -> list[tuple[str, float, str]]:
    results: list[tuple[str, float, str]] = []
    sizes = [s for s in SIZES if s <= max(rows, SIZES[0])]
    open_render: dict[int, float] = {}
    for n in sizes:
        path = city_document(n, workdir)
        best = None
        for _ in range(2 if n <= 20_000 else 1):
            render_s, total_s, printed = _render(path, workdir / f"tabel41_{n}.pdf")
            if best is None or render_s < best[0]:
                best = (render_s, total_s, printed)
        render_s, total_s, printed = best
        open_render[n] = total_s
        results.append((f"pdf_41_{n}_s", render_s, "s"))
        results.append((f"pdf_41_us_per_row_{n}", render_s / printed * 1e6, "us"))
    if 20_000 in open_render:
        path = city_document(20_000, workdir)
        xlsx = workdir / "tabel41_20000.xlsx"
        with RenjaDocument.open(path, readonly=True) as doc:
            t = time.perf_counter()
            export_xlsx(doc, xlsx, "4.1")
            results.append(("xlsx_41_20000_s", time.perf_counter() - t, "s"))
        lo = _libreoffice(xlsx, workdir)
        if lo is not None:
            results.append(("libreoffice_20000_s", lo, "s"))
            results.append(("libreoffice_ratio_20000", lo / open_render[20_000], "x"))
    return results


if __name__ == "__main__":  # pragma: no cover
    import sys

    with tempfile.TemporaryDirectory(prefix="renja-bench-") as tmp:
        for name, value, unit in run(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000, Path(tmp)):
            print(f"{name}: {value:.3f} {unit}", flush=True)
