"""The whole-document word diff: wdiff-style, cut at long identical sentences."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import accumulate

from reader.core.diff.chain import heaviest_chain
from reader.core.diff.words import TokenCodec, diff_spans
from reader.core.model import Op, Segment, Sentence, Unit, UnitKind
from reader.core.text.tokens import coarse_tokenize, count_words

# Identical sentences this long fix the whole-document diff; shorter ones may repeat (a lone
# "}" at both ends of a moved block would pin the diff to the wrong place).
MIN_ANCHOR_WORDS = 8


def document_diff(
    text_a: str,
    text_b: str,
    units: Sequence[Unit],
    sentences_a: Sequence[Sentence],
    sentences_b: Sequence[Sentence],
    codec: TokenCodec,
    long_identical: Collection[int] | None = None,
) -> tuple[Segment, ...]:
    """Ordered segments covering both texts exactly: EQUAL means the very same characters.

    This is the minimal word diff a reader of ``wdiff`` expects, so sentence alignment only
    serves to cut the texts: among all units, the in-order chain that keeps the most text in
    place is chosen, its identical units of some length (``long_identical``: indices into
    ``units``, found here when not given) become fixed points, and everything between them
    is diffed word by word. Cutting at edited units too would save little and cost
    minimality: on the book revision, +1 to +1.7 % more words marked instead of +0.2 %
    (docs/benchmarks.md).
    """
    if long_identical is None:
        long_identical = [k for k, unit in enumerate(units) if _is_long_identical(unit, text_a, sentences_a)]
    eligible = set(long_identical)
    weights = [(u.a[0], u.b[0], float(sum(s.a_end - s.a_start for s in u.diff if s.op is Op.EQUAL))) for u in units]
    pieces: list[Segment] = []
    pos_a = pos_b = 0
    for k in heaviest_chain(weights):
        if k not in eligible:
            continue
        unit = units[k]
        a0, a1 = sentences_a[unit.a[0]].start, sentences_a[unit.a[-1]].end
        b0, b1 = sentences_b[unit.b[0]].start, sentences_b[unit.b[-1]].end
        pieces += diff_spans(text_a, pos_a, a0, text_b, pos_b, b0, codec, coarse=True)
        pieces.append(Segment(Op.EQUAL, a0, a1, b0, b1))
        pos_a, pos_b = a1, b1
    pieces += diff_spans(text_a, pos_a, len(text_a), text_b, pos_b, len(text_b), codec, coarse=True)
    return tuple(merge_adjacent(_exact(pieces, text_a, text_b)))


def _is_long_identical(unit: Unit, text_a: str, sentences_a: Sequence[Sentence]) -> bool:
    if unit.edit_kind is not UnitKind.IDENTICAL:
        return False
    a0, a1 = sentences_a[unit.a[0]].start, sentences_a[unit.a[-1]].end
    return count_words(text_a, a0, a1) >= MIN_ANCHOR_WORDS


def _exact(pieces: list[Segment], text_a: str, text_b: str) -> list[Segment]:
    """Split EQUAL segments whose characters differ (case, quote style...) into - and +."""
    out: list[Segment] = []
    for seg in pieces:
        if seg.op is not Op.EQUAL or text_a[seg.a_start : seg.a_end] == text_b[seg.b_start : seg.b_end]:
            out.append(seg)
            continue
        tokens_a = coarse_tokenize(text_a[seg.a_start : seg.a_end])
        tokens_b = coarse_tokenize(text_b[seg.b_start : seg.b_end])
        if len(tokens_a) != len(tokens_b):  # only when options fold several words into one
            out.append(Segment(Op.DELETE, seg.a_start, seg.a_end, seg.b_start, seg.b_start))
            out.append(Segment(Op.INSERT, seg.a_end, seg.a_end, seg.b_start, seg.b_end))
            continue
        # Usually a handful of words differ (a re-wrapped line, a capital): keep the runs
        # between them whole instead of one segment per word.
        starts_a = list(accumulate(map(len, tokens_a), initial=seg.a_start))
        starts_b = list(accumulate(map(len, tokens_b), initial=seg.b_start))
        done = 0
        for k in [k for k, (ta, tb) in enumerate(zip(tokens_a, tokens_b, strict=False)) if ta != tb]:
            if k > done:
                out.append(Segment(Op.EQUAL, starts_a[done], starts_a[k], starts_b[done], starts_b[k]))
            out += _exact_pair(tokens_a[k], tokens_b[k], starts_a[k], starts_b[k])
            done = k + 1
        if done < len(tokens_a):
            out.append(Segment(Op.EQUAL, starts_a[done], seg.a_end, starts_b[done], seg.b_end))
    return out


def _exact_pair(ta: str, tb: str, pa: int, pb: int) -> list[Segment]:
    """Segments for two words (with trailing space) that match under the options."""
    if ta == tb:
        return [Segment(Op.EQUAL, pa, pa + len(ta), pb, pb + len(tb))]
    wa, wb = ta.rstrip(), tb.rstrip()
    out = []
    if wa == wb:
        out.append(Segment(Op.EQUAL, pa, pa + len(wa), pb, pb + len(wb)))
    else:
        out.append(Segment(Op.DELETE, pa, pa + len(wa), pb, pb))
        out.append(Segment(Op.INSERT, pa + len(wa), pa + len(wa), pb, pb + len(wb)))
    pa, pb = pa + len(wa), pb + len(wb)
    sa, sb = ta[len(wa) :], tb[len(wb) :]
    if sa == sb:
        out.append(Segment(Op.EQUAL, pa, pa + len(sa), pb, pb + len(sb)))
    else:
        out.append(Segment(Op.DELETE, pa, pa + len(sa), pb, pb))
        out.append(Segment(Op.INSERT, pa + len(sa), pa + len(sa), pb, pb + len(sb)))
    return out


def merge_adjacent(segments: Sequence[Segment]) -> list[Segment]:
    """Join neighbours of the same kind; every run of changes becomes one deletion, then one
    insertion, so readers see the old text before the new.

    Between two EQUAL segments the deletions' A ranges and the insertions' B ranges are
    contiguous, so each run only needs its first and last segment.
    """
    out: list[Segment] = []
    first: Segment | None = None  # the first segment of the run being collected
    last = first
    for seg in segments:
        if seg.a_start == seg.a_end and seg.b_start == seg.b_end:
            continue
        if first is not None and last is not None and (seg.op is Op.EQUAL) != (first.op is Op.EQUAL):
            _flush(out, first, last)
            first = None
        if first is None:
            first = seg
        last = seg
    if first is not None and last is not None:
        _flush(out, first, last)
    return out


def _flush(out: list[Segment], first: Segment, last: Segment) -> None:
    """Append the run from ``first`` to ``last``: one EQUAL, or a deletion and an insertion."""
    a0, a1, b0, b1 = first.a_start, last.a_end, first.b_start, last.b_end
    if first is last:  # nothing to join (most runs)
        out.append(first)
    elif first.op is Op.EQUAL:
        out.append(Segment(Op.EQUAL, a0, a1, b0, b1))
    else:
        if a1 > a0:
            out.append(Segment(Op.DELETE, a0, a1, b0, b0))
        if b1 > b0:
            out.append(Segment(Op.INSERT, a1, a1, b0, b1))
