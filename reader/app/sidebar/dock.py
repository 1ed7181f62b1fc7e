"""The sidebar dock: sentences found in only one text (grouped by side), the Facts tab, and the
Versions tab while several versions are compared."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QTabWidget, QTreeWidgetItem, QWidget

from reader.app.sidebar.facts_list import FactsList
from reader.app.sidebar.wrapping_tree import WrappingTree, children
from reader.core.facts.summary import QUIET
from reader.core.marks import Side
from reader.core.model import BlockKind, Comparison, Document

PREVIEW_CHARS = 90  # about two wrapped lines at the default dock width
CONTEXT_CHARS = 60
ROLE_TARGET = Qt.ItemDataRole.UserRole


class UniqueSentencesDock(QDockWidget):
    """Two tabs: "Unique", the sentences only in one text (groups "Only in A" and "Only in B";
    activating a sentence emits ``sentence_chosen``) and "Facts" (activating an item emits
    ``fact_chosen``). The labels are short so that all three, counts included, fit the dock's
    default width."""

    sentence_chosen = Signal(object, int)  # Side, sentence index
    fact_chosen = Signal(object)  # Fact

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Differences", parent)
        self.setObjectName("uniqueSentencesDock")  # needed by QMainWindow.saveState
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.tree = WrappingTree()
        self.tree.setAccessibleName("Sentences found in only one article")
        self.tree.setRootIsDecorated(True)
        # Entries wrap (the sentence, then where it sits), so rows differ in height.
        self.tree.itemClicked.connect(self._on_item)
        self.tree.itemActivated.connect(self._on_item)
        self.facts = FactsList()
        self.facts.fact_chosen.connect(self.fact_chosen)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sidebarTabs")
        self.tabs.setDocumentMode(True)
        # Labels that still do not fit (a narrowed dock) lose their middle, so the count stays.
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideMiddle)
        self.tabs.setMinimumWidth(self.tree.minimumSizeHint().width())
        self.tabs.addTab(self.tree, "Unique")
        self.tabs.addTab(self.facts, "Facts")
        self.tabs.setTabToolTip(0, "Sentences found in only one article")
        self.tabs.setTabToolTip(1, "What changed in numbers, dates, names, negation, certainty and quotations")
        self.setWidget(self.tabs)
        self.groups: dict[Side, QTreeWidgetItem] = {}
        self.versions_panel: QWidget | None = None
        self._unlisted: tuple[Comparison | None] | None = None  # shown, not yet listed (see below)
        self.tabs.currentChanged.connect(self._on_tab)
        self.show_comparison(None)

    def add_versions_tab(self, panel: QWidget) -> None:
        """The versions view's grid, as a third tab shown only while versions are compared."""
        self.versions_panel = panel
        self.tabs.addTab(panel, "Versions")
        self.tabs.setTabToolTip(self.tabs.indexOf(panel), "Every base sentence in every version")
        self.set_versions_shown(False)

    def set_versions_shown(self, shown: bool, label: str = "Versions") -> None:
        index = self.tabs.indexOf(self.versions_panel) if self.versions_panel is not None else -1
        if index < 0:
            return
        self.tabs.setTabVisible(index, shown)
        self.tabs.setTabText(index, label)
        if not shown and self.tabs.currentIndex() == index:
            self.tabs.setCurrentIndex(0)

    def show_versions(self) -> None:
        """Bring the Versions tab to the front (and the dock, if it was hidden)."""
        if self.versions_panel is not None:
            self.show()
            self.tabs.setCurrentWidget(self.versions_panel)

    def show_facts(self) -> None:
        """Bring the Facts tab to the front (and the dock, if it was hidden)."""
        self.show()
        self.tabs.setCurrentWidget(self.facts)

    def show_comparison(self, comparison: Comparison | None) -> None:
        """The counts in the tab labels now; the lists now too, unless the Versions grid is in
        front: then when their tab is opened (listing a book's facts takes 60 ms, and switching
        version must not pay it each time)."""
        unique = len(comparison.only_a) + len(comparison.only_b) if comparison else 0
        changed = sum(1 for fact in comparison.facts if fact.status not in QUIET) if comparison else 0
        self.tabs.setTabText(0, f"Unique ({unique})" if comparison else "Unique")
        self.tabs.setTabText(1, f"Facts ({changed})" if comparison else "Facts")
        if self.versions_panel is not None and self.tabs.currentWidget() is self.versions_panel:
            self._unlisted = (comparison,)
            return
        self._unlisted = None
        self._list(comparison)

    def _on_tab(self, _index: int) -> None:
        if self._unlisted is not None and self.tabs.currentWidget() is not self.versions_panel:
            (comparison,) = self._unlisted
            self._unlisted = None
            self._list(comparison)

    def _list(self, comparison: Comparison | None) -> None:
        self.facts.show_comparison(comparison)
        self.tree.clear()
        self.groups = {}
        if comparison is None:
            placeholder = QTreeWidgetItem(
                ["Open two articles to list\nwhat each says alone."]
            )  # two short lines fit a narrow dock
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(placeholder)
            return
        for side, indices, sentences, text in (
            (Side.A, comparison.only_a, comparison.sentences_a, comparison.a.text),
            (Side.B, comparison.only_b, comparison.sentences_b, comparison.b.text),
        ):
            group = QTreeWidgetItem([f"Only in {side.value.upper()} ({len(indices)})"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            children = []
            sections = section_titles(comparison.a if side is Side.A else comparison.b)
            for index in indices:
                sentence = sentences[index]
                full = " ".join(text[sentence.start : sentence.end].split())
                preview = full if len(full) <= PREVIEW_CHARS else full[: PREVIEW_CHARS - 1] + "…"
                context = sections.get(sentence.block, "")
                where = (
                    f"in “{_short(context)}”, paragraph {sentence.block + 1}"
                    if context
                    else f"paragraph {sentence.block + 1}"
                )
                child = QTreeWidgetItem([f"{preview}\n{where}"])
                child.setToolTip(0, f"{full[:1000]}\n\n{side.value.upper()}, sentence {index + 1}, {where}")
                child.setData(0, ROLE_TARGET, (side.value, index))
                children.append(child)
            if not children:
                none = QTreeWidgetItem([f"Nothing: every sentence of {side.value.upper()}\nhas a counterpart."])
                none.setFlags(Qt.ItemFlag.NoItemFlags)
                children.append(none)
            group.addChildren(children)
            self.tree.addTopLevelItem(group)
            group.setExpanded(True)
            self.groups[side] = group

    def count(self, side: Side) -> int:
        """Number of unique sentences listed for ``side``."""
        group = self.groups.get(side)
        if group is None:
            return 0
        return sum(1 for child in children(group) if child.data(0, ROLE_TARGET))

    def item_for(self, side: Side, row: int) -> QTreeWidgetItem | None:
        group = self.groups.get(side)
        if group is None or row >= group.childCount():
            return None
        return group.child(row)

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, ROLE_TARGET)
        if target:
            side, index = target
            self.sentence_chosen.emit(Side(side), int(index))


def _short(text: str) -> str:
    return text if len(text) <= CONTEXT_CHARS else text[: CONTEXT_CHARS - 1] + "…"


def section_titles(document: Document) -> dict[int, str]:
    """For each block, the heading (or title) it sits under, if any."""
    out: dict[int, str] = {}
    current = ""
    for number, block in enumerate(document.blocks):
        if block.kind in (BlockKind.HEADING, BlockKind.TITLE):
            current = " ".join(document.text[block.start : block.end].split())
        elif current:
            out[number] = current
    return out
