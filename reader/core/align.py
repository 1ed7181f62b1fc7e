"""Sentence alignment: which sentences of A and B say the same thing.

Rewrites are paraphrases, so sentences are matched by weighted overlap of content terms,
not by string equality. The pipeline:

1. identical sentences that occur once on each side are anchors; the longest chain of them in
   order splits the problem into gaps (a book revision is mostly anchors, so this stays fast);
2. inside a gap, candidate units are scored: 1:1, one sentence split into up to
   ``MAX_GROUP`` consecutive sentences (1:n) and the reverse merge (n:1). A unit earns, for
   each of its sentences, how much of that sentence is found on the other side minus a
   threshold; the best chain of units in reading order wins (skipping a sentence earns
   nothing), so each sentence goes to the counterpart that explains it best;
3. between the units found, the same search runs again with lower thresholds (the order
   already vouches for a link), and unlinked sentences next to a split join it when enough
   of them is found in the split sentence;
4. sentences left over on both sides are paired across the whole text: those are moved.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.core.align_dp import (
    DP_CELL_LIMIT,
    PathParams,
    path_gap_units,
)
from reader.core.model import CompareOptions
from reader.core.similarity import (
    SentenceFeatures,
    build_features,
    coverage,
    mutual_containment,
    overlap,
    containment_threshold,
    sentence_keys,
)

MAX_GROUP = 8  # at most this many sentences on one side of a split or merge
# Gaps with more cells than this look candidates up by their rarest words only.
EXACT_CELL_LIMIT = 250_000
CANDIDATES_PER_SENTENCE = 12


@dataclass(frozen=True, slots=True)
class Link:
    """Aligned sentence indices of A and B with their similarity; ``moved`` breaks the order."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    similarity: float
    moved: bool = False


@dataclass(frozen=True, slots=True)
class Thresholds:
    """How much of a sentence must be found on the other side for it to join a unit.

    ``keep`` is the per-sentence bar (a 1:1 pair is linked when its mutual containment
    reaches it); ``whole`` is the bar for the single sentence of a split or merge, which
    loses what the simpler version drops; ``edge`` is the least containment a part at either
    end of a group needs; ``moved``: a pair out of order needs more evidence.
    """

    keep: float
    part: float
    whole: float
    whole_weight: float
    edge: float
    moved: float

    @classmethod
    def from_looseness(cls, looseness: float) -> Thresholds:
        keep = containment_threshold(looseness)
        return cls(
            keep=keep,
            part=keep * PART_FACTOR,
            whole=keep * WHOLE_FACTOR,
            whole_weight=WHOLE_WEIGHT,
            edge=keep * EDGE_FACTOR,
            moved=min(0.95, keep + MOVED_MARGIN),
        )

    def scaled(self, factor: float) -> Thresholds:
        """Thresholds for a place where reading order already vouches for a link."""
        return Thresholds(
            keep=self.keep * factor,
            part=self.part * factor,
            whole=self.whole * factor,
            whole_weight=self.whole_weight,
            edge=self.edge * factor,
            moved=self.moved,
        )


# Tuned on DEplain by cross-validation over documents (see docs/benchmarks-alignment.md).
PART_FACTOR = 1.2  # each part of a split must be this x ``keep`` inside the whole
WHOLE_FACTOR = 1.0  # ... and the whole this x ``keep`` covered by the parts together
WHOLE_WEIGHT = 2.0  # how much the whole's coverage counts against its parts
EDGE_FACTOR = 0.5  # the first and last part need at least this x ``keep``
REFILL_FACTOR = 0.7  # between linked units, thresholds drop to this share (0 = no refill)
ABSORB_MIN = 0.2  # an unlinked sentence next to a split joins it from this containment on
MOVED_MARGIN = 0.15  # a moved pair needs ``keep`` plus this


def align_sentences(
    a: Sequence[str],
    b: Sequence[str],
    options: CompareOptions,
    progress: Callable[[float], None] | None = None,
    params: PathParams | None = None,
) -> list[Link]:
    """Align two lists of sentences; returns links sorted by their first A sentence.

    ``params`` switches gaps to the monotone path search of :mod:`reader.core.align_dp` with
    those parameters (measured, not the default: see docs/benchmarks-alignment.md).
    """
    keys_a, keys_b = sentence_keys(a, options), sentence_keys(b, options)
    anchors = identical_anchors(keys_a, keys_b)
    feats_a, feats_b, _ = build_features(keys_a, keys_b, {i for i, _ in anchors}, {j for _, j in anchors})
    path = path_params(options.looseness, params) if params is not None else None
    aligner = _Aligner(feats_a, feats_b, Thresholds.from_looseness(options.looseness), path)
    return aligner.run(anchors, progress)


# How far ``looseness`` moves the log-odds a link must reach, from the fitted default at 0.5:
# at 0 only pairs the model is all but sure of (near-identical) link, at 1 weak ones do.
STRICT_LOGIT_SHIFT = 6.0
LOOSE_LOGIT_SHIFT = 3.0


def path_params(looseness: float, base: PathParams) -> PathParams:
    """Path parameters for a ``looseness``: the fitted ones at 0.5, stricter or looser around."""
    loose = min(1.0, max(0.0, looseness))
    if loose <= 0.5:
        shift = STRICT_LOGIT_SHIFT * (0.5 - loose) / 0.5
        stay = base.stay * loose / 0.5  # at 0, weak sentences no longer ride along a split
    else:
        shift = -LOOSE_LOGIT_SHIFT * (loose - 0.5) / 0.5
        stay = base.stay
    return PathParams(base.weights, base.bias, base.threshold + shift, stay, base.skip, base.merge)


@dataclass(frozen=True, slots=True)
class _Candidate:
    a0: int
    a1: int  # exclusive
    b0: int
    b1: int  # exclusive
    gain: float
    similarity: float


class _Aligner:
    def __init__(
        self, fa: list[SentenceFeatures], fb: list[SentenceFeatures], thresholds: Thresholds, params: PathParams
    ) -> None:
        self.fa, self.fb, self.t, self.params = fa, fb, thresholds, params
        self.used_chain = False

    # -- driver ------------------------------------------------------------------------------
    def run(self, anchors: list[tuple[int, int]], progress: Callable[[float], None] | None) -> list[Link]:
        na, nb = len(self.fa), len(self.fb)
        links: list[Link] = []
        gaps: list[tuple[int, int, int, int]] = []
        prev_a = prev_b = 0
        for i, j in anchors:
            gaps.append((prev_a, i, prev_b, j))
            links.append(Link((i,), (j,), 1.0))
            prev_a, prev_b = i + 1, j + 1
        gaps.append((prev_a, na, prev_b, nb))
        gaps = [g for g in gaps if g[0] < g[1] and g[2] < g[3]]
        total = sum((a1 - a0) * (b1 - b0) for a0, a1, b0, b1 in gaps) or 1
        done = 0
        for a0, a1, b0, b1 in gaps:
            if self.params is not None and (a1 - a0) * (b1 - b0) <= DP_CELL_LIMIT:
                links.extend(self._path_gap(a0, a1, b0, b1))
            else:
                self.used_chain = True
                links.extend(self._align_gap(a0, a1, b0, b1))
            done += (a1 - a0) * (b1 - b0)
            if progress is not None:
                progress(0.9 * done / total)
        if self.used_chain:  # only the candidate chain leaves room a second pass can fill
            if REFILL_FACTOR:
                links.extend(self._refill(links))
            links = self._absorb(links)
        if self.params is not None:
            links = self._merge_neighbours(links)
        links.extend(self._moved(links))
        links.sort(key=lambda link: (link.a[0], link.b[0]))
        if progress is not None:
            progress(1.0)
        return links

    # -- 2a. a monotone path over the B sentences of a gap -------------------------------------
    def _path_gap(self, a0: int, a1: int, b0: int, b1: int) -> list[Link]:
        assert self.params is not None
        units = path_gap_units(self.fa, self.fb, a0, a1, b0, b1, self.params)
        return [Link((i,), tuple(bs), similarity) for i, bs, similarity in units]

    def _merge_neighbours(self, links: list[Link]) -> list[Link]:
        """An unlinked A sentence next to a unit joins it when the unit's B side covers it (n:1)."""
        used_a = {i for link in links for i in link.a}
        out = []
        for link in sorted(links, key=lambda x: x.a[0]):
            if link.moved or link.similarity >= 1.0:
                out.append(link)
                continue
            parts = [self.fb[j] for j in link.b]
            a = list(link.a)
            for step, edge in ((-1, 0), (1, -1)):
                while len(a) < MAX_GROUP:
                    k = a[edge] + step
                    if k < 0 or k >= len(self.fa) or k in used_a or not self.fa[k].vector:
                        break
                    if self.params is None or coverage(self.fa[k], parts) < self.params.merge:
                        break
                    used_a.add(k)
                    a = [k] + a if step < 0 else a + [k]
            out.append(link if len(a) == len(link.a) else Link(tuple(a), link.b, link.similarity, link.moved))
        return out

    # -- 2. units inside a gap ----------------------------------------------------------------
    def _pair_overlaps(self, a0: int, a1: int, b0: int, b1: int) -> dict[tuple[int, int], float]:
        """Shared weight of every (i, j) pair of the gap that shares anything telling."""
        fa, fb = self.fa, self.fb
        shared: dict[tuple[int, int], float] = {}
        if (a1 - a0) * (b1 - b0) <= EXACT_CELL_LIMIT:
            index: dict[str, list[tuple[int, float]]] = defaultdict(list)
            for j in range(b0, b1):
                for term, weight in fb[j].vector.items():
                    index[term].append((j, weight))
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

    def _candidates(self, a0: int, a1: int, b0: int, b1: int) -> list[_Candidate]:
        fa, fb, t = self.fa, self.fb, self.t
        shared = self._pair_overlaps(a0, a1, b0, b1)
        # part_of_a[i]: B sentences that sit (partly) inside A sentence i, and vice versa.
        part_of_a: dict[int, list[tuple[int, float]]] = defaultdict(list)
        part_of_b: dict[int, list[tuple[int, float]]] = defaultdict(list)
        out: list[_Candidate] = []
        for (i, j), weight in shared.items():
            c_ab = weight / fa[i].mass if fa[i].mass else 0.0  # A_i inside B_j
            c_ba = weight / fb[j].mass if fb[j].mass else 0.0
            if fa[i].key == fb[j].key:
                c_ab = c_ba = 1.0
            similarity = 0.5 * (c_ab + c_ba)
            if similarity >= t.keep:
                out.append(_Candidate(i, i + 1, j, j + 1, 2.0 * (similarity - t.keep), similarity))
            if c_ba >= t.edge:
                part_of_a[i].append((j, c_ba))
            if c_ab >= t.edge:
                part_of_b[j].append((i, c_ab))
        for i, parts in part_of_a.items():
            out.extend(self._groups(i, sorted(parts), shared, split=True))
        for j, parts in part_of_b.items():
            out.extend(self._groups(j, sorted(parts), shared, split=False))
        return out

    def _groups(
        self, one: int, parts: list[tuple[int, float]], shared: dict[tuple[int, int], float], split: bool
    ) -> list[_Candidate]:
        """1:n (``split``) or n:1 units around sentence ``one``, bounded by well-contained parts."""
        t = self.t
        whole = self.fa[one] if split else self.fb[one]
        side = self.fb if split else self.fa
        out = []
        for first in range(len(parts)):
            start = parts[first][0]
            for last in range(first + 1, len(parts)):
                end = parts[last][0]
                if end - start >= MAX_GROUP:
                    break
                members = range(start, end + 1)
                if any(side[k].key == whole.key for k in members):
                    continue  # an identical sentence is a 1:1 link, never one part of a split
                inside = [
                    shared.get((one, k) if split else (k, one), 0.0) / side[k].mass if side[k].mass else 0.0
                    for k in members
                ]
                cover = coverage(whole, [side[k] for k in members])
                gain = sum(c - t.part for c in inside) + t.whole_weight * (cover - t.whole)
                if gain <= 0:
                    continue
                similarity = 0.5 * (cover + sum(inside) / len(inside))
                if split:
                    out.append(_Candidate(one, one + 1, start, end + 1, gain, similarity))
                else:
                    out.append(_Candidate(start, end + 1, one, one + 1, gain, similarity))
        return out

    def _align_gap(self, a0: int, a1: int, b0: int, b1: int) -> list[Link]:
        chosen = best_chain(self._candidates(a0, a1, b0, b1), b0, b1)
        return [Link(tuple(range(c.a0, c.a1)), tuple(range(c.b0, c.b1)), min(1.0, c.similarity)) for c in chosen]

    # -- 3. second pass ----------------------------------------------------------------------
    def _refill(self, links: list[Link]) -> list[Link]:
        """Second pass between linked units: position backs up weaker word overlap."""
        ordered = sorted(links, key=lambda link: (link.a[0], link.b[0]))
        strict = self.t
        self.t = strict.scaled(REFILL_FACTOR)
        out: list[Link] = []
        prev_a = prev_b = 0
        for link in ordered + [Link((len(self.fa),), (len(self.fb),), 0.0)]:
            if link.a[0] > prev_a and link.b[0] > prev_b:
                out.extend(self._align_gap(prev_a, link.a[0], prev_b, link.b[0]))
            prev_a, prev_b = max(prev_a, link.a[-1] + 1), max(prev_b, link.b[-1] + 1)
        self.t = strict
        return out

    # -- 3b. sentences that elaborate a split --------------------------------------------------
    def _absorb(self, links: list[Link]) -> list[Link]:
        """Give runs of unlinked B sentences to the split before or after them."""
        links = sorted(links, key=lambda link: link.b[0])
        used_b = [False] * len(self.fb)
        for link in links:
            for j in link.b:
                used_b[j] = True
        out = list(links)
        for k in range(len(links) + 1):
            prev = out[k - 1] if k > 0 else None
            nxt = links[k] if k < len(links) else None
            start = prev.b[-1] + 1 if prev else 0
            end = nxt.b[0] if nxt else len(self.fb)
            if start >= end:
                continue
            if prev is not None and nxt is not None and nxt.a[0] < prev.a[-1]:
                continue
            to_prev = [self._inside(j, prev) for j in range(start, end)]
            to_next = [self._inside(j, nxt) for j in range(start, end)]
            # Split the run where the prefix fits prev and the suffix fits next best.
            best_split, best_score = 0, -1.0
            for split in range(end - start + 1):
                score = sum(to_prev[:split]) + sum(to_next[split:])
                if score > best_score:
                    best_split, best_score = split, score
            take_prev = 0
            while take_prev < best_split and to_prev[take_prev] >= ABSORB_MIN:
                take_prev += 1
            take_next = 0
            while take_next < end - start - best_split and to_next[end - start - 1 - take_next] >= ABSORB_MIN:
                take_next += 1
            if prev is not None and take_prev and len(prev.a) == 1 and len(prev.b) + take_prev <= MAX_GROUP:
                out[k - 1] = Link(prev.a, prev.b + tuple(range(start, start + take_prev)), prev.similarity, prev.moved)
            if nxt is not None and take_next and len(nxt.a) == 1 and len(nxt.b) + take_next <= MAX_GROUP:
                links[k] = Link(nxt.a, tuple(range(end - take_next, end)) + nxt.b, nxt.similarity, nxt.moved)
                out[k] = links[k]
        return out

    def _inside(self, j: int, link: Link | None) -> float:
        if link is None or len(link.a) != 1:
            return -1.0
        part = self.fb[j]
        return overlap(part.vector, self.fa[link.a[0]].vector) / part.mass if part.mass else 0.0

    # -- 4. moved sentences --------------------------------------------------------------------------
    def _moved(self, links: list[Link]) -> list[Link]:
        used_a = {i for link in links for i in link.a}
        used_b = {j for link in links for j in link.b}
        free_a = [i for i in range(len(self.fa)) if i not in used_a and self.fa[i].vector]
        free_b = [j for j in range(len(self.fb)) if j not in used_b and self.fb[j].vector]
        if not free_a or not free_b:
            return []
        # A pair is looked at when the rarest words of either sentence occur in the other.
        pairs = _rare_word_pairs(self.fa, free_a, self.fb, free_b)
        pairs |= {(i, j) for j, i in _rare_word_pairs(self.fb, free_b, self.fa, free_a)}
        candidates: list[tuple[float, int, int]] = []
        for i, j in pairs:
            sim = mutual_containment(self.fa[i], self.fb[j])
            if sim >= self.t.moved:
                candidates.append((sim, i, j))
        candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
        taken_a: set[int] = set()
        taken_b: set[int] = set()
        out = []
        ordered = sorted((link.a[0], link.b[0]) for link in links)
        for sim, i, j in candidates:
            if i in taken_a or j in taken_b:
                continue
            taken_a.add(i)
            taken_b.add(j)
            out.append(Link((i,), (j,), sim, moved=not _fits_order(ordered, i, j)))
        return out


def identical_anchors(keys_a: Sequence[str], keys_b: Sequence[str]) -> list[tuple[int, int]]:
    """Longest in-order chain of identical sentences that occur once on each side."""
    count_a = Counter(keys_a)
    count_b = Counter(keys_b)
    where_b = {key: j for j, key in enumerate(keys_b) if count_b[key] == 1}
    pairs = [(i, where_b[key]) for i, key in enumerate(keys_a) if key and count_a[key] == 1 and key in where_b]
    return longest_chain(pairs)


def best_chain(candidates: list[_Candidate], b0: int, b1: int) -> list[_Candidate]:
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


def _rare_word_pairs(
    feats: list[SentenceFeatures], rows: list[int], others: list[SentenceFeatures], columns: list[int]
) -> set[tuple[int, int]]:
    """(row, column) pairs where a rare word of the row sentence occurs in the column sentence."""
    index: dict[str, list[int]] = defaultdict(list)
    for j in columns:
        for term in others[j].vector:
            index[term].append(j)
    out: set[tuple[int, int]] = set()
    for i in rows:
        hits = Counter(j for term in feats[i].rare_terms for j in index.get(term, ()))
        out.update((i, j) for j, _ in hits.most_common(CANDIDATES_PER_SENTENCE))
    return out


def _fits_order(ordered: list[tuple[int, int]], i: int, j: int) -> bool:
    """Whether pair (i, j) sits between its ordered neighbours (then it is not really moved)."""
    k = bisect.bisect_left(ordered, (i, j))
    before_ok = k == 0 or ordered[k - 1][1] < j
    after_ok = k == len(ordered) or ordered[k][1] > j
    return before_ok and after_ok


def longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence of (i, j) pairs increasing in both i and j (patience sorting)."""
    pairs = sorted(pairs)
    tails: list[int] = []  # smallest j ending a chain of each length
    tail_index: list[int] = []
    parent = [-1] * len(pairs)
    for idx, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_index.append(idx)
        else:
            tails[k] = j
            tail_index[k] = idx
        parent[idx] = tail_index[k - 1] if k > 0 else -1
    chain = []
    idx = tail_index[-1] if tail_index else -1
    while idx >= 0:
        chain.append(pairs[idx])
        idx = parent[idx]
    chain.reverse()
    return chain
