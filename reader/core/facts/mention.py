"""The value every extractor returns: one mention of a fact in a text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.model import FactKind


@dataclass(frozen=True, slots=True)
class Mention:
    """A number, date, name or cue found at ``text[start:end]``.

    ``key`` is what must be equal for two mentions to say the same thing; ``group`` is what
    two different mentions must share to be one changed fact (a sum of money with a sum of
    money, a weekday with a weekday); ``core`` is what is looked for elsewhere in the other
    text before a mention is called added or dropped.
    """

    kind: FactKind
    start: int
    end: int
    text: str
    key: str
    group: str
    core: str
    phrase: str = ""  # what a note shows when the words alone say too little ("not a new road")

    @property
    def shown(self) -> str:
        return self.phrase or self.text


def lowered(text: str, start: int, end: int) -> str:
    """``text[start:end]`` in lower case, one character for one (offsets stay valid).

    The extractors match lower-case patterns on it: case-insensitive matching costs the
    regex engine several times more on every position of a book.
    """
    piece = text[start:end]
    low = piece.lower()
    if len(low) == len(piece):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in piece)  # "İ" lowers to two


# Only after a word (never from inside a run of spaces, which would make a scan quadratic).
_NEXT_WORDS = re.compile(r"(?<!\s)(?:\s+[\w'’-]+){1,3}")


def with_next_words(text: str, end: int, limit: int) -> str:
    """Up to three words after ``end`` (within ``limit``), for a cue's note."""
    found = _NEXT_WORDS.match(text, end, limit)
    return found.group() if found else ""


# Put before a pattern: try it only where a word or a number starts, cheap to rule out.
WORD_START = r"(?:(?<![^\W\d_])(?=[a-z])|(?=[\d£$€¥]))"
