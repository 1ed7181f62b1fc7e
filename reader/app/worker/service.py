"""Run loading and comparison in a separate process, newest request wins.

The engine is pure Python: run in a thread of the window's process it shares the GIL, and
under CPU load the event loop got one tick in over a second now and then. So a persistent
child process (``reader.app.worker.child``, started with "spawn", never fork, as Qt runs
threads) does the work and the window only waits on a pipe.

Each request carries a serial number. A newer request makes the child abandon the running
one at its next progress checkpoint; if the child does not start the newer one within
:data:`RESPONSE_TIMEOUT_MS` it is terminated and replaced. The service drops any message
whose serial is not the latest, so an old comparison can never overwrite a newer one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from reader.app.sources import Source
from reader.app.worker.child import FETCH_TIMEOUT_S, LOAD_SHARE, STAGES
from reader.app.worker.link import ProcessLink
from reader.app.worker.messages import (
    Cancel,
    Compare,
    Dropped,
    Failed,
    FetchOptions,
    FetchProgress,
    FromChild,
    Job,
    Outcome,
    Ping,
    Pong,
    Progress,
    Result,
    Started,
)
from reader.app.worker.runs import PaneRuns
from reader.core import CompareOptions
from reader.core.model import Comparison, Document, Sentence
from reader.core.overview import Overview

__all__ = ["LOAD_SHARE", "STAGES", "CompareRequest", "CompareResult", "CompareService", "PaneContent"]

# How long the child may take to start a newer request (it checks at every progress report,
# many per second) before it is presumed stuck and replaced.
RESPONSE_TIMEOUT_MS = 3000


# What the window asks for is what the child computes: one value (see messages.Job).
CompareRequest = Job


@dataclass(frozen=True, slots=True)
class PaneContent:
    """Everything one pane needs to paint, computed in the worker (``path`` may be a WebLink)."""

    path: Source
    document: Document
    sentences: tuple[Sentence, ...] = ()
    runs: PaneRuns = field(default_factory=lambda: PaneRuns(()))
    overview: Overview | None = None  # location bar marks (None without a comparison)


@dataclass(frozen=True, slots=True)
class CompareResult:
    request: CompareRequest
    a: PaneContent | None
    b: PaneContent | None
    comparison: Comparison | None
    seconds: float
    worker_pid: int | None = None  # the process that computed it (tests check it is not the window's)


def result_from_outcome(request: CompareRequest, outcome: Outcome) -> CompareResult:
    """Pair the child's documents and runs with the request's sources."""
    comparison = outcome.comparison
    panes: list[PaneContent | None] = []
    for source, document, runs, overview, side in (
        (request.path_a, outcome.document_a, outcome.runs_a, outcome.overview_a, "a"),
        (request.path_b, outcome.document_b, outcome.runs_b, outcome.overview_b, "b"),
    ):
        if source is None or document is None:
            panes.append(None)
        elif comparison is None:
            panes.append(PaneContent(source, document))
        else:
            sentences = comparison.sentences_a if side == "a" else comparison.sentences_b
            panes.append(PaneContent(source, document, sentences, runs, overview))
    return CompareResult(request, panes[0], panes[1], comparison, outcome.seconds, outcome.worker_pid)


class CompareService(QObject):
    """Owns the comparison process; the window submits requests and listens to these signals."""

    result_ready = Signal(object)  # CompareResult, only for the latest request
    failed = Signal(object, str)  # CompareRequest, one-line message
    progress = Signal(float)
    stage_changed = Signal(str)  # one of child.STAGES, when the child moves on
    busy_changed = Signal(bool)
    fetch_progress = Signal(str, int, object)  # side "a"/"b", bytes received, total bytes or None
    stale_dropped = Signal(int)  # serial of a result computed but no longer wanted
    restarted = Signal()  # the child did not answer and was replaced

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest = 0
        self._busy = False
        self._current: CompareRequest | None = None
        self._running_serial: int | None = None  # the job the child said it started
        self._stage = ""  # the latest request's stage as last reported
        # Keyword arguments for fetch_url (tests shorten the timeout).
        self.fetch_options: FetchOptions = {"timeout": FETCH_TIMEOUT_S}
        self._link = ProcessLink(self)
        self._link.message.connect(self._on_message)
        self._link.lost.connect(self._on_lost)
        self.response_timeout_ms = RESPONSE_TIMEOUT_MS  # tests shorten it
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._on_unresponsive)

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def latest_serial(self) -> int:
        return self._latest

    @property
    def current_request(self) -> CompareRequest | None:
        """The latest request while it is being worked on, else None."""
        return self._current if self._busy else None

    @property
    def worker_pid(self) -> int | None:
        return self._link.pid

    def start(self) -> None:
        """Start the process now (after the window shows) so the first comparison does not wait for it."""
        self._link.ensure_started()

    def submit(
        self, path_a: Source | None, path_b: Source | None, options: CompareOptions | None = None
    ) -> CompareRequest:
        """Queue a request; any earlier one still running is abandoned or its result dropped."""
        self._latest += 1
        request = CompareRequest(self._latest, path_a, path_b, options, fetch_options=self.fetch_options.copy())
        self._current = request
        self._stage = ""
        self._set_busy(True)
        replacing = self._running_serial is not None
        self._link.send(Compare(request))
        if replacing:
            # The child must leave the old job for this one promptly, or be replaced.
            self._watchdog.start(self.response_timeout_ms)
        return request

    def cancel(self) -> None:
        """Stop the download of the latest request; the window then hears ``failed`` ("cancelled")."""
        if self._current is not None and self._busy:
            self._link.send(Cancel(self._current.serial))

    def ping(self, token: int = 0) -> None:
        """Ask the child about itself; the answer arrives as a :class:`Pong` message."""
        self._link.send(Ping(token))

    def shutdown(self) -> None:
        """Stop the process: it is asked to quit, and terminated if it does not."""
        self._latest += 1
        self._watchdog.stop()
        self._link.stop()

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    @Slot(object)
    def _on_message(self, message: FromChild) -> None:
        if isinstance(message, Pong):
            return
        serial = message.serial
        if isinstance(message, Started):
            self._running_serial = serial
            if serial == self._latest:
                self._watchdog.stop()
            return
        if isinstance(message, Result | Failed | Dropped):
            self._running_serial = None
            if serial == self._latest:
                self._watchdog.stop()
        if serial != self._latest or self._current is None:
            if isinstance(message, Result):
                self.stale_dropped.emit(serial)
            return
        request = self._current
        match message:
            case Progress(fraction=fraction, stage=stage):
                if stage != self._stage:
                    self._stage = stage
                    self.stage_changed.emit(stage)
                self.progress.emit(fraction)
            case FetchProgress(side=side, received=received, total=total):
                self.fetch_progress.emit(side, received, total)
            case Result(outcome=outcome):
                # Still busy while the window paints the result, so its progress bar can say so.
                self.result_ready.emit(result_from_outcome(request, outcome))
                self._set_busy(False)
            case Failed(message=text):
                self._set_busy(False)
                self.failed.emit(request, text)

    @Slot()
    def _on_unresponsive(self) -> None:
        """The child is stuck in the old job: replace it and hand the new one to the new child."""
        self._link.restart()
        self._running_serial = None
        self.restarted.emit()
        if self._current is not None and self._busy:
            self._link.send(Compare(self._current))

    @Slot(str)
    def _on_lost(self, reason: str) -> None:
        """The child died (killed, out of memory): report the latest request as failed."""
        self._running_serial = None
        self._watchdog.stop()
        if self._current is not None and self._busy:
            self._set_busy(False)
            self.failed.emit(self._current, f"The comparison stopped unexpectedly ({reason}); try again.")
