"""Passes over the links found in order: sentences that elaborate a split, moved sentences.

``absorb`` gives unlinked B sentences next to a split to that split when enough of them is
inside the split sentence (a weaker bar for a lone sentence wedged between a split and the
next unit: order vouches for it). ``moved`` pairs the sentences left on both sides across the
whole text. ``fill_wedged`` links a lone A sentence to the B sentences left between the same
two in-order units. ``merge_neighbours`` is the n:1 post pass of the opt-in path search.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.similarity import SentenceFeatures, coverage, mutual_containment, overlap

CANDIDATES_PER_SENTENCE = 12


@dataclass(frozen=True, slots=True)
class Link:
    """Aligned sentence indices of A and B with their similarity; ``moved`` breaks the order."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    similarity: float
    moved: bool = False


def absorb(
    links: list[Link],
    fa: Sequence[SentenceFeatures],
    fb: Sequence[SentenceFeatures],
    minimum: float,
    adjacent: float,
    max_group: int,
) -> list[Link]:
    """Give runs of unlinked B sentences to the split before or after them."""
    links = sorted(links, key=lambda link: link.b[0])
    out = list(links)

    def inside(j: int, link: Link | None) -> float:
        if link is None or len(link.a) != 1:
            return -1.0
        part = fb[j]
        return overlap(part.vector, fa[link.a[0]].vector) / part.mass if part.mass else 0.0

    for k in range(len(links) + 1):
        prev = out[k - 1] if k > 0 else None
        nxt = links[k] if k < len(links) else None
        start = prev.b[-1] + 1 if prev else 0
        end = nxt.b[0] if nxt else len(fb)
        if start >= end:
            continue
        if prev is not None and nxt is not None and nxt.a[0] < prev.a[-1]:
            continue
        to_prev = [inside(j, prev) for j in range(start, end)]
        to_next = [inside(j, nxt) for j in range(start, end)]
        # Split the run where the prefix fits prev and the suffix fits next best.
        best_split, best_score = 0, -1.0
        for split in range(end - start + 1):
            score = sum(to_prev[:split]) + sum(to_next[split:])
            if score > best_score:
                best_split, best_score = split, score
        # One sentence between a split and the next unit: its place says it belongs to the split.
        wedged = end - start == 1 and prev is not None and nxt is not None and len(prev.b) > 1
        bar = min(minimum, adjacent) if wedged else minimum
        take_prev = 0
        while take_prev < best_split and to_prev[take_prev] >= bar:
            take_prev += 1
        take_next = 0
        while take_next < end - start - best_split and to_next[end - start - 1 - take_next] >= minimum:
            take_next += 1
        if prev is not None and take_prev and len(prev.a) == 1 and len(prev.b) + take_prev <= max_group:
            out[k - 1] = Link(prev.a, prev.b + tuple(range(start, start + take_prev)), prev.similarity, prev.moved)
        if nxt is not None and take_next and len(nxt.a) == 1 and len(nxt.b) + take_next <= max_group:
            links[k] = Link(nxt.a, tuple(range(end - take_next, end)) + nxt.b, nxt.similarity, nxt.moved)
            out[k] = links[k]
    return out


def fill_wedged(
    links: list[Link], fa: Sequence[SentenceFeatures], fb: Sequence[SentenceFeatures], bar: float, most_b: int
) -> list[Link]:
    """Link one A sentence to the few B sentences wedged with it between two in-order units.

    When the units around agree, a lone A sentence and up to ``most_b`` B sentences left
    between them are most likely its rewrite; the union of those B sentences only has to cover
    ``bar`` of the A sentence (plain-language rewrites keep few of the original words).
    """
    if most_b < 1:
        return []
    ordered = sorted((link for link in links if not link.moved), key=lambda link: (link.a[0], link.b[0]))
    out: list[Link] = []
    prev_a = prev_b = 0
    for link in ordered + [Link((len(fa),), (len(fb),), 0.0)]:
        a_end, b_end = link.a[0], link.b[0]
        if a_end - prev_a == 1 and 1 <= b_end - prev_b <= most_b:
            parts = [fb[j] for j in range(prev_b, b_end)]
            cover = coverage(fa[prev_a], parts)
            if cover >= bar and all(part.vector for part in parts):
                out.append(Link((prev_a,), tuple(range(prev_b, b_end)), cover))
        prev_a, prev_b = max(prev_a, link.a[-1] + 1), max(prev_b, link.b[-1] + 1)
    return out


def merge_neighbours(
    links: list[Link], fa: Sequence[SentenceFeatures], fb: Sequence[SentenceFeatures], merge: float, max_group: int
) -> list[Link]:
    """An unlinked A sentence next to a unit joins it when the unit's B side covers it (n:1)."""
    used_a = {i for link in links for i in link.a}
    out = []
    for link in sorted(links, key=lambda x: x.a[0]):
        if link.moved or link.similarity >= 1.0:
            out.append(link)
            continue
        parts = [fb[j] for j in link.b]
        a = list(link.a)
        for step, edge in ((-1, 0), (1, -1)):
            while len(a) < max_group:
                k = a[edge] + step
                if k < 0 or k >= len(fa) or k in used_a or not fa[k].vector:
                    break
                if coverage(fa[k], parts) < merge:
                    break
                used_a.add(k)
                a = [k] + a if step < 0 else a + [k]
        out.append(link if len(a) == len(link.a) else Link(tuple(a), link.b, link.similarity, link.moved))
    return out


def moved(
    links: list[Link], fa: Sequence[SentenceFeatures], fb: Sequence[SentenceFeatures], bar: float
) -> list[Link]:
    """Pairs of sentences left unlinked on both sides, anywhere in the texts, from ``bar`` on."""
    used_a = {i for link in links for i in link.a}
    used_b = {j for link in links for j in link.b}
    free_a = [i for i in range(len(fa)) if i not in used_a and fa[i].vector]
    free_b = [j for j in range(len(fb)) if j not in used_b and fb[j].vector]
    if not free_a or not free_b:
        return []
    # A pair is looked at when the rarest words of either sentence occur in the other.
    pairs = _rare_word_pairs(fa, free_a, fb, free_b)
    pairs |= {(i, j) for j, i in _rare_word_pairs(fb, free_b, fa, free_a)}
    candidates: list[tuple[float, int, int]] = []
    for i, j in pairs:
        sim = mutual_containment(fa[i], fb[j])
        if sim >= bar:
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


def _rare_word_pairs(
    feats: Sequence[SentenceFeatures], rows: list[int], others: Sequence[SentenceFeatures], columns: list[int]
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
