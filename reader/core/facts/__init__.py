"""What changed in the facts: numbers, dates, names, negation, certainty and quotations.

``find_facts`` reads the words of each linked unit on both sides and reports the differences
that change what is claimed; it reads words, not meaning, so a paraphrase that changes a
claim without changing a number, date, name, negation or certainty word is not caught.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from reader.core.facts.cues import negated_word
from reader.core.facts.extract import LazyContext, SentenceMentions
from reader.core.facts.lone import lone_facts
from reader.core.facts.mention import Mention
from reader.core.facts.pairing import SaidNearby
from reader.core.facts.quote_items import quote_facts
from reader.core.facts.sides import Side, Span, counterparts
from reader.core.facts.unit_facts import (
    UnitSides,
    antonym_facts,
    changed_places,
    changed_windows,
    kinds_touched,
    unit_facts,
)
from reader.core.model import BlockKind, Document, Fact, FactKind, Sentence, Unit, UnitKind

_ORDER = {kind: k for k, kind in enumerate(FactKind)}
# At most this many words in the place of "not X" make a paraphrase ("deliberate", "still hoped").
PARAPHRASE_WORDS = 3
# A name the other text writes this many times or more is never "only in" one text.
WELL_KNOWN_NAME = 3


@dataclass(frozen=True, slots=True)
class FoundFacts:
    """The fact items of a comparison, and the units whose mentions were too many to compare all."""

    items: tuple[Fact, ...]
    capped_units: tuple[int, ...]


def find_facts(
    a: Document,
    b: Document,
    sentences_a: Sequence[Sentence],
    sentences_b: Sequence[Sentence],
    units: Sequence[Unit],
    only_a: Sequence[int],
    only_b: Sequence[int],
) -> FoundFacts:
    """Every fact item of a comparison, in reading order of A (B-only items after their neighbours)."""
    side_a = Side(a, sentences_a, counterparts(len(sentences_a), units, first=True))
    side_b = Side(b, sentences_b, counterparts(len(sentences_b), units, first=False))
    context = LazyContext((a.text, b.text))
    found_a = SentenceMentions(a.text, sentences_a, context)
    found_b = SentenceMentions(b.text, sentences_b, context)
    facts: list[Fact] = []
    capped: list[int] = []
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
        kinds = kinds_touched(unit, a.text, b.text)
        if not kinds:
            continue
        headline = _is_headline(a, sentences_a[unit.a[0]]) or _is_headline(b, sentences_b[unit.b[0]])
        # A headline sums up the article: what it names is said if the other text says it anywhere.
        near_b = None if headline else side_b.near(unit.b[0], unit.b[-1])
        near_a = None if headline else side_a.near(unit.a[0], unit.a[-1])
        # A cue the unit lacks may sit in a lone neighbour the aligner did not merge in, or in
        # a sentence that shares a counterpart with this unit (the far piece of a split).
        shared_b = {j for i in unit.a for h in holders_a[i] if h != k for j in units[h].b}
        shared_a = {i for j in unit.b for h in holders_b[j] if h != k for i in units[h].a}
        lone_near_b = [side_b.span(j, j) for j in (unit.b[0] - 1, unit.b[-1] + 1) if j in lone_b]
        lone_near_b += [side_b.span(j, j) for j in sorted(shared_b - set(unit.b))]
        lone_near_a = [side_a.span(i, i) for i in (unit.a[0] - 1, unit.a[-1] + 1) if i in lone_a]
        lone_near_a += [side_a.span(i, i) for i in sorted(shared_a - set(unit.a))]
        span_a = side_a.span(unit.a[0], unit.a[-1])
        span_b = side_b.span(unit.b[0], unit.b[-1])
        places = changed_places(unit)
        sides = UnitSides(k, kinds, found_a.of_all(unit.a, kinds), found_b.of_all(unit.b, kinds), places)
        items, over = unit_facts(
            sides,
            _said_in(side_b, side_a, near_b, [side_b.span(j, j) for j in sorted(shared_b - set(unit.b))]),
            _said_in(side_a, side_b, near_a, [side_a.span(i, i) for i in sorted(shared_a - set(unit.a))]),
            _cue_said(side_b, lone_near_b, span_b, partial(_words_at, b.text, places.spans_b, places.of_a)),
            _cue_said(side_a, lone_near_a, span_a, partial(_words_at, a.text, places.spans_a, places.of_b)),
        )
        facts += items
        if over:
            capped.append(k)
        if FactKind.NEGATION in kinds:
            windows = changed_windows(unit, a.text, span_a, b.text, span_b)
            facts += antonym_facts(k, a.text, windows[0], b.text, windows[1])
    if only_a or only_b:
        facts += lone_facts(side_a, side_b, found_a, found_b, only_a, only_b)
    facts += quote_facts(side_a, side_b, units)
    ordered = sorted(_distinct(facts), key=lambda f: _position(f, side_a, side_b))
    return FoundFacts(tuple(ordered), tuple(capped))


def _is_headline(document: Document, sentence: Sentence) -> bool:
    blocks = document.blocks
    return 0 <= sentence.block < len(blocks) and blocks[sentence.block].kind in (BlockKind.TITLE, BlockKind.HEADING)


def _said_in(other: Side, own: Side, region: Span | None, shared: Sequence[Span] = ()) -> SaidNearby:
    """Whether the ``other`` side says a mention's core in ``region`` (None: anywhere).

    ``shared`` are the other side's sentences linked, in other units, to this unit's own
    sentences: a sentence split over two units says its facts in either.

    A name also counts as said when the other side has a part of it there ("Kim" for "Kim
    Jong Un"), or has it elsewhere at least as often as this side does: a rewrite that names
    someone once more than the original did is what must be shown, not every reordering.
    """

    def said(mention: Mention) -> bool:
        if other.says(mention.core, region) or any(other.says(mention.core, span) for span in shared):
            return True
        if mention.kind is not FactKind.NAME or mention.group == "role":
            return False
        if other.names_part(mention.core, region):
            return True
        # A name the other text uses again and again is known to its reader, whichever
        # text uses it more ("Scotland" in a story about Scotland).
        count = other.name_count(mention.core)
        return count >= WELL_KNOWN_NAME or count >= max(1, own.name_count(mention.core))

    return said


def _cue_said(
    side: Side, regions: Sequence[Span], own: Span, replaced_by: Callable[[Mention], int | None]
) -> SaidNearby:
    """Whether a cue one side lacks is said in the other's lone neighbours, or is a paraphrase.

    A negation counts where the other side keeps the word it negated ("did not prove" /
    "proved") or drops the whole claim; where a word or two stand in its place instead,
    the rewrite said the same in other words ("not accidental" / "deliberate").
    """

    def said(mention: Mention) -> bool:
        if any(side.says(mention.core, region) for region in regions):
            return True
        if mention.kind is FactKind.NEGATION:
            negated = negated_word(mention)
            replacement = replaced_by(mention)
            short = replacement is not None and 0 < replacement <= PARAPHRASE_WORDS
            return bool(negated) and short and not side.says_stem(negated, own)
        return False

    return said


def _words_at(
    text: str, spans: Sequence[Span], place_of: Callable[[Mention], int | None], mention: Mention
) -> int | None:
    """How many words the other side has at a mention's changed place (None: it is at none)."""
    place = place_of(mention)
    if place is None:
        return None
    low, high = spans[place]
    return len(text[low:high].split())


def _position(fact: Fact, side_a: Side, side_b: Side) -> tuple[int, int, int]:
    """Reading order of A; an item only B has sits where B's sentence's counterpart is in A."""
    if fact.a is not None:
        return fact.a[0], 0, _ORDER[fact.kind]
    assert fact.b is not None
    j = side_b.sentence_at(fact.b[0])
    i = side_b.counterpart[j]
    return (side_a.sentences[i].end if side_a.sentences else 0), 1, fact.b[0]


def _distinct(facts: list[Fact]) -> list[Fact]:
    """One item per change: the same kind on the same words is listed once."""
    seen: set[tuple[FactKind, Span | None, Span | None]] = set()
    out: list[Fact] = []
    for fact in facts:
        key = (fact.kind, fact.a, fact.b)
        if key not in seen:
            seen.add(key)
            out.append(fact)
    return out
