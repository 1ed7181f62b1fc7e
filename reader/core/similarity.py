"""Sentence features and similarity for alignment.

A sentence becomes a sparse vector of weighted terms: word stems weighted by how rare they are
in the two texts (function words weigh little, names and numbers a lot). Cosine of vectors tells
how alike two sentences are; containment tells how much of one sits inside another, which is
what a split or merge needs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.model import CompareOptions
from reader.core.tokens import normalize

_TERM_RE = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
STEM_LENGTH = 5
NUMBER_BOOST = 2.0

Vector = dict[str, float]


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    key: str  # normalised text: equal keys mean identical sentences
    vector: Vector
    rare_terms: tuple[str, ...]  # the most telling terms, for candidate look-up


def terms_of(key: str) -> list[str]:
    """Stems of the words of a normalised sentence; numbers kept whole."""
    out = []
    for word in _TERM_RE.findall(key):
        if word[0].isdigit():
            out.append("#" + word)
        else:
            out.append(word[:STEM_LENGTH].lower())
    return out


class Weights:
    """Inverse document frequencies over the sentences of both texts, and vector maths."""

    def __init__(self, document_frequency: Counter[str], sentences: int) -> None:
        self.idf = {
            term: math.log(1.0 + sentences / count) for term, count in document_frequency.items()
        }
        self._max_idf = math.log(1.0 + max(sentences, 1))

    def vector(self, terms: list[str]) -> Vector:
        counts = Counter(terms)
        vec = {}
        for term, tf in counts.items():
            weight = (1.0 + math.log(tf)) * self.idf.get(term, self._max_idf)
            if term[0] == "#":
                weight *= NUMBER_BOOST
            vec[term] = weight
        return vec

    @staticmethod
    def merge(vectors: Sequence[Vector]) -> Vector:
        total: Vector = {}
        for vec in vectors:
            for term, weight in vec.items():
                total[term] = total.get(term, 0.0) + weight
        return total

    @staticmethod
    def cosine(a: Vector, b: Vector) -> float:
        if not a or not b:
            return 0.0
        if len(a) > len(b):
            a, b = b, a
        dot = sum(w * b[t] for t, w in a.items() if t in b)
        if not dot:
            return 0.0
        na = math.sqrt(sum(w * w for w in a.values()))
        nb = math.sqrt(sum(w * w for w in b.values()))
        return dot / (na * nb)

    @staticmethod
    def containment(part: Vector, whole: Vector) -> float:
        total = sum(part.values())
        if not total:
            return 0.0
        return sum(min(w, whole.get(t, 0.0)) for t, w in part.items()) / total


def build_features(
    a: Sequence[str], b: Sequence[str], options: CompareOptions
) -> tuple[list[SentenceFeatures], list[SentenceFeatures], Weights]:
    """Features of every sentence of both texts, with weights fitted on both."""
    keys_a = [normalize(s, options) for s in a]
    keys_b = [normalize(s, options) for s in b]
    terms_a = [terms_of(k) for k in keys_a]
    terms_b = [terms_of(k) for k in keys_b]
    df: Counter[str] = Counter()
    for terms in terms_a:
        df.update(set(terms))
    for terms in terms_b:
        df.update(set(terms))
    weights = Weights(df, len(a) + len(b))

    def features(key: str, terms: list[str]) -> SentenceFeatures:
        vec = weights.vector(terms)
        rare = tuple(sorted(vec, key=vec.__getitem__, reverse=True)[:4])
        return SentenceFeatures(key, vec, rare)

    return (
        [features(k, t) for k, t in zip(keys_a, terms_a)],
        [features(k, t) for k, t in zip(keys_b, terms_b)],
        weights,
    )
