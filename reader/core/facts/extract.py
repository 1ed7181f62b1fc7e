"""Every mention of a sentence, found once and kept: a sentence in several units is read once.

Whole sentences are read, not stretches around the changes, so a name is never cut into a
fragment ("Department" out of "State Department") and a unit of several sentences gathers
each sentence's mentions exactly once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reader.core.facts.cues import find_certainty, find_negations
from reader.core.facts.dates import find_dates
from reader.core.facts.mention import Mention
from reader.core.facts.names import NameContext, find_names, name_context
from reader.core.facts.quantities import find_numbers
from reader.core.facts.roles import find_reach, find_roles, names_a_people
from reader.core.model import FactKind, Sentence

CLAIMS_AND_CUES = (FactKind.NUMBER, FactKind.DATE, FactKind.NAME, FactKind.NEGATION, FactKind.CERTAINTY)


class LazyContext:
    """The name context of both texts, built the first time a name is looked for."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = tuple(texts)
        self._context: NameContext | None = None

    def get(self) -> NameContext:
        if self._context is None:
            self._context = name_context(self._texts)
        return self._context


class SentenceMentions:
    """The mentions of each sentence of one text, by kind, each kind read on first use."""

    def __init__(self, text: str, sentences: Sequence[Sentence], context: LazyContext) -> None:
        self._text = text
        self._sentences = sentences
        self._context = context
        self._found: dict[tuple[int, FactKind], list[Mention]] = {}

    def of(self, index: int, kinds: Iterable[FactKind] = CLAIMS_AND_CUES) -> dict[FactKind, list[Mention]]:
        """The mentions of ``kinds`` in sentence ``index``; each span once, in reading order."""
        return {kind: self._kind(index, kind) for kind in kinds}

    def of_all(self, indices: Sequence[int], kinds: Iterable[FactKind]) -> dict[FactKind, list[Mention]]:
        """The mentions of several sentences together (the sentences of one unit's side)."""
        kinds = tuple(kinds)
        if len(indices) == 1:
            return self.of(indices[0], kinds)
        return {kind: [m for index in indices for m in self._kind(index, kind)] for kind in kinds}

    def _kind(self, index: int, kind: FactKind) -> list[Mention]:
        found = self._found.get((index, kind))
        if found is None:
            found = self._found[(index, kind)] = self._read(self._sentences[index], kind, index)
        return found

    def _read(self, sentence: Sentence, kind: FactKind, index: int) -> list[Mention]:
        text, start, end = self._text, sentence.start, sentence.end
        if kind is FactKind.DATE:
            return find_dates(text, start, end)
        if kind is FactKind.NUMBER:
            # Dates are found first so that a year is not also a number, nor "May" a modal.
            return find_numbers(text, start, end, skip=[(m.start, m.end) for m in self._kind(index, FactKind.DATE)])
        if kind is FactKind.NAME:
            names = find_names(text, start, end, self._context.get(), opening=True)
            roles = find_roles(text, start, end)
            # "French prosecutors" is one mention, a people's role: not the name "French".
            peoples = [(m.start, m.end) for m in roles if names_a_people(m)]
            names = [m for m in names if not any(low <= m.start and m.end <= high for low, high in peoples)]
            taken = [(m.start, m.end) for m in names]
            return _sorted(names + _outside(roles, taken) + _outside(find_reach(text, start, end), taken))
        if kind in (FactKind.NEGATION, FactKind.CERTAINTY):
            cues = find_negations(text, start, end) if kind is FactKind.NEGATION else find_certainty(text, start, end)
            if not cues:
                return cues
            taken = [(m.start, m.end) for m in self._kind(index, FactKind.DATE) + self._kind(index, FactKind.NUMBER)]
            return _outside(cues, taken)
        return []


def _sorted(mentions: list[Mention]) -> list[Mention]:
    return sorted(mentions, key=lambda m: (m.start, m.end))


def _outside(mentions: list[Mention], taken: Sequence[tuple[int, int]]) -> list[Mention]:
    """Mentions that are not part of a taken span ("May" in a date, "no more than" a qualifier)."""
    if not taken:
        return mentions
    return [m for m in mentions if not any(low < m.end and m.start < high for low, high in taken)]
