"""Pictures of the whole written document for the README and the guide (docs/screenshots/).

    python scripts/render_document.py [--out docs/screenshots] [--scale 1.3]

From the bundled sample: ``dokumen_sampul.png`` (cover), ``dokumen_daftar_isi.png``,
``dokumen_bab_i.png`` (first BAB page), ``dokumen_bab_iv.png`` (the generated funding passage),
``dokumen_tabel_melintang.png`` (a landscape table page) of the PDF of ``renja-desktop document``,
and ``gui_dokumen.png``, the Dokumen tab of the window (runs offscreen).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--scale", type=float, default=1.3, help="pixels per PDF point")
    args = ap.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args.out.mkdir(parents=True, exist_ok=True)
    import pypdfium2 as pdfium

    from renja_desktop.narrative import store
    from renja_desktop.reports.document_pdf import render_document_pdf
    from renja_desktop.sample import build_sample
    from renja_desktop.service import RenjaDocument

    written = []
    with tempfile.TemporaryDirectory(prefix="renja-dokumen-") as tmp:
        os.environ["RENJA_DESKTOP_DATA_DIR"] = str(Path(tmp) / "userdata")
        sample = Path(tmp) / "Renja Kesbangpol Binjai 2024.sqlite"
        build_sample(sample)
        pdf_path = Path(tmp) / "renja.pdf"
        with RenjaDocument.open(sample, readonly=True) as doc:
            result = render_document_pdf(doc, pdf_path)
            bab4 = store.find(doc, "BAB IV").id
        labels = result.page_labels
        toc = {e.key: e.label for e in result.toc}
        pages = {
            "dokumen_sampul.png": 0,
            "dokumen_daftar_isi.png": labels.index("ii"),
            "dokumen_bab_i.png": labels.index("1"),
            "dokumen_bab_iv.png": labels.index(toc[bab4]),
            "dokumen_tabel_melintang.png": result.landscape_pages[0] - 1,
        }
        pdf = pdfium.PdfDocument(str(pdf_path))
        try:
            for name, index in pages.items():
                target = args.out / name
                pdf[index].render(scale=args.scale).to_pil().save(target)
                written.append(target)
        finally:
            pdf.close()
        written.append(shoot_tab(args.out, sample))
    for p in written:
        print(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p)
    return 0


def shoot_tab(out: Path, sample: Path) -> Path:
    from PySide6.QtWidgets import QApplication

    from renja_desktop.gui.app import create_app
    from renja_desktop.narrative import store

    app = create_app([], lang="id")  # noqa: F841 - keeps the application alive
    from renja_desktop.gui.main_window import MainWindow

    window = MainWindow()
    window.resize(1600, 950)
    window.show()
    assert window.open_document(sample)
    window.detail_dock.hide()
    window.findings_dock.hide()
    window.tabs.setCurrentWidget(window.document_page)
    tab = window.document_tab
    tab.select_section(store.find(window.doc, "3.1").id)
    for _ in range(5):
        QApplication.processEvents()
    path = out / "gui_dokumen.png"
    window.grab().save(str(path))
    window.close()
    return path


if __name__ == "__main__":
    sys.exit(main())
