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
LOOKUP_TERMS = 6
# A term in more sentences than this says little about which one is the counterpart.
MAX_POSTINGS = 24
# Free sentences of a gap between anchors scored all against all when there are this few.
LOCAL_PAIRS = 2_500

Scores = dict[tuple[int, int], float]


def candidate_scores(
    va: Sequence[Vector],
    vb: Sequence[Vector],
    gaps: Sequence[tuple[Sequence[int], Sequence[int]]],
) -> Scores:
    """Cosine of every candidate pair; ``gaps`` are the free sentences between anchors."""
    free_b = [j for _, bs in gaps for j in bs]
    postings: dict[str, list[int]] = {}
    for j in free_b:
        for term in vb[j]:
            postings.setdefault(term, []).append(j)
    scores: Scores = {}
    for a_side, b_side in gaps:
        local = len(a_side) * len(b_side) <= LOCAL_PAIRS
        for i in a_side:
            vector = va[i]
            if not vector:
                continue
            rare = sorted(vector, key=vector.__getitem__, reverse=True)[:LOOKUP_TERMS]
            seen: set[int] = set(b_side) if local else set()
            for term in rare:
                found = postings.get(term)
                if found is not None and len(found) <= MAX_POSTINGS:
                    seen.update(found)
            for j in seen:
                if vb[j]:
                    score = cosine(vector, vb[j])
                    if score > 0.0:
                        scores[i, j] = score
    return scores
