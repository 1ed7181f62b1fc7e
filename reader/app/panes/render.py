"""Build a pane's QTextDocument from a Document and its style runs, fast.

Text goes in with ``QTextCursor.insertText(piece, format)`` one run at a time (measured far
faster than ``setHtml`` and than per-paint highlighters on megabyte documents). Each
document block becomes one QTextBlock; the blank line between blocks is not inserted, so a
:class:`PaneMap` translates between text offsets and positions in the pane.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Generator, Sequence

from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from reader.app.palette import Palette
from reader.app.worker.runs import PaneRuns, Style
from reader.core.marks import Side, SpanKind
from reader.core.model import BlockKind, Document, Sentence

LINE_HEIGHT_PERCENT = 140
PARAGRAPH_GAP_PX = 12
DOCUMENT_MARGIN_PX = 28
LINE_SEPARATOR = "\u2028"  # a soft line break inside one QTextBlock keeps offsets 1:1
WORD_MARK = QTextFormat.Property.UserProperty + 1  # set on changed words: highlights leave them visible


class PaneMap:
    """Sentence index <-> position in the pane, and text offset <-> position."""

    def __init__(
        self,
        block_starts: list[int],
        block_ends: list[int],
        block_positions: list[int],
        sentences: Sequence[Sentence],
    ) -> None:
        self._block_starts = block_starts
        self._block_ends = block_ends
        self._block_positions = block_positions
        self.sentences = sentences
        self._sentence_positions = [self.position(s.start) for s in sentences]

    def position(self, offset: int) -> int:
        """Pane position of a character offset in ``Document.text`` (gaps map to the next block)."""
        index = bisect_right(self._block_starts, offset) - 1
        if index < 0:
            return 0
        inside = min(offset, self._block_ends[index]) - self._block_starts[index]
        return self._block_positions[index] + inside

    def offset(self, position: int) -> int:
        """Character offset in ``Document.text`` of a pane position."""
        index = bisect_right(self._block_positions, position) - 1
        if index < 0:
            return 0
        length = self._block_ends[index] - self._block_starts[index]
        return self._block_starts[index] + min(position - self._block_positions[index], length)

    def sentence_range(self, index: int) -> tuple[int, int]:
        """Pane positions ``[start, end)`` of sentence ``index``."""
        sentence = self.sentences[index]
        return self._sentence_positions[index], self.position(sentence.end)

    def sentence_at_or_after(self, position: int) -> int | None:
        """The sentence holding ``position``, else the next one (None past the last)."""
        index = self.sentence_at(position)
        if index is not None:
            return index
        following = bisect_right(self._sentence_positions, position)
        return following if following < len(self.sentences) else None

    def sentence_at(self, position: int) -> int | None:
        """Index of the sentence containing a pane position, or None between sentences."""
        index = bisect_right(self._sentence_positions, position) - 1
        if index < 0:
            return None
        start, end = self.sentence_range(index)
        return index if start <= position < end else None


class FormatBook:
    """Character and block formats for one pane side, built once per palette and cached."""

    def __init__(self, palette: Palette, side: Side) -> None:
        self.palette = palette
        self.side = side
        self._char: dict[tuple[BlockKind, Style | None], QTextCharFormat] = {}
        self._block: dict[BlockKind, QTextBlockFormat] = {}

    def block_format(self, kind: BlockKind) -> QTextBlockFormat:
        fmt = self._block.get(kind)
        if fmt is None:
            fmt = QTextBlockFormat()
            fmt.setLineHeight(LINE_HEIGHT_PERCENT, 1)  # 1 = ProportionalHeight
            fmt.setBottomMargin(PARAGRAPH_GAP_PX)
            if kind is BlockKind.HEADING:
                fmt.setTopMargin(PARAGRAPH_GAP_PX)
            elif kind is BlockKind.TITLE:
                fmt.setBottomMargin(PARAGRAPH_GAP_PX * 1.5)
            elif kind is BlockKind.QUOTE:
                fmt.setLeftMargin(24)
                fmt.setRightMargin(24)
            elif kind is BlockKind.LIST_ITEM:
                fmt.setLeftMargin(18)
                fmt.setBottomMargin(PARAGRAPH_GAP_PX / 2)
            self._block[kind] = fmt
        return fmt

    def char_format(self, kind: BlockKind, style: Style | None) -> QTextCharFormat:
        key = (kind, style)
        fmt = self._char.get(key)
        if fmt is None:
            fmt = self._block_char_format(kind)
            if style is not None:
                fmt.merge(self.mark_format(style))
            self._char[key] = fmt
        return fmt

    def _block_char_format(self, kind: BlockKind) -> QTextCharFormat:
        fmt = QTextCharFormat()
        # Relative sizes (like HTML's <font size=+n>) so zooming the default font scales them.
        if kind is BlockKind.TITLE:
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 2)
            fmt.setFontWeight(QFont.Weight.Bold)
        elif kind is BlockKind.HEADING:
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 1)
            fmt.setFontWeight(QFont.Weight.Bold)
        elif kind in (BlockKind.BYLINE, BlockKind.DATELINE):
            fmt.setFontItalic(True)
            fmt.setForeground(QColor(self.palette.muted_text))
        elif kind is BlockKind.QUOTE:
            fmt.setFontItalic(True)
        return fmt

    def mark_format(self, style: Style) -> QTextCharFormat:
        """The highlight for one style on this side, without any block-level font."""
        palette = self.palette
        fmt = QTextCharFormat()
        is_a = self.side is Side.A
        if style.span is SpanKind.ONLY:
            fmt.setBackground(QColor(palette.only_a if is_a else palette.only_b))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(palette.deleted_line if is_a else palette.inserted_line))
        elif style.span is SpanKind.MOVED:
            fmt.setBackground(QColor(palette.moved))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(QColor(palette.moved_line))
        if style.changed:
            fmt.setProperty(WORD_MARK, True)
            light = style.span is SpanKind.REWRITTEN
            if is_a:
                fmt.setBackground(QColor(palette.deleted_light if light else palette.deleted))
                fmt.setFontStrikeOut(True)
            else:
                fmt.setBackground(QColor(palette.inserted_light if light else palette.inserted))
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(palette.inserted_line))
        return fmt


def build_pane_document(
    target: QTextDocument,
    document: Document,
    sentences: Sequence[Sentence],
    runs: PaneRuns,
    formats: FormatBook,
) -> PaneMap:
    """Replace ``target``'s content with ``document`` painted with ``runs``; return its map."""
    steps = pane_document_steps(target, document, sentences, runs, formats)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]  # the generator's PaneMap


# Blocks filled between two turns of the event loop when a large document is built in steps.
BLOCKS_PER_STEP = 400


def pane_document_steps(
    target: QTextDocument,
    document: Document,
    sentences: Sequence[Sentence],
    runs: PaneRuns,
    formats: FormatBook,
) -> Generator[None, None, PaneMap]:
    """``build_pane_document`` a few hundred blocks at a time: it yields between them and
    returns the map, so a caller on a timer keeps the event loop running on a large text."""
    target.clear()
    cursor = QTextCursor(target)
    cursor.beginEditBlock()
    text = document.text
    run_list = runs.runs
    run_index = 0
    block_starts: list[int] = []
    block_ends: list[int] = []
    block_positions: list[int] = []
    for number, block in enumerate(document.blocks):
        if number and number % BLOCKS_PER_STEP == 0:
            yield
        block_fmt = formats.block_format(block.kind)
        plain = formats.char_format(block.kind, None)
        if number == 0:
            cursor.setBlockFormat(block_fmt)
            cursor.setBlockCharFormat(plain)
        else:
            cursor.insertBlock(block_fmt, plain)
        block_starts.append(block.start)
        block_ends.append(block.end)
        block_positions.append(cursor.position())
        pos = block.start
        while run_index < len(run_list) and run_list[run_index].end <= pos:
            run_index += 1
        scan = run_index
        while pos < block.end:
            run = run_list[scan] if scan < len(run_list) else None
            if run is None or run.start >= block.end:
                cursor.insertText(text[pos : block.end].replace("\n", LINE_SEPARATOR), plain)
                break
            if run.start > pos:
                cursor.insertText(text[pos : run.start].replace("\n", LINE_SEPARATOR), plain)
                pos = run.start
            end = min(run.end, block.end)
            piece = text[pos:end].replace("\n", LINE_SEPARATOR)
            cursor.insertText(piece, formats.char_format(block.kind, run.style))
            pos = end
            if run.end <= block.end:
                scan += 1
        run_index = scan
    cursor.endEditBlock()
    return PaneMap(block_starts, block_ends, block_positions, sentences)
