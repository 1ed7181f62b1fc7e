"""Candidate units inside a gap between anchors, and the best chain of them in reading order.

A candidate is a 1:1 pair, one sentence split into up to ``max_group`` consecutive sentences
(1:n) or the reverse merge (n:1). Each earns a gain: how much of its sentences is found on
the other side minus a bar; the heaviest chain of candidates that follow each other in both
texts wins, so every sentence goes to the counterpart that explains it best.

A split is scored as a whole: the original sentence must be covered by the union of the
parts, and each part pays for being poorly inside the original only down to a floor
(``weak_part_cost``), so an added explanation between two parts of a split does not sink
the unit when together the parts cover the original well.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reader.core.segment_models import EXTEND_MODEL_ODD, REVIEW_MODEL_ODD, SEGMENT_MODEL_ODD
from reader.core.similarity import SentenceFeatures, containment_threshold, coverage, overlap

# Gaps with more cells than this look candidates up by their rarest words only.
EXACT_CELL_LIMIT = 250_000
CANDIDATES_PER_SENTENCE = 12


@dataclass(frozen=True, slots=True)
class ChainSettings:
    """Every tunable number of the aligner, at the default ``looseness`` of 0.5.

    The candidate chain's bars and factors, then the learned passes' bars and models (weights
    with the bias last; an empty model turns its pass off). The defaults are the shipped
    values, tuned on DEplain documents with odd ids only by ``benchmarks/fit_alignment.py``
    (see docs/benchmarks-alignment.md).
    """

    keep: float = 0.65  # 1:1 bar on mutual containment at looseness 0.5
    part_factor: float = 1.1  # each part of a split should be this x ``keep`` inside the whole
    whole_factor: float = 0.9  # ... and the whole this x ``keep`` covered by the parts together
    whole_weight: float = 1.5  # how much the whole's coverage counts against its parts
    edge_factor: float = 0.3  # the first and last part need at least this x ``keep``
    weak_part_cost: float = 99.0  # the most one poorly contained part can cost a split
    refill_factor: float = 0.6  # between linked units, thresholds drop to this share (0 = off)
    absorb_min: float = 0.25  # an unlinked sentence next to a split joins it from this on
    absorb_adjacent: float = 0.2  # ... or this, when it alone sits between a split and the next unit
    wedged_cover: float = 0.05  # a lone A sentence between two units links to the B ones there from this
    wedged_most_b: int = 1  # ... when there are at most this many of them (0 = off)
    moved_margin: float = 0.15  # a moved pair needs the untuned 1:1 bar plus this
    max_group: int = 6  # at most this many sentences on one side of a split or merge
    pair_split_cost: float = 99.0  # what a 2:n unit (two sentences rewritten as n) pays up front
    segment_bar: float = 1.0  # log-odds a run between in-order units needs (99 = segment pass off)
    extend_bar: float = -1.0  # log-odds a B sentence next to a unit needs to join it (99 = off)
    review_bar: float = -0.5  # log-odds a non-identical unit needs to stay (99 = review pass off)
    segment_model: tuple[float, ...] = SEGMENT_MODEL_ODD  # weights then bias (segment_models.py)
    extend_model: tuple[float, ...] = EXTEND_MODEL_ODD
    review_model: tuple[float, ...] = REVIEW_MODEL_ODD

    def with_values(self, **values: float) -> ChainSettings:
        """A copy with some settings changed (counts are rounded to whole numbers)."""
        for name in ("max_group", "wedged_most_b"):
            if name in values:
                values[name] = int(round(values[name]))
        return replace(self, **values)


def segment_shift(looseness: float) -> float:
    """How far ``looseness`` moves the segment pass's log-odds bar from its tuned value at 0.5.

    Strict (0) asks for runs the model is all but sure of; loose (1) takes weaker ones.
    """
    loose = min(1.0, max(0.0, looseness))
    return 8.0 * (0.5 - loose) / 0.5 if loose <= 0.5 else -2.0 * (loose - 0.5) / 0.5


def review_shift(looseness: float) -> float:
    """How far ``looseness`` moves the review pass's bar: a little stricter at 0, off near 1."""
    loose = min(1.0, max(0.0, looseness))
    return 2.0 * (0.5 - loose) / 0.5 if loose <= 0.5 else -4.0 * (loose - 0.5) / 0.5


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The bars a ``looseness`` implies.

    ``keep``: a 1:1 pair links when its mutual containment reaches it; ``part``: what each part
    of a split should have inside the whole; ``whole``: what the parts together should cover;
    ``edge``: the least the first and last part need; ``moved``: a pair out of order needs more;
    ``wedged``: what a lone A sentence between two units needs covered by the B sentences there.
    """

    keep: float
    part: float
    whole: float
    edge: float
    moved: float
    wedged: float = 1.0
    segment: float = 99.0
    extend: float = 99.0
    review: float = -99.0

    @classmethod
    def from_looseness(cls, looseness: float, settings: ChainSettings) -> Thresholds:
        keep = containment_threshold(looseness, settings.keep)
        # The wedged pass trusts position; a strict looseness wants words, up to near-identity.
        if looseness <= 0.5:
            wedged = containment_threshold(looseness, settings.wedged_cover)
        else:
            wedged = settings.wedged_cover * keep / settings.keep if settings.keep else 0.0
        return cls(
            keep=keep,
            part=keep * settings.part_factor,
            whole=keep * settings.whole_factor,
            edge=keep * settings.edge_factor,
            # DEplain rewrites hardly move sentences, so the moved bar keeps the untuned mapping.
            moved=min(0.95, containment_threshold(looseness) + settings.moved_margin),
            wedged=wedged,
            segment=settings.segment_bar + segment_shift(looseness),
            extend=settings.extend_bar + segment_shift(looseness),
            review=settings.review_bar + review_shift(looseness) if settings.review_bar < 10 else -99.0,
        )

    def scaled(self, factor: float) -> Thresholds:
        """Thresholds for a place where reading order already vouches for a link."""
        return Thresholds(
            self.keep * factor,
            self.part * factor,
            self.whole * factor,
            self.edge * factor,
            self.moved,
            self.wedged,
            self.segment,
            self.extend,
            self.review,
        )


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible unit: A sentences ``a0..a1`` and B sentences ``b0..b1`` (ends exclusive)."""

    a0: int
    a1: int
    b0: int
    b1: int
    gain: float
    similarity: float


def term_index(fb: Sequence[SentenceFeatures], b0: int, b1: int) -> dict[str, list[tuple[int, float]]]:
    """Which B sentences of ``b0:b1`` hold each term, with its weight there."""
    index: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j in range(b0, b1):
        for term, weight in fb[j].vector.items():
            index[term].append((j, weight))
    return index


def pair_overlaps(
    fa: list[SentenceFeatures], fb: list[SentenceFeatures], a0: int, a1: int, b0: int, b1: int
) -> dict[tuple[int, int], float]:
    """Shared weight of every (i, j) pair of the gap that shares anything telling."""
    shared: dict[tuple[int, int], float] = {}
    if (a1 - a0) * (b1 - b0) <= EXACT_CELL_LIMIT:
        index = term_index(fb, b0, b1)
        for i in range(a0, a1):
            for term, wa in fa[i].vector.items():
                for j, wb in index.get(term, ()):
                    shared[i, j] = shared.get((i, j), 0.0) + (wa if wa < wb else wb)
        return shared
    # A huge gap (unrelated texts): look up by rare words, score the best few exactly.
    rare_index: dict[str, list[int]] = defaultdict(list)
    for j in range(b0, b1):
        for term in fb[j].rare_terms:
            rare_index[term].append(j)
    for i in range(a0, a1):
        hits = Counter(
            j for term in fa[i].rare_terms if len(rare_index.get(term, ())) <= 64 for j in rare_index.get(term, ())
        )
        for j, _ in hits.most_common(CANDIDATES_PER_SENTENCE):
            shared[i, j] = overlap(fa[i].vector, fb[j].vector)
    return shared


def gap_candidates(
    fa: list[SentenceFeatures],
    fb: list[SentenceFeatures],
    gap: tuple[int, int, int, int],
    t: Thresholds,
    settings: ChainSettings,
) -> list[Candidate]:
    """Every 1:1, 1:n and n:1 candidate of a gap that earns a positive gain."""
    shared = pair_overlaps(fa, fb, *gap)
    # part_of_a[i]: B sentences that sit (partly) inside A sentence i, and vice versa.
    part_of_a: dict[int, list[tuple[int, float]]] = defaultdict(list)
    part_of_b: dict[int, list[tuple[int, float]]] = defaultdict(list)
    out: list[Candidate] = []
    for (i, j), weight in shared.items():
        c_ab = weight / fa[i].mass if fa[i].mass else 0.0  # A_i inside B_j
        c_ba = weight / fb[j].mass if fb[j].mass else 0.0
        if fa[i].key == fb[j].key:
            c_ab = c_ba = 1.0
        similarity = 0.5 * (c_ab + c_ba)
        if similarity >= t.keep:
            out.append(Candidate(i, i + 1, j, j + 1, 2.0 * (similarity - t.keep), similarity))
        if c_ba >= t.edge:
            part_of_a[i].append((j, c_ba))
        if c_ab >= t.edge:
            part_of_b[j].append((i, c_ab))
    for i, parts in part_of_a.items():
        out.extend(_groups(fa[i], i, fb, sorted(parts), shared, True, t, settings))
    for j, parts in part_of_b.items():
        out.extend(_groups(fb[j], j, fa, sorted(parts), shared, False, t, settings))
    if settings.pair_split_cost < 10:
        for i, parts in part_of_a.items():
            if i + 1 in part_of_a:
                out.extend(_pair_splits(fa, fb, i, sorted(set(parts + part_of_a[i + 1])), shared, t, settings))
    return out


def _pair_splits(
    fa: list[SentenceFeatures],
    fb: list[SentenceFeatures],
    i: int,
    parts: list[tuple[int, float]],
    shared: dict[tuple[int, int], float],
    t: Thresholds,
    settings: ChainSettings,
) -> list[Candidate]:
    """2:n units: A sentences ``i`` and ``i + 1`` rewritten together as consecutive B sentences.

    Scored like a split, with the two A sentences each a whole that the B union must cover and
    each B sentence a part that should sit inside the two A sentences together.
    """
    out = []
    floor = -settings.weak_part_cost
    wholes = (fa[i], fa[i + 1])
    starts = sorted({j for j, _ in parts})
    for first, start in enumerate(starts):
        for end in starts[first + 1 :]:
            if end - start >= settings.max_group:
                break
            members = [fb[k] for k in range(start, end + 1)]
            if any(m.key == w.key for m in members for w in wholes):
                continue
            inside = [
                min(1.0, (shared.get((i, k), 0.0) + shared.get((i + 1, k), 0.0)) / fb[k].mass) if fb[k].mass else 0.0
                for k in range(start, end + 1)
            ]
            covers = [coverage(w, members) for w in wholes]
            gain = (
                sum(max(c - t.part, floor) for c in inside)
                + settings.whole_weight * sum(c - t.whole for c in covers)
                - settings.pair_split_cost
            )
            if gain > 0:
                similarity = 0.5 * (sum(covers) / 2 + sum(inside) / len(inside))
                out.append(Candidate(i, i + 2, start, end + 1, gain, similarity))
    return out


def _groups(
    whole: SentenceFeatures,
    one: int,
    side: list[SentenceFeatures],
    parts: list[tuple[int, float]],
    shared: dict[tuple[int, int], float],
    split: bool,
    t: Thresholds,
    settings: ChainSettings,
) -> list[Candidate]:
    """1:n (``split``) or n:1 units around sentence ``one``, bounded by well-contained parts."""
    out = []
    floor = -settings.weak_part_cost
    whole_vector = whole.vector
    for first in range(len(parts)):
        start = parts[first][0]
        # The union of the parts grows one sentence at a time; pooling it incrementally adds
        # the same weights in the same order as pooling each range anew (same sums).
        pooled: dict[str, float] = {}
        inside: list[float] = []
        next_member = start
        has_twin = False
        for last in range(first + 1, len(parts)):
            end = parts[last][0]
            if end - start >= settings.max_group:
                break
            while next_member <= end:
                member = side[next_member]
                has_twin = has_twin or member.key == whole.key
                for term, weight in member.vector.items():
                    if term in whole_vector:
                        pooled[term] = pooled.get(term, 0.0) + weight
                pair = (one, next_member) if split else (next_member, one)
                inside.append(shared.get(pair, 0.0) / member.mass if member.mass else 0.0)
                next_member += 1
            if has_twin:
                continue  # an identical sentence is a 1:1 link, never one part of a split
            cover = sum(min(whole_vector[term], w) for term, w in pooled.items()) / whole.mass if whole.mass else 0.0
            # Whole-unit score: the parts' union must cover the whole; a weak part between
            # two good ones costs at most ``weak_part_cost``.
            parts_gain = sum(max(c - t.part, floor) for c in inside)
            gain = parts_gain + settings.whole_weight * (cover - t.whole)
            if gain <= 0:
                continue
            similarity = 0.5 * (cover + sum(inside) / len(inside))
            if split:
                out.append(Candidate(one, one + 1, start, end + 1, gain, similarity))
            else:
                out.append(Candidate(start, end + 1, one, one + 1, gain, similarity))
    return out


def best_chain(candidates: list[Candidate], b0: int, b1: int) -> list[Candidate]:
    """Highest-gain set of candidates that follow each other in both texts without overlap.

    Candidates are taken in order of their first A sentence; a Fenwick tree over the B
    position where chains end answers "best chain ending before this B sentence" among
    candidates that already ended before this A sentence, so the cost is O(k log n).
    """
    if not candidates:
        return []
    size = b1 - b0 + 1
    tree_score = [0.0] * (size + 1)
    tree_item = [-1] * (size + 1)
    order = sorted(range(len(candidates)), key=lambda k: (candidates[k].a0, candidates[k].b0, candidates[k].a1))
    by_end = sorted(range(len(candidates)), key=lambda k: candidates[k].a1)
    best = [0.0] * len(candidates)
    parent = [-1] * len(candidates)
    released = 0

    def update(pos: int, score: float, item: int) -> None:
        while pos <= size:
            if score > tree_score[pos]:
                tree_score[pos], tree_item[pos] = score, item
            pos += pos & -pos

    def query(pos: int) -> tuple[float, int]:
        score, item = 0.0, -1
        while pos > 0:
            if tree_score[pos] > score:
                score, item = tree_score[pos], tree_item[pos]
            pos -= pos & -pos
        return score, item

    for k in order:
        cand = candidates[k]
        # Chains that end at or before this candidate's first A sentence may now precede it.
        while released < len(by_end) and candidates[by_end[released]].a1 <= cand.a0:
            done = by_end[released]
            update(candidates[done].b1 - b0, best[done], done)
            released += 1
        before, item = query(cand.b0 - b0)
        best[k] = before + cand.gain
        parent[k] = item
    k = max(range(len(candidates)), key=lambda x: (best[x], -x))
    chain = []
    while k >= 0:
        chain.append(candidates[k])
        k = parent[k]
    chain.reverse()
    return chain
