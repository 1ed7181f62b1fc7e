"""One side of the comparison: a header (name, word count) over a read-only reading view.

The view and its location bar form a body; a pane stacks bodies so the versions view can
keep one per version, laid out once, and raise the one shown (``add_body``/``show_body``):
``view`` and ``location_bar`` are always those of the body on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from reader.app.palette import Palette
from reader.app.panes.location_bar import LocationBar
from reader.app.panes.reading_view import ReadingView
from reader.app.panes.render import FormatBook, PaneMap
from reader.app.panes.text_style import reading_font
from reader.app.panes.widgets import FetchBanner
from reader.app.sources import WebLink
from reader.app.worker.service import PaneContent
from reader.core.marks import Side

__all__ = ["ArticlePane", "ElidedLabel", "ReadingView", "reading_font"]


TITLE_SHARE = 0.65  # when both cannot be whole, the title keeps at least this much of the header


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with "…" instead of widening the window."""

    def __init__(
        self, text: str = "", parent: QWidget | None = None, mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight
    ) -> None:
        super().__init__(parent)
        self.full_text = text
        self.mode = mode
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self.full_text, self.mode, max(0, self.width())))

    def full_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(self.full_text) + 2


class DetailsLabel(ElidedLabel):
    """File name and word count: the name is shortened in its middle, the count stays whole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent, Qt.TextElideMode.ElideMiddle)
        self.suffix = ""

    def set_parts(self, name: str, count: str) -> None:
        self.suffix = f" · {count}" if name and count else count
        self.name = name
        self.set_full_text(name + self.suffix if name else count)

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        if not getattr(self, "name", "") or metrics.horizontalAdvance(self.full_text) <= self.width():
            super()._elide()
            return
        room = max(0, self.width() - metrics.horizontalAdvance(self.suffix))
        self.setText(metrics.elidedText(self.name, Qt.TextElideMode.ElideMiddle, room) + self.suffix)


class PaneBody(QWidget):
    """A reading view with its location bar beside it."""

    def __init__(self, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = ReadingView(side)
        self.location_bar = LocationBar(self.view)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.view, 1)
        row.addWidget(self.location_bar)

    def apply_palette(self, palette: Palette) -> None:
        # A QPalette rather than a style sheet keeps the native scroll bars.
        colours = self.view.palette()
        colours.setColor(QPalette.ColorRole.Base, QColor(palette.page))
        colours.setColor(QPalette.ColorRole.Text, QColor(palette.text))
        self.view.setPalette(colours)
        self.location_bar.setPalette(colours)
        self.location_bar.set_palette(palette)


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
        # The file name and count give way (in the middle, keeping the extension) before the title.
        self.details_label = DetailsLabel()
        self.details_label.setObjectName("paneDetails")
        self.details_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.main_body = PaneBody(side)  # the pairwise comparison's
        self.bodies = QStackedWidget()
        self.bodies.addWidget(self.main_body)
        self._palette: Palette | None = None
        self._zoom = 0
        self.fetch_banner = FetchBanner()
        self.fetch_banner.setAccessibleName(f"Download of article {side.value.upper()}")
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
        layout.addWidget(self.fetch_banner)
        layout.addWidget(self.bodies, 1)
        self.header_frame = header_frame
        self.header_row = header_row
        self.set_header(None, None, None)

    # ----- bodies ----------------------------------------------------------------------------
    @property
    def body(self) -> PaneBody:
        """The body on screen."""
        body = self.bodies.currentWidget()
        assert isinstance(body, PaneBody)
        return body

    @property
    def view(self) -> ReadingView:
        return self.body.view

    @property
    def location_bar(self) -> LocationBar:
        return self.body.location_bar

    def all_bodies(self) -> list[PaneBody]:
        return [body for n in range(self.bodies.count()) if isinstance(body := self.bodies.widget(n), PaneBody)]

    def add_body(self) -> PaneBody:
        """A new body, not shown, at the shown one's size (so Qt lays its text out at that width
        in the background) with this pane's colours and zoom."""
        body = PaneBody(self.side)
        self.bodies.addWidget(body)
        body.setGeometry(self.body.geometry())
        body.view.set_zoom(self._zoom)
        if self._palette is not None:
            body.apply_palette(self._palette)
        QWidget.setTabOrder(self.main_body.view, body.view)  # hidden views are skipped by Tab
        return body

    def show_body(self, body: PaneBody) -> None:
        self.bodies.setCurrentWidget(body)

    def remove_body(self, body: PaneBody) -> None:
        """Forget a body added by ``add_body`` (the main body takes its place if it was shown)."""
        if body is self.main_body:
            return
        if self.bodies.currentWidget() is body:
            self.bodies.setCurrentWidget(self.main_body)
        self.bodies.removeWidget(body)
        body.deleteLater()

    def set_zoom(self, steps: int) -> None:
        self._zoom = steps
        for body in self.all_bodies():
            body.view.set_zoom(steps)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_header()

    def _fit_header(self) -> None:
        """Share the header between title and details: both whole if they fit, else the title first."""
        margins = self.header_row.contentsMargins()
        spacing = self.header_row.spacing()
        room = self.width() - margins.left() - margins.right() - self.badge.width() - 2 * spacing
        title, details = self.title_label.full_width(), self.details_label.full_width()
        if not self.details_label.full_text:
            width = 0
        elif title + details <= room:
            width = details
        else:
            width = max(min(details, round(room * (1 - TITLE_SHARE))), room - title)
        self.details_label.setFixedWidth(max(0, width))
        # Bound the title too and re-run the layout now: left to itself, the row kept the title
        # at the width it had before the details grew, pushing the file name off the pane.
        self.title_label.setMaximumWidth(max(40, room - width))
        self.header_row.activate()

    def set_header(self, title: str | None, file_name: str | None, words: int | None) -> None:
        if file_name is None:
            self.title_label.set_full_text(f"No article {self.side.value.upper()}")
            self.details_label.set_parts("", "")
            self.setToolTip("")
            self._fit_header()
            return
        details = file_name if title and title != file_name else ""
        count = f"{words:,} words" if words is not None else ""
        self.title_label.set_full_text(title or file_name)
        self.details_label.set_parts(details, count)
        self.details_label.setToolTip(self.details_label.full_text)
        self.title_label.setToolTip(title or file_name)
        self._fit_header()

    def header_text(self) -> str:
        """Title, file name and word count as shown (untruncated)."""
        return f"{self.title_label.full_text}  {self.details_label.full_text}"

    def apply_palette(self, palette: Palette) -> None:
        """Give the page the palette's paper colour (chrome colours come from the Qt palette)."""
        self._palette = palette
        for body in self.all_bodies():
            body.apply_palette(palette)

    def show_content(
        self,
        content: PaneContent | None,
        formats: FormatBook,
        words: int | None,
        built: tuple[QTextDocument, PaneMap] | None = None,
    ) -> None:
        self.view.show_content(content, formats, built)
        self.location_bar.set_overview(None if content is None else content.overview)
        self.show_header(content, words)

    def show_header(self, content: PaneContent | None, words: int | None) -> None:
        """The header of ``content`` (already in the view shown, for a kept body)."""
        if content is None:
            self.set_header(None, None, None)
        else:
            self.set_header(content.document.title, content.path.name, words)
            if isinstance(content.path, WebLink):
                self.title_label.setToolTip(f"{content.document.title or content.path.name}\n{content.path.url}")
