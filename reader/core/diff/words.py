"""Word-level diffs with diff-match-patch.

diff-match-patch diffs characters, so every distinct token key is mapped to one private
character (the library's documented ``linesToChars`` idea applied to words), diffed with no
timeout (the default 1 s timeout silently degrades long inputs to delete-all/insert-all), and
mapped back to character ranges of the original texts. Which build of the library runs is
decided in :mod:`reader.core.diff.engine`.
"""

from __future__ import annotations

from itertools import accumulate

from reader.core.diff.engine import Step, diff_steps
from reader.core.model import CompareOptions, Op, Segment
from reader.core.text.tokens import coarse_tokenize, token_key, token_keys, tokenize

# Above this many tokens on both sides a span is not worth a minimal diff: it is the text
# between aligned sentences, so an unaligned block, and delete + insert is the honest answer.
MAX_DIFF_TOKENS = 20_000

_FIRST_CODE = 0xE000  # private use area first, then beyond the BMP: never clashes with text
_SURROGATES = range(0xD800, 0xE000)


class TokenCodec:
    """Maps token keys to single characters, shared across one comparison."""

    def __init__(self, options: CompareOptions) -> None:
        self.options = options
        self._codes: dict[str, str] = {}
        self._key_cache: dict[str, str] = {}
        self._char_cache: dict[str, str] = {}  # token -> its character, the hot path
        self._coarse_cache: dict[str, str] = {}

    def key(self, token: str) -> str:
        key = self._key_cache.get(token)
        if key is None:
            key = token_key(token, self.options)
            self._key_cache[token] = key
        return key

    def encode(self, tokens: list[str], coarse: bool = False) -> str:
        cache = self._coarse_cache if coarse else self._char_cache
        # Only tokens never seen before need Python work, and their keys are normalised
        # together; every other token is one C-level lookup. A coarse token's trailing
        # space does not matter.
        new = list(set(tokens).difference(cache))
        if new:
            words = [token.rstrip() or " " for token in new] if coarse else new
            for token, key in zip(new, self._keys(words), strict=False):
                cache[token] = self._char_of(key)
        return "".join(map(cache.__getitem__, tokens))

    def _keys(self, tokens: list[str]) -> list[str]:
        known = self._key_cache
        unknown = [token for token in tokens if token not in known]
        if unknown:
            known.update(zip(unknown, token_keys(unknown, self.options), strict=False))
        return [known[token] for token in tokens]

    def _char_of(self, key: str) -> str:
        char = self._codes.get(key)
        if char is None:
            number = _FIRST_CODE + len(self._codes)
            if number >= 0xF900:  # past the private use area: continue in plane 1+
                number += 0x10000 - 0xF900
            char = chr(number)
            self._codes[key] = char
        return char


def diff_spans(
    text_a: str,
    a_start: int,
    a_end: int,
    text_b: str,
    b_start: int,
    b_end: int,
    codec: TokenCodec,
    coarse: bool = False,
) -> list[Segment]:
    """Word diff of ``text_a[a_start:a_end]`` against ``text_b[b_start:b_end]``.

    EQUAL means equal under the matching keys. Whitespace that stands alone between two
    changes is folded into them, so a replaced phrase reads as one change, not many.
    ``coarse`` diffs whole runs of non-space characters with their trailing space (what
    wdiff calls words): the minimal edit over words, used for the whole-document diff.
    """
    piece_a, piece_b = text_a[a_start:a_end], text_b[b_start:b_end]
    if piece_a == piece_b:  # the common case between anchors
        return [Segment(Op.EQUAL, a_start, a_end, b_start, b_end)] if a_end > a_start else []
    if piece_b < piece_a:  # one orientation only, so swapping the texts mirrors the diff exactly
        mirrored = _one_way(text_b, b_start, b_end, text_a, a_start, a_end, codec, coarse)
        return _deletes_first([_mirror(segment) for segment in mirrored])
    return _deletes_first(_one_way(text_a, a_start, a_end, text_b, b_start, b_end, codec, coarse))


def _mirror(segment: Segment) -> Segment:
    op = {Op.DELETE: Op.INSERT, Op.INSERT: Op.DELETE}.get(segment.op, segment.op)
    return Segment(op, segment.b_start, segment.b_end, segment.a_start, segment.a_end)


def _deletes_first(segments: list[Segment]) -> list[Segment]:
    """Within each run of changes, A's deleted words before B's inserted ones (one canonical order)."""
    out: list[Segment] = []
    run: list[Segment] = []
    for segment in [*segments, None]:
        if segment is not None and segment.op is not Op.EQUAL:
            run.append(segment)
            continue
        if run:
            a_end = max(s.a_end for s in run)
            b_start = min(s.b_start for s in run)
            out.extend(Segment(Op.DELETE, s.a_start, s.a_end, b_start, b_start) for s in run if s.op is Op.DELETE)
            out.extend(Segment(Op.INSERT, a_end, a_end, s.b_start, s.b_end) for s in run if s.op is Op.INSERT)
            run = []
        if segment is not None:
            out.append(segment)
    return out


def _one_way(
    text_a: str, a_start: int, a_end: int, text_b: str, b_start: int, b_end: int, codec: TokenCodec, coarse: bool
) -> list[Segment]:
    piece_a, piece_b = text_a[a_start:a_end], text_b[b_start:b_end]
    # An edited sentence is mostly unchanged at both ends: only the middle is tokenised.
    head, tail = common_ends(piece_a, piece_b)
    segments = []
    if head:
        segments.append(Segment(Op.EQUAL, a_start, a_start + head, b_start, b_start + head))
    segments += _diff_tokens(text_a, a_start + head, a_end - tail, text_b, b_start + head, b_end - tail, codec, coarse)
    if tail:
        segments.append(Segment(Op.EQUAL, a_end - tail, a_end, b_end - tail, b_end))
    segments = _join_equal(segments)
    return segments if coarse else _absorb_lone_spaces(segments, text_a)


def _diff_tokens(
    text_a: str, a_start: int, a_end: int, text_b: str, b_start: int, b_end: int, codec: TokenCodec, coarse: bool
) -> list[Segment]:
    split = coarse_tokenize if coarse else tokenize
    tokens_a = split(text_a[a_start:a_end])
    tokens_b = split(text_b[b_start:b_end])
    if not tokens_a and not tokens_b:
        return []
    if len(tokens_a) + len(tokens_b) > 2 * MAX_DIFF_TOKENS:
        return _replace_all(a_start, a_end, b_start, b_end)
    chars_a = codec.encode(tokens_a, coarse)
    chars_b = codec.encode(tokens_b, coarse)
    if chars_a == chars_b:
        return [Segment(Op.EQUAL, a_start, a_end, b_start, b_end)]
    return _to_segments(diff_steps(chars_a, chars_b), tokens_a, tokens_b, a_start, b_start)


# How far back a common end looks for a token boundary; text without spaces for longer than
# this (a long URL, unspaced scripts) is simply diffed whole, never scanned char by char.
_MAX_BACK_OFF = 200


def common_ends(a: str, b: str) -> tuple[int, int]:
    """Lengths of the longest common prefix and, after it, suffix of ``a`` and ``b`` that end
    and start at a token boundary in both.

    A boundary is where non-space follows space (or an end): no token of either tokeniser
    crosses it, so tokenising only the middle gives the middle's tokens of the whole. The
    diff of the whole is then the equal ends plus the diff of the middle, which is where
    diff-match-patch itself starts (it strips common ends first).
    """
    head = _prefix_length(a, b)
    lowest = max(0, head - _MAX_BACK_OFF)
    while head > lowest and not (_is_boundary(a, head) and _is_boundary(b, head)):
        head -= 1
    if head == lowest and not (_is_boundary(a, head) and _is_boundary(b, head)):
        head = 0  # no space nearby (a very long token): keep the whole text
    rest_a, rest_b = a[head:], b[head:]
    tail = _suffix_length(rest_a, rest_b)
    lowest = max(0, tail - _MAX_BACK_OFF)
    while tail > lowest and not (_is_boundary(rest_a, len(rest_a) - tail) and _is_boundary(rest_b, len(rest_b) - tail)):
        tail -= 1
    if tail == lowest and not (_is_boundary(rest_a, len(rest_a) - tail) and _is_boundary(rest_b, len(rest_b) - tail)):
        tail = 0
    return head, tail


def _prefix_length(a: str, b: str) -> int:
    """Length of the common prefix, by bisection on C-level slice comparisons."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a.startswith(b[:middle]):
            low = middle
        else:
            high = middle - 1
    return low


def _suffix_length(a: str, b: str) -> int:
    """Length of the common suffix, the same way."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a.endswith(b[len(b) - middle :]):
            low = middle
        else:
            high = middle - 1
    return low


def _is_boundary(text: str, position: int) -> bool:
    return position == 0 or position == len(text) or (text[position - 1].isspace() and not text[position].isspace())


def _join_equal(segments: list[Segment]) -> list[Segment]:
    """Merge EQUAL neighbours (the trimmed ends and the middle's first or last run)."""
    out: list[Segment] = []
    for seg in segments:
        if out and seg.op is Op.EQUAL and out[-1].op is Op.EQUAL:
            out[-1] = Segment(Op.EQUAL, out[-1].a_start, seg.a_end, out[-1].b_start, seg.b_end)
        else:
            out.append(seg)
    return out


def _replace_all(a_start: int, a_end: int, b_start: int, b_end: int) -> list[Segment]:
    out = []
    if a_end > a_start:
        out.append(Segment(Op.DELETE, a_start, a_end, b_start, b_start))
    if b_end > b_start:
        out.append(Segment(Op.INSERT, a_end, a_end, b_start, b_end))
    return out


def _to_segments(diffs: list[Step], tokens_a: list[str], tokens_b: list[str], a_pos: int, b_pos: int) -> list[Segment]:
    # Character offsets of every token boundary, so each diff run maps to a range in O(1).
    ends_a = list(accumulate(map(len, tokens_a), initial=a_pos))
    ends_b = list(accumulate(map(len, tokens_b), initial=b_pos))
    equal, delete, insert = Op.EQUAL, Op.DELETE, Op.INSERT  # local names: this loop is hot
    out = []
    ia = ib = 0
    for op, n in diffs:
        if op == "=":
            out.append(Segment(equal, ends_a[ia], ends_a[ia + n], ends_b[ib], ends_b[ib + n]))
            ia += n
            ib += n
        elif op == "-":
            out.append(Segment(delete, ends_a[ia], ends_a[ia + n], ends_b[ib], ends_b[ib]))
            ia += n
        else:
            out.append(Segment(insert, ends_a[ia], ends_a[ia], ends_b[ib], ends_b[ib + n]))
            ib += n
    return out


def _absorb_lone_spaces(segments: list[Segment], text_a: str) -> list[Segment]:
    """Fold an EQUAL run of pure whitespace between two changes into the changes."""
    n = len(segments)
    lone = [
        0 < i < n - 1
        and seg.op is Op.EQUAL
        and segments[i - 1].op is not Op.EQUAL
        and segments[i + 1].op is not Op.EQUAL
        and text_a[seg.a_start : seg.a_end].isspace()
        for i, seg in enumerate(segments)
    ]
    if not any(lone):
        return segments
    out: list[Segment] = []
    i = 0
    while i < n:
        if segments[i].op is Op.EQUAL:
            out.append(segments[i])
            i += 1
            continue
        j = i
        while j < n and (segments[j].op is not Op.EQUAL or lone[j]):
            j += 1
        group = segments[i:j]
        if any(lone[i:j]):
            a_lo, a_hi = group[0].a_start, group[-1].a_end
            b_lo, b_hi = group[0].b_start, group[-1].b_end
            if a_hi > a_lo:
                out.append(Segment(Op.DELETE, a_lo, a_hi, b_lo, b_lo))
            if b_hi > b_lo:
                out.append(Segment(Op.INSERT, a_hi, a_hi, b_lo, b_hi))
        else:
            out.extend(group)
        i = j
    return out
