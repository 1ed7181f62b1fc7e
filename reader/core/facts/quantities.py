"""Numbers and quantities in English prose, with the qualifier that bounds them.

"about 11,000 vehicles", "more than 6,000 signatures", "£18.4 million", "nine votes to four",
"dozens of homes", "a 12% rise", "no more than £14". Hand-written: the number-word parsers on
PyPI (word2number, text2num) turn whole strings into values but do not find mentions in a
sentence or keep their qualifiers, and a few dozen words cover what news prose writes out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Context, Decimal

from reader.core.facts.mention import WORD_START, Mention, lowered
from reader.core.model import FactKind

_UNITS_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
    " eighteen nineteen"
).split()
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES = {word: value for value, word in enumerate(_UNITS_WORDS)} | {
    word: 20 + 10 * k for k, word in enumerate(_TENS_WORDS)
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 10**9,
    "trillion": 10**12,
    "bn": 10**9,
    "m": 10**6,
    "k": 1_000,
}
# Vague amounts keep their word as the value: "dozens" differs from "hundreds", not from "dozens".
VAGUE = (
    "for years",
    "for months",
    "for weeks",
    "for decades",
    "increasing numbers",
    "growing numbers",
    "a growing number",
    "a rising number",
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "decades",
    "a few",
    "several",
    "half",
    "a third",
    "a quarter",
    "two-thirds",
    "three-quarters",
)

# Qualifiers by what they say about the true value; "about" and no qualifier both mean "this
# much", so a rewrite that drops "about" is not a changed claim, one that turns "more than" into
# "about" is.
_QUALIFIER_CLASSES = {
    "approximately": "about|around|roughly|approximately|some|an estimated|estimated|close to",
    "almost": "almost|nearly|just under|just short of|not quite",
    "at least": "more than|over|above|at least|upwards of|in excess of|as many as|as much as|just over|well over"
    "|no fewer than|no less than|not less than",
    "at most": "up to|fewer than|less than|under|below|at most|no more than|not more than|a maximum of",
    "exactly": "exactly|precisely|only|just",
}
QUALIFIERS = {word: name for name, words in _QUALIFIER_CLASSES.items() for word in words.split("|")}
# "almost" and "nearly" say "a little less than": "almost 30%" made "30%" rounds a figure up.

_NUMBER_WORD = "|".join(
    sorted(
        list(WORD_VALUES) + ["a hundred", "a thousand", "a million", "a billion", "a dozen", "dozen"],
        key=len,
        reverse=True,
    )
)
_SCALE = r"(?:hundred|thousand|million|billion|trillion|bn|m|k)"
_CURRENCY = r"(?:[£$€¥]|us\$|a\$|c\$)"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNIT = (
    r"%|per\s?cent|percent|percentage points?|km/h|kph|km|kilomet(?:re|er)s?\s+(?:per|an)\s+hour|kilomet(?:re|er)s?"
    r"|miles?\s+(?:per|an)\s+hour|miles?|centimet(?:re|er)s?|millimet(?:re|er)s?|met(?:re|er)s?|cm|mm|kg|kilos?|kilograms?"
    r"|tonnes?|tons?|grams?|litres?|liters?|gallons?|hectares?|acres?|feet|foot|ft|inches|degrees?"
    r"|pounds|dollars|euros|pence|cents|yen|mph"
    r"|years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|times"
)
_QUALIFIER = "|".join(sorted((re.escape(q).replace(r"\ ", r"\s+") for q in QUALIFIERS), key=len, reverse=True))
_VAGUE = "|".join(re.escape(v) for v in sorted(VAGUE, key=len, reverse=True))

# Matched on lower-cased text (see ``lowered``).
NUMBER_RE = re.compile(
    WORD_START + rf"(?:\b(?P<qual>{_QUALIFIER})\s+)?"
    rf"(?:(?P<cur>{_CURRENCY})\s?)?"
    r"(?:"
    rf"(?P<digits>(?<![\w.,]){_DIGITS})(?![\w,]?\d)"
    rf"|\b(?P<words>(?:{_NUMBER_WORD})(?:[\s-](?:{_NUMBER_WORD}))*)\b"
    rf"|\b(?P<vague>{_VAGUE})\b"
    r")"
    rf"(?:\s?(?P<scale>{_SCALE})\b)?"
    rf"(?:[\s-]?(?P<unit>{_UNIT})(?![a-z]))?",
)
# The words a quantity can be made of, and those of its qualifiers, for deciding what a
# change touches: a changed qualifier matters only beside an amount.
NUMBER_WORDS = frozenset(
    word for phrase in [*WORD_VALUES, *SCALES, *VAGUE, "dozen"] for word in re.split(r"[\s-]+", phrase)
) - {"a", "an", "m", "k"}
QUALIFIER_WORDS = frozenset(word for phrase in QUALIFIERS for word in phrase.split()) - {"a", "an", "of", "to", "as"}
# A bare "one" is usually a pronoun or an article ("one of the girders"); it counts only
# as an amount of something measured: "one million", "£1", "one year".
_WEAK_WORDS = frozenset({"one", "a hundred", "a thousand", "zero"})


# Digits beyond this are an identifier or a pasted key, not an amount: such a number is
# compared as its string of digits and shown shortened, never turned into a value.
MAX_DIGITS = 30
# Enough precision for MAX_DIGITS digits times the largest scale, so no product is rounded.
_EXACT = Context(prec=MAX_DIGITS + 20)


def _word_value(words: str) -> int | None:
    """The value of number words ("two hundred and five", "a dozen", "two dozen"); exact."""
    total, current = 0, 0
    for part in re.split(r"[\s-]+", words.lower()):
        if part == "a":
            current = current or 1
        elif part in WORD_VALUES:
            current += WORD_VALUES[part]
        elif part == "hundred":
            current = (current or 1) * 100
        elif part == "dozen":
            current = (current or 1) * 12
        elif part in SCALES:
            total += (current or 1) * SCALES[part]
            current = 0
        elif part != "and":
            return None
    return total + current


def exact_value(digits: str, scale: int = 1) -> str:
    """ "2.4" times a million as "2,400,000": exact, never through a float ("1.10" is "1.1")."""
    plain = digits.replace(",", "")
    if len(plain) > MAX_DIGITS:
        return plain if scale == 1 else f"{plain}×{scale:,}"  # compared as written
    value = _EXACT.multiply(Decimal(plain), Decimal(scale))
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize(_EXACT):,f}"


def shortened(digits: str) -> str:
    """A number too long to be an amount, as shown: its ends and how many digits it has."""
    plain = digits.replace(",", "")
    return plain if len(plain) <= MAX_DIGITS else f"{plain[:6]}…{plain[-4:]} ({len(plain)} digits)"


def find_numbers(
    text: str, start: int = 0, end: int | None = None, skip: Iterable[tuple[int, int]] = ()
) -> list[Mention]:
    """Quantities in ``text[start:end]``, leaving out the spans in ``skip`` (dates found first)."""
    end = len(text) if end is None else end
    taken = sorted(skip)
    found: list[Mention] = []
    lower = lowered(text, start, end)
    for match in NUMBER_RE.finditer(lower):
        if any(low < match.end() + start and match.start() + start < high for low, high in taken):
            continue
        mention = _describe(match, text, start)
        if mention is not None:
            found.append(mention)
    return found


def _describe(match: re.Match[str], text: str, offset: int) -> Mention | None:
    groups = match.groupdict()
    original = text[offset + match.start() : offset + match.end()]
    scale = (groups["scale"] or "").lower()
    unit = groups["unit"] or ""
    currency = (groups["cur"] or "").upper()
    if scale in ("m", "k") and not currency:  # "5m" is five metres, "k" a kilo: not a scale
        if groups["digits"] is None:
            return None
        key_value, core = _digits_value(groups, "")
    elif groups["vague"]:
        key_value = core = groups["vague"].lower().removeprefix("for ")  # "for decades" is "decades"
    elif groups["words"]:
        words = groups["words"].lower()
        if words in _WEAK_WORDS and not (scale or unit or currency):
            return None
        value = _word_value(words)
        if value is None:
            return None
        key_value = f"{value * SCALES.get(scale, 1):,}"
        core = words
    else:
        key_value, core = _digits_value(groups, scale)
    return _mention(match, original, offset, groups, key_value, unit, currency, core)


def _digits_value(groups: dict[str, str | None], scale: str) -> tuple[str, str]:
    """The key value and the core of a number written in digits ("2.4" and "million")."""
    digits = groups["digits"] or "0"
    return exact_value(digits, SCALES.get(scale, 1)), digits


def _mention(
    match: re.Match[str],
    original: str,
    offset: int,
    groups: dict[str, str | None],
    value: str,
    unit: str,
    currency: str,
    core: str,
) -> Mention:
    qualifier = QUALIFIERS.get(re.sub(r"\s+", " ", (groups["qual"] or "").lower()), "")
    if not qualifier and "dozen" in core:
        qualifier = "approximately"  # "a dozen" is a round number, as "about 12" is
    unit = unit_name(unit)
    measure = currency or unit or "count"
    key = f"{qualifier}|{currency}{value}|{unit}"
    digits = groups["digits"] or ""
    phrase = original.replace(digits, shortened(digits)) if len(digits) > MAX_DIGITS else ""
    return Mention(FactKind.NUMBER, offset + match.start(), offset + match.end(), original, key, measure, core, phrase)


# One name for each unit however it is spelled: "5km" and "five kilometres" are one distance.
_UNIT_NAMES = {
    "per cent": "%",
    "percent": "%",
    "percentage point": "points",
    "percentage points": "points",
    "kilometre": "km",
    "kilometer": "km",
    "kilometre per hour": "km/h",
    "kilometer per hour": "km/h",
    "kilometres per hour": "km/h",
    "kilometers per hour": "km/h",
    "kilometres an hour": "km/h",
    "kilometers an hour": "km/h",
    "kph": "km/h",
    "mile per hour": "mph",
    "miles per hour": "mph",
    "miles an hour": "mph",
    "mile an hour": "mph",
    "centimetre": "cm",
    "centimeter": "cm",
    "millimetre": "mm",
    "millimeter": "mm",
    "meter": "metre",
    "kilo": "kg",
    "kilogram": "kg",
    "liter": "litre",
    "foot": "ft",
    "feet": "ft",
    "gram": "g",
}


def unit_name(unit: str) -> str:
    """The one spelling of a unit: singular, and its symbol where it has one."""
    unit = re.sub(r"\s+", " ", unit.lower())
    if unit in _UNIT_NAMES:
        return _UNIT_NAMES[unit]
    if unit.endswith("s") and len(unit) > 3 and unit != "times":
        unit = unit[:-1]
    return _UNIT_NAMES.get(unit, unit)


def value_key(mention: Mention) -> str:
    """The key without the qualifier: equal when only "about" became "more than"."""
    return mention.key.split("|", 1)[1]


def qualifier_of(mention: Mention) -> str:
    return mention.key.split("|", 1)[0]
