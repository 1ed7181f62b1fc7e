"""Painting a large comparison without holding the event loop.

The panes' documents are filled a few hundred blocks per turn of the event loop (from a
zero-delay timer, never ``processEvents``) and swapped in when both are done; until then the
window stays usable and the progress bar says "painting". Small comparisons are painted at
once, as before: the steps only pay off above ``STAGED_CHARS``.
"""

from __future__ import annotations

from collections.abc import Callable, Generator

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextDocument

from reader.app.panes.reading_view import ReadingView
from reader.app.panes.render import FormatBook, PaneMap, pane_document_steps
from reader.app.worker.service import CompareResult
from reader.core.marks import Side

# Both texts together; below this, filling both panes takes well under 0.2 s.
STAGED_CHARS = 400_000

Built = dict[Side, tuple[QTextDocument, PaneMap]]


def needs_stages(result: CompareResult) -> bool:
    return sum(len(content.document.text) for content in (result.a, result.b) if content is not None) > STAGED_CHARS


class StagedPainter(QObject):
    """Fills the documents of one result step by step, then hands them to ``done``."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        self._work: Generator[None, None, Built] | None = None
        self._done: Callable[[Built], None] | None = None
        self.result: CompareResult | None = None  # the one being painted

    @property
    def busy(self) -> bool:
        return self._work is not None

    def cancel(self) -> None:
        """Drop the documents being filled (a newer result replaces this one)."""
        self._work = None
        self._done = None
        self.result = None
        self._timer.stop()

    def start(
        self,
        result: CompareResult,
        views: dict[Side, ReadingView],
        formats: dict[Side, FormatBook],
        done: Callable[[Built], None],
    ) -> None:
        self.cancel()
        self.result = result
        self._work = self._fill(result, views, formats)
        self._done = done
        self._timer.start()

    def _fill(
        self, result: CompareResult, views: dict[Side, ReadingView], formats: dict[Side, FormatBook]
    ) -> Generator[None, None, Built]:
        built: Built = {}
        for side, content in ((Side.A, result.a), (Side.B, result.b)):
            if content is None:
                continue
            document = views[side].new_document()
            steps = pane_document_steps(document, content.document, content.sentences, content.runs, formats[side])
            pane_map = yield from steps
            built[side] = (document, pane_map)
        return built

    def _step(self) -> None:
        if self._work is None:
            self._timer.stop()
            return
        try:
            next(self._work)
        except StopIteration as finished:
            done = self._done
            self.cancel()
            if done is not None:
                done(finished.value)
