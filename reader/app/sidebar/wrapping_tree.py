"""A tree whose entries wrap to the width they are shown at, every line visible.

QTreeWidget with word wrap sizes a row for the column's whole width, not for the width left
after the indentation, so the last line of a wrapped entry is cut off ("where it sits" under
a long sentence). The delegate measures the wrapped text at the real width instead, and the
rows are measured again whenever the width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem, QWidget

ROW_PADDING_PX = 6


class _WrapDelegate(QStyledItemDelegate):
    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        decoration = self.tree.indentation() if self.tree.rootIsDecorated() else 0
        width = max(40, self.tree.viewport().width() - self.tree.indentation() * depth - decoration - 8)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font) if font is not None else option.fontMetrics
        needed = metrics.boundingRect(QRect(0, 0, width, 1 << 20), int(Qt.TextFlag.TextWordWrap), text).height()
        return QSize(base.width(), max(base.height(), needed + ROW_PADDING_PX))


class WrappingTree(QTreeWidget):
    """A header-less tree of wrapped, variable-height entries."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setItemDelegate(_WrapDelegate(self))
        self._laid_out_width = -1

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._laid_out_width:
            self._laid_out_width = self.viewport().width()
            self.doItemsLayout()  # rows measure their wrapped text again at the new width


def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """The direct children of ``item`` (Qt's ``child(i)`` is None only out of range)."""
    return [child for i in range(item.childCount()) if (child := item.child(i)) is not None]
