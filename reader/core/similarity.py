"""Sentence features and similarity for alignment.

A sentence becomes a sparse vector of weighted terms. Terms are light stems of its words
(inflected German and English forms fall together) and, with a smaller weight, character
4-grams of its content words, which catch compounds and spelling variants ("Betlehem" /
"Bethlehem", "Verbindungsmittel" / "Mittel"). Weights come from how rare a term is in the two
texts; function words weigh little and numbers a lot, so the content decides.

The measure the aligner uses is *containment*: how much of one sentence's weight is found in
another (or in a group of others). A split keeps each part inside the original sentence even
when the parts together drop half of it, which cosine would punish.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from reader.core.model import CompareOptions
from reader.core.tokens import normalize_many

_TERM_RE = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_]+(?:['\u2019][^\W\d_]+)?")

# Endings stripped before a stem is cut (German and English inflection), longest first.
_SUFFIXES = tuple(
    sorted(
        "ungen ung innen in ern em en er es est st ens nd e s n t ing ed ly ies".split(),
        key=len,
        reverse=True,
    )
)
STEM_LENGTH = 6
MIN_STEM = 3
NGRAM = 4
# Share of a word's weight that goes to its character n-grams rather than its stem.
NGRAM_SHARE = 0.0
NUMBER_BOOST = 2.0
FUNCTION_WORD_FACTOR = 0.15

# Short lists written for this project: the words that carry grammar, not content.
FUNCTION_WORDS = frozenset(
    """
    a an the and or but nor so yet if then than that this these those there here it its it's
    is are was were be been being am do does did done have has had having will would shall
    should can could may might must of in on at by for with from to into onto upon about
    over under after before between through during without within as not no yes he she
    they we you i me him her them us my your his our their who whom whose which what when
    where why how all any both each few more most other some such only own same very too
    also just said says say
    der die das den dem des ein eine einer eines einem einen und oder aber doch sondern
    denn weil dass daß ob wenn als wie so auch noch nur schon sehr ist sind war waren
    wird werden wurde wurden worden sein seine seiner seinem seinen bin bist hat haben
    hatte hatten habe kann können konnte konnten muss müssen musste soll sollen sollte
    will wollen wollte darf dürfen mag ich du er sie es wir ihr man mich dich sich uns
    euch ihm ihn ihnen mein meine dein deine unser unsere euer eure ihre ihrem ihren ihrer
    im in am an auf aus bei mit nach von vor zu zum zur über unter um durch für gegen ohne
    bis seit zwischen hinter neben nicht kein keine keinen keinem keiner da dann dort hier
    was wer wo wann warum welche welcher welches dies diese dieser dieses diesem diesen
    jener alle alles viel viele mehr etwa ja nein mal
    """.split()
)

Vector = dict[str, float]


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    key: str  # normalised text: equal keys mean identical sentences
    vector: Vector
    mass: float  # sum of the weights: the denominator of containment
    rare_terms: tuple[str, ...]  # the most telling terms, for candidate look-up
    norm: float = 0.0  # Euclidean length of the vector, for cosine
    numbers: frozenset[str] = frozenset()  # number terms ("#1911")
    words: int = 0  # how many terms the sentence has (length, for length ratios)


def stem(word: str) -> str:
    """A light stem: inflection endings off, then cut to ``STEM_LENGTH`` characters."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM + 1:
            word = word[: -len(suffix)]
            break
    return word[:STEM_LENGTH]


def terms_of(key: str) -> list[tuple[str, float]]:
    """(term, base weight) pairs of a normalised sentence, before rarity weighting.

    Numbers are kept whole and marked ``#``; n-grams are marked ``~`` so they never collide
    with stems. A word's n-grams share ``NGRAM_SHARE`` of its weight between them.
    """
    settings = (NGRAM_SHARE, FUNCTION_WORD_FACTOR, NUMBER_BOOST)
    cache = _WORD_TERMS.get(settings)
    if cache is None or len(cache) > WORD_CACHE_LIMIT:
        cache = _WORD_TERMS[settings] = {}
    out: list[tuple[str, float]] = []
    for word in _TERM_RE.findall(key):
        # A plain dict look-up: a book has 200,000 words, and a cached call costs more.
        found = cache.get(word)
        if found is None:
            found = cache[word] = _word_terms(word, *settings)
        out.extend(found)
    return out


# Terms of every word seen, per setting of the weights above (fitting scripts change them).
_WORD_TERMS: dict[tuple[float, float, float], dict[str, tuple[tuple[str, float], ...]]] = {}
WORD_CACHE_LIMIT = 1 << 18


def _word_terms(word: str, ngram_share: float, function_factor: float, number_boost: float) -> tuple[tuple[str, float], ...]:
    # Cached by terms_of: a text repeats its words, and stemming dominates the cost of a book.
    if word[0].isdigit():
        return (("#" + word, number_boost),)
    word = word.lower()
    if word in FUNCTION_WORDS:
        return ((word, function_factor),)
    if ngram_share <= 0 or len(word) < NGRAM:
        return ((stem(word), 1.0),)
    padded = f"<{word}>"
    grams = [padded[k : k + NGRAM] for k in range(len(padded) - NGRAM + 1)]
    share = ngram_share / len(grams)
    return ((stem(word), 1.0 - ngram_share),) + tuple(("~" + gram, share) for gram in grams)


class Weights:
    """Rarity (inverse sentence frequency) of terms over the sentences of both texts."""

    def __init__(self, document_frequency: Counter[str], sentences: int) -> None:
        self.idf = {term: math.log(1.0 + sentences / count) for term, count in document_frequency.items()}
        self._max_idf = math.log(1.0 + max(sentences, 1))

    @classmethod
    def fitted(cls, term_lists: Iterable[list[tuple[str, float]]]) -> Weights:
        term_sets = [{term for term, _ in terms} for terms in term_lists]
        # One counting pass over all sentences' distinct terms (C-level) instead of one update each.
        return cls(Counter(chain.from_iterable(term_sets)), len(term_sets))

    def vector(self, terms: list[tuple[str, float]]) -> Vector:
        vec: Vector = dict(terms)
        if len(vec) < len(terms):  # a repeated term: sum its base weights (rare, so a loop)
            vec = {}
            for term, base in terms:
                vec[term] = vec.get(term, 0.0) + base
        idf, default, sqrt = self.idf, self._max_idf, math.sqrt
        # Repeats count less than new words: damp the summed base weight.
        return {term: sqrt(total) * idf.get(term, default) for term, total in vec.items()}


class GenericWeights(Weights):
    """Weights for a lone pair of sentences, where no texts tell which words are rare."""

    def __init__(self) -> None:
        super().__init__(Counter(), 1)

    def vector(self, terms: list[tuple[str, float]]) -> Vector:
        vec: Vector = {}
        for term, base in terms:
            vec[term] = vec.get(term, 0.0) + base
        return {term: math.sqrt(total) for term, total in vec.items()}


def features_of(key: str, terms: list[tuple[str, float]], weights: Weights) -> SentenceFeatures:
    vec = weights.vector(terms)
    words = [t for t in vec if t[0] != "~"] if NGRAM_SHARE > 0 else list(vec)  # no n-grams: every term
    rare = tuple(sorted(words, key=vec.__getitem__, reverse=True)[:4])
    weights_only = list(vec.values())
    norm = math.sqrt(sum([w * w for w in weights_only]))
    numbers = frozenset([t for t in words if t[0] == "#"])
    return SentenceFeatures(key, vec, sum(weights_only), rare, norm, numbers, len(terms))


def overlap(a: Vector, b: Vector) -> float:
    """Weight the two vectors share: the sum of per-term minima."""
    if len(a) > len(b):
        a, b = b, a
    total = 0.0
    for term, weight in a.items():
        other = b.get(term)
        if other is not None:
            total += weight if weight < other else other
    return total


def containment(part: SentenceFeatures, whole: SentenceFeatures) -> float:
    """Share of ``part``'s weight that is found in ``whole`` (0..1)."""
    if not part.mass:
        return 0.0
    return overlap(part.vector, whole.vector) / part.mass


def coverage(whole: SentenceFeatures, parts: Sequence[SentenceFeatures]) -> float:
    """Share of ``whole``'s weight found in the union of ``parts`` (a split or a merge)."""
    if not whole.mass:
        return 0.0
    wv = whole.vector
    if len(parts) == 1:
        # One part (most calls): no pooling; the same minima summed in the same order as below.
        return sum([min(wv[term], weight) for term, weight in parts[0].vector.items() if term in wv]) / whole.mass
    pooled: Vector = {}
    for part in parts:
        for term, weight in part.vector.items():
            if term in wv:
                pooled[term] = pooled.get(term, 0.0) + weight
    return sum(min(wv[t], w) for t, w in pooled.items()) / whole.mass


def mutual_containment(a: SentenceFeatures, b: SentenceFeatures) -> float:
    """Mean of the two containments: how much each sentence says of the other (0..1)."""
    if a.key and a.key == b.key:
        return 1.0
    if not a.mass or not b.mass:
        return 0.0
    shared = overlap(a.vector, b.vector)
    return 0.5 * (shared / a.mass + shared / b.mass)


def sentence_keys(sentences: Sequence[str], options: CompareOptions) -> list[str]:
    """Matching form of every sentence: equal keys mean identical sentences."""
    return normalize_many(sentences, options)  # one pass over all of them: a book has 20,000


def build_features(
    keys_a: Sequence[str],
    keys_b: Sequence[str],
    skip_a: Container[int] = (),
    skip_b: Container[int] = (),
    unweighed_a: Container[int] | None = None,
    unweighed_b: Container[int] | None = None,
) -> tuple[list[SentenceFeatures], list[SentenceFeatures], Weights]:
    """Features of every sentence of both texts, with weights fitted on both.

    Sentences in ``skip_a`` / ``skip_b`` (already matched identically) keep only their key:
    a book revision is mostly such sentences, and their words need no weighing. Rarity is
    fitted on the sentences outside ``unweighed_a`` / ``unweighed_b`` (by default the skipped
    ones), so the aligner can match more sentences identically without moving the weights
    of the rest.
    """
    unweighed_a = skip_a if unweighed_a is None else unweighed_a
    unweighed_b = skip_b if unweighed_b is None else unweighed_b
    cache: dict[str, list[tuple[str, float]]] = {}

    def terms(key: str) -> list[tuple[str, float]]:
        # A revision repeats sentences ("```", "}"): their terms are the same list.
        found = cache.get(key)
        if found is None:
            found = cache[key] = terms_of(key)
        return found

    terms_a = [[] if i in unweighed_a else terms(k) for i, k in enumerate(keys_a)]
    terms_b = [[] if j in unweighed_b else terms(k) for j, k in enumerate(keys_b)]
    weights = Weights.fitted(t for t in terms_a + terms_b if t)

    def features(keys: Sequence[str], terms: list[list[tuple[str, float]]], skip: Container[int]) -> list[SentenceFeatures]:
        # Skipped sentences (most of a revision) get a bare record: no vector maths.
        return [
            features_of(k, t, weights) if t and n not in skip else SentenceFeatures(k, {}, 0.0, ())
            for n, (k, t) in enumerate(zip(keys, terms))
        ]

    return features(keys_a, terms_a, skip_a), features(keys_b, terms_b, skip_b), weights


def containment_threshold(looseness: float, default: float | None = None) -> float:
    """The 1:1 bar on mutual containment that ``looseness`` implies (candidate chain, moves).

    ``default`` is the bar at looseness 0.5 (the aligner passes its tuned one); the ends stay
    fixed: near-identical only at 0, loose paraphrase at 1. Piecewise linear in between.
    """
    middle = DEFAULT_CONTAINMENT if default is None else default
    loose = min(1.0, max(0.0, looseness))
    if loose <= 0.5:
        return STRICT_CONTAINMENT + (middle - STRICT_CONTAINMENT) * loose / 0.5
    return middle + (LOOSE_CONTAINMENT - middle) * (loose - 0.5) / 0.5


STRICT_CONTAINMENT = 0.9
DEFAULT_CONTAINMENT = 0.6
LOOSE_CONTAINMENT = 0.2


# The lone-pair decision lives in its own module; re-exported here where callers know it.
from reader.core.pair_model import (  # noqa: E402, F401
    PAIR_FEATURE_NAMES,
    pair_features,
    pair_similarity,
    pair_threshold,
)
