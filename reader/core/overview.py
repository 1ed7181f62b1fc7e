"""The location bar's marks: where in each text the changes, unique and moved sentences are.

Computed once per comparison (in the worker process) as character ranges of
``Document.text``; a view turns them into pixel rows with :func:`mark_rows` once per bar
height and paints that cached list. Positions are shares of the text's length, so the
marks never wait for a widget's text layout and stay put while it is laid out lazily.

Adding a mark kind (as the "fact" marks did) takes three steps, all in this module
and the palette: a :class:`MarkKind` member, a function in :data:`MARK_SOURCES` that
yields its ranges, and a lane in :data:`LANES`; the colour comes from the palette role of
the same name (``reader.export.palette.OVERVIEW_ROLES``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from reader.core.marks import SentenceSpan, Side, SpanKind, pane_spans
from reader.core.model import Comparison, FactStatus


class MarkKind(StrEnum):
    """What a mark in the location bar stands for; members are painted in this order."""

    ONLY = "only"  # a sentence present in this text only
    MOVED = "moved"  # a sentence that sits elsewhere in the other text
    CHANGED = "changed"  # words deleted (in A) or inserted (in B)
    FACT = "fact"  # a number, date, name, negation, certainty word or quotation that differs


@dataclass(frozen=True, slots=True)
class OverviewMark:
    kind: MarkKind
    start: int  # character offsets into Document.text, ``start <= end``
    end: int


@dataclass(frozen=True, slots=True)
class Overview:
    """All marks of one pane, sorted by kind then start, and the text length they refer to."""

    length: int
    marks: tuple[OverviewMark, ...]

    def count(self, kind: MarkKind) -> int:
        return sum(1 for mark in self.marks if mark.kind is kind)


# Horizontal lane of each kind as shares of the bar's width: whole sentences fill the bar,
# word changes sit in the middle so a moved sentence with edits shows both.
LANES: dict[MarkKind, tuple[float, float]] = {
    MarkKind.ONLY: (0.0, 1.0),
    MarkKind.MOVED: (0.0, 1.0),
    MarkKind.CHANGED: (0.25, 0.75),
    MarkKind.FACT: (0.0, 0.25),  # the inner edge, beside the word changes
}

MarkSource = Callable[[Comparison, Side, list[SentenceSpan]], Iterable[OverviewMark]]


def _sentence_marks(_comparison: Comparison, _side: Side, spans: list[SentenceSpan]) -> Iterable[OverviewMark]:
    for span in spans:
        if span.kind is SpanKind.ONLY:
            yield OverviewMark(MarkKind.ONLY, span.start, span.end)
        elif span.kind is SpanKind.MOVED:
            yield OverviewMark(MarkKind.MOVED, span.start, span.end)


def _change_marks(_comparison: Comparison, _side: Side, spans: list[SentenceSpan]) -> Iterable[OverviewMark]:
    for span in spans:
        for start, end in span.changes:
            yield OverviewMark(MarkKind.CHANGED, start, end)


def _fact_marks(comparison: Comparison, side: Side, _spans: list[SentenceSpan]) -> Iterable[OverviewMark]:
    """The spans of this side's fact items; quotations found word for word are no news."""
    for fact in comparison.facts:
        span = fact.a if side is Side.A else fact.b
        if span is not None and fact.status is not FactStatus.VERBATIM:
            yield OverviewMark(MarkKind.FACT, span[0], span[1])


# Every function here contributes marks; a new kind appends its own.
MARK_SOURCES: list[MarkSource] = [_sentence_marks, _change_marks, _fact_marks]


def overview_marks(comparison: Comparison, side: Side, spans: list[SentenceSpan] | None = None) -> Overview:
    """The marks of one pane (``spans`` may be passed when the caller has them already)."""
    if spans is None:
        spans = pane_spans(comparison, side)
    document = comparison.a if side is Side.A else comparison.b
    marks = [mark for source in MARK_SOURCES for mark in source(comparison, side, spans)]
    order = {kind: number for number, kind in enumerate(MarkKind)}
    marks.sort(key=lambda mark: (order[mark.kind], mark.start))
    return Overview(len(document.text), tuple(marks))


@dataclass(frozen=True, slots=True)
class MarkRow:
    """A band of pixel rows ``[top, bottom)`` painted in one kind's colour."""

    kind: MarkKind
    top: int
    bottom: int


def mark_rows(overview: Overview, height: int, min_px: int = 2) -> list[MarkRow]:
    """Marks as pixel bands for a bar ``height`` pixels tall; touching bands of a kind merge.

    Each mark is at least ``min_px`` tall so a one-word change stays visible on a book; on
    the large revisions pair (3,661 differences) this leaves a few hundred bands to paint.
    """
    if height <= 0 or overview.length <= 0:
        return []
    scale = height / overview.length
    rows: list[MarkRow] = []
    for mark in overview.marks:  # sorted by kind, then start: merging needs only the last band
        top = min(height - 1, int(mark.start * scale))
        bottom = min(height, max(top + min_px, int(mark.end * scale + 0.999)))
        last = rows[-1] if rows else None
        if last is not None and last.kind is mark.kind and top <= last.bottom:
            if bottom > last.bottom:
                rows[-1] = MarkRow(mark.kind, last.top, bottom)
            continue
        rows.append(MarkRow(mark.kind, top, bottom))
    return rows
