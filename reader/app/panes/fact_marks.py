"""Fact items in the panes: their words in the fact colour over a wavy underline, the chosen
item tinted behind.

The underline is a shape, not only a colour (colour-blind safe); only the letters and the
line take the colour, so the word-diff backgrounds stay visible underneath. Hovering the
words shows the item's note.
"""

from __future__ import annotations

from collections.abc import Callable, Generator

from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QTextEdit

from reader.app.palette import Palette
from reader.app.panes.reading_view import ReadingView
from reader.app.panes.steps import Steps
from reader.app.panes.text_style import text_selection
from reader.core.marks import Side
from reader.core.model import Comparison, Fact, FactStatus

MARKS_PER_STEP = 100  # cursors placed per turn of the event loop (a cursor can cost 0.2 ms on a book)


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
    """Keeps both panes' fact marks in step with the comparison, the palette and the choice.

    Marks are built a slice at a time from a zero-delay timer: a book has thousands of items,
    and placing thousands of text cursors at once would hold the event loop for a second.
    """

    def __init__(self, views: dict[Side, ReadingView], palette: Callable[[], Palette]) -> None:
        self.views = views
        self._palette = palette
        self.facts: list[Fact] = []
        self.chosen: Fact | None = None
        self.comparison: Comparison | None = None
        self._steps: Steps[None] = Steps(next(iter(views.values())))  # dies with the panes

    def set_views(self, views: dict[Side, ReadingView]) -> None:
        """Mark these views from now on (the versions view's kept ones keep their marks)."""
        if any(self.views.get(side) is not view for side, view in views.items()):
            self._steps.stop()
            self.views.update(views)

    def show(self, comparison: Comparison | None) -> None:
        """Mark the items of a comparison just shown (nothing chosen yet); views that already
        carry exactly these marks (a kept version) are left as they are."""
        self.comparison = comparison
        self.facts = shown_facts(comparison)
        self.chosen = None
        if comparison is not None and all(_marked(view, comparison) for view in self.views.values()):
            return
        for view in self.views.values():
            view.set_fact_marks([], [])
            view.fact_marks_of = None
        self.refresh()

    def choose(self, fact: Fact | None) -> None:
        self.chosen = fact
        self.refresh()

    @property
    def busy(self) -> bool:
        """True while marks are still being placed."""
        return self._steps.busy

    def finish(self) -> None:
        """Place every remaining mark now (tests, and a choice that must show at once)."""
        while self._steps.busy:
            self._steps.step()

    def refresh(self) -> None:
        """Build the marks again (after painting, a palette change or a new choice)."""
        self._steps.start(self._build())

    def _build(self) -> Generator[None, None, None]:
        palette = self._palette()
        plain, tinted = fact_format(palette), fact_format(palette, chosen=True)
        for side, view in self.views.items():
            pane_map = view.pane_map
            selections: list[QTextEdit.ExtraSelection] = []
            tips: list[tuple[int, int, str]] = []
            if pane_map is None:
                view.set_fact_marks([], [])
                continue
            for number, fact in enumerate(self.facts, start=1):
                span = fact.a if side is Side.A else fact.b
                if span is not None:
                    start, end = pane_map.position(span[0]), pane_map.position(span[1])
                    if end > start:
                        fmt = tinted if fact == self.chosen else plain
                        selections.append(text_selection(view.document(), start, end, fmt))
                        tips.append((start, end, fact.note))
                if number % MARKS_PER_STEP == 0:
                    yield
            view.set_fact_marks(selections, tips)
            view.fact_marks_of = (self.comparison, self.chosen)
            yield


def _marked(view: ReadingView, comparison: Comparison) -> bool:
    """Whether ``view`` carries the marks of ``comparison`` with nothing chosen (by identity:
    comparing two book comparisons field by field would cost more than marking them)."""
    marked = view.fact_marks_of
    return marked is not None and marked[0] is comparison and marked[1] is None
