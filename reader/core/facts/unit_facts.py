"""The fact items of one linked unit: what its changed words do to numbers, dates, names, cues.

The mentions of the unit's sentences (found once per sentence) are compared by key; the
unit's word diff says which changed stretch each mention stands in, so that two mentions at
the same place pair as one change ("years ← decades").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.facts.cues import CERTAINTY_WORDS, find_antonyms, may_negate
from reader.core.facts.dates import DATE_DIGITS, DATE_WORDS, PERIOD_WORDS, RELATIVE_WORDS, SEQUENCE_WORDS
from reader.core.facts.mention import Mention
from reader.core.facts.pairing import PlaceOf, SaidNearby, compare_mentions
from reader.core.facts.quantities import NUMBER_WORDS, QUALIFIER_WORDS
from reader.core.facts.roles import REACH_WORDS, ROLE_NOUNS
from reader.core.model import Fact, FactKind, FactStatus, Op, Unit

HINT_CONTEXT = 12  # characters of context around a changed piece when deciding what it touches
# Characters read either side of a change for words turned around ("likely" / "unlikely").
WINDOW = 48
# Mentions of one kind compared per side of a unit; a passage with more (a table of
# thousands of figures) is compared up to here and the comparison says so.
MAX_MENTIONS = 1_000
Span = tuple[int, int]
Mentions = dict[FactKind, list[Mention]]


@dataclass(frozen=True, slots=True)
class Places:
    """The changed stretches of a unit's diff on each side, numbered in order."""

    ends_a: list[int]
    spans_a: list[Span]
    ends_b: list[int]
    spans_b: list[Span]

    def of_a(self, mention: Mention) -> int | None:
        return _place(self.ends_a, self.spans_a, mention)

    def of_b(self, mention: Mention) -> int | None:
        return _place(self.ends_b, self.spans_b, mention)


def changed_places(unit: Unit) -> Places:
    """Each run of deleted and inserted words of the unit's diff, as one place on both sides."""
    spans_a: list[Span] = []
    spans_b: list[Span] = []
    open_run = False
    for seg in unit.diff:
        if seg.op is Op.EQUAL:
            open_run = False
            continue
        if open_run:
            spans_a[-1] = (spans_a[-1][0], seg.a_end)
            spans_b[-1] = (spans_b[-1][0], seg.b_end)
        else:
            spans_a.append((seg.a_start, seg.a_end))
            spans_b.append((seg.b_start, seg.b_end))
            open_run = True
    return Places([e for _, e in spans_a], spans_a, [e for _, e in spans_b], spans_b)


def _place(ends: list[int], spans: list[Span], mention: Mention) -> int | None:
    """The first changed stretch the mention overlaps (an empty one: strictly inside it)."""
    k = bisect.bisect_left(ends, mention.start)
    while k < len(spans) and spans[k][0] <= mention.end:
        low, high = spans[k]
        if (low < mention.end and mention.start < high) or (low == high and mention.start < low < mention.end):
            return k
        k += 1
    return None


def changed_windows(unit: Unit, text_a: str, span_a: Span, text_b: str, span_b: Span) -> tuple[list[Span], list[Span]]:
    """The stretches of each side around the unit's changes, widened to whole words, merged."""
    raw_a: list[Span] = []
    raw_b: list[Span] = []
    for seg in unit.diff:
        if seg.op is not Op.EQUAL:
            raw_a.append((seg.a_start - WINDOW, seg.a_end + WINDOW))
            raw_b.append((seg.b_start - WINDOW, seg.b_end + WINDOW))
    return _merged(raw_a, text_a, span_a), _merged(raw_b, text_b, span_b)


def _merged(spans: list[Span], text: str, bounds: Span) -> list[Span]:
    low_bound, high_bound = bounds
    out: list[Span] = []
    for low, high in sorted(spans):
        low, high = max(low, low_bound), min(high, high_bound)
        while low > low_bound and not text[low - 1].isspace():
            low -= 1
        while high < high_bound and not text[high].isspace():
            high += 1
        if out and low <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], high))
        elif low < high:
            out.append((low, high))
    return out


def kinds_touched(unit: Unit, text_a: str, text_b: str) -> frozenset[FactKind]:
    """The kinds of fact the unit's changed words could touch; the rest are equal on both sides.

    Only the deleted and inserted words are looked at (with a few characters around them
    where a changed qualifier or day needs its amount or month), so a book's thousands of
    edited sentences cost a scan of what changed, not of every sentence.
    """
    own: list[str] = []
    around: list[str] = []
    for seg in unit.diff:
        if seg.op is Op.EQUAL:
            continue
        text, low, high = (text_a, seg.a_start, seg.a_end) if seg.op is Op.DELETE else (text_b, seg.b_start, seg.b_end)
        own.append(text[low:high])
        around.append(text[max(0, low - HINT_CONTEXT) : high + HINT_CONTEXT])
    changed = " ".join(own)
    if not changed.strip():
        return frozenset()
    context = " ".join(around)
    words = frozenset(_HINT_WORD.findall(changed.lower()))
    near = frozenset(_HINT_WORD.findall(context.lower()))
    amount_near = bool(_NUMBER_SIGNS.search(context)) or not NUMBER_WORDS.isdisjoint(near)
    time_near = bool(DATE_DIGITS.search(context)) or not (DATE_WORDS | PERIOD_WORDS).isdisjoint(near)
    kinds = set()
    if _NUMBER_SIGNS.search(changed) or not NUMBER_WORDS.isdisjoint(words):
        kinds.add(FactKind.NUMBER)
    elif amount_near and not QUALIFIER_WORDS.isdisjoint(words):
        kinds.add(FactKind.NUMBER)  # "about 30" made "over 30"
    if DATE_DIGITS.search(changed) or not DATE_WORDS.isdisjoint(words) or not SEQUENCE_WORDS.isdisjoint(words):
        kinds.add(FactKind.DATE)
    elif time_near and (_DIGIT.search(changed) or not (RELATIVE_WORDS | PERIOD_WORDS).isdisjoint(words)):
        kinds.add(FactKind.DATE)  # "2 April" made "9 April", "last week" made "this week"
    if _CAPITAL.search(changed) or not ROLE_NOUNS.isdisjoint(near) or not REACH_WORDS.isdisjoint(words):
        kinds.add(FactKind.NAME)
    if may_negate(words):
        kinds.add(FactKind.NEGATION)
    if not CERTAINTY_WORDS.isdisjoint(words):
        kinds.add(FactKind.CERTAINTY)
    return frozenset(kinds)


_HINT_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
_NUMBER_SIGNS = re.compile(r"[\d£$€¥%]")
_DIGIT = re.compile(r"\d")
_CAPITAL = re.compile(r"[A-Z]")


@dataclass(frozen=True, slots=True)
class UnitSides:
    """One unit as the comparison of its mentions needs it."""

    index: int | None
    kinds: frozenset[FactKind]
    mentions_a: Mentions
    mentions_b: Mentions
    places: Places | None


def unit_facts(
    unit: UnitSides,
    in_b: SaidNearby,
    in_a: SaidNearby,
    cue_in_b: SaidNearby,
    cue_in_a: SaidNearby,
) -> tuple[list[Fact], bool]:
    """The fact items of one unit for the kinds its changes touch, and whether a cap applied.

    ``in_*`` say whether the other text has a number, date or name near the unit; ``cue_in_*``
    whether a negation or certainty word sits in a lone neighbour of the unit there.
    """
    facts: list[Fact] = []
    capped = False
    places = unit.places
    for kind in (FactKind.NUMBER, FactKind.DATE, FactKind.NAME, FactKind.NEGATION, FactKind.CERTAINTY):
        if kind not in unit.kinds:
            continue
        left, right = unit.mentions_a[kind], unit.mentions_b[kind]
        if len(left) > MAX_MENTIONS or len(right) > MAX_MENTIONS:
            left, right, capped = left[:MAX_MENTIONS], right[:MAX_MENTIONS], True
        # Negation and certainty words are everywhere: only the unit's own words count.
        said_b, said_a = (
            (in_b, in_a) if kind in (FactKind.NUMBER, FactKind.DATE, FactKind.NAME) else (cue_in_b, cue_in_a)
        )
        place_of: PlaceOf = _place_of(places, left) if places else (lambda m: None)
        facts += compare_mentions(kind, unit.index, left, right, said_b, said_a, place_of)
    return facts, capped


def _place_of(places: Places, side_a: Sequence[Mention]) -> PlaceOf:
    ids_a = {id(m) for m in side_a}
    return lambda m: places.of_a(m) if id(m) in ids_a else places.of_b(m)


def antonym_facts(
    unit: int | None, text_a: str, windows_a: list[Span], text_b: str, windows_b: list[Span]
) -> list[Fact]:
    """Words one side turns around with a prefix ("likely" / "unlikely"), as negation changes."""
    return [
        Fact(FactKind.NEGATION, FactStatus.CHANGED, unit, (x.start, x.end), (y.start, y.end), f"{y.text} ← {x.text}")
        for x, y in find_antonyms(text_a, windows_a, text_b, windows_b)
    ]
