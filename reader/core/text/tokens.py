"""Tokens and matching keys.

The displayed text is never changed; matching compares *keys*: a token's text after the
normalisations the options ask for (case, quote and dash styles, non-breaking spaces, soft
hyphens, Unicode compatibility forms).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from reader.core.model import CompareOptions

SOFT_HYPHEN = "\u00ad"

# A word keeps inner apostrophes and hyphens ("don't", "well-known", "U.N." is three tokens
# but "3.5" one); soft hyphens sit inside words. Punctuation is one token per character so a
# changed comma does not mark the neighbouring word; whitespace runs are tokens of their own.
TOKEN_RE = re.compile(
    r"\d+(?:[.,:]\d+)+"
    r"|[\w\u00ad]+(?:['\u2019\u2010\u2011-][\w\u00ad]+)*"
    r"|\s+"
    r"|[^\w\s]"
)
# A word, as readers and ``wc -w`` count them: a run of non-space characters with at least
# one letter or digit ("U.N.", "128-year-old" and "£9" are one word each, a lone "—" none).
# The lookbehind lets a match start only where a run of non-space starts and the possessive
# prefix never gives back: a long run without a letter is scanned once, not once per
# character (``[^\s\w]*\w\S*`` took 23 s on 40,000 dashes). The spans are the same, since a
# match of that pattern always starts at the start of a run and ends at its end.
_WORD_RE = re.compile(r"(?<!\S)[^\s\w]*+\w\S*")

_QUOTES_DASHES = {
    **{ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4`\u2039\u203a"},
    **{ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"},
    **{ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"},
}
_SPACES = {ord(c): " " for c in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u3000"}


def tokenize(text: str) -> list[str]:
    """Split text into word, punctuation and whitespace tokens that concatenate to ``text``."""
    return TOKEN_RE.findall(text)


_COARSE_RE = re.compile(r"^\s+|\S+\s*")


def coarse_tokenize(text: str) -> list[str]:
    """Runs of non-space characters, each with the space after it (leading space alone)."""
    return _COARSE_RE.findall(text)


def is_word(token: str) -> bool:
    """True for tokens that count as words (letters or digits inside)."""
    return bool(token) and (token[0].isalnum() or token[0] == "_" or token[-1].isalnum())


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the words in ``text[start:end]``, as offsets into ``text``."""
    # Sliced, not searched from ``start``: the lookbehind would see the character before it.
    piece = text[start:end] if start or end is not None else text
    return [(start + m.start(), start + m.end()) for m in _WORD_RE.finditer(piece)]


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Number of words in ``text[start:end]`` (what the statistics count)."""
    piece = text[start:end] if start or end is not None else text
    return len(_WORD_RE.findall(piece))


# One table per distinct options value (a handful per run). With ignore_punctuation every
# sentence is normalised on its own: building the table costs 0.46 us a call, the cached one
# 0.21 us (timeit), which on the 50,000 sentences of a book is worth the small cache.
@lru_cache(maxsize=64)
def _translation(options: CompareOptions) -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    if options.fold_quotes_dashes:
        table.update(_QUOTES_DASHES)
    if options.fold_spaces:
        table.update(_SPACES)
    if options.ignore_soft_hyphens:
        table[ord(SOFT_HYPHEN)] = None
    return table


_PUNCT_RE = re.compile(r"[^\w\s]+")
_SPACE_RUN_RE = re.compile(r"\s+")


def normalize(text: str, options: CompareOptions) -> str:
    """The matching form of ``text``: what two strings must share to count as equal."""
    text = text.translate(_translation(options))
    if options.unicode_normalize and not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    if options.ignore_case:
        text = text.casefold()
    if options.ignore_punctuation:
        text = _PUNCT_RE.sub(" ", text)
    if options.fold_spaces:
        text = _SPACE_RUN_RE.sub(" ", text).strip()
    return text


# Joins sentences for normalize_many: a private-use character that no normalisation step
# creates, changes or merges with its neighbours, so it survives as an exact boundary.
_JOINER = "\ue000"


def normalize_many(texts: Sequence[str], options: CompareOptions) -> list[str]:
    """``[normalize(t, options) for t in texts]``, computed over their concatenation.

    A book has tens of thousands of sentences: one pass of each C-level step over the whole
    text replaces as many Python-level calls. Every step is character-local (the joiner
    stops whitespace runs and Unicode composition), so the result is the same; texts that
    hold the joiner, or punctuation removal, take the one-by-one path.
    """
    joined = _JOINER.join(texts)
    if options.ignore_punctuation or len(texts) < 2 or joined.count(_JOINER) != len(texts) - 1:
        return [normalize(text, options) for text in texts]
    joined = _fold_characters(joined, options)
    if options.unicode_normalize and not joined.isascii():
        joined = _nfkc_around_non_ascii(joined)
    if options.ignore_case:
        joined = joined.casefold()
    if options.fold_spaces:
        joined = " ".join(joined.split())  # str.split and re's \s agree on what is a space
    parts = joined.split(_JOINER)
    return [part.strip() for part in parts] if options.fold_spaces else parts


# NFKC only changes text around non-ASCII characters (the joiner is a boundary itself).
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f\ue000]+")


def _nfkc_around_non_ascii(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)`` for text with few non-ASCII characters.

    An ASCII character never composes with the character before it, so only each non-ASCII
    run and the one ASCII character before it (a base letter a combining mark may join)
    can change.
    """
    pieces: list[str] = []
    done = 0
    for run in _NON_ASCII_RUN.finditer(text):
        start = run.start()
        if start > done and text[start - 1] != _JOINER:
            start -= 1
        pieces.append(text[done:start])
        pieces.append(unicodedata.normalize("NFKC", text[start : run.end()]))
        done = run.end()
    pieces.append(text[done:])
    return "".join(pieces)


def _fold_characters(text: str, options: CompareOptions) -> str:
    """``text.translate(_translation(options))`` by one replace per character present.

    Equal because no replacement is itself a folded character; and a scan per character is
    far faster than ``translate`` with a dictionary on a long non-ASCII text.
    """
    for code, replacement in _translation(options).items():
        char = chr(code)
        if char in text:
            text = text.replace(char, replacement or "")
    return text


def token_key(token: str, options: CompareOptions) -> str:
    """Matching key of one token; all whitespace runs share one key when spaces are folded."""
    if token.isspace():
        return " " if options.fold_spaces else token
    key = normalize(token, options)
    if not key and options.ignore_punctuation:
        return " "  # punctuation is then as insignificant as the space around it
    return key


def token_keys(tokens: Sequence[str], options: CompareOptions) -> list[str]:
    """``[token_key(t, options) for t in tokens]``, normalising all of them in one pass."""
    if options.ignore_punctuation:
        return [token_key(token, options) for token in tokens]
    space = " " if options.fold_spaces else None
    keys = normalize_many(tokens, options)
    return [(space or token) if token.isspace() else key for token, key in zip(tokens, keys, strict=True)]
