"""Which sentence pairs are worth scoring, and their cosines.

Every free sentence of A is scored against the free sentences of B that share one of its
rarest terms, wherever they are (moves are found), and against those in the same gap
between identical anchors (the place vouches for them). Terms shared by very many sentences
are never looked up, so a text of a thousand look-alike lines stays near-linear.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.align.vectors import Vector, cosine

# The rarest terms of a sentence that are looked up (by weight, which is rarity).
LOOKUP_TERMS = 4
# A term in more sentences than this says little about which one is the counterpart.
MAX_POSTINGS = 16
# Free sentences of a gap between anchors scored all against all when there are this few.
LOCAL_PAIRS = 2_500

Scores = dict[tuple[int, int], float]


def candidate_scores(
    va: Sequence[Vector],
    vb: Sequence[Vector],
    gaps: Sequence[tuple[Sequence[int], Sequence[int]]],
    enough: float,
) -> Scores:
    """Cosine of every candidate pair; ``gaps`` are the free sentences between anchors.

    A sentences look up their rarest terms among B; then each B sentence with no candidate
    reaching ``enough`` looks up its own among A, so a piece that shares only the whole
    sentence's commoner words is still found from the piece's side.
    """
    postings_b = _postings(vb, [j for _, b_side in gaps for j in b_side])
    pairs: set[tuple[int, int]] = set()
    for a_side, b_side in gaps:
        if len(a_side) * len(b_side) <= LOCAL_PAIRS:
            pairs.update((i, j) for i in a_side for j in b_side)
        for i in a_side:
            pairs.update((i, j) for j in _look_up(va[i], postings_b))
    scores = _scored(va, vb, pairs)
    found = {j for (_, j), score in scores.items() if score >= enough}
    unfound = [j for _, b_side in gaps for j in b_side if j not in found]
    if unfound:  # a book revision matches nearly every sentence: A's index is rarely needed
        postings_a = _postings(va, [i for a_side, _ in gaps for i in a_side])
        more = {(i, j) for j in unfound for i in _look_up(vb[j], postings_a)}
        scores.update(_scored(va, vb, more - pairs))
    return scores


def _scored(va: Sequence[Vector], vb: Sequence[Vector], pairs: set[tuple[int, int]]) -> Scores:
    scores: Scores = {}
    for i, j in pairs:
        if va[i] and vb[j]:
            score = cosine(va[i], vb[j])
            if score > 0.0:
                scores[i, j] = score
    return scores


def _postings(vectors: Sequence[Vector], free: Sequence[int]) -> dict[str, list[int]]:
    postings: dict[str, list[int]] = {}
    for k in free:
        for term in vectors[k]:
            postings.setdefault(term, []).append(k)
    return postings


def _look_up(vector: Vector, postings: dict[str, list[int]]) -> set[int]:
    """Sentences sharing one of ``vector``'s rarest terms, when that term is rare enough."""
    found: set[int] = set()
    for term in sorted(vector, key=vector.__getitem__, reverse=True)[:LOOKUP_TERMS]:
        hits = postings.get(term)
        if hits is not None and len(hits) <= MAX_POSTINGS:
            found.update(hits)
    return found
