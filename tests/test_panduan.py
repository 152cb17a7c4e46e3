"""The user guide (docs/panduan.md): it exists, its images exist, the commands it names are real
commands, the menu items it names are real menu items, and it has the sections users look for.

The guide is shown inside the app by ``QTextBrowser.setMarkdown`` with docs/ as its base folder, so
image paths must be relative to docs/ and must not leave it.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from renja_desktop.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GUIDE = DOCS / "panduan.md"
GUI_DIR = ROOT / "renja_desktop" / "gui"

#: the sections the guide must have (level-2 headings, exact text)
REQUIRED_SECTIONS = [
    "Memasang aplikasi dari flash disk",
    "Mulai pertama dengan contoh Renja",
    "Membuat Renja baru",
    "Mengimpor tabel tahun lalu",
    "Menyunting Renja",
    "Memeriksa dokumen",
    "Mencetak dan menandatangani",
    "Bertukar berkas lewat flash disk",
    "Membandingkan dan menggabungkan dua salinan",
    "Memulihkan cadangan",
    "Menyelamatkan berkas rusak",
    "Konsolidasi di Bappeda",
    "Perintah baris (untuk staf TI dan Bappeda)",
    "Pintasan papan ketik",
    "Jika terjadi galat",
]

#: placeholders the guide may write after ``renja-desktop`` instead of a command
PLACEHOLDERS = {"PERINTAH", "FILE"}  # FILE: commands whose action follows the file (stage FILE list)

IMAGE_RE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
CODE_BLOCK_RE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)
CODE_SPAN_RE = re.compile(r"`([^`\n]+)`")
COMMAND_RE = re.compile(r"(?:^|[\s\"'(])renja-desktop(?:\.exe)?[ \t]+([^\s`\"']+)(?:[ \t]+([^\s`\"']+))?")
BOLD_RE = re.compile(r"\*\*([^*]+?)\*\*")
HEADING_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.M)


@pytest.fixture(scope="module")
def text() -> str:
    assert GUIDE.is_file(), "docs/panduan.md belum ada"
    return GUIDE.read_text(encoding="utf-8")


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _code_texts(text: str) -> list[str]:
    """Every code block and inline code span of the guide (where commands are written)."""
    blocks = CODE_BLOCK_RE.findall(text)
    rest = CODE_BLOCK_RE.sub("", text)
    return blocks + CODE_SPAN_RE.findall(rest)


def _gui_labels() -> set[str]:
    """Every Indonesian text the window code passes to tr()/translate(), without & accelerators."""
    labels: set[str] = set()
    pattern = re.compile(r"""(?:\btr|\btranslate|\bQT_TRANSLATE_NOOP)\(\s*(?:"[A-Za-z]+"\s*,\s*)?(["'])(.+?)\1""")
    for path in GUI_DIR.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for _q, label in pattern.findall(source):
            labels.add(label.replace("&&", "\0").replace("&", "").replace("\0", "&"))
    return labels


def test_guide_exists_and_is_not_empty(text: str) -> None:
    assert len(text) > 5000
    assert text.lstrip().startswith("# "), "panduan dimulai dengan judul tingkat 1"


def test_required_sections(text: str) -> None:
    headings = [h.strip() for level, h in HEADING_RE.findall(text) if len(level) == 2]
    missing = [s for s in REQUIRED_SECTIONS if s not in headings]
    assert not missing, f"bagian yang belum ada: {missing}"
    order = [headings.index(s) for s in REQUIRED_SECTIONS]
    assert order == sorted(order), "urutan bagian panduan berubah"


def test_images_exist_and_are_relative(text: str) -> None:
    images = IMAGE_RE.findall(text)
    assert images, "panduan tidak memuat gambar"
    for ref in images:
        assert "://" not in ref and not ref.startswith(("/", "\\")) and ":" not in ref, \
            f"gambar harus berjalur relatif terhadap docs/: {ref}"
        path = (DOCS / ref).resolve()
        assert DOCS.resolve() in path.parents, f"gambar di luar docs/: {ref}"
        assert path.is_file(), f"gambar tidak ada: {ref}"


def test_no_fragment_links(text: str) -> None:
    """QTextBrowser's Markdown import gives headings no anchors: a ``[..](#bagian)`` link would do
    nothing when clicked in the app, so sections are referred to by name instead."""
    assert not re.findall(r"\]\(#[^)]*\)", text), "tautan #bagian tidak berfungsi di jendela Panduan"


def test_commands_are_real(text: str) -> None:
    commands = _subcommands(build_parser())
    assert commands, "parser tanpa subperintah"
    seen: set[str] = set()
    for code in _code_texts(text):
        for line in code.splitlines():
            for name, arg in COMMAND_RE.findall(line):
                if name.startswith("-") or name in PLACEHOLDERS:
                    continue
                assert name in commands, f"perintah tidak dikenal di panduan: renja-desktop {name}"
                seen.add(name)
                sub = _subcommands(commands[name])
                if sub and arg and not arg.startswith("-") and arg not in PLACEHOLDERS:
                    assert arg in sub, f"aksi tidak dikenal: renja-desktop {name} {arg}"
    # the command table lists every command
    assert set(commands) <= seen, f"perintah yang tidak disebut panduan: {sorted(set(commands) - seen)}"


def test_menu_items_exist_in_the_window(text: str) -> None:
    """Every **Menu ▸ Item** path of the guide names texts that the window code really has."""
    labels = _gui_labels()
    assert labels, "tidak ada teks GUI yang terbaca"
    from renja_desktop.gui import actions  # the window's menus are declared there, once

    menus = {title.replace("&", "") for title, _entries in actions.MENUS}
    assert {"Berkas", "Edit", "Tampilan", "Bantuan"} <= menus
    # bold spans paired left to right, as Markdown pairs them; a menu path is one with a ▸
    paths = [" ".join(b.split()) for b in BOLD_RE.findall(text) if "▸" in b]
    # the guide's table of shortcuts writes menu paths without bold
    paths += re.findall(r"^\|[^|]+\|\s*((?:Berkas|Edit|Tampilan|Bantuan)\s*▸[^|(]+?)\s*(?:\(|\|)", text, re.M)
    assert paths, "panduan tidak menyebut menu"
    for path in paths:
        parts = [p.strip() for p in path.split("▸")]
        first, items = parts[0], parts[1:]
        if first not in menus:
            continue  # e.g. a Windows menu (Kirim ke ▸ Desktop), not ours
        for item in items:
            assert item in labels, f"menu '{path}' tidak ada di jendela aplikasi ({item!r})"


def test_shortcuts_match_the_window(text: str, qapp) -> None:
    """The shortcuts the guide promises for the window's own actions are declared in gui/actions.py."""
    from PySide6.QtGui import QKeySequence

    from renja_desktop.gui import actions

    declared = {QKeySequence(k).toString() for spec in actions.ACTIONS for k in spec.shortcuts}
    expected = {
        "Ctrl+Shift+S": '"Ctrl+Shift+S"', "Ctrl+I": '"Ctrl+I"', "Ctrl+Q": '"Ctrl+Q"', "Ctrl+Z": '"Ctrl+Z"',
        "Ctrl+Y": '"Ctrl+Y"', "Ctrl+Shift+Insert": '"Ctrl+Shift+Insert"', "Insert": '"Insert"',
        "Ctrl+Shift+↑": '"Ctrl+Shift+Up"', "Ctrl+Shift+↓": '"Ctrl+Shift+Down"',
        "Ctrl+S": "StandardKey.Save", "Ctrl+N": "StandardKey.New", "Ctrl+O": "StandardKey.Open", "Ctrl+P": "StandardKey.Print",
        "Ctrl+F": "StandardKey.Find", "Ctrl+C": "StandardKey.Copy", "Ctrl+V": "StandardKey.Paste",
        "F1": "StandardKey.HelpContents",
    }
    for keys, code in expected.items():
        assert keys in text, f"pintasan {keys} tidak disebut panduan"
        key = QKeySequence(getattr(QKeySequence.StandardKey, code.split(".")[1])) if code.startswith("StandardKey.") \
            else QKeySequence(code.strip('"'))
        assert key.toString() in declared, f"pintasan {keys} ({code}) tidak ada lagi di gui/actions.py"
