"""List item markers inside running text, for the sentence splitter.

A line may start with a list marker ("1.", "2)", "3.)", "a.", "• 9.", "⁃10."). Its full
stop never ends a sentence: "1. The first item" is one sentence, not "1." and the rest.
When the items run on in one line ("1. The first item 2. The second item"), each further
marker in sequence (2 after 1, b after a, same style) opens a new sentence.

Only lines that start with a marker are searched for further markers, and each only to its
own line end, so the work stays linear in the length of the text.
"""

from __future__ import annotations

import re

__all__ = ["list_item_boundaries"]

_BULLETS = "•⁃‣◦▪"
# A marker at the start of a line (the line's first visible characters).
# (Searched from a line feed, not "^" with MULTILINE: a literal first character is 2x faster.)
_LINE_MARKER = re.compile(
    rf"\n[ \t]*+(?:[{_BULLETS}][ \t]*+)?(?P<label>\d{{1,3}}|[a-z])(?P<style>\.\)|[.)])"
    r"(?=[ \t]+\S)"
)
# A further marker later in the same line.
_INLINE_MARKER = re.compile(
    rf"(?:(?<!\S)[{_BULLETS}][ \t]*+|(?<!\S))(?P<label>\d{{1,3}}|[a-z])(?P<style>\.\)|[.)])"
    r"(?=[ \t]+(?P<next>\S))"
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]*+$")
_WORD_AFTER = re.compile(r"[^\W\d_]+")


class _Shifted:
    """A match on ``"\\n" + text`` seen with offsets into ``text``."""

    def __init__(self, match: re.Match[str]) -> None:
        self._match = match

    def group(self, name: str) -> str:
        return self._match.group(name)

    def start(self, name: str) -> int:
        return self._match.start(name) - 1

    def end(self) -> int:
        return self._match.end() - 1


def _successor(label: str) -> str:
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)


def _continues(text: str, match: re.Match[str], months: frozenset[str], ordinals: bool) -> bool:
    """Whether an in-line marker reads as the next item rather than a date or an ordinal."""
    following = match.group("next")
    if following.islower():
        return False
    word = _WORD_AFTER.match(text, match.start("next"))
    if word is not None and word.group() in months:
        return False  # "on 2. March"
    if ordinals and match.group("label").isdigit():
        # German ordinals follow a lower-case word ("im 2. Stock"); German items end in nouns.
        before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if before is not None and before.group(1)[0].islower():
            return False
    return True


def list_item_boundaries(text: str, months: frozenset[str], ordinals: bool) -> tuple[set[int], list[tuple[int, int]]]:
    """The full stops of list markers, and ``(end, start)`` boundaries before further items.

    ``end`` is where the previous item's text stops (trailing whitespace excluded) and
    ``start`` is where the next marker begins.
    """
    marker_dots: set[int] = set()
    boundaries: list[tuple[int, int]] = []
    # The first line has no line feed before it: match it with one prepended, then shift.
    head = _LINE_MARKER.match("\n" + text[:80])
    firsts = ([] if head is None else [_Shifted(head)]) + list(_LINE_MARKER.finditer(text))
    for first in firsts:
        if first.group("style")[0] == ".":
            marker_dots.add(first.start("style"))
        line_end = text.find("\n", first.end())
        if line_end < 0:
            line_end = len(text)
        expected = _successor(first.group("label"))
        style = first.group("style")
        for match in _INLINE_MARKER.finditer(text, first.end(), line_end):
            if match.group("label") != expected or match.group("style") != style:
                continue
            if not _continues(text, match, months, ordinals):
                continue
            start = end = match.start()
            while end > 0 and text[end - 1] in " \t":
                end -= 1  # each run of spaces is walked once: the markers are in order
            boundaries.append((end, start))
            if style[0] == ".":
                marker_dots.add(match.start("style"))
            expected = _successor(expected)
    return marker_dots, boundaries
