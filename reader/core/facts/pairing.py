"""Pair the mentions of one unit's two sides and keep what differs.

Equal keys cancel; what is left is paired by what a reader would call "the same fact, told
differently" (the same amount with another qualifier, a sum of money with a sum of money, a
name sharing a word), and only what has no partner is added or dropped, and only when the
other text does not say it close by either (a rewrite moves words between sentences).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.core.facts.cues import WEAK_CUES
from reader.core.facts.mention import Mention
from reader.core.facts.names import shares_core
from reader.core.facts.quantities import qualifier_of, value_key
from reader.core.model import Fact, FactKind, FactStatus

# Says whether the other text has this mention's core near the unit's counterpart.
SaidNearby = Callable[[Mention], bool]


def _cancel_equal(left: list[Mention], right: list[Mention], same: Callable[[Mention, Mention], bool]) -> None:
    """Remove pairs that say the same thing from both lists, in place."""
    for mention in list(left):
        partner = next((other for other in right if same(mention, other)), None)
        if partner is not None:
            left.remove(mention)
            right.remove(partner)


def _pair(
    left: list[Mention], right: list[Mention], related: Callable[[Mention, Mention], bool]
) -> list[tuple[Mention, Mention]]:
    pairs = []
    for mention in list(left):
        partner = next((other for other in right if related(mention, other)), None)
        if partner is not None:
            left.remove(mention)
            right.remove(partner)
            pairs.append((mention, partner))
    return pairs


def compare_mentions(
    kind: FactKind,
    unit: int | None,
    side_a: Sequence[Mention],
    side_b: Sequence[Mention],
    in_b: SaidNearby,
    in_a: SaidNearby,
) -> list[Fact]:
    """The fact items of one kind in one unit."""
    left, right = list(side_a), list(side_b)
    if kind is FactKind.NUMBER:
        _cancel_equal(left, right, lambda x, y: x.key == y.key or _same_amount_loosely(x, y))
        pairs = _pair(left, right, lambda x, y: value_key(x) == value_key(y))
        pairs += _pair(left, right, lambda x, y: x.group == y.group)
    elif kind is FactKind.DATE:
        _cancel_equal(left, right, _same_date)
        pairs = _pair(left, right, lambda x, y: x.group == y.group)
    elif kind is FactKind.NAME:
        _cancel_equal(left, right, lambda x, y: shares_core(x, y) and _titles_agree(x, y) and _one_holds_other(x, y))
        pairs = _pair(left, right, shares_core)
        if len(left) == 1 and len(right) == 1 and not in_b(left[0]) and not in_a(right[0]):
            pairs.append((left.pop(), right.pop()))  # "By Elin Marsh" against "By Daniel Ferreira"
    elif kind is FactKind.CERTAINTY:
        _cancel_equal(left, right, lambda x, y: x.group == y.group)
        pairs = _pair(left, right, lambda x, y: True)
        left = [m for m in left if m.core not in WEAK_CUES]
        right = [m for m in right if m.core not in WEAK_CUES]
    else:  # negation: what counts is how many; "didn't" and "did not" are one each
        _cancel_equal(left, right, lambda x, y: True)
        pairs = []
    facts = [_changed(kind, unit, x, y) for x, y in pairs]
    facts += [_one_sided(kind, unit, m, "a") for m in left if not in_b(m)]
    facts += [_one_sided(kind, unit, m, "b") for m in right if not in_a(m)]
    return facts


def _same_amount_loosely(x: Mention, y: Mention) -> bool:
    """ "about 14" and "14" say the same; "more than 14" and "about 14" do not."""
    qualifiers = {qualifier_of(x), qualifier_of(y)}
    return value_key(x) == value_key(y) and qualifiers <= {"", "approximately"}


def _same_date(x: Mention, y: Mention) -> bool:
    """Equal, or one tells more of the same date ("12 March" within "12 March 2026")."""
    if x.key == y.key:
        return True
    words_x, words_y = set(x.key.split()), set(y.key.split())
    return bool(words_x and words_y) and (words_x <= words_y or words_y <= words_x) and x.group == y.group


def _titles_agree(x: Mention, y: Mention) -> bool:
    return not x.group or not y.group or x.group == y.group


def _one_holds_other(x: Mention, y: Mention) -> bool:
    """ "Okafor" and "Amira Okafor" name one person; "Tom Reddaway" and "Tim Reddaway" do not."""
    words_x, words_y = set(x.core.split()), set(y.core.split())
    return words_x <= words_y or words_y <= words_x


def _changed(kind: FactKind, unit: int | None, a: Mention, b: Mention) -> Fact:
    return Fact(kind, FactStatus.CHANGED, unit, (a.start, a.end), (b.start, b.end), f"{b.shown} ← {a.shown}")


def _one_sided(kind: FactKind, unit: int | None, mention: Mention, side: str) -> Fact:
    span = (mention.start, mention.end)
    if side == "a":
        return Fact(kind, FactStatus.DROPPED, unit, span, None, f"{mention.shown} — not in B")
    return Fact(kind, FactStatus.ADDED, unit, None, span, f"{mention.shown} — not in A")


def only_in_one(mentions: Sequence[Mention], side: str, said_elsewhere: SaidNearby) -> list[Fact]:
    """Items for the facts a sentence only one text has carries, when the other text lacks them."""
    return [_one_sided(m.kind, None, m, side) for m in mentions if not said_elsewhere(m)]
