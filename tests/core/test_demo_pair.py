"""The engine finds every change the demo pair was written to contain (resources/samples/README.md)."""

from __future__ import annotations

import pytest

from reader.core import Comparison, compare, document_from_text, load_document
from reader.core.align import Link
from reader.core.compare import STANDALONE_KINDS, _within_roles
from reader.core.model import BlockKind, UnitKind
from reader.core.text.sentences import split_sentences
from reader.resources import demo_pair


@pytest.fixture(scope="module")
def demo() -> Comparison:
    a, b = demo_pair()
    return compare(load_document(a), load_document(b))


def units_by_a(result: Comparison) -> dict[tuple[int, ...], tuple[tuple[int, ...], UnitKind]]:
    return {unit.a: (unit.b, unit.kind) for unit in result.units}


def test_dropped_and_added_sentences(demo: Comparison) -> None:
    assert 17 in demo.only_a and 20 in demo.only_a
    assert 26 in demo.only_b


def test_split_and_merge_are_single_units(demo: Comparison) -> None:
    units = units_by_a(demo)
    assert units[(5,)][0] == (5, 6)
    assert units[(13, 14)][0] == (17,)


def test_moved_paragraph_is_found_as_moved(demo: Comparison) -> None:
    units = units_by_a(demo)
    for a_index, b_index in ((24, 9), (25, 10), (26, 11)):
        b, kind = units[(a_index,)]
        assert b == (b_index,)
        assert kind is UnitKind.MOVED
    moved = {unit.a: unit for unit in demo.units if unit.moved}
    assert moved[(26,)].edit_kind is UnitKind.IDENTICAL
    assert moved[(24,)].edit_kind is UnitKind.EDITED


def test_identical_and_one_word_edits(demo: Comparison) -> None:
    units = units_by_a(demo)
    for a_index, b_index in ((2, 2), (6, 7), (19, 21), (21, 22)):
        assert units[(a_index,)] == ((b_index,), UnitKind.IDENTICAL)
    for a_index, b_index in ((23, 24), (27, 25)):
        assert units[(a_index,)] == ((b_index,), UnitKind.EDITED)


def test_reworded_sentences_are_linked(demo: Comparison) -> None:
    units = units_by_a(demo)
    expected = {3: 3, 4: 4, 7: 8, 8: 12, 9: 13, 10: 14, 11: 15, 12: 16, 15: 18, 16: 19, 18: 20, 22: 23, 28: 27}
    found = {a: units.get((a,), ((None,), None))[0][0] for a in expected}
    hits = sum(found[a] == b for a, b in expected.items())
    # Paraphrase is hard; all but at most two reworded sentences must find their counterpart,
    # and none may be linked to a wrong sentence.
    assert hits >= len(expected) - 2, found
    assert all(found[a] in (b, None) for a, b in expected.items()), found


def test_bylines_stay_apart_from_the_headlines(demo: Comparison) -> None:
    """The two bylines name different reporters: neither joins a headline's unit."""
    assert 1 in demo.only_a and 1 in demo.only_b
    assert units_by_a(demo)[(0,)][0] == (0,)


def test_no_unit_joins_a_standalone_line_with_another_block(demo: Comparison) -> None:
    for unit in demo.units:
        for document, sentences, side in ((demo.a, demo.sentences_a, unit.a), (demo.b, demo.sentences_b, unit.b)):
            blocks = {sentences[i].block for i in side}
            kinds = {document.blocks[block].kind for block in blocks}
            assert len(blocks) == 1 or not kinds & STANDALONE_KINDS, (unit.a, unit.b)


def test_a_link_into_the_byline_is_cut_back_to_the_headline() -> None:
    a = document_from_text("Council votes to repair the old bridge\n\nThe council voted on Monday.", "a.txt")
    b = document_from_text(
        "Old bridge to be repaired, council says\n\nBy Ann Lee\n\nOn Monday the council voted.", "b.txt"
    )
    kinds_b = [block.kind for block in b.blocks]
    assert kinds_b[:2] == [BlockKind.TITLE, BlockKind.BYLINE]
    sentences_a = split_sentences(a.text, a.blocks, "en")
    sentences_b = split_sentences(b.text, b.blocks, "en")
    cut = _within_roles(Link((0,), (0, 1), 0.4), a, b, sentences_a, sentences_b)
    assert cut == Link((0,), (0,), 0.4)
    body = _within_roles(Link((1,), (2,), 0.9), a, b, sentences_a, sentences_b)
    assert body == Link((1,), (2,), 0.9)
