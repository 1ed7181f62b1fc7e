"""What to highlight in each pane: the one place that turns a Comparison into marks.

Every view (the window, the HTML report, the terminal) paints the same marks, so the policy
of what is shown lives here and not in any view.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reader.core.model import Comparison, Op, UnitKind


class Side(StrEnum):
    A = "a"
    B = "b"


class SpanKind(StrEnum):
    """How a sentence (or group of sentences) is shown as a whole."""

    IDENTICAL = "identical"  # the same words on both sides
    EDITED = "edited"  # most words kept, some changed
    REWRITTEN = "rewritten"  # the same sentence in other words (a paraphrase)
    MOVED = "moved"  # kept, but at another place in the other text
    ONLY = "only"  # in this text only


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    """A unit's sentences on one side (or one unique sentence) with its word changes.

    ``changes`` are character ranges deleted (side A) or inserted (side B) inside the span.
    ``unit`` is the index into ``Comparison.units`` (None for a unique sentence);
    ``sentences`` are the sentence indices it covers on this side.
    """

    start: int
    end: int
    kind: SpanKind
    unit: int | None
    sentences: tuple[int, ...]
    changes: tuple[tuple[int, int], ...]
    edited: bool  # for moved spans: whether the words changed too


def pane_spans(comparison: Comparison, side: Side) -> list[SentenceSpan]:
    """Spans of one pane in reading order, covering every sentence of that side once."""
    sentences = comparison.sentences_a if side is Side.A else comparison.sentences_b
    spans: list[SentenceSpan] = []
    shown: set[int] = set()
    # A sentence split into pieces that lie apart is in several units; its pane shows it once,
    # with the unit that keeps its place (moved units come last and skip what is shown).
    ordered = sorted(enumerate(comparison.units), key=lambda item: item[1].moved)
    for index, unit in ordered:
        own = tuple(i for i in (unit.a if side is Side.A else unit.b) if i not in shown)
        shown.update(own)
        runs: list[list[int]] = []
        for i in own:  # contiguous runs: a sentence shown with another unit may sit inside
            if runs and i == runs[-1][-1] + 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        for run in runs:
            start, end = sentences[run[0]].start, sentences[run[-1]].end
            if side is Side.A:
                changes = tuple(
                    (x.a_start, x.a_end)
                    for x in unit.diff
                    if x.op is Op.DELETE and x.a_end > x.a_start and start <= x.a_start < end
                )
            else:
                changes = tuple(
                    (x.b_start, x.b_end)
                    for x in unit.diff
                    if x.op is Op.INSERT and x.b_end > x.b_start and start <= x.b_start < end
                )
            kind = SpanKind(unit.kind.value)
            edited = unit.edit_kind is not UnitKind.IDENTICAL
            spans.append(SentenceSpan(start, end, kind, index, tuple(run), changes, edited))
    for i in comparison.only_a if side is Side.A else comparison.only_b:
        s = sentences[i]
        spans.append(SentenceSpan(s.start, s.end, SpanKind.ONLY, None, (i,), (), True))
    spans.sort(key=lambda span: span.start)
    return spans


def counterpart(comparison: Comparison, side: Side, sentence: int) -> tuple[int, ...]:
    """Sentence indices on the other side linked to ``sentence`` of ``side`` (empty if unique)."""
    for unit in comparison.units:
        own, other = (unit.a, unit.b) if side is Side.A else (unit.b, unit.a)
        if sentence in own:
            return other
    return ()
