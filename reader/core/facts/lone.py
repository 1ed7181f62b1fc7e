"""The facts of sentences only one text has.

Two lone sentences at one place that share most words are compared like a unit (the aligner
left them apart because a rewrite changed too much to be sure). The mentions of every other
lone sentence are listed under it, folded, when the other text does not say them anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.facts.extract import SentenceMentions
from reader.core.facts.mention import Mention
from reader.core.facts.pairing import SaidNearby, only_in_one
from reader.core.facts.sides import WORD, Side
from reader.core.facts.unit_facts import UnitSides, antonym_facts, unit_facts
from reader.core.model import Fact, FactKind

LONE_PAIR_MIN_SHARED = 0.5  # share of distinct words two lone sentences need to be compared
# What a lone sentence claims: the cues of a sentence the other text lacks say nothing alone.
CLAIM_KINDS = (FactKind.NUMBER, FactKind.DATE, FactKind.NAME)
ALL_KINDS = frozenset(CLAIM_KINDS) | {FactKind.NEGATION, FactKind.CERTAINTY}


def lone_facts(
    side_a: Side,
    side_b: Side,
    found_a: SentenceMentions,
    found_b: SentenceMentions,
    only_a: Sequence[int],
    only_b: Sequence[int],
) -> list[Fact]:
    """Items of the lone pairs, then the folded items of each other lone sentence."""
    facts: list[Fact] = []
    paired_a, paired_b = lone_pairs(side_a, side_b, only_a, only_b)
    for i, j in zip(paired_a, paired_b, strict=True):
        sides = UnitSides(
            None, frozenset(CLAIM_KINDS) | {FactKind.NEGATION, FactKind.CERTAINTY}, found_a.of(i), found_b.of(j), None
        )
        items, _ = unit_facts(sides, _anywhere(side_b), _anywhere(side_a), _never, _never)
        span_a, span_b = side_a.span(i, i), side_b.span(j, j)
        facts += items + antonym_facts(None, side_a.text, [span_a], side_b.text, [span_b])
    taken_a, taken_b = set(paired_a), set(paired_b)
    for i in only_a:
        if i not in taken_a:
            facts += only_in_one(_claims(found_a.of(i, CLAIM_KINDS)), "a", _anywhere(side_b), i)
    for j in only_b:
        if j not in taken_b:
            facts += only_in_one(_claims(found_b.of(j, CLAIM_KINDS)), "b", _anywhere(side_a), j)
    return facts


def _claims(found: dict[FactKind, list[Mention]]) -> list[Mention]:
    return [m for kind in CLAIM_KINDS for m in found[kind] if m.group != "role"]


def _anywhere(side: Side) -> SaidNearby:
    return lambda mention: side.says(mention.core)


def _never(mention: Mention) -> bool:
    return False


def lone_pairs(side_a: Side, side_b: Side, only_a: Sequence[int], only_b: Sequence[int]) -> tuple[list[int], list[int]]:
    """Lone sentences of A and B at the same place whose words are mostly the same.

    A sentence that keeps most of its words but turns "unlikely" into "likely" is exactly
    what must be compared, not listed as two sentences that say nothing alike.
    """
    lone_b = set(only_b)
    pairs_a: list[int] = []
    pairs_b: list[int] = []
    for i in only_a:
        place = side_a.counterpart[i]
        words_a = set(WORD.findall(side_a.text[slice(*side_a.span(i, i))].lower()))
        for j in (place, place + 1, place - 1):
            if j in lone_b and j not in pairs_b:
                words_b = set(WORD.findall(side_b.text[slice(*side_b.span(j, j))].lower()))
                if words_a and words_b and len(words_a & words_b) / len(words_a | words_b) >= LONE_PAIR_MIN_SHARED:
                    pairs_a.append(i)
                    pairs_b.append(j)
                    break
    return pairs_a, pairs_b
