"""Stages, notes, Perubahan and the Renstra import as core operations: apply, undo, redo give back
exactly the file and memory states (the same check as tests/test_operations.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_operations import roundtrip  # the shared check (the fixtures: conftest.py)

from renja_desktop import notes, renstra, stages

RENSTRA = Path(__file__).parent / "data" / "renstra_kesbangpol_2022_2026.tsv"
SUB = "8.01.01.2.01.0001"


def test_freeze_stage(doc):  # noqa: F811
    applied = roundtrip(doc, stages.FreezeStage("Rancangan Awal", "Budi"))
    assert applied.result.nama == "Rancangan Awal"
    assert [s.nama for s in stages.list_stages(doc)] == ["Rancangan Awal"]


def test_freeze_penetapan_locks_and_undo_unlocks(doc):  # noqa: F811
    roundtrip(doc, stages.FreezeStage("Penetapan", "Budi"))
    assert stages.is_locked(doc)
    doc.history.undo()
    assert not stages.is_locked(doc) and stages.list_stages(doc) == []


def test_start_perubahan(doc):  # noqa: F811
    doc.history.execute(stages.FreezeStage("Penetapan", "Budi"))
    applied = roundtrip(doc, stages.StartPerubahan())
    assert applied.result == "Perubahan 1" and not stages.is_locked(doc)
    with pytest.raises(stages.StageError):
        doc.history.execute(stages.StartPerubahan())  # not fixed any more


def test_notes(doc):  # noqa: F811
    doc.history.execute(stages.FreezeStage("Rancangan", "Budi"))
    row = doc.plan_by_kode(SUB).id
    note = roundtrip(doc, notes.AddNote(row, "Target belum terukur", "Rancangan", oleh="Bappeda")).result
    roundtrip(doc, notes.SetNoteStatus(note.id, "selesai", "Budi"))
    assert notes.list_notes(doc)[0].status == "selesai"
    # undoing the freeze takes the stage's notes with it, redo brings both back
    roundtrip(doc, notes.AddNote(row, "Alasan perubahan", jenis="alasan"))


def test_import_renstra(doc):  # noqa: F811
    applied = roundtrip(doc, renstra.ImportRenstra(RENSTRA))
    assert applied.result.rows == 15 and len(renstra.load(doc)) == 15
    # a second import replaces the first; undo brings the first back
    roundtrip(doc, renstra.ImportRenstra(RENSTRA))
