"""The quotation items of a comparison: each quotation of either text and how the other has it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.core.facts.quotes import Quotation, find_quotations, match_quotations, quotation
from reader.core.facts.sides import WORD, Side
from reader.core.model import Fact, FactKind, FactStatus, Unit

# A quotation the other side does not quote is looked for in this many sentences around where
# its counterpart is, or in the whole text when that is short.
QUOTE_REGION_SENTENCES = 2
WHOLE_TEXT_SENTENCES = 200
QUOTE_REGION_CHARS = 1_000
# A quotation the other side does not quote but whose linked sentences keep this share of its
# words has become reported speech there.
REPORTED_MIN_SHARED = 0.4


def quote_facts(side_a: Side, side_b: Side, units: Sequence[Unit]) -> list[Fact]:
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

    def units_of(side: Side, quotes: list[Quotation], unit_of: dict[int, int]) -> list[int | None]:
        return [unit_of.get(side.sentence_at(q.start)) for q in quotes]

    def region(own: Side, other: Side) -> Callable[[Quotation], tuple[int, int]]:
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
    matched = match_quotations(
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
    return facts + [_reported(fact, side_a, side_b, units) for fact in matched]


def _reported(fact: Fact, side_a: Side, side_b: Side, units: Sequence[Unit]) -> Fact:
    """A quotation not found that its linked sentences paraphrase: it became reported speech."""
    if fact.status is not FactStatus.NOT_FOUND or fact.unit is None:
        return fact
    unit = units[fact.unit]
    own, other, span = (side_a, side_b, fact.a) if fact.side == "a" else (side_b, side_a, fact.b)
    first, last = (unit.b[0], unit.b[-1]) if fact.side == "a" else (unit.a[0], unit.a[-1])
    if span is None:
        return fact
    quoted = {w for w in WORD.findall(own.text[span[0] : span[1]].lower()) if len(w) > 3}
    low, high = other.span(first, last)
    kept = quoted & set(WORD.findall(other.text[low:high].lower()))
    if not quoted or len(kept) < REPORTED_MIN_SHARED * len(quoted):
        return fact
    other_name = "B" if fact.side == "a" else "A"
    note = fact.note.replace(f" — not in {other_name}", f" — reported speech in {other_name}, not quoted")
    a, b = (fact.a, (low, high)) if fact.side == "a" else ((low, high), fact.b)
    return Fact(FactKind.QUOTE, FactStatus.NOT_FOUND, fact.unit, a, b, note, fact.side)


def _mirrored(side_a: Side, side_b: Side, unit: Unit, start: int, end: int) -> tuple[int, int] | None:
    """Where ``start``..``end`` of A stands in B when the unit reads the same on both sides."""
    low_a, high_a = side_a.span(unit.a[0], unit.a[-1])
    low_b, high_b = side_b.span(unit.b[0], unit.b[-1])
    if end > high_a or high_a - low_a != high_b - low_b or side_a.text[low_a:high_a] != side_b.text[low_b:high_b]:
        return None
    return low_b + start - low_a, low_b + end - low_a
