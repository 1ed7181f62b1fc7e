"""Pure computations behind linking, navigation and sync scrolling (no Qt).

Everything here works on sentence indices of a :class:`Comparison`, so it can be tested
without a window. Positions along a text are "sentence coordinates": ``i + f`` means a
fraction ``f`` of the way through sentence ``i``; ``len(sentences)`` is the end of the text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from reader.core.marks import Side
from reader.core.model import Comparison, UnitKind


@dataclass(frozen=True, slots=True)
class Difference:
    """One stop of next/previous difference: a changed unit or a sentence found on one side only."""

    a: tuple[int, ...]  # sentences of A (empty for a sentence only in B)
    b: tuple[int, ...]
    unit: int | None  # index into Comparison.units; None for a unique sentence

    def sentences(self, side: Side) -> tuple[int, ...]:
        return self.a if side is Side.A else self.b


@dataclass(frozen=True, slots=True)
class LinkGroup:
    """The sentences to highlight when one sentence is pointed at."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    unit: int | None

    def sentences(self, side: Side) -> tuple[int, ...]:
        return self.a if side is Side.A else self.b


class CoordinateMap:
    """A monotone piecewise-linear map between the sentence coordinates of A and of B.

    Built from the units that are *not* moved (a moved sentence would make the other pane
    jump back and forth). Where one side has sentences the other lacks, the map is flat on
    the other side, so that pane waits while the unique passage scrolls by.
    """

    def __init__(self, comparison: Comparison) -> None:
        points = [(0.0, 0.0)]
        for unit in sorted(comparison.units, key=lambda u: u.a[0] if u.a else 0):
            if unit.moved or not unit.a or not unit.b:
                continue
            start = (float(unit.a[0]), float(unit.b[0]))
            end = (float(unit.a[-1] + 1), float(unit.b[-1] + 1))
            # Keep the chain increasing on both sides; anything out of order is treated as moved.
            if start[0] >= points[-1][0] and start[1] >= points[-1][1]:
                points.extend((start, end))
        final = (float(len(comparison.sentences_a)), float(len(comparison.sentences_b)))
        if final[0] >= points[-1][0] and final[1] >= points[-1][1]:
            points.append(final)
        self._points = {Side.A: [p[0] for p in points], Side.B: [p[1] for p in points]}

    def to_other(self, side: Side, coordinate: float) -> float:
        """The coordinate on the other side that corresponds to ``coordinate`` on ``side``."""
        source = self._points[side]
        target = self._points[Side.B if side is Side.A else Side.A]
        if coordinate <= source[0]:
            return target[0]
        # The last point at or before the coordinate: at a flat stretch of the source, this
        # picks its far end, i.e. the text that follows the other side's unique passage.
        index = bisect_right(source, coordinate) - 1
        if index >= len(source) - 1:
            return target[-1]
        x0, x1 = source[index], source[index + 1]
        y0, y1 = target[index], target[index + 1]
        if x1 <= x0:
            return y1
        return y0 + (coordinate - x0) * (y1 - y0) / (x1 - x0)


class Links:
    """Sentence -> unit lookups in O(1), and the reading order of everything that differs."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        # A sentence may be in several units (the far pieces of a split are moved units
        # sharing their counterpart): the first unit that is not moved wins, a moved one
        # only when the sentence is in no other.
        self._unit_of: dict[Side, dict[int, int]] = {Side.A: {}, Side.B: {}}
        for number, unit in enumerate(comparison.units):
            for side, sentences in ((Side.A, unit.a), (Side.B, unit.b)):
                found = self._unit_of[side]
                for sentence in sentences:
                    held = found.get(sentence)
                    if held is None or (comparison.units[held].moved and not unit.moved):
                        found[sentence] = number
        self.coordinates = CoordinateMap(comparison)
        self.differences = _differences_in_reading_order(comparison, self.coordinates)
        self._difference_starts = [_first_a(d, self.coordinates) for d in self.differences]

    def group(self, side: Side, sentence: int) -> LinkGroup:
        """The unit containing ``sentence`` (both sides), or the sentence alone when unique."""
        number = self._unit_of[side].get(sentence)
        if number is None:
            own = (sentence,)
            return LinkGroup(own, (), None) if side is Side.A else LinkGroup((), own, None)
        unit = self.comparison.units[number]
        return LinkGroup(unit.a, unit.b, number)

    def counterpart(self, side: Side, sentence: int) -> tuple[int, ...]:
        """Sentences on the other side linked to ``sentence`` (empty when it is unique)."""
        group = self.group(side, sentence)
        return group.b if side is Side.A else group.a

    def difference_at_or_after(self, side: Side, coordinate: float) -> int | None:
        """Index of the first difference at or after ``coordinate`` of ``side``, or None."""
        position = coordinate if side is Side.A else self.coordinates.to_other(Side.B, coordinate)
        index = bisect_left(self._difference_starts, position)
        return index if index < len(self.differences) else None

    def difference_index(self, side: Side, sentence: int) -> int | None:
        """The difference that contains ``sentence`` of ``side``, if any."""
        for index, difference in enumerate(self.differences):
            if sentence in difference.sentences(side):
                return index
        return None


def _first_a(difference: Difference, coordinates: CoordinateMap) -> float:
    if difference.a:
        return float(difference.a[0])
    return coordinates.to_other(Side.B, float(difference.b[0]))


def reading_rows(comparison: Comparison, include_identical: bool = True) -> list[Difference]:
    """Every unit and unique sentence in reading order (the rows of a side-by-side print)."""
    return _differences_in_reading_order(comparison, CoordinateMap(comparison), include_identical)


def _differences_in_reading_order(
    comparison: Comparison, coordinates: CoordinateMap, include_identical: bool = False
) -> list[Difference]:
    """Changed units and unique sentences of both sides, ordered as a reader meets them.

    Each stop is placed at a position along A (a sentence of B only is placed where its
    neighbours' counterparts are), ties broken by the position along B, then A before B.
    """
    keyed: list[tuple[float, float, int, Difference]] = []
    for number, unit in enumerate(comparison.units):
        if not unit.a or not unit.b or (unit.kind is UnitKind.IDENTICAL and not include_identical):
            continue
        keyed.append((float(unit.a[0]), float(unit.b[0]), 0, Difference(unit.a, unit.b, number)))
    for i in comparison.only_a:
        keyed.append((float(i), coordinates.to_other(Side.A, float(i)), 0, Difference((i,), (), None)))
    for j in comparison.only_b:
        keyed.append((coordinates.to_other(Side.B, float(j)), float(j), 1, Difference((), (j,), None)))
    keyed.sort(key=lambda entry: entry[:3])
    return [entry[3] for entry in keyed]


def step(current: int | None, count: int, forward: bool) -> int | None:
    """The next (or previous) index in ``0..count-1``, wrapping around; None when empty."""
    if count <= 0:
        return None
    if current is None:
        return 0 if forward else count - 1
    return (current + (1 if forward else -1)) % count
