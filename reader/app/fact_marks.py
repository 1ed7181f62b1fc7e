"""Fact items in the panes: their words in the fact colour over a wavy underline, the chosen
item tinted behind.

The underline is a shape, not only a colour (colour-blind safe); only the letters and the
line take the colour, so the word-diff backgrounds stay visible underneath. Hovering the
words shows the item's note.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.app.palette import Palette
from reader.app.reading_view import ReadingView
from reader.core.marks import Side
from reader.core.model import Comparison, Fact, FactStatus


def fact_format(palette: Palette, chosen: bool = False) -> QTextCharFormat:
    """The mark of a fact item's words; the chosen item also gets the fact tint behind them."""
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(palette.fact_line))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(QColor(palette.fact_line))
    if chosen:
        fmt.setBackground(QColor(palette.fact))
    return fmt


def shown_facts(comparison: Comparison | None) -> list[Fact]:
    """The items marked in the panes: all but quotations found word for word (no news)."""
    if comparison is None:
        return []
    return [fact for fact in comparison.facts if fact.status is not FactStatus.VERBATIM]


class FactMarks:
    """Keeps both panes' fact marks in step with the comparison, the palette and the choice."""

    def __init__(self, views: dict[Side, ReadingView], palette: Callable[[], Palette]) -> None:
        self.views = views
        self._palette = palette
        self.facts: list[Fact] = []
        self.chosen: Fact | None = None

    def show(self, comparison: Comparison | None) -> None:
        """Mark the items of a freshly painted comparison (nothing chosen yet)."""
        self.facts = shown_facts(comparison)
        self.chosen = None
        self.refresh()

    def choose(self, fact: Fact | None) -> None:
        self.chosen = fact
        self.refresh()

    def refresh(self) -> None:
        """Build the marks again (after painting, a palette change or a new choice)."""
        palette = self._palette()
        plain, tinted = fact_format(palette), fact_format(palette, chosen=True)
        for side, view in self.views.items():
            pane_map = view.pane_map
            selections: list[QTextEdit.ExtraSelection] = []
            tips: list[tuple[int, int, str]] = []
            if pane_map is not None:
                for fact in self.facts:
                    span = fact.a if side is Side.A else fact.b
                    if span is None:
                        continue
                    start, end = pane_map.position(span[0]), pane_map.position(span[1])
                    if end <= start:
                        continue
                    selection = QTextEdit.ExtraSelection()
                    selection.cursor = QTextCursor(view.document())
                    selection.cursor.setPosition(start)
                    selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                    selection.format = tinted if fact == self.chosen else plain
                    selections.append(selection)
                    tips.append((start, end, fact.note))
            view.set_fact_marks(selections, tips)
