"""Files the system hands over while Tandem runs: macOS Finder's "Open With", a drop on the Dock icon.

macOS never starts a second copy of an app with the files on its command line; it sends the
running app an Apple event, which Qt delivers to the QApplication as one QFileOpenEvent per file.
:class:`FileOpenRouter` filters those events and routes them the way a drop is routed: the first
file goes to A, the next to B, two handed over together go to both sides, and a file that would
replace one being read goes to a new window instead (so does a pair, unless the window is empty).

Finder hands several files over as separate events a few milliseconds apart, so events are
collected for :data:`BATCH_MS` before they are routed: two files chosen together stay a pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent

from reader.app.instance import new_window, raise_window
from reader.app.sources import Source, WebLink, parse_source
from reader.core.marks import Side
from reader.core.read.fetch import looks_like_url

if TYPE_CHECKING:
    from reader.app.window.main_window import MainWindow

BATCH_MS = 120  # longer than the gap between the events of one hand-over, short enough to go unnoticed
MAX_FILES_AT_ONCE = 8  # four windows; more is a slip of the mouse, not a reading session

__all__ = ["BATCH_MS", "MAX_FILES_AT_ONCE", "FileOpenRouter", "install_file_open_router", "source_from_event"]


def source_from_event(event: QFileOpenEvent) -> Source | None:
    """The file (or http(s) link) a QFileOpenEvent names, or None when it names neither."""
    name = event.file()
    if name:
        return parse_source(name)
    url = event.url()
    if url.isLocalFile():
        return parse_source(url.toLocalFile())
    link = looks_like_url(url.toString())
    return WebLink(link) if link is not None else None


def requested_sides(window: MainWindow) -> tuple[Source | None, Source | None]:
    """What ``window`` shows or is about to show: a request being worked on counts as shown.

    ``window.paths`` changes only once a result is painted, so two files opened a moment apart
    would otherwise both land on the side that was empty before either arrived.
    """
    request = window.service.current_request
    if request is not None:
        return request.path_a, request.path_b
    return window.paths[Side.A], window.paths[Side.B]


class FileOpenRouter(QObject):
    """Routes QFileOpenEvents on the application to the window (or to new windows)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window: MainWindow | None = None
        self._target: MainWindow | None = None  # the window files went to last
        self._pending: list[Source] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BATCH_MS)
        self._timer.timeout.connect(self.flush)

    def attach(self, window: MainWindow) -> None:
        """Route to ``window`` from now on; files that arrived before it existed are opened now."""
        self.window = window
        if self._pending:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return super().eventFilter(watched, event)
        source = source_from_event(event)
        if source is not None:
            self._pending.append(source)
            self._timer.start()  # restarted by each event of the same hand-over
        return True

    def flush(self) -> list[MainWindow]:
        """Open what has arrived; returns the windows that received files (for tests)."""
        if self.window is None or not self._pending:
            return []
        sources, self._pending = self._pending, []
        if len(sources) > MAX_FILES_AT_ONCE:
            self.window.show_message(
                f"{len(sources)} files were opened at once; Tandem opened the first {MAX_FILES_AT_ONCE}.", "info"
            )
            sources = sources[:MAX_FILES_AT_ONCE]
        return self.route(sources)

    def route(self, sources: Sequence[Source]) -> list[MainWindow]:
        """Open ``sources`` by the rules of a drop; returns the windows that received them."""
        queue = list(sources)
        touched: list[MainWindow] = []
        while queue:
            target = self._current_target()
            side_a, side_b = requested_sides(target)
            if len(queue) >= 2:
                if side_a is not None or side_b is not None:
                    target = self._fresh_window(target)
                target.open_paths(queue.pop(0), queue.pop(0))
            elif side_a is None:
                target.open_paths(queue.pop(0), side_b)
            elif side_b is None:
                target.open_paths(side_a, queue.pop(0))
            else:
                target = self._fresh_window(target)
                target.open_paths(queue.pop(0), None)
            if target not in touched:
                touched.append(target)
        for window in touched:
            raise_window(window)
        return touched

    def _current_target(self) -> MainWindow:
        assert self.window is not None
        return self._target if self._target is not None else self.window

    def _fresh_window(self, beside: MainWindow) -> MainWindow:
        fresh = new_window(beside)
        self._target = fresh
        fresh.destroyed.connect(lambda *_args, gone=fresh: self._forget_target(gone))
        return fresh

    def _forget_target(self, gone: MainWindow) -> None:
        if self._target is gone:
            self._target = None


def install_file_open_router(app: QCoreApplication) -> FileOpenRouter:
    """A router filtering ``app``'s events (owned by ``app``); attach the window once it exists."""
    router = FileOpenRouter(app)
    app.installEventFilter(router)
    return router
