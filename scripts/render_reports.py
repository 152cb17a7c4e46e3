"""Render the sample document's six appendix tables to PNG pages in docs/screenshots/.

    python scripts/render_reports.py [--paper F4] [--scale 1.5] [--out docs/screenshots]

Uses the bundled sample (``renja_desktop.sample.build_sample``) when it exists, else the Binjai
2024 test document (``tests/report_doc.py``). Each table is rendered alone with the report module,
then every PDF page is rasterised with pypdfium2 as ``tabel_4_1_p1.png`` etc. Also
``tabel_3_1_langkat.png``: the top of Tabel 3.1 for an agency whose name holds its region, a
funding split and a grade target (the document of ``tests/test_frictions_reports.py``).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402

from renja_desktop.reports import TABLE_ORDER, ReportOptions, render_pdf  # noqa: E402
from renja_desktop.service import RenjaDocument  # noqa: E402


def build_document(path: Path) -> str:
    try:
        from renja_desktop.sample import build_sample
    except ImportError:
        build_sample = None
    if build_sample is not None:
        build_sample(path)
        return "renja_desktop.sample"
    sys.path.insert(0, str(ROOT / "tests"))
    from report_doc import build_binjai

    build_binjai(path)
    return "tests/report_doc.py"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paper", default="F4", choices=["F4", "A4", "Legal"])
    ap.add_argument("--scale", type=float, default=1.5, help="pixels per PDF point")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--tables", nargs="*", default=list(TABLE_ORDER))
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "contoh.sqlite"
        origin = build_document(source)
        written = []
        with RenjaDocument.open(source, readonly=True) as doc:
            for t in args.tables:
                pdf_path = Path(tmp) / f"tabel_{t.replace('.', '_')}.pdf"
                render_pdf(doc, pdf_path, t, ReportOptions(paper=args.paper))
                pdf = pdfium.PdfDocument(str(pdf_path))
                try:
                    for old in args.out.glob(f"tabel_{t.replace('.', '_')}_p*.png"):
                        old.unlink()
                    for i in range(len(pdf)):
                        image = pdf[i].render(scale=args.scale).to_pil()
                        target = args.out / f"tabel_{t.replace('.', '_')}_p{i + 1}.png"
                        image.save(target)
                        written.append(target)
                finally:
                    pdf.close()
        written.append(render_langkat(Path(tmp), args.out, args.scale))
    print(f"Dokumen: {origin}")
    for p in written:
        print(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p)
    return 0


def render_langkat(tmp: Path, out: Path, scale: float) -> Path:
    """The region named once, "Rp 4.000.000.000" kept whole, "B Predikat": the first page's top."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_frictions_reports import build_langkat

    doc = build_langkat(tmp / "langkat.sqlite")
    try:
        render_pdf(doc, tmp / "langkat.pdf", "3.1")
    finally:
        doc.close()
    pdf = pdfium.PdfDocument(str(tmp / "langkat.pdf"))
    try:
        image = pdf[0].render(scale=scale).to_pil()
    finally:
        pdf.close()
    target = out / "tabel_3_1_langkat.png"
    image.crop((0, 0, image.width, int(image.height * 0.55))).save(target)
    return target


if __name__ == "__main__":
    sys.exit(main())
