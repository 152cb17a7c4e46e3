"""Alt+letter keys: within each menu (and the menu bar) no two entries share one, in both languages."""
import re

from PySide6.QtWidgets import QMenu


def accelerator(text: str) -> str | None:
    m = re.search(r"&([^&\s])", text.replace("&&", ""))
    return m.group(1).lower() if m else None


def clashes(window) -> list[str]:
    found = []
    bar = window.menuBar()
    menus = [("menu bar", [a for a in bar.actions() if a.isVisible()])]
    stack = [a.menu() for a in bar.actions() if a.menu()]
    while stack:
        menu = stack.pop()
        menu.aboutToShow.emit()
        actions = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
        menus.append((menu.title(), actions))
        stack.extend(a.menu() for a in actions if isinstance(a.menu(), QMenu))
    for title, actions in menus:
        seen: dict[str, str] = {}
        for a in actions:
            text = a.text() if title != "menu bar" else a.menu().title() if a.menu() else a.text()
            key = accelerator(text)
            if key is None or text.startswith("&1 ") or re.match(r"^&\d ", text):
                continue
            if key in seen:
                found.append(f"{title}: '{seen[key]}' and '{text}' share Alt+{key.upper()}")
            seen[key] = text
    return found


def test_no_shared_alt_keys_in_indonesian_and_english(window):
    assert clashes(window) == []
    window.set_language("en")
    try:
        assert clashes(window) == []
    finally:
        window.set_language("id")
