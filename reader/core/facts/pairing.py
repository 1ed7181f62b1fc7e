"""Pair the mentions of one unit's two sides and keep what differs.

Every step looks partners up by key in a dictionary, so a passage with thousands of numbers
costs time in proportion to its mentions. Equal keys cancel; what is left is paired first at
the same place of the unit's word diff ("decades" where the other side has "years"), then by
what a reader would call "the same fact, told differently" (the same amount with another
qualifier, a sum of money with a sum of money, a name sharing a word); only what has no
partner is added or dropped, and only when the other text does not say it close by either.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Callable, Hashable, Sequence

from reader.core.facts.cues import WEAK_CLASSES, WEAK_CUES
from reader.core.facts.mention import Mention
from reader.core.facts.names import VAGUE_PLACE_WORDS
from reader.core.facts.quantities import qualifier_of, value_key
from reader.core.facts.roles import names_a_people
from reader.core.model import Fact, FactKind, FactStatus

# Says whether the other text has this mention's core near the unit's counterpart.
SaidNearby = Callable[[Mention], bool]
# Which changed stretch of the unit's diff a mention touches (None: it stands in equal words).
PlaceOf = Callable[[Mention], int | None]


def _cancel_by(left: list[Mention], right: list[Mention], key: Callable[[Mention], Hashable]) -> None:
    """Remove pairs with equal ``key`` from both lists, in place, in reading order."""
    waiting: dict[Hashable, deque[Mention]] = defaultdict(deque)
    for mention in right:
        waiting[key(mention)].append(mention)
    kept: list[Mention] = []
    gone: set[int] = set()
    for mention in left:
        partners = waiting.get(key(mention))
        if partners:
            gone.add(id(partners.popleft()))
        else:
            kept.append(mention)
    left[:] = kept
    right[:] = [m for m in right if id(m) not in gone]


def _pair_by(
    left: list[Mention],
    right: list[Mention],
    keys: Callable[[Mention], Sequence[Hashable]],
    fits: Callable[[Mention, Mention], bool] = lambda x, y: True,
) -> list[tuple[Mention, Mention]]:
    """Pair each left mention with the first right one sharing one of its ``keys`` that ``fits``."""
    waiting: dict[Hashable, deque[Mention]] = defaultdict(deque)
    for mention in right:
        for k in keys(mention):
            waiting[k].append(mention)
    taken: set[int] = set()
    pairs: list[tuple[Mention, Mention]] = []
    kept: list[Mention] = []
    for mention in left:
        partner = None
        for k in keys(mention):
            candidates = waiting.get(k, deque())
            while candidates and id(candidates[0]) in taken:
                candidates.popleft()  # each right mention leaves a list once: linear in all
            partner = next((c for c in candidates if id(c) not in taken and fits(mention, c)), None)
            if partner is not None:
                break
        if partner is None:
            kept.append(mention)
        else:
            taken.add(id(partner))
            pairs.append((mention, partner))
    left[:] = kept
    right[:] = [m for m in right if id(m) not in taken]
    return pairs


def compare_mentions(
    kind: FactKind,
    unit: int | None,
    side_a: Sequence[Mention],
    side_b: Sequence[Mention],
    in_b: SaidNearby,
    in_a: SaidNearby,
    place: PlaceOf = lambda m: None,
) -> list[Fact]:
    """The fact items of one kind in one unit."""
    left, right = list(side_a), list(side_b)

    def at_place(mention: Mention) -> Sequence[Hashable]:
        where = place(mention)
        return () if where is None else (where,)

    pairs: list[tuple[Mention, Mention]] = []
    if kind is FactKind.NUMBER:
        _cancel_by(left, right, lambda m: m.key)
        _cancel_by(left, right, _loose_amount)
        _pair_by(left, right, lambda m: (value_key(m).rsplit("|", 1)[0],), _one_without_unit)  # "45" / "45-year"
        pairs += _pair_by(left, right, at_place)
        pairs += _pair_by(left, right, lambda m: (value_key(m),))
        pairs += _pair_by(left, right, lambda m: (m.group,))
    elif kind is FactKind.DATE:
        _cancel_by(left, right, lambda m: m.key)
        _cancel_partial_dates(left, right)
        pairs += _pair_by(left, right, at_place)
        pairs += _pair_by(left, right, lambda m: (m.group,))
    elif kind is FactKind.NAME:
        _cancel_by(left, right, lambda m: (m.group, m.key))
        _cancel_names(left, right)
        # A name in the place of another is a swap only where neither text says the other's name
        # nearby: a headline reworded around both names is not a swap.
        pairs += _pair_by(left, right, at_place, lambda x, y: _same_sort(x, y) and _swapped(x, y, in_b, in_a))
        pairs += _pair_by(left, right, lambda m: tuple(m.core.split()), _same_sort)
        lone_pair = len(left) == 1 and len(right) == 1 and _same_sort(left[0], right[0])
        if lone_pair and not in_b(left[0]) and not in_a(right[0]):
            pairs.append((left.pop(), right.pop()))  # "By Elin Marsh" against "By Daniel Ferreira"
    elif kind is FactKind.CERTAINTY:
        _cancel_by(left, right, lambda m: m.group)
        pairs += _pair_by(left, right, at_place)
        pairs += _pair_by(left, right, lambda m: (0,))
        left = [m for m in left if m.core not in WEAK_CUES and m.group not in WEAK_CLASSES]
        right = [m for m in right if m.core not in WEAK_CUES and m.group not in WEAK_CLASSES]
    else:  # negation: what counts is how many; "didn't" and "did not" are one each
        _cancel_by(left, right, lambda m: 0)
    if kind is FactKind.NAME:  # a role said differently is listed only as changed, never alone
        left = [m for m in left if m.group != "role" or names_a_people(m)]
        right = [m for m in right if m.group != "role" or names_a_people(m)]
    facts = [_changed(kind, unit, x, y) for x, y in pairs]
    facts += [_one_sided(kind, unit, m, "a") for m in left if not in_b(m)]
    facts += [_one_sided(kind, unit, m, "b") for m in right if not in_a(m)]
    return facts


def _is_this_much(mention: Mention) -> bool:
    return qualifier_of(mention) in ("", "approximately")


def _loose_amount(mention: Mention) -> Hashable:
    """ "about 14" and "14" say the same; "more than 14" and "about 14" do not."""
    if qualifier_of(mention) in ("", "approximately"):
        return ("this much", value_key(mention))
    return ("bounded", mention.key)


def _one_without_unit(x: Mention, y: Mention) -> bool:
    """The same amount where one side names no unit: the unit is said by the words around it."""
    unit_x, unit_y = value_key(x).rsplit("|", 1)[1], value_key(y).rsplit("|", 1)[1]
    return (not unit_x or not unit_y) and _is_this_much(x) == _is_this_much(y)


_YEAR = re.compile(r"\d{4}")


def _cancel_partial_dates(left: list[Mention], right: list[Mention]) -> None:
    """One tells more of the same date ("12 March" within "12 March 2026")."""

    def partial(x: Mention, y: Mention) -> bool:
        words_x, words_y = set(x.key.split()), set(y.key.split())
        if not (words_x and words_y) or not (words_x <= words_y or words_y <= words_x):
            return False
        # A year told or left out places the date in time ("in March" / "in March 2014"):
        # that is a change; a weekday or a day of the month more is the same date told fuller.
        return not any(_YEAR.fullmatch(word) for word in words_x ^ words_y)

    _pair_by(left, right, lambda m: (m.group,), partial)  # the pairs say one date: both go


def _cancel_names(left: list[Mention], right: list[Mention]) -> None:
    """ "Okafor" and "Dr. Amira Okafor" name one person; "Tom Reddaway" and "Tim Reddaway" do not."""
    _pair_by(left, right, lambda m: tuple(m.core.split()), _one_bearer)  # the pairs name one bearer: both go


def _one_bearer(x: Mention, y: Mention) -> bool:
    if not _same_sort(x, y):
        return False
    if x.group == "role":
        return x.key == y.key
    words_x, words_y = set(x.core.split()), set(y.core.split())
    if not (words_x <= words_y or words_y <= words_x):
        return False
    extra = words_x ^ words_y
    titles_agree = not x.group or not y.group or x.group == y.group
    return titles_agree and not extra & VAGUE_PLACE_WORDS  # "West Africa" made "Africa" is vaguer


def _swapped(x: Mention, y: Mention, in_b: SaidNearby, in_a: SaidNearby) -> bool:
    """Two roles at one place are one role told differently; two names, only if neither is said."""
    return x.group == "role" or (not in_b(x) and not in_a(y))


def _same_sort(x: Mention, y: Mention) -> bool:
    """A role pairs with a role, a reach with a reach ("national" / "international"), a name with a name."""
    return _sort(x) == _sort(y)


def _sort(mention: Mention) -> str:
    return mention.group if mention.group in ("role", "reach") else "name"


def _changed(kind: FactKind, unit: int | None, a: Mention, b: Mention) -> Fact:
    return Fact(kind, FactStatus.CHANGED, unit, (a.start, a.end), (b.start, b.end), f"{b.shown} ← {a.shown}")


def _one_sided(kind: FactKind, unit: int | None, mention: Mention, side: str, lone: int | None = None) -> Fact:
    span = (mention.start, mention.end)
    if side == "a":
        return Fact(kind, FactStatus.DROPPED, unit, span, None, f"{mention.shown} — not in B", lone_sentence=lone)
    return Fact(kind, FactStatus.ADDED, unit, None, span, f"{mention.shown} — not in A", lone_sentence=lone)


def only_in_one(mentions: Sequence[Mention], side: str, said_elsewhere: SaidNearby, sentence: int) -> list[Fact]:
    """Items for the facts of a sentence only one text has, folded under that sentence."""
    return [_one_sided(m.kind, None, m, side, sentence) for m in mentions if not said_elsewhere(m)]
