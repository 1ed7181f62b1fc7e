"""The location bar beside a pane's scroll bar: where the marks are, what is visible, click to go.

Marks come precomputed from the worker (:class:`reader.core.overview.Overview`); the bar
turns them into pixel bands once per height and colour set and paints that cached list, so
scrolling repaints only a few hundred rectangles even on a book. Positions are shares of
the text's length (not pixels of the text layout, which Qt builds lazily), and the visible
region and clicks use the same scale, so the marks, the frame and a click always agree.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from reader.app.palette import Palette, overview_colour
from reader.app.panes.reading_view import ReadingView
from reader.core.marks import Side
from reader.core.overview import LANES, MarkKind, MarkRow, Overview, mark_rows

BAR_WIDTH = 14
# Base sentences some version dropped (the versions view): a strip on the bar's outer edge.
VERSIONS_LANE = (0.7, 1.0)


class LocationBar(QWidget):
    """Overview of one pane; press or drag to scroll the pane there (the other pane follows)."""

    jumped = Signal(float)  # share of the text the reader clicked or dragged to

    def __init__(self, view: ReadingView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.side: Side = view.side
        self.setObjectName(f"locationBar_{self.side.value}")
        self.setAccessibleName(f"Overview of article {self.side.value.upper()}")
        self.setAccessibleDescription(
            "Changes, sentences found in one text only and moved sentences; click to go there"
        )
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.overview: Overview | None = None
        self._colours: dict[MarkKind, QColor] = {}
        self._rows: list[MarkRow] = []
        self._rows_height = -1  # the height the cached rows were made for
        self._dragging = False
        self.versions_marks: list[tuple[int, int, int]] = []  # (start, end, versions dropping it)
        self._versions_rows: list[tuple[int, int]] = []
        self._versions_colour = QColor()
        view.verticalScrollBar().valueChanged.connect(self.update)
        view.verticalScrollBar().rangeChanged.connect(self.update)
        view.layout_changed.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(BAR_WIDTH, 100)

    def set_overview(self, overview: Overview | None) -> None:
        self.overview = overview
        self._rows_height = -1
        self.update()

    def set_palette(self, palette: Palette) -> None:
        self._colours = {kind: QColor(overview_colour(palette, kind.value, self.side.value)) for kind in MarkKind}
        self._versions_colour = QColor(palette.deleted_line)
        self.update()

    def set_versions_marks(self, marks: list[tuple[int, int, int]]) -> None:
        """Mark these text ranges (base sentences a version dropped); kept across ``set_overview``."""
        self.versions_marks = marks
        self._rows_height = -1
        self.update()

    def versions_rows(self) -> list[tuple[int, int]]:
        """The dropped-by-a-version marks as pixel rows ``(top, bottom)`` for the current height."""
        self.rows()  # refreshes both caches for this height
        return self._versions_rows

    def _make_versions_rows(self, height: int) -> list[tuple[int, int]]:
        length = self.overview.length if self.overview is not None else 0
        if length <= 0 or not self.versions_marks:
            return []
        rows: list[tuple[int, int]] = []
        for start, end, _count in self.versions_marks:
            top = int(start / length * height)
            bottom = max(top + 2, int(end / length * height + 0.999))
            if rows and top <= rows[-1][1]:
                rows[-1] = (rows[-1][0], max(rows[-1][1], bottom))
            else:
                rows.append((top, bottom))
        return rows

    # ----- geometry: shares of the text <-> pixels of the bar ----------------------------
    def rows(self) -> list[MarkRow]:
        """The cached bands for the current height (made again only when the height changes)."""
        if self.overview is None:
            return []
        if self._rows_height != self.height():
            self._rows = mark_rows(self.overview, self.height())
            self._versions_rows = self._make_versions_rows(self.height())
            self._rows_height = self.height()
        return self._rows

    def visible_share(self) -> tuple[float, float]:
        """The part of the pane on screen, as shares of its height (read off the scroll bar).

        Never from text positions: asking Qt which character sits at the bottom of the view
        makes it lay out the whole document at once (1 s for each pane of a 6 MB pair, on the
        first paint), where it would otherwise lay it out in the background.
        """
        if self.overview is None or self.view.pane_map is None or self.overview.length <= 0:
            return 0.0, 1.0
        bar = self.view.verticalScrollBar()
        total = bar.maximum() - bar.minimum() + bar.pageStep()
        if total <= 0:
            return 0.0, 1.0
        top = (bar.value() - bar.minimum()) / total
        bottom = 1.0 if bar.value() >= bar.maximum() else top + bar.pageStep() / total
        return max(0.0, min(1.0, top)), max(0.0, min(1.0, bottom))

    def go_to_share(self, share: float) -> None:
        """Centre the pane on the text at ``share`` of its length."""
        if self.overview is None or self.view.pane_map is None:
            return
        share = max(0.0, min(1.0, share))
        position = self.view.pane_map.position(round(share * self.overview.length))
        bar = self.view.verticalScrollBar()
        bar.setValue(max(0, round(self.view.y_of_position(position) - self.view.viewport().height() / 2)))
        self.jumped.emit(share)

    # ----- painting ----------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        colours = self.palette()
        painter.fillRect(self.rect(), colours.color(QPalette.ColorRole.Base))
        width = self.width()
        for row in self.rows():
            low, high = LANES.get(row.kind, (0.0, 1.0))
            colour = self._colours.get(row.kind)
            if colour is not None:
                x0 = round(low * width)
                painter.fillRect(x0, row.top, max(1, round(high * width) - x0), row.bottom - row.top, colour)
        if self._versions_rows and self.overview is not None:
            x0, x1 = round(VERSIONS_LANE[0] * width), round(VERSIONS_LANE[1] * width)
            for row_top, row_bottom in self._versions_rows:
                painter.fillRect(x0, row_top, x1 - x0, row_bottom - row_top, self._versions_colour)
        if self.overview is not None:
            top, bottom = self.visible_share()
            height = self.height()
            frame = QRectF(0.5, top * height + 0.5, width - 1.0, max(4.0, (bottom - top) * height) - 1.0)
            shade = QColor(colours.color(QPalette.ColorRole.Text))
            shade.setAlpha(40)
            painter.fillRect(frame, shade)
            painter.setPen(QPen(colours.color(QPalette.ColorRole.Text), 1))
            painter.drawRect(frame)
        painter.setPen(QPen(colours.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(0, 0, 0, self.height())
        painter.end()

    # ----- mouse -----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.height() > 0:
            self._dragging = True
            self.go_to_share(event.position().y() / self.height())
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging and self.height() > 0:
            self.go_to_share(event.position().y() / self.height())
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._dragging = False
        event.accept()
