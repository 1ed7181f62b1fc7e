"""Segment pass: the A sentences left between two in-order units each take a run of B there.

Heavily rewritten texts (fiction retold in plain language) leave long stretches where no
pair shares enough words to pass the chain's bars, yet the rewrite follows the original in
order, one original sentence becoming a run of short ones. Inside such a gap every candidate
(one A sentence, a contiguous run of B sentences) is scored by a logistic model over what the
run says of the sentence *and* where it sits (on the gap's diagonal, at its ends, how the
parts fit the neighbouring A sentences), and the heaviest in-order chain of candidates whose
log-odds pass a bar wins. The model was fitted on DEplain documents with odd ids only
(``benchmarks/fit_alignment.py segments``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reader.core.align_passes import Link
from reader.core.align_units import Candidate, best_chain
from reader.core.similarity import SentenceFeatures, coverage, overlap

# Gaps with more cells than this are left alone: unrelated texts, not a rewrite.
SEGMENT_CELL_LIMIT = 20_000
# A run this far off the gap's diagonal (as a share of the gap) is not considered.
DIAGONAL_BAND = 0.45

SEGMENT_FEATURE_NAMES = (
    "cover",  # share of the A sentence found in the run's union
    "mean_inside",  # mean share of each B part found in the A sentence
    "min_inside",
    "edge_inside",  # the weaker of the first and last part
    "run_length",  # log of the number of B sentences
    "off_diagonal",  # distance of the run from the gap's diagonal (0..1)
    "length_fit",  # |log(run length / B sentences per A sentence in the gap)|
    "rival",  # how much better the best part fits a neighbouring A sentence
    "outside",  # the most of the B sentences just before / after the run found in the A sentence
    "at_start",  # 1 when the run starts the gap with its first A sentence
    "at_end",  # 1 when the run ends the gap with its last A sentence
    "density",  # share of the document's B sentences already linked
    "a_words",  # log of the A sentence's word count
    "lone",  # 1 when the gap has a single A sentence
)



def _inside(part: SentenceFeatures, whole: SentenceFeatures) -> float:
    return overlap(part.vector, whole.vector) / part.mass if part.mass else 0.0


def segment_features(
    fa: Sequence[SentenceFeatures],
    fb: Sequence[SentenceFeatures],
    i: int,
    j0: int,
    j1: int,
    gap: tuple[int, int, int, int],
    density: float,
    inside: dict[tuple[int, int], float],
) -> tuple[float, ...]:
    """The features of :data:`SEGMENT_FEATURE_NAMES` for A sentence ``i`` and B ``j0..j1``."""
    a0, a1, b0, b1 = gap
    n_a, n_b, run = a1 - a0, b1 - b0, j1 - j0
    own = [inside[i, k] for k in range(j0, j1)]
    rival = 0.0
    for k, mine in zip(range(j0, j1), own):
        for other in (i - 1, i + 1):
            if a0 <= other < a1:
                rival = max(rival, inside[other, k] - mine)
    outside = max(inside[i, j0 - 1] if j0 > b0 else 0.0, inside[i, j1] if j1 < b1 else 0.0)
    centre_a = (i - a0 + 0.5) / n_a
    centre_b = ((j0 + j1) / 2 - b0) / n_b
    return (
        coverage(fa[i], [fb[k] for k in range(j0, j1)]),
        sum(own) / run,
        min(own),
        min(own[0], own[-1]),
        math.log(run),
        abs(centre_a - centre_b),
        abs(math.log(run * n_a / n_b)),
        rival,
        outside,
        1.0 if i == a0 and j0 == b0 else 0.0,
        1.0 if i == a1 - 1 and j1 == b1 else 0.0,
        density,
        math.log1p(fa[i].words),
        1.0 if n_a == 1 else 0.0,
    )


def gap_runs(
    fa: Sequence[SentenceFeatures],
    fb: Sequence[SentenceFeatures],
    gap: tuple[int, int, int, int],
    density: float,
    max_group: int,
) -> list[tuple[int, int, int, tuple[float, ...]]]:
    """Every (A sentence, B run) of a gap near its diagonal, with its features."""
    a0, a1, b0, b1 = gap
    n_a, n_b = a1 - a0, b1 - b0
    if n_a <= 0 or n_b <= 0 or n_a * n_b > SEGMENT_CELL_LIMIT:
        return []
    inside = {(i, k): _inside(fb[k], fa[i]) for i in range(a0, a1) for k in range(b0, b1)}
    out = []
    for i in range(a0, a1):
        if not fa[i].vector:
            continue
        centre_a = (i - a0 + 0.5) / n_a
        for j0 in range(b0, b1):
            for j1 in range(j0 + 1, min(b1, j0 + max_group) + 1):
                if abs(centre_a - ((j0 + j1) / 2 - b0) / n_b) > DIAGONAL_BAND:
                    continue
                if not all(fb[k].vector for k in range(j0, j1)):
                    break  # an empty sentence (a heading mark) ends every run through it
                features = segment_features(fa, fb, i, j0, j1, gap, density, inside)
                out.append((i, j0, j1, features))
    return out


def log_odds(features: Sequence[float], model: Sequence[float]) -> float:
    """Log-odds of a logistic model given as its weights with the bias last."""
    return model[-1] + sum(w * f for w, f in zip(model, features))


def open_gaps(links: Sequence[Link], n_a: int, n_b: int) -> list[tuple[int, int, int, int]]:
    """The stretches left between in-order units (moved links do not bound a gap)."""
    ordered = sorted((link for link in links if not link.moved), key=lambda link: (link.a[0], link.b[0]))
    gaps = []
    prev_a = prev_b = 0
    for link in ordered + [Link((n_a,), (n_b,), 0.0)]:
        if link.a[0] > prev_a and link.b[0] > prev_b:
            gaps.append((prev_a, link.a[0], prev_b, link.b[0]))
        prev_a, prev_b = max(prev_a, link.a[-1] + 1), max(prev_b, link.b[-1] + 1)
    return gaps


def fill_segments(
    links: Sequence[Link],
    fa: Sequence[SentenceFeatures],
    fb: Sequence[SentenceFeatures],
    bar: float,
    max_group: int,
    model: Sequence[float],
) -> list[Link]:
    """New links for the gaps between in-order units: runs whose log-odds pass ``bar``."""
    if not fa or not fb or len(model) != len(SEGMENT_FEATURE_NAMES) + 1:
        return []
    density = len({j for link in links for j in link.b}) / len(fb)
    out: list[Link] = []
    for gap in open_gaps(links, len(fa), len(fb)):
        candidates = []
        for i, j0, j1, features in gap_runs(fa, fb, gap, density, max_group):
            gain = log_odds(features, model) - bar
            if gain > 0:
                candidates.append(Candidate(i, i + 1, j0, j1, gain, features[0]))
        for chosen in best_chain(candidates, gap[2], gap[3]):
            out.append(Link((chosen.a0,), tuple(range(chosen.b0, chosen.b1)), min(1.0, chosen.similarity)))
    return out


EXTEND_FEATURE_NAMES = (
    "inside",  # share of the candidate B sentence found in the unit's A sentence
    "cover_gain",  # how much more of the A sentence the run covers with it
    "cover",  # how much of the A sentence the run covers without it
    "rival",  # the most of it found in another A sentence nearby
    "run_length",  # log of the run's B sentences so far
    "next_linked",  # 1 when the B sentence beyond it belongs to another unit
    "b_words",  # log of its word count
    "after",  # 1 when it follows the run, 0 when it precedes it
    "density",  # share of the document's B sentences already linked
    "words_ratio",  # log(A words / run words): how much of the A sentence is still unsaid
)
# How far from the unit's A sentence a rival A sentence is looked for.
RIVAL_REACH = 2


def extend_features(
    fa: Sequence[SentenceFeatures],
    fb: Sequence[SentenceFeatures],
    i: int,
    run: Sequence[int],
    k: int,
    linked_b: set[int],
    density: float,
) -> tuple[float, ...]:
    """The features of :data:`EXTEND_FEATURE_NAMES` for B sentence ``k`` joining unit ``i``/``run``."""
    parts = [fb[j] for j in run]
    before = coverage(fa[i], parts)
    after = k > run[-1]
    beyond = k + 1 if after else k - 1
    nearby = [other for other in range(i - RIVAL_REACH, i + RIVAL_REACH + 1) if other != i and 0 <= other < len(fa)]
    rival = max((_inside(fb[k], fa[other]) for other in nearby), default=0.0)
    run_words = sum(part.words for part in parts)
    return (
        _inside(fb[k], fa[i]),
        coverage(fa[i], parts + [fb[k]]) - before,
        before,
        rival,
        math.log(len(run)),
        1.0 if beyond in linked_b else 0.0,
        math.log1p(fb[k].words),
        1.0 if after else 0.0,
        density,
        math.log((fa[i].words + 1) / (run_words + 1)),
    )


def extend_units(
    links: Sequence[Link],
    fa: Sequence[SentenceFeatures],
    fb: Sequence[SentenceFeatures],
    bar: float,
    max_group: int,
    model: Sequence[float],
) -> list[Link]:
    """Units of one A sentence grow by the unlinked B sentences next to them the model accepts."""
    if not fb or len(model) != len(EXTEND_FEATURE_NAMES) + 1:
        return list(links)
    linked_b = {j for link in links for j in link.b}
    density = len(linked_b) / len(fb)
    out = []
    for link in sorted(links, key=lambda x: (x.a[0], x.b[0])):
        if len(link.a) != 1 or link.moved or not fa[link.a[0]].vector:
            out.append(link)
            continue
        i, run = link.a[0], list(link.b)
        grew = True
        while grew and len(run) < max_group:
            grew = False
            best, best_k = bar, -1
            for k in (run[0] - 1, run[-1] + 1):
                if 0 <= k < len(fb) and k not in linked_b and fb[k].vector:
                    score = log_odds(extend_features(fa, fb, i, run, k, linked_b, density), model)
                    if score > best:
                        best, best_k = score, k
            if best_k >= 0:
                linked_b.add(best_k)
                run = sorted(run + [best_k])
                grew = True
        out.append(link if len(run) == len(link.b) else Link(link.a, tuple(run), link.similarity, link.moved))
    return out
