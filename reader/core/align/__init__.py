"""Sentence alignment: which sentences of A and B say the same thing.

Two questions, answered in turn:

* **Coverage** (order-free): is what this sentence says found anywhere in the other text,
  in one sentence or in several together? That decides "only in A / only in B".
* **Units for display**: the links grouped 1:1, 1:n or n:1 with contiguous sides, in
  reading order where the texts keep it, marked moved where they do not.

The pipeline: identical sentences are anchors (:mod:`.anchors`; a book revision is mostly
anchors, so this stays fast); every other sentence becomes a vector of weighted content
terms (:mod:`.vectors`, Snowball stems); candidate pairs are scored by cosine
(:mod:`.candidates`); then the passes of :mod:`.passes` link best matches, pair what sits in
the same place, join split pieces and keep far pieces, and :mod:`.units` groups the links.
The bars are named, fitted data (:mod:`.settings`).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from reader.core.align.anchors import copies_in_order, identical_anchors, repeats_in_order
from reader.core.align.candidates import candidate_scores
from reader.core.align.gaps import gaps_between
from reader.core.align.link import Link
from reader.core.align.passes import Partners, best_matches, best_partners, far_pieces, gap_pairs, neighbour_pieces
from reader.core.align.settings import DEFAULT_LANGUAGE, Passes, Settings, load_settings
from reader.core.align.units import Grouping, Unit, in_order
from reader.core.align.vectors import Vector, cosine, pooled, sentence_terms, tfidf_vectors
from reader.core.model import CompareOptions
from reader.core.text.tokens import normalize_many

__all__ = ["SHIPPED", "Link", "Passes", "Settings", "align_sentences", "load_settings", "settings_for"]

# The fitted settings per language code, checked when loaded.
SHIPPED = load_settings()


def settings_for(language: str | None) -> Settings:
    """The shipped settings of ``language`` (English ones for a language without its own)."""
    return SHIPPED.get(language or DEFAULT_LANGUAGE, SHIPPED[DEFAULT_LANGUAGE])


# Looseness is snapped down to this grid; a setting links the most sentences any grid step at
# or below it links, so a looser setting never links fewer (greedy grouping alone could
# trade two links for one when bars drop). Quarters are the window's five choices; each step
# is one more grouping run (eighths made the default five runs: 1.9x the time on a book).
LOOSENESS_STEPS = 4


def align_sentences(
    a: Sequence[str],
    b: Sequence[str],
    options: CompareOptions,
    progress: Callable[[float], None] | None = None,
    settings: Settings | None = None,
    language: str | None = None,
    passes: Passes | None = None,
) -> list[Link]:
    """Align two lists of sentences; links sorted by their first A sentence, then B.

    ``settings`` replaces the shipped ones (for fitting and measuring); ``language`` picks
    the stemmer and function words (both English and German lists when it is None);
    ``passes`` switches passes off (to measure what each earns; all run by default).

    Two guarantees: swapping ``a`` and ``b`` gives exactly the mirrored links (the work is
    always done in one orientation, chosen from the texts alone), and a looser setting never
    links fewer sentences.
    """
    if list(b) < list(a):
        mirrored = _align_one_way(b, a, options, progress, settings, language, passes)
        links = [Link(link.b, link.a, link.similarity, link.moved) for link in mirrored]
        return sorted(links, key=lambda link: (link.a[0], link.b[0], link.a, link.b))
    return _align_one_way(a, b, options, progress, settings, language, passes)


def linked_count(links: Sequence[Link]) -> int:
    """How many sentences of both sides are in some link."""
    return len({i for link in links for i in link.a}) + len({j for link in links for j in link.b})


def _align_one_way(
    a: Sequence[str],
    b: Sequence[str],
    options: CompareOptions,
    progress: Callable[[float], None] | None,
    settings: Settings | None,
    language: str | None,
    passes: Passes | None,
) -> list[Link]:
    run = passes or Passes()
    fitted = settings or settings_for(language)
    top = int(min(1.0, max(0.0, options.looseness)) * LOOSENESS_STEPS + 1e-9)
    steps = [fitted.at_looseness(k / LOOSENESS_STEPS) for k in range(top + 1)]
    keys_a, keys_b = normalize_many(a, options), normalize_many(b, options)
    anchors = identical_anchors(keys_a, keys_b)
    if run.repeats:
        anchors = sorted(anchors + repeats_in_order(keys_a, keys_b, anchors))
    anchored_a = {i for i, _ in anchors}
    anchored_b = {j for _, j in anchors}
    free_a = [i for i in range(len(a)) if i not in anchored_a]
    free_b = [j for j in range(len(b)) if j not in anchored_b]
    terms = sentence_terms([keys_a[i] for i in free_a] + [keys_b[j] for j in free_b], language, fitted.number_weight)
    vectors = tfidf_vectors(terms)
    va: list[Vector] = [{} for _ in a]
    vb: list[Vector] = [{} for _ in b]
    for k, i in enumerate(free_a):
        va[i] = vectors[k]
    for k, j in enumerate(free_b):
        vb[j] = vectors[len(free_a) + k]
    if progress is not None:
        progress(0.3)
    # The strictest bar looks up the most pairs, so every step sees the same candidates.
    scores = candidate_scores(va, vb, _gaps(anchors, len(a), len(b), anchored_a, anchored_b), steps[0].link_bar)
    if progress is not None:
        progress(0.7)
    copies = copies_in_order(keys_a, keys_b, free_a, free_b) if run.repeats else []
    if run.repeats:  # copies are paired copy by copy: one left over is a repeat
        scores = {(i, j): score for (i, j), score in scores.items() if keys_a[i] != keys_b[j]}
    # What every step shares is computed once: the anchored units, each sentence's best
    # partner; a step re-runs only the passes its bars change, and only the step that links
    # the most sentences is turned into links.
    anchored = Grouping()
    for i, j in anchors + copies:
        anchored.add(i, j, 1.0)
    partners = best_partners(scores)
    best: tuple[Grouping, list[tuple[int, int, float]]] | None = None
    best_count = -1
    for bars in steps:
        grouping, far = _group(anchored.copy(), scores, partners, bars, run, va, vb)
        # Far pieces each link one sentence no unit holds: the count is linked_count's.
        count = len(grouping.unit_a) + len(grouping.unit_b) + len(far)
        if count >= best_count:  # ties go to the looser step
            best, best_count = (grouping, far), count
    if progress is not None:
        progress(1.0)
    assert best is not None
    return _links(*best, va, vb, keys_a, keys_b)


def _group(
    grouping: Grouping,
    scores: dict[tuple[int, int], float],
    partners: Partners,
    bars: Settings,
    run: Passes,
    va: Sequence[Vector],
    vb: Sequence[Vector],
) -> tuple[Grouping, list[tuple[int, int, float]]]:
    """The passes at one set of bars over ``grouping`` (the anchored units): units and far pieces."""
    grouping.add_all(best_matches(scores, bars.link_bar, len(va), len(vb), partners))
    if run.gap_pairs:
        units = grouping.units()
        placed = [units[k] for k in in_order(units)]
        grouping.add_all(gap_pairs(grouping, placed, scores, va, vb, bars.gap_bar, bars.attach_bar))
    if run.neighbour_pieces:
        neighbour_pieces(grouping, va, vb, bars.attach_bar)
    far = far_pieces(grouping, scores, va, vb, bars.link_bar, bars.far_piece_bar) if run.far_pieces else []
    return grouping, far


def _links(
    grouping: Grouping,
    far: list[tuple[int, int, float]],
    va: Sequence[Vector],
    vb: Sequence[Vector],
    keys_a: Sequence[str],
    keys_b: Sequence[str],
) -> list[Link]:
    """The links of a grouping and its far pieces, each marked moved or not."""
    units = grouping.units()
    chain = in_order(units)
    links = [_link(unit, k not in chain, va, vb, keys_a, keys_b) for k, unit in enumerate(units)]
    placed_spans = sorted((min(units[k].a), max(units[k].a), min(units[k].b), max(units[k].b)) for k in chain)
    on_chain = {id(units[k]) for k in chain}
    kept_place: set[tuple[str, int]] = set()  # shared sentences whose far piece keeps its place
    for i, j, score in far:
        shared = ("a", i) if i in grouping.unit_a else ("b", j)
        owner = grouping.unit_a.get(i) or grouping.unit_b.get(j)  # the unit it shares a sentence with
        moved = id(owner) in on_chain or shared in kept_place or not _in_place(placed_spans, i, j)
        if not moved:
            kept_place.add(shared)
        links.append(Link((i,), (j,), round(min(score, 1.0), 4), moved))
    links.sort(key=lambda link: (link.a[0], link.b[0], link.a, link.b))
    return links


def _in_place(placed: list[tuple[int, int, int, int]], i: int, j: int) -> bool:
    """Whether a link of ``i`` and ``j`` keeps the reading order of the in-order units around it.

    ``placed`` holds (first A, last A, first B, last B) of those units, sorted. Asked only
    for a far piece whose shared unit is off the chain: when the piece in its place is the
    weaker match, the stronger one elsewhere took the unit, and it is that one which moved.
    """
    k = bisect.bisect_left(placed, (i, i, j, j))
    before = [unit for unit in placed[max(0, k - 1) : k + 1] if unit[1] <= i]
    after = [unit for unit in placed[k : k + 2] if unit[0] >= i]
    return all(unit[3] <= j for unit in before[-1:]) and all(unit[2] >= j for unit in after[:1])


def _gaps(
    anchors: list[tuple[int, int]], na: int, nb: int, anchored_a: set[int], anchored_b: set[int]
) -> list[tuple[list[int], list[int]]]:
    """Free sentences of both sides grouped by the gap between anchors they sit in."""
    out = []
    for range_a, range_b in gaps_between([(i, i, j, j) for i, j in anchors], na, nb):
        side_a = [i for i in range_a if i not in anchored_a]
        side_b = [j for j in range_b if j not in anchored_b]
        if side_a or side_b:
            out.append((side_a, side_b))
    return out


def _link(
    unit: Unit, moved: bool, va: Sequence[Vector], vb: Sequence[Vector], keys_a: Sequence[str], keys_b: Sequence[str]
) -> Link:
    a, b = tuple(sorted(unit.a)), tuple(sorted(unit.b))
    if len(a) == 1 and len(b) == 1:  # nearly every unit: no pooling
        similarity = 1.0 if keys_a[a[0]] == keys_b[b[0]] else cosine(va[a[0]], vb[b[0]])
    else:
        similarity = cosine(pooled(va[i] for i in a), pooled(vb[j] for j in b))
    return Link(a, b, round(min(similarity, 1.0), 4), moved)
