"""The whole written document: ``document_pdf_s`` / ``document_docx_s`` for the bundled sample
(Binjai, 21 sections, 6 placed tables) and for a 5.000-row document with the default outline
(Tabel 3.1/4.1 of 5.000 sub kegiatan in landscape sections). Best of two runs each."""
from __future__ import annotations

import time
from pathlib import Path

ROWS = 5_000


def _best(fn, repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def run(rows: int, workdir: Path) -> list[tuple[str, float, str]]:
    from renja_desktop.narrative import store
    from renja_desktop.reports.document_docx import render_document_docx
    from renja_desktop.reports.document_pdf import render_document_pdf
    from renja_desktop.sample import build_sample
    from renja_desktop.service import RenjaDocument
    from renja_desktop.synthetic import build_city_document

    out: list[tuple[str, float, str]] = []
    sample = build_sample(workdir / "dokumen_contoh.sqlite", overwrite=True)
    with RenjaDocument.open(sample, readonly=True) as doc:
        out.append(("document_pdf_s", _best(lambda: render_document_pdf(doc, workdir / "contoh.pdf")), "s"))
        out.append(("document_docx_s", _best(lambda: render_document_docx(doc, workdir / "contoh.docx")), "s"))
    big = workdir / f"dokumen_{ROWS}.sqlite"
    if not big.exists():
        build_city_document(big, rows=ROWS)
        with RenjaDocument.open(big) as doc:
            store.install_outline(doc)
    with RenjaDocument.open(big, readonly=True) as doc:
        pages = {}

        def pdf() -> None:
            pages["n"] = render_document_pdf(doc, workdir / "besar.pdf").pages

        out.append((f"document_pdf_{ROWS}_s", _best(pdf), "s"))
        out.append((f"document_pdf_{ROWS}_pages", float(pages["n"]), "pages"))
        out.append((f"document_docx_{ROWS}_s",
                    _best(lambda: render_document_docx(doc, workdir / "besar.docx")), "s"))
    return out
