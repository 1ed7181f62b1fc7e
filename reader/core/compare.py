"""The one entry point: ``compare(a, b, options) -> Comparison``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from reader.core.align import Link, align_sentences
from reader.core.diff.document import MIN_ANCHOR_WORDS, document_diff
from reader.core.diff.words import TokenCodec, diff_spans
from reader.core.facts import find_facts
from reader.core.model import (
    BlockKind,
    CompareOptions,
    Comparison,
    Document,
    Op,
    Segment,
    Sentence,
    Unit,
    UnitKind,
)
from reader.core.stats import WordCounts, comparison_stats, sentence_span, unit_words
from reader.core.text.sentences import detect_language, split_sentences
from reader.core.text.tokens import count_words

# A unit whose words are at least this much shared is an edit; below it, a rewrite.
EDITED_MIN_SHARED = 0.6
# Lines that stand alone in an article: a unit never joins one with another block.
STANDALONE_KINDS = frozenset({BlockKind.TITLE, BlockKind.BYLINE, BlockKind.DATELINE, BlockKind.HEADING})

Progress = Callable[[float], None]
# Words of a unit's A span, how many a deletion touches, the same for B.


def pair_language(a: Document, b: Document, options: CompareOptions) -> str:
    """The language a pair is read in: the chosen one, else the one both texts' openings show."""
    return options.language or detect_language(a.text[:20_000] + "\n" + b.text[:20_000])


def compare(
    a: Document,
    b: Document,
    options: CompareOptions | None = None,
    progress: Progress | None = None,
    split_a: Callable[[str], tuple[Sentence, ...]] | None = None,
) -> Comparison:
    """Align the sentences of two documents and diff the words inside every aligned unit.

    ``split_a`` gives A's sentences for a language when the caller keeps them (one base with
    several versions is split once per language); it must return what ``split_sentences``
    would.
    """
    options = options or CompareOptions()
    language = pair_language(a, b, options)
    sentences_a = split_a(language) if split_a is not None else split_sentences(a.text, a.blocks, language)
    sentences_b = split_sentences(b.text, b.blocks, language)
    texts_a = [a.text[s.start : s.end] for s in sentences_a]
    texts_b = [b.text[s.start : s.end] for s in sentences_b]
    if progress is not None:
        progress(0.05)

    def align_progress(fraction: float) -> None:
        if progress is not None:
            progress(0.05 + 0.75 * fraction)

    links = align_sentences(texts_a, texts_b, options, align_progress if progress else None, language=language)
    links = [_within_roles(link, a, b, sentences_a, sentences_b) for link in links]
    codec = TokenCodec(options)
    built = [_unit(link, a.text, b.text, sentences_a, sentences_b, codec) for link in links]
    units = tuple(unit for unit, _ in built)
    if progress is not None:
        progress(0.9)
    in_units_a = {i for unit in units for i in unit.a}
    in_units_b = {j for unit in units for j in unit.b}
    only_a = tuple(i for i in range(len(sentences_a)) if i not in in_units_a)
    only_b = tuple(j for j in range(len(sentences_b)) if j not in in_units_b)
    # Long identical units fix the document diff; their words are counted here already.
    anchors = tuple(
        k
        for k, (unit, counts) in enumerate(built)
        if unit.edit_kind is UnitKind.IDENTICAL and counts[0] >= MIN_ANCHOR_WORDS
    )
    # A partial of a module function (not a closure) keeps the Comparison picklable.
    diff = partial(document_diff, a.text, b.text, units, sentences_a, sentences_b, codec, anchors)
    stats = comparison_stats(a.text, b.text, built, sentences_a, sentences_b, only_a, only_b)
    facts = find_facts(a, b, sentences_a, sentences_b, units, only_a, only_b)
    if progress is not None:
        progress(1.0)
    return Comparison(
        a=a,
        b=b,
        sentences_a=sentences_a,
        sentences_b=sentences_b,
        units=units,
        only_a=only_a,
        only_b=only_b,
        stats=stats,
        options=options,
        facts=facts.items,
        facts_capped=facts.capped_units,
        diff_source=diff,
    )


def _role(document: Document, sentence: Sentence) -> tuple[BlockKind | None, int]:
    """A stand-alone line is its own role (kind and block); all body text shares one."""
    kind = document.blocks[sentence.block].kind if 0 <= sentence.block < len(document.blocks) else None
    return (kind, sentence.block) if kind in STANDALONE_KINDS else (None, -1)


def _within_roles(
    link: Link, a: Document, b: Document, sentences_a: Sequence[Sentence], sentences_b: Sequence[Sentence]
) -> Link:
    """The link with each side kept to one role, so a headline never takes the byline along.

    The aligner sees bare sentences (it also serves ``tandem align``), so a split learned on
    body text can reach into the byline under a headline; the sentences cut off are unique.
    """
    if len(link.a) == 1 and len(link.b) == 1:
        return link  # nearly every unit: one sentence a side has one role
    roles_a = [_role(a, sentences_a[i]) for i in link.a]
    roles_b = [_role(b, sentences_b[j]) for j in link.b]
    if len(set(roles_a)) == 1 and len(set(roles_b)) == 1:
        return link

    def keep(
        roles: list[tuple[BlockKind | None, int]], other: list[tuple[BlockKind | None, int]]
    ) -> tuple[BlockKind | None, int]:
        # The role whose kind the other side has too (headline with headline), else the first.
        kinds = {kind for kind, _ in other}
        return next((role for role in roles if role[0] in kinds), roles[0])

    role_a, role_b = keep(roles_a, roles_b), keep(roles_b, roles_a)
    kept_a = tuple(i for i, role in zip(link.a, roles_a, strict=False) if role == role_a)
    kept_b = tuple(j for j, role in zip(link.b, roles_b, strict=False) if role == role_b)
    return Link(kept_a, kept_b, link.similarity, link.moved)


def _unit(
    link: Link,
    text_a: str,
    text_b: str,
    sentences_a: Sequence[Sentence],
    sentences_b: Sequence[Sentence],
    codec: TokenCodec,
) -> tuple[Unit, WordCounts]:
    """The unit of a link with its word diff and word counts."""
    a0, a1 = sentence_span(sentences_a, link.a)
    b0, b1 = sentence_span(sentences_b, link.b)
    if text_a[a0:a1] == text_b[b0:b1]:  # most units of a revision: no tokenising at all
        words = count_words(text_a, a0, a1)
        kind = UnitKind.MOVED if link.moved else UnitKind.IDENTICAL
        equal = (Segment(Op.EQUAL, a0, a1, b0, b1),)
        return Unit(link.a, link.b, kind, 1.0, equal, link.moved, UnitKind.IDENTICAL), (words, 0, words, 0)
    diff = tuple(diff_spans(text_a, a0, a1, text_b, b0, b1, codec))
    if all(seg.op is Op.EQUAL for seg in diff):  # equal under the matching keys
        edit_kind = UnitKind.IDENTICAL
        counts = (count_words(text_a, a0, a1), 0, count_words(text_b, b0, b1), 0)
    else:
        total_a, changed_a = unit_words(text_a, a0, a1, diff, Op.DELETE)
        total_b, changed_b = unit_words(text_b, b0, b1, diff, Op.INSERT)
        total = total_a + total_b
        shared = total - changed_a - changed_b
        counts = (total_a, changed_a, total_b, changed_b)
        edit_kind = UnitKind.EDITED if total and shared / total >= EDITED_MIN_SHARED else UnitKind.REWRITTEN
    similarity = 1.0 if edit_kind is UnitKind.IDENTICAL else round(min(link.similarity, 0.999), 4)
    unit = Unit(
        a=link.a,
        b=link.b,
        kind=UnitKind.MOVED if link.moved else edit_kind,
        similarity=similarity,
        diff=diff,
        moved=link.moved,
        edit_kind=edit_kind,
    )
    return unit, counts
