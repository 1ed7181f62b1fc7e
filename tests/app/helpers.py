"""Helpers for the window tests: building drops and waiting for results."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from reader.app.window.main_window import MainWindow
from reader.app.worker.service import CompareResult

WAIT_MS = 20_000


def file_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def drop(widget: QWidget, mime: QMimeData) -> bool:
    """Send a drag-enter and a drop to ``widget``; returns whether the drop was accepted."""
    pos = QPointF(widget.rect().center())
    enter = QDragEnterEvent(
        pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def wait_result(qtbot, window: MainWindow, action) -> CompareResult:
    """Run ``action`` and wait until the window has painted the outcome."""
    with qtbot.waitSignal(window.comparison_shown, timeout=WAIT_MS) as blocker:
        action()
    return blocker.args[0]


def wait_failure(qtbot, window: MainWindow, action) -> str:
    with qtbot.waitSignal(window.failure_shown, timeout=WAIT_MS) as blocker:
        action()
    return blocker.args[0]


def visible_range(view) -> tuple[int, int]:
    return view.first_visible_position(), view.last_visible_position()


def center(widget: QWidget) -> QPoint:
    return widget.rect().center()
