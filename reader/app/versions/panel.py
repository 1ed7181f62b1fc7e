"""The sidebar's Versions tab: which file is the base, a coverage bar per version, the grid.

A click on a version's cell asks the window to show that version and the cell's sentence
(``cell_chosen``); picking another base asks for the comparison again (``base_chosen``).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.app.palette import Palette
from reader.app.versions.grid import FIRST_VERSION_COLUMN, VersionsGridModel, version_label
from reader.app.versions.grid_data import COVERAGE_ROLES, RowFilter, coverage
from reader.core.versions import STATUS_LETTERS, VersionsResult

LETTER_COLUMN_PX = 30
BAR_ROW_PX = 16
# No-break spaces keep each letter with its word when the legend wraps.
LEGEND = "  ".join(f"{letter}\u00a0{status.value}" for status, letter in STATUS_LETTERS.items()) + "  +\u00a0added"


class CoverageBars(QWidget):
    """One stacked bar per version: the share of base sentences kept, reworded, moved,
    split or merged, and dropped (the same order left to right, labelled in the tooltip)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versionsCoverage")
        self.shares: list[list[tuple[str, float]]] = []
        self.labels: list[str] = []
        self.current = -1
        self._colours: dict[str, QColor] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_palette(self, palette: Palette) -> None:
        self._colours = {name: QColor(getattr(palette, role)) for name, role in COVERAGE_ROLES.items()}
        self._colours["text"] = QColor(palette.text)
        self.update()

    def set_result(self, result: VersionsResult | None) -> None:
        self.shares = [coverage(result, p) for p in range(len(result.versions))] if result is not None else []
        self.labels = [version_label(p) for p in range(len(self.shares))]
        lines = [
            f"{label}: " + ", ".join(f"{name} {share:.0%}" for name, share in parts)
            for label, parts in zip(self.labels, self.shares, strict=True)
        ]
        self.setToolTip("\n".join(lines))
        self.setAccessibleDescription("; ".join(lines))
        self.setFixedHeight(max(0, len(self.shares) * BAR_ROW_PX + 4))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, len(self.shares) * BAR_ROW_PX + 4)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        label_width = self.fontMetrics().horizontalAdvance("V20 ") + 4
        width = max(1, self.width() - label_width - 2)
        for row, parts in enumerate(self.shares):
            top = 2 + row * BAR_ROW_PX
            text_rect = QRect(0, top, label_width, BAR_ROW_PX - 3)
            font = painter.font()
            font.setBold(row == self.current)
            painter.setFont(font)
            painter.setPen(self._colours.get("text", QColor("black")))
            painter.drawText(
                text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), self.labels[row]
            )
            x = float(label_width)
            for name, share in parts:
                span = share * width
                if span > 0:
                    painter.fillRect(
                        round(x), top + 1, max(1, round(x + span) - round(x)), BAR_ROW_PX - 5, self._colours[name]
                    )
                x += span
        painter.end()


class VersionsPanel(QWidget):
    """The Versions tab's widgets; the window's versions controller fills and listens to it."""

    base_chosen = Signal(int)  # position in the list of files (0 is the base shown now)
    cell_chosen = Signal(int, int)  # version position, grid row

    def __init__(self, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versionsPanel")
        self.base_box = QComboBox()
        self.base_box.setObjectName("versionsBase")
        self.base_box.setAccessibleName("Base version")
        self.base_box.setToolTip("The file the others are compared with; choosing another compares again")
        self.base_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.base_box.setMinimumContentsLength(8)
        self.base_box.activated.connect(self._on_base)
        self.progress_label = QLabel("")
        self.progress_label.setObjectName("versionsProgress")
        self.progress_label.setWordWrap(True)
        self.bars = CoverageBars()
        self.filter_box = QComboBox()
        self.filter_box.setObjectName("versionsFilter")
        self.filter_box.setAccessibleName("Which rows to show")
        for row_filter in RowFilter:
            self.filter_box.addItem(row_filter.value, row_filter)
        self.filter_box.currentIndexChanged.connect(self._on_filter)
        self.model = VersionsGridModel(palette)
        self.table = QTableView()
        self.table.setObjectName("versionsGrid")
        self.table.setAccessibleName("Base sentences by version")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: no measuring of thousands
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.horizontalHeader().setMinimumSectionSize(LETTER_COLUMN_PX - 6)
        self.table.clicked.connect(self._on_clicked)
        self.table.activated.connect(self._on_clicked)
        self.legend = QLabel(LEGEND)
        self.legend.setObjectName("versionsLegend")
        self.legend.setWordWrap(True)
        self.legend.setForegroundRole(self.legend.foregroundRole())
        base_row = QHBoxLayout()
        base_row.setContentsMargins(0, 0, 0, 0)
        base_label = QLabel("Base:")
        base_label.setBuddy(self.base_box)
        base_row.addWidget(base_label)
        base_row.addWidget(self.base_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(base_row)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.bars)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        self.set_palette(palette)
        self.set_files([], None)

    # ----- content ----------------------------------------------------------------------------
    def set_files(self, names: list[str], result: VersionsResult | None) -> None:
        """The files in their current order (the base first) and the summary, once there is one."""
        self.base_box.clear()
        for position, name in enumerate(names):
            self.base_box.addItem(name if position == 0 else f"{name}  ({version_label(position - 1)})")
        self.set_result(result)

    def set_result(self, result: VersionsResult | None) -> None:
        self.model.set_result(result)
        self.bars.set_result(result)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column == self.model.sentence_column:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                header.resizeSection(column, LETTER_COLUMN_PX + (6 if column == 0 else 0))

    def set_progress(self, text: str) -> None:
        self.progress_label.setText(text)
        self.progress_label.setVisible(bool(text))

    def set_current(self, position: int) -> None:
        self.bars.current = position
        self.bars.update()

    def set_palette(self, palette: Palette) -> None:
        self.model.set_palette(palette)
        self.bars.set_palette(palette)

    def select_cell(self, row: int, position: int) -> None:
        index = self.model.index(row, FIRST_VERSION_COLUMN + position)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    # ----- input --------------------------------------------------------------------------------
    def _on_base(self, position: int) -> None:
        if position > 0:
            self.base_chosen.emit(position)

    def _on_filter(self, _number: int) -> None:
        value = self.filter_box.currentData()  # Qt hands the enum back as its plain string
        if value in set(RowFilter):
            self.model.set_filter(RowFilter(value))

    def _on_clicked(self, index: QModelIndex) -> None:
        position = index.column() - FIRST_VERSION_COLUMN
        if 0 <= position < self.model.version_count:
            self.cell_chosen.emit(position, index.row())
