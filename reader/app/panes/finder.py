"""The find bar: incremental search in A, B or both, every match marked, "3 of 17", wrap notice.

Matches are found in the pane documents' plain text (whose character positions are the
pane positions), so counting all of them costs one regular-expression pass per pane even
on a book; only the first :data:`MAX_MARKED` are painted, as extra selections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.app.panes.reading_view import ReadingView
from reader.core.marks import Side

MAX_MARKED = 2000  # painting more extra selections makes every scroll slow (see ARCHITECTURE.md)
SCOPES = (("in A", "a"), ("in B", "b"), ("in both", "both"))


@dataclass(frozen=True, slots=True)
class Match:
    side: Side
    start: int  # pane positions
    end: int


def find_matches(text: str, query: str, side: Side) -> list[Match]:
    """Every case-insensitive occurrence of ``query`` in ``text``, in order."""
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    return [Match(side, found.start(), found.end()) for found in pattern.finditer(text)]


def next_index(matches: list[Match], current: int | None, forward: bool) -> tuple[int, bool]:
    """The match after (before) ``current`` and whether the step wrapped around."""
    if current is None:
        return (0, False) if forward else (len(matches) - 1, False)
    if forward:
        return (0, True) if current + 1 >= len(matches) else (current + 1, False)
    return (len(matches) - 1, True) if current == 0 else (current - 1, False)


class FindBar(QWidget):
    """A slim bar under the panes; Escape hides it and gives the focus back to the text."""

    closed = Signal()
    wrapped = Signal(str)  # the notice, e.g. "Search wrapped to the start"

    def __init__(self, views: dict[Side, ReadingView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.views = views
        self.match_colour = "#f3c740"
        self.matches: list[Match] = []
        self.current: int | None = None
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in the text")
        self.field.setAccessibleName("Find text")
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(lambda: self.find(True))
        self.field.textChanged.connect(lambda _text: self.search())
        self.side_choice = QComboBox()
        self.side_choice.setAccessibleName("Where to search")
        for label, value in SCOPES:
            self.side_choice.addItem(label, value)
        self.side_choice.currentIndexChanged.connect(lambda _i: self.search())
        self.status = QLabel()
        self.status.setAccessibleName("Find result")
        self.status.setMinimumWidth(self.status.fontMetrics().horizontalAdvance("9,999 of 9,999 · wrapped") + 8)
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

    def set_views(self, views: dict[Side, ReadingView]) -> None:
        """Search these views from now on; an open search moves to them."""
        changed = {side: view for side, view in views.items() if self.views.get(side) is not view}
        if not changed:
            return
        for side in changed:
            self.views[side].set_find_marks([], self.match_colour)
        self.views.update(changed)
        if self.isVisible() and self.field.text():
            self.search()
        else:
            self.matches, self.current = [], None

    @property
    def scope(self) -> tuple[Side, ...]:
        value = self.side_choice.currentData()
        return (Side.A, Side.B) if value == "both" else (Side(value),)

    @property
    def side(self) -> Side:
        """The pane of the current match (or the first searched pane)."""
        if self.current is not None and self.current < len(self.matches):
            return self.matches[self.current].side
        return self.scope[0]

    def set_scope(self, value: str) -> None:
        self.side_choice.setCurrentIndex([v for _label, v in SCOPES].index(value))

    def open_for(self, side: Side) -> None:
        """Show the bar searching ``side``, with the current selection as the query."""
        if self.side_choice.currentData() != "both":
            self.set_scope(side.value)
        selected = self.views[side].textCursor().selectedText()
        if selected and "\u2029" not in selected and len(selected) < 80:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    # ----- searching ---------------------------------------------------------------------------
    def search(self) -> None:
        """Typing: find every match again, mark them, select the first at or after the caret."""
        query = self.field.text()
        self.matches = [
            match
            for side in self.scope
            for match in find_matches(self.views[side].document().toPlainText(), query, side)
        ]
        self.current = None
        self._mark_all()
        if not self.matches:
            self.status.setText("Not found" if query else "")
            return
        first_side = self.scope[0]
        view = self.views[first_side]
        caret = view.textCursor().selectionStart()
        if not view.viewport().rect().intersects(view.cursorRect(view.textCursor())):
            caret = view.first_visible_position()  # the reader scrolled away: start where they look
        start = next((n for n, m in enumerate(self.matches) if m.side is first_side and m.start >= caret), 0)
        self._select(start, wrapped=False)

    def find(self, forward: bool = True) -> bool:  # type: ignore[override]  # hides the static QWidget.find(window id), unused here
        """F3 / Shift+F3 / Return: the next (previous) match, wrapping with a notice."""
        if self.isHidden():
            self.show()
        if not self.matches or self.current is None:
            self.search()
            if self.matches and not forward:
                self._select(*next_index(self.matches, self.current, False))
            return bool(self.matches)
        self._select(*next_index(self.matches, self.current, forward))
        return True

    def _select(self, index: int, wrapped: bool) -> None:
        self.current = index
        match = self.matches[index]
        view = self.views[match.side]
        cursor = QTextCursor(view.document())
        cursor.setPosition(match.start)
        cursor.setPosition(match.end, QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        view.ensureCursorVisible()
        count = f"{index + 1:,} of {len(self.matches):,}"
        if wrapped:
            notice = "Search wrapped to the start" if index == 0 else "Search wrapped to the end"
            self.status.setText(f"{count} · wrapped")
            self.wrapped.emit(notice)
        else:
            self.status.setText(count)

    def _mark_all(self) -> None:
        for side, view in self.views.items():
            ranges = [(m.start, m.end) for m in self.matches if m.side is side][:MAX_MARKED]
            view.set_find_marks(ranges, self.match_colour)

    def clear_marks(self) -> None:
        for view in self.views.values():
            view.set_find_marks([], self.match_colour)

    def close_bar(self) -> None:
        side = self.side
        self.hide()
        self.clear_marks()
        self.views[side].setFocus()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
