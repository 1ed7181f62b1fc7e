"""How fact items are named and counted wherever they are shown (window, exports, CLI)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.model import Fact, FactKind, FactStatus, Sentence

KIND_TITLES = {
    FactKind.NUMBER: "Numbers",
    FactKind.DATE: "Dates and times",
    FactKind.NAME: "Names",
    FactKind.NEGATION: "Negation",
    FactKind.CERTAINTY: "Certainty and attribution",
    FactKind.QUOTE: "Quotations",
}
STATUS_LABELS = {
    FactStatus.CHANGED: "changed",
    FactStatus.ADDED: "only in B",
    FactStatus.DROPPED: "only in A",
    FactStatus.VERBATIM: "word for word",
    FactStatus.ALTERED: "altered",
    FactStatus.NOT_FOUND: "not found",
}
# Quotations said word for word are listed (every quotation has its item) but are not news.
QUIET = frozenset({FactStatus.VERBATIM})


def by_kind(facts: Sequence[Fact]) -> list[tuple[FactKind, list[Fact]]]:
    """The items grouped by kind in a fixed order, empty kinds left out; folded items apart."""
    groups = [(kind, [f for f in facts if f.kind is kind and f.lone_sentence is None]) for kind in KIND_TITLES]
    return [(kind, items) for kind, items in groups if items]


@dataclass(frozen=True, slots=True)
class LoneSentence:
    """A sentence only one text has, with the facts it carries (shown folded under it)."""

    side: str  # "a" or "b"
    index: int
    facts: tuple[Fact, ...]

    @property
    def label(self) -> str:
        return f"only in {self.side.upper()}"


def folded(facts: Sequence[Fact]) -> list[LoneSentence]:
    """The one-sided sentences that carry facts, in the order of their first item."""
    groups: dict[tuple[str, int], list[Fact]] = {}
    for fact in facts:
        if fact.lone_sentence is not None:
            side = "a" if fact.a is not None else "b"
            groups.setdefault((side, fact.lone_sentence), []).append(fact)
    return [LoneSentence(side, index, tuple(items)) for (side, index), items in groups.items()]


def claims_of(sentence: LoneSentence) -> str:
    """ "1980, Québec, Ontario": what a one-sided sentence claims, on one line."""
    return ", ".join(_NOT_IN.sub("", fact.note) for fact in sentence.facts)


_NOT_IN = re.compile(r" — not in [AB]$")


def summary(facts: Sequence[Fact]) -> str:
    """ "7 fact changes, 1 altered quotation, 2 quotations not found" ("No fact changes").

    The facts of sentences only one text has are counted by sentence: "3 one-sided sentences
    with facts".
    """
    lone = len(folded(facts))
    facts = [fact for fact in facts if fact.lone_sentence is None]
    changes = sum(1 for fact in facts if fact.kind is not FactKind.QUOTE)
    altered = sum(1 for fact in facts if fact.status is FactStatus.ALTERED)
    missing = sum(1 for fact in facts if fact.status is FactStatus.NOT_FOUND)
    parts = [f"{changes} fact change{'' if changes == 1 else 's'}" if changes else "No fact changes"]
    if altered:
        parts.append(f"{altered} altered quotation{'' if altered == 1 else 's'}")
    if missing:
        parts.append(f"{missing} quotation{'' if missing == 1 else 's'} not found")
    if lone:
        parts.append(f"{lone} one-sided sentence{'' if lone == 1 else 's'} with facts")
    return ", ".join(parts)


def words_of(fact: Fact, text_a: str, text_b: str, limit: int = 80) -> tuple[str, str]:
    """Each side's words of an item, on one line and cut at ``limit`` characters."""

    def cut(text: str, span: tuple[int, int] | None) -> str:
        if span is None:
            return ""
        words = " ".join(text[span[0] : span[1]].split())
        return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"

    return cut(text_a, fact.a), cut(text_b, fact.b)


def sentence_at(sentences: Sequence[Sentence], offset: int) -> int:
    """The index of the sentence that holds (or last started before) ``offset``."""
    return max(0, bisect.bisect_right([s.start for s in sentences], offset) - 1) if sentences else 0


class SentencePlaces:
    """Which sentence of each side an offset falls in, for many lookups (the starts kept once)."""

    def __init__(self, sentences_a: Sequence[Sentence], sentences_b: Sequence[Sentence]) -> None:
        self._starts = {"a": [s.start for s in sentences_a], "b": [s.start for s in sentences_b]}

    def index(self, side: str, offset: int) -> int:
        starts = self._starts[side]
        return max(0, bisect.bisect_right(starts, offset) - 1) if starts else 0


def capped_note(capped_units: Sequence[int], limit: int) -> str:
    """What the reader must know when a passage held more mentions than were compared ("" if none)."""
    if not capped_units:
        return ""
    passages = f"{len(capped_units)} passage{'' if len(capped_units) == 1 else 's'}"
    what = f"more than {limit:,} numbers, dates or names of one kind"
    return f"{passages} held {what}: only the first {limit:,} were compared."
