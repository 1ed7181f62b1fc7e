"""Recognising the lines that stand alone in a news text: bylines, datelines, list items.

These are heuristics on one stripped line; they are deliberately narrow, because a
paragraph mistaken for a byline would be lost to sentence matching.
"""

from __future__ import annotations

import re

from reader.core.model import BlockKind
from reader.core.read.formats.layout import Piece

_MONTHS = (
    # English (full and abbreviated)
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    # German
    "januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|jän|mär|okt|dez|"
    # French
    "janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|"
    # Spanish
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
)
_WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|"
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    "lunes|martes|miércoles|jueves|viernes|sábado|domingo"
)
_DATE_WORDS = (
    "updated|update|published|posted|last|modified|on|at|am|um|stand|aktualisiert|"
    "veröffentlicht|zuletzt|le|à|mis|jour|publié|el|de|del|actualizado|publicado|uhr|utc|gmt|"
    "cet|cest|est|edt|pst|pdt|et|bst|mez|mesz|a\\.m|p\\.m|am|pm"
)

_MONTH = rf"(?:{_MONTHS})\.?"
_DATE_CORE = re.compile(
    rf"""(?ix)
    \b(?:
        \d{{1,2}}(?:st|nd|rd|th|er|\.)?\s*(?:de\s+)?{_MONTH}(?:\s*(?:de\s+)?,?\s*\d{{4}})?  # 3 March 2025
      | {_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s*\d{{4}})?                      # March 3, 2025
      | {_MONTH}\s+\d{{4}}                                                        # March 2025
      | \d{{4}}-\d{{1,2}}-\d{{1,2}}                                                  # 2025-03-03
      | \d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}                                          # 03.03.2025
    )(?!\w)
    """
)
# A cheap test that must pass before _DATE_CORE is searched (that search is slow): every date
# it finds holds digits shaped like a numeric date, or a month name, which in an ASCII line
# starts with one of these letters whatever its case.
_NUMERIC_DATE_HINT = re.compile(r"\d{4}-\d{1,2}-\d|\d[./]\d{1,2}[./]\d")
_MONTH_STARTS = tuple(sorted({name[:3] for name in _MONTHS.split("|") if name.isascii()}))
_TIME = re.compile(r"(?i)\b\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?")
_DATE_FILLER = re.compile(rf"(?i)(?<!\w)(?:{_WEEKDAYS}|{_DATE_WORDS})\.?(?!\w)")
_DIGIT = re.compile(r"\d")
_PUNCTUATION = re.compile(r"[\s,.:;|/()\[\]\-–—·•]+")

_BYLINE = re.compile(r"(?i)^(?:by|von|par|por|di|door|av|af)\s+(?P<rest>\S.*)$")
_NAME_JOINERS = frozenset("and und et y e en och og & van von der den de la le du di da dos del bin al mc".split())

LIST_MARKER = re.compile(r"^\s*(?:[-*+•–]|\d{1,3}[.)])\s+\S")
HASH_HEADING = re.compile(r"^\s*(#{1,6})\s+(\S.*?)\s*#*\s*$")

# Endings that mark a sentence or an unfinished clause, never a headline or subhead.
_SENTENCE_END = tuple(".,;:\"'”’»«›)")


def is_dateline(line: str) -> bool:
    """A line that is only a date, maybe with a place, weekday, time or "Updated:"."""
    # Every date has a digit: a cheap test first, since the date pattern is slow to search.
    if len(line) > 80 or "\n" in line or not _DIGIT.search(line) or len(line.split()) > 10:
        return False
    if not _may_hold_date(line) or not _DATE_CORE.search(line):
        return False
    rest = _DATE_CORE.sub(" ", line)
    rest = _TIME.sub(" ", rest)
    rest = _DATE_FILLER.sub(" ", rest)
    place_words = [word for word in _PUNCTUATION.split(rest) if word]
    # What is left must be a short place name such as "Berlin" or "New York".
    return len(place_words) <= 3 and all(word[0].isupper() for word in place_words)


def _may_hold_date(line: str) -> bool:
    """False only when ``_DATE_CORE`` cannot match ``line`` (true for anything non-ASCII)."""
    if _NUMERIC_DATE_HINT.search(line) or not line.isascii():
        return True
    lowered = line.lower()
    return any(start in lowered for start in _MONTH_STARTS)


def is_byline(line: str) -> bool:
    """ "By Jane Doe", "Von Max Muster", "By Jane Doe and John Roe, Reuters"."""
    if len(line) > 100 or "\n" in line:
        return False
    match = _BYLINE.match(line)
    if match is None:
        return False
    if line.endswith(("!", "?", ";", ":")) or re.search(r"\w{2}\.$", line):
        return False
    words = [word.strip(",.|()") for word in match.group("rest").split()]
    words = [word for word in words if word and word.lower() not in _NAME_JOINERS]
    if not words or len(words) > 10 or not words[0][0].isupper():
        return False
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised >= 0.7 * len(words)


def looks_like_heading(line: str) -> bool:
    """A short line without closing punctuation: a headline or subhead, not a sentence."""
    words = line.split()
    return (
        0 < len(words) <= 16
        and len(line) <= 140
        and not line.endswith(_SENTENCE_END)
        and (line[0].isupper() or line[0].isdigit() or line[0] in "„“‘«»\"'")
        and not LIST_MARKER.match(line)
    )


def refine(pieces: list[Piece], *, top: int = 4) -> list[Piece]:
    """Mark one-line paragraphs that are datelines, or bylines near the top, as such."""
    refined: list[Piece] = []
    for index, (kind, text) in enumerate(pieces):
        line = text.strip()
        if kind is BlockKind.PARAGRAPH and "\n" not in line:
            if is_dateline(line):
                kind = BlockKind.DATELINE
            elif index < top and is_byline(line):
                kind = BlockKind.BYLINE
        refined.append((kind, text))
    return refined
