"""Run loading and comparison off the UI thread, newest request wins.

Each request carries a serial number. The worker skips a request that is already stale
when it reaches the front of the queue, aborts one that becomes stale while running (the
engine's progress callback is the checkpoint), and the service drops any result whose
serial is not the latest, so an old comparison can never overwrite a newer one.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.app.runs import PaneRuns, runs_from_spans
from reader.app.sources import Source, WebLink
from reader.core import CompareOptions, DocumentError, compare, load_document
from reader.core.documents import fetch_url
from reader.core.marks import Side, pane_spans
from reader.core.model import Comparison, Document, Sentence

PROGRESS_STEP = 0.01  # coalesce progress reports: at most ~100 signals per comparison
LOAD_SHARE = 0.2  # share of the progress bar given to reading both files (measured ~20% on big pairs)
FETCH_TIMEOUT_S = 15.0  # per network wait; the whole download may take four times this
FETCH_POLL_S = 0.05  # how often a worker waiting for a download checks for Cancel


@dataclass(frozen=True, slots=True)
class CompareRequest:
    """What to show: one or two sources (files or links); a missing side is simply left empty.

    ``cancel`` is set by Cancel in the window or by a newer request; a download stops at once.
    """

    serial: int
    path_a: Source | None
    path_b: Source | None
    options: CompareOptions | None = None
    cancel: threading.Event = field(default_factory=threading.Event, compare=False, repr=False)
    fetch_options: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def has_links(self) -> bool:
        return isinstance(self.path_a, WebLink) or isinstance(self.path_b, WebLink)


@dataclass(frozen=True, slots=True)
class PaneContent:
    """Everything one pane needs to paint, computed in the worker (``path`` may be a WebLink)."""

    path: Source
    document: Document
    sentences: tuple[Sentence, ...] = ()
    runs: PaneRuns = field(default_factory=lambda: PaneRuns(()))


@dataclass(frozen=True, slots=True)
class CompareResult:
    request: CompareRequest
    a: PaneContent | None
    b: PaneContent | None
    comparison: Comparison | None
    seconds: float


class _PausedCollector:
    """Keep Python's cyclic garbage collector off while any worker computes.

    Measured (see the flaky tick test): the UI thread stalled exactly while the worker ran
    full (generation 2) collections, 0.1-0.4 s each and several per comparison, growing with
    the heap; a collection holds the GIL, so no timer, paint or click can run meanwhile.
    The engine's values are acyclic and freed by reference counting, so pausing the
    collector for a comparison costs no memory worth measuring. Afterwards the worker
    collects the young generations itself, so the UI thread does not inherit that work.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._resume = False

    def __enter__(self) -> None:
        with self._lock:
            if self._depth == 0:
                self._resume = gc.isenabled()
                gc.disable()
            self._depth += 1

    def __exit__(self, *_exc: object) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth or not self._resume:
                return
            gc.enable()
        gc.collect(1)


PAUSED_COLLECTOR = _PausedCollector()


class _Cancelled(Exception):
    """Raised from the progress callback to abandon a comparison nobody waits for."""


class _Worker(QObject):
    finished = Signal(object)  # CompareResult
    failed = Signal(object, str)  # CompareRequest, message
    progress = Signal(int, float)  # serial, 0..1
    fetch_progress = Signal(int, str, int, object)  # serial, side "a"/"b", bytes received, total or None

    def __init__(self, latest_serial: Callable[[], int]) -> None:
        super().__init__()
        self._latest_serial = latest_serial

    @Slot(object)
    def run(self, request: CompareRequest) -> None:
        if request.serial != self._latest_serial():
            return  # a newer request is already queued behind this one
        started = time.perf_counter()
        try:
            with PAUSED_COLLECTOR:
                result = self._compute(request, started)
        except _Cancelled:
            return
        except DocumentError as error:
            self.failed.emit(request, str(error))
        except MemoryError:
            self.failed.emit(request, "Not enough memory to compare these files.")
        except Exception as error:  # noqa: BLE001 - the window must survive any engine bug
            self.failed.emit(request, f"Could not compare the files: {type(error).__name__}: {error}")
        else:
            self.finished.emit(result)

    def _compute(self, request: CompareRequest, started: float) -> CompareResult:
        last_reported = -1.0

        def report(fraction: float) -> None:
            # Also the cancellation checkpoint: a newer request makes this one pointless.
            nonlocal last_reported
            if request.serial != self._latest_serial():
                raise _Cancelled
            if fraction - last_reported >= PROGRESS_STEP or fraction >= 1.0:
                last_reported = fraction
                self.progress.emit(request.serial, float(fraction))

        report(0.0)
        doc_a = self._load(request, request.path_a, "A")
        report(LOAD_SHARE / 2)
        doc_b = self._load(request, request.path_b, "B")
        if doc_a is None or doc_b is None:
            single = PaneContent(request.path_a, doc_a) if doc_a else None
            other = PaneContent(request.path_b, doc_b) if doc_b else None
            return CompareResult(request, single, other, None, time.perf_counter() - started)
        report(LOAD_SHARE)

        def compare_progress(fraction: float) -> None:
            report(LOAD_SHARE + (1.0 - LOAD_SHARE) * fraction)

        comparison = compare(doc_a, doc_b, options=request.options, progress=compare_progress)
        pane_a = PaneContent(
            request.path_a, doc_a, comparison.sentences_a, runs_from_spans(pane_spans(comparison, Side.A))
        )
        pane_b = PaneContent(
            request.path_b, doc_b, comparison.sentences_b, runs_from_spans(pane_spans(comparison, Side.B))
        )
        return CompareResult(request, pane_a, pane_b, comparison, time.perf_counter() - started)


    def _load(self, request: CompareRequest, source: Source | None, side: str) -> Document | None:
        if source is None:
            return None
        try:
            if isinstance(source, WebLink):
                return self._fetch(request, source, side)
            return load_document(source)
        except DocumentError as error:
            raise DocumentError(f"{side}: {error}") from error

    def _fetch(self, request: CompareRequest, link: WebLink, side: str) -> Document:
        """Download in a helper thread while this one waits, so Cancel works even mid-read.

        fetch_url checks its cancel event only between chunks; a server that stalls would
        otherwise keep the worker (and every later request) waiting for the network timeout.
        The abandoned download ends by itself at its next chunk or timeout.
        """
        outcome: dict[str, Any] = {}

        def progress(received: int, total: int | None) -> None:
            self.fetch_progress.emit(request.serial, side.lower(), received, total)

        def download() -> None:
            try:
                outcome["document"] = fetch_url(
                    link.url, progress=progress, cancel=request.cancel,
                    **{"timeout": FETCH_TIMEOUT_S, **request.fetch_options},
                )
            except BaseException as error:  # noqa: BLE001 - handed to the worker, which reports it
                outcome["error"] = error

        thread = threading.Thread(target=download, name=f"tandem-fetch-{side}", daemon=True)
        progress(0, None)
        thread.start()
        while thread.is_alive():
            thread.join(FETCH_POLL_S)
            if request.cancel.is_set() or request.serial != self._latest_serial():
                if request.serial != self._latest_serial():
                    raise _Cancelled
                raise DocumentError(f"{link.name}: download cancelled")
        if "error" in outcome:
            raise outcome["error"]
        return outcome["document"]


class CompareService(QObject):
    """Owns the worker thread; the window submits requests and listens to these signals."""

    result_ready = Signal(object)  # CompareResult, only for the latest request
    failed = Signal(object, str)  # CompareRequest, one-line message
    progress = Signal(float)
    busy_changed = Signal(bool)
    fetch_progress = Signal(str, int, object)  # side "a"/"b", bytes received, total bytes or None
    stale_dropped = Signal(int)  # serial of a result computed but no longer wanted

    _submit = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest = 0
        self._busy = False
        self._current: CompareRequest | None = None
        # Keyword arguments for fetch_url (tests shorten the timeout).
        self.fetch_options: dict[str, Any] = {"timeout": FETCH_TIMEOUT_S}
        self._thread = QThread(self)
        self._thread.setObjectName("tandem-compare")
        self._worker = _Worker(lambda: self._latest)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.progress.connect(self._on_progress)
        self._worker.fetch_progress.connect(self._on_fetch_progress)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def latest_serial(self) -> int:
        return self._latest

    def submit(
        self, path_a: Source | None, path_b: Source | None, options: CompareOptions | None = None
    ) -> CompareRequest:
        """Queue a request; any earlier one still running is abandoned or its result dropped."""
        self.cancel()  # an older download stops now rather than at its next chunk
        self._latest += 1
        request = CompareRequest(self._latest, path_a, path_b, options, fetch_options=dict(self.fetch_options))
        self._current = request
        self._set_busy(True)
        self._submit.emit(request)
        return request

    def cancel(self) -> None:
        """Stop the download of the latest request; the window then hears ``failed`` ("cancelled")."""
        if self._current is not None:
            self._current.cancel.set()

    def shutdown(self) -> None:
        """Stop the thread; a running comparison aborts at its next progress checkpoint."""
        self.cancel()
        self._latest += 1
        self._thread.quit()
        self._thread.wait()

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    @Slot(object)
    def _on_finished(self, result: CompareResult) -> None:
        if result.request.serial != self._latest:
            self.stale_dropped.emit(result.request.serial)
            return
        self._set_busy(False)
        self.result_ready.emit(result)

    @Slot(object, str)
    def _on_failed(self, request: CompareRequest, message: str) -> None:
        if request.serial != self._latest:
            return
        self._set_busy(False)
        self.failed.emit(request, message)

    @Slot(int, float)
    def _on_progress(self, serial: int, fraction: float) -> None:
        if serial == self._latest:
            self.progress.emit(fraction)

    @Slot(int, str, int, object)
    def _on_fetch_progress(self, serial: int, side: str, received: int, total: object) -> None:
        if serial == self._latest:
            self.fetch_progress.emit(side, received, total)
