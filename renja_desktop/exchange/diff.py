"""Compare two copies of one document (same document id): what was added, removed and changed on
each side, field by field, as a readable Indonesian list (``renja-desktop diff A B``).

With a common ancestor (found from the copies' lineage, or given) the list says on which side each
change was made and which changes collide; without one it lists what only one copy has and every
field that differs, with the newer side named.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .merge import MINE, THEIRS, Change, Conflict, MergePlan, plan_merge
from .rowdata import TABLE_NAMES, field_name

KIND_TEXT = {"added": "ditambah", "removed": "dihapus", "changed": "diubah", "moved": "dipindah",
             "only": "hanya ada di sini", "reordered": "urutan baris di bawahnya diubah"}
KIND_MARK = {"added": "+", "removed": "-", "changed": "~", "moved": ">", "only": "+", "reordered": "≈"}


@dataclass
class Comparison:
    plan: MergePlan
    name_a: str
    name_b: str

    @property
    def identical(self) -> bool:
        """Both copies hold the same rows (maybe both changed the same way since their base)."""
        return not self.plan.conflicts and all(c.side == "both" for c in self.plan.changes)

    def side_name(self, side: str) -> str:
        return {MINE: f"A ({self.name_a})", THEIRS: f"B ({self.name_b})", "both": "kedua salinan"}[side]

    def changes_of(self, side: str) -> list[Change]:
        return [c for c in self.plan.changes if c.side == side]

    def lines(self) -> list[str]:
        p = self.plan
        out = [f"Perbandingan A = {p.mine.path} dan B = {p.theirs.path}",
               f"Dokumen: {p.mine.opd or '?'} tahun {p.mine.tahun or '?'} (id {p.mine.document_id})",
               ("Versi dasar: " if p.three_way else "Tanpa versi dasar: ") + p.base_note]
        extra = self.extra  # stages, verification notes, Renstra (renja_desktop/stages.py)
        if self.identical:
            same = self.changes_of("both")
            out.append(("Baris dokumen kedua salinan sama." if extra else "Isi kedua salinan sama.")
                       + (f" (Keduanya berbeda dari versi dasar dengan {len(same)} "
                          "perubahan yang sama.)" if same else ""))
            if extra:
                out.append("Tahap, catatan verifikasi dan Renstra:")
                out.extend(extra)
            return out
        for side in (MINE, THEIRS, "both"):
            items = self.changes_of(side)
            if not items:
                continue
            if p.three_way:
                head = {MINE: "Perubahan di", THEIRS: "Perubahan di", "both": "Perubahan yang sama di"}[side]
            else:
                head = "Hanya ada di"
            out.append(f"{head} {self.side_name(side)}: {len(items)} baris")
            out.extend(_change_line(c) for c in _ordered(items))
        if p.conflicts:
            title = "Pertentangan" if p.three_way else "Isian yang berbeda"
            out.append(f"{title}: {len(p.conflicts)}")
            out.extend(conflict_line(c, p.three_way) for c in p.conflicts)
        if extra:
            out.append("Tahap, catatan verifikasi dan Renstra:")
            out.extend(extra)
        return out

    @property
    def extra(self) -> list[str]:
        if not hasattr(self, "_extra"):
            from ..stagefile import extra_differences

            self._extra = extra_differences(self.plan.mine.path, self.plan.theirs.path)
        return self._extra

    def as_dict(self) -> dict:
        p = self.plan
        return {
            "a": str(p.mine.path), "b": str(p.theirs.path), "document_id": p.mine.document_id,
            "tiga_arah": p.three_way, "versi_dasar": p.base_note, "sama": self.identical,
            "perubahan": [dict(c.as_dict(), sisi={"mine": "A", "theirs": "B", "both": "keduanya"}[c.side])
                          for c in p.changes],
            "pertentangan": [c.as_dict() for c in p.conflicts],
            "tahap_catatan_renstra": self.extra,
        }


def _ordered(items: list[Change]) -> list[Change]:
    rank = {t: i for i, t in enumerate(TABLE_NAMES)}
    return sorted(items, key=lambda c: (rank.get(c.table, 99), c.label))


def _change_line(c: Change) -> str:
    table = TABLE_NAMES.get(c.table, c.table)
    where = c.label if c.label.startswith(table) else f"{table}: {c.label}"
    text = f"  {KIND_MARK[c.kind]} {where} {KIND_TEXT[c.kind]}"
    if c.fields:
        text += ": " + "; ".join(f"{field_name(f, 'id')} {a} -> {b}" for f, a, b in c.fields if f != "*")
    return text


def conflict_line(c: Conflict, three_way: bool) -> str:
    if c.kind == "delete_edit" and c.deleter in (MINE, THEIRS):
        gone, kept = ("A", "B") if c.deleter == MINE else ("B", "A")
        text = f"  ! {c.label}: dihapus di {gone}, tetapi diubah di {kept}"
        if c.covers:
            text += f" (termasuk {c.covers} baris di bawahnya)"
        return text + (f": {c.what}" if c.what else "")
    if c.kind == "order":
        return f"  ! {c.label}: {c.detail} (A: {c.mine}; B: {c.theirs})"
    base = f"dasar {c.base}; " if three_way and c.base is not None else ""
    newer = {MINE: " (A lebih baru)", THEIRS: " (B lebih baru)"}.get(c.newer or "", "")
    return f"  ! {c.label}: {field_name(c.field, 'id')}: {base}A {c.mine}; B {c.theirs}{newer}"


def compare_files(a: str | os.PathLike, b: str | os.PathLike, base: str | os.PathLike | None = None) -> Comparison:
    plan = plan_merge(a, b, base)
    return Comparison(plan, Path(a).name, Path(b).name)


__all__ = ["Comparison", "compare_files"]
