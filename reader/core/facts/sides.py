"""One document as the facts stage reads it: its sentences, their counterparts, what it says where."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

from reader.core.facts.names import VAGUE_PLACE_WORDS, name_word
from reader.core.model import Document, Sentence, Unit

# A fact a rewrite moved into a neighbouring sentence is still said: look this many sentences
# either side of the counterpart before calling it added or dropped.
NEARBY_SENTENCES = 3
NEARBY_CHARS = 2_000  # and no further than this from the counterpart (a code block is one "sentence")
# A stretch asked about this often gets its words gathered once: a plain search per question
# would make a passage with thousands of numbers quadratic.
ASKS_BEFORE_INDEX = 8

# Words as ``says`` compares them: "6,000" and "18.4" whole, names and number words by word.
WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
Span = tuple[int, int]


class Side:
    """One document with its sentences, and where each sentence's counterpart sits."""

    def __init__(self, document: Document, sentences: Sequence[Sentence], counterpart: list[int]) -> None:
        self.text = document.text
        self.document = document
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.counterpart = counterpart  # for each sentence: a sentence of the other side near its match
        self._lower: str | None = None
        self._asked: dict[Span, int] = {}
        self._words: dict[Span, frozenset[str]] = {}
        self._capitals: Counter[str] | None = None

    def span(self, first: int, last: int) -> Span:
        first = max(0, first)
        last = min(len(self.sentences) - 1, last)
        return (self.sentences[first].start, self.sentences[last].end) if first <= last else (0, 0)

    def near(self, first: int, last: int) -> Span:
        """The span of sentences ``first``..``last`` and their neighbours, within a bounded stretch."""
        low, high = self.span(first - NEARBY_SENTENCES, last + NEARBY_SENTENCES)
        own_low, own_high = self.span(first, last)
        return max(low, own_low - NEARBY_CHARS), min(high, own_high + NEARBY_CHARS)

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def says(self, core: str, region: Span | None = None) -> bool:
        """True if every word of ``core`` stands in ``text[region]`` (the whole text by default).

        Plain substring searches of the lower-cased text, checked for word edges, until a
        stretch has been asked about often; then its words are gathered once.
        """
        if self._lower is None:
            self._lower = self.text.lower()
        where = region or (0, len(self.text))
        words = WORD.findall(core.lower())
        index = self._words.get(where)
        if index is None:
            asked = self._asked[where] = self._asked.get(where, 0) + 1
            if asked <= ASKS_BEFORE_INDEX:
                return all(self._has_word(word, *where) for word in words)
            index = self._words[where] = frozenset(WORD.findall(self._lower, *where))
        return all(word in index for word in words)

    def names_part(self, core: str, region: Span | None = None) -> bool:
        """True if ``text[region]`` writes a word of the name ``core`` capitalised ("Kim" for "Kim Jong Un").

        Only a word that names (not a direction: "West Africa" made "Africa" is vaguer) and
        only as a name, with its capital, so "the mayor" is no part of "Mayor Hale".
        """
        low, high = region or (0, len(self.text))
        return any(self._capitalised(word, low, high, alone=True) for word in _naming_words(core))

    def name_count(self, core: str) -> int:
        """How often the text names ``core``: the count of its rarest naming word, capitalised."""
        if self._capitals is None:  # one pass over the text, then every name is a look-up
            self._capitals = Counter()
            for written, count in Counter(_CAPITALISED.findall(self.text)).items():
                self._capitals[name_word(written)] += count
        return min((self._capitals[w] for w in _naming_words(core) or core.split()), default=0)

    def says_stem(self, word: str, region: Span) -> bool:
        """True if a word starting like ``word`` stands in ``text[region]`` ("prove" in "proved")."""
        if self._lower is None:
            self._lower = self.text.lower()
        stem = word if len(word) <= 4 else word[: max(4, len(word) - 2)]
        text, (low, high) = self._lower, region
        at = text.find(stem, low, high)
        while at >= 0:
            if at == 0 or not text[at - 1].isalnum():
                return True
            at = text.find(stem, at + 1, high)
        return False

    def _capitalised(self, word: str, low: int, high: int, alone: bool = False) -> int:
        """How many times ``word`` stands capitalised as a whole word in ``text[low:high]``.

        ``alone``: only where it ends a name ("Carrow" alone, not the "Carrow" of "Carrow Heart").
        """
        written = word[:1].upper() + word[1:]
        count = 0
        at = self.text.find(written, low, high)
        while at >= 0:
            end = at + len(written)
            if (at == 0 or not self.text[at - 1].isalnum()) and not self.text[end : end + 1].isalpha():
                count += not alone or not _NEXT_CAPITAL.match(self.text, end)
            at = self.text.find(written, at + 1, high)
        return count

    def _has_word(self, word: str, low: int, high: int) -> bool:
        text = self._lower or ""
        at = text.find(word, low, high)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not text[at - 1].isalnum()) and (end >= len(text) or not text[end].isalnum()):
                return True
            at = text.find(word, at + 1, high)
        return False


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")
_NEXT_CAPITAL = re.compile(r"(?:['’]s)? (?:of )?[A-Z]")


def _naming_words(core: str) -> list[str]:
    return [word for word in core.split() if len(word) > 2 and word not in VAGUE_PLACE_WORDS]


def counterparts(count: int, units: Sequence[Unit], first: bool) -> list[int]:
    """For each sentence of one side, a sentence of the other side at or near its counterpart."""
    found = [-1] * count
    for unit in units:
        own, other = (unit.a, unit.b) if first else (unit.b, unit.a)
        for index in own:
            found[index] = other[0]
    last = 0
    for index in range(count):  # an unlinked sentence takes its preceding neighbour's place
        if found[index] < 0:
            found[index] = last
        else:
            last = found[index]
    return found
