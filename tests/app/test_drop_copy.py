"""Issue 13, item 7: drops are accepted as Copy, never Move, and the target is shown while hovering."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from reader.core.marks import Side
from tests.app.helpers import WAIT_MS, file_mime

COPY_OR_MOVE = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction


def test_a_pane_accepts_a_move_offering_drag_as_copy_and_frames_itself(qtbot, window, articles) -> None:
    view = window.panes[Side.A].view
    mime = file_mime(articles[0])
    pos = QPointF(view.rect().center())
    enter = QDragEnterEvent(
        pos.toPoint(), COPY_OR_MOVE, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted() and enter.dropAction() == Qt.DropAction.CopyAction
    assert view.drop_hint and "as A" in view.drop_hint_text()
    drop = QDropEvent(pos, COPY_OR_MOVE, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.comparison_shown, timeout=WAIT_MS):
        QApplication.sendEvent(view.viewport(), drop)
    assert drop.isAccepted() and drop.dropAction() == Qt.DropAction.CopyAction
    assert not view.drop_hint


def test_a_move_only_drag_is_refused(qtbot, window, articles) -> None:
    view = window.panes[Side.B].view
    mime = file_mime(articles[1])  # kept alive: the event only points at it
    enter = QDragEnterEvent(
        view.rect().center(), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(view.viewport(), enter)
    assert not enter.isAccepted()


def test_the_empty_window_says_where_a_drop_lands(qtbot, window, articles) -> None:
    target = window.empty_state
    mime = file_mime(*articles)
    enter = QDragEnterEvent(
        target.rect().center(), COPY_OR_MOVE, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted() and enter.dropAction() == Qt.DropAction.CopyAction
    assert window.statusBar().currentMessage() == "Drop: the two files open as A and B"
