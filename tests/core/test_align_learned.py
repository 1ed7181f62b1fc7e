"""The learned passes of the aligner: segment runs in gaps, extension of units, review."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align import TUNED_ON_EVEN_IDS, TUNED_ON_ODD_IDS, Link, align_sentences
from reader.core.align_review import REVIEW_FEATURE_NAMES, review, review_features
from reader.core.align_segments import (
    EXTEND_FEATURE_NAMES,
    SEGMENT_FEATURE_NAMES,
    extend_units,
    fill_segments,
    gap_runs,
    open_gaps,
)
from reader.core.model import CompareOptions
from reader.core.similarity import SentenceFeatures, build_features, sentence_keys

DEFAULT = CompareOptions()
OFF = 99.0

# A fairy-tale sentence retold as three short ones that share few words with it.
TALE_A = [
    "Es war einmal ein König, der hatte eine wunderschöne Tochter.",
    "Rings um das Schloss aber begann eine Dornenhecke zu wachsen, die jedes Jahr höher ward und "
    "endlich das ganze Schloss umzog.",
    "Die Königstochter schlief hundert Jahre lang in ihrem Turm.",
]
TALE_B = [
    TALE_A[0],
    "Eine Dornen∙hecke wächst um das Schloss.",
    "Die Hecke wird jedes Jahr größer.",
    "Bald sieht man das Schloss nicht mehr.",
    TALE_A[2],
]


def features(a: list[str], b: list[str]) -> tuple[list[SentenceFeatures], list[SentenceFeatures]]:
    fa, fb, _ = build_features(sentence_keys(a, DEFAULT), sentence_keys(b, DEFAULT))
    return fa, fb


def pairs(links: list[Link]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(link.a, link.b) for link in links}


def test_shipped_models_match_their_feature_lists() -> None:
    for chain in (TUNED_ON_ODD_IDS, TUNED_ON_EVEN_IDS):
        assert len(chain.segment_model) == len(SEGMENT_FEATURE_NAMES) + 1
        assert len(chain.extend_model) == len(EXTEND_FEATURE_NAMES) + 1
        assert len(chain.review_model) == len(REVIEW_FEATURE_NAMES) + 1


def test_segment_pass_links_a_retold_sentence_to_the_run_between_two_anchors() -> None:
    found = pairs(align_sentences(TALE_A, TALE_B, DEFAULT))
    assert ((1,), (1, 2, 3)) in found
    without = pairs(align_sentences(TALE_A, TALE_B, DEFAULT, settings=TUNED_ON_ODD_IDS.with_values(segment_bar=OFF)))
    assert all(link_a != (1,) for link_a, _ in without)


def test_strict_looseness_keeps_the_segment_pass_from_guessing() -> None:
    strict = pairs(align_sentences(TALE_A, TALE_B, CompareOptions(looseness=0.0)))
    assert strict == {((0,), (0,)), ((2,), (4,))}


def test_open_gaps_lie_between_in_order_units_and_skip_moved_ones() -> None:
    links = [Link((0,), (0,), 1.0), Link((3,), (5,), 1.0), Link((1,), (7,), 0.8, moved=True)]
    assert open_gaps(links, 6, 9) == [(1, 3, 1, 5), (4, 6, 6, 9)]
    assert open_gaps([], 2, 3) == [(0, 2, 0, 3)]


def test_gap_runs_stay_inside_the_gap_and_within_the_group_size() -> None:
    fa, fb = features(TALE_A, TALE_B)
    runs = gap_runs(fa, fb, (1, 2, 1, 4), 0.4, 2)
    assert runs
    for i, j0, j1, values in runs:
        assert i == 1 and 1 <= j0 < j1 <= 4 and j1 - j0 <= 2
        assert len(values) == len(SEGMENT_FEATURE_NAMES)
        assert 0.0 <= values[0] <= 1.0 + 1e-9  # coverage is a share


def test_a_model_of_the_wrong_size_leaves_the_passes_off() -> None:
    fa, fb = features(TALE_A, TALE_B)
    anchors = [Link((0,), (0,), 1.0), Link((2,), (4,), 1.0)]
    assert fill_segments(anchors, fa, fb, 0.0, 6, ()) == []
    assert extend_units(anchors, fa, fb, 0.0, 6, (1.0,)) == anchors
    assert review(anchors, fa, fb, 0.0, (1.0, 2.0)) == anchors


def test_extension_takes_only_free_neighbours_and_respects_the_group_size() -> None:
    fa, fb = features(TALE_A, TALE_B)
    links = [Link((0,), (0,), 1.0), Link((1,), (2,), 0.5), Link((2,), (4,), 1.0)]
    # A model that accepts everything: units grow, in reading order, over free neighbours only;
    # a B sentence taken by one unit is never taken again.
    eager = (0.0,) * len(EXTEND_FEATURE_NAMES) + (5.0,)
    grown = {link.a: link.b for link in extend_units(links, fa, fb, 0.0, 6, eager)}
    assert grown == {(0,): (0, 1), (1,): (2, 3), (2,): (4,)}
    assert extend_units(links, fa, fb, 0.0, 1, eager) == links  # one B sentence per unit at most
    refuse = (0.0,) * len(EXTEND_FEATURE_NAMES) + (-5.0,)
    assert extend_units(links, fa, fb, 0.0, 6, refuse) == sorted(links, key=lambda link: link.a)


def test_review_keeps_identical_pairs_whatever_the_bar() -> None:
    fa, fb = features(TALE_A, TALE_B)
    links = [Link((0,), (0,), 1.0), Link((1,), (1, 2, 3), 0.3), Link((2,), (4,), 1.0)]
    model = TUNED_ON_ODD_IDS.review_model
    assert pairs(review(links, fa, fb, 1e9, model)) == {((0,), (0,)), ((2,), (4,))}
    assert review(links, fa, fb, -1e9, model) == links


def test_review_features_describe_the_unit() -> None:
    fa, fb = features(TALE_A, TALE_B)
    link = Link((1,), (1, 2, 3), 0.3)
    values = dict(zip(REVIEW_FEATURE_NAMES, review_features(link, fa, fb, {0, 1, 2}, {0, 1, 2, 3, 4})))
    assert values["split"] == 1.0 and values["merge"] == 0.0
    assert values["linked_before"] == 1.0 and values["linked_after"] == 1.0
    assert values["density"] == 1.0
    assert 0.0 < values["cover_a"] < 1.0


WORDS = st.sampled_from("Hafen Schiff Schloss Hecke König Tochter Jahr Land Waren wächst groß klein".split())
SENTENCE = st.lists(WORDS, min_size=1, max_size=8).map(lambda words: " ".join(words) + ".")
TEXTS = st.lists(SENTENCE, min_size=0, max_size=10)


@settings(max_examples=60, deadline=None)
@given(TEXTS, TEXTS, st.floats(0.0, 1.0), st.floats(-3.0, 3.0), st.floats(-3.0, 3.0), st.floats(-3.0, 3.0))
def test_learned_passes_keep_links_disjoint_and_in_range(
    a: list[str], b: list[str], looseness: float, segment: float, extend: float, review_bar: float
) -> None:
    chain = TUNED_ON_ODD_IDS.with_values(segment_bar=segment, extend_bar=extend, review_bar=review_bar)
    links = align_sentences(a, b, CompareOptions(looseness=looseness), settings=chain)
    seen_a = [i for link in links for i in link.a]
    seen_b = [j for link in links for j in link.b]
    assert len(seen_a) == len(set(seen_a)) and len(seen_b) == len(set(seen_b))
    assert all(0 <= i < len(a) for i in seen_a) and all(0 <= j < len(b) for j in seen_b)
    for link in links:
        assert list(link.b) == list(range(link.b[0], link.b[-1] + 1))  # runs stay contiguous
        assert len(link.b) <= chain.max_group


@settings(max_examples=40, deadline=None)
@given(TEXTS)
def test_a_text_against_itself_stays_one_to_one_with_the_learned_passes(a: list[str]) -> None:
    links = align_sentences(a, a, DEFAULT)
    assert all(len(link.a) == 1 and len(link.b) == 1 for link in links)
