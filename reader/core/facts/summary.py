"""How fact items are named and counted wherever they are shown (window, exports, CLI)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

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
    """The items grouped by kind in a fixed order, empty kinds left out."""
    groups = [(kind, [fact for fact in facts if fact.kind is kind]) for kind in KIND_TITLES]
    return [(kind, items) for kind, items in groups if items]


def summary(facts: Sequence[Fact]) -> str:
    """ "7 fact changes, 1 altered quotation, 2 quotations not found" ("No fact changes")."""
    changes = sum(1 for fact in facts if fact.kind is not FactKind.QUOTE)
    altered = sum(1 for fact in facts if fact.status is FactStatus.ALTERED)
    missing = sum(1 for fact in facts if fact.status is FactStatus.NOT_FOUND)
    parts = [f"{changes} fact change{'' if changes == 1 else 's'}" if changes else "No fact changes"]
    if altered:
        parts.append(f"{altered} altered quotation{'' if altered == 1 else 's'}")
    if missing:
        parts.append(f"{missing} quotation{'' if missing == 1 else 's'} not found")
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
