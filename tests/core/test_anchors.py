"""Identical anchors grown gap by gap, and the longest in-order chain they are built from."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import CompareOptions
from reader.core.align import align_sentences
from reader.core.align.anchors import identical_anchors, longest_chain, refine_anchors, unique_anchors
from reader.core.text.tokens import normalize_many

KEYS = st.lists(st.sampled_from(["a", "b", "c", "d", "e", "", "```", "}"]), max_size=40)


def test_repeated_sentences_next_to_anchors_link_to_their_twins() -> None:
    a = ["```", "fn main() {", "}", "```", "Text one.", "```", "let x = 1;", "```"]
    b = ["```", "fn main() {", "}", "```", "Text one changed.", "```", "let x = 2;", "```"]
    anchors = identical_anchors(normalize_many(a, CompareOptions()), normalize_many(b, CompareOptions()))
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
    assert all(i1 < i2 and j1 < j2 for (i1, j1), (i2, j2) in zip(anchors, anchors[1:], strict=False))
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


# As unique_anchors builds them: each sentence of either side in at most one pair.
PAIRS = st.lists(
    st.tuples(st.integers(0, 12), st.integers(0, 12)), max_size=12, unique_by=(lambda p: p[0], lambda p: p[1])
)


@settings(max_examples=300, deadline=None)
@given(PAIRS)
def test_longest_chain_is_in_order_and_as_long_as_any(pairs: list[tuple[int, int]]) -> None:
    chain = longest_chain(pairs)
    assert set(chain) <= set(pairs)
    assert all(i1 < i2 and j1 < j2 for (i1, j1), (i2, j2) in zip(chain, chain[1:], strict=False))
    # The longest increasing run by dynamic programming over the sorted distinct pairs.
    ordered = sorted(set(pairs))
    best = [1] * len(ordered)
    for k, (i, j) in enumerate(ordered):
        for m in range(k):
            if ordered[m][0] < i and ordered[m][1] < j:
                best[k] = max(best[k], best[m] + 1)
    assert len(chain) == max(best, default=0)


def test_a_revision_links_every_repeated_fence_to_its_twin() -> None:
    body = ["Intro {k} explains the crate layout in detail.", "```", "let value_{k} = compute({k});", "```"]
    a = [line.format(k=k) for k in range(6) for line in body]
    b = list(a)
    b[4] = "Intro 1 explains the whole crate layout in some detail."
    links = align_sentences(a, b, CompareOptions())
    fences = Counter(a[link.a[0]] for link in links if len(link.a) == 1 and link.a == link.b and a[link.a[0]] == "```")
    assert fences["```"] == 12
