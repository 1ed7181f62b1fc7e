"""Pieces -> the final ``Document.text`` and block offsets.

Every reader produces ``(kind, text)`` pieces; this is the one place that enforces the
layout contract: blocks are stripped, never contain a blank line, and are joined by
exactly one blank line, so ``text[block.start:block.end]`` is the block's text.
"""

from __future__ import annotations

import re

from reader.core.model import Block, BlockKind

Piece = tuple[BlockKind, str]

# A line holding nothing but whitespace ends a block (same rule as str.isspace()).
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def split_blank_lines(text: str) -> list[str]:
    """The non-empty runs of non-blank lines in ``text``, each stripped."""
    return [part.strip() for part in _BLANK_LINE.split(text) if part.strip()]


def assemble(pieces: list[Piece]) -> tuple[str, tuple[Block, ...]]:
    """Join the pieces into text and blocks; empty pieces vanish, blank lines split a piece."""
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for kind, raw in pieces:
        for part in split_blank_lines(raw):
            if parts:
                offset += 2  # the "\n\n" separator
            parts.append(part)
            blocks.append(Block(kind, offset, offset + len(part)))
            offset += len(part)
    return "\n\n".join(parts), tuple(blocks)


def promote_leading_heading(pieces: list[Piece]) -> list[Piece]:
    """Without a title block, a leading heading is the headline (office files style it so)."""
    if any(kind is BlockKind.TITLE for kind, _ in pieces):
        return pieces
    first = next((index for index, (_, text) in enumerate(pieces) if text.strip()), None)
    if first is not None and pieces[first][0] is BlockKind.HEADING:
        pieces = list(pieces)
        pieces[first] = (BlockKind.TITLE, pieces[first][1])
    return pieces
