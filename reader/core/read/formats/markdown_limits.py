"""Shapes Python-Markdown cannot read in reasonable time, found in one linear pass before it runs.

The library is quadratic or recursive on a few shapes no article has: every unclosed ``[``
(and every ``(`` after ``](``) scans to the end of its paragraph in a Python loop, every link
rebuilds its paragraph's string, every unclosed ``<tag`` makes the HTML parser scan to the
next ``>`` (through the whole text), and each list marker or indent level is one more level
of recursion. This module estimates that work from the same counts and refuses the text with
one sentence when it would take more than a few seconds, instead of hanging or crashing.
The estimates are deliberately generous: a real article scores orders of magnitude below.
"""

from __future__ import annotations

import re

from reader.core.read.formats.errors import DocumentError

__all__ = ["MAX_NESTING", "check_markdown"]

# Python-Markdown recursed past Python's limit at about 400 levels; no article needs 100.
MAX_NESTING = 100
# Estimated library time, in nanoseconds, above which a text is refused (2 s; 3 s measured at worst).
_BUDGET_NS = 2_000_000_000
# Nanoseconds per unit of each kind of work, measured with Python-Markdown 3.11 on CPython 3.11.
_NS_PER_UNCLOSED_BRACKET_CHAR = 300  # getText's per-character loop
_NS_PER_UNCLOSED_PAREN_CHAR = 110  # getLink's per-character loop
_NS_PER_LINK_CHAR = 1  # rebuilding the paragraph string once per link
_NS_PER_TAG_SCAN_CHAR = 70  # html.parser's start-tag regex

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_BRACKETS = re.compile(r"\\.|[\[\]()]", re.DOTALL)
_START_TAG = re.compile(r"<[A-Za-z]")
# The containers a line opens: indentation, then list markers and quote marks.
_CONTAINERS = re.compile(r"^([ \t]*)((?:(?:[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]*)*)", re.MULTILINE)
_UNIT = re.compile(r"[-*+>]|\d{1,9}[.)]")

_ADVICE = "rename it .txt to read it as plain text"


def check_markdown(text: str, name: str) -> None:
    """Raise DocumentError when ``text`` would take Python-Markdown too long or too deep."""
    _check_nesting(text, name)
    unclosed = links = parens = 0
    for paragraph in _PARAGRAPH_BREAK.split(text):
        work = _bracket_work(paragraph)
        unclosed += work[0] * _NS_PER_UNCLOSED_BRACKET_CHAR
        links += work[1] * _NS_PER_LINK_CHAR
        parens += work[2] * _NS_PER_UNCLOSED_PAREN_CHAR
        if unclosed + links + parens > _BUDGET_NS:
            break  # refused already; the rest need not be counted
    tags = _tag_work(text) * _NS_PER_TAG_SCAN_CHAR
    costs = {
        "unclosed '['": unclosed,
        "links or brackets in one paragraph": links,
        "unclosed '(' after '](' ": parens,
        "unclosed HTML tags ('<' with no '>')": tags,
    }
    if sum(costs.values()) > _BUDGET_NS:
        worst = max(costs, key=lambda kind: costs[kind]).strip()
        raise DocumentError(f"{name}: too many {worst} to read as Markdown in reasonable time ({_ADVICE})")


def _check_nesting(text: str, name: str) -> None:
    for match in _CONTAINERS.finditer(text):
        indent, units = match.group(1), match.group(2)
        if not units:
            continue  # indentation alone (code, padding) opens no list or quote
        depth = len(_UNIT.findall(units)) + (len(indent) + 3 * indent.count("\t")) // 4
        if depth > MAX_NESTING:
            line = text.count("\n", 0, match.start()) + 1
            raise DocumentError(
                f"{name}: lists or quotes nested {depth} levels deep on line {line} "
                f"(Markdown is read up to {MAX_NESTING} levels; {_ADVICE})"
            )


def _bracket_work(paragraph: str) -> tuple[int, int, int]:
    """Characters scanned for unclosed '[', for rebuilding per '[', for unclosed '(' after '](' ."""
    length = len(paragraph)
    squares: list[int] = []
    rounds: list[int] = []
    opened = 0
    previous_end = -1
    previous = ""
    for match in _BRACKETS.finditer(paragraph):
        char = match.group()
        start = match.start()
        if char == "[":
            opened += 1
            squares.append(start)
        elif char == "]":
            if squares:
                squares.pop()
        elif char == "(":
            # Only a '(' right after ']' starts a link target that getLink scans.
            rounds.append(start if previous == "]" and previous_end == start else -1)
        elif char == ")" and rounds:
            rounds.pop()
        previous, previous_end = char, match.end()
    unclosed = sum(length - start for start in squares)
    parens = sum(length - start for start in rounds if start >= 0)
    return unclosed, opened * length, parens


def _tag_work(text: str) -> int:
    """Characters html.parser scans for start tags: to the next '>', or the end when none."""
    work = 0
    resume = 0
    length = len(text)
    last_close = text.rfind(">")
    for match in _START_TAG.finditer(text):
        start = match.start()
        if start < resume:
            continue  # inside a tag already parsed
        if start > last_close:  # no '>' left: this and every later '<' scans to the end
            return work + sum(length - m.start() for m in _START_TAG.finditer(text, start))
        close = text.find(">", start)
        work += close - start
        resume = close + 1
    return work
