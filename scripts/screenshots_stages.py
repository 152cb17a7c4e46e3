"""Screenshots of the Tahap menu's windows on the bundled sample, for the README and the guide.

    python scripts/screenshots_stages.py [--out docs/screenshots]

Writes gui_tahap_lihat.png (a frozen stage, read-only), gui_tahap_banding.png (comparing a stage
with the working state), gui_catatan_verifikasi.png (the notes panel), gui_rollover.png (next
year's wizard, its report page) and tabel_perubahan_p1.png (the printed Perubahan Renja table).
Runs offscreen in a temporary folder.
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    os.environ.setdefault("RENJA_DESKTOP_USER", "Budi Santoso")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="renja-shots-") as tmp:
        if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
            # a full-HD screen (as scripts/screenshots.py): the window fits itself to its screen
            screen = Path(tmp) / "screen.json"
            screen.write_text('{"screens": [{"name": "fullhd", "x": 0, "y": 0, "width": 1920, "height": 1080, '
                              '"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}')
            os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
        os.environ["RENJA_DESKTOP_DATA_DIR"] = str(Path(tmp) / "userdata")
        for path in shoot(args.out, Path(tmp)):
            print(path)
    return 0


def shoot(out: Path, tmp: Path) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from renja_desktop.gui import texts
    from renja_desktop.gui.app import create_app
    from renja_desktop.gui.main_window import MainWindow
    from renja_desktop.sample import build_sample

    app = create_app([], lang="id")
    texts.show_info = lambda *a, **k: None
    sample = tmp / "Renja Kesbangpol Binjai 2024.sqlite"
    build_sample(sample)
    written: list[Path] = []

    def save(widget, name: str) -> None:
        for _ in range(5):
            QApplication.processEvents()
        path = out / name
        widget.grab().save(str(path))
        written.append(path)

    window = MainWindow()
    window.resize(1600, 900)
    window.show()
    assert window.open_document(sample)
    menu = window.stage_menu
    doc = window.doc
    menu.freeze("Rancangan Awal", "Budi Santoso")
    leaves = [n for n in doc.plan.walk() if n.level == 5]
    window.editor.set_plan(leaves[0].id, pagu=(leaves[0].values["pagu"] or 0) + 2_500_000)
    window.editor.set_plan(leaves[5].id, lokasi="Binjai Kota, Binjai Timur")
    window.editor.set_plan(leaves[9].id, pagu=(leaves[9].values["pagu"] or 0) - 10_000_000)
    panel = menu.show_notes()
    window.plan_page.select_row(leaves[0].id)
    panel.kind.setCurrentText("alasan")
    panel.add_note("Tambahan rapat penyusunan Renstra perubahan")
    panel.kind.setCurrentText("verifikasi")
    panel.stage.setCurrentText("Rancangan Awal")
    window.plan_page.select_row(leaves[5].id)
    panel.add_note("Lokasi belum sesuai usulan Musrenbang kecamatan")
    panel.stage.setCurrentIndex(0)
    panel.table.selectRow(0)
    save(window, "gui_catatan_verifikasi.png")

    view = menu.view("Rancangan Awal")
    view.resize(1100, 640)
    save(view, "gui_tahap_lihat.png")
    view.close()
    cmp = menu.compare()
    cmp.resize(1250, 560)
    save(cmp, "gui_tahap_banding.png")
    pdf = cmp.print_pdf(str(tmp / "perubahan.pdf"))
    cmp.close()
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(str(pdf))[0]
    path = out / "tabel_perubahan_p1.png"
    page.render(scale=1.4).to_pil().save(str(path))
    written.append(path)

    wizard = menu.rollover()
    wizard.target.setText(str(tmp / "Renja Kesbangpol Binjai 2025.sqlite"))
    wizard.next()
    save(wizard, "gui_rollover.png")
    wizard.close()
    window.close()
    app.processEvents()
    return written


if __name__ == "__main__":
    sys.exit(main())
