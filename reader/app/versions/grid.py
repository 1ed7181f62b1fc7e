"""The Versions grid's Qt model: a thin table over ``grid_data`` rows, filtered in place.

Columns: the row number, one narrow column per version (its status letter on the status's
colour), then the sentence. The model keeps the list of shown rows, so a filter is one reset
and data() is a list lookup: thousands of rows stay fast (the view asks only for what it
shows).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from reader.app.palette import Palette
from reader.app.versions.grid_data import (
    ADDED_ROLE,
    STATUS_ROLES,
    GridCell,
    GridRow,
    RowFilter,
    filtered,
    grid_rows,
)
from reader.core.versions import VersionsResult

NUMBER_COLUMN = 0
FIRST_VERSION_COLUMN = 1
TOOLTIP_CHARS = 400
AnyIndex = QModelIndex | QPersistentModelIndex


def version_label(position: int) -> str:
    return f"V{position + 1}"


class VersionsGridModel(QAbstractTableModel):
    """Rows of :func:`grid_rows` by ``#``, V1..Vn and the sentence."""

    def __init__(self, palette: Palette) -> None:
        super().__init__()
        self.palette = palette
        self.result: VersionsResult | None = None
        self.rows: list[GridRow] = []
        self.shown: list[int] = []
        self.row_filter = RowFilter.ALL
        self._colours: dict[str, QColor] = {}
        self.set_palette(palette)

    # ----- content ------------------------------------------------------------------------
    def set_result(self, result: VersionsResult | None) -> None:
        self.beginResetModel()
        self.result = result
        self.rows = grid_rows(result) if result is not None else []
        self.shown = filtered(self.rows, self.row_filter)
        self.endResetModel()

    def set_filter(self, row_filter: RowFilter) -> None:
        self.beginResetModel()
        self.row_filter = row_filter
        self.shown = filtered(self.rows, row_filter)
        self.endResetModel()

    def set_palette(self, palette: Palette) -> None:
        self.palette = palette
        roles = {*STATUS_ROLES.values(), ADDED_ROLE, "text", "muted_text"}
        self._colours = {role: QColor(getattr(palette, role)) for role in roles}
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    @property
    def version_count(self) -> int:
        return len(self.result.versions) if self.result is not None else 0

    @property
    def sentence_column(self) -> int:
        return FIRST_VERSION_COLUMN + self.version_count

    def row_at(self, row: int) -> GridRow:
        return self.rows[self.shown[row]]

    def cell_at(self, row: int, column: int) -> GridCell | None:
        """The cell under a grid position (None outside the version columns or where empty)."""
        position = column - FIRST_VERSION_COLUMN
        if not 0 <= row < len(self.shown) or not 0 <= position < self.version_count:
            return None
        return self.row_at(row).cells[position]

    def row_of_base(self, base: int) -> int | None:
        """The grid row showing base sentence ``base`` under the current filter."""
        for row, index in enumerate(self.shown):
            if self.rows[index].base == base:
                return row
        return None

    # ----- the model ------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() or self.result is None else self.sentence_column + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation is not Qt.Orientation.Horizontal or self.result is None:
            return None
        position = section - FIRST_VERSION_COLUMN
        if role == Qt.ItemDataRole.DisplayRole:
            if section == NUMBER_COLUMN:
                return "#"
            return version_label(position) if position < self.version_count else "Sentence"
        if role == Qt.ItemDataRole.ToolTipRole and 0 <= position < self.version_count:
            return f"{version_label(position)}: {self.result.versions[position].document.name}"
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.result is None:
            return None
        row, column = self.row_at(index.row()), index.column()
        position = column - FIRST_VERSION_COLUMN
        in_versions = 0 <= position < self.version_count
        cell = row.cells[position] if in_versions else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NUMBER_COLUMN:
                return str(row.base + 1) if row.base is not None else "+"
            if in_versions:
                return cell.letter if cell is not None else ""
            return row.text
        if role == Qt.ItemDataRole.BackgroundRole and cell is not None:
            return self._colours[ADDED_ROLE if cell.status is None else STATUS_ROLES[cell.status]]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colours["muted_text" if column == NUMBER_COLUMN else "text"]
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.sentence_column:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._describe(row, position, cell, role == Qt.ItemDataRole.ToolTipRole)
        return None

    def _describe(self, row: GridRow, position: int, cell: GridCell | None, long: bool) -> str:
        assert self.result is not None
        where = f"base sentence {row.base + 1}" if row.base is not None else f"added by {row.added_by}"
        if not 0 <= position < self.version_count:
            return f"{where}: {row.text[:TOOLTIP_CHARS]}" if long else row.text
        label = version_label(position)
        if cell is None:
            return f"{label}: not in this version"
        text = f"{label} {cell.label} ({where})"
        if long and cell.sentences:
            version = self.result.versions[position]
            spans = version.comparison.sentences_b
            first, last = spans[cell.sentences[0]], spans[cell.sentences[-1]]
            words = " ".join(version.document.text[first.start : last.end].split())
            text += f"\n{words[:TOOLTIP_CHARS]}"
        return text
