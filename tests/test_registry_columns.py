"""One vocabulary: the window's column headers, tooltips and header groups come from the registry
(``registry.WINDOW_COLUMNS``), in Indonesian and in English; no GUI module spells a header itself."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from renja_desktop import registry

GUI = Path(__file__).resolve().parent.parent / "renja_desktop" / "gui"

#: the store each window table shows
TABLE_STORE = {"3.1": "plan", "2.3": "plan", "2.1": "eval", "2.2": "pelayanan", "2.4": "usulan"}
#: columns the window computes that are no stored field
COMPUTED = {("2.3", "selisih"), ("2.1", "k_13"), ("2.1", "rp_13"), ("2.1", "rp_14"), ("2.1", "k_15"),
            ("2.1", "rp_15")}


def test_every_window_column_is_a_registry_field_with_both_labels():
    assert set(registry.WINDOW_COLUMNS) == set(TABLE_STORE)
    for table, columns in registry.WINDOW_COLUMNS.items():
        store = TABLE_STORE[table]
        stores = registry.PLAN_CELL_STORES if store == "plan" else (store,)
        keys = [c.key for c in columns]
        assert len(keys) == len(set(keys)), table
        for col in columns:
            if (table, col.key) not in COMPUTED:
                assert any(registry.field(col.key, s) for s in stores), (table, col.key)
            assert col.label("id") and col.label("en"), (table, col.key)
            assert bool(col.tip_id) == bool(col.tip_en), (table, col.key)
            if col.group:
                assert col.group in registry.HEADER_GROUPS, (table, col.key)
            assert col.kind in ("text", "money", "number", "percent")


def test_a_column_without_its_own_wording_shows_the_field_label():
    lokasi = registry.heading("2.4", "lokasi")
    assert (lokasi.label("id"), lokasi.label("en")) == ("Lokasi", "Location")
    field = registry.field("lokasi", "usulan")
    assert lokasi.label("id").lower() == field.label("id") and lokasi.label("en").lower() == field.label("en")


def test_years_are_filled_in_headers_and_report_headings():
    assert registry.fill_years(registry.heading("3.1", "pagu_n1").label("id"), 2024) == "Pagu 2025"
    assert registry.fill_years(registry.heading("2.2", "target_n3").label("en"), 2024) == "Renstra target 2021"
    assert registry.fill_years(registry.header_group("e5", "id"), 2024, None) == "(5) Target Renstra"
    assert registry.fill_years(registry.header_group("e5", "id"), 2024, 2026) == "(5) Target Renstra 2026"
    assert registry.report_heading("2.4", "volume") == "Besaran/ Volume"
    assert registry.report_heading("2.4", "lokasi") == "Lokasi"   # no own heading: the label


def _expected(doc, col, lang):
    tahun, selesai = doc.info.get("tahun"), doc.info.get("renstra_selesai")
    return (registry.fill_years(col.label(lang), tahun, selesai),
            registry.fill_years(registry.header_group(col.group, lang), tahun, selesai) if col.group else None,
            col.tooltip(lang) or None)


def _shown(model, section):
    from PySide6.QtCore import Qt

    from renja_desktop.gui.header import GROUP_ROLE

    h = Qt.Orientation.Horizontal
    tip = model.headerData(section, h, Qt.ItemDataRole.ToolTipRole)
    group = model.headerData(section, h, GROUP_ROLE) if hasattr(model, "tree") else None
    return model.headerData(section, h), group, tip


@pytest.mark.parametrize("lang", ["id", "en"])
def test_window_headers_are_the_registry_labels(window, lang):
    window.set_language(lang)
    try:
        pages = {"3.1": window.plan_page, "2.3": window.t23_page, "2.1": window.eval_page,
                 "2.2": window.pelayanan_page, "2.4": window.usulan_page}
        for table, page in pages.items():
            model = page.model
            columns = registry.WINDOW_COLUMNS[table]
            assert model.columnCount() == len(columns), table
            for section, col in enumerate(columns):
                text, group, tip = _shown(model, section)
                want_text, want_group, want_tip = _expected(window.doc, col, lang)
                assert text == want_text, (table, col.key)
                if hasattr(model, "tree"):   # tree tables: groups and tooltips in the header too
                    assert (group, tip) == (want_group, want_tip), (table, col.key)
        headers = [window.plan_page.model.headerData(i, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
                   for i in range(3)]
        assert headers == (["Kode", "Uraian", "Indikator"] if lang == "id" else ["Code", "Name", "Indicator"])
    finally:
        window.set_language("id")


def test_no_gui_module_defines_column_headers():
    """Headers are declared once, in the registry: no window module keeps its own header texts."""
    offenders = []
    for path in sorted(GUI.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        for pattern in (r'QT_TRANSLATE_NOOP\(\s*"Columns"', r'translate\(\s*"Columns"', r"\bColumnSpec\(",
                        r"\bHeading\(", r"WINDOW_COLUMNS\[[^\]]*\]\s*\+"):
            if re.search(pattern, text):
                offenders.append(f"{path.name}: {pattern}")
    assert offenders == []


def test_printed_tables_use_the_registry_headings(tmp_path):
    """The official headings of the printed tables are declared in the registry and printed as such."""
    from renja_desktop.reports import ReportOptions, build_table
    from renja_desktop.sample import build_sample
    from renja_desktop.service import RenjaDocument

    doc = RenjaDocument.open(build_sample(tmp_path / "contoh.sqlite"))
    try:
        for table, headings in registry.REPORT_HEADINGS.items():
            store = registry.store_of_table(table)
            stores = registry.PLAN_CELL_STORES if store == "plan" else (store,)
            spec = build_table(doc, table, ReportOptions(tabel21_lengkap=True))
            printed = " | ".join(cell.text for cell in spec.header)
            for key in headings:
                if table == "2.1" and key == "kode" and not any(n.kode for n in doc.evaluation.nodes.values()):
                    continue   # a Tabel 2.1 without codes numbers its rows ("No.")
                assert any(registry.field(key, s) for s in stores), (table, key)
                assert registry.report_heading(table, key, doc.info["tahun"]) in printed, (table, key)
    finally:
        doc.close()


def test_the_importer_reads_the_registry_headings_back():
    """A table printed (or exported) with the registry's official headings is read back column by
    column. Tabel 2.1 is read by its column numbers, not its words, and is left out."""
    from renja_desktop.importer.layouts import _norm, field_for_header

    groups = {("3.1", "target_n1"): "Prakiraan Maju Rencana Tahun 2025 ", ("3.1", "pagu_n1"): "Prakiraan Maju "
              "Rencana Tahun 2025 "}
    read_as = {("2.3", "rkpd_catatan"): "catatan"}   # Tabel 2.3's one notes column
    for table, headings in registry.REPORT_HEADINGS.items():
        if table == "2.1":
            continue
        for key in headings:
            text = groups.get((table, key), "") + registry.report_heading(table, key, 2024)
            assert field_for_header(table, _norm(text), 2024) == read_as.get((table, key), key), (table, key)
