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
    Stats,
    Unit,
    UnitKind,
)
from reader.core.text.sentences import detect_language, split_sentences
from reader.core.text.tokens import count_words

# A unit whose words are at least this much shared is an edit; below it, a rewrite.
EDITED_MIN_SHARED = 0.6
# Lines that stand alone in an article: a unit never joins one with another block.
STANDALONE_KINDS = frozenset({BlockKind.TITLE, BlockKind.BYLINE, BlockKind.DATELINE, BlockKind.HEADING})

Progress = Callable[[float], None]
# Words of a unit's A span, how many a deletion touches, the same for B.
WordCounts = tuple[int, int, int, int]


def compare(
    a: Document,
    b: Document,
    options: CompareOptions | None = None,
    progress: Progress | None = None,
) -> Comparison:
    """Align the sentences of two documents and diff the words inside every aligned unit."""
    options = options or CompareOptions()
    language = options.language or detect_language(a.text[:20_000] + "\n" + b.text[:20_000])
    sentences_a = split_sentences(a.text, a.blocks, language)
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
    stats = _stats(a.text, b.text, built, sentences_a, sentences_b, only_a, only_b)
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
        facts=facts,
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


def _span(sentences: Sequence[Sentence], indices: tuple[int, ...]) -> tuple[int, int]:
    return sentences[indices[0]].start, sentences[indices[-1]].end


def _unit(
    link: Link,
    text_a: str,
    text_b: str,
    sentences_a: Sequence[Sentence],
    sentences_b: Sequence[Sentence],
    codec: TokenCodec,
) -> tuple[Unit, WordCounts]:
    """The unit of a link with its word diff and word counts."""
    a0, a1 = _span(sentences_a, link.a)
    b0, b1 = _span(sentences_b, link.b)
    if text_a[a0:a1] == text_b[b0:b1]:  # most units of a revision: no tokenising at all
        words = _words(text_a, a0, a1)
        kind = UnitKind.MOVED if link.moved else UnitKind.IDENTICAL
        equal = (Segment(Op.EQUAL, a0, a1, b0, b1),)
        return Unit(link.a, link.b, kind, 1.0, equal, link.moved, UnitKind.IDENTICAL), (words, 0, words, 0)
    diff = tuple(diff_spans(text_a, a0, a1, text_b, b0, b1, codec))
    if all(seg.op is Op.EQUAL for seg in diff):  # equal under the matching keys
        edit_kind = UnitKind.IDENTICAL
        counts = (_words(text_a, a0, a1), 0, _words(text_b, b0, b1), 0)
    else:
        total_a, changed_a = _unit_words(text_a, a0, a1, diff, Op.DELETE)
        total_b, changed_b = _unit_words(text_b, b0, b1, diff, Op.INSERT)
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


def _words(text: str, start: int, end: int) -> int:
    return count_words(text, start, end)


def _unit_words(text: str, start: int, end: int, diff: Sequence[Segment], op: Op) -> tuple[int, int]:
    """Words in ``text[start:end]`` and how many of them a change of kind ``op`` touches.

    Counted per whole word, so "bridge," with only its comma changed is one changed word,
    and the counts always agree with the words of the whole text. A word is a run of
    non-space characters with a letter or digit in it, so each change is widened to the
    whole runs it touches and the words there are counted by the regex engine, never
    one by one in Python.
    """
    total = count_words(text, start, end)
    changed = 0
    counted_to = start  # words before this offset are already counted
    for seg in diff:
        if seg.op is not op:
            continue
        low, high = (seg.a_start, seg.a_end) if op is Op.DELETE else (seg.b_start, seg.b_end)
        if high <= low:
            continue
        if not text[low].isspace():  # the change starts inside a run: count the whole run
            while low > start and not text[low - 1].isspace():
                low -= 1
        if not text[high - 1].isspace():
            while high < end and not text[high].isspace():
                high += 1
        low = max(low, counted_to)
        if high > low:
            changed += count_words(text, low, high)
            counted_to = high
    return total, changed


def _total_words(text: str, spans: list[tuple[int, int, int]]) -> int:
    """Words of the whole text, from the word counts of spans that cover all its sentences.

    Between sentences there is only space, so the counts add up and the text need not be
    scanned again; should anything else sit between them, or a word run on from one
    sentence into the next, the whole text is counted.
    """
    # A far piece's shared sentence has a second span, counted 0 (see _count_once): one goes.
    spans = sorted(set(spans), key=lambda span: (span[0], span[1], -span[2]))
    spans = [span for k, span in enumerate(spans) if k == 0 or span[:2] != spans[k - 1][:2]]
    total, done = 0, 0
    for start, end, words in spans:
        if start < done:  # spans overlap otherwise: count the text
            return _words(text, 0, len(text))
        gap = text[done:start]
        if gap and not gap.isspace():
            return _words(text, 0, len(text))
        if not gap and 0 < start < len(text) and not text[start - 1].isspace() and not text[start].isspace():
            return _words(text, 0, len(text))  # a run of non-space crosses the cut
        total += words
        done = end
    rest = text[done:]
    return total if not rest or rest.isspace() else _words(text, 0, len(text))


def _count_once(built: Sequence[tuple[Unit, WordCounts]]) -> list[tuple[Unit, WordCounts]]:
    """The units with the word counts of a shared side set to 0 in the far piece's unit.

    Units that keep their place count first, then the larger ones, so the unit of a far piece
    (one sentence a side, moved) is the one whose shared side counts nothing.
    """
    sizes_a = sum(len(unit.a) for unit, _ in built)
    sizes_b = sum(len(unit.b) for unit, _ in built)
    distinct_a = len({i for unit, _ in built for i in unit.a})
    distinct_b = len({j for unit, _ in built for j in unit.b})
    if sizes_a == distinct_a and sizes_b == distinct_b:
        return list(built)  # no sentence shared: nearly every comparison
    seen_a: set[int] = set()
    seen_b: set[int] = set()
    out: list[tuple[Unit, WordCounts] | None] = [None] * len(built)

    def order(k: int) -> tuple[bool, int]:
        return built[k][0].moved, -len(built[k][0].a) - len(built[k][0].b)

    for k in sorted(range(len(built)), key=order):
        unit, (total_a, changed_a, total_b, changed_b) = built[k]
        if seen_a.issuperset(unit.a):
            total_a = changed_a = 0
        if seen_b.issuperset(unit.b):
            total_b = changed_b = 0
        seen_a.update(unit.a)
        seen_b.update(unit.b)
        out[k] = (unit, (total_a, changed_a, total_b, changed_b))
    return [item for item in out if item is not None]


def _stats(
    text_a: str,
    text_b: str,
    built: Sequence[tuple[Unit, WordCounts]],
    sentences_a: Sequence[Sentence],
    sentences_b: Sequence[Sentence],
    only_a: Sequence[int],
    only_b: Sequence[int],
) -> Stats:
    # A far piece of a split shares its counterpart with the unit of the other pieces: each
    # sentence's words count once, in the first unit that holds it.
    built = _count_once(built)
    units = [unit for unit, _ in built]
    shared_a = shared_b = deleted = inserted = 0
    for _, counts in built:
        total_a, changed_a, total_b, changed_b = counts
        shared_a += total_a - changed_a
        deleted += changed_a
        shared_b += total_b - changed_b
        inserted += changed_b
    spans_a = [(*_span(sentences_a, unit.a), counts[0]) for unit, counts in built]
    spans_b = [(*_span(sentences_b, unit.b), counts[2]) for unit, counts in built]
    spans_a += [(s.start, s.end, _words(text_a, s.start, s.end)) for s in (sentences_a[i] for i in only_a)]
    spans_b += [(s.start, s.end, _words(text_b, s.start, s.end)) for s in (sentences_b[j] for j in only_b)]
    unique_a = sum(words for *_, words in spans_a[len(built) :])
    unique_b = sum(words for *_, words in spans_b[len(built) :])
    words_a = _total_words(text_a, spans_a)
    words_b = _total_words(text_b, spans_b)
    kinds = [unit.edit_kind for unit in units]

    def share(part: int, whole: int) -> float:
        return round(part / whole, 4) if whole else 0.0

    return Stats(
        words_a=words_a,
        words_b=words_b,
        sentences_a=len(sentences_a),
        sentences_b=len(sentences_b),
        words_inserted=inserted + unique_b,
        words_deleted=deleted + unique_a,
        sentences_only_a=len(only_a),
        sentences_only_b=len(only_b),
        sentences_moved=sum(max(len(unit.a), len(unit.b)) for unit in units if unit.moved),  # the same either way round
        units_identical=kinds.count(UnitKind.IDENTICAL),
        units_edited=kinds.count(UnitKind.EDITED),
        units_rewritten=kinds.count(UnitKind.REWRITTEN),
        shared_a=share(shared_a, words_a),
        shared_b=share(shared_b, words_b),
        changed_a=share(max(0, words_a - shared_a - unique_a), words_a),
        changed_b=share(max(0, words_b - shared_b - unique_b), words_b),
        unique_a=share(unique_a, words_a),
        unique_b=share(unique_b, words_b),
        similarity=share(shared_a + shared_b, words_a + words_b),
    )
