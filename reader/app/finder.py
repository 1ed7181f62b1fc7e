"""The find bar: search either pane for a word or phrase, wrapping around (Ctrl+F, F3)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.app.reading_view import ReadingView
from reader.core.marks import Side


def find_in_view(view: ReadingView, text: str, forward: bool = True) -> bool:
    """Select the next (or previous) occurrence of ``text`` after the view's cursor, wrapping."""
    if not text:
        return False
    flags = QTextDocument.FindFlag(0) if forward else QTextDocument.FindFlag.FindBackward
    document = view.document()
    found = document.find(text, view.textCursor(), flags)
    if found.isNull():  # wrap around to the other end
        restart = QTextCursor(document)
        restart.movePosition(QTextCursor.MoveOperation.Start if forward else QTextCursor.MoveOperation.End)
        found = document.find(text, restart, flags)
    if found.isNull():
        return False
    view.setTextCursor(found)
    view.ensureCursorVisible()
    return True


class FindBar(QWidget):
    """A slim bar under the panes; Escape hides it and gives the focus back to the text."""

    closed = Signal()

    def __init__(self, views: dict[Side, ReadingView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.views = views
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in the text")
        self.field.setAccessibleName("Find text")
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(lambda: self.find(True))
        self.field.textChanged.connect(lambda _text: self._restart())
        self.side_choice = QComboBox()
        self.side_choice.setAccessibleName("Pane to search")
        for side in Side:
            self.side_choice.addItem(f"in {side.value.upper()}", side.value)
        self.status = QLabel()
        self.status.setAccessibleName("Find result")
        previous = QToolButton()
        previous.setText("Previous")
        previous.setToolTip("Previous match (Shift+F3)")
        previous.clicked.connect(lambda: self.find(False))
        following = QToolButton()
        following.setText("Next")
        following.setToolTip("Next match (F3)")
        following.clicked.connect(lambda: self.find(True))
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Close (Escape)")
        close.setAccessibleName("Close find bar")
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.setSpacing(6)
        layout.addWidget(QLabel("Find"))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.side_choice)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.hide()

    @property
    def side(self) -> Side:
        return Side(self.side_choice.currentData())

    def open_for(self, side: Side) -> None:
        """Show the bar searching ``side``, with the current selection as the query."""
        self.side_choice.setCurrentIndex(list(Side).index(side))
        selected = self.views[side].textCursor().selectedText()
        if selected and "\u2029" not in selected and len(selected) < 80:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def find(self, forward: bool = True) -> bool:
        if self.isHidden():
            self.show()
        found = find_in_view(self.views[self.side], self.field.text(), forward)
        self.status.setText("" if found or not self.field.text() else "Not found")
        return found

    def _restart(self) -> None:
        self.status.setText("")

    def close_bar(self) -> None:
        self.hide()
        self.views[self.side].setFocus()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
