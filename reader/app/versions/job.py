"""A versions comparison in a process of its own: read, compare each version, summarise (no Qt).

The window starts one process per request (``runner``) and ends it when a newer request
comes, so nothing here checks for abandonment. The process is not daemonic, so the engine
may use worker processes of its own for large texts (``iter_versions``). Each version is sent
as soon as it is done, with the panes' style runs and location-bar marks computed here, so the
window only paints; the summary follows at the end without the comparisons it was built from
(the window has them already).
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection

from reader.app.sources import Source, WebLink
from reader.app.worker.runs import PaneRuns, runs_from_spans
from reader.core.marks import Side, pane_spans
from reader.core.model import CompareOptions, Document
from reader.core.overview import Overview, overview_marks
from reader.core.read.documents import DocumentError
from reader.core.read.fetch import load_source
from reader.core.versions import (
    Addition,
    FactRow,
    Overlap,
    SentenceState,
    VersionResult,
    VersionsError,
    iter_versions,
    summarise,
)
from reader.core.versions.inputs import Skipped, check_distinct
from reader.core.versions.run import check_version_count

PICKLE_PROTOCOL = pickle.HIGHEST_PROTOCOL


@dataclass(frozen=True, slots=True)
class VersionsRequest:
    """Compare ``sources[0]`` (the base) with every other source, in order."""

    serial: int
    sources: tuple[Source, ...]
    options: CompareOptions | None = None

    @property
    def base(self) -> Source:
        return self.sources[0]

    @property
    def versions(self) -> tuple[Source, ...]:
        return self.sources[1:]


@dataclass(frozen=True, slots=True)
class Loaded:
    """The base was read; ``kept`` are the positions (in ``request.versions``) being compared."""

    base: Document
    kept: tuple[int, ...]
    skipped: tuple[Skipped, ...]


@dataclass(frozen=True, slots=True)
class VersionDone:
    """One version compared with the base, with what both panes need to paint it."""

    result: VersionResult
    runs_a: PaneRuns
    runs_b: PaneRuns
    overview_a: Overview
    overview_b: Overview


@dataclass(frozen=True, slots=True)
class SummaryDone:
    """The parts of the VersionsResult that only all versions together give."""

    states: tuple[tuple[SentenceState, ...], ...]
    additions: tuple[tuple[Addition, ...], ...]
    facts: tuple[FactRow, ...]
    overlap: tuple[tuple[Overlap, ...], ...]
    from_base: tuple[Overlap, ...]
    in_base: tuple[Overlap, ...]


@dataclass(frozen=True, slots=True)
class JobFailed:
    """The request cannot be done; ``message`` is one line for the window."""

    message: str


JobMessage = Loaded | VersionDone | SummaryDone | JobFailed


def source_text(source: Source) -> str:
    """What the engine's loader takes: a path as a string, or the link's address."""
    return source.url if isinstance(source, WebLink) else str(source)


def version_done(result: VersionResult) -> VersionDone:
    comparison = result.comparison
    spans_a, spans_b = pane_spans(comparison, Side.A), pane_spans(comparison, Side.B)
    return VersionDone(
        result,
        runs_from_spans(spans_a),
        runs_from_spans(spans_b),
        overview_marks(comparison, Side.A, spans_a),
        overview_marks(comparison, Side.B, spans_b),
    )


SendMessage = Callable[[JobMessage], None]


def _read_all(request: VersionsRequest) -> tuple[Document, list[Document], list[int], list[Skipped]]:
    """The base (a DocumentError stops everything) and every version that can be read."""
    texts = [source_text(source) for source in request.sources]
    check_version_count(len(texts) - 1)
    check_distinct(texts)
    base = load_source(texts[0])
    documents: list[Document] = []
    kept: list[int] = []
    skipped: list[Skipped] = []
    for position, text in enumerate(texts[1:]):
        try:
            documents.append(load_source(text))
            kept.append(position)
        except DocumentError as error:
            skipped.append(Skipped(text, str(error)))
    if not documents:
        raise VersionsError("no version could be read: " + "; ".join(s.reason for s in skipped))
    return base, documents, kept, skipped


def run_request(request: VersionsRequest, send: SendMessage, workers: int | None = None) -> None:
    """Everything one request needs, each message handed to ``send`` as soon as it exists.

    Bad input ends in one :class:`JobFailed` line, never an exception.
    """
    try:
        base, documents, kept, skipped = _read_all(request)
        send(Loaded(base, tuple(kept), tuple(skipped)))
        options = request.options or CompareOptions()
        results: list[VersionResult] = []
        for result, _ in iter_versions(base, documents, options, workers=workers):
            results.append(result)
            send(version_done(result))
        summary = summarise(base, results, options)
        send(
            SummaryDone(
                summary.states, summary.additions, summary.facts, summary.overlap, summary.from_base, summary.in_base
            )
        )
    except (DocumentError, VersionsError) as error:
        send(JobFailed(str(error)))
    except MemoryError:
        send(JobFailed("Not enough memory to compare these versions."))
    except Exception as error:  # noqa: BLE001 - the window must hear of any engine bug in one line
        send(JobFailed(f"Could not compare the versions: {type(error).__name__}: {error}"))


def serve(conn: Connection, request: VersionsRequest) -> None:
    """The process's main function: one request, then exit (the window ends it sooner if it must)."""

    def send(message: JobMessage) -> None:
        conn.send_bytes(pickle.dumps(message, protocol=PICKLE_PROTOCOL))

    def watch_window() -> None:
        # The window never writes; end-of-file means it is gone: never linger as an orphan.
        with contextlib.suppress(EOFError, OSError):
            conn.recv_bytes()
        os._exit(0)

    threading.Thread(target=watch_window, name="tandem-versions-watch", daemon=True).start()
    gc.disable()  # the engine's values hold no cycles: collecting only slows the comparison
    try:
        run_request(request, send)
    except OSError:
        return  # the window closed its end while a result was being sent
