"""How the panes set text: the reading font, and extra selections drawn over the words."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

READING_FAMILIES = ["Charter", "Georgia", "Source Serif 4", "Noto Serif", "DejaVu Serif", "Liberation Serif", "serif"]
BASE_POINT_SIZE = 12.0
ZOOM_FACTOR = 1.1


def reading_font(zoom_steps: int) -> QFont:
    font = QFont()
    font.setFamilies(READING_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(round(BASE_POINT_SIZE * ZOOM_FACTOR**zoom_steps, 1))
    return font


def text_selection(document: QTextDocument, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
    """An extra selection drawing ``fmt`` over ``document``'s characters ``start`` to ``end``."""
    selection = QTextEdit.ExtraSelection()
    selection.cursor = QTextCursor(document)
    selection.cursor.setPosition(start)
    selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    selection.format = fmt
    return selection
