"""The typed, frozen values that flow through the engine.

bytes -> Document (text + blocks) -> Sentence -> Unit (aligned sentences + word diff)
-> Comparison. Every offset is a character offset into ``Document.text``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    """What a block of a document is; headlines, bylines and datelines stand alone."""

    TITLE = "title"  # the headline
    BYLINE = "byline"  # "By Ana Ruiz"
    DATELINE = "dateline"  # "Porthaven, 12 March 2026"
    HEADING = "heading"  # a subheading inside the article
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"  # one item of a bulleted or numbered list
    QUOTE = "quote"  # a block quotation


@dataclass(frozen=True, slots=True)
class Block:
    """A structural piece of a document: ``text[start:end]``, never containing a blank line."""

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """Decoded text as it will be shown, with its blocks in reading order.

    ``text`` is what every offset refers to; blocks are separated by blank lines
    (``"\\n\\n"``) so the text reads well when printed as is.
    """

    name: str
    text: str
    blocks: tuple[Block, ...]
    title: str | None = None
    source: str | None = None
    encoding: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``document.text[start:end]``, stripped of surrounding whitespace."""

    start: int
    end: int
    block: int


class UnitKind(StrEnum):
    """How an aligned unit differs; ``moved`` wins over edits (a moved unit may be edited too)."""

    IDENTICAL = "identical"
    EDITED = "edited"
    REWRITTEN = "rewritten"
    MOVED = "moved"


class Op(StrEnum):
    EQUAL = "="
    DELETE = "-"
    INSERT = "+"


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a diff with its place in both texts.

    ``EQUAL``: ``a.text[a_start:a_end] == b.text[b_start:b_end]`` (after the
    matching normalisation; the texts themselves may differ in quote style, case...).
    ``DELETE``: only the A range is non-empty. ``INSERT``: only the B range.
    """

    op: Op
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True, slots=True)
class Unit:
    """Sentences of A and B that say the same thing: 1:1, 1:n (split) or n:1 (merged).

    ``a`` and ``b`` are sentence indices, ascending and contiguous. ``diff`` is the
    word-level diff of the A span against the B span; ``moved`` is set when the
    counterpart sits elsewhere in reading order (``kind`` is then ``MOVED``, and
    ``edit_kind`` still tells whether it was also edited).
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    kind: UnitKind
    similarity: float
    diff: tuple[Segment, ...] = ()
    moved: bool = False
    edit_kind: UnitKind = UnitKind.IDENTICAL


@dataclass(frozen=True, slots=True)
class Stats:
    words_a: int
    words_b: int
    sentences_a: int
    sentences_b: int
    words_inserted: int
    words_deleted: int
    sentences_only_a: int
    sentences_only_b: int
    sentences_moved: int
    units_identical: int
    units_edited: int
    units_rewritten: int
    # Share of each text's words that are found (unchanged) in the other text, 0..1.
    shared_a: float
    shared_b: float
    # Share of each text's words inside aligned-but-changed units / unique sentences.
    changed_a: float
    changed_b: float
    unique_a: float
    unique_b: float
    similarity: float


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """What counts as "the same" when matching; display text is never changed.

    ``looseness`` runs from 0.0 (only near-identical sentences are linked) to 1.0
    (loose paraphrases are linked too); 0.5 is the tuned default.
    """

    ignore_case: bool = True
    ignore_punctuation: bool = False
    fold_quotes_dashes: bool = True
    fold_spaces: bool = True
    ignore_soft_hyphens: bool = True
    unicode_normalize: bool = True
    looseness: float = 0.5
    language: str | None = None


class FactKind(StrEnum):
    """What a fact item is about."""

    NUMBER = "number"
    DATE = "date"
    NAME = "name"
    NEGATION = "negation"
    CERTAINTY = "certainty"
    QUOTE = "quote"


class FactStatus(StrEnum):
    """How a fact differs; quotations are ``verbatim``, ``altered`` or ``not_found``."""

    CHANGED = "changed"  # both texts state it, differently
    ADDED = "added"  # only B states it
    DROPPED = "dropped"  # only A states it
    VERBATIM = "verbatim"  # a quotation the other text has word for word
    ALTERED = "altered"  # a quotation the other text has with other words
    NOT_FOUND = "not_found"  # a quotation the other text does not have


@dataclass(frozen=True, slots=True)
class Fact:
    """One difference in what the texts claim, or one quotation and how the other text has it.

    ``a`` and ``b`` are character spans in each text (None where that side has nothing);
    ``unit`` indexes ``Comparison.units``, None for a sentence only in one text. ``side`` says
    whose quotation a quote item is ("a", "b" or "both" when each side quotes it); the other
    kinds leave it empty. ``lone_sentence`` is set on the items of a sentence only one text
    has (the side its status names): they are shown folded under that sentence.
    """

    kind: FactKind
    status: FactStatus
    unit: int | None
    a: tuple[int, int] | None
    b: tuple[int, int] | None
    note: str
    side: str = ""
    lone_sentence: int | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything a view needs: both documents, sentences, units, unique sentences, diff.

    ``diff`` (the whole-document word diff) is computed on first use: the window never needs
    it, the JSON and text outputs do, and on a book it costs as much as the alignment.
    """

    a: Document
    b: Document
    sentences_a: tuple[Sentence, ...]
    sentences_b: tuple[Sentence, ...]
    units: tuple[Unit, ...]
    only_a: tuple[int, ...]
    only_b: tuple[int, ...]
    stats: Stats
    options: CompareOptions = field(default_factory=CompareOptions)
    facts: tuple[Fact, ...] = ()
    # Units with more mentions of one kind than the facts stage compares (the rest unread).
    facts_capped: tuple[int, ...] = ()
    diff_source: Callable[[], tuple[Segment, ...]] | None = field(default=None, repr=False, compare=False)
    # Kept lazy because it is measured: on the book pair of ../shared/benchmarks/revisions the
    # whole-text diff costs as much as the alignment, and the window never shows it. A frozen,
    # slotted dataclass cannot use functools.cached_property, hence the one-item list.
    _diff_cache: list[tuple[Segment, ...]] = field(default_factory=list, repr=False, compare=False)

    @property
    def diff(self) -> tuple[Segment, ...]:
        """Ordered segments covering both texts exactly (``=`` and ``-`` rebuild A, ``=`` and ``+`` B)."""
        if not self._diff_cache:
            self._diff_cache.append(self.diff_source() if self.diff_source is not None else ())
        return self._diff_cache[0]
