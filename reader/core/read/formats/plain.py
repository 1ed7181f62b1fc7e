"""Plain text -> pieces.

Blocks are the runs of non-blank lines; inside a block the lines stay exactly as
written (single newlines included), because a .txt file's text *is* its display.
Only whole lines are split off as blocks of their own: a headline, a byline, a
dateline, "#" headings and list items. Nothing is removed, not even list markers,
so every word of the file reaches ``Document.text``.

Some files put one paragraph on each line with no blank lines between them (exports of
web articles, corpora). ``one_paragraph_per_line`` tells them from hard-wrapped prose by
their line lengths and line ends; in such a file every line is a block of its own.
"""

from __future__ import annotations

import re

from reader.core.model import BlockKind
from reader.core.read.formats.classify import HASH_HEADING, LIST_MARKER, is_byline, is_dateline, looks_like_heading
from reader.core.read.formats.layout import Piece

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# A line that ends like a sentence: final punctuation, maybe footnote marks and closing quotes.
_SENTENCE_LINE_END = re.compile(r"[.!?…:](?:\[\w{1,3}\])*[\"'”’»«)\]]*$")
# Lines shorter than this are headlines, list items or the last line of a paragraph:
# they say nothing about how the file breaks its lines.
_PROSE_LINE = 40
# Hard-wrapped prose is wrapped at 60-80 characters, almost never beyond 100.
_LONGER_THAN_WRAPPING = 100
_BULLET = re.compile(r"^\s*[-*+•]\s+\S")
# The characters a list marker (classify.LIST_MARKER) starts with, digits aside.
_LIST_STARTS = frozenset("-*+•–")
# Bylines are only trusted among the first lines of an article.
_BYLINE_ZONE_LINES = 8


def plain_pieces(text: str) -> list[Piece]:
    """Split normalised plain text (LF line ends) into typed pieces."""
    raw_blocks = [_trim_blank_lines(part) for part in _BLANK_LINE.split(text) if part.strip()]
    if one_paragraph_per_line(raw_blocks):
        raw_blocks = [line for raw in raw_blocks for line in raw.split("\n") if line.strip()]
    pieces: list[Piece] = []
    lines_seen = 0
    have_title = False
    for block_index, raw in enumerate(raw_blocks):
        lines = raw.split("\n")
        is_last = block_index == len(raw_blocks) - 1
        if block_index == 0:
            lines, title = _split_headline(lines, has_more=len(raw_blocks) > 1)
            if title is not None:
                pieces.append((BlockKind.TITLE, title))
                have_title = True
                lines_seen += 1
        block_pieces = _split_block(lines, lines_seen)
        if (
            len(block_pieces) == 1
            and block_pieces[0][0] is BlockKind.PARAGRAPH
            and block_index > 0
            and not is_last
            and "\n" not in block_pieces[0][1].strip()
            and looks_like_heading(block_pieces[0][1].strip())
        ):
            # A lone short line between paragraphs is a subhead.
            block_pieces = [(BlockKind.HEADING, block_pieces[0][1])]
        for kind, piece_text in block_pieces:
            if kind is BlockKind.HEADING and not have_title and not pieces and piece_text.lstrip().startswith("# "):
                kind = BlockKind.TITLE  # a leading "# Title" is the headline
            have_title = have_title or kind is BlockKind.TITLE
            pieces.append((kind, piece_text))
        lines_seen += len(lines)
    return pieces


def one_paragraph_per_line(raw_blocks: list[str]) -> bool:
    """Whether the lines inside blocks are whole paragraphs rather than hard-wrapped lines.

    Only the prose lines of blocks with more than one line count. Paragraph per line: most
    are longer than any usual wrap width and most of those end like a sentence, or (short
    paragraphs) nearly all end like a sentence and their lengths are not bunched below one
    width. Hard-wrapped lines sit near a fixed width and mostly end mid-sentence.
    """
    lengths: list[int] = []
    sentence_ends: list[bool] = []
    for raw in raw_blocks:
        if "\n" not in raw:
            continue
        for line in raw.split("\n"):
            stripped = line.strip()
            if stripped:
                lengths.append(len(stripped))
                sentence_ends.append(_SENTENCE_LINE_END.search(stripped) is not None)
    prose = [length for length in lengths if length >= _PROSE_LINE]
    long_ends = [end for length, end in zip(lengths, sentence_ends, strict=False) if length > _LONGER_THAN_WRAPPING]
    if len(prose) >= 2 and len(long_ends) * 2 >= len(prose):
        return sum(long_ends) >= 0.7 * len(long_ends)
    # Short paragraphs: every line counts, the last line of a wrapped paragraph included.
    if len(lengths) < 4 or sum(sentence_ends) < 0.9 * len(lengths):
        return False
    width = sorted(lengths)[len(lengths) * 9 // 10]
    near_width = sum(1 for length in lengths if length >= 0.85 * width)
    return near_width * 2 < len(lengths)


def _trim_blank_lines(part: str) -> str:
    """Drop whitespace-only lines at the start and end (possible at the very edges of the text)."""
    lines = part.split("\n")
    while not lines[0].strip():
        del lines[0]
    while not lines[-1].strip():
        del lines[-1]
    return "\n".join(lines)


def _split_headline(lines: list[str], *, has_more: bool) -> tuple[list[str], str | None]:
    """Take the first line off as the headline when it reads like one.

    In hard-wrapped prose a short first line only happens when the next word did not
    fit; if it would have fitted within the block's width, the break was deliberate.
    """
    first = lines[0].strip()
    if not looks_like_heading(first) or is_byline(first) or is_dateline(first) or HASH_HEADING.match(first):
        return lines, None
    if len(lines) == 1:
        return ([], first) if has_more else (lines, None)
    following = lines[1].strip()
    if LIST_MARKER.match(lines[1]) or is_byline(following) or is_dateline(following):
        return lines[1:], first
    width = max(len(line.rstrip()) for line in lines[1:])
    next_word = following.split()[0]
    # A wrapped sentence goes on in lower case; a new paragraph after a headline does not.
    starts_anew = next_word[0].isupper() or next_word[0].isdigit() or next_word[0] in "„“‘«»\"'"
    if starts_anew and len(first) + 1 + len(next_word) <= width:
        return lines[1:], first
    return lines, None


def _list_may_start(line: str, paragraph: list[str]) -> bool:
    """Whether a list marker inside a paragraph really starts a list.

    A bullet ("-", "*", "+", "•") at the start of a line is a list; a number or an en
    dash is too, after a line ending in a colon, but otherwise more likely a wrapped
    date ("12. March") or dash.
    """
    return bool(_BULLET.match(line)) or paragraph[-1].rstrip().endswith(":")


def _split_block(lines: list[str], lines_before: int) -> list[Piece]:
    """One run of non-blank lines -> paragraph, list items and standalone lines."""
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
        # The first visible character rules out most lines before any pattern runs: a "#"
        # heading starts with "#", a list item with a bullet, dash or digit.
        first = stripped[:1]
        in_list = current_kind is BlockKind.LIST_ITEM
        if first == "#" and HASH_HEADING.match(line) and (not current or in_list):
            flush()
            pieces.append((BlockKind.HEADING, line))
        elif (
            (first in _LIST_STARTS or first.isdigit())
            and LIST_MARKER.match(line)
            and (not current or in_list or _list_may_start(line, current))
        ):
            flush()
            current, current_kind = [line], BlockKind.LIST_ITEM
        elif len(stripped) <= 80 and is_dateline(stripped):
            flush()
            pieces.append((BlockKind.DATELINE, line))
        elif lines_before + offset < _BYLINE_ZONE_LINES and is_byline(stripped):
            flush()
            pieces.append((BlockKind.BYLINE, line))
        else:
            current.append(line)  # continuation lines of a list item stay with it
    flush()
    return pieces
