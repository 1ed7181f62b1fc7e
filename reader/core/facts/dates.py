"""Dates and times in English prose: "2 April", "last September", "on Tuesday", "1898", "9am".

Written as regular expressions rather than taken from a date parser: the parsers we measured
(dateparser, dateutil's fuzzy mode) read whole strings, not mentions inside prose, and turn
"may" or "March" into dates wherever they stand; what matters here is the span and a key that
two wordings of one date share ("2 April" and "April 2nd").
"""

from __future__ import annotations

import re

from reader.core.facts.mention import Mention
from reader.core.model import FactKind

MONTHS = ("january february march april may june july august september october november december").split()
_MONTH_ABBREVIATIONS = {m[:3]: m for m in MONTHS} | {"sept": "september"}
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|2[01]\d\d)"
_RELATIVE = r"(?:[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming|[Ee]arly|[Ll]ate|[Mm]id-?|[Ee]arlier this|[Ll]ater this)"
_PERIOD = r"(?:week|weekend|month|year|spring|summer|autumn|fall|winter|decade|century|morning|afternoon|evening)"

_SPAN = r"(?:day|week|month|year|night|morning|afternoon|evening|weekend)"
_COUNT = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|few|\d{1,3})"
# Times told by their order: "the week before", "shortly after", "later that year", "two days later".
_SEQUENCE = (
    r"(?i:(?:shortly|soon|immediately|just|long|not\s+long)\s+(?:after(?:wards)?|before|afterwards)"
    rf"|(?:later|earlier)\s+(?:that|this|in\s+the)\s+{_SPAN}"
    rf"|the\s+(?:following|next|previous|same)\s+{_SPAN}|the\s+{_SPAN}\s+(?:before|after)"
    rf"|{_COUNT}\s+{_SPAN}s?\s+(?:later|earlier|ago|before|after)"
    r"|afterwards|previously|subsequently|in\s+the\s+meantime|meanwhile|at\s+the\s+time|eventually|recently|one\s+day)"
)
SEQUENCE_WORDS = frozenset(
    "shortly soon afterwards previously subsequently meanwhile later earlier ago following eventually recently".split()
)

# One alternation, longest forms first; named groups say which form matched.
DATE_RE = re.compile(
    rf"(?P<seq>{_SEQUENCE})\b"
    rf"|(?:(?P<wd1>{_WEEKDAY}),?\s+)?(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR}))?\b"
    rf"|(?:(?P<wd2>{_WEEKDAY}),?\s+)?(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})\b(?:,?\s+(?P<y2>{_YEAR}))?"
    rf"|(?P<iso>{_YEAR}-(?:0[1-9]|1[0-2])-(?:[0-2]\d|3[01]))\b"
    rf"|(?P<rel>{_RELATIVE})\s+(?P<rp>{_PERIOD}|{_MONTH}|{_WEEKDAY})\b"
    rf"|(?P<m3>{_MONTH})(?:\s+(?:of\s+)?(?P<y3>{_YEAR}))?\b"
    rf"|(?P<wd3>{_WEEKDAY})\b"
    rf"|(?P<decade>(?:the\s+)?(?:mid-|early\s+|late\s+)?(?:1[5-9]|20)\d0s)\b"
    rf"|(?<![\d.,£$€¥-])(?P<year>{_YEAR})(?![\d.,]\d|\s*(?:%|per\s?cent|pounds|dollars|euros))\b"
    r"|(?P<clock>\b(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s?(?:am|pm|a\.m\.|p\.m\.)(?=\W|$)|\b(?:[01]?\d|2[0-3]):[0-5]\d\b)"
    r"|\b(?P<day>yesterday|today|tomorrow|tonight|noon|midnight)\b",
)
# What a changed piece of text must hold for a date in it to have changed: a year, a clock
# time, or one of DATE_WORDS.
DATE_DIGITS = re.compile(r"(?<!\d)(?:1[5-9]|2[01])\d\d(?!\d)|\d:\d\d|\d\s?[ap]\.?m\b")
DATE_WORDS = (
    frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | frozenset(_MONTH_ABBREVIATIONS)
    | frozenset("yesterday today tomorrow tonight noon midnight".split())
)
# Words that make a time relative ("last", "later"), and what they make relative ("week").
RELATIVE_WORDS = frozenset("last next this past coming early late mid earlier later".split())
PERIOD_WORDS = frozenset(
    "week weekend month year spring summer autumn fall winter decade century morning afternoon evening".split()
)


# Where a date can start: the full pattern is tried only there (it is slow to try everywhere).
_DATE_START = re.compile(
    r"(?<!\d)\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|the\s+\d"
    r"|[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming|[Ee]arly|[Ll]ate|[Mm]id|[Ee]arlier|[Ll]ater"
    r"|yesterday|today|tomorrow|tonight|noon|midnight"
    r"|(?i:shortly|soon|immediately|just|long|not\s+long|later|earlier|the\s+(?:following|next|previous|same|day"
    r"|week|month|year|night|morning)|an?\s+(?:few\s+)?(?:day|week|month|year)|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|several|few|afterwards|previously|subsequently|in\s+the\s+meantime|meanwhile|at\s+the\s+time"
    r"|eventually|recently))"
)
# A capitalised "May" is the month only beside a day, a year or a word that points to time.
_MAY_CONTEXT = re.compile(r"(?:\b(?:in|on|of|since|until|till|by|from|to|early|late|mid|last|next|this)\s+)$", re.I)


def _month(name: str) -> str:
    word = name.rstrip(".").lower()
    return word if word in MONTHS else _MONTH_ABBREVIATIONS.get(word[:4], _MONTH_ABBREVIATIONS.get(word[:3], word))


def _day(token: str) -> str:
    return str(int(re.match(r"\d+", token).group()))  # type: ignore[union-attr]  # _DAY starts with digits


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Date and time mentions in ``text[start:end]``, in order."""
    end = len(text) if end is None else end
    found: list[Mention] = []
    done = start
    for candidate in _DATE_START.finditer(text, start, end):
        if candidate.start() < done:
            continue
        match = DATE_RE.match(text, candidate.start(), end)
        if match is None:
            continue
        done = match.end()
        groups = match.groupdict()
        key, group, core = _describe(groups)
        if not key:
            continue
        if (
            groups["m3"] == "May"
            and not groups["y3"]
            and not _MAY_CONTEXT.search(text, max(start, match.start() - 12), match.start())
        ):
            continue  # the modal verb at a sentence start, or a name
        found.append(Mention(FactKind.DATE, match.start(), match.end(), match.group(), key, group, core))
    return found


def _describe(groups: dict[str, str | None]) -> tuple[str, str, str]:
    """(key, group, core) for one match: what equals, what may change into what, what to look for."""
    for day_name, month_name, year_name, weekday_name in (("d1", "m1", "y1", "wd1"), ("d2", "m2", "y2", "wd2")):
        month = groups[month_name]
        if month:
            day = _day(groups[day_name] or "0")
            year = groups[year_name] or ""
            weekday = (groups[weekday_name] or "").lower()
            key = " ".join(part for part in (weekday, day, _month(month), year) if part)
            return key, "day", day
    if groups["seq"]:
        phrase = " ".join(groups["seq"].lower().split())
        return phrase, "sequence", phrase
    if groups["iso"]:
        year, month, day = groups["iso"].split("-")
        return f"{int(day)} {MONTHS[int(month) - 1]} {year}", "day", year
    if groups["rel"]:
        relative = groups["rel"].lower().replace("-", "")
        period = groups["rp"] or ""
        period = _month(period) if period[:1].isupper() else period.lower()
        return f"{relative} {period}", "relative", period
    if groups["m3"]:
        year = groups["y3"] or ""
        return f"{_month(groups['m3'])} {year}".strip(), "month", _month(groups["m3"])
    if groups["wd3"]:
        return groups["wd3"].lower(), "weekday", groups["wd3"].lower()
    if groups["decade"]:
        return groups["decade"].lower().removeprefix("the").strip(), "year", groups["decade"][-5:-1]
    if groups["year"]:
        return groups["year"], "year", groups["year"]
    if groups["clock"]:
        return _clock(groups["clock"]), "time", _clock(groups["clock"])
    if groups["day"]:
        return groups["day"].lower(), "relative", groups["day"].lower()
    return "", "", ""


def _clock(token: str) -> str:
    """ "9am", "9:00 a.m." and "09:00" share the key "09:00"."""
    digits = re.match(r"(\d+)(?::(\d+))?", token)
    assert digits is not None
    hour, minute = int(digits.group(1)), int(digits.group(2) or 0)
    lowered = token.lower().replace(".", "")
    if lowered.endswith("pm") and hour < 12:
        hour += 12
    elif lowered.endswith("am") and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"
