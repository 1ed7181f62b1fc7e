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
    # A closing quote set off by a space ("...vermehren! “ Und") still ends the sentence.
    r"(?:[ \t]+[\"”“»«](?=\s))?)"
    r"(?=(?P<space>\s+)[\"'“„‘‚«»(\[{¿¡]*(?P<next>\S))"
)
_WORD = re.compile(r"[^\W_]+")
_INITIAL_NEXT = re.compile(r"[^\W\d_]\.")
_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_LANGUAGE_WORD = re.compile(r"[a-zäöüß]+")

# --- word lists --------------------------------------------------------------------------


def _with_capitals(words: str) -> frozenset[str]:
    """Words as written plus their sentence-initial capitalised form."""
    items = words.split()
    return frozenset(items + [word[:1].upper() + word[1:] for word in items])


# Titles come before a name: never the end of a sentence.
_TITLES = frozenset("Mr Mrs Ms Messrs Dr Prof Hr Hrn Mme Mlle Rev Hon".split())

# Abbreviations that often end a sentence: a boundary when a capital follows.
_MAY_END = frozenset("etc usw usf a.m p.m A.M P.M u.a u.ä o.ä".split())

# Other abbreviations: mid-sentence unless a typical sentence starter follows.
_ABBREVIATIONS = frozenset(
    "vs Inc Corp Ltd Co Bros Jr Sr St Ste Mt Ft Ave Blvd Rd Gen Gov Sen Rep Lt Col Capt Sgt "
    "Cmdr Adm Maj Pres Supt Dept Univ Assn No Nos Fig Figs Vol Vols Ch Sec Art Arts Eq Eqs "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri "
    "Sat Sun Nr Str Fr Abs Bd Jh Jhd Mio Mrd Tsd Dipl Ing Std Min Sek Kap Abb Tab Hrsg "
    "Aufl Tel Fa Okt Dez Mrz Gebr".split()
) | _with_capitals(
    "e.g i.e cf approx est ca bzw evtl ggf vgl inkl exkl bspw sog zzgl allg ehem geb gest "
    "gegr z.B d.h z.T v.a i.d.R u.U s.o s.u m.E pp ff ed eds al"
)

_MONTHS = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "Januar Jänner Februar März Mai Juni Juli Oktober Dezember Okt Dez".split()
)

# Capitalised words that usually open a sentence; after an abbreviation they mark a boundary.
_STARTERS_EN = frozenset(
    "The A An This That These Those It Its He She They We I You His Her Their Our My There "
    "Here But And Or So Yet In On At As If When While After Before Since Although Though "
    "However Meanwhile Still Then Now Today Yesterday Some Many Most All No One Both Each "
    "Every What Who Why How Where Which For With From By To Under Over During Despite Instead "
    "Also Later Earlier Last Next Such Other Another Once Even Only".split()
)
_STARTERS_DE = frozenset(
    "Der Die Das Den Dem Des Ein Eine Einen Einem Einer Er Sie Es Wir Ich Ihr Man Dies Diese "
    "Dieser Dieses Diesen Aber Und Oder Doch Denn Auch Im In Am An Auf Bei Mit Nach Seit Wenn "
    "Als Da Dann So Nun Jetzt Heute Gestern Zudem Außerdem Deshalb Daher Trotzdem Zum Zur Vom "
    "Von Für Um Wie Was Wer Wo Warum Sein Seine Ihre Unser Unsere Viele Alle Hier Dort Darum "
    "Damit Dabei Danach Später Jeder Jede Jedes Kein Keine Nicht Noch Schon Bis Durch Gegen "
    "Ohne Über Unter Vor Während Weil Obwohl Dass".split()
)

_STOPWORDS_EN = frozenset(
    "the and of to is that it for on are with as be this by at from have has not or but they "
    "he she which were would their been there said".split()
)
_STOPWORDS_DE = frozenset(
    "der die das und ist nicht ein eine zu den mit sich des auf für im dem von auch es sie er "
    "wir wird werden bei aus nach oder aber wie dass noch sind hat einen einem".split()
)

# Blocks that stand alone when they carry no final punctuation (headlines, bylines...).
_STANDALONE_KINDS = frozenset(
    {BlockKind.TITLE, BlockKind.BYLINE, BlockKind.DATELINE, BlockKind.HEADING}
)
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


def split_sentences(
    text: str, blocks: Sequence[Block], language: str | None = None
) -> tuple[Sentence, ...]:
    """All sentences of a document, in block order, each within its block.

    Headline-like blocks (title, byline, dateline, heading) without final punctuation are
    one sentence each; every other block is split at the accepted boundaries.
    """
    _check_text(text)
    _check_blocks(text, blocks)
    rules = _rules_for(text, language)
    ends, starts = _boundaries(text, rules)
    sentences: list[Sentence] = []
    for index, block in enumerate(blocks):
        if block.kind in _STANDALONE_KINDS and not _ends_with_terminal(
            text[block.start : block.end]
        ):
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
            raise ValueError(
                f"block {index} spans {block.start}..{block.end}, outside the text (0..{length})"
            )


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


def _boundaries(text: str, rules: _Rules) -> tuple[list[int], list[int]]:
    """Accepted boundaries over the whole text: where a sentence ends, where the next starts."""
    ends: list[int] = []
    starts: list[int] = []
    for match in _CANDIDATE.finditer(text):
        if _is_boundary(text, match, rules):
            ends.append(match.end())
            starts.append(match.end("space"))
    return ends, starts


def _split_range(
    text: str, start: int, end: int, ends: list[int], starts: list[int]
) -> list[tuple[int, int]]:
    """Stripped sentence spans inside ``text[start:end]`` using the accepted boundaries."""
    piece = text[start:end]
    content_start = start + len(piece) - len(piece.lstrip())
    content_end = start + len(piece.rstrip())
    if content_start >= content_end:
        return []
    spans: list[tuple[int, int]] = []
    current = content_start
    for position in range(bisect_left(ends, content_start + 1), len(ends)):
        boundary = ends[position]
        if boundary >= content_end:
            break
        if boundary > current:
            spans.append((current, boundary))
            current = starts[position]
    spans.append((current, content_end))
    return spans


def _previous_token(text: str, position: int) -> str:
    """The run of non-whitespace just before ``position``, without quotes and brackets."""
    if position == 0 or text[position - 1].isspace():
        return ""
    # Abbreviations are short, so a window of 40 characters is always enough.
    window = text[max(0, position - 40) : position].split()
    return window[-1].strip(_QUOTES_AND_BRACKETS) if window else ""


def _is_boundary(text: str, match: re.Match[str], rules: _Rules) -> bool:
    punct, close, following = match.group("punct", "close", "next")
    if following.islower() or following in _NOT_A_START:
        # "Well... maybe", "U.S. officials", '"Is it?" he asked' all continue the sentence.
        return False
    if not (following.isupper() or following.isdigit() or following.istitle()):
        # Dashes, bullets, symbols and letters without case: trust the punctuation.
        return True
    if punct != "." or close:
        # "?!", "!!", "..." and a closing quote or bracket: the case of the next word decides.
        return True
    token = _previous_token(text, match.start("punct"))
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
        return True
    if _is_abbreviation(token):
        return _starter_follows(text, next_start, rules)
    return True


def _is_abbreviation(token: str) -> bool:
    """A listed abbreviation, a single letter, "U.S."-style letters, or a German "...str."."""
    return (
        token in _ABBREVIATIONS
        or len(token) == 1 and token.isalpha()
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
