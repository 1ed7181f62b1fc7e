"""The passes that turn pair scores into links, each answering one question.

1. :func:`best_matches` (order-free): a sentence whose best match anywhere in the other
   text reaches ``link_bar`` says the same thing as that match. Both directions, so the
   pieces of a split all find the whole sentence.
2. :func:`gap_pairs` (order): between two units in reading order, free sentences that sit
   in the same place pair at the lower ``gap_bar``; the place vouches for them.
3. :func:`neighbour_pieces` (splits and merges): a free sentence next to a unit joins it
   when the unit's other side contains enough of it (``attach_bar``).
4. :func:`far_pieces` (splits whose pieces lie apart): a free sentence whose best match is
   already in a unit elsewhere, and contains it (``far_piece_bar``), gets its own link to it
   (moved unless it is the piece that kept its place), instead of being called new.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.align.candidates import Scores
from reader.core.align.gaps import gaps_between
from reader.core.align.units import Grouping, Unit
from reader.core.align.vectors import Vector, contained, pooled
from reader.core.diff.chain import heaviest_chain

Triple = tuple[int, int, float]
# Each A sentence's best (score, B sentence) and each B sentence's best (score, A sentence).
Partners = tuple[dict[int, tuple[float, int]], dict[int, tuple[float, int]]]

# A sentence holding this much of another holds all of it: a copy, never a piece of it.
COPY = 0.99
# Terms a pair found only by its place must share.
MIN_SHARED_IN_PLACE = 2
# A match this close to a sentence's best is a rival the neighbours decide between.
NEAR_BEST = 0.8


def best_matches(scores: Scores, bar: float, na: int, nb: int, partners: Partners | None = None) -> list[Triple]:
    """Each sentence's best matches on the other side, when they reach ``bar``; strongest first.

    A sentence keeps every match close to its best (:data:`NEAR_BEST`), and a link is ranked
    by the whole run of neighbouring sentences that share its match: the two halves of a
    split beat one look-alike elsewhere, and the grouping refuses the look-alike afterwards.
    ``partners`` are :func:`best_partners` of ``scores``, when the caller has them already.
    """
    best_a, best_b = partners or best_partners(scores)
    links = {
        (i, j): score
        for (i, j), score in scores.items()
        if score >= bar and (score >= NEAR_BEST * best_a[i][0] or score >= NEAR_BEST * best_b[j][0])
    }
    by_b: dict[int, set[int]] = {}
    by_a: dict[int, set[int]] = {}
    for i, j in links:
        by_b.setdefault(j, set()).add(i)
        by_a.setdefault(i, set()).add(j)

    def run_weight(i: int, j: int) -> float:
        return max(
            sum(links[x, j] for x in _run(i, by_b[j])),
            sum(links[i, y] for y in _run(j, by_a[i])),
        )

    def distance(i: int, j: int) -> float:
        # Ties (copies of one sentence) go to the copy at the same place in the other text.
        return abs(i / max(na, 1) - j / max(nb, 1))

    ranked = sorted(links, key=lambda p: (-run_weight(*p), -links[p], distance(*p)))
    return [(i, j, links[i, j]) for i, j in ranked]


def _run(x: int, members: set[int]) -> list[int]:
    """The contiguous run of ``members`` around ``x``."""
    low, high = x, x
    while low - 1 in members:
        low -= 1
    while high + 1 in members:
        high += 1
    return list(range(low, high + 1))


def gap_pairs(
    grouping: Grouping,
    placed_units: Sequence[Unit],
    scores: Scores,
    va: Sequence[Vector],
    vb: Sequence[Vector],
    bar: float,
    piece_bar: float,
) -> list[Triple]:
    """Pairs of free sentences between consecutive in-order units (``placed_units``), reaching ``bar``.

    The place lowers the bar, not the evidence: a pair must share two terms, since one
    shared word is what two different sentences about the same story have in common. The
    pairs of one gap keep their order (the heaviest in-order chain of them); a sentence takes
    a second partner only as a piece of a split (it contains ``piece_bar``).
    """
    spans = sorted((min(unit.a), max(unit.a), min(unit.b), max(unit.b)) for unit in placed_units)
    # Each A sentence's scored partners: a gap is searched through them, never all against all.
    by_a: dict[int, list[tuple[int, float]]] = {}
    for (i, j), score in scores.items():
        if score >= bar:
            by_a.setdefault(i, []).append((j, score))
    out: list[Triple] = []
    for range_a, range_b in gaps_between(spans, len(va), len(vb)):
        free_a = [i for i in range_a if i not in grouping.unit_a]
        free_b = {j for j in range_b if j not in grouping.unit_b}
        if not free_a or not free_b:
            continue
        found = sorted(
            (
                (score, i, j)
                for i in free_a
                for j, score in by_a.get(i, ())
                if j in free_b and score >= bar and _shared_terms(va[i], vb[j]) >= MIN_SHARED_IN_PLACE
            ),
            reverse=True,
        )
        # Pairs in one place keep their order among themselves: the heaviest in-order chain
        # of them first, then the pieces of splits among the rest.
        chain = {found[k] for k in heaviest_chain([(i, j, score) for score, i, j in found])}
        found = [item for item in found if item in chain] + [item for item in found if item not in chain]
        used_a: set[int] = set()
        used_b: set[int] = set()
        for score, i, j in found:
            if i in used_a and j in used_b:
                continue
            if (score, i, j) not in chain and i not in used_a and j not in used_b:
                continue  # off the chain, a fresh pair would cross the others
            # A second partner is a piece of a split: the other sentence must contain it.
            if j in used_b and contained(va[i], [vb[j]]) < piece_bar:
                continue
            if i in used_a and contained(vb[j], [va[i]]) < piece_bar:
                continue
            out.append((i, j, score))
            used_a.add(i)
            used_b.add(j)
    return out


def _shared_terms(u: Vector, v: Vector) -> int:
    return sum(1 for term in u if term in v)


def neighbour_pieces(grouping: Grouping, va: Sequence[Vector], vb: Sequence[Vector], bar: float) -> int:
    """Join free sentences to the unit next to them as pieces of its split; how many joined.

    A sentence joins when the unit's other side contains ``bar`` of it, but not when it also
    holds that side whole: a copy of a sentence is a repeat, not a piece of it.
    """
    return _join_pieces(grouping, grouping.unit_a, vb, va, True, bar) + _join_pieces(
        grouping, grouping.unit_b, va, vb, False, bar
    )


def _join_pieces(
    grouping: Grouping,
    mine: dict[int, Unit],
    other_vectors: Sequence[Vector],
    own_vectors: Sequence[Vector],
    side_a: bool,
    bar: float,
) -> int:
    """Neighbour pieces of one side (``mine`` maps its sentences to their units)."""

    def join(x: int) -> bool:
        if x in mine or not own_vectors[x]:
            return False
        for unit in _neighbours(mine, x):
            others = sorted(unit.b if side_a else unit.a)
            share = contained(own_vectors[x], [other_vectors[y] for y in others])
            if share < bar or contained(pooled(other_vectors[y] for y in others), [own_vectors[x]]) >= COPY:
                continue
            partner = others[0]
            link = (x, partner) if side_a else (partner, x)
            if grouping.add(*link, share):
                return True
        return False

    # Both directions once, so a run of pieces on either side joins at once; after that a
    # sentence can only become a piece when a neighbour just joined: only those are looked
    # at again (rescanning the whole text per joined piece was quadratic on long runs).
    joined = 0
    waiting: list[int] = []
    for x in [*range(len(own_vectors)), *reversed(range(len(own_vectors)))]:
        # The cheap refusals of join() inline: most sentences of a revision are anchored.
        if x in mine or not own_vectors[x]:
            continue
        if join(x):
            joined += 1
            waiting += [x - 1, x + 1]
    while waiting:
        x = waiting.pop()
        if 0 <= x < len(own_vectors) and join(x):
            joined += 1
            waiting += [x - 1, x + 1]
    return joined


def _neighbours(mine: dict[int, Unit], x: int) -> list[Unit]:
    units = [mine[y] for y in (x - 1, x + 1) if y in mine]
    return [u for k, u in enumerate(units) if all(u is not v for v in units[:k])]


def best_partners(scores: Scores) -> Partners:
    """Each A sentence's best (score, B sentence), and each B sentence's best A sentence."""
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for (i, j), score in scores.items():
        if score > best_a.get(i, (0.0, -1))[0]:
            best_a[i] = (score, j)
        if score > best_b.get(j, (0.0, -1))[0]:
            best_b[j] = (score, i)
    return best_a, best_b


def far_pieces(
    grouping: Grouping, scores: Scores, va: Sequence[Vector], vb: Sequence[Vector], link_bar: float, part_bar: float
) -> list[Triple]:
    """Free sentences whose best match (reaching ``link_bar``) is already in a unit elsewhere.

    Only a piece is kept: the match must contain ``part_bar`` of the free sentence, since a
    sentence that merely resembles one already linked is more likely new, and must hold more
    than the piece does (a copy of a sentence is a repeat, not a piece of it).
    """
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for (i, j), score in scores.items():
        if i not in grouping.unit_a and j in grouping.unit_b and score > best_a.get(i, (0.0, -1))[0]:
            best_a[i] = (score, j)
        if j not in grouping.unit_b and i in grouping.unit_a and score > best_b.get(j, (0.0, -1))[0]:
            best_b[j] = (score, i)
    out = [(i, j, s) for i, (s, j) in best_a.items() if s >= link_bar and _is_piece(va[i], vb[j], part_bar)]
    out += [(i, j, s) for j, (s, i) in best_b.items() if s >= link_bar and _is_piece(vb[j], va[i], part_bar)]
    return out


def _is_piece(piece: Vector, whole: Vector, bar: float) -> bool:
    """``whole`` contains ``bar`` of ``piece`` but not the other way round."""
    return contained(piece, [whole]) >= bar and contained(whole, [piece]) < bar
