"""One side of the comparison: a header (name, word count) over a read-only reading view."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QFrame, QSizePolicy, QTextEdit, QVBoxLayout, QWidget

from reader.app.drops import DropError, paths_from_mime
from reader.app.palette import Palette
from reader.app.render import DOCUMENT_MARGIN_PX, FormatBook, PaneMap, build_pane_document
from reader.app.worker import PaneContent
from reader.core.marks import Side

READING_FAMILIES = ["Charter", "Georgia", "Source Serif 4", "Noto Serif", "DejaVu Serif", "Liberation Serif", "serif"]
BASE_POINT_SIZE = 12.0
ZOOM_FACTOR = 1.1
FLASH_MS = 1200


def reading_font(zoom_steps: int) -> QFont:
    font = QFont()
    font.setFamilies(READING_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(round(BASE_POINT_SIZE * ZOOM_FACTOR**zoom_steps, 1))
    return font


class ReadingView(QTextEdit):
    """Read-only rich text that accepts file drops and can jump to and flash a sentence."""

    files_dropped = Signal(list)  # list[Path]
    drop_rejected = Signal(str)
    zoom_requested = Signal(int)  # +1 / -1 steps, from Ctrl+wheel

    def __init__(self, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.pane_map: PaneMap | None = None
        self.setReadOnly(True)
        self.setAcceptDrops(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDocumentMargin(DOCUMENT_MARGIN_PX)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setCursorWidth(0)  # a reader, not an editor: no blinking caret (keyboard selection still works)
        self.setPlaceholderText(f"Drop article {side.value.upper()} here, or use File › Open {side.value.upper()}…")
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(lambda: self.setExtraSelections([]))
        self.set_zoom(0)

    def set_zoom(self, steps: int) -> None:
        self.document().setDefaultFont(reading_font(steps))
        self.setFont(reading_font(steps))  # the placeholder uses the widget font

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        # QTextEdit zooms its own font on Ctrl+wheel; route it to the window so both panes
        # and the saved zoom stay in step.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def show_content(self, content: PaneContent | None, formats: FormatBook) -> None:
        self.setExtraSelections([])
        if content is None:
            self.document().clear()
            self.pane_map = None
            return
        self.pane_map = build_pane_document(
            self.document(), content.document, content.sentences, content.runs, formats
        )
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def reveal_sentence(self, index: int, flash_color: str) -> None:
        """Scroll so sentence ``index`` sits in the upper third of the view and flash it."""
        if self.pane_map is None or not 0 <= index < len(self.pane_map.sentences):
            return
        start, end = self.pane_map.sentence_range(index)
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        self.setTextCursor(cursor)
        bar = self.verticalScrollBar()
        top = self.cursorRect(cursor).top() + bar.value()
        bar.setValue(max(0, top - self.viewport().height() // 3))
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(self.document())
        selection.cursor.setPosition(start)
        selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        flash = QTextCharFormat()
        flash.setBackground(QColor(flash_color))
        selection.format = flash
        self.setExtraSelections([selection])
        self._flash_timer.start(FLASH_MS)

    def first_visible_position(self) -> int:
        return self.cursorForPosition(QPoint(0, 0)).position()

    def last_visible_position(self) -> int:
        corner = QPoint(self.viewport().width() - 1, self.viewport().height() - 1)
        return self.cursorForPosition(corner).position()

    # Drag and drop: read-only views ignore drops by default, so handle them ourselves.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if _may_be_useful(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if _may_be_useful(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        event.acceptProposedAction()
        try:
            paths = paths_from_mime(event.mimeData())
        except DropError as error:
            self.drop_rejected.emit(str(error))
            return
        self.files_dropped.emit(paths)


def _may_be_useful(mime: QMimeData) -> bool:
    # Accept text too, so the drop happens and the user learns why it cannot be used.
    return mime.hasUrls() or mime.hasText()


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with "…" instead of widening the window."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = text
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self.full_text, Qt.TextElideMode.ElideRight, max(0, self.width())))


class ArticlePane(QWidget):
    """Header with side badge, title and word count above a :class:`ReadingView`."""

    def __init__(self, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.setObjectName(f"pane_{side.value}")
        self.badge = QLabel(side.value.upper())
        self.badge.setObjectName("sideBadge")
        self.badge.setProperty("side", side.value)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setFixedSize(24, 24)
        self.title_label = ElidedLabel()
        self.title_label.setObjectName("paneTitle")
        bold = self.title_label.font()
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.details_label = QLabel()
        self.details_label.setObjectName("paneDetails")
        self.details_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.view = ReadingView(side)
        header_row = QHBoxLayout()
        header_row.setContentsMargins(10, 6, 10, 6)
        header_row.setSpacing(8)
        header_row.addWidget(self.badge)
        header_row.addWidget(self.title_label, 1)
        header_row.addWidget(self.details_label, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        header_frame = QWidget()
        header_frame.setObjectName("paneHeaderFrame")
        header_frame.setLayout(header_row)
        layout.addWidget(header_frame)
        layout.addWidget(self.view, 1)
        self.set_header(None, None, None)

    def set_header(self, title: str | None, file_name: str | None, words: int | None) -> None:
        if file_name is None:
            self.title_label.set_full_text(f"No article {self.side.value.upper()}")
            self.details_label.setText("")
            self.setToolTip("")
            return
        details = file_name if title and title != file_name else ""
        count = f"{words:,} words" if words is not None else ""
        self.title_label.set_full_text(title or file_name)
        self.details_label.setText(" · ".join(part for part in (details, count) if part))
        self.title_label.setToolTip(title or file_name)

    def header_text(self) -> str:
        """Title, file name and word count as shown (untruncated)."""
        return f"{self.title_label.full_text}  {self.details_label.text()}"

    def apply_palette(self, palette: Palette) -> None:
        """Give the page the palette's paper colour (chrome colours come from the Qt palette)."""
        # A QPalette rather than a style sheet keeps the native scroll bars.
        colours = self.view.palette()
        colours.setColor(QPalette.ColorRole.Base, QColor(palette.page))
        colours.setColor(QPalette.ColorRole.Text, QColor(palette.text))
        self.view.setPalette(colours)

    def show_content(self, content: PaneContent | None, formats: FormatBook, words: int | None) -> None:
        self.view.show_content(content, formats)
        if content is None:
            self.set_header(None, None, None)
        else:
            self.set_header(content.document.title, content.path.name, words)
