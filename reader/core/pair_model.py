"""The decision whether two lone sentences say the same thing, without surrounding texts.

A logistic regression over lexical features: the containment-style ones computed here from
the aligner's terms, and the n-gram, number, name and order evidence of
:mod:`reader.core.pair_lexical`. Fitted on the MSRP train file (English news paraphrases)
only, by ``benchmarks/fit_alignment.py msrp``; features, penalty and threshold were chosen by
cross-validation on that train file.
"""

from __future__ import annotations

import math
from difflib import SequenceMatcher

from reader.core.model import CompareOptions
from reader.core.pair_lexical import extra_pair_features
from reader.core.similarity import GenericWeights, _TERM_RE, features_of, overlap, stem, terms_of
from reader.core.tokens import normalize

NEGATIONS = frozenset("not n't no never nobody nothing none nicht kein keine keinen keinem keiner nie niemals".split())


def pair_feature_table(s1: str, s2: str, options: CompareOptions | None = None) -> dict[str, float]:
    """Every candidate feature of a sentence pair by name; the model uses :data:`PAIR_FEATURE_NAMES`."""
    options = options or CompareOptions()
    weights = GenericWeights()
    k1, k2 = normalize(s1, options), normalize(s2, options)
    t1, t2 = terms_of(k1), terms_of(k2)
    f1, f2 = features_of(k1, t1, weights), features_of(k2, t2, weights)
    if k1 and k1 == k2:
        c12 = c21 = cos = 1.0
    else:
        shared = overlap(f1.vector, f2.vector)
        c12 = shared / f1.mass if f1.mass else 0.0
        c21 = shared / f2.mass if f2.mass else 0.0
        dot = sum(w * f2.vector.get(t, 0.0) for t, w in f1.vector.items())
        cos = dot / (f1.norm * f2.norm) if f1.norm and f2.norm else 0.0
    grams1 = {(x[0], y[0]) for x, y in zip(t1, t1[1:])}
    grams2 = {(x[0], y[0]) for x, y in zip(t2, t2[1:])}
    words1 = {w.lower() for w in _TERM_RE.findall(k1)} | ({"n't"} if "n't" in k1.lower() else set())
    words2 = {w.lower() for w in _TERM_RE.findall(k2)} | ({"n't"} if "n't" in k2.lower() else set())
    content1 = {t for t, w in t1 if w >= 1.0}
    content2 = {t for t, w in t2 if w >= 1.0}
    tri1 = {(x[0], y[0], z[0]) for x, y, z in zip(t1, t1[1:], t1[2:])}
    tri2 = {(x[0], y[0], z[0]) for x, y, z in zip(t2, t2[1:], t2[2:])}
    unmatched1, unmatched2 = math.log1p(len(content1 - content2)), math.log1p(len(content2 - content1))
    forward = SequenceMatcher(None, k1, k2, autojunk=False).ratio()
    table = {
        "s1_in_s2": c12,  # containment of the first sentence's weight in the second
        "s2_in_s1": c21,
        "containment_low": min(c12, c21),
        "containment_high": max(c12, c21),
        "cosine": cos,
        "bigram_overlap": len(grams1 & grams2) / len(grams1 | grams2) if grams1 | grams2 else 0.0,
        "shared_number": 1.0 if f1.numbers & f2.numbers else 0.0,
        "number_mismatch": 1.0 if f1.numbers ^ f2.numbers else 0.0,
        "length_difference": abs(math.log((len(t1) + 1) / (len(t2) + 1))),
        "negation_mismatch": 1.0 if bool(words1 & NEGATIONS) != bool(words2 & NEGATIONS) else 0.0,
        "unmatched_1": unmatched1,  # log(1 + content stems of s1 missing from s2)
        "unmatched_2": unmatched2,
        "unmatched_low": min(unmatched1, unmatched2),
        "unmatched_high": max(unmatched1, unmatched2),
        "trigram_overlap": len(tri1 & tri2) / len(tri1 | tri2) if tri1 | tri2 else 0.0,
        "characters": forward,  # difflib ratio of the normalised strings, as first shipped
        # difflib is not quite symmetric: the larger of the two orders does not depend on order.
        "characters_high": max(forward, SequenceMatcher(None, k2, k1, autojunk=False).ratio()),
    }
    table.update(extra_pair_features(s1, s2, stem))
    return table


# Chosen by 10-fold cross-validation on the MSRP train file (benchmarks/fit_msrp.py): all
# candidate features, every one symmetric, so the order of the two sentences does not matter.
PAIR_FEATURE_NAMES: tuple[str, ...] = (
    "containment_low",
    "containment_high",
    "cosine",
    "bigram_overlap",
    "trigram_overlap",
    "length_difference",
    "negation_mismatch",
    "unmatched_low",
    "unmatched_high",
    "characters_high",
    "word1_low",
    "word1_high",
    "word2_low",
    "word2_high",
    "word3_low",
    "word3_high",
    "word4_low",
    "word4_high",
    "stem1_low",
    "stem1_high",
    "stem2_low",
    "stem2_high",
    "stem3_low",
    "stem3_high",
    "content1_low",
    "content1_high",
    "content2_low",
    "content2_high",
    "char3_low",
    "char3_high",
    "char4_low",
    "char4_high",
    "bleu_low",
    "bleu_high",
    "lcs_low",
    "lcs_high",
    "word_edit",
    "numbers_equal",
    "number_one_side",
    "numbers_differ",
    "numbers_unmatched",
    "entities_shared",
    "entities_alone",
    "length_gap",
    "quote_differs",
    "cover_x_ratio",
    "cover_above_0.5",
    "cover_above_0.7",
    "cover_above_0.85",
)


def pair_features(s1: str, s2: str, options: CompareOptions | None = None) -> tuple[float, ...]:
    """The lexical features of :data:`PAIR_FEATURE_NAMES` for two lone sentences."""
    table = pair_feature_table(s1, s2, options)
    return tuple(table[name] for name in PAIR_FEATURE_NAMES)


def pair_similarity(s1: str, s2: str, options: CompareOptions | None = None) -> float:
    """Probability, 0..1, that two lone sentences say the same thing.

    A logistic regression over :func:`pair_features`, fitted on the MSRP train file (English
    news paraphrases) by ``benchmarks/fit_alignment.py``. Without surrounding texts there is
    no rarity to learn, so content words weigh 1, function words little and numbers more.
    Compare with :func:`pair_threshold`.
    """
    features = pair_features(s1, s2, options)
    logit = PAIR_BIAS + sum(w * f for w, f in zip(PAIR_WEIGHTS, features))
    return 1.0 / (1.0 + math.exp(-logit)) if logit > -700 else 0.0


def pair_threshold(looseness: float) -> float:
    """The link threshold on :func:`pair_similarity` that ``looseness`` (0..1) implies.

    0 accepts only pairs the model is all but sure of, 1 loose paraphrases; 0.5 gives the
    threshold that was most accurate on the MSRP train file. Piecewise linear in between.
    """
    loose = min(1.0, max(0.0, looseness))
    if loose <= 0.5:
        return STRICT_THRESHOLD + (DEFAULT_THRESHOLD - STRICT_THRESHOLD) * loose / 0.5
    return DEFAULT_THRESHOLD + (LOOSE_THRESHOLD - DEFAULT_THRESHOLD) * (loose - 0.5) / 0.5


# Fitted on msrp_train.jsonl only by benchmarks/fit_msrp.py (logistic regression, Newton's
# method on standardised features, L2 0.01); DEFAULT_THRESHOLD is the most accurate on train.
PAIR_WEIGHTS = (
    0.432, 0.2886, 0.3451, 0.3471, 0.0118, -0.6061, -1.1145, -0.2355,
    -0.3406, 2.987, 0.9209, -0.1688, 0.1282, -0.53, -0.0168, -0.4955,
    -0.2694, -0.5587, 1.7554, 0.5888, 0.3408, -0.3596, -0.0487, -0.5649,
    0.2694, 0.7034, -1.2374, -0.9657, 2.1768, 0.8485, 0.6826, -0.4737,
    -0.1558, -0.7317, 0.5443, -0.5853, -1.3859, -0.0439, 0.0097, -0.309,
    -0.2725, -0.2402, 0.2139, 0.1406, -0.1742, 1.2851, -0.0239, 0.4315,
    0.9011,
)
PAIR_BIAS = -3.1137
STRICT_THRESHOLD = 0.98
DEFAULT_THRESHOLD = 0.49
LOOSE_THRESHOLD = 0.1
