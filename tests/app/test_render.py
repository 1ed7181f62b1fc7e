"""Runs and the pane map: properties over generated spans and real engine output."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from reader.app.palette import DARK, LIGHT
from reader.app.panes.render import LINE_SEPARATOR, FormatBook, build_pane_document
from reader.app.worker.runs import runs_from_spans
from reader.core import compare, document_from_text
from reader.core.marks import SentenceSpan, Side, SpanKind, pane_spans


@st.composite
def span_lists(draw) -> list[SentenceSpan]:
    spans = []
    pos = 0
    for _ in range(draw(st.integers(0, 8))):
        start = pos + draw(st.integers(0, 5))
        end = start + draw(st.integers(1, 30))
        cuts = sorted(draw(st.lists(st.integers(start, end), max_size=6)))
        changes = tuple((a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if b > a)
        kind = draw(st.sampled_from(list(SpanKind)))
        spans.append(SentenceSpan(start, end, kind, None, (len(spans),), changes, bool(changes)))
        pos = end
    return spans


@given(span_lists())
def test_runs_cover_spans_exactly_and_mark_changes(spans: list[SentenceSpan]) -> None:
    runs = runs_from_spans(spans).runs
    for left, right in zip(runs, runs[1:], strict=False):
        assert left.end <= right.start
        assert not (left.end == right.start and left.style == right.style), "touching runs are merged"
    style_at = {}
    for run in runs:
        assert run.start < run.end
        for offset in range(run.start, run.end):
            style_at[offset] = run.style
    expected = {}
    for span in spans:
        changed = {o for a, b in span.changes for o in range(a, b)}
        for offset in range(span.start, span.end):
            expected[offset] = (span.kind, offset in changed)
    assert {o: (s.span, s.changed) for o, s in style_at.items()} == expected


paragraph = st.lists(
    st.sampled_from(
        [
            "The council met.",
            "It voted twice!",
            "Nobody came?",
            "Rain fell all day.",
            "Mr. Lee said no.",
            "Prices rose 3.5%.",
            "A line\nwith a break.",
        ]
    ),
    min_size=1,
    max_size=4,
).map(" ".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(paragraph, min_size=1, max_size=6), st.lists(paragraph, min_size=1, max_size=6))
def test_pane_map_points_at_the_right_characters(qapp, paras_a: list[str], paras_b: list[str]) -> None:
    doc_a = document_from_text("\n\n".join(paras_a), "a.txt")
    doc_b = document_from_text("\n\n".join(paras_b), "b.txt")
    comparison = compare(doc_a, doc_b)
    for side, document, sentences in ((Side.A, doc_a, comparison.sentences_a), (Side.B, doc_b, comparison.sentences_b)):
        target = QTextDocument()
        runs = runs_from_spans(pane_spans(comparison, side))
        pane_map = build_pane_document(target, document, sentences, runs, FormatBook(LIGHT, side))
        shown = target.toRawText()  # keeps U+2028 (toPlainText turns it into \n)
        assert target.blockCount() == len(document.blocks)
        for block in document.blocks:
            start = pane_map.position(block.start)
            expected = document.text[block.start : block.end].replace("\n", LINE_SEPARATOR)
            assert shown[start : start + len(expected)] == expected
            for offset in range(block.start, block.end):
                assert pane_map.offset(pane_map.position(offset)) == offset
        for index in range(len(sentences)):
            start, end = pane_map.sentence_range(index)
            assert pane_map.sentence_at(start) == index


def test_light_and_dark_books_differ_but_keep_the_same_cues(qapp) -> None:
    from reader.app.worker.runs import Style

    style = Style(SpanKind.EDITED, True)
    for side in Side:
        light = FormatBook(LIGHT, side).mark_format(style)
        dark = FormatBook(DARK, side).mark_format(style)
        assert light.background().color() != dark.background().color()
        assert light.fontStrikeOut() == dark.fontStrikeOut() == (side is Side.A)
        assert light.underlineStyle() == dark.underlineStyle()
