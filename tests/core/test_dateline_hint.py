"""The plain-text reader's cheap date hint never hides a dateline.

``is_dateline`` now asks a cheap question (a month's first letters, digits shaped like a
numeric date) before searching the slow date pattern; the reference below is the check as
it was before, searching the date pattern straight away. Both must agree on every line.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.read.formats import classify
from reader.core.read.formats.classify import is_dateline


def dateline_reference(line: str) -> bool:
    """``is_dateline`` without the hint: the date pattern is searched on every candidate."""
    if len(line) > 80 or "\n" in line or not classify._DIGIT.search(line) or len(line.split()) > 10:
        return False
    if not classify._DATE_CORE.search(line):
        return False
    rest = classify._DATE_CORE.sub(" ", line)
    rest = classify._TIME.sub(" ", rest)
    rest = classify._DATE_FILLER.sub(" ", rest)
    place_words = [word for word in classify._PUNCTUATION.split(rest) if word]
    return len(place_words) <= 3 and all(word[0].isupper() for word in place_words)


# Pieces of datelines and of lines that only look like them: month names in every case and
# language the pattern knows (with non-ASCII and case-folding oddities), numbers and dates.
PIECES = [
    "3",
    "12",
    "2025",
    "03.03.2025",
    "2025-03-03",
    "1/2/24",
    "9-2",
    "0.1.0",
    " ",
    ", ",
    ". ",
    "-",
    "March",
    "MARCH",
    "mar",
    "Sept",
    "sept.",
    "MÄRZ",
    "März",
    "mär",
    "Jänner",
    "Février",
    "AOÛT",
    "décembre",
    "diciembre",
    "Mayo",
    "Dez",
    "okt",
    "ſeptember",
    "İ",
    "Mai",
    "Berlin",
    "New York",
    "Updated:",
    "by",
    "th",
    "st",
    "de",
    "Monday",
    "10:30",
    "a.m.",
    "generic",
    "declare",
    "Listing",
    "let x = 5;",
    "UTC",
    "K",
    "\u00a0",
]
LINES = st.lists(st.sampled_from(PIECES), min_size=1, max_size=9).map("".join)


@settings(max_examples=600, deadline=None)
@given(LINES)
def test_dateline_check_matches_the_reference(line: str) -> None:
    assert is_dateline(line) == dateline_reference(line)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_dateline_check_matches_the_reference_on_any_text(line: str) -> None:
    assert is_dateline(line) == dateline_reference(line)


def test_real_datelines_are_still_found() -> None:
    for line in ["March 3, 2025", "Berlin, 3. März 2025", "2025-03-03 10:30 UTC", "Updated: 12 Sept 2024"]:
        assert is_dateline(line) and dateline_reference(line)
    assert not is_dateline("Listing 9-2: let x = 5;")
