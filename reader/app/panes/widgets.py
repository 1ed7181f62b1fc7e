"""Small pieces of the window: the legend strip, the inline message bar, the empty state,
and the download banner a pane shows while its link is fetched."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.app.palette import Palette
from reader.app.panes.fact_marks import fact_format
from reader.app.panes.render import FormatBook
from reader.app.worker.runs import Style
from reader.core.marks import Side, SpanKind
from reader.core.model import BlockKind

# (sample text, side whose formats paint it, style, explanation)
LEGEND_ENTRIES: tuple[tuple[str, Side, Style, str], ...] = (
    ("deleted", Side.A, Style(SpanKind.EDITED, True), "word of A missing from B (struck through)"),
    ("inserted", Side.B, Style(SpanKind.EDITED, True), "word added in B (underlined)"),
    ("only in A", Side.A, Style(SpanKind.ONLY, False), "sentence with no counterpart in B (dotted)"),
    ("only in B", Side.B, Style(SpanKind.ONLY, False), "sentence with no counterpart in A (dotted)"),
    ("moved", Side.A, Style(SpanKind.MOVED, False), "sentence found elsewhere in the other text (dashed)"),
    ("reworded", Side.B, Style(SpanKind.REWRITTEN, True), "change inside a paraphrased pair (lighter tint)"),
)


FACT_MEANING = (
    "a number, date, name, negation, certainty word or quotation that differs"
    " (its words in green over a wavy underline)"
)


class LegendBar(QTextEdit):
    """One line of samples painted with the very formats the panes use, so they always agree."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextEdit.LineWrapMode.NoWrap)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().setDocumentMargin(4)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_palette(self, palette: Palette) -> None:
        self.clear()
        books = {Side.A: FormatBook(palette, Side.A), Side.B: FormatBook(palette, Side.B)}
        cursor = QTextCursor(self.document())
        label = QTextCharFormat()
        label.setForeground(QColor(palette.muted_text))
        cursor.insertText("Legend  ", label)
        for sample, side, style, _meaning in LEGEND_ENTRIES:
            cursor.insertText(sample, books[side].char_format(BlockKind.PARAGRAPH, style))
            cursor.insertText("  ", QTextCharFormat())
        cursor.insertText("fact", fact_format(palette))  # the panes' mark for a fact item's words
        tips = [f"{sample}: {meaning}" for sample, _, _, meaning in LEGEND_ENTRIES]
        self.setToolTip("\n".join([*tips, f"fact: {FACT_MEANING}"]))
        height = self.fontMetrics().height() + 14
        self.setFixedHeight(height)


class MessageBar(QFrame):
    """An inline, dismissable message above the panes (errors and notices, never a dialog)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Dismiss")
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._palette: Palette | None = None
        self.kind = ""
        self.hide()

    def set_palette(self, palette: Palette) -> None:
        self._palette = palette
        if self.kind:
            self._paint()

    def show_message(self, text: str, kind: str = "error") -> None:
        self.kind = kind
        self.label.setText(text)
        self._paint()
        self.show()

    def text(self) -> str:
        """The message on show, or "" when the bar is hidden."""
        return "" if self.isHidden() else self.label.text()

    def dismiss(self) -> None:
        self.kind = ""
        self.hide()

    def _paint(self) -> None:
        if self._palette is None:
            return
        background = self._palette.banner_error if self.kind == "error" else self._palette.banner_info
        accent = self._palette.deleted_line if self.kind == "error" else self._palette.inserted_line
        self.setStyleSheet(
            f"#messageBar {{ background: {background}; border-left: 4px solid {accent}; }}"
            f"#messageBar QLabel {{ color: {self._palette.text}; }}"
        )


class EmptyState(QWidget):
    """What a fresh window shows: where to drop, and a link to the demo."""

    demo_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        title = QLabel("Drop two articles here")
        title.setObjectName("emptyTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        hint = QLabel(
            "The first becomes A (left), the second B (right).\n"
            "Text, Markdown, web pages, Word, OpenDocument or PDF files, or links from a browser\n"
            "(Ctrl+V pastes a link)."
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.links = QLabel("<a href='open'>Open files…</a> &nbsp;·&nbsp; <a href='demo'>Open the demo articles</a>")
        self.links.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.links.linkActivated.connect(self._on_link)
        zone = QFrame()
        zone.setObjectName("dropZone")
        zone.setStyleSheet("#dropZone { border: 2px dashed palette(mid); border-radius: 14px; }")
        inner = QVBoxLayout(zone)
        inner.setContentsMargins(48, 36, 48, 36)
        inner.setSpacing(14)
        for widget in (title, hint, self.links):
            inner.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(zone, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def _on_link(self, link: str) -> None:
        if link == "demo":
            self.demo_requested.emit()
        else:
            self.open_requested.emit()


def human_size(size: int) -> str:
    """Bytes as people read them: "830 bytes", "12 KB", "3.4 MB"."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class FetchBanner(QFrame):
    """Inside a pane while its link downloads: host, bytes so far, a bar and a Cancel button."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fetchBanner")
        self.label = QLabel()
        self.label.setObjectName("fetchLabel")
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setMinimumWidth(60)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(6)
        self.bar.setAccessibleName("Download progress")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop downloading this page")
        self.cancel_button.clicked.connect(self.cancel_requested)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.label, 1)
        top.addWidget(self.cancel_button, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.bar)
        self.host = ""
        self.hide()

    def start(self, host: str) -> None:
        """Show the banner for a download from ``host`` that has not received anything yet."""
        self.host = host
        self.bar.setRange(0, 0)  # busy until the server says how much is coming
        self.label.setText(f"Connecting to {host}…")
        self.setToolTip(host)
        self.cancel_button.setEnabled(True)
        self.show()

    def update_progress(self, received: int, total: int | None) -> None:
        if total:
            self.bar.setRange(0, 1000)
            self.bar.setValue(min(1000, int(1000 * received / total)))
            amount = f"{human_size(received)} of {human_size(total)}"
        else:
            amount = f"{human_size(received)} received" if received else "waiting for the server"
        self.label.setText(f"Downloading from {self.host} · {amount}")

    def text(self) -> str:
        """What the banner says, or "" when hidden (for tests and screen readers)."""
        return "" if self.isHidden() else self.label.text()

    def cancelled(self) -> None:
        self.label.setText(f"Cancelling the download from {self.host}…")
        self.cancel_button.setEnabled(False)
