"""Turn the core's sentence spans into flat, non-overlapping style runs (no Qt).

The core (``reader.core.marks``) decides *what* is highlighted; this module only flattens
it into ``(start, end, style)`` runs the pane builder can paint in one pass. It runs in the
worker thread so the UI thread does nothing but insert text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from reader.core.marks import SentenceSpan, SpanKind


class Style(NamedTuple):
    """How a stretch of text is painted: the kind of its sentence and whether its words changed."""

    span: SpanKind
    changed: bool


class Run(NamedTuple):
    start: int
    end: int
    style: Style


@dataclass(frozen=True, slots=True)
class PaneRuns:
    """Runs for one pane, sorted and disjoint; unmarked text between runs is plain."""

    runs: tuple[Run, ...]


def runs_from_spans(spans: list[SentenceSpan]) -> PaneRuns:
    """Flatten spans (sorted by start) and the word changes inside them into runs."""
    runs: list[Run] = []
    last_end = 0
    for span in spans:
        # Spans never overlap in a well-formed comparison; clamp so a bad one cannot
        # produce a run that goes backwards.
        pos = max(span.start, last_end)
        if span.end <= pos:
            continue
        plain = Style(span.kind, False)
        changed = Style(span.kind, True)
        for change_start, change_end in sorted(span.changes):
            change_start, change_end = max(change_start, pos), min(change_end, span.end)
            if change_end <= change_start:
                continue
            if change_start > pos:
                runs.append(Run(pos, change_start, plain))
            runs.append(Run(change_start, change_end, changed))
            pos = change_end
        if pos < span.end:
            runs.append(Run(pos, span.end, plain))
        last_end = span.end
    return PaneRuns(tuple(_merge_touching(runs)))


def _merge_touching(runs: list[Run]) -> list[Run]:
    """Join neighbours with the same style: fewer inserts, same look."""
    merged: list[Run] = []
    for run in runs:
        if merged and merged[-1].end == run.start and merged[-1].style == run.style:
            merged[-1] = Run(merged[-1].start, run.end, run.style)
        else:
            merged.append(run)
    return merged
