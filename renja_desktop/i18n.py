"""The language the core speaks to the user: Indonesian (``id``, the default) or English (``en``).

The command line always speaks Indonesian; the window sets the language it shows
(:func:`set_language`) so that messages and labels made by the core (errors, field labels, level
names, table titles) come in that language. Qt's own translations cover the window's texts.
"""
from __future__ import annotations

LANGUAGES = ("id", "en")

_current = "id"


def language() -> str:
    return _current


def set_language(lang: str) -> None:
    global _current
    _current = lang if lang in LANGUAGES else "id"


def pick(id_text: str, en_text: str, lang: str | None = None) -> str:
    """The text for ``lang`` (bawaan: the current language); English falls back to Indonesian."""
    return en_text if (lang or _current) == "en" and en_text else id_text
