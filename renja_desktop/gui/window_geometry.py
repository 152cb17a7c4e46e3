"""Where the main window opens: on the screen, whatever its size, and where the user left it.

The window prefers 1400×860. On a smaller screen (an office laptop at 1366×768, less the taskbar)
it takes the available area instead, so the status bar with the totals and the detail panel are
never off-screen. A size and position the user chose are remembered (``window/geometry`` in the
app's settings) and used again, moved and shrunk onto the available area when the screen changed
(a laptop that was on a big monitor last time).
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: the size the window asks for on a screen with room for it
PREFERRED = QSize(1400, 860)


def available_area(window: QWidget) -> QRect:
    """The part of the window's screen not taken by the taskbar (the primary screen at first)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(QPoint(0, 0), PREFERRED)


def frame_margins(window: QWidget) -> QMargins:
    """The window manager's frame around the window: measured once shown, estimated before."""
    if window.isVisible():
        frame, inner = window.frameGeometry(), window.geometry()
        return QMargins(inner.left() - frame.left(), inner.top() - frame.top(),
                        frame.right() - inner.right(), frame.bottom() - inner.bottom())
    return QMargins(0, 0, 0, 0)


def fitted(rect: QRect, available: QRect, margins: QMargins = QMargins()) -> QRect:
    """``rect`` (the inside of the window) moved and shrunk so that it, with its frame, lies in
    ``available``."""
    room = available.marginsRemoved(margins)
    width = max(1, min(rect.width(), room.width()))
    height = max(1, min(rect.height(), room.height()))
    x = min(max(rect.x(), room.left()), room.left() + room.width() - width)
    y = min(max(rect.y(), room.top()), room.top() + room.height() - height)
    return QRect(x, y, width, height)


def initial_rect(available: QRect, margins: QMargins = QMargins()) -> QRect:
    """The first-run geometry: the preferred size, smaller when the screen is, centred."""
    room = available.marginsRemoved(margins)
    width = min(PREFERRED.width(), room.width())
    height = min(PREFERRED.height(), room.height())
    return QRect(room.left() + (room.width() - width) // 2, room.top() + (room.height() - height) // 2,
                 width, height)


def place(window: QWidget, saved: QByteArray | None = None, available: QRect | None = None) -> QRect:
    """Give ``window`` its geometry: the remembered one when there is one (kept on the available
    area), else :func:`initial_rect`. Returns the geometry given."""
    margins = frame_margins(window)
    if saved is not None and isinstance(saved, QByteArray) and not saved.isEmpty() \
            and window.restoreGeometry(saved):
        if window.isMaximized() or window.isFullScreen():
            return window.geometry()
        # the screen it was left on (a second monitor too), when that screen is still there
        screen = QGuiApplication.screenAt(window.geometry().center())
        area = available if available is not None else (
            screen.availableGeometry() if screen is not None else available_area(window))
        rect = fitted(window.geometry(), area, margins)
    else:
        rect = initial_rect(available if available is not None else available_area(window), margins)
    window.setGeometry(rect)
    return rect


def keep_on_screen(window: QWidget, available: QRect | None = None) -> bool:
    """Once shown (the frame is known then), move and shrink ``window`` so that its frame lies on
    the available area. True when it had to."""
    if window.isMaximized() or window.isFullScreen():
        return False
    screen = QGuiApplication.screenAt(window.geometry().center())
    area = available if available is not None else (
        screen.availableGeometry() if screen is not None else available_area(window))
    rect = fitted(window.geometry(), area, frame_margins(window))
    if rect == window.geometry():
        return False
    window.setGeometry(rect)
    return True
