"""The comparison process: reads both sources and compares them away from the window (no Qt).

Runs in a child started with multiprocessing's "spawn" context, so it has its own
interpreter and its own GIL: however long a comparison or a garbage collection takes here,
the window's event loop never waits for it. Only ``reader.core`` and the Qt-free helpers
``reader.app.worker.runs`` / ``messages`` and ``reader.app.sources`` are imported.

The messages both ways are the dataclasses of ``reader.app.worker.messages``, pickled.
"""

from __future__ import annotations

import gc
import os
import pickle
import queue
import sys
import threading
import time
from multiprocessing.connection import Connection

from reader.app.sources import Source, WebLink
from reader.app.worker import messages
from reader.app.worker.runs import PaneRuns, runs_from_spans
from reader.core import DocumentError, compare, load_document
from reader.core.marks import Side, pane_spans
from reader.core.model import Document
from reader.core.overview import overview_marks
from reader.core.read.fetch import load_source

PROGRESS_STEP = 0.01  # coalesce progress reports: at most ~100 messages per comparison
LOAD_SHARE = 0.2  # share of the progress bar given to reading both files (measured ~20% on big pairs)
FETCH_TIMEOUT_S = 15.0  # per network wait; the whole download may take four times this
FETCH_POLL_S = 0.05  # how often a job waiting for a download checks for Cancel
PICKLE_PROTOCOL = pickle.HIGHEST_PROTOCOL
# What the child is doing, in order; the window names it beside the progress bar ("painting"
# is the window's own last stage). Each starts where the engine's progress says the one
# before has ended (compare() reports 0.05 after splitting and 0.8 when alignment is done).
STAGES = ("reading A", "reading B", "splitting", "aligning", "diffing", "painting")
ALIGN_FROM, DIFF_FROM = 0.05, 0.8


def compare_stage(fraction: float) -> str:
    """The engine's stage after it reported ``fraction`` of its work."""
    if fraction < ALIGN_FROM:
        return "splitting"
    return "aligning" if fraction < DIFF_FROM else "diffing"


class _Abandoned(Exception):
    """Raised at a checkpoint when a newer job arrived or the window went away."""


class _ChildState:
    """What the child's reader thread learns while the main thread computes."""

    def __init__(self) -> None:
        self.latest = 0  # serial of the newest job received
        self.cancelled: set[int] = set()  # jobs whose download the user cancelled
        self.lock = threading.Lock()

    def is_stale(self, serial: int) -> bool:
        return serial != self.latest

    def cancel_requested(self, serial: int) -> bool:
        with self.lock:
            return serial in self.cancelled


def serve(conn: Connection) -> None:
    """The child's main function: answer jobs until ``quit`` or until the window's end closes."""
    state = _ChildState()
    inbox: queue.SimpleQueue[messages.Job | None] = queue.SimpleQueue()
    send_lock = threading.Lock()

    def send(message: messages.FromChild) -> None:
        # Download progress comes from a helper thread while the main thread may be sending.
        data = pickle.dumps(message, protocol=PICKLE_PROTOCOL)
        with send_lock:
            conn.send_bytes(data)

    def listen() -> None:
        # A thread of its own, so a newer job or Cancel is seen while a comparison runs.
        while True:
            try:
                message: messages.ToChild = pickle.loads(conn.recv_bytes())
            except (EOFError, OSError):
                os._exit(0)  # the window's process is gone: never linger as an orphan
            match message:
                case messages.Compare(job=job):
                    state.latest = job.serial
                    inbox.put(job)
                case messages.Cancel(serial=serial):
                    with state.lock:
                        state.cancelled.add(serial)
                case messages.Ping(token=token):
                    qt_loaded = any(name.startswith("PySide6") for name in sys.modules)
                    send(messages.Pong(token, messages.ChildFacts(pid=os.getpid(), qt_loaded=qt_loaded)))
                case messages.Quit():
                    state.latest = -1  # every job is stale now: a running one stops at its next checkpoint
                    inbox.put(None)
                    return

    threading.Thread(target=listen, name="tandem-compare-inbox", daemon=True).start()
    while True:
        job = inbox.get()
        if job is None:
            return
        if state.is_stale(job.serial):
            continue  # a newer job is already queued behind this one
        send(messages.Started(job.serial))
        _run_job(job, state, send)


def _run_job(job: messages.Job, state: _ChildState, send: messages.SendToWindow) -> None:
    started = time.perf_counter()
    # A collection here cannot freeze the window any more, but the engine's values are
    # acyclic, so pausing the collector simply makes the comparison faster.
    gc.disable()
    try:
        outcome = _compute(job, state, send, started)
        send(messages.Result(job.serial, outcome))
    except _Abandoned:
        send(messages.Dropped(job.serial))
    except DocumentError as error:
        send(messages.Failed(job.serial, str(error)))
    except MemoryError:
        send(messages.Failed(job.serial, "Not enough memory to compare these files."))
    except Exception as error:  # noqa: BLE001 - the window must survive any engine bug
        send(messages.Failed(job.serial, f"Could not compare the files: {type(error).__name__}: {error}"))
    finally:
        gc.enable()
        with state.lock:
            state.cancelled.discard(job.serial)
    gc.collect()  # while idle, where nobody waits for it


def _compute(job: messages.Job, state: _ChildState, send: messages.SendToWindow, started: float) -> messages.Outcome:
    last_reported, last_stage = -1.0, ""

    def report(fraction: float, stage: str) -> None:
        # Also the checkpoint where a job that a newer one replaced is abandoned.
        nonlocal last_reported, last_stage
        if state.is_stale(job.serial):
            raise _Abandoned
        if fraction - last_reported >= PROGRESS_STEP or fraction >= 1.0 or stage != last_stage:
            last_reported, last_stage = fraction, stage
            send(messages.Progress(job.serial, float(fraction), stage))

    report(0.0, "reading A")
    doc_a = _load(job, job.path_a, "A", state, send)
    report(LOAD_SHARE / 2, "reading B")
    doc_b = _load(job, job.path_b, "B", state, send)
    empty = PaneRuns(())
    if doc_a is None or doc_b is None:
        return messages.Outcome(doc_a, doc_b, None, empty, empty, time.perf_counter() - started, os.getpid())
    report(LOAD_SHARE, "splitting")

    def compare_progress(fraction: float) -> None:
        report(LOAD_SHARE + (1.0 - LOAD_SHARE) * fraction, compare_stage(fraction))

    comparison = compare(doc_a, doc_b, options=job.options, progress=compare_progress)
    spans_a, spans_b = pane_spans(comparison, Side.A), pane_spans(comparison, Side.B)
    return messages.Outcome(
        doc_a,
        doc_b,
        comparison,
        runs_from_spans(spans_a),
        runs_from_spans(spans_b),
        time.perf_counter() - started,
        os.getpid(),
        overview_marks(comparison, Side.A, spans_a),
        overview_marks(comparison, Side.B, spans_b),
    )


def _load(
    job: messages.Job, source: Source | None, side: str, state: _ChildState, send: messages.SendToWindow
) -> Document | None:
    if source is None:
        return None
    try:
        if isinstance(source, WebLink):
            return _fetch(job, source, side, state, send)
        return load_document(source)  # a path is never fetched, even one that looks like a link
    except DocumentError as error:
        raise DocumentError(f"{side}: {error}") from error


def _fetch(job: messages.Job, link: WebLink, side: str, state: _ChildState, send: messages.SendToWindow) -> Document:
    """Download in a helper thread while this one waits, so messages.Cancel works even mid-read.

    fetch_url checks its cancel event only between chunks; a server that stalls would
    otherwise keep the child (and every later job) waiting for the network timeout.
    The abandoned download ends by itself at its next chunk or timeout.
    """
    documents: list[Document] = []  # what the download thread hands back: one document or one error
    errors: list[BaseException] = []
    cancel = threading.Event()

    def progress(received: int, total: int | None) -> None:
        send(messages.FetchProgress(job.serial, side.lower(), received, total))

    def download() -> None:
        try:
            options: messages.FetchOptions = {"timeout": FETCH_TIMEOUT_S, **job.fetch_options}
            documents.append(load_source(link.url, progress=progress, cancel=cancel, **options))
        except BaseException as error:  # noqa: BLE001 - handed to the job, which reports it
            errors.append(error)

    thread = threading.Thread(target=download, name=f"tandem-fetch-{side}", daemon=True)
    progress(0, None)
    thread.start()
    while thread.is_alive():
        thread.join(FETCH_POLL_S)
        if state.is_stale(job.serial):
            cancel.set()
            raise _Abandoned
        if state.cancel_requested(job.serial):
            cancel.set()
            raise DocumentError(f"{link.name}: download cancelled")
    if errors:
        raise errors[0]
    return documents[0]
