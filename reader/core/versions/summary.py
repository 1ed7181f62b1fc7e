"""What several pairwise comparisons tell together: statuses, shared additions, overlap.

Nothing here compares texts again with the aligner: the statuses and additions are read off
each version's units and only-in lists, and the two measures between versions (shared
additions, the overlap table) use the sentences' matching keys and term vectors, linear in
the texts' length, so adding a version costs one pairwise comparison and little more.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence

from reader.core.align import settings_for
from reader.core.align.vectors import Vector, sentence_terms, tfidf_vectors
from reader.core.model import CompareOptions, Comparison, Document, Sentence, Unit, UnitKind
from reader.core.text.sentences import detect_language
from reader.core.text.tokens import normalize_many
from reader.core.versions.model import (
    Addition,
    Overlap,
    SentenceState,
    SentenceStatus,
    SharedAddition,
    VersionResult,
)

# Two added sentences of two versions are "the same addition" from this cosine on.
SAME_ADDITION_MIN = 0.5
# Phrases of the overlap table: this many words in a row.
PHRASE_WORDS = 3
_WORD = re.compile(r"\w+")

_DROPPED = SentenceState(SentenceStatus.DROPPED, None, (), 0.0, False)


def sentence_texts(document: Document, sentences: Sequence[Sentence]) -> list[str]:
    return [document.text[s.start : s.end] for s in sentences]


def base_index_map(canonical: Sequence[Sentence], own: Sequence[Sentence]) -> list[int]:
    """For each sentence of ``canonical``, the index in ``own`` of the sentence holding its start.

    The base is split inside every pairwise comparison; with the same options the splits are
    the same, but the language is detected from both texts, so a version in another language
    may split the base differently. The statuses then follow the version's own split.
    """
    if own is canonical or list(own) == list(canonical):
        return list(range(len(canonical)))
    starts = [s.start for s in own]
    return [max(0, bisect_right(starts, s.start) - 1) for s in canonical]


def _state(unit: Unit, index: int) -> SentenceState:
    edited = unit.edit_kind is not UnitKind.IDENTICAL
    if len(unit.a) > 1:
        status = SentenceStatus.MERGED
    elif len(unit.b) > 1:
        status = SentenceStatus.SPLIT
    elif unit.moved:
        status = SentenceStatus.MOVED
    else:
        status = SentenceStatus.REWORDED if edited else SentenceStatus.KEPT
    return SentenceState(status, index, unit.b, unit.similarity, edited)


def version_states(comparison: Comparison, mapping: Sequence[int]) -> list[SentenceState]:
    """The state of every canonical base sentence in one version."""
    unit_of: dict[int, int] = {}
    for index, unit in enumerate(comparison.units):
        for i in unit.a:
            unit_of[i] = index
    states: list[SentenceState] = []
    for own in mapping:
        found = unit_of.get(own)
        states.append(_DROPPED if found is None else _state(comparison.units[found], found))
    return states


def _language(base: Document, options: CompareOptions) -> str:
    return options.language or detect_language(base.text[:20_000])


def additions(
    base: Document, results: Sequence[VersionResult], options: CompareOptions
) -> tuple[tuple[Addition, ...], ...]:
    """Each version's added sentences, each with the other versions that add it too.

    Two additions are the same when the cosine of their TF-IDF term vectors (the aligner's
    terms: stems of content words, numbers whole; rarity counted over all the additions)
    reaches :data:`SAME_ADDITION_MIN`; per other version the most similar one.
    """
    added = [(r.index, j) for r in results for j in r.comparison.only_b]
    if not added:
        return tuple(() for _ in results)
    by_index = {r.index: r for r in results}
    texts = [
        by_index[v].document.text[
            by_index[v].comparison.sentences_b[j].start : by_index[v].comparison.sentences_b[j].end
        ]
        for v, j in added
    ]
    keys = normalize_many(texts, options)
    language = _language(base, options)
    vectors = tfidf_vectors(sentence_terms(keys, language, settings_for(language).number_weight))
    shared = _shared_additions(added, vectors, keys)
    out: dict[int, list[Addition]] = {r.index: [] for r in results}
    for k, (version, sentence) in enumerate(added):
        out[version].append(Addition(version, sentence, tuple(shared[k])))
    return tuple(tuple(out[r.index]) for r in results)


def _shared_additions(
    added: Sequence[tuple[int, int]], vectors: Sequence[Vector], keys: Sequence[str]
) -> list[list[SharedAddition]]:
    """Per addition, the best match in every other version (an inverted index: no N² scan)."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for k, vector in enumerate(vectors):
        for term, weight in vector.items():
            postings[term].append((k, weight))
    same_key: dict[str, list[int]] = defaultdict(list)
    for k, key in enumerate(keys):
        same_key[key].append(k)
    out: list[list[SharedAddition]] = []
    for k, vector in enumerate(vectors):
        version = added[k][0]
        scores: dict[int, float] = defaultdict(float)
        for term, weight in vector.items():
            for other, other_weight in postings[term]:
                if added[other][0] != version:
                    scores[other] += weight * other_weight
        for other in same_key[keys[k]]:  # equal text without content terms ("Yes.")
            if added[other][0] != version:
                scores[other] = 1.0
        best: dict[int, tuple[float, int]] = {}
        for other, score in scores.items():
            score = min(1.0, score)
            if score >= SAME_ADDITION_MIN:
                other_version = added[other][0]
                if other_version not in best or score > best[other_version][0]:
                    best[other_version] = (score, other)
        out.append([SharedAddition(v, added[other][1], round(score, 4)) for v, (score, other) in sorted(best.items())])
    return out


def _profile(keys: Sequence[str]) -> tuple[set[str], set[int]]:
    """A text's distinct sentence keys and the hashes of its distinct word phrases."""
    phrases: set[int] = set()
    for key in keys:
        words = _WORD.findall(key)
        if len(words) >= PHRASE_WORDS:
            phrases.update(
                map(hash, zip(*(words[k:] for k in range(PHRASE_WORDS)), strict=False))
            )  # shifted copies: the shortest ends it
        elif words:
            phrases.add(hash(tuple(words)))
    return {key for key in keys if key}, phrases


def _found(row: tuple[list[str], set[str], set[int]], column: tuple[list[str], set[str], set[int]]) -> Overlap:
    keys, _, phrases = row
    _, other_keys, other_phrases = column
    sentences = sum(1 for key in keys if key in other_keys) / len(keys) if keys else 0.0
    found = len(phrases & other_phrases) / len(phrases) if phrases else 0.0
    return Overlap(round(sentences, 4), round(found, 4))


def overlap_table(
    base: Document, results: Sequence[VersionResult], options: CompareOptions
) -> tuple[tuple[tuple[Overlap, ...], ...], tuple[Overlap, ...], tuple[Overlap, ...]]:
    """(version i in version j, version i in the base, the base in version i); see Overlap."""
    profiles: list[tuple[list[str], set[str], set[int]]] = []
    texts = [(base, results[0].comparison.sentences_a)] if results else []
    texts += [(r.document, r.comparison.sentences_b) for r in results]
    for document, sentences in texts:
        keys = [key for key in normalize_many(sentence_texts(document, sentences), options) if key]
        sentence_keys, phrases = _profile(keys)
        profiles.append((keys, sentence_keys, phrases))
    if not profiles:
        return (), (), ()
    base_profile, version_profiles = profiles[0], profiles[1:]
    table = tuple(
        tuple(Overlap(1.0, 1.0) if i == j else _found(row, column) for j, column in enumerate(version_profiles))
        for i, row in enumerate(version_profiles)
    )
    from_base = tuple(_found(row, base_profile) for row in version_profiles)
    in_base = tuple(_found(base_profile, column) for column in version_profiles)
    return table, from_base, in_base
