"""Sentences as weighted content terms: the one similarity model of the aligner.

A term is the Snowball stem of a content word, or a number kept whole (``#1960``); function
words are left out. A term weighs by its rarity among the sentences of both texts (TF-IDF)
and numbers weigh more (``Settings.number_weight``), so names, figures and rare words decide.
Vectors are L2-normalised: their dot product is the cosine, and the squared weights of one
vector found in another is how much of it the other *contains* (a piece of a split sentence
is contained in the whole even when the cosine is low).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain

from reader.core.text.lexicon import function_words, stemmer_for

Vector = dict[str, float]

# Words as the model sees them: numbers whole ("5-2" is two, "3.5" one), letters without digits.
_WORD_RE = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_]+")
# Distinct words stemmed per call of ``sentence_vectors``: the bound keeps memory flat.
_STEM_CACHE_LIMIT = 1 << 17
# The stem cache's "not looked up yet" (None there means "not a term").
_UNSEEN: tuple[str, float] = ("", 0.0)


def sentence_terms(keys: Sequence[str], language: str | None, number_weight: float) -> list[list[tuple[str, float]]]:
    """(term, base weight) of every sentence key (keys are already lower-cased and folded)."""
    stem = stemmer_for(language).stemWord
    skip = function_words(language)
    cache: dict[str, tuple[str, float] | None] = {}
    out: list[list[tuple[str, float]]] = []
    for key in keys:
        terms: list[tuple[str, float]] = []
        for word in _WORD_RE.findall(key.lower()):
            found = cache.get(word, _UNSEEN)
            if found is _UNSEEN:
                if word[0].isdigit():
                    found = ("#" + word, number_weight)
                elif word in skip or len(word) < 2:
                    found = None
                else:
                    found = (stem(word), 1.0)
                if len(cache) < _STEM_CACHE_LIMIT:
                    cache[word] = found
            if found is not None:
                terms.append(found)
        out.append(terms)
    return out


def tfidf_vectors(term_lists: Sequence[list[tuple[str, float]]]) -> list[Vector]:
    """L2-normalised TF-IDF vectors, the rarity counted over all the given sentences."""
    n = len(term_lists)
    df = Counter(chain.from_iterable({term for term, _ in terms} for terms in term_lists))
    idf = {term: math.log((1 + n) / (1 + count)) + 1.0 for term, count in df.items()}
    out: list[Vector] = []
    for terms in term_lists:
        raw: Vector = {}
        for term, base in terms:
            raw[term] = raw.get(term, 0.0) + base
        weighted = {term: total * idf[term] for term, total in raw.items()}
        norm = math.sqrt(sum(w * w for w in weighted.values())) or 1.0
        out.append({term: w / norm for term, w in weighted.items()})
    return out


def cosine(u: Vector, v: Vector) -> float:
    """Dot product of two normalised vectors."""
    if len(u) > len(v):
        u, v = v, u
    total = 0.0
    for term, weight in u.items():
        other = v.get(term)
        if other is not None:
            total += weight * other
    return total


def contained(part: Vector, wholes: Iterable[Vector]) -> float:
    """Share of ``part``'s (squared) weight whose terms occur in one of ``wholes`` (0..1)."""
    found: set[str] = set()
    for whole in wholes:
        found.update(term for term in part if term in whole)
    return sum(part[term] ** 2 for term in found)


def pooled(vectors: Iterable[Vector]) -> Vector:
    """The normalised sum of several vectors: a group of sentences as one."""
    total: Vector = {}
    for vector in vectors:
        for term, weight in vector.items():
            total[term] = total.get(term, 0.0) + weight
    norm = math.sqrt(sum(w * w for w in total.values())) or 1.0
    return {term: w / norm for term, w in total.items()}
