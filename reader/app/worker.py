"""Run loading and comparison off the UI thread, newest request wins.

Each request carries a serial number. The worker skips a request that is already stale
when it reaches the front of the queue, aborts one that becomes stale while running (the
engine's progress callback is the checkpoint), and the service drops any result whose
serial is not the latest, so an old comparison can never overwrite a newer one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.app.runs import PaneRuns, runs_from_spans
from reader.core import CompareOptions, DocumentError, compare, load_document
from reader.core.marks import Side, pane_spans
from reader.core.model import Comparison, Document, Sentence

PROGRESS_STEP = 0.01  # coalesce progress reports: at most ~100 signals per comparison
LOAD_SHARE = 0.2  # share of the progress bar given to reading both files (measured ~20% on big pairs)


@dataclass(frozen=True, slots=True)
class CompareRequest:
    """What to show: one or two files; a missing side is simply left empty."""

    serial: int
    path_a: Path | None
    path_b: Path | None
    options: CompareOptions | None = None


@dataclass(frozen=True, slots=True)
class PaneContent:
    """Everything one pane needs to paint, computed in the worker."""

    path: Path
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


class _Cancelled(Exception):
    """Raised from the progress callback to abandon a comparison nobody waits for."""


class _Worker(QObject):
    finished = Signal(object)  # CompareResult
    failed = Signal(object, str)  # CompareRequest, message
    progress = Signal(int, float)  # serial, 0..1

    def __init__(self, latest_serial: Callable[[], int]) -> None:
        super().__init__()
        self._latest_serial = latest_serial

    @Slot(object)
    def run(self, request: CompareRequest) -> None:
        if request.serial != self._latest_serial():
            return  # a newer request is already queued behind this one
        started = time.perf_counter()
        try:
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
        doc_a = _load(request.path_a, "A")
        report(LOAD_SHARE / 2)
        doc_b = _load(request.path_b, "B")
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


def _load(path: Path | None, side: str) -> Document | None:
    if path is None:
        return None
    try:
        return load_document(path)
    except DocumentError as error:
        raise DocumentError(f"{side}: {error}") from error


class CompareService(QObject):
    """Owns the worker thread; the window submits requests and listens to these signals."""

    result_ready = Signal(object)  # CompareResult, only for the latest request
    failed = Signal(object, str)  # CompareRequest, one-line message
    progress = Signal(float)
    busy_changed = Signal(bool)
    stale_dropped = Signal(int)  # serial of a result computed but no longer wanted

    _submit = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest = 0
        self._busy = False
        self._thread = QThread(self)
        self._thread.setObjectName("tandem-compare")
        self._worker = _Worker(lambda: self._latest)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.progress.connect(self._on_progress)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def latest_serial(self) -> int:
        return self._latest

    def submit(
        self, path_a: Path | None, path_b: Path | None, options: CompareOptions | None = None
    ) -> CompareRequest:
        """Queue a request; any earlier one still running is abandoned or its result dropped."""
        self._latest += 1
        request = CompareRequest(self._latest, path_a, path_b, options)
        self._set_busy(True)
        self._submit.emit(request)
        return request

    def shutdown(self) -> None:
        """Stop the thread; a running comparison aborts at its next progress checkpoint."""
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
