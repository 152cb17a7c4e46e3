"""Refresh the Qt Linguist files and build the .qm files the app loads.

    python scripts/update_translations.py [--fill FILE.py]

1. ``pyside6-lupdate`` collects every ``tr()``/``translate()`` text of ``renja_desktop/gui`` and of
   the Designer forms in ``ui/`` (the files committed to git) into
   ``resources/translations/renja_en.ts`` (existing translations are kept; new texts are marked
   unfinished for a translator using Qt Linguist).
2. ``--fill`` takes a Python file with a dict ``EN`` (Indonesian source -> English) and
   ``NUMERUS`` (source -> [singular, plural]) and fills unfinished messages from it.
3. ``pyside6-lrelease`` builds ``renja_en.qm`` and ``renja_qt_id.qm`` (Indonesian texts for Qt's
   own dialogs and widgets, which Qt does not ship).
Prints the number of messages still untranslated; a test checks that it stays zero.
"""
from __future__ import annotations

import argparse
import runpy
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
GUI = ROOT / "renja_desktop" / "gui"


def unfinished(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    out = []
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                if tr is not None and tr.get("type") in ("vanished", "obsolete"):
                    continue
                out.append(f"{ctx.findtext('name')}: {msg.findtext('source')}")
    return out


def fill(ts: Path, en: dict[str, str], numerus: dict[str, list[str]]) -> int:
    tree = ET.parse(ts)
    count = 0
    for msg in tree.getroot().iter("message"):
        tr = msg.find("translation")
        if tr is None or tr.get("type") != "unfinished":
            continue
        src = msg.findtext("source")
        if msg.get("numerus") == "yes" and src in numerus:
            for child in list(tr):
                tr.remove(child)
            for form in numerus[src]:
                ET.SubElement(tr, "numerusform").text = form
            tr.attrib.pop("type", None)
            count += 1
        elif src in en:
            tr.text = en[src]
            tr.attrib.pop("type", None)
            count += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fill", type=Path, help="a Python file with EN and NUMERUS dicts")
    args = parser.parse_args(argv)
    ts = TRANSLATIONS / "renja_en.ts"
    # files under version control only: another engineer's unfinished module is not collected
    listed = subprocess.run(["git", "ls-files", "renja_desktop/gui/*.py", "ui/*.ui"], cwd=ROOT,
                            capture_output=True, text=True).stdout.split()
    # Designer forms are read from their .ui files (lupdate understands them; it does not read the
    # compiled ui_*.py modules' u"..." strings)
    sources = sorted(str(ROOT / p) for p in listed if not Path(p).name.startswith("ui_")) or \
        sorted(str(p) for p in GUI.glob("*.py"))
    subprocess.run(["pyside6-lupdate", *sources, "-ts", str(ts), "-source-language", "id",
                    "-target-language", "en", "-no-obsolete", "-locations", "none"], check=True)
    if args.fill:
        data = runpy.run_path(str(args.fill))
        print(f"filled {fill(ts, data.get('EN', {}), data.get('NUMERUS', {}))} messages")
    for name in ("renja_en", "renja_qt_id"):
        subprocess.run(["pyside6-lrelease", str(TRANSLATIONS / f"{name}.ts"), "-qm",
                        str(TRANSLATIONS / f"{name}.qm")], check=True)
    missing = unfinished(ts)
    for line in missing:
        print("untranslated:", line)
    print(f"{len(missing)} untranslated")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
