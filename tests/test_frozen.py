"""The frozen build (PyInstaller, installer.spec) gives the same outputs as the source run.

Builds the one-folder app once per test session into a temporary folder (about a minute), unless
``RENJA_FROZEN_DIR`` names an existing build. Marked ``frozen``: ``pytest -m frozen`` runs only this.
"""
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
pytestmark = pytest.mark.frozen


@pytest.fixture(scope="session")
def frozen_dir(tmp_path_factory):
    given = os.environ.get("RENJA_FROZEN_DIR")
    if given:
        return Path(given)
    dist = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("build")
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist),
                             "--work", str(work), "--no-installer"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "frozen_folder_mb:" in result.stdout
    return dist / "RenjaDesktop"


def _env(tmp_path):
    env = dict(os.environ)
    env["RENJA_DESKTOP_DATA_DIR"] = str(tmp_path / "userdata")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def source(tmp_path, *args):
    return subprocess.run([sys.executable, "-m", "renja_desktop", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", env=_env(tmp_path), cwd=tmp_path)


def frozen(frozen_dir, tmp_path, *args):
    exe = frozen_dir / ("renja-desktop.exe" if sys.platform == "win32" else "renja-desktop")
    return subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True, encoding="utf-8",
                          env=_env(tmp_path), cwd=tmp_path)


def test_frozen_folder_is_complete(frozen_dir):
    internal = frozen_dir / "_internal"
    assert (internal / "resources" / "icons" / "app.png").is_file()
    assert (internal / "resources" / "sample").is_dir()
    assert (internal / "db" / "catalog" / "versions.json").is_file()
    size_mb = sum(p.stat().st_size for p in frozen_dir.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20
    # Linux build: Qt needs ICU here (30 MB of data; Windows Qt uses the system's). Guard against
    # regressions such as WebEngine or numpy creeping in; the README states the measured figure.
    # (about 13 MB of it is lxml, which python-docx needs for the Word document)
    assert size_mb < 185, f"frozen folder is {size_mb:.0f} MB"
    # no WebEngine / QML in the bundle
    names = {p.name for p in internal.rglob("*")}
    assert not any("WebEngine" in n or n.startswith("libQt6Qml") for n in names)
    # what installer.spec drops: Qt's own translations (the app loads its own), software OpenGL,
    # unused plugins and image formats (lxml stays: python-docx writes the Word document with it)
    assert not list(internal.rglob("qtbase_*.qm")) and not list(internal.rglob("qt_*.qm"))
    assert (internal / "resources" / "translations" / "renja_en.qm").is_file()
    assert not any(n.lower() in ("opengl32sw.dll", "d3dcompiler_47.dll") for n in names)
    assert (internal / "lxml").exists() and (internal / "docx" / "templates").is_dir()
    plugins = next(internal.rglob("plugins"))
    assert {p.name for p in plugins.iterdir()} <= {"platforms", "imageformats", "iconengines", "printsupport",
                                                  "styles"}
    formats = {re.sub(r"^lib|\.(so|dll)$", "", p.name) for p in (plugins / "imageformats").iterdir()}
    assert formats == {"qico", "qjpeg", "qgif", "qsvg"}


def test_both_programs_come_from_one_analysis(frozen_dir, tmp_path):
    """One Analysis, two executables: each runs its own entry script (not both in turn)."""
    cli = frozen(frozen_dir, tmp_path, "--version")
    assert cli.returncode == 0 and cli.stdout.strip() == f"renja-desktop {VERSION}"
    exe = frozen_dir / ("RenjaDesktop.exe" if sys.platform == "win32" else "RenjaDesktop")
    gui = subprocess.run([str(exe), "--help"], capture_output=True, text=True, env=_env(tmp_path), cwd=tmp_path,
                         timeout=120)
    # the window program's --help is the gui command's, not the command line's list of commands
    assert gui.returncode == 0 and "--sample" in gui.stdout and "PERINTAH" not in gui.stdout


def test_same_outputs_as_source(frozen_dir, tmp_path):
    doc = tmp_path / "renja.sqlite"
    made = frozen(frozen_dir, tmp_path, "new", doc, "--pemda", "Kota Binjai", "--opd", "Badan Kesbangpol",
                  "--tahun", "2024")
    assert made.returncode == 0, made.stderr
    for args in (["8", "UNSUR PEMERINTAHAN UMUM"], ["8.01", "KESATUAN BANGSA DAN POLITIK"],
                 ["8.01.02", "PROGRAM PENGUATAN IDEOLOGI PANCASILA"], ["8.01.02.2.01", "Perumusan Kebijakan"],
                 ["8.01.02.2.01.0001", "Penyusunan Program Kerja", "--pagu", "70.000.000"]):
        assert frozen(frozen_dir, tmp_path, "add", doc, *args).returncode == 0
    for command in (["tree", doc, "--json"], ["check", doc, "--json"], ["info", doc, "--json"], ["tree", doc]):
        a, b = source(tmp_path, *command), frozen(frozen_dir, tmp_path, *command)
        assert a.returncode == b.returncode, (a.stderr, b.stderr)
        assert a.stdout == b.stdout
    assert json.loads(a.stdout and source(tmp_path, "tree", doc, "--json").stdout)[0]["pagu"] == 70_000_000
    bad = frozen(frozen_dir, tmp_path, "set", doc, "8.01.02.2.01.0001", "pagu", "40.145568.718")
    assert bad.returncode == 2 and bad.stderr.startswith("galat: ")


def _strip_ids(data):
    if isinstance(data, list):
        return [_strip_ids(x) for x in data]
    if isinstance(data, dict):
        return {k: _strip_ids(v) for k, v in data.items() if k not in ("id", "parent_id", "row_id")}
    return data


def test_sample_tree_and_findings_equal(frozen_dir, tmp_path):
    a_file, b_file = tmp_path / "src.sqlite", tmp_path / "frz.sqlite"
    assert source(tmp_path, "sample", "-o", a_file).returncode == 0
    made = frozen(frozen_dir, tmp_path, "sample", "-o", b_file)
    assert made.returncode == 0, made.stderr
    for command in (["tree", "--json"], ["check", "--json"], ["eval", "--json"]):
        a = source(tmp_path, command[0], a_file, *command[1:])
        b = frozen(frozen_dir, tmp_path, command[0], b_file, *command[1:])
        assert a.returncode == b.returncode
        assert _strip_ids(json.loads(a.stdout)) == _strip_ids(json.loads(b.stdout)), command


def test_whole_document_equal(frozen_dir, tmp_path):
    """The frozen program writes the same whole document, as PDF and as Word (python-docx, lxml)."""
    import docx
    import pdfplumber

    doc = tmp_path / "contoh.sqlite"
    assert source(tmp_path, "sample", "-o", doc).returncode == 0
    outputs = {}
    for name, run in (("src", source), ("frz", lambda t, *a: frozen(frozen_dir, t, *a))):
        pdf, word = tmp_path / f"{name}.pdf", tmp_path / f"{name}.docx"
        for out in (pdf, word):
            result = run(tmp_path, "document", doc, "-o", out)
            assert result.returncode == 0, result.stderr
        with pdfplumber.open(pdf) as opened:
            pages = [page.extract_text() for page in opened.pages]
        outputs[name] = (pages, [p.text for p in docx.Document(str(word)).paragraphs])
    assert outputs["src"] == outputs["frz"]
    pages, paragraphs = outputs["frz"]
    assert any("BAB IV" in p for p in pages) and any("BAB V" in p for p in paragraphs)


def test_report_and_export_equal(frozen_dir, tmp_path):
    """The frozen program prints the same PDF text and exports the same Excel values."""
    import openpyxl
    import pdfplumber

    doc = tmp_path / "contoh.sqlite"
    assert source(tmp_path, "sample", "-o", doc).returncode == 0
    a_pdf, b_pdf = tmp_path / "src.pdf", tmp_path / "frz.pdf"
    a = source(tmp_path, "report", doc, "--table", "all", "-o", a_pdf)
    b = frozen(frozen_dir, tmp_path, "report", doc, "--table", "all", "-o", b_pdf)
    assert a.returncode == 0 and b.returncode == 0, b.stderr

    def text(path):
        with pdfplumber.open(path) as pdf:
            return [page.extract_text() for page in pdf.pages]

    pages = text(a_pdf)
    assert len(pages) > 10 and pages == text(b_pdf)
    assert any("40.145.568.718" in p for p in pages)
    a_xlsx, b_xlsx = tmp_path / "src.xlsx", tmp_path / "frz.xlsx"
    assert source(tmp_path, "export", doc, "-o", a_xlsx).returncode == 0
    assert frozen(frozen_dir, tmp_path, "export", doc, "-o", b_xlsx).returncode == 0

    def values(path):
        wb = openpyxl.load_workbook(path, read_only=True)
        return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}

    assert values(a_xlsx) == values(b_xlsx)


def test_frozen_window_opens_the_sample(frozen_dir, tmp_path):
    """The windowed program starts (Qt plugins, fonts, translations bundled) and shows the sample."""
    from PySide6.QtGui import QImage

    exe = frozen_dir / ("RenjaDesktop.exe" if sys.platform == "win32" else "RenjaDesktop")
    shot = tmp_path / "jendela.png"
    # a 1366×768 laptop screen: the window fits itself to it
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(_env(tmp_path), QT_QPA_PLATFORM=f"offscreen:configfile={screen}")
    result = subprocess.run([str(exe), "--sample", "--screenshot", str(shot)], capture_output=True, text=True,
                            env=env, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    image = QImage(str(shot))
    assert not image.isNull() and 800 < image.width() <= 1366 and image.height() <= 768
    # the sample's working copy was made in the app's data folder
    assert list((tmp_path / "userdata").rglob("*.sqlite"))


def test_preview_renderer_is_bundled(frozen_dir):
    internal = frozen_dir / "_internal"
    assert any(p.name.startswith(("libpdfium", "pdfium")) for p in internal.rglob("*pdfium*")), \
        "pypdfium2's native library (print preview) is missing from the build"
