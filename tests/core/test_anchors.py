"""Identical anchors grown gap by gap, and the aligner's shortcuts that must decide as before.

The shortcuts (a gap of one sentence a side, one-part coverage, split unions pooled one
sentence at a time) are checked against the plain computations they replace, on random
sentences from a small vocabulary so that sentences share words often.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import CompareOptions
from reader.core.align import TUNED_ON_ODD_IDS, Thresholds, align_sentences, lone_pair_link
from reader.core.align_units import best_chain, gap_candidates
from reader.core.anchors import identical_anchors, longest_chain, refine_anchors, unique_anchors
from reader.core.similarity import SentenceFeatures, build_features, coverage, sentence_keys

WORDS = ["harbour", "ship", "sails", "north", "the", "crew", "storm", "12", "```", "}", "quiet"]
SENTENCE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(lambda ws: " ".join(ws) + ".")
KEYS = st.lists(st.sampled_from(["a", "b", "c", "d", "e", "", "```", "}"]), max_size=40)


def test_repeated_sentences_next_to_anchors_link_to_their_twins() -> None:
    a = ["```", "fn main() {", "}", "```", "Text one.", "```", "let x = 1;", "```"]
    b = ["```", "fn main() {", "}", "```", "Text one changed.", "```", "let x = 2;", "```"]
    anchors = identical_anchors(sentence_keys(a, CompareOptions()), sentence_keys(b, CompareOptions()))
    # "fn main() {" is the only unique anchor; the fences and "}" join around it and in gaps.
    assert (0, 0) in anchors and (2, 2) in anchors and (3, 3) in anchors
    assert (5, 5) in anchors and (7, 7) in anchors


def test_sentences_unique_within_a_gap_are_anchored_there() -> None:
    # "note" occurs twice on each side overall, once in each gap between the unique anchors.
    a = ["start", "x1", "note", "x2", "middle", "y1", "note", "y2", "end"]
    b = ["start", "z1", "note", "z2", "middle", "w1", "note", "w2", "end"]
    anchors = identical_anchors(a, b)
    assert (2, 2) in anchors and (6, 6) in anchors
    assert unique_anchors(a, b, 0, len(a), 0, len(b)) == [(0, 0), (4, 4), (8, 8)]


@settings(max_examples=300, deadline=None)
@given(KEYS, KEYS)
def test_anchors_are_identical_in_order_and_keep_the_unique_chain(keys_a: list[str], keys_b: list[str]) -> None:
    anchors = identical_anchors(keys_a, keys_b)
    assert all(keys_a[i] and keys_a[i] == keys_b[j] for i, j in anchors)
    assert all(i1 < i2 and j1 < j2 for (i1, j1), (i2, j2) in zip(anchors, anchors[1:]))
    unique = unique_anchors(keys_a, keys_b, 0, len(keys_a), 0, len(keys_b))
    assert set(unique) <= set(anchors)
    # Equal texts anchor every non-empty sentence.
    assert identical_anchors(keys_a, keys_a) == [(i, i) for i, key in enumerate(keys_a) if key]


def test_a_text_against_its_reverse_stays_well_formed() -> None:
    # Nested gaps would make this quadratic without the search budget; the result is still
    # an in-order chain of identical pairs.
    keys = [f"s{k % 97}" for k in range(3000)]
    anchors = refine_anchors(keys, keys[::-1], [])
    assert all(keys[i] == keys[::-1][j] for i, j in anchors)
    assert anchors == longest_chain(anchors)


def _features(a: list[str], b: list[str]) -> tuple[list[SentenceFeatures], list[SentenceFeatures]]:
    options = CompareOptions()
    fa, fb, _ = build_features(sentence_keys(a, options), sentence_keys(b, options))
    return fa, fb


@settings(max_examples=300, deadline=None)
@given(SENTENCE, SENTENCE, st.floats(0.0, 1.0))
def test_lone_pair_decision_is_the_candidate_chains(a: str, b: str, looseness: float) -> None:
    fa, fb = _features([a], [b])
    t = Thresholds.from_looseness(looseness, TUNED_ON_ODD_IDS)
    chain = best_chain(gap_candidates(fa, fb, (0, 1, 0, 1), t, TUNED_ON_ODD_IDS), 0, 1)
    expected = [((c.a0,), (c.b0,), min(1.0, c.similarity)) for c in chain]
    assert [(link.a, link.b, link.similarity) for link in lone_pair_link(fa[0], fb[0], 0, 0, t.keep)] == expected


@settings(max_examples=300, deadline=None)
@given(SENTENCE, SENTENCE)
def test_one_part_coverage_equals_the_pooled_sum(whole: str, part: str) -> None:
    fa, fb = _features([whole], [part, "."])
    # An empty second part sends coverage through the pooled path with the same sums.
    assert not fb[1].vector
    assert coverage(fa[0], [fb[0]]) == coverage(fa[0], [fb[0], fb[1]])


@settings(max_examples=150, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=4), st.lists(SENTENCE, min_size=1, max_size=7))
def test_split_candidates_score_their_union_from_scratch(a: list[str], b: list[str]) -> None:
    fa, fb = _features(a, b)
    t = Thresholds.from_looseness(0.5, TUNED_ON_ODD_IDS)
    for cand in gap_candidates(fa, fb, (0, len(a), 0, len(b)), t, TUNED_ON_ODD_IDS):
        if cand.a1 - cand.a0 == 1 and cand.b1 - cand.b0 > 1:
            parts = fb[cand.b0 : cand.b1]
            cover = coverage(fa[cand.a0], parts)
            inside = [coverage(part, [fa[cand.a0]]) if part.mass else 0.0 for part in parts]
            assert abs(cand.similarity - 0.5 * (cover + sum(inside) / len(inside))) < 1e-9


def test_a_revision_links_every_repeated_fence_to_its_twin() -> None:
    body = ["Intro {k} explains the crate layout in detail.", "```", "let value_{k} = compute({k});", "```"]
    a = [line.format(k=k) for k in range(6) for line in body]
    b = list(a)
    b[4] = "Intro 1 explains the whole crate layout in some detail."
    links = align_sentences(a, b, CompareOptions())
    fences = Counter(a[link.a[0]] for link in links if len(link.a) == 1 and link.a == link.b and a[link.a[0]] == "```")
    assert fences["```"] == 12
