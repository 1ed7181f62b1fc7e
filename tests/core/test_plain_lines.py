"""The plain-text reader's per-line shortcuts give the blocks the line-by-line checks gave.

``_split_block`` now looks at a line's first visible character before running the heading
and list patterns, and at its length before the dateline check. The reference below is the
loop as it was, running every check on every line; both must cut every block the same way.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.model import BlockKind
from reader.core.read.formats import plain
from reader.core.read.formats.classify import HASH_HEADING, LIST_MARKER, is_byline, is_dateline
from reader.core.read.formats.layout import Piece


def split_block_reference(lines: list[str], lines_before: int) -> list[Piece]:
    """The line loop without shortcuts: every pattern on every line."""
    pieces: list[Piece] = []
    current: list[str] = []
    current_kind = BlockKind.PARAGRAPH

    def flush() -> None:
        nonlocal current, current_kind
        if current:
            pieces.append((current_kind, "\n".join(current)))
        current, current_kind = [], BlockKind.PARAGRAPH

    for offset, line in enumerate(lines):
        stripped = line.strip()
        in_list = current_kind is BlockKind.LIST_ITEM
        if HASH_HEADING.match(line) and (not current or in_list):
            flush()
            pieces.append((BlockKind.HEADING, line))
        elif LIST_MARKER.match(line) and (not current or in_list or plain._list_may_start(line, current)):
            flush()
            current, current_kind = [line], BlockKind.LIST_ITEM
        elif is_dateline(stripped):
            flush()
            pieces.append((BlockKind.DATELINE, line))
        elif lines_before + offset < 8 and is_byline(stripped):
            flush()
            pieces.append((BlockKind.BYLINE, line))
        else:
            current.append(line)
    flush()
    return pieces


# Line starts and contents that matter to the checks: markers, digits of other scripts (the
# patterns' \d is any decimal digit), Unicode spaces, long lines, dates and bylines.
PIECES = [
    "#",
    "## ",
    "####### ",
    "- ",
    "* ",
    "+ ",
    "• ",
    "– ",
    "1. ",
    "12) ",
    "1234. ",
    "٣. ",
    "² ",
    "\u00a0",
    "\u2003",
    "\t",
    " ",
    "By Jane Doe",
    "Berlin, 3 March 2025",
    "2025-03-03",
    "text",
    "Text:",
    "x" * 70,
    "word ",
    "9-2",
    ".",
]
LINES = st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join).filter(lambda s: s.strip())


@settings(max_examples=500, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=8), st.integers(0, 10))
def test_split_block_matches_the_line_by_line_reference(lines: list[str], lines_before: int) -> None:
    assert plain._split_block(lines, lines_before) == split_block_reference(lines, lines_before)


def test_headings_lists_and_datelines_are_still_cut_out() -> None:
    lines = ["Intro line:", "- first item", "  goes on", "## Section", "Berlin, 3 March 2025", "Body text."]
    kinds = [kind for kind, _ in plain._split_block(lines, 20)]
    assert kinds == [
        BlockKind.PARAGRAPH,
        BlockKind.LIST_ITEM,
        BlockKind.HEADING,
        BlockKind.DATELINE,
        BlockKind.PARAGRAPH,
    ]
    assert plain._split_block(lines, 20) == split_block_reference(lines, 20)
