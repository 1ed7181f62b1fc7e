"""Quotations and whether the other text has them word for word.

Every top-level quotation of either text gets exactly one item: a pair of quotations (one a
side) that say the same words is one ``verbatim`` item, a pair with words or punctuation
changed one ``altered`` item that shows the changes, and a quotation the other text neither
quotes nor says is ``not_found``. Quote marks, dashes, spaces and case are not words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from reader.core.facts.mention import lowered
from reader.core.model import Block, Fact, FactKind, FactStatus

# Opening and closing marks; a straight double quote opens or closes by where it stands.
_PAIRS = {"“": "”", "„": "“", "«": "»", '"': '"', "‘": "’"}
_FOLD = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "–": "-", "—": "-", "\u00a0": " "}
)
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s\"'“”‘’„«»]")
# An approximate match among the quotations at one place must keep this share of the words
# in order (difflib's ratio): "was not aware of any fault" and "had no knowledge of any fault".
ALTERED_MIN_RATIO = 0.5
NEAR_SENTENCES = 2  # how far apart two quotations may stand and still be one saying
# A quotation that is not quoted on the other side may still be said there, unquoted.
UNQUOTED_MIN_RATIO = 0.85
MAX_WINDOWS = 64  # starting points tried for an unquoted near match: bounds the work per quotation


@dataclass(frozen=True, slots=True)
class Quotation:
    """The words between a pair of quote marks: ``text[start:end]`` without the marks."""

    start: int
    end: int
    tokens: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]


def find_quotations(text: str, blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """Spans of the top-level quotations (without their marks), block by block.

    A quotation may run over sentence ends; one of fewer than two words is a scare quote.
    """
    found: list[tuple[int, int]] = []
    for block in blocks:
        found.extend(_in_block(text, block.start, block.end))
    return found


_TWO_WORDS = re.compile(r"\w\W+\w")


def _in_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    position = start
    while position < end:
        opening = _next_opening(text, position, end)
        if opening is None:
            break
        close = _closing(text, opening, end)
        if close is None:
            position = opening + 1
            continue
        if _TWO_WORDS.search(text, opening + 1, close):
            out.append((opening + 1, close))
        position = close + 1
    return out


_OPENING = re.compile(r"[“„«\"‘]")


def _next_opening(text: str, position: int, end: int) -> int | None:
    for match in _OPENING.finditer(text, position, end):
        at = match.start()
        mark = text[at]
        before = text[at - 1] if at > 0 else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        if mark == "‘" and (before.isalnum() or not after.isalnum()):
            continue  # ‘ is an opening single quote only before a word and after a space
        if mark == '"' and (before.isalnum() or after.isspace()):
            continue  # a closing straight quote without its opening, or inches
        return at
    return None


def _closing(text: str, opening: int, end: int) -> int | None:
    mark = text[opening]
    closing = _PAIRS[mark]
    position = opening + 1
    while position < end:
        at = text.find(closing, position, end)
        if at < 0:
            return None
        if closing == "’" and at + 1 < len(text) and text[at + 1].isalpha():
            position = at + 1  # an apostrophe inside a word ("council’s")
            continue
        return at
    return None


def quotation(text: str, start: int, end: int) -> Quotation:
    """The quotation at ``text[start:end]`` with the tokens it is compared by."""
    matches = list(_TOKEN.finditer(text, start, end))
    # Punctuation at either edge ("solution." against "solution,") is the sentence's, not the quotation's.
    while matches and not matches[-1].group()[0].isalnum():
        matches.pop()
    while matches and not matches[0].group()[0].isalnum():
        matches.pop(0)
    tokens = tuple(m.group().translate(_FOLD).lower() for m in matches)
    return Quotation(start, end, tokens, tuple(m.span() for m in matches))


def _joined(tokens: Sequence[str]) -> str:
    return "\x00" + "\x00".join(tokens) + "\x00"


def match_quotations(
    text_a: str,
    quotes_a: Sequence[Quotation],
    text_b: str,
    quotes_b: Sequence[Quotation],
    units_of_a: Sequence[int | None],
    units_of_b: Sequence[int | None],
    places_a: Sequence[int],
    places_b: Sequence[int],
    region_in_b: Callable[[Quotation], tuple[int, int]],
    region_in_a: Callable[[Quotation], tuple[int, int]],
) -> list[Fact]:
    """One quote item per quotation of either side; ``units_of_*`` give each quotation's unit.

    A quotation the other side does not quote is looked for, unquoted, in the stretch of the
    other text that ``region_in_*`` gives (where its counterpart is).

    Pairs are looked up, not searched: equal words by a dictionary, pieces and near matches
    only among the quotations within a few sentences of the same place, so a novel's
    thousands of lines of dialogue cost a pass, not a square.
    """
    facts: list[Fact] = []
    paired: dict[int, int] = {}
    taken_b: set[int] = set()
    by_words: dict[str, list[int]] = defaultdict(list)
    by_place: dict[int, list[int]] = defaultdict(list)
    for j, quote in enumerate(quotes_b):
        by_words[_joined(quote.tokens)].append(j)
        by_place[places_b[j]].append(j)

    def distance(i: int, j: int) -> int:
        return abs(places_a[i] - places_b[j])

    for i, quote in enumerate(quotes_a):
        free = [j for j in by_words.get(_joined(quote.tokens), ()) if j not in taken_b]
        if free:
            j = min(free, key=lambda j: distance(i, j))
            paired[i] = j
            taken_b.add(j)
            facts.append(
                _item(FactStatus.VERBATIM, units_of_a[i], quote, quotes_b[j], f"{_short(text_a, quote)} word for word")
            )
    for i, quote in enumerate(quotes_a):
        unit = units_of_a[i]
        if i in paired:
            continue
        place = places_a[i]
        near = [
            j
            for p in range(place - NEAR_SENTENCES, place + NEAR_SENTENCES + 1)
            for j in by_place.get(p, ())
            if j not in taken_b
        ]
        key = _joined(quote.tokens)
        piece = next(
            (j for j in near if key in _joined(quotes_b[j].tokens) or _joined(quotes_b[j].tokens) in key), None
        )
        if piece is not None:
            paired[i] = piece
            taken_b.add(piece)
            note = f"{_short(text_a, quote)} word for word, a piece of the other's quotation"
            facts.append(_item(FactStatus.VERBATIM, unit, quote, quotes_b[piece], note))
            continue
        ratios = [(SequenceMatcher(None, quote.tokens, quotes_b[j].tokens, autojunk=False).ratio(), j) for j in near]
        ratio, best = max(ratios, default=(0.0, -1))
        if ratio >= ALTERED_MIN_RATIO:
            paired[i] = best
            taken_b.add(best)
            note = f"{_short(text_a, quote)}: {_word_changes(quote.tokens, quotes_b[best].tokens, 'a')}"
            facts.append(_item(FactStatus.ALTERED, unit, quote, quotes_b[best], note))
    for i, quote in enumerate(quotes_a):
        if i not in paired:
            facts.append(
                _unquoted(
                    quote, "a", units_of_a[i], _short(text_a, quote), _text_tokens(text_b, *region_in_b(quote), quote)
                )
            )
    for j, quote in enumerate(quotes_b):
        if j not in taken_b:
            facts.append(
                _unquoted(
                    quote, "b", units_of_b[j], _short(text_b, quote), _text_tokens(text_a, *region_in_a(quote), quote)
                )
            )
    return facts


def _text_tokens(text: str, start: int, end: int, quote: Quotation) -> tuple[list[str], list[tuple[int, int]], str]:
    """The region's tokens, or none when it lacks too many of the quotation's words to hold it."""
    region = lowered(text, start, end).translate(_FOLD)  # one character for one: offsets hold
    words = set(quote.tokens)
    present = sum(1 for word in words if word in region)
    if present < UNQUOTED_MIN_RATIO * len(words) - 1:
        return [], [], ""
    matches = list(_TOKEN.finditer(region))
    tokens = [m.group() for m in matches]
    return tokens, [(start + m.start(), start + m.end()) for m in matches], _joined(tokens)


def _unquoted(
    quote: Quotation, side: str, unit: int | None, short: str, other: tuple[list[str], list[tuple[int, int]], str]
) -> Fact:
    """A quotation the other side does not quote: said there word for word, nearly, or not at all."""
    tokens, spans, joined = other
    key = _joined(quote.tokens)
    at = joined.find(key) if tokens else -1
    own = (quote.start, quote.end)
    if at >= 0:
        first = joined.count("\x00", 0, at)
        found = (spans[first][0], spans[first + len(quote.tokens) - 1][1])
        return _sided(FactStatus.VERBATIM, unit, side, own, found, f"{short} word for word, without quote marks")
    window = _nearest_window(quote.tokens, tokens)
    if window is not None:
        low, high = window
        found = (spans[low][0], spans[high - 1][1])
        changed = _word_changes(quote.tokens, tokens[low:high], side)
        return _sided(FactStatus.ALTERED, unit, side, own, found, f"{short} said without quote marks: {changed}")
    other_name = "B" if side == "a" else "A"
    return _sided(FactStatus.NOT_FOUND, unit, side, own, None, f"{short} — not in {other_name}")


def _nearest_window(quote: Sequence[str], tokens: Sequence[str]) -> tuple[int, int] | None:
    """The stretch of ``tokens`` closest to ``quote`` in words, if close enough to be the same saying.

    Windows start where the quotation's first or last word stands, a bounded number of them.
    """
    if not quote:
        return None
    anchors = [k for k, token in enumerate(tokens) if token == quote[0]]
    anchors += [k - len(quote) + 1 for k, token in enumerate(tokens) if token == quote[-1]]
    best: tuple[int, int] | None = None
    best_ratio = UNQUOTED_MIN_RATIO
    width = len(quote)
    for k in anchors[:MAX_WINDOWS]:
        low = max(0, k)
        high = min(len(tokens), low + width)
        ratio = SequenceMatcher(None, quote, tokens[low:high], autojunk=False).ratio()
        if ratio >= best_ratio:
            best, best_ratio = (low, high), ratio
    return best


def _short(text: str, quote: Quotation, limit: int = 60) -> str:
    """The quotation on one line in curly quotes, cut at ``limit`` characters."""
    words = " ".join(text[quote.start : quote.end].split())
    return f"“{words if len(words) <= limit else words[: limit - 1].rstrip() + '…'}”"


def _item(status: FactStatus, unit: int | None, a: Quotation, b: Quotation, note: str) -> Fact:
    return Fact(FactKind.QUOTE, status, unit, (a.start, a.end), (b.start, b.end), note, "both")


def _sided(
    status: FactStatus, unit: int | None, side: str, own: tuple[int, int], found: tuple[int, int] | None, note: str
) -> Fact:
    a, b = (own, found) if side == "a" else (found, own)
    return Fact(FactKind.QUOTE, status, unit, a, b, note, side)


def _word_changes(own: Sequence[str], other: Sequence[str], side: str) -> str:
    """ "cost ← price; + she added": the other side's words against this side's, B ← A."""
    a, b = (own, other) if side == "a" else (other, own)
    parts = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "replace":
            parts.append(f"{' '.join(b[j1:j2])} ← {' '.join(a[i1:i2])}")
        elif op == "delete":
            parts.append(f"− {' '.join(a[i1:i2])}")
        elif op == "insert":
            parts.append(f"+ {' '.join(b[j1:j2])}")
    return "; ".join(parts[:4]) + ("; …" if len(parts) > 4 else "") if parts else "punctuation only"
