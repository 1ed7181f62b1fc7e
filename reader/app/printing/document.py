"""Share a comparison: the HTML report, and a printable side-by-side document (print / PDF).

The print document is a two-column table with one row per aligned unit or unique sentence
in reading order, so what A and B say about the same thing sits on the same line of paper.
It is painted with the same character formats as the panes (light palette: paper is white),
and followed by the lists of sentences found in one text only.
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextListFormat,
    QTextTableFormat,
)
from PySide6.QtPrintSupport import QPrinter

from reader.app.palette import LIGHT, Palette
from reader.app.panes.navigation import reading_rows
from reader.app.panes.render import LINE_SEPARATOR, FormatBook
from reader.app.worker.service import CompareResult, PaneContent
from reader.core.facts.summary import KIND_TITLES, STATUS_LABELS, by_kind, claims_of, folded, summary
from reader.core.marks import Side
from reader.core.model import BlockKind, Comparison
from reader.core.outputs import output_conflict, write_output
from reader.export.html_export import comparison_to_html

PRINT_POINT_SIZE = 9.5
PAGE_MARGIN_MM = 12.0


class ExportError(ValueError):
    """An export that cannot be done; the message is shown to the user as is."""


def _check_target(target: Path, shown: list[Path]) -> None:
    # By file identity, not by path: a hard link or a symlink to a compared file is that file.
    problem = output_conflict(target, shown)
    if problem and target.is_dir():
        raise ExportError(f"“{target.name}” is a folder; choose a file name for the export.")
    if problem:
        raise ExportError(f"“{target.name}” is one of the compared files; choose another name for the export.")


def write_report(result: CompareResult, target: Path) -> Path:
    """Write the self-contained HTML report (the same as ``tandem compare --format html``)."""
    if result.comparison is None:
        raise ExportError("Open two articles before exporting a report.")
    _check_target(target, _shown_paths(result))
    try:
        write_output(target, comparison_to_html(result.comparison))
    except OSError as error:
        raise ExportError(f"Cannot write “{target.name}”: {error.strerror or error}") from error
    return target


def _shown_paths(result: CompareResult) -> list[Path]:
    # Only files can be overwritten by an export; links are never written to.
    return [content.path for content in (result.a, result.b) if content is not None and isinstance(content.path, Path)]


def _paint_range(
    cursor: QTextCursor, content: PaneContent, start: int, end: int, formats: FormatBook, starts: list[int]
) -> None:
    """Insert ``text[start:end]`` of a pane with its highlight runs."""
    text = content.document.text
    runs = content.runs.runs
    plain = formats.char_format(BlockKind.PARAGRAPH, None)
    index = max(0, bisect_right(starts, start) - 1)
    position = start
    while position < end:
        while index < len(runs) and runs[index].end <= position:
            index += 1
        run = runs[index] if index < len(runs) else None
        if run is None or run.start >= end:
            piece_end, fmt = end, plain
        elif run.start > position:
            piece_end, fmt = run.start, plain
        else:
            piece_end, fmt = min(run.end, end), formats.char_format(BlockKind.PARAGRAPH, run.style)
        cursor.insertText(text[position:piece_end].replace("\n", LINE_SEPARATOR), fmt)
        position = piece_end


def build_print_document(result: CompareResult, palette: Palette = LIGHT) -> QTextDocument:
    """A paginatable document: title, summary, both texts side by side, unique sentences."""
    comparison = result.comparison
    if comparison is None or result.a is None or result.b is None:
        raise ExportError("Open two articles before printing.")
    contents = {Side.A: result.a, Side.B: result.b}
    document = QTextDocument()
    font = QFont()
    font.setFamilies(["Charter", "Georgia", "Noto Serif", "DejaVu Serif", "serif"])
    font.setPointSizeF(PRINT_POINT_SIZE)
    document.setDefaultFont(font)
    cursor = QTextCursor(document)
    heading = QTextCharFormat()
    heading.setFontWeight(QFont.Weight.Bold)
    heading.setProperty(QTextFormat.Property.FontSizeAdjustment, 2)
    muted = QTextCharFormat()
    muted.setForeground(QColor(palette.muted_text))
    cursor.insertText(f"{result.a.path.name}  ↔  {result.b.path.name}", heading)
    stats = comparison.stats
    cursor.insertBlock()
    cursor.insertText(
        f"Similarity {stats.similarity:.0%} · {stats.words_inserted:,} words inserted, "
        f"{stats.words_deleted:,} deleted · {stats.sentences_moved:,} sentences moved · "
        f"{stats.sentences_only_a:,} only in A, {stats.sentences_only_b:,} only in B",
        muted,
    )
    _insert_table(cursor, comparison, contents, palette)
    _insert_unique_lists(cursor, comparison, contents, palette, heading)
    _insert_facts(cursor, comparison, heading, muted)
    return document


def _insert_facts(
    cursor: QTextCursor, comparison: Comparison, heading: QTextCharFormat, muted: QTextCharFormat
) -> None:
    """The "Facts" section: the summary, then each kind's items with both sides' words."""
    block = QTextBlockFormat()
    block.setTopMargin(14)
    cursor.insertBlock(block)
    cursor.insertText("Facts", heading)
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
    cursor.insertText(summary(comparison.facts), muted)
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    for kind, items in by_kind(comparison.facts):
        kind_block = QTextBlockFormat()
        kind_block.setTopMargin(8)
        cursor.insertBlock(kind_block, QTextCharFormat())
        cursor.insertText(f"{KIND_TITLES[kind]} ({len(items)})", bold)
        for fact in items:
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            cursor.insertText(f"{STATUS_LABELS[fact.status]}: ", muted)
            cursor.insertText(" ".join(fact.note.split()), QTextCharFormat())
    lone = folded(comparison.facts)
    if lone:
        kind_block = QTextBlockFormat()
        kind_block.setTopMargin(8)
        cursor.insertBlock(kind_block, QTextCharFormat())
        cursor.insertText(f"Sentences only in one text ({len(lone)})", bold)
        for sentence in lone:
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            cursor.insertText(f"{sentence.label}, sentence {sentence.index + 1}: ", muted)
            cursor.insertText(" ".join(claims_of(sentence).split()), QTextCharFormat())


def _insert_table(
    cursor: QTextCursor, comparison: Comparison, contents: dict[Side, PaneContent], palette: Palette
) -> None:
    rows = reading_rows(comparison)
    table_format = QTextTableFormat()
    table_format.setHeaderRowCount(1)  # repeated at the top of every page
    table_format.setCellPadding(4)
    table_format.setCellSpacing(0)
    table_format.setBorder(0.5)
    table_format.setBorderBrush(QColor("#c9c6c0"))
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    table_format.setTopMargin(10)
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    half = QTextLength(QTextLength.Type.PercentageLength, 50)
    table_format.setColumnWidthConstraints([half, half])
    table = cursor.insertTable(len(rows) + 1, 2, table_format)
    books = {side: FormatBook(palette, side) for side in Side}
    starts = {side: [run.start for run in contents[side].runs.runs] for side in Side}
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    for column, side in enumerate(Side):
        content = contents[side]
        cell_cursor = table.cellAt(0, column).firstCursorPosition()
        title = content.document.title or content.path.name
        cell_cursor.insertText(f"{side.value.upper()} · {title}", bold)
    sentences = {Side.A: comparison.sentences_a, Side.B: comparison.sentences_b}
    for row_number, row in enumerate(rows, start=1):
        for column, side in enumerate(Side):
            indices = row.sentences(side)
            if not indices:
                continue
            cell_cursor = table.cellAt(row_number, column).firstCursorPosition()
            start, end = sentences[side][indices[0]].start, sentences[side][indices[-1]].end
            _paint_range(cell_cursor, contents[side], start, end, books[side], starts[side])
    cursor.movePosition(QTextCursor.MoveOperation.End)


def _insert_unique_lists(
    cursor: QTextCursor,
    comparison: Comparison,
    contents: dict[Side, PaneContent],
    palette: Palette,
    heading: QTextCharFormat,
) -> None:
    books = {side: FormatBook(palette, side) for side in Side}
    for side, indices, sentences in (
        (Side.A, comparison.only_a, comparison.sentences_a),
        (Side.B, comparison.only_b, comparison.sentences_b),
    ):
        block = QTextBlockFormat()
        block.setTopMargin(14)
        block.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
        cursor.insertBlock(block)
        cursor.insertText(f"Only in {side.value.upper()} ({len(indices)})", heading)
        if not indices:
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            cursor.insertText(f"Every sentence of {side.value.upper()} has a counterpart.")
            continue
        list_format = QTextListFormat()
        list_format.setStyle(QTextListFormat.Style.ListDecimal)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())  # the heading's size must not reach the numbers
        cursor.createList(list_format)
        starts = [run.start for run in contents[side].runs.runs]
        for number, index in enumerate(indices):
            if number:
                cursor.insertBlock()
            sentence = sentences[index]
            _paint_range(cursor, contents[side], sentence.start, sentence.end, books[side], starts)


def make_pdf_printer(target: Path) -> QPrinter:
    """A printer writing a landscape A4 PDF to ``target``."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    configure_page(printer)
    return printer


def configure_page(printer: QPrinter) -> None:
    """Landscape with modest margins: two columns of text need the width."""
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape,
        QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )
    printer.setPageLayout(layout)


def export_pdf(result: CompareResult, target: Path) -> Path:
    """Write the side-by-side document as a PDF (never over one of the compared files)."""
    _check_target(target, _shown_paths(result))
    return write_pdf(build_print_document(result), target, _shown_paths(result))


def write_pdf(document: QTextDocument, target: Path, inputs: list[Path]) -> Path:
    """Print ``document`` to a PDF at ``target``, which may not be one of ``inputs``."""
    _check_target(target, inputs)
    # Printed to a file beside the target, then renamed: a failed export leaves the old file.
    partial = target.with_name(f".{target.name}.tandem-part")
    printer = make_pdf_printer(partial)
    document.print_(printer)
    try:
        if not partial.exists() or partial.stat().st_size == 0:
            raise ExportError(f"Cannot write “{target.name}”.")
        write_output(target, partial.read_bytes())
    except OSError as error:
        raise ExportError(f"Cannot write “{target.name}”: {error.strerror or error}") from error
    finally:
        partial.unlink(missing_ok=True)
    return target
