"""The fact items of one linked unit: what its changed words do to numbers, dates, names, cues.

Only the stretches around the unit's changed words are read (``changed_windows``): a fact
that no change touches reads the same on both sides, and a book's thousands of edited
sentences then cost a scan of what changed, not of every sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.facts.cues import CERTAINTY_WORDS, find_antonyms, find_certainty, find_negations, may_negate
from reader.core.facts.dates import DATE_DIGITS, DATE_WORDS, find_dates
from reader.core.facts.mention import Mention
from reader.core.facts.names import NameContext, find_names
from reader.core.facts.pairing import SaidNearby, compare_mentions
from reader.core.facts.quantities import NUMBER_WORDS, find_numbers
from reader.core.model import Fact, FactKind, FactStatus, Op, Unit

HINT_CONTEXT = 12  # characters of context around a changed piece when deciding what it touches
# Characters read either side of a change: a qualifier and its number, a title and its name.
WINDOW = 48
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Sides:
    """Both texts of a unit, the windows read on each, and where its sentences start."""

    text_a: str
    windows_a: list[Span]
    openings_a: set[int]
    text_b: str
    windows_b: list[Span]
    openings_b: set[int]


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

    Only the deleted and inserted words are looked at, so a book's thousands of edited
    sentences cost a scan of what changed, not of every sentence.
    """
    # With a word either side: a changed day ("2" to "9") shows as a date beside its month.
    pieces = [text_a[max(0, s.a_start - HINT_CONTEXT) : s.a_end + HINT_CONTEXT] for s in unit.diff if s.op is Op.DELETE]
    pieces += [
        text_b[max(0, s.b_start - HINT_CONTEXT) : s.b_end + HINT_CONTEXT] for s in unit.diff if s.op is Op.INSERT
    ]
    changed = " ".join(pieces)
    if not changed:
        return frozenset()
    words = frozenset(_HINT_WORD.findall(changed.lower()))
    kinds = set()
    if _NUMBER_SIGNS.search(changed) or not NUMBER_WORDS.isdisjoint(words):
        kinds.add(FactKind.NUMBER)
    if DATE_DIGITS.search(changed) or not DATE_WORDS.isdisjoint(words):
        kinds.add(FactKind.DATE)
    if _CAPITAL.search(changed):
        kinds.add(FactKind.NAME)
    if may_negate(words):
        kinds.add(FactKind.NEGATION)
    if not CERTAINTY_WORDS.isdisjoint(words):
        kinds.add(FactKind.CERTAINTY)
    return frozenset(kinds)


_HINT_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
_NUMBER_SIGNS = re.compile(r"[\d£$€¥%]")
_CAPITAL = re.compile(r"[A-Z]")


def unit_facts(
    unit: int | None,
    kinds: frozenset[FactKind],
    sides: Sides,
    context: NameContext,
    in_b: SaidNearby,
    in_a: SaidNearby,
    cue_in_b: SaidNearby,
    cue_in_a: SaidNearby,
) -> list[Fact]:
    """The fact items of one unit, for the kinds its changes touch.

    ``in_*`` say whether the other text has a number, date or name near the unit; ``cue_in_*``
    whether a negation or certainty word sits in a lone neighbour of the unit there.
    """
    mentions: dict[str, dict[FactKind, list[Mention]]] = {}
    for name, text, windows, openings in (
        ("a", sides.text_a, sides.windows_a, sides.openings_a),
        ("b", sides.text_b, sides.windows_b, sides.openings_b),
    ):
        found: dict[FactKind, list[Mention]] = {kind: [] for kind in FactKind}
        for start, end in windows:
            # Dates are found first so that a year is not also a number, nor "May" a modal.
            dates = find_dates(text, start, end) if kinds - {FactKind.NAME} else []
            numbers = (
                find_numbers(text, start, end, skip=[(m.start, m.end) for m in dates])
                if kinds - {FactKind.NAME, FactKind.DATE}
                else []
            )
            taken = [(m.start, m.end) for m in dates + numbers]
            found[FactKind.DATE] += dates
            found[FactKind.NUMBER] += numbers
            if FactKind.NAME in kinds:
                found[FactKind.NAME] += find_names(text, start, end, context, opening=start in openings)
            if FactKind.NEGATION in kinds:
                found[FactKind.NEGATION] += _outside(find_negations(text, start, end), taken)
            if FactKind.CERTAINTY in kinds:
                found[FactKind.CERTAINTY] += _outside(find_certainty(text, start, end), taken)
        mentions[name] = found
    facts: list[Fact] = []
    for kind in (FactKind.NUMBER, FactKind.DATE, FactKind.NAME, FactKind.NEGATION, FactKind.CERTAINTY):
        if kind not in kinds:
            continue
        # Negation and certainty words are everywhere: only the unit's own words count.
        said_b, said_a = (
            (in_b, in_a) if kind in (FactKind.NUMBER, FactKind.DATE, FactKind.NAME) else (cue_in_b, cue_in_a)
        )
        facts += compare_mentions(kind, unit, mentions["a"][kind], mentions["b"][kind], said_b, said_a)
    if FactKind.NEGATION in kinds:
        for left, right in find_antonyms(sides.text_a, sides.windows_a, sides.text_b, sides.windows_b):
            note = f"{right.text} ← {left.text}"
            facts.append(
                Fact(
                    FactKind.NEGATION, FactStatus.CHANGED, unit, (left.start, left.end), (right.start, right.end), note
                )
            )
    return facts


def _outside(mentions: list[Mention], taken: Sequence[tuple[int, int]]) -> list[Mention]:
    """Cues that are not part of a date or a quantity ("May", "no more than")."""
    return [m for m in mentions if not any(low < m.end and m.start < high for low, high in taken)]
