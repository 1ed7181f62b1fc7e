"""Differences in reading order, counterpart lookups and the sync-scroll map (pure), and the
next/previous commands in the window."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reader.app.panes.navigation import CoordinateMap, Links, reading_rows, step
from reader.core import compare, document_from_text
from reader.core.marks import Side, counterpart
from reader.core.model import Unit, UnitKind
from tests.app.conftest import ARTICLE_A, ARTICLE_B
from tests.app.helpers import wait_result

SENTENCES = [
    "The harbour bridge opened in 1932 after eight years of work.",
    "Its steel arch is the widest of its kind in the southern hemisphere.",
    "Ferries still cross the water below it every few minutes.",
    "Tourists climb the arch in guided groups every morning.",
    "A toll is charged on vehicles crossing towards the city.",
    "The painters finish one coat just in time to begin the next.",
    "Pedestrians use a walkway on the eastern side of the deck.",
    "Trains cross the bridge on two tracks in the middle.",
]


def _comparison(text_a: str, text_b: str):
    return compare(document_from_text(text_a, "a.txt"), document_from_text(text_b, "b.txt"))


def test_group_and_counterpart_agree_with_the_core() -> None:
    comparison = _comparison(ARTICLE_A, ARTICLE_B)
    links = Links(comparison)
    for side, sentences in ((Side.A, comparison.sentences_a), (Side.B, comparison.sentences_b)):
        for index in range(len(sentences)):
            assert links.counterpart(side, index) == counterpart(comparison, side, index)
            assert index in links.group(side, index).sentences(side)


def test_a_merged_unit_links_all_its_sentences() -> None:
    first, second = "The bridge opened in 1932.", "It took eight years to build."
    merged = "The bridge opened in 1932, and it took eight years to build."
    comparison = _comparison(f"{first} {second}\n\n{SENTENCES[2]}\n", f"{merged}\n\n{SENTENCES[2]}\n")
    links = Links(comparison)
    group = links.group(Side.B, 0)
    assert group.a == (0, 1) and group.b == (0,)
    assert links.group(Side.A, 1) == group


def test_a_sentence_in_several_units_belongs_to_the_one_that_keeps_its_place() -> None:
    # A split whose pieces lie apart: the whole sentence A1 is in the unit of its near piece
    # (B2) and in a moved 1:1 unit with the far piece, which comes first in B here (B0), then
    # last (B4). The units are set by hand: this is about the lookup, not the aligner.
    text_a = "\n\n".join(SENTENCES[:4])
    for far, near, others in ((0, 2, ((0, 1), (2, 3), (3, 4))), (4, 1, ((0, 0), (2, 2), (3, 3)))):
        comparison = _comparison(text_a, "\n\n".join(SENTENCES[3:8]))  # five sentences
        units = [Unit((i,), (j,), UnitKind.IDENTICAL, 1.0) for i, j in others]
        units += [Unit((1,), (near,), UnitKind.EDITED, 0.6), Unit((1,), (far,), UnitKind.MOVED, 0.5, moved=True)]
        units.sort(key=lambda u: (u.a[0], u.b[0]))
        comparison = dataclasses.replace(comparison, units=tuple(units), only_a=(), only_b=())
        links = Links(comparison)
        assert links.group(Side.A, 1).b == (near,)
        assert links.counterpart(Side.A, 1) == (near,)
        far_group = links.group(Side.B, far)  # the far piece still finds the whole sentence
        assert far_group.a == (1,) and comparison.units[far_group.unit].moved


def test_differences_walk_units_that_differ_and_unique_sentences_in_reading_order() -> None:
    text_a = "\n\n".join(SENTENCES[:6])
    edited = SENTENCES[1].replace("widest", "longest")
    # B: drops sentence 3, edits sentence 1, adds a new sentence after sentence 4.
    text_b = "\n\n".join([SENTENCES[0], edited, SENTENCES[2], SENTENCES[4], SENTENCES[6], SENTENCES[5]])
    comparison = _comparison(text_a, text_b)
    differences = Links(comparison).differences
    described = [(d.a, d.b) for d in differences]
    assert described == [((1,), (1,)), ((3,), ()), ((), (4,))]
    for difference in differences:
        if difference.unit is not None:
            assert comparison.units[difference.unit].kind is not UnitKind.IDENTICAL


def test_every_difference_is_listed_once() -> None:
    comparison = _comparison(ARTICLE_A, ARTICLE_B)
    differences = Links(comparison).differences
    unique_a = [d.a[0] for d in differences if not d.b]
    unique_b = [d.b[0] for d in differences if not d.a]
    assert sorted(unique_a) == list(comparison.only_a)
    assert sorted(unique_b) == list(comparison.only_b)
    changed_units = {n for n, u in enumerate(comparison.units) if u.kind is not UnitKind.IDENTICAL}
    assert {d.unit for d in differences if d.unit is not None} == changed_units
    rows = reading_rows(comparison)
    assert len(rows) == len(comparison.units) + len(comparison.only_a) + len(comparison.only_b)


def test_sync_map_follows_counterparts_and_waits_over_unique_passages() -> None:
    text_a = "\n\n".join(SENTENCES[:3] + SENTENCES[5:7])
    text_b = "\n\n".join(SENTENCES[:3] + SENTENCES[3:5] + SENTENCES[5:7])  # two sentences added in B
    comparison = _comparison(text_a, text_b)
    mapping = CoordinateMap(comparison)
    assert mapping.to_other(Side.A, 1.5) == 1.5
    # A's sentence 3 is B's sentence 5: the two added sentences are skipped by A.
    assert mapping.to_other(Side.A, 3.0) == 5.0
    # While B scrolls through its own two sentences, A waits at the end of its sentence 2.
    assert mapping.to_other(Side.B, 3.0) == mapping.to_other(Side.B, 4.5) == 3.0


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(range(len(SENTENCES))), min_size=1, max_size=8, unique=True),
    st.lists(st.sampled_from(range(len(SENTENCES))), min_size=1, max_size=8, unique=True),
    st.lists(st.floats(min_value=-1, max_value=10, allow_nan=False), min_size=2, max_size=6),
)
def test_sync_map_is_monotone_and_within_bounds(picks_a, picks_b, coordinates) -> None:
    comparison = _comparison("\n\n".join(SENTENCES[i] for i in picks_a), "\n\n".join(SENTENCES[i] for i in picks_b))
    mapping = CoordinateMap(comparison)
    for side, other_count in ((Side.A, len(comparison.sentences_b)), (Side.B, len(comparison.sentences_a))):
        mapped = [mapping.to_other(side, c) for c in sorted(coordinates)]
        assert all(0.0 <= m <= other_count for m in mapped)
        assert mapped == sorted(mapped), "scrolling down one pane never scrolls the other up"


def test_step_wraps_around() -> None:
    assert step(None, 3, True) == 0 and step(None, 3, False) == 2
    assert step(2, 3, True) == 0 and step(0, 3, False) == 2
    assert step(None, 0, True) is None


def test_navigation_module_does_not_import_qt() -> None:
    code = "import sys, reader.app.panes.navigation; sys.exit('PySide6' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_next_difference_walks_both_panes_and_reports_its_place(qtbot, window, articles) -> None:
    result = wait_result(qtbot, window, lambda: window.open_paths(*articles))
    links = Links(result.comparison)
    count = len(links.differences)
    assert count >= 3
    assert window.position_label.text() == f"{count} differences"
    window.panes[Side.A].view.setFocus()
    visited = []
    for number in range(count):
        QTest.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        assert window.reading.current is not None
        visited.append(window.reading.current)
        assert window.position_label.text() == f"difference {number + 1} of {count}"
        difference = links.differences[window.reading.current]
        for side in Side:
            view = window.panes[side].view
            for sentence in difference.sentences(side)[:1]:
                assert view.is_sentence_visible(sentence)
            highlighted = view.linked_ranges()
            assert len(highlighted) == len(difference.sentences(side))
    assert visited == list(range(count))
    QTest.keyClick(window, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert window.position_label.text() == f"difference {count - 1} of {count}"
    window.actions_.next_difference.trigger()
    window.actions_.next_difference.trigger()
    assert window.position_label.text() == f"difference 1 of {count}", "wraps past the last one"
