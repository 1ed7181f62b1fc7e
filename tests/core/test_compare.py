"""compare(): nothing lost, every sentence accounted for, units classified sensibly."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import CompareOptions, Comparison, compare, document_from_text
from reader.core.marks import Side, SpanKind, counterpart, pane_spans
from reader.core.model import Op, UnitKind

SENTENCES = st.sampled_from(
    [
        "The council voted on Tuesday to repair the old harbour bridge.",
        "On Tuesday the council decided to repair the ageing bridge.",
        "Repairs will cost 4 million euros.",
        "They will take two years.",
        "“We are pleased,” said Dr. Ana Lind.",
        '"We are pleased," said Dr. Ana Lind.',
        "Critics wanted a new bridge — a wider one.",
        "The bridge opened in 1911.",
        "Die Brücke wurde 1911 eröffnet.",
        "Nobody objected.",
        "NOBODY OBJECTED.",
        "Ferries will run every 20 minutes.",
        "Traffic will\u00a0use a ferry meanwhile.",
    ]
)
PARAGRAPHS = st.lists(SENTENCES, min_size=1, max_size=4).map(" ".join)
ARTICLES = st.lists(PARAGRAPHS, min_size=1, max_size=5).map("\n\n".join)


def check_accounted_for(result: Comparison) -> None:
    """Every sentence is in a unit or in its side's only_* list, never both; in at most one
    unit that keeps its place. A sentence may be in several units only as the whole of a split
    whose pieces lie apart: the far pieces are moved 1:1 units sharing it."""
    for side, only, count in (
        ("a", result.only_a, len(result.sentences_a)),
        ("b", result.only_b, len(result.sentences_b)),
    ):
        in_units = [i for u in result.units for i in (u.a if side == "a" else u.b)]
        assert sorted(set(in_units) | set(only)) == list(range(count))
        assert not set(in_units) & set(only)
        assert list(only) == sorted(set(only))
        in_place = [i for u in result.units if not u.moved for i in (u.a if side == "a" else u.b)]
        assert len(in_place) == len(set(in_place))
        for sentence in {i for i in in_units if in_units.count(i) > 1}:
            holders = [u for u in result.units if sentence in (u.a if side == "a" else u.b)]
            far = [u for u in holders if u.moved]
            assert len(holders) - len(far) <= 1, holders


def check_invariants(a_text: str, b_text: str, options: CompareOptions | None = None) -> None:
    result = compare(document_from_text(a_text, "a.txt"), document_from_text(b_text, "b.txt"), options)
    a, b = result.a.text, result.b.text
    # The document diff rebuilds both texts exactly: nothing is ever lost.
    assert "".join(a[s.a_start : s.a_end] for s in result.diff if s.op is not Op.INSERT) == a
    assert "".join(b[s.b_start : s.b_end] for s in result.diff if s.op is not Op.DELETE) == b
    for seg in result.diff:
        if seg.op is Op.EQUAL:
            assert a[seg.a_start : seg.a_end] == b[seg.b_start : seg.b_end]
    check_accounted_for(result)
    # Each unit's diff covers exactly its sentences.
    for unit in result.units:
        a0, a1 = result.sentences_a[unit.a[0]].start, result.sentences_a[unit.a[-1]].end
        b0, b1 = result.sentences_b[unit.b[0]].start, result.sentences_b[unit.b[-1]].end
        assert "".join(a[s.a_start : s.a_end] for s in unit.diff if s.op is not Op.INSERT) == a[a0:a1]
        assert "".join(b[s.b_start : s.b_end] for s in unit.diff if s.op is not Op.DELETE) == b[b0:b1]
        assert (unit.kind is UnitKind.MOVED) == unit.moved
    st_ = result.stats
    for share in (st_.shared_a, st_.shared_b, st_.unique_a, st_.unique_b, st_.similarity):
        assert 0.0 <= share <= 1.0
    # The panes show every sentence exactly once.
    for side, count in ((Side.A, len(result.sentences_a)), (Side.B, len(result.sentences_b))):
        covered = sorted(i for span in pane_spans(result, side) for i in span.sentences)
        assert covered == list(range(count))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES, ARTICLES)
def test_nothing_is_lost_and_every_sentence_is_accounted_for(a: str, b: str) -> None:
    check_invariants(a, b)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES, ARTICLES, st.booleans(), st.booleans(), st.floats(0, 1))
def test_invariants_hold_under_every_option(a: str, b: str, case: bool, punct: bool, loose: float) -> None:
    check_invariants(a, b, CompareOptions(ignore_case=case, ignore_punctuation=punct, looseness=loose))


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300))
def test_arbitrary_text_round_trips(text: str) -> None:
    if not text.strip():
        return
    check_invariants(text, text[::-1] if text[::-1].strip() else text)


def test_identical_texts_are_all_identical() -> None:
    text = "The bridge opened in 1911. It is old.\n\nRepairs start in May."
    result = compare(document_from_text(text, "a"), document_from_text(text, "b"))
    assert [u.kind for u in result.units] == [UnitKind.IDENTICAL] * 3
    assert result.stats.similarity == 1.0
    assert not result.only_a and not result.only_b
    assert [s.op for s in result.diff] == [Op.EQUAL]


def test_edit_rewrite_move_and_unique_are_told_apart() -> None:
    a = (
        "The bridge opened in 1911.\n\n"
        "The council voted on Tuesday to repair the old harbour bridge. "
        "Repairs will cost 4 million euros and will take two years. "
        "The mayor thanked the engineers for their careful survey of the piers."
    )
    b = (
        "The council voted on Wednesday to repair the old harbour bridge. "
        "The repairs will cost 4 million euros. They will take two years. "
        "Ferries will carry commuters across the harbour meanwhile.\n\n"
        "The bridge first opened in 1911."
    )
    result = compare(document_from_text(a, "a"), document_from_text(b, "b"))
    sent_a = [result.a.text[s.start : s.end] for s in result.sentences_a]
    sent_b = [result.b.text[s.start : s.end] for s in result.sentences_b]
    by_first_a = {sent_a[u.a[0]]: u for u in result.units}
    edited = by_first_a["The council voted on Tuesday to repair the old harbour bridge."]
    assert edited.kind is UnitKind.EDITED
    deleted = [result.a.text[s.a_start : s.a_end] for s in edited.diff if s.op is Op.DELETE]
    assert deleted == ["Tuesday"]
    split = by_first_a["Repairs will cost 4 million euros and will take two years."]
    assert [sent_b[j] for j in split.b] == ["The repairs will cost 4 million euros.", "They will take two years."]
    moved = by_first_a["The bridge opened in 1911."]
    assert moved.moved and moved.kind is UnitKind.MOVED and moved.edit_kind is UnitKind.EDITED
    assert [sent_a[i] for i in result.only_a] == [
        "The mayor thanked the engineers for their careful survey of the piers."
    ]
    assert [sent_b[j] for j in result.only_b] == ["Ferries will carry commuters across the harbour meanwhile."]
    assert result.stats.sentences_moved == 1
    assert counterpart(result, Side.A, 0) == moved.b
    only_spans = [s for s in pane_spans(result, Side.B) if s.kind is SpanKind.ONLY]
    assert len(only_spans) == 1


def test_typography_matters_only_when_strict() -> None:
    a = "“Repair it,” she said — twice."
    b = '"repair it," she said - twice.'
    loose = compare(document_from_text(a, "a"), document_from_text(b, "b"))
    assert loose.units[0].kind is UnitKind.IDENTICAL
    # The raw document diff still shows the characters that differ.
    assert any(s.op is Op.DELETE for s in loose.diff)
    strict = compare(
        document_from_text(a, "a"),
        document_from_text(b, "b"),
        CompareOptions(ignore_case=False, fold_quotes_dashes=False),
    )
    assert strict.units and strict.units[0].kind is not UnitKind.IDENTICAL


def test_progress_is_reported_up_to_one() -> None:
    seen: list[float] = []
    text = " ".join(f"Sentence number {i} talks about topic {i % 7}." for i in range(200))
    other = text.replace("topic 3", "subject 3")
    compare(document_from_text(text, "a"), document_from_text(other, "b"), progress=seen.append)
    assert seen and seen[-1] == 1.0
    assert seen == sorted(seen)


def test_comparison_is_frozen() -> None:
    result = compare(document_from_text("One. Two.", "a"), document_from_text("One. Three.", "b"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.units = ()  # type: ignore[misc]


def test_document_diff_is_computed_once_on_demand_and_survives_pickling() -> None:
    import pickle

    result = compare(document_from_text("One. Two.", "a"), document_from_text("One. Three.", "b"))
    assert result.diff is result.diff  # cached after the first use
    copy = pickle.loads(pickle.dumps(result))
    assert [(s.op, s.a_start, s.a_end) for s in copy.diff] == [(s.op, s.a_start, s.a_end) for s in result.diff]
