"""What the window and the comparison process say to each other (no Qt).

Every message is a small frozen dataclass, pickled whole through the pipe (the child is
started with "spawn", so both ends import this module). The payloads (:class:`Job`,
:class:`Outcome`) are the same values as ever: a message adds one small object around them.

Window to child (:data:`ToChild`): :class:`Compare`, :class:`Cancel` (the user's Cancel: stop
a download), :class:`Ping`, :class:`Quit`. Child to window (:data:`FromChild`):
:class:`Started`, :class:`Progress`, :class:`FetchProgress`, :class:`Result`, :class:`Failed`,
:class:`Dropped` (abandoned for a newer job) and :class:`Pong`. ``kind`` names each one
("compare", "pong", ...) for logs and tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypedDict

from reader.app.sources import Source, WebLink
from reader.app.worker.runs import PaneRuns
from reader.core import CompareOptions
from reader.core.model import Comparison, Document
from reader.core.overview import Overview


class FetchOptions(TypedDict, total=False):
    """Keyword arguments for ``load_source`` when a side is a link (tests shorten the timeout)."""

    timeout: float
    total_timeout: float | None


class ChildFacts(TypedDict):
    """What the child tells about itself in a :class:`Pong`."""

    pid: int
    qt_loaded: bool


@dataclass(frozen=True, slots=True)
class Job:
    """What to compare: one or two sources (files or links; a missing side is left empty).

    The window's request and the child's job are this one value (plain, picklable values only),
    sent as it is; ``serial`` tells a newer request from an older one.
    """

    serial: int
    path_a: Source | None
    path_b: Source | None
    options: CompareOptions | None = None
    fetch_options: FetchOptions = field(default_factory=lambda: FetchOptions(), compare=False, repr=False)

    def has_links(self) -> bool:
        return isinstance(self.path_a, WebLink) or isinstance(self.path_b, WebLink)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the child sends back for a job: the documents, the comparison and the paint runs."""

    document_a: Document | None
    document_b: Document | None
    comparison: Comparison | None
    runs_a: PaneRuns
    runs_b: PaneRuns
    seconds: float
    worker_pid: int
    overview_a: Overview | None = None  # the location bar's marks, computed here once per comparison
    overview_b: Overview | None = None


class _Message:
    """What every message has: ``kind``, its name in logs and tests ("compare", "pong", ...)."""

    __slots__ = ()

    @property
    def kind(self) -> str:
        name = type(self).__name__
        return "".join(f"_{c.lower()}" if c.isupper() and k else c.lower() for k, c in enumerate(name))


@dataclass(frozen=True, slots=True)
class _AboutJob(_Message):
    serial: int  # the job the message is about


# Window to child.


@dataclass(frozen=True, slots=True)
class Compare(_Message):
    """Compare ``job``; a newer job abandons the one in progress."""

    job: Job


class Cancel(_AboutJob):
    """Stop the download of job ``serial`` (the comparison itself is abandoned by a newer job)."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Ping(_Message):
    """Answer with a :class:`Pong` carrying ``token`` (tests ask the child what it has loaded)."""

    token: int


@dataclass(frozen=True, slots=True)
class Quit(_Message):
    """End the child process."""


# Child to window.


@dataclass(frozen=True, slots=True)
class Pong(_Message):
    """The answer to :class:`Ping`: its ``token`` and what the child has loaded."""

    token: int
    facts: ChildFacts


class Started(_AboutJob):
    """Job ``serial`` is being computed."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Progress(_AboutJob):
    """How far job ``serial`` has come."""

    fraction: float  # of the whole job, 0 to 1
    stage: str  # what it does now: one of child.STAGES ("reading A", "aligning", ...)


@dataclass(frozen=True, slots=True)
class FetchProgress(_AboutJob):
    """Bytes of side ``side`` ("a" or "b") downloaded so far, and the total when known."""

    side: str
    received: int
    total: int | None


@dataclass(frozen=True, slots=True)
class Result(_AboutJob):
    """Job ``serial`` is done: ``outcome`` holds the documents, the comparison and the paint runs."""

    outcome: Outcome


@dataclass(frozen=True, slots=True)
class Failed(_AboutJob):
    """Job ``serial`` failed; ``message`` is one line for the window to show."""

    message: str


class Dropped(_AboutJob):
    """Job ``serial`` was abandoned for a newer one."""

    __slots__ = ()


ToChild = Compare | Cancel | Ping | Quit
FromChild = Started | Progress | FetchProgress | Result | Failed | Dropped | Pong
Message = ToChild | FromChild
SendToChild = Callable[[ToChild], None]
SendToWindow = Callable[[FromChild], None]
