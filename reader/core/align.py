"""Sentence alignment: which sentences of A and B say the same thing.

Rewrites are paraphrases, so sentences are matched by weighted overlap of content terms,
not by string equality. The pipeline:

1. identical sentences that occur once on each side are anchors; the longest chain of them in
   order splits the problem into gaps (a book revision is mostly anchors, so this stays fast),
   and repeated identical sentences join them gap by gap (:mod:`reader.core.anchors`); a gap
   of one sentence a side is decided directly;
2. inside a gap, candidate units (1:1, 1:n splits, n:1 merges) are scored and the best chain
   of them in reading order wins (:mod:`reader.core.align_units`);
3. between the units found, the same search runs again with lower thresholds (the order
   already vouches for a link), and unlinked sentences next to a split join it when enough
   of them is found in the split sentence (:mod:`reader.core.align_passes`);
4. learned passes (:mod:`reader.core.align_segments`): each A sentence left between two
   in-order units may take a run of B sentences there, and a unit of one A sentence may take
   the free B sentences next to it, when logistic models over words *and* position agree;
5. sentences left over on both sides are paired across the whole text: those are moved;
6. a learned review (:mod:`reader.core.align_review`) drops the units it doubts; identical
   pairs always stay.

Every number of steps 2-6 is in :class:`ChainSettings` (the models' weights too); the shipped
ones (:data:`TUNED_ON_ODD_IDS`) were tuned and fitted on DEplain documents with odd ids only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.core.align_dp import DP_CELL_LIMIT, PathParams, path_gap_units
from reader.core.align_passes import Link, absorb, fill_wedged, merge_neighbours, moved
from reader.core.align_review import review
from reader.core.align_segments import extend_units, fill_segments
from reader.core.align_units import ChainSettings, Thresholds, best_chain, gap_candidates
from reader.core.anchors import identical_anchors, longest_chain, refine_anchors, unique_anchors
from reader.core.model import CompareOptions
from reader.core.segment_models import EXTEND_MODEL_EVEN, REVIEW_MODEL_EVEN, SEGMENT_MODEL_EVEN
from reader.core.similarity import SentenceFeatures, build_features, sentence_keys

__all__ = [
    "TUNED_ON_EVEN_IDS",
    "TUNED_ON_ODD_IDS",
    "ChainSettings",
    "Link",
    "Thresholds",
    "align_sentences",
    "anchors_and_features",
    "identical_anchors",
    "longest_chain",
    "path_params",
]

# Tuned by ``benchmarks/fit_alignment.py`` on DEplain documents with odd ids only (seeded
# random search, then coordinate search, on units F1 of that half); the even half only
# measures them (docs/benchmarks-alignment.md).
TUNED_ON_ODD_IDS = ChainSettings()
# The reverse fold (tuned on even ids, measured on odd), kept to report it; never the default.
TUNED_ON_EVEN_IDS = ChainSettings(
    keep=0.7, part_factor=1.1, whole_factor=0.6, whole_weight=4.0, edge_factor=0.7, weak_part_cost=99.0,
    refill_factor=0.8, absorb_min=1.01, absorb_adjacent=0.3, wedged_cover=0.1, wedged_most_b=1,
    moved_margin=0.15, max_group=6, pair_split_cost=99.0, segment_bar=0.0, extend_bar=0.0, review_bar=-1.5,
    segment_model=SEGMENT_MODEL_EVEN, extend_model=EXTEND_MODEL_EVEN, review_model=REVIEW_MODEL_EVEN,
)


def align_sentences(
    a: Sequence[str],
    b: Sequence[str],
    options: CompareOptions,
    progress: Callable[[float], None] | None = None,
    params: PathParams | None = None,
    settings: ChainSettings | None = None,
) -> list[Link]:
    """Align two lists of sentences; returns links sorted by their first A sentence.

    ``settings`` replaces the shipped candidate-chain settings (for tuning and measuring);
    ``params`` switches gaps to the monotone path search of :mod:`reader.core.align_dp` with
    those parameters (measured, not the default: see docs/benchmarks-alignment.md).
    """
    settings = settings or TUNED_ON_ODD_IDS
    keys_a, keys_b = sentence_keys(a, options), sentence_keys(b, options)
    anchors, feats_a, feats_b = anchors_and_features(keys_a, keys_b)
    path = path_params(options.looseness, params) if params is not None else None
    aligner = _Aligner(feats_a, feats_b, Thresholds.from_looseness(options.looseness, settings), settings, path)
    return aligner.run(anchors, progress)


def anchors_and_features(
    keys_a: Sequence[str], keys_b: Sequence[str]
) -> tuple[list[tuple[int, int]], list[SentenceFeatures], list[SentenceFeatures]]:
    """The identical anchors and the sentence features the aligner works with.

    Sentences matched inside gaps keep their term vectors (only the unique anchors go bare):
    they are repeats whose words the learned passes read around them, and without them the
    rivals and rarity those passes see would shift decisions elsewhere.
    """
    unique = unique_anchors(keys_a, keys_b, 0, len(keys_a), 0, len(keys_b))
    anchors = refine_anchors(keys_a, keys_b, unique)
    feats_a, feats_b, _ = build_features(keys_a, keys_b, {i for i, _ in unique}, {j for _, j in unique})
    return anchors, feats_a, feats_b


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


class _Aligner:
    def __init__(
        self,
        fa: list[SentenceFeatures],
        fb: list[SentenceFeatures],
        thresholds: Thresholds,
        settings: ChainSettings,
        params: PathParams | None,
    ) -> None:
        self.fa, self.fb, self.t, self.settings, self.params = fa, fb, thresholds, settings, params
        self.used_chain = False

    def run(self, anchors: list[tuple[int, int]], progress: Callable[[float], None] | None) -> list[Link]:
        na, nb = len(self.fa), len(self.fb)
        s = self.settings
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
        for gap in gaps:
            a0, a1, b0, b1 = gap
            if self.params is not None and (a1 - a0) * (b1 - b0) <= DP_CELL_LIMIT:
                units = path_gap_units(self.fa, self.fb, a0, a1, b0, b1, self.params)
                links.extend(Link((i,), tuple(bs), similarity) for i, bs, similarity in units)
            else:
                self.used_chain = True
                links.extend(self._align_gap(gap, self.t))
            done += (a1 - a0) * (b1 - b0)
            if progress is not None:
                progress(0.9 * done / total)
        if self.used_chain:  # only the candidate chain leaves room a second pass can fill
            if s.refill_factor:
                links.extend(self._refill(links))
            links = absorb(links, self.fa, self.fb, s.absorb_min, s.absorb_adjacent, s.max_group)
            links.extend(fill_wedged(links, self.fa, self.fb, self.t.wedged, min(s.wedged_most_b, s.max_group)))
            if s.segment_bar < 10:
                links.extend(fill_segments(links, self.fa, self.fb, self.t.segment, s.max_group, s.segment_model))
            if s.extend_bar < 10:
                links = extend_units(links, self.fa, self.fb, self.t.extend, s.max_group, s.extend_model)
        if self.params is not None:
            links = merge_neighbours(links, self.fa, self.fb, self.params.merge, s.max_group)
        links.extend(moved(links, self.fa, self.fb, self.t.moved))
        if s.review_bar < 10:
            links = review(links, self.fa, self.fb, self.t.review, s.review_model)
        links.sort(key=lambda link: (link.a[0], link.b[0]))
        if progress is not None:
            progress(1.0)
        return links

    def _align_gap(self, gap: tuple[int, int, int, int], t: Thresholds) -> list[Link]:
        if gap[1] - gap[0] == 1 and gap[3] - gap[2] == 1:
            return lone_pair_link(self.fa[gap[0]], self.fb[gap[2]], gap[0], gap[2], t.keep)
        chosen = best_chain(gap_candidates(self.fa, self.fb, gap, t, self.settings), gap[2], gap[3])
        return [Link(tuple(range(c.a0, c.a1)), tuple(range(c.b0, c.b1)), min(1.0, c.similarity)) for c in chosen]

    def _refill(self, links: list[Link]) -> list[Link]:
        """Second pass between linked units: position backs up weaker word overlap."""
        ordered = sorted(links, key=lambda link: (link.a[0], link.b[0]))
        looser = self.t.scaled(self.settings.refill_factor)
        out: list[Link] = []
        prev_a = prev_b = 0
        for link in ordered + [Link((len(self.fa),), (len(self.fb),), 0.0)]:
            if link.a[0] > prev_a and link.b[0] > prev_b:
                out.extend(self._align_gap((prev_a, link.a[0], prev_b, link.b[0]), looser))
            prev_a, prev_b = max(prev_a, link.a[-1] + 1), max(prev_b, link.b[-1] + 1)
        return out


def lone_pair_link(fa: SentenceFeatures, fb: SentenceFeatures, i: int, j: int, keep: float) -> list[Link]:
    """The chain's decision for a gap of one sentence on each side, without its candidate set.

    With one sentence a side no split or merge fits, so the chain keeps the 1:1 pair exactly
    when it shares a term and its mutual containment reaches ``keep``; the sums run in the
    order :func:`reader.core.align_units.pair_overlaps` uses, so the figures are the same.
    """
    shared, found = 0.0, False
    other = fb.vector
    for term, wa in fa.vector.items():
        wb = other.get(term)
        if wb is not None:
            shared += wa if wa < wb else wb
            found = True
    if not found:
        return []
    if fa.key == fb.key:
        similarity = 1.0
    else:
        c_ab = shared / fa.mass if fa.mass else 0.0
        c_ba = shared / fb.mass if fb.mass else 0.0
        similarity = 0.5 * (c_ab + c_ba)
    return [Link((i,), (j,), min(1.0, similarity))] if similarity >= keep else []
