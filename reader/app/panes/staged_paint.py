"""Painting a large comparison without holding the event loop.

The panes' documents are filled a few hundred blocks per turn of the event loop (from a
zero-delay timer, never ``processEvents``) and swapped in when both are done; until then the
window stays usable and the progress bar says "painting". Small comparisons are painted at
once, as before: the steps only pay off above ``STAGED_CHARS``.
"""

from __future__ import annotations

from collections.abc import Callable, Generator

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextDocument

from reader.app.panes.reading_view import ReadingView
from reader.app.panes.render import FormatBook, PaneMap, pane_document_steps
from reader.app.panes.steps import Steps
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
        self._steps: Steps[Built] = Steps(self)
        self.result: CompareResult | None = None  # the one being painted

    @property
    def busy(self) -> bool:
        return self._steps.busy

    def cancel(self) -> None:
        """Drop the documents being filled (a newer result replaces this one)."""
        self._steps.stop()
        self.result = None

    def start(
        self,
        result: CompareResult,
        views: dict[Side, ReadingView],
        formats: dict[Side, FormatBook],
        done: Callable[[Built], None],
    ) -> None:
        self.cancel()
        self.result = result
        self._steps.start(self._fill(result, views, formats), lambda built: self._finish(built, done))

    def _finish(self, built: Built, done: Callable[[Built], None]) -> None:
        self.result = None
        done(built)

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
