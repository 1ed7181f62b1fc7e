"""Split document text into sentences, block by block, keeping character offsets.

One compiled regular expression finds every *candidate* boundary in the whole text:
terminal punctuation (``.``, ``!``, ``?``, ``…`` and runs of them), the closing quotes or
brackets glued to it, then whitespace. Each candidate is accepted or rejected by a few
cheap checks on the word before it and the word after it (abbreviations, initials,
ordinals, ellipses, sentence-starting words). There is no per-character Python loop, so a
megabyte of text splits in a few tens of milliseconds.

Sentences never cross a block boundary, and every non-whitespace character of a block
belongs to exactly one sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.model import Block, BlockKind, Sentence
from reader.core.text import lexicon
from reader.core.text.list_markers import list_item_boundaries

__all__ = ["detect_language", "split_sentences", "split_text"]

# --- character classes -------------------------------------------------------------------

_TERMINALS = ".!?…"
# Quotes and brackets that may close a sentence: ``."`` ``.”`` ``?”`` ``!“`` (German) ``.)``.
_CLOSERS = "\"'”’“»«)]}"
# Quotes and brackets that may open the next sentence (German „ and ‚ included).
_OPENERS = "\"'“„‘‚«»([{¿¡"
_QUOTES_AND_BRACKETS = _CLOSERS + _OPENERS + "”’"
# A following character that cannot start a sentence: the candidate is mid-sentence.
# (Dashes can: "– Und wohin geht die Reise?" opens a line of dialogue.)
_NOT_A_START = ",;:.!?…)]}%/"

# Possessive quantifiers and the look-behind keep a long run of dots or quotes linear.
_CANDIDATE = re.compile(
    r"(?P<punct>[.!?…](?<![.!?…][.!?…])[.!?…]*+)"
    r"(?P<close>[\"'”’“»«)\]}]*+"
    # Footnote markers glued to the full stop ("empire.[3] After") belong to the sentence.
    r"(?:\[(?:\d{1,3}|[a-z]|note \d{1,3})\][\"'”’)]*+)*+"
    # A closing quote set off by a space ("...vermehren! “ Und") still ends the sentence.
    r"(?:[ \t]+[\"”“»«](?=\s))?)"
    r"(?=(?P<space>\s+)[\"'“„‘‚«»(\[{¿¡]*(?P<next>\S))"
)
# A full stop with no space after it, between a word and a capitalised word: "1980s.Q magazine".
# (The word before is checked in Python: a look-behind here would make the search 30x slower.)
_GLUED = re.compile(r"\.(?=[A-Z][a-z \t])")
_PLAIN_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)?")
_CODE_CHARS = frozenset("./@(=_:\\")
# A line that ends in a colon ends a sentence when the next line does not go on in lower case.
_LINE_COLON = re.compile(r":(?=[ \t]*+\n\s*+(?P<next>\S))")
# "stairways." (Smith 55). - a parenthetical citation closes the quoted sentence.
_CITATION = re.compile(r"\([^\W\d_][^()\n]{0,60}?\s\d[\d,–-]*\)[.!?]")
# A glued full stop followed by a spaced ellipsis and a capital: "compounds. . . . The".
_PERIOD_THEN_ELLIPSIS = re.compile(r"\.(?: \.){3}\s+[\"'“„‘‚«»(\[]*[A-Z]")
# A sentence that is only a list or footnote number ("2.", "[3]") joins its neighbour.
_BARE_MARKER = re.compile(r"[\[(]?\d{1,3}[\].)]?|[•⁃‣◦▪*]")
_LIST_LABEL = re.compile(r"\d{1,3}|[a-z]")
_BULLETS_AND_SPACE = " \t•⁃‣◦▪"
_WORD = re.compile(r"[^\W_]+")
_INITIAL_NEXT = re.compile(r"[^\W\d_]\.")
_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_LANGUAGE_WORD = re.compile(r"[a-zäöüß]+")

# --- word lists (reader/core/text/lexicon.py) ------------------------------------------------

_TITLES = lexicon.TITLES
_MAY_END = lexicon.MAY_END
_ABBREVIATIONS = lexicon.ABBREVIATIONS
_MONTHS = lexicon.MONTHS
_STARTERS_EN = lexicon.STARTERS_EN
_STARTERS_DE = lexicon.STARTERS_DE
_STOPWORDS_EN = lexicon.STOPWORDS_EN
_STOPWORDS_DE = lexicon.STOPWORDS_DE

# Blocks that stand alone when they carry no final punctuation (headlines, bylines...).
_STANDALONE_KINDS = frozenset({BlockKind.TITLE, BlockKind.BYLINE, BlockKind.DATELINE, BlockKind.HEADING})
_LANGUAGE_SAMPLE_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class _Rules:
    """The language-dependent parts of the boundary decision."""

    starters: frozenset[str]
    # German writes ordinals as "2." ("der 2. Weltkrieg"), so a short number followed by a
    # capitalised noun is usually not the end of a sentence.
    ordinal_numbers: bool


_RULES = {
    "en": _Rules(starters=_STARTERS_EN, ordinal_numbers=False),
    "de": _Rules(starters=_STARTERS_DE | _STARTERS_EN, ordinal_numbers=True),
}


# --- public API --------------------------------------------------------------------------


def detect_language(text: str) -> str:
    """Guess ``"en"`` or ``"de"`` from stop-word counts in a sample; anything else is ``"en"``."""
    if not isinstance(text, str):
        raise TypeError(f"detect_language expects a str, not {type(text).__name__}")
    sample = text[:_LANGUAGE_SAMPLE_CHARS].lower()
    english = german = 0
    for word in _LANGUAGE_WORD.findall(sample):
        if word in _STOPWORDS_EN:
            english += 1
        elif word in _STOPWORDS_DE:
            german += 1
    return "de" if german > english else "en"


def split_text(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in one block of running text, stripped of whitespace."""
    _check_text(text)
    if not text:
        return []
    rules = _rules_for(text, language)
    ends, starts = _boundaries(text, rules)
    return _split_range(text, 0, len(text), ends, starts)


def split_sentences(text: str, blocks: Sequence[Block], language: str | None = None) -> tuple[Sentence, ...]:
    """All sentences of a document, in block order, each within its block.

    Headline-like blocks (title, byline, dateline, heading) without final punctuation are
    one sentence each; every other block is split at the accepted boundaries.
    """
    _check_text(text)
    _check_blocks(text, blocks)
    rules = _rules_for(text, language)
    ends, starts = _boundaries(text, rules, _content_ends(text, blocks))
    sentences: list[Sentence] = []
    for index, block in enumerate(blocks):
        if block.kind in _STANDALONE_KINDS and not _ends_with_terminal(text[block.start : block.end]):
            spans = _split_range(text, block.start, block.end, [], [])
        else:
            spans = _split_range(text, block.start, block.end, ends, starts)
        sentences.extend(Sentence(start, end, index) for start, end in spans)
    return tuple(sentences)


# --- internals ---------------------------------------------------------------------------


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"sentence splitting expects a str, not {type(text).__name__}")


def _check_blocks(text: str, blocks: Sequence[Block]) -> None:
    length = len(text)
    for index, block in enumerate(blocks):
        if not isinstance(block, Block):
            raise TypeError(f"block {index} is a {type(block).__name__}, not a Block")
        if not 0 <= block.start <= block.end <= length:
            raise ValueError(f"block {index} spans {block.start}..{block.end}, outside the text (0..{length})")


def _rules_for(text: str, language: str | None) -> _Rules:
    if language is None:
        language = detect_language(text)
    elif not isinstance(language, str):
        raise TypeError(f"language must be a str or None, not {type(language).__name__}")
    # "de-AT", "DE" and "de_CH" all use the German rules; unknown languages the English ones.
    code = language.strip().lower().replace("_", "-").split("-")[0]
    return _RULES.get(code, _RULES["en"])


def _ends_with_terminal(block_text: str) -> bool:
    stripped = block_text.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in _TERMINALS


def _content_ends(text: str, blocks: Sequence[Block]) -> set[int]:
    """Where each block's text ends, trailing white space left out."""
    return {block.start + len(text[block.start : block.end].rstrip()) for block in blocks}


def _boundaries(text: str, rules: _Rules, block_ends: set[int] | None = None) -> tuple[list[int], list[int]]:
    """Accepted boundaries over the whole text: where a sentence ends, where the next starts.

    Punctuation that ends a block (``block_ends``) ends its sentence whatever follows: the
    next block starts a sentence of its own, so the rules are not asked (a page of 100,000
    one-line paragraphs spent most of its splitting there).
    """
    marker_dots, extra = list_item_boundaries(text, _MONTHS, rules.ordinal_numbers)
    ends: list[int] = []
    starts: list[int] = []
    sentence_start = 0
    edges = block_ends or set()
    for match in _CANDIDATE.finditer(text):
        if marker_dots and match.start("punct") in marker_dots:
            continue  # "1. The first item": a list marker's full stop
        if match.end() in edges or _is_boundary(text, match, rules, sentence_start):
            sentence_start = match.end("space")
            ends.append(match.end())
            starts.append(sentence_start)
    for match in _GLUED.finditer(text):
        dot = match.start()
        if dot >= 2 and text[dot - 1].islower() and text[dot - 2].isalnum() and _glued_boundary(text, dot, rules):
            extra.append((match.end(), match.end()))
    for match in _LINE_COLON.finditer(text):
        if not match.group("next").islower():
            extra.append((match.end(), match.start("next")))
    if not extra:
        return ends, starts
    # The other kinds of boundary are rare; one sort puts them among the punctuation ones.
    pairs = sorted([*zip(ends, starts, strict=False), *extra])
    ends, starts = [], []
    for end, start in pairs:
        if ends and end <= ends[-1]:
            continue  # the same boundary found twice ("item. 2. The")
        ends.append(end)
        starts.append(start)
    return ends, starts


def _split_range(text: str, start: int, end: int, ends: list[int], starts: list[int]) -> list[tuple[int, int]]:
    """Stripped sentence spans inside ``text[start:end]`` using the accepted boundaries."""
    piece = text[start:end]
    content_start = start + len(piece) - len(piece.lstrip())
    content_end = start + len(piece.rstrip())
    if content_start >= content_end:
        return []
    spans: list[tuple[int, int]] = []
    current = content_start
    shortest = content_end - content_start
    for position in range(bisect_left(ends, content_start + 1), len(ends)):
        boundary = ends[position]
        if boundary >= content_end:
            break
        if boundary > current:
            spans.append((current, boundary))
            shortest = min(shortest, boundary - current)
            current = starts[position]
    spans.append((current, content_end))
    shortest = min(shortest, content_end - current)
    # Only a span of five characters or fewer can be a bare "12." or "[3]".
    return _join_bare_markers(text, spans) if len(spans) > 1 and shortest <= 5 else spans


def _join_bare_markers(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A span that is only "2.", "[3]" or "•" joins the next span, or the previous at the end."""
    joined: list[tuple[int, int]] = []
    carry: int | None = None
    for span_start, span_end in spans:
        if carry is not None:
            span_start, carry = carry, None
        elif span_end - span_start <= 5 and _BARE_MARKER.fullmatch(text, span_start, span_end):
            carry = span_start
            continue
        joined.append((span_start, span_end))
    if carry is not None:
        if joined:
            joined[-1] = (joined[-1][0], spans[-1][1])
        else:
            joined.append((carry, spans[-1][1]))
    return joined


def _previous_token(text: str, position: int) -> str:
    """The run of non-whitespace just before ``position``, without quotes and brackets."""
    if position == 0 or text[position - 1].isspace():
        return ""
    # Abbreviations are short, so a window of 40 characters is always enough.
    window = text[max(0, position - 40) : position].split()
    return window[-1].strip(_QUOTES_AND_BRACKETS) if window else ""


def _is_boundary(text: str, match: re.Match[str], rules: _Rules, sentence_start: int) -> bool:
    punct, close, following = match.group("punct", "close", "next")
    dot = match.start("punct")
    if punct == ".":
        if following == "." or text[dot - 1] == " ":
            verdict = _spaced_ellipsis(text, dot, close, following)
            if verdict is not None:
                return verdict
        if (
            not close
            and dot - sentence_start <= 8
            and _LIST_LABEL.fullmatch(text[sentence_start:dot].strip(_BULLETS_AND_SPACE))
        ):
            return False  # "...data. 1. We collect": a list number opens the sentence
    elif punct == "..." and close[:1] == "]" and dot > 0 and text[dot - 1] == "[":
        return False  # "[...]" marks an omission inside a quotation
    if following.islower() or following in _NOT_A_START:
        # "Well... maybe", "U.S. officials", '"Is it?" he asked' all continue the sentence.
        return False
    if not (following.isupper() or following.isdigit() or following.istitle()):
        # Dashes, bullets, symbols and letters without case: trust the punctuation.
        return True
    if text[match.end("space")] == "(" and _CITATION.match(text, match.end("space")):
        return False  # '..." (Smith 55).': the citation belongs to the quotation
    if punct != "." or close:
        # "?!", "!!", "..." and a closing quote or bracket: the case of the next word decides.
        return True
    token = _previous_token(text, dot)
    if not token:
        return True
    next_start = match.start("next")
    if following.isdigit():
        return _before_digit(token, rules)
    if token in _TITLES:
        return False
    if token.isdigit():
        return _number_before_word(token, text, next_start, rules)
    if token in _MAY_END:
        # "At 5 a.m. Mr. Smith left": a sentence is more than a time phrase.
        return token not in lexicon.TIMES_OF_DAY or not _only_time_phrase(text, sentence_start, dot)
    if _is_abbreviation(token):
        return _starter_follows(text, next_start, rules)
    return True


def _spaced_ellipsis(text: str, dot: int, close: str, following: str) -> bool | None:
    """The verdict on a full stop that is part of a spaced ellipsis, or None if it is not.

    ". . ." set off from the word before marks an omission and ends nothing; glued to the
    word ("Dose. . . Energy") it trails off like "...", and a fourth dot (". . . .") ends
    the sentence. After a glued full stop and three more dots ("compounds. . . . The") the
    sentence ends at that full stop and the ellipsis opens the next one.
    """
    if following == "." and not close:
        if dot > 0 and not text[dot - 1].isspace() and _PERIOD_THEN_ELLIPSIS.match(text, dot):
            return True
        return None
    dots, first = 1, dot
    while dots < 5 and first >= 2 and text[first - 1] == " " and text[first - 2] == ".":
        dots, first = dots + 1, first - 2
    if dots < 3:
        return None
    glued = first > 0 and not text[first - 1].isspace()
    if dots == 3 and not glued or dots == 4 and glued:
        return False
    return None


def _only_time_phrase(text: str, sentence_start: int, dot: int) -> bool:
    """Whether the sentence so far is a preposition and a time: "At 5 a.m."."""
    if dot - sentence_start > 24:
        return False
    words = text[sentence_start:dot].split()
    return len(words) <= 3 and bool(words) and words[0] in lexicon.PREPOSITIONS


def _glued_boundary(text: str, dot: int, rules: _Rules) -> bool:
    """ "...of the 1980s.Q magazine": a full stop without a space still ends a sentence.

    Only between a plain word and a plain capitalised word, so "U.S.", "e.g.", "3.5",
    "index.html", "Node.js", "java.util.List" and URLs stay whole.
    """
    window = text[max(0, dot - 40) : dot].split()
    word = window[-1] if window else ""
    if not _PLAIN_WORD.fullmatch(word) or word in _TITLES:
        return False
    after = text[dot + 1 : dot + 61].split()
    following = after[0].rstrip(".,;:!?\"'”’)") if after else ""
    if not following or any(char in _CODE_CHARS for char in following):
        return False
    if _is_abbreviation(word):
        return _starter_follows(text, dot + 1, rules)
    return True


def _is_abbreviation(token: str) -> bool:
    """A listed abbreviation, a single letter, "U.S."-style letters, or a German "...str."."""
    return (
        token in _ABBREVIATIONS
        or len(token) == 1
        and token.isalpha()
        or _ACRONYM.fullmatch(token) is not None
        # Street names: "Hafenstr. 12", "Hauptstr."; no ordinary word ends in "str".
        or token.endswith("str")
    )


def _before_digit(token: str, rules: _Rules) -> bool:
    """A candidate followed by a number: "Nr. 5", "3. 4. 2020" continue; "in 1950. 20 years" ends."""
    if token in _TITLES or token in _MAY_END or _is_abbreviation(token):
        return False
    if token.isdigit():
        return not rules.ordinal_numbers
    return True


def _number_before_word(token: str, text: str, next_start: int, rules: _Rules) -> bool:
    """ "am 3. März", "der 2. Weltkrieg" continue; "in 2019. The" ends."""
    word_match = _WORD.match(text, next_start)
    word = word_match.group() if word_match else ""
    if word in _MONTHS:
        return False
    if rules.ordinal_numbers and len(token) <= 3:
        return word in rules.starters
    return True


def _starter_follows(text: str, next_start: int, rules: _Rules) -> bool:
    """After an abbreviation or initial, only a typical sentence starter opens a new sentence."""
    if _INITIAL_NEXT.match(text, next_start):
        # "J. R. R. Tolkien", "J. A. Smith": another initial follows.
        return False
    word_match = _WORD.match(text, next_start)
    return word_match is not None and word_match.group() in rules.starters
