"""What one edit changed (:class:`ChangeEvent`), for the views to repaint exactly that.

It lives at the bottom of the module graph so that every module that writes to a document (the
service, the written document's sections) can announce its changes; ``service`` re-exports it.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ChangeEvent:
    """What one edit changed, for views to repaint exactly that."""

    table: str                                   # 'plan', 'eval', 'document', 'pelayanan', ...
    changed: set[str] = field(default_factory=set)   # rows whose shown values changed
    inserted: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    #: row-level findings for the changed plan rows, checked right after the edit
    findings: list = field(default_factory=list)


__all__ = ["ChangeEvent"]
