"""Location bar marks: every change, unique and moved sentence has one; pixel bands merge and stay visible."""

from __future__ import annotations

from reader.core.compare import compare
from reader.core.marks import Side, SpanKind, pane_spans
from reader.core.overview import LANES, MarkKind, Overview, OverviewMark, mark_rows, overview_marks
from reader.core.read.documents import load_document
from reader.resources import demo_pair


def demo_comparison():
    path_a, path_b = demo_pair()
    return compare(load_document(path_a), load_document(path_b))


def test_marks_cover_every_change_unique_and_moved_sentence() -> None:
    comparison = demo_comparison()
    for side in Side:
        spans = pane_spans(comparison, side)
        overview = overview_marks(comparison, side)
        document = comparison.a if side is Side.A else comparison.b
        assert overview.length == len(document.text)
        assert overview.count(MarkKind.ONLY) == len(comparison.only_a if side is Side.A else comparison.only_b) > 0
        assert overview.count(MarkKind.MOVED) == sum(1 for s in spans if s.kind is SpanKind.MOVED) > 0
        changes = {(c0, c1) for s in spans for c0, c1 in s.changes}
        assert {(m.start, m.end) for m in overview.marks if m.kind is MarkKind.CHANGED} == changes
        assert all(0 <= m.start <= m.end <= overview.length for m in overview.marks)
        assert set(LANES) == set(MarkKind)  # every kind has a lane


def test_rows_scale_merge_and_keep_a_minimum_height() -> None:
    overview = Overview(
        1000,
        (
            OverviewMark(MarkKind.ONLY, 0, 10),
            OverviewMark(MarkKind.ONLY, 10, 20),  # touches the one before: one band
            OverviewMark(MarkKind.ONLY, 500, 501),  # one character: still min_px tall
            OverviewMark(MarkKind.CHANGED, 999, 1000),  # the very end stays inside the bar
        ),
    )
    rows = mark_rows(overview, 100, min_px=2)
    assert [(r.kind, r.top, r.bottom) for r in rows] == [
        (MarkKind.ONLY, 0, 3),
        (MarkKind.ONLY, 50, 52),
        (MarkKind.CHANGED, 99, 100),
    ]
    assert mark_rows(overview, 0) == [] and mark_rows(Overview(0, ()), 100) == []
