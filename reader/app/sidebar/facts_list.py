"""The sidebar's Facts tab: what changed in numbers, dates, names, certainty and quotations."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from reader.app.sidebar.wrapping_tree import WrappingTree, children
from reader.core.facts.summary import (
    KIND_TITLES,
    QUIET,
    STATUS_LABELS,
    LoneSentence,
    SentencePlaces,
    by_kind,
    capped_note,
    claims_of,
)
from reader.core.facts.summary import folded as one_sided_sentences
from reader.core.facts.unit_facts import MAX_MENTIONS
from reader.core.model import Comparison, Fact

ROLE_FACT = Qt.ItemDataRole.UserRole
ROLE_LONE = Qt.ItemDataRole.UserRole + 1  # a one-sided sentence's entry: its first item
CONTEXT_CHARS = 400  # of each sentence in the tooltip
ENTRY_CHARS = 110  # about three wrapped lines at the default dock width
_NOT_IN = re.compile(r" — not in [AB]$")


class FactsList(WrappingTree):
    """One group per kind; an entry shows both sides' words, its sentences on hover.

    Quotations found word for word are counted under their group but folded away: every
    quotation has its item, and the ones that changed come first.
    """

    fact_chosen = Signal(object)  # Fact

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("What changed in the facts")
        self.itemClicked.connect(self._on_item)
        self.itemActivated.connect(self._on_item)
        self.groups: dict[str, QTreeWidgetItem] = {}
        self._places = SentencePlaces((), ())
        self.show_comparison(None)

    def show_comparison(self, comparison: Comparison | None) -> None:
        self.clear()
        self.groups = {}
        if comparison is None or not comparison.facts:
            text = (
                "Open two articles to list\nwhat changed in the facts."
                if comparison is None
                else ("No numbers, dates, names,\nnegation, certainty or\nquotations differ.")
            )
            placeholder = QTreeWidgetItem([text])
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addTopLevelItem(placeholder)
            return
        self._places = SentencePlaces(comparison.sentences_a, comparison.sentences_b)
        note = capped_note(comparison.facts_capped, MAX_MENTIONS)
        if note:
            warning = QTreeWidgetItem([note])
            warning.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(warning)
        for kind, items in by_kind(comparison.facts):
            news = [fact for fact in items if fact.status not in QUIET]
            quiet = [fact for fact in items if fact.status in QUIET]
            counts = f"{len(news)}" if not quiet else f"{len(news)} differ, {len(quiet)} same"
            group = _group_item(f"{KIND_TITLES[kind]} ({counts})")
            group.addChildren([self._entry(comparison, fact) for fact in news])
            if quiet:
                folded = QTreeWidgetItem([f"Word for word ({len(quiet)})"])
                folded.setFlags(Qt.ItemFlag.ItemIsEnabled)
                folded.addChildren([self._entry(comparison, fact) for fact in quiet])
                group.addChild(folded)
            self.addTopLevelItem(group)
            group.setExpanded(True)
            self.groups[kind.value] = group
        lone = one_sided_sentences(comparison.facts)
        if lone:
            group = _group_item(f"Sentences only in one text ({len(lone)})")
            group.addChildren([self._lone_entry(comparison, sentence) for sentence in lone])
            self.addTopLevelItem(group)
            group.setExpanded(True)
            self.groups["one-sided"] = group

    def count(self) -> int:
        """Entries listed (every fact item, word-for-word quotations included)."""
        return len(self.entries())

    def entries(self) -> list[QTreeWidgetItem]:
        found = []
        for group in self.groups.values():
            stack = children(group)
            while stack:
                item = stack.pop(0)
                if item.data(0, ROLE_FACT) is not None:
                    found.append(item)
                stack.extend(children(item))
        return found

    def _entry(self, comparison: Comparison, fact: Fact) -> QTreeWidgetItem:
        # The note reads "B ← A" with the words around a cue; the second line says where.
        first = _NOT_IN.sub("", fact.note)
        if len(first) > ENTRY_CHARS:
            first = first[: ENTRY_CHARS - 1].rstrip() + "…"
        item = QTreeWidgetItem([f"{first}\n{STATUS_LABELS[fact.status]} · {_where(self._places, fact)}"])
        item.setToolTip(0, _tooltip(comparison, self._places, fact))
        item.setData(0, ROLE_FACT, fact)
        return item

    def _lone_entry(self, comparison: Comparison, sentence: LoneSentence) -> QTreeWidgetItem:
        """One entry per one-sided sentence: what it claims; its items folded inside it."""
        sentences, text = (
            (comparison.sentences_a, comparison.a.text)
            if sentence.side == "a"
            else (comparison.sentences_b, comparison.b.text)
        )
        words = " ".join(text[sentences[sentence.index].start : sentences[sentence.index].end].split())
        claims = claims_of(sentence)
        if len(claims) > ENTRY_CHARS:
            claims = claims[: ENTRY_CHARS - 1].rstrip() + "…"
        where = f"{sentence.side.upper()} {sentence.index + 1}"
        item = QTreeWidgetItem([f"{claims}\n{sentence.label} · {where}"])
        item.setToolTip(0, f"{sentence.label}: {words[:CONTEXT_CHARS]}")
        item.setData(0, ROLE_LONE, sentence.facts[0])  # a click goes to the sentence
        item.addChildren([self._entry(comparison, fact) for fact in sentence.facts])
        return item

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        fact = item.data(0, ROLE_FACT) or item.data(0, ROLE_LONE)
        if fact is not None:
            self.fact_chosen.emit(fact)


def _where(places_of: SentencePlaces, fact: Fact) -> str:
    places = []
    if fact.a is not None:
        places.append(f"A {places_of.index('a', fact.a[0]) + 1}")
    if fact.b is not None:
        places.append(f"B {places_of.index('b', fact.b[0]) + 1}")
    return " ↔ ".join(places)


def _tooltip(comparison: Comparison, places_of: SentencePlaces, fact: Fact) -> str:
    lines = [fact.note]
    for label, span, sentences, text in (
        ("A", fact.a, comparison.sentences_a, comparison.a.text),
        ("B", fact.b, comparison.sentences_b, comparison.b.text),
    ):
        if span is None or not sentences:
            continue
        sentence = sentences[places_of.index(label.lower(), span[0])]
        words = " ".join(text[sentence.start : sentence.end].split())
        lines.append(f"\n{label}: {words[:CONTEXT_CHARS]}")
    return "\n".join(lines)


def _group_item(title: str) -> QTreeWidgetItem:
    """A heading of the list: bold, not selectable."""
    group = QTreeWidgetItem([title])
    font = group.font(0)
    font.setBold(True)
    group.setFont(0, font)
    group.setFlags(Qt.ItemFlag.ItemIsEnabled)
    return group
