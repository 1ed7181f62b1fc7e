"""Units for display: sentences grouped 1:1, 1:n or n:1, each side a contiguous run.

A :class:`Grouping` grows units link by link and refuses any link that would make a side
non-contiguous or a unit n:m (a reader cannot follow those in two panes). Which units keep
the reading order is the heaviest in-order chain of them (:mod:`reader.core.diff.chain`);
the rest are moved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.core.diff.chain import heaviest_chain


@dataclass(slots=True)
class Unit:
    """A growing unit: its sentences on each side and the links that made it."""

    a: set[int] = field(default_factory=set)
    b: set[int] = field(default_factory=set)
    score: float = 0.0  # the sum of its links' similarities


def _contiguous(indices: set[int]) -> bool:
    return max(indices) - min(indices) + 1 == len(indices)


class Grouping:
    """Units of sentence indices; each sentence in at most one unit."""

    def __init__(self) -> None:
        self.unit_a: dict[int, Unit] = {}
        self.unit_b: dict[int, Unit] = {}

    def copy(self) -> Grouping:
        """A grouping with the same units; units are never changed in place, so they are shared."""
        twin = Grouping()
        twin.unit_a = dict(self.unit_a)
        twin.unit_b = dict(self.unit_b)
        return twin

    def units(self) -> list[Unit]:
        seen: dict[int, Unit] = {id(u): u for u in self.unit_a.values()}
        return sorted(seen.values(), key=lambda u: (min(u.a), min(u.b)))

    def add(self, i: int, j: int, score: float) -> bool:
        """Link A sentence ``i`` with B sentence ``j`` when the unit that makes stays readable."""
        ua, ub = self.unit_a.get(i), self.unit_b.get(j)
        if ua is None and ub is None:  # a new 1:1 unit (every anchor): nothing to check
            self.unit_a[i] = self.unit_b[j] = Unit({i}, {j}, score)
            return True
        if ua is not None and ua is ub:
            return True
        a = (ua.a if ua else {i}) | (ub.a if ub else set())
        b = (ub.b if ub else {j}) | (ua.b if ua else set())
        if not _contiguous(a) or not _contiguous(b) or (len(a) > 1 and len(b) > 1):
            return False
        merged = Unit(a | {i}, b | {j}, (ua.score if ua else 0.0) + (ub.score if ub else 0.0) + score)
        for x in merged.a:
            self.unit_a[x] = merged
        for y in merged.b:
            self.unit_b[y] = merged
        return True

    def remove(self, unit: Unit) -> None:
        """Free every sentence of ``unit``."""
        for x in unit.a:
            del self.unit_a[x]
        for y in unit.b:
            del self.unit_b[y]

    def add_all(self, links: Iterable[tuple[int, int, float]]) -> None:
        """Add links strongest first, retrying refused ones until nothing changes.

        A link refused now may fit once its neighbours joined (the middle piece of a split
        into three), so the loop runs again over what was left.
        """
        pending = list(links)
        while pending:
            left = [(i, j, s) for i, j, s in pending if not self.add(i, j, s)]
            if len(left) == len(pending):
                return
            pending = left


def in_order(units: list[Unit]) -> set[int]:
    """Indices of ``units`` on the in-order chain that keeps the most linked text in place."""
    weights = [(min(u.a), min(u.b), u.score) for u in units]
    # Units come sorted by their first A sentence: when their B sentences rise too (a
    # revision that moved nothing), every unit is on the chain and none needs weighing.
    if all(weights[k][1] < weights[k + 1][1] and weights[k][0] < weights[k + 1][0] for k in range(len(weights) - 1)):
        return set(range(len(weights)))
    return set(heaviest_chain(weights))
