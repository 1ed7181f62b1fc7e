"""The read-only text view of one pane: drops, zoom, hover/click on sentences, highlights.

Geometry helpers translate between sentence coordinates (see ``navigation``) and vertical
pixel offsets in the document, which is what the scroll bar of a QTextEdit counts.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QTextEdit, QToolTip, QWidget

from reader.app.drops import DropError, accept_as_copy, sources_from_mime
from reader.app.panes.render import DOCUMENT_MARGIN_PX, WORD_MARK, FormatBook, PaneMap, build_pane_document
from reader.app.panes.text_style import reading_font, text_selection
from reader.app.worker.service import PaneContent
from reader.core.marks import Side

READING_LINE = 1 / 3  # where a revealed sentence lands, as a share of the view's height
CARET_WIDTH = 2  # a visible caret shows keyboard users where Ctrl+Up/Down and Alt+Left/Right start


class ReadingView(QTextEdit):
    """Read-only rich text that accepts file drops, reports the sentence under the mouse,
    and shows three layers of highlight, each drawn over the one before: the sentences
    under the mouse (hover), the clicked pair (linked) and the place of the last jump.
    None of them covers a changed word's own mark."""

    files_dropped = Signal(list)  # list[Path | WebLink]
    paste_requested = Signal()  # Ctrl+V: the window opens a link from the clipboard
    drop_rejected = Signal(str)
    zoom_requested = Signal(int)  # +1 / -1 steps, from Ctrl+wheel
    sentence_hovered = Signal(object, int)  # Side, sentence index or -1 when none
    sentence_clicked = Signal(object, int)  # Side, sentence index
    layout_changed = Signal()  # re-wrapped or laid out further: pixel positions moved

    def __init__(self, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.pane_map: PaneMap | None = None
        self.setObjectName(f"readingView_{side.value}")
        self.setAccessibleName(f"Article {side.value.upper()}")
        self.setReadOnly(True)
        self.setAcceptDrops(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDocumentMargin(DOCUMENT_MARGIN_PX)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setCursorWidth(CARET_WIDTH)
        self.setPlaceholderText(f"Drop article {side.value.upper()} here, or use File › Open {side.value.upper()}…")
        self.viewport().setMouseTracking(True)
        self._hovered = -1
        self.drop_hint = False  # a drag hovers over this pane
        self._press_position: QPoint | None = None
        self._hover_selections: list[QTextEdit.ExtraSelection] = []
        self._link_selections: list[QTextEdit.ExtraSelection] = []
        self._flash_selections: list[QTextEdit.ExtraSelection] = []
        self._fact_selections: list[QTextEdit.ExtraSelection] = []
        self._fact_tips: list[tuple[int, int, str]] = []  # pane ranges of fact items, their notes
        self.fact_marks_of: tuple[object, object] | None = None  # (comparison, chosen fact) marked
        self._find_selections: list[QTextEdit.ExtraSelection] = []
        self._ranges: dict[str, list[tuple[int, int]]] = {"hover": [], "link": [], "jump": []}
        self._sentence_tops: dict[int, float] = {}
        self._watch_layout(self.document())
        self.set_zoom(0)

    def _watch_layout(self, document: QTextDocument) -> None:
        # Qt lays a fresh document out lazily and in pieces; each piece moves the sentence tops.
        document.documentLayout().documentSizeChanged.connect(self._on_layout_changed)

    def _on_layout_changed(self, *_args: object) -> None:
        self._sentence_tops.clear()
        self.layout_changed.emit()

    # ----- content and zoom -----------------------------------------------------------------
    def set_zoom(self, steps: int) -> None:
        self.document().setDefaultFont(reading_font(steps))
        self.setFont(reading_font(steps))  # the placeholder uses the widget font
        self._on_layout_changed()

    def wheelEvent(self, event: QWheelEvent) -> None:
        # QTextEdit zooms its own font on Ctrl+wheel; route it to the window so both panes
        # and the saved zoom stay in step.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        if not event.oldSize().isValid() and self.document().pageSize().width() == event.size().width():
            # A kept view shown for the first time (the versions view's stack): its text is
            # laid out at this width already; Qt would lay a book out again (0.2 s) for nothing.
            event = QResizeEvent(event.size(), event.size())
        super().resizeEvent(event)
        self._on_layout_changed()  # re-wrapping moves every sentence

    def new_document(self) -> QTextDocument:
        """An empty document with this view's margins, font and text options, not yet shown."""
        previous = self.document()
        fresh = QTextDocument(self)
        fresh.setDocumentMargin(previous.documentMargin())
        fresh.setDefaultFont(previous.defaultFont())
        fresh.setDefaultTextOption(previous.defaultTextOption())
        fresh.setUndoRedoEnabled(False)
        return fresh

    def show_content(
        self, content: PaneContent | None, formats: FormatBook, built: tuple[QTextDocument, PaneMap] | None = None
    ) -> None:
        """Show ``content``; ``built`` is its document already filled (see ``new_document``)."""
        self._find_selections, self._fact_selections, self._fact_tips = [], [], []
        self.fact_marks_of = None
        self._sentence_tops.clear()
        self._hovered = -1
        self.clear_reading_marks()  # and the others, just emptied
        if content is None:
            self.document().clear()
            self.pane_map = None
            return
        # Built detached from the view, then swapped in: filling the shown document made Qt
        # re-lay it out inside endEditBlock and again for the cursor move (measured 0.37 s a
        # pane for the 1.2 MB book); a fresh document is laid out once, lazily, when shown.
        previous = self.document()
        if built is not None:
            fresh, self.pane_map = built
        else:
            fresh = self.new_document()
            self.pane_map = build_pane_document(fresh, content.document, content.sentences, content.runs, formats)
        ours = previous.parent() is self  # Qt itself deletes the editor's original document
        self.setDocument(fresh)
        self._watch_layout(fresh)
        self.setCursorWidth(CARET_WIDTH)  # the caret width lives in the document's layout: set it again
        if ours:
            previous.deleteLater()
        self.setTextCursor(QTextCursor(fresh))

    # ----- highlights -----------------------------------------------------------------------
    def _selections(self, layer: str, sentences: tuple[int, ...], colour: str) -> list[QTextEdit.ExtraSelection]:
        self._ranges[layer] = []
        if self.pane_map is None:
            return []
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colour))
        selections = []
        for index in sentences:
            if not 0 <= index < len(self.pane_map.sentences):
                continue
            start, end = self.pane_map.sentence_range(index)
            self._ranges[layer].append((start, end))
            for piece_start, piece_end in self._unmarked_pieces(start, end):
                selections.append(text_selection(self.document(), piece_start, piece_end, fmt))
        return selections

    def _unmarked_pieces(self, start: int, end: int) -> list[tuple[int, int]]:
        """``[start, end)`` without the changed words, so their marks show through a highlight."""
        pieces: list[tuple[int, int]] = []
        block = self.document().findBlock(start)
        while block.isValid() and block.position() < end:
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                low = max(start, fragment.position())
                high = min(end, fragment.position() + fragment.length())
                if high > low and not fragment.charFormat().boolProperty(WORD_MARK):
                    if pieces and pieces[-1][1] == low:
                        pieces[-1] = (pieces[-1][0], high)
                    else:
                        pieces.append((low, high))
                fragments += 1
            block = block.next()
        return pieces

    def _apply_selections(self) -> None:
        self.setExtraSelections(
            self._hover_selections
            + self._link_selections
            + self._flash_selections
            + self._fact_selections
            + self._find_selections
        )

    def clear_reading_marks(self) -> None:
        """Drop the hover, linked and jump highlights (the view leaves the screen)."""
        self._hover_selections, self._link_selections, self._flash_selections = [], [], []
        self._ranges = {"hover": [], "link": [], "jump": []}
        self._apply_selections()

    def set_fact_marks(self, selections: list[QTextEdit.ExtraSelection], tips: list[tuple[int, int, str]]) -> None:
        """The fact items' marks (see ``fact_marks``) and the notes shown when hovering them."""
        self._fact_selections = selections
        self._fact_tips = tips
        self._apply_selections()

    def fact_ranges(self) -> list[tuple[int, int]]:
        return [(start, end) for start, end, _ in self._fact_tips]

    def fact_note_at(self, position: int) -> str | None:
        """The note of the fact item whose words hold pane ``position``, if any."""
        return next((note for start, end, note in self._fact_tips if start <= position < end), None)

    def set_find_marks(self, ranges: list[tuple[int, int]], colour: str) -> None:
        """Mark every match of the find bar (pane positions), over the other highlights."""
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colour))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)  # not by colour alone
        selections = []
        for start, end in ranges:
            selections.append(text_selection(self.document(), start, end, fmt))
        self._find_selections = selections
        self._apply_selections()

    def find_ranges(self) -> list[tuple[int, int]]:
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self._find_selections]

    def set_hovered(self, sentences: tuple[int, ...], colour: str) -> None:
        """Tint the sentences under the mouse (and their counterparts); never scrolls."""
        self._hover_selections = self._selections("hover", sentences, colour)
        self._apply_selections()

    def set_linked(self, sentences: tuple[int, ...], colour: str) -> None:
        """Highlight ``sentences`` until the next call (an empty tuple clears)."""
        self._link_selections = self._selections("link", sentences, colour)
        self._apply_selections()

    def linked_ranges(self) -> list[tuple[int, int]]:
        """Pane positions of the selected (clicked) pair, for tests and accessibility checks."""
        return list(self._ranges["link"])

    def hovered_ranges(self) -> list[tuple[int, int]]:
        return list(self._ranges["hover"])

    def jump_ranges(self) -> list[tuple[int, int]]:
        return list(self._ranges["jump"])

    def flash(self, sentences: tuple[int, ...], colour: str) -> None:
        """Mark the place of a jump; it stays until the next jump or click."""
        self._flash_selections = self._selections("jump", sentences, colour)
        self._apply_selections()

    def reveal_sentence(self, index: int) -> None:
        """Put the caret on sentence ``index`` and scroll it to the reading line."""
        if self.pane_map is None or not 0 <= index < len(self.pane_map.sentences):
            return
        start, _ = self.pane_map.sentence_range(index)
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        self.setTextCursor(cursor)
        self.scroll_sentence_to(index, self.viewport().height() * READING_LINE)

    def caret_sentence(self) -> int | None:
        """The sentence the caret is in (or the next one after it)."""
        if self.pane_map is None or not self.pane_map.sentences:
            return None
        found = self.pane_map.sentence_at_or_after(self.textCursor().position())
        return len(self.pane_map.sentences) - 1 if found is None else found

    def move_caret_to_sentence(self, index: int) -> None:
        """Put the caret at the start of sentence ``index``; scroll only when it is off screen."""
        if self.pane_map is None or not 0 <= index < len(self.pane_map.sentences):
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.pane_map.sentence_range(index)[0])
        self.setTextCursor(cursor)
        if not self.is_sentence_visible(index):
            self.scroll_sentence_to(index, self.viewport().height() * READING_LINE)

    # ----- geometry ---------------------------------------------------------------------------
    def y_of_position(self, position: int) -> float:
        """Top of the line holding pane ``position``, in document pixels (scroll bar units)."""
        document = self.document()
        block = document.findBlock(position)
        if not block.isValid():
            return float(document.size().height())
        top = document.documentLayout().blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(position - block.position())
        return top + (line.y() if line.isValid() else 0.0)

    def sentence_top(self, index: int) -> float:
        """Top of sentence ``index`` in document pixels; the end of the text for ``len``."""
        cached = self._sentence_tops.get(index)
        if cached is not None:
            return cached
        assert self.pane_map is not None
        if index >= len(self.pane_map.sentences):
            value = float(self.document().size().height())
        else:
            value = self.y_of_position(self.pane_map.sentence_range(index)[0])
        self._sentence_tops[index] = value
        return value

    def y_of_coordinate(self, coordinate: float) -> float:
        """Document pixels of a sentence coordinate (``i + f``: a share ``f`` into sentence ``i``)."""
        if self.pane_map is None or not self.pane_map.sentences:
            return 0.0
        count = len(self.pane_map.sentences)
        coordinate = max(0.0, min(float(count), coordinate))
        index = min(int(coordinate), count)
        top = self.sentence_top(index)
        if index >= count:
            return top
        return top + (coordinate - index) * (self.sentence_top(index + 1) - top)

    def coordinate_at_y(self, y: float) -> float:
        """The sentence coordinate at document height ``y`` (inverse of :meth:`y_of_coordinate`)."""
        if self.pane_map is None or not self.pane_map.sentences:
            return 0.0
        count = len(self.pane_map.sentences)
        low, high = 0, count  # binary search over sentence tops, computed lazily and cached
        while low < high:
            middle = (low + high) // 2
            if self.sentence_top(middle) <= y:
                low = middle + 1
            else:
                high = middle
        index = low - 1
        if index < 0:
            return 0.0
        top, bottom = self.sentence_top(index), self.sentence_top(index + 1)
        share = (y - top) / (bottom - top) if bottom > top else 0.0
        return index + max(0.0, min(1.0, share))

    def scroll_sentence_to(self, index: int, height: float) -> None:
        """Scroll so the top of sentence ``index`` sits ``height`` pixels below the view's top."""
        self.verticalScrollBar().setValue(max(0, round(self.sentence_top(index) - height)))

    def is_sentence_visible(self, index: int) -> bool:
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        return self.sentence_top(index) < bottom and self.sentence_top(index + 1) > top

    def sentence_at_point(self, point: QPoint) -> int | None:
        if self.pane_map is None:
            return None
        return self.pane_map.sentence_at(self.cursorForPosition(point).position())

    def first_visible_position(self) -> int:
        return self.cursorForPosition(QPoint(0, 0)).position()

    def last_visible_position(self) -> int:
        corner = QPoint(self.viewport().width() - 1, self.viewport().height() - 1)
        return self.cursorForPosition(corner).position()

    def top_offset(self) -> int | None:
        """Character offset in ``Document.text`` at the top of the view (to restore it later)."""
        if self.pane_map is None:
            return None
        return self.pane_map.offset(self.first_visible_position())

    def scroll_to_offset(self, offset: int) -> None:
        if self.pane_map is None:
            return
        self.scroll_to_position(self.pane_map.position(offset))

    def place(self) -> tuple[int, float]:
        """The pane position at the top of the view and how far the view sits below its line."""
        position = self.first_visible_position()
        return position, self.verticalScrollBar().value() - self.y_of_position(position)

    def scroll_to_position(self, position: int, below: float = 0.0) -> None:
        """Scroll so the line holding pane ``position`` is at the top (``below`` pixels further)."""
        self.verticalScrollBar().setValue(max(0, round(self.y_of_position(position) + below)))

    # ----- mouse: hover and click on sentences ---------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() != Qt.MouseButton.NoButton:
            return  # selecting text: do not flicker the highlights
        point = event.position().toPoint()
        index = self.sentence_at_point(point)
        self._set_hovered(-1 if index is None else index)
        note = self.fact_note_at(self.cursorForPosition(point).position()) if self._fact_tips else None
        if note:
            QToolTip.showText(event.globalPosition().toPoint(), note, self)
        elif self._fact_tips:
            QToolTip.hideText()

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self._set_hovered(-1)

    def _set_hovered(self, index: int) -> None:
        if index != self._hovered:
            self._hovered = index
            self.sentence_hovered.emit(self.side, index)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_position = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._press_position = self._press_position, None
        if event.button() != Qt.MouseButton.LeftButton or pressed is None:
            return
        if (event.position().toPoint() - pressed).manhattanLength() > 4 or self.textCursor().hasSelection():
            return  # a drag selected text; that is not a click on a sentence
        index = self.sentence_at_point(event.position().toPoint())
        if index is not None:
            self.sentence_clicked.emit(self.side, index)

    # ----- drag and drop: read-only views ignore drops by default -----------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _may_be_useful(event.mimeData()) and accept_as_copy(event):
            self._set_drop_hint(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not (_may_be_useful(event.mimeData()) and accept_as_copy(event)):
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_hint(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drop_hint(False)
        if not accept_as_copy(event):
            return
        try:
            sources = sources_from_mime(event.mimeData())
        except DropError as error:
            self.drop_rejected.emit(str(error))
            return
        self.files_dropped.emit(sources)

    def _set_drop_hint(self, shown: bool) -> None:
        """While a drag hovers, frame the pane and say where the drop lands."""
        if shown != self.drop_hint:
            self.drop_hint = shown
            self.viewport().update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()  # draw the focus ring

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus() and not self.drop_hint:
            # The frameless pane has no focus frame of its own: a ring says where keys go.
            painter = QPainter(self.viewport())
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(self.viewport().rect().adjusted(1, 1, -1, -1))
            painter.end()
        if self.drop_hint:
            painter = QPainter(self.viewport())
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 3, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(self.viewport().rect().adjusted(2, 2, -3, -3))
            painter.drawText(
                self.viewport().rect().adjusted(0, 12, 0, 0), Qt.AlignmentFlag.AlignHCenter, self.drop_hint_text()
            )
            painter.end()

    def drop_hint_text(self) -> str:
        return f"Drop to open as {self.side.value.upper()} (two files: A and B)"

    # ----- Ctrl+V: a read-only view would swallow it; it means "open this link" here --------
    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Paste)
        ):
            event.accept()  # deliver the key press here rather than to a window shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def _may_be_useful(mime: QMimeData) -> bool:
    # Accept text too, so the drop happens and the user learns why it cannot be used.
    return mime.hasUrls() or mime.hasText()
