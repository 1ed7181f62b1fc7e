"""How much of each text is shared, changed or unique: word counts of units and the Stats.

A word is counted once, whole: a change inside "bridge," makes one changed word, and the
counts of the units add up to the words of the whole text.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.model import Op, Segment, Sentence, Stats, Unit, UnitKind
from reader.core.text.tokens import count_words

# A unit's words: total and changed in A, total and changed in B.
WordCounts = tuple[int, int, int, int]


def sentence_span(sentences: Sequence[Sentence], indices: tuple[int, ...]) -> tuple[int, int]:
    """Where the sentences ``indices`` (in order) start and end in their text."""
    return sentences[indices[0]].start, sentences[indices[-1]].end


def unit_words(text: str, start: int, end: int, diff: Sequence[Segment], op: Op) -> tuple[int, int]:
    """Words in ``text[start:end]`` and how many of them a change of kind ``op`` touches.

    Counted per whole word, so "bridge," with only its comma changed is one changed word,
    and the counts always agree with the words of the whole text. A word is a run of
    non-space characters with a letter or digit in it, so each change is widened to the
    whole runs it touches and the words there are counted by the regex engine, never
    one by one in Python.
    """
    total = count_words(text, start, end)
    changed = 0
    counted_to = start  # words before this offset are already counted
    for seg in diff:
        if seg.op is not op:
            continue
        low, high = (seg.a_start, seg.a_end) if op is Op.DELETE else (seg.b_start, seg.b_end)
        if high <= low:
            continue
        if not text[low].isspace():  # the change starts inside a run: count the whole run
            while low > start and not text[low - 1].isspace():
                low -= 1
        if not text[high - 1].isspace():
            while high < end and not text[high].isspace():
                high += 1
        low = max(low, counted_to)
        if high > low:
            changed += count_words(text, low, high)
            counted_to = high
    return total, changed


def total_words(text: str, spans: list[tuple[int, int, int]]) -> int:
    """Words of the whole text, from the word counts of spans that cover all its sentences.

    Between sentences there is only space, so the counts add up and the text need not be
    scanned again; should anything else sit between them, or a word run on from one
    sentence into the next, the whole text is counted.
    """
    # A far piece's shared sentence has a second span, counted 0 (see _count_once): one goes.
    spans = sorted(set(spans), key=lambda span: (span[0], span[1], -span[2]))
    spans = [span for k, span in enumerate(spans) if k == 0 or span[:2] != spans[k - 1][:2]]
    total, done = 0, 0
    for start, end, words in spans:
        if start < done:  # spans overlap otherwise: count the text
            return count_words(text)
        gap = text[done:start]
        if gap and not gap.isspace():
            return count_words(text)
        if not gap and 0 < start < len(text) and not text[start - 1].isspace() and not text[start].isspace():
            return count_words(text)  # a run of non-space crosses the cut
        total += words
        done = end
    rest = text[done:]
    return total if not rest or rest.isspace() else count_words(text)


def _count_once(built: Sequence[tuple[Unit, WordCounts]]) -> list[tuple[Unit, WordCounts]]:
    """The units with the word counts of a shared side set to 0 in the far piece's unit.

    Units that keep their place count first, then the larger ones, so the unit of a far piece
    (one sentence a side, moved) is the one whose shared side counts nothing.
    """
    sizes_a = sum(len(unit.a) for unit, _ in built)
    sizes_b = sum(len(unit.b) for unit, _ in built)
    distinct_a = len({i for unit, _ in built for i in unit.a})
    distinct_b = len({j for unit, _ in built for j in unit.b})
    if sizes_a == distinct_a and sizes_b == distinct_b:
        return list(built)  # no sentence shared: nearly every comparison
    seen_a: set[int] = set()
    seen_b: set[int] = set()
    out: list[tuple[Unit, WordCounts] | None] = [None] * len(built)

    def order(k: int) -> tuple[bool, int]:
        return built[k][0].moved, -len(built[k][0].a) - len(built[k][0].b)

    for k in sorted(range(len(built)), key=order):
        unit, (total_a, changed_a, total_b, changed_b) = built[k]
        if seen_a.issuperset(unit.a):
            total_a = changed_a = 0
        if seen_b.issuperset(unit.b):
            total_b = changed_b = 0
        seen_a.update(unit.a)
        seen_b.update(unit.b)
        out[k] = (unit, (total_a, changed_a, total_b, changed_b))
    return [item for item in out if item is not None]


def comparison_stats(
    text_a: str,
    text_b: str,
    built: Sequence[tuple[Unit, WordCounts]],
    sentences_a: Sequence[Sentence],
    sentences_b: Sequence[Sentence],
    only_a: Sequence[int],
    only_b: Sequence[int],
) -> Stats:
    # A far piece of a split shares its counterpart with the unit of the other pieces: each
    # sentence's words count once, in the first unit that holds it.
    built = _count_once(built)
    units = [unit for unit, _ in built]
    shared_a = shared_b = deleted = inserted = 0
    for _, counts in built:
        total_a, changed_a, total_b, changed_b = counts
        shared_a += total_a - changed_a
        deleted += changed_a
        shared_b += total_b - changed_b
        inserted += changed_b
    spans_a = [(*sentence_span(sentences_a, unit.a), counts[0]) for unit, counts in built]
    spans_b = [(*sentence_span(sentences_b, unit.b), counts[2]) for unit, counts in built]
    spans_a += [(s.start, s.end, count_words(text_a, s.start, s.end)) for s in (sentences_a[i] for i in only_a)]
    spans_b += [(s.start, s.end, count_words(text_b, s.start, s.end)) for s in (sentences_b[j] for j in only_b)]
    unique_a = sum(words for *_, words in spans_a[len(built) :])
    unique_b = sum(words for *_, words in spans_b[len(built) :])
    words_a = total_words(text_a, spans_a)
    words_b = total_words(text_b, spans_b)
    kinds = [unit.edit_kind for unit in units]

    def share(part: int, whole: int) -> float:
        return round(part / whole, 4) if whole else 0.0

    return Stats(
        words_a=words_a,
        words_b=words_b,
        sentences_a=len(sentences_a),
        sentences_b=len(sentences_b),
        words_inserted=inserted + unique_b,
        words_deleted=deleted + unique_a,
        sentences_only_a=len(only_a),
        sentences_only_b=len(only_b),
        sentences_moved=sum(max(len(unit.a), len(unit.b)) for unit in units if unit.moved),  # the same either way round
        units_identical=kinds.count(UnitKind.IDENTICAL),
        units_edited=kinds.count(UnitKind.EDITED),
        units_rewritten=kinds.count(UnitKind.REWRITTEN),
        shared_a=share(shared_a, words_a),
        shared_b=share(shared_b, words_b),
        changed_a=share(max(0, words_a - shared_a - unique_a), words_a),
        changed_b=share(max(0, words_b - shared_b - unique_b), words_b),
        unique_a=share(unique_a, words_a),
        unique_b=share(unique_b, words_b),
        similarity=share(shared_a + shared_b, words_a + words_b),
    )
