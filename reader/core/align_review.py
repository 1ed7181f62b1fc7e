"""Review pass: every unit the aligner found is kept only when a learned check agrees.

The passes before this one each decide with their own bars; some units they find are wrong
in ways visible only from the whole picture (a weak 1:1 pair with linked neighbours on both
sides that belongs to a split, a unit far longer on one side than the other). A logistic model
over what the unit says of both sides and how it sits among the other units gives each unit
a log-odds of being right; units below the bar are dropped. Identical pairs always stay.
Fitted on DEplain documents with odd ids only (``benchmarks/fit_alignment.py``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reader.core.align_passes import Link
from reader.core.align_segments import log_odds
from reader.core.similarity import SentenceFeatures, coverage

REVIEW_FEATURE_NAMES = (
    "split",  # 1 for one A sentence and several B sentences
    "merge",  # 1 for several A sentences
    "cover_a",  # mean share of each A sentence found in the unit's B side
    "cover_b",  # mean share of each B sentence found in the unit's A side
    "cover_min",  # the smaller of the two
    "size",  # log of the unit's sentence count
    "density",  # share of the document's B sentences linked
    "linked_before",  # 1 when the sentences just before it on both sides are linked (or it starts both)
    "linked_after",  # 1 when the sentences just after it on both sides are linked (or it ends both)
    "words_ratio",  # log(A words / B words)
    "moved",  # 1 for a unit out of reading order
    "a_words",  # log of the A side's word count
    "similarity",  # the score the pass that found it gave
)


def review_features(
    link: Link,
    fa: Sequence[SentenceFeatures],
    fb: Sequence[SentenceFeatures],
    linked_a: set[int],
    linked_b: set[int],
) -> tuple[float, ...]:
    """The features of :data:`REVIEW_FEATURE_NAMES` for one unit."""
    side_a = [fa[i] for i in link.a]
    side_b = [fb[j] for j in link.b]
    cover_a = sum(coverage(x, side_b) for x in side_a) / len(side_a)
    cover_b = sum(coverage(y, side_a) for y in side_b) / len(side_b)
    words_a = sum(x.words for x in side_a) + 1
    words_b = sum(y.words for y in side_b) + 1
    before = (link.a[0] == 0 or link.a[0] - 1 in linked_a) and (link.b[0] == 0 or link.b[0] - 1 in linked_b)
    after = (link.a[-1] + 1 == len(fa) or link.a[-1] + 1 in linked_a) and (
        link.b[-1] + 1 == len(fb) or link.b[-1] + 1 in linked_b
    )
    return (
        1.0 if len(link.a) == 1 and len(link.b) > 1 else 0.0,
        1.0 if len(link.a) > 1 else 0.0,
        cover_a,
        cover_b,
        min(cover_a, cover_b),
        math.log(len(link.a) + len(link.b)),
        len(linked_b) / len(fb),
        1.0 if before else 0.0,
        1.0 if after else 0.0,
        math.log(words_a / words_b),
        1.0 if link.moved else 0.0,
        math.log(words_a),
        link.similarity,
    )


def is_identical(link: Link, fa: Sequence[SentenceFeatures], fb: Sequence[SentenceFeatures]) -> bool:
    return len(link.a) == 1 and len(link.b) == 1 and bool(fa[link.a[0]].key) and fa[link.a[0]].key == fb[link.b[0]].key


def review(
    links: Sequence[Link],
    fa: Sequence[SentenceFeatures],
    fb: Sequence[SentenceFeatures],
    bar: float,
    model: Sequence[float],
) -> list[Link]:
    """The units whose log-odds of being right reach ``bar`` (identical pairs always)."""
    if not fb or len(model) != len(REVIEW_FEATURE_NAMES) + 1:
        return list(links)
    linked_a = {i for link in links for i in link.a}
    linked_b = {j for link in links for j in link.b}
    return [
        link
        for link in links
        if is_identical(link, fa, fb) or log_odds(review_features(link, fa, fb, linked_a, linked_b), model) >= bar
    ]
