"""Tabel 2.1 (evaluation of last year's Renja) as a Qt tree model.

Each K/Rp pair of columns 5-15 is shown; 12-15 are computed by
:meth:`renja_desktop.compute.EvalTree.values_of` (docs/domain.md, "Tables and formulas") and drawn as derived cells.
Column 12 can be typed in where no quarterly figures (8-11) exist, and K of column 14 where the
satuan does not add up (%, index). Rates with no denominator show the en dash.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt

from .. import registry
from ..codes import PROGRAM, SUB_KEGIATAN
from ..compute import EvalValues, Node, is_additive
from ..formatting import format_decimal_id, format_percent, format_rupiah
from .plan_model import (
    money_text, DERIVED_BACKGROUND, DERIVED_FOREGROUND, ERROR_BACKGROUND, ERROR_FOREGROUND, LEFT, MIME_EVAL_ROWS, RIGHT,
    EditableTreeModel,
)

translate = QCoreApplication.translate


class EvalModel(EditableTreeModel):
    TABLE = "eval"
    MIME = MIME_EVAL_ROWS
    COLUMNS = registry.WINDOW_COLUMNS["2.1"]
    SUM_KEYS = tuple(f"{p}_{n}" for n in range(5, 16) for p in ("k", "rp"))

    def __init__(self, doc, editor, parent=None):
        self._cache: dict[str, EvalValues] = {}
        super().__init__(doc, editor, parent)

    def invalidate_cache(self, row_ids) -> None:
        if row_ids is None:
            self._cache.clear()
        else:
            for rid in row_ids:
                self._cache.pop(rid, None)

    def values(self, node: Node) -> EvalValues:
        v = self._cache.get(node.id)
        if v is None:
            v = self._cache[node.id] = self.tree.values_of(node.id)
        return v

    # ---------------------------------------------------------------- which cells are computed
    def _quarters(self, node: Node, prefix: str) -> bool:
        return any(node.values.get(f"{prefix}_{n}") not in (None, "") for n in (8, 9, 10, 11))

    def is_derived(self, node: Node, key: str) -> bool:
        if not key.startswith(("k_", "rp_")):
            return False
        prefix, n = key.split("_")
        n = int(n)
        leaf = node.values["level"] == SUB_KEGIATAN
        if n in (13, 15):
            return True
        if not leaf:
            return prefix == "rp" or n in (12, 14)
        if n == 12:
            if prefix == "rp":
                return self._quarters(node, "rp")
            return is_additive(node.values.get("satuan")) and self._quarters(node, "k")
        if n == 14:
            return prefix == "rp" or is_additive(node.values.get("satuan"))
        return False

    def editable_in_every_row(self, key: str) -> bool | None:
        if self._doc.readonly:
            return False
        return None if key.startswith(("k_", "rp_")) else True

    def is_editable(self, node: Node, key: str) -> bool:
        if self._doc.readonly:
            return False
        if key.startswith(("k_", "rp_")):
            return not self.is_derived(node, key)
        return True

    # ---------------------------------------------------------------- display
    def _number(self, node: Node, key: str) -> Any:
        prefix, n = key.split("_")
        n = int(n)
        leaf = node.values["level"] == SUB_KEGIATAN
        if not leaf and prefix == "k" and n in (5, 6, 7, 8, 9, 10, 11):
            return node.values.get(key)   # a program's own K, typed in
        v = self.values(node)
        if 8 <= n <= 11:
            return (v.k_tw if prefix == "k" else v.rp_tw)[n - 8]
        return getattr(v, key)

    def display(self, node: Node, key: str) -> str:
        if key.startswith(("k_", "rp_")):
            value = self._number(node, key)
            n = int(key.split("_")[1])
            if n in (13, 15):
                if value is None and node.values["level"] != SUB_KEGIATAN and key.startswith("k_"):
                    return "\u2013"
                return format_percent(value)
            if key.startswith("rp_"):
                return money_text(value)
            if value in (None, ""):
                return ""
            return format_decimal_id(Decimal(value))
        return node.values.get(key) or ""

    def edit_text(self, node: Node, key: str) -> str:
        if key.startswith(("k_", "rp_")):
            stored = node.values.get(key)
            if stored is None:
                return ""
            if key.startswith("rp_"):
                return format_rupiah(stored)
            return format_decimal_id(Decimal(stored))
        return node.values.get(key) or ""

    def tooltip(self, node: Node, key: str) -> str | None:
        error = self._errors.get((node.id, key))
        if error:
            return error
        col = self.COLUMNS[self._keys.index(key)]
        if key.startswith("k_") and int(key.split("_")[1]) in (13, 15) and node.values["level"] != SUB_KEGIATAN:
            v = self.values(node)
            rows = v.k_13_rows if key == "k_13" else v.k_15_rows
            return translate("EvalModel", "Rata-rata tingkat capaian dari %1 baris yang memiliki target").replace(
                "%1", str(rows))
        if self.is_derived(node, key):
            return translate("EvalModel", "Dihitung otomatis: %1").replace("%1", col.tooltip())
        if col.tip_id:
            return col.tooltip()
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        key = self._keys[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if node.id not in self._stamps:
                self.shown(node)
            return self.display(node, key)
        if role == Qt.ItemDataRole.EditRole:
            return self.edit_text(node, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if key.startswith(("k_", "rp_")) else LEFT
        if role == Qt.ItemDataRole.FontRole:
            return self._bold_font if node.values["level"] <= PROGRAM else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if (node.id, key) in self._errors:
                return ERROR_BACKGROUND
            return DERIVED_BACKGROUND if self.is_derived(node, key) else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if (node.id, key) in self._errors:
                return ERROR_FOREGROUND
            return DERIVED_FOREGROUND if self.is_derived(node, key) else None
        return self.common_role(node, key, role)

    def apply_edit(self, node: Node, key: str, value: str) -> str | None:
        return self.editor.set_eval(node.id, **{key: value})
