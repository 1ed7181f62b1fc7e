"""Issue 13, item 9: swapping the two texts gives exactly the mirrored comparison."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import CompareOptions, compare, document_from_text
from reader.core.model import Comparison, Op

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
WORDS = st.sampled_from("the bridge opened in 1932 and it took eight years to build ferries cross below".split())
SENTENCE = st.lists(WORDS, min_size=1, max_size=8).map(lambda words: " ".join(words).capitalize() + ".")
TEXT = st.lists(SENTENCE, min_size=1, max_size=6).map(" ".join)


def _held(op: Op, a_start: int, a_end: int, b_start: int, b_end: int) -> tuple:
    if op is Op.DELETE:
        return (op.value, a_start, a_end)
    if op is Op.INSERT:
        return (op.value, b_start, b_end)
    return (op.value, a_start, a_end, b_start, b_end)


def _held_segment(s) -> tuple:
    return _held(s.op, s.a_start, s.a_end, s.b_start, s.b_end)


def assert_mirrored(forward: Comparison, backward: Comparison) -> None:
    assert forward.only_a == backward.only_b and forward.only_b == backward.only_a
    key = lambda unit: (unit.a, unit.b)  # noqa: E731
    mirrored = sorted(((u.b, u.a, u.kind, u.moved, u.similarity) for u in backward.units), key=lambda t: (t[0], t[1]))
    assert (
        sorted(((u.a, u.b, u.kind, u.moved, u.similarity) for u in forward.units), key=lambda t: (t[0], t[1]))
        == mirrored
    )
    swap = {Op.DELETE: Op.INSERT, Op.INSERT: Op.DELETE, Op.EQUAL: Op.EQUAL}
    back = {key(u): u for u in backward.units}
    for unit in forward.units:
        other = back[(unit.b, unit.a)]
        # The words each segment holds (an empty range's anchor follows the deletes-first order).
        assert sorted(map(_held_segment, unit.diff)) == sorted(
            _held(swap[s.op], s.b_start, s.b_end, s.a_start, s.a_end) for s in other.diff
        )
    f, b = forward.stats, backward.stats
    assert (f.words_inserted, f.words_deleted) == (b.words_deleted, b.words_inserted)
    assert (f.sentences_only_a, f.sentences_only_b) == (b.sentences_only_b, b.sentences_only_a)
    assert f.sentences_moved == b.sentences_moved


def test_the_demo_pair_swapped_is_its_mirror() -> None:
    a = document_from_text((SAMPLES / "harbour-bridge-original.md").read_text(encoding="utf-8"), "a.md", "markdown")
    b = document_from_text((SAMPLES / "harbour-bridge-rewrite.md").read_text(encoding="utf-8"), "b.md", "markdown")
    for looseness in (0.0, 0.5, 1.0):
        options = CompareOptions(looseness=looseness)
        assert_mirrored(compare(a, b, options), compare(b, a, options))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, TEXT, st.floats(0.0, 1.0))
def test_swapping_any_two_texts_mirrors_the_comparison(text_a: str, text_b: str, looseness: float) -> None:
    a, b = document_from_text(text_a, "a.txt"), document_from_text(text_b, "b.txt")
    options = CompareOptions(looseness=looseness)
    assert_mirrored(compare(a, b, options), compare(b, a, options))


def test_paraphrase_never_leaves_more_unique_sentences_than_balanced_on_the_demo_pair() -> None:
    a = document_from_text((SAMPLES / "harbour-bridge-original.md").read_text(encoding="utf-8"), "a.md", "markdown")
    b = document_from_text((SAMPLES / "harbour-bridge-rewrite.md").read_text(encoding="utf-8"), "b.md", "markdown")
    unique = [
        len(c.only_a) + len(c.only_b)
        for c in (compare(a, b, CompareOptions(looseness=x)) for x in (0.0, 0.25, 0.5, 0.75, 1.0))
    ]
    assert unique == sorted(unique, reverse=True), unique
