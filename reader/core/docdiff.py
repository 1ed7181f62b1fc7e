"""The whole-document word diff, built from the units' word diffs.

Every aligned unit already carries a word diff, so the document diff does not diff the same
text again: among all units it takes the in-order chain that keeps the most text in place,
copies the diffs of the chain's units that can be trusted to sit where a minimal diff puts
them, and diffs only what lies between those (unmatched and moved sentences, short
sentences, the space between sentences) word by word.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

from reader.core.chain import heaviest_chain
from reader.core.model import Op, Segment, Sentence, Unit, UnitKind
from reader.core.tokens import WORD_RE, coarse_tokenize
from reader.core.worddiff import TokenCodec, diff_spans

# Identical sentences this long fix the whole-document diff; shorter ones may repeat (a lone
# "}" at both ends of a moved block would pin the diff to the wrong place).
MIN_ANCHOR_WORDS = 8
# An edited unit fixes the diff too when it keeps at least this share of its words and is
# this long: a minimal diff matches such a pair with itself, not with text elsewhere.
MIN_CUT_SHARED = 2.0
MIN_CUT_WORDS = 8


def document_diff(
    text_a: str,
    text_b: str,
    units: Sequence[Unit],
    sentences_a: Sequence[Sentence],
    sentences_b: Sequence[Sentence],
    codec: TokenCodec,
) -> tuple[Segment, ...]:
    """Ordered segments covering both texts exactly: EQUAL means the very same characters.

    This is the minimal word diff a reader of ``wdiff`` expects, so sentence alignment only
    serves to cut the texts where a minimal diff would keep them together anyway.
    """
    weights = [(u.a[0], u.b[0], float(sum(s.a_end - s.a_start for s in u.diff if s.op is Op.EQUAL))) for u in units]
    pieces: list[Segment] = []
    pos_a = pos_b = 0
    for k in heaviest_chain(weights):
        unit = units[k]
        cut = _cut_diff(unit, text_a, sentences_a, sentences_b)
        if cut is None:
            continue
        first, last = cut[0], cut[-1]
        pieces += diff_spans(text_a, pos_a, first.a_start, text_b, pos_b, first.b_start, codec, coarse=True)
        pieces += cut
        pos_a, pos_b = last.a_end, last.b_end
    pieces += diff_spans(text_a, pos_a, len(text_a), text_b, pos_b, len(text_b), codec, coarse=True)
    return tuple(merge_adjacent(_exact(pieces, text_a, text_b)))


def _cut_diff(
    unit: Unit, text_a: str, sentences_a: Sequence[Sentence], sentences_b: Sequence[Sentence]
) -> Sequence[Segment] | None:
    """The unit's own diff when the unit may fix the document diff, else None."""
    if unit.edit_kind is UnitKind.REWRITTEN or not unit.diff:
        return None
    a0, a1 = sentences_a[unit.a[0]].start, sentences_a[unit.a[-1]].end
    if not _has_words(text_a, a0, a1, MIN_ANCHOR_WORDS if unit.edit_kind is UnitKind.IDENTICAL else MIN_CUT_WORDS):
        return None
    if unit.edit_kind is UnitKind.IDENTICAL:
        b0, b1 = sentences_b[unit.b[0]].start, sentences_b[unit.b[-1]].end
        return (Segment(Op.EQUAL, a0, a1, b0, b1),)
    kept = sum(s.a_end - s.a_start for s in unit.diff if s.op is Op.EQUAL)
    return unit.diff if kept >= MIN_CUT_SHARED * (a1 - a0) else None


def _has_words(text: str, start: int, end: int, wanted: int) -> bool:
    """Whether ``text[start:end]`` holds at least ``wanted`` words (stops counting there)."""
    found = 0
    for _ in WORD_RE.finditer(text, start, end):
        found += 1
        if found >= wanted:
            return True
    return False


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
        for k in [k for k, (ta, tb) in enumerate(zip(tokens_a, tokens_b)) if ta != tb]:
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
    contiguous, so each run only needs its first and last offsets.
    """
    out: list[Segment] = []
    equal: Segment | None = None  # the EQUAL run being extended
    change: Segment | None = None  # the first segment of the change run being collected
    last = None
    for seg in segments:
        if seg.a_start == seg.a_end and seg.b_start == seg.b_end:
            continue
        if seg.op is Op.EQUAL:
            if change is not None:
                _flush_change(out, change, last)
                change = None
            if equal is None:
                equal = seg
        else:
            if equal is not None:
                _flush_equal(out, equal, last)
                equal = None
            if change is None:
                change = seg
        last = seg
    if equal is not None:
        _flush_equal(out, equal, last)
    if change is not None:
        _flush_change(out, change, last)
    return out


def _flush_equal(out: list[Segment], first: Segment, last: Segment | None) -> None:
    assert last is not None
    out.append(first if first is last else Segment(Op.EQUAL, first.a_start, last.a_end, first.b_start, last.b_end))


def _flush_change(out: list[Segment], first: Segment, last: Segment | None) -> None:
    assert last is not None
    a0, a1, b0, b1 = first.a_start, last.a_end, first.b_start, last.b_end
    if a1 > a0:
        out.append(first if first is last and first.op is Op.DELETE else Segment(Op.DELETE, a0, a1, b0, b0))
    if b1 > b0:
        out.append(first if first is last and first.op is Op.INSERT else Segment(Op.INSERT, a1, a1, b0, b1))
