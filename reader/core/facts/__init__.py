"""What changed in the facts: numbers, dates, names, negation, certainty and quotations.

``find_facts`` reads the words of each linked unit on both sides and reports the differences
that change what is claimed; it reads words, not meaning, so a paraphrase that changes a
claim without changing a number, date, name, negation or certainty word is not caught.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from reader.core.facts.dates import find_dates
from reader.core.facts.mention import Mention
from reader.core.facts.names import NameContext, find_names, name_context
from reader.core.facts.pairing import SaidNearby, only_in_one
from reader.core.facts.quantities import find_numbers
from reader.core.facts.quotes import Quotation, find_quotations, match_quotations, quotation
from reader.core.facts.unit_facts import Sides, changed_windows, kinds_touched, unit_facts
from reader.core.model import BlockKind, Document, Fact, FactKind, FactStatus, Sentence, Unit, UnitKind

# A fact a rewrite moved into a neighbouring sentence is still said: look this many sentences
# either side of the counterpart before calling it added or dropped.
NEARBY_SENTENCES = 3
NEARBY_CHARS = 2_000  # and no further than this from the counterpart (a code block is one "sentence")
# A quotation the other side does not quote is looked for in this many sentences around where
# its counterpart is, or in the whole text when that is short.
LONE_PAIR_MIN_SHARED = 0.5  # share of distinct words two lone sentences need to be compared
QUOTE_REGION_SENTENCES = 2
WHOLE_TEXT_SENTENCES = 200
QUOTE_REGION_CHARS = 1_000
_ORDER = {kind: k for k, kind in enumerate(FactKind)}


class _Side:
    """One document with its sentences, and where each sentence's counterpart sits."""

    def __init__(self, document: Document, sentences: Sequence[Sentence], counterpart: list[int]) -> None:
        self.text = document.text
        self.document = document
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.counterpart = counterpart  # for each sentence: a sentence of the other side near its match
        self._lower: str | None = None

    def span(self, first: int, last: int) -> tuple[int, int]:
        first = max(0, first)
        last = min(len(self.sentences) - 1, last)
        return (self.sentences[first].start, self.sentences[last].end) if first <= last else (0, 0)

    def near(self, first: int, last: int) -> tuple[int, int]:
        """The span of sentences ``first``..``last`` and their neighbours, within a bounded stretch."""
        low, high = self.span(first - NEARBY_SENTENCES, last + NEARBY_SENTENCES)
        own_low, own_high = self.span(first, last)
        return max(low, own_low - NEARBY_CHARS), min(high, own_high + NEARBY_CHARS)

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def says(self, core: str, region: tuple[int, int] | None = None) -> bool:
        """True if every word of ``core`` stands in ``text[region]`` (the whole text by default).

        Plain substring searches of the lower-cased text, checked for word edges: a book is
        asked thousands of times, and building word sets would cost more than the asking.
        """
        if self._lower is None:
            self._lower = self.text.lower()
        low, high = region or (0, len(self.text))
        return all(self._has_word(word, low, high) for word in _WORD.findall(core))

    def _has_word(self, word: str, low: int, high: int) -> bool:
        text = self._lower or ""
        at = text.find(word, low, high)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not text[at - 1].isalnum()) and (end >= len(text) or not text[end].isalnum()):
                return True
            at = text.find(word, at + 1, high)
        return False


# Words as ``says`` compares them: "6,000" and "18.4" whole, names and number words by word.
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")


def find_facts(
    a: Document,
    b: Document,
    sentences_a: Sequence[Sentence],
    sentences_b: Sequence[Sentence],
    units: Sequence[Unit],
    only_a: Sequence[int],
    only_b: Sequence[int],
) -> tuple[Fact, ...]:
    """Every fact item of a comparison, in reading order of A (B-only items after their neighbours)."""
    side_a = _Side(a, sentences_a, _counterparts(len(sentences_a), units, first=True))
    side_b = _Side(b, sentences_b, _counterparts(len(sentences_b), units, first=False))
    context: NameContext | None = None
    facts: list[Fact] = []
    lone_a, lone_b = set(only_a), set(only_b)
    holders_a: dict[int, list[int]] = {}
    holders_b: dict[int, list[int]] = {}
    for k, unit in enumerate(units):
        for i in unit.a:
            holders_a.setdefault(i, []).append(k)
        for j in unit.b:
            holders_b.setdefault(j, []).append(k)
    for k, unit in enumerate(units):
        if unit.edit_kind is UnitKind.IDENTICAL:
            continue  # most units of a revision: the words are the same (case and quotes aside)
        span_a = side_a.span(unit.a[0], unit.a[-1])
        span_b = side_b.span(unit.b[0], unit.b[-1])
        kinds = kinds_touched(unit, a.text, b.text)
        if not kinds:
            continue
        context = context or name_context((a.text, b.text))
        headline = _is_headline(a, sentences_a[unit.a[0]]) or _is_headline(b, sentences_b[unit.b[0]])
        # A headline sums up the article: what it names is said if the other text says it anywhere.
        near_b = None if headline else side_b.near(unit.b[0], unit.b[-1])
        near_a = None if headline else side_a.near(unit.a[0], unit.a[-1])
        windows = changed_windows(unit, a.text, span_a, b.text, span_b)
        opening_a = {s.start for s in (sentences_a[i] for i in unit.a)}
        opening_b = {s.start for s in (sentences_b[j] for j in unit.b)}
        # A cue the unit lacks may sit in a lone neighbour the aligner did not merge in, or in
        # a sentence that shares a counterpart with this unit (the far piece of a split).
        shared_b = {j for i in unit.a for h in holders_a[i] if h != k for j in units[h].b}
        shared_a = {i for j in unit.b for h in holders_b[j] if h != k for i in units[h].a}
        lone_near_b = [side_b.span(j, j) for j in (unit.b[0] - 1, unit.b[-1] + 1) if j in lone_b]
        lone_near_b += [side_b.span(j, j) for j in sorted(shared_b - set(unit.b))]
        lone_near_a = [side_a.span(i, i) for i in (unit.a[0] - 1, unit.a[-1] + 1) if i in lone_a]
        lone_near_a += [side_a.span(i, i) for i in sorted(shared_a - set(unit.a))]
        facts += unit_facts(
            k,
            kinds,
            Sides(a.text, windows[0], opening_a, b.text, windows[1], opening_b),
            context,
            _said_in(side_b, [near_b]),
            _said_in(side_a, [near_a]),
            _said_in(side_b, lone_near_b),
            _said_in(side_a, lone_near_a),
        )
    if only_a or only_b:
        context = context or name_context((a.text, b.text))
        paired_a, paired_b = _lone_pairs(side_a, side_b, only_a, only_b)
        for i, j in zip(paired_a, paired_b, strict=False):
            # Two lone sentences at one place that share most words: compared like a unit.
            span_a, span_b = side_a.span(i, i), side_b.span(j, j)
            sides = Sides(a.text, [span_a], {span_a[0]}, b.text, [span_b], {span_b[0]})
            facts += unit_facts(
                None,
                frozenset(FactKind) - {FactKind.QUOTE},
                sides,
                context,
                lambda m: side_b.says(m.core),
                lambda m: side_a.says(m.core),
                _never,
                _never,
            )
        for i in only_a:
            if i not in paired_a:
                found = _claims(a.text, sentences_a[i].start, sentences_a[i].end, context)
                facts += only_in_one(found, "a", lambda m: side_b.says(m.core))
        for j in only_b:
            if j not in paired_b:
                found = _claims(b.text, sentences_b[j].start, sentences_b[j].end, context)
                facts += only_in_one(found, "b", lambda m: side_a.says(m.core))
    facts += _quote_facts(side_a, side_b, units)
    return tuple(sorted(facts, key=lambda f: _position(f, side_a, side_b)))


def _never(mention: Mention) -> bool:
    return False


def _is_headline(document: Document, sentence: Sentence) -> bool:
    blocks = document.blocks
    return 0 <= sentence.block < len(blocks) and blocks[sentence.block].kind in (BlockKind.TITLE, BlockKind.HEADING)


def _said_in(side: _Side, regions: Sequence[tuple[int, int] | None]) -> SaidNearby:
    """Whether ``side`` says a mention's core in any of ``regions`` (None: anywhere)."""
    return lambda mention: any(side.says(mention.core, region) for region in regions)


def _lone_pairs(
    side_a: _Side, side_b: _Side, only_a: Sequence[int], only_b: Sequence[int]
) -> tuple[list[int], list[int]]:
    """Lone sentences of A and B at the same place whose words are mostly the same.

    The aligner leaves a pair unlinked when a rewrite changed too much to be sure; for the
    facts, a sentence that keeps most of its words but turns "unlikely" into "likely" is
    exactly what must be compared, not listed as two sentences that say nothing alike.
    """
    lone_b = set(only_b)
    pairs_a: list[int] = []
    pairs_b: list[int] = []
    for i in only_a:
        place = side_a.counterpart[i]
        words_a = set(_WORD.findall(side_a.text[slice(*side_a.span(i, i))].lower()))
        for j in (place, place + 1, place - 1):
            if j in lone_b and j not in pairs_b:
                words_b = set(_WORD.findall(side_b.text[slice(*side_b.span(j, j))].lower()))
                if words_a and words_b and len(words_a & words_b) / len(words_a | words_b) >= LONE_PAIR_MIN_SHARED:
                    pairs_a.append(i)
                    pairs_b.append(j)
                    break
    return pairs_a, pairs_b


def _claims(text: str, start: int, end: int, context: NameContext) -> list[Mention]:
    """The numbers, dates and names of a sentence only one side has."""
    dates = find_dates(text, start, end)
    numbers = find_numbers(text, start, end, skip=[(m.start, m.end) for m in dates])
    return dates + numbers + find_names(text, start, end, context, opening=True)


def _counterparts(count: int, units: Sequence[Unit], first: bool) -> list[int]:
    """For each sentence of one side, a sentence of the other side at or near its counterpart."""
    found = [-1] * count
    for unit in units:
        own, other = (unit.a, unit.b) if first else (unit.b, unit.a)
        for index in own:
            found[index] = other[0]
    last = 0
    for index in range(count):  # an unlinked sentence takes its preceding neighbour's place
        if found[index] < 0:
            found[index] = last
        else:
            last = found[index]
    return found


def _quote_facts(side_a: _Side, side_b: _Side, units: Sequence[Unit]) -> list[Fact]:
    spans_a = find_quotations(side_a.text, side_a.document.blocks)
    spans_b = find_quotations(side_b.text, side_b.document.blocks)
    if not spans_a and not spans_b:
        return []
    unit_of_a: dict[int, int] = {i: k for k, unit in enumerate(units) for i in unit.a}
    unit_of_b: dict[int, int] = {j: k for k, unit in enumerate(units) for j in unit.b}
    facts: list[Fact] = []
    # A quotation inside a unit that reads the same on both sides is its own counterpart.
    starts_b = {start: index for index, (start, _) in enumerate(spans_b)}
    paired_b: set[int] = set()
    rest_a: list[tuple[int, int]] = []
    for start, end in spans_a:
        k = unit_of_a.get(side_a.sentence_at(start))
        mirrored = _mirrored(side_a, side_b, units[k], start, end) if k is not None else None
        j = starts_b.get(mirrored[0]) if mirrored else None
        if mirrored and j is not None and spans_b[j] == mirrored:
            paired_b.add(j)
            facts.append(Fact(FactKind.QUOTE, FactStatus.VERBATIM, k, (start, end), mirrored, "word for word", "both"))
        else:
            rest_a.append((start, end))
    rest_b = [span for j, span in enumerate(spans_b) if j not in paired_b]
    quotes_a = [quotation(side_a.text, *span) for span in rest_a]
    quotes_b = [quotation(side_b.text, *span) for span in rest_b]

    def units_of(side: _Side, quotes: list[Quotation], unit_of: dict[int, int]) -> list[int | None]:
        return [unit_of.get(side.sentence_at(q.start)) for q in quotes]

    def region(own: _Side, other: _Side) -> Callable[[Quotation], tuple[int, int]]:
        def find(quote: Quotation) -> tuple[int, int]:
            if len(other.sentences) <= WHOLE_TEXT_SENTENCES:
                return 0, len(other.text)
            first = own.counterpart[own.sentence_at(quote.start)]
            last = own.counterpart[own.sentence_at(quote.end)]
            low, high = min(first, last), max(first, last)
            region = other.span(low - QUOTE_REGION_SENTENCES, high + QUOTE_REGION_SENTENCES)
            middle = other.sentences[low].start if other.sentences else 0
            return max(region[0], middle - QUOTE_REGION_CHARS), min(region[1], middle + QUOTE_REGION_CHARS)

        return find

    places_a = [side_a.counterpart[side_a.sentence_at(q.start)] for q in quotes_a]
    places_b = [side_b.sentence_at(q.start) for q in quotes_b]
    return facts + match_quotations(
        side_a.text,
        quotes_a,
        side_b.text,
        quotes_b,
        units_of(side_a, quotes_a, unit_of_a),
        units_of(side_b, quotes_b, unit_of_b),
        places_a,
        places_b,
        region(side_a, side_b),
        region(side_b, side_a),
    )


def _mirrored(side_a: _Side, side_b: _Side, unit: Unit, start: int, end: int) -> tuple[int, int] | None:
    """Where ``start``..``end`` of A stands in B when the unit reads the same on both sides."""
    low_a, high_a = side_a.span(unit.a[0], unit.a[-1])
    low_b, high_b = side_b.span(unit.b[0], unit.b[-1])
    if end > high_a or high_a - low_a != high_b - low_b or side_a.text[low_a:high_a] != side_b.text[low_b:high_b]:
        return None
    return low_b + start - low_a, low_b + end - low_a


def _position(fact: Fact, side_a: _Side, side_b: _Side) -> tuple[int, int, int]:
    """Reading order of A; an item only B has sits where B's sentence's counterpart is in A."""
    if fact.a is not None:
        return fact.a[0], 0, _ORDER[fact.kind]
    assert fact.b is not None
    j = side_b.sentence_at(fact.b[0])
    i = side_b.counterpart[j]
    return (side_a.sentences[i].end if side_a.sentences else 0), 1, fact.b[0]
