"""The comparison window: two panes, legend, unique-sentence dock, status bar, file actions."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QStackedWidget, QToolBar, QVBoxLayout, QWidget

from reader.app.palette import Palette, Theme
from reader.app.panes.fact_marks import FactMarks
from reader.app.panes.finder import FindBar
from reader.app.panes.navigation import Links
from reader.app.panes.pane import ArticlePane
from reader.app.panes.reading import ReadingController
from reader.app.panes.reading_view import ReadingView
from reader.app.panes.render import FormatBook
from reader.app.panes.staged_paint import Built, StagedPainter, needs_stages
from reader.app.panes.widgets import EmptyState, LegendBar, MessageBar
from reader.app.settings import ZOOM_MAX, ZOOM_MIN, AppSettings
from reader.app.sidebar.dock import UniqueSentencesDock
from reader.app.sources import Source
from reader.app.theme import apply_theme, chrome_style_sheet
from reader.app.versions.controller import VersionsController, files_dialog
from reader.app.watch import FileWatcher
from reader.app.window import share, showing
from reader.app.window.loading import BusyIndicator, LoadingState
from reader.app.window.menus import LOOSENESS_CHOICES, build_menus
from reader.app.window.opening import (
    FileChooser,
    LinkChooser,
    SaveChooser,
    SourceOpener,
    dialog_chooser,
    link_chooser,
    save_dialog,
)
from reader.app.window.status import status_widgets
from reader.app.worker.service import CompareRequest, CompareResult, CompareService
from reader.core.facts.summary import sentence_at
from reader.core.marks import Side
from reader.core.model import CompareOptions, Fact
from reader.resources import resource_path

DEFAULT_SIZE = (1280, 800)
DOCK_WIDTH = 300  # the sidebar's three tab labels whole, with their counts
WRAP_NOTICE_MS = 4000


class MainWindow(QMainWindow):
    """Renders whatever the :class:`CompareService` produces; owns no comparison logic."""

    comparison_shown = Signal(object)  # CompareResult, after both panes are painted
    failure_shown = Signal(str)
    stage_shown = Signal(str)  # the stage the progress bar names now (the child's, then "painting")

    def __init__(
        self,
        settings: AppSettings,
        palette: Palette,
        restore_state: bool = True,
        theme: Theme | str | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.palette_ = palette
        self.theme = Theme(theme) if theme is not None else Theme(settings.theme)
        self.options: CompareOptions = settings.compare_options
        self.active_side = Side.A  # the pane Copy and Find use when neither has the focus
        self.paths: dict[Side, Source | None] = {Side.A: None, Side.B: None}
        self.result: CompareResult | None = None
        self.zoom_steps = settings.zoom
        self.persist_settings = True  # the screenshot command must not touch saved layout
        # Dialogs are replaceable so tests can answer them.
        self.choose_file: FileChooser = dialog_chooser(self)
        self.choose_save_path: SaveChooser = save_dialog(self)
        self.choose_link: LinkChooser = link_chooser(self)
        self.choose_files = files_dialog(self)
        self.setWindowTitle("Tandem")
        icon = resource_path("icons", "tandem.svg")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.setAcceptDrops(True)
        self.opening = SourceOpener(self)  # files, links, drops and reload
        self.service = CompareService(self)
        self._build_body()
        self._build_status_bar()
        self.service.result_ready.connect(self._show_result)
        self.service.failed.connect(self.show_failure)
        self.service.progress.connect(self.busy.show_progress)
        self.service.stage_changed.connect(self.busy.on_stage)
        self.service.busy_changed.connect(self.busy.on_busy)
        self.service.fetch_progress.connect(self.opening.on_fetch_progress)
        self.dock = UniqueSentencesDock(self)
        self.dock.sentence_chosen.connect(self.reveal_sentence)
        self.dock.fact_chosen.connect(self.reveal_fact)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.reading = ReadingController(
            {side: pane.view for side, pane in self.panes.items()}, lambda: self.palette_, parent=self
        )
        self.reading.sync_enabled = settings.sync_scroll
        self.painter = StagedPainter(self)
        self.fact_marks = FactMarks({side: pane.view for side, pane in self.panes.items()}, lambda: self.palette_)
        self.versions = VersionsController(self, palette, self)  # several versions of one base
        self.reading.difference_changed.connect(lambda _i, _n: self.position_label.setText(self.reading.status_text()))
        self.reading.wrapped.connect(self.show_wrap_notice)
        self.find_bar.wrapped.connect(self.show_wrap_notice)
        self.watcher = FileWatcher(self)
        self.watcher.changed.connect(self._on_files_changed)
        self.watcher.missing.connect(self._on_files_missing)
        self.actions_ = build_menus(self, self)
        self.versions.fill_menu(self.menuBar(), self)
        self.actions_.themes[self.theme].setChecked(True)
        self._set_tab_order()
        _application().focusChanged.connect(self._on_focus_changed)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme_changed)
        self.apply_palette(palette)
        self.set_zoom(self.zoom_steps)
        self.resize(*DEFAULT_SIZE)
        self.splitter.setSizes([1, 1])
        self.resizeDocks([self.dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        if restore_state:
            self._restore_layout()

    # ----- construction -------------------------------------------------------------------
    def _set_tab_order(self) -> None:
        """Tab goes toolbar, pane A, pane B, sidebar: the order the eye reads."""
        toolbar = self.findChild(QToolBar, "mainToolbar")
        widgets = [toolbar.widgetForAction(action) for action in toolbar.actions()] if toolbar else []
        chain = [w for w in widgets if w is not None and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        chain += [self.panes[Side.A].view, self.panes[Side.B].view, self.dock.tree]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _build_body(self) -> None:
        self.message_bar = MessageBar()
        self.legend = LegendBar()
        self.panes = {side: ArticlePane(side) for side in Side}
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("panesSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(6)
        for side, pane in self.panes.items():
            self.splitter.addWidget(pane)
            self.connect_view(side, pane.view)
            pane.fetch_banner.cancel_requested.connect(self.opening.cancel_fetch)
        self.find_bar: FindBar = FindBar({side: pane.view for side, pane in self.panes.items()})
        self.empty_state = EmptyState()
        self.empty_state.demo_requested.connect(self.opening.open_demo)
        self.empty_state.open_requested.connect(self.opening.open_both)
        self.loading = LoadingState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.loading)
        self.stack.addWidget(self.splitter)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.legend)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(body)
        self.legend.hide()  # only meaningful once a comparison is shown

    def _build_status_bar(self) -> None:
        self.summary, self.position_label, self.facts_button = status_widgets()
        self.facts_button.clicked.connect(lambda: self.dock.show_facts())
        self.busy: BusyIndicator = BusyIndicator(self, self.loading, self.stage_shown.emit)
        self.progress = self.busy.progress
        self.statusBar().addWidget(self.summary, 1)
        for widget in (self.facts_button, self.position_label, self.progress):
            self.statusBar().addPermanentWidget(widget)

    def connect_view(self, side: Side, view: ReadingView) -> None:
        """Drops, Ctrl+wheel and Ctrl+V in a reading view (the panes' own, or a version's)."""
        view.files_dropped.connect(lambda paths: self.opening.on_pane_drop(side, paths))
        view.drop_rejected.connect(self.show_error)
        view.zoom_requested.connect(lambda delta: self.set_zoom(self.zoom_steps + delta))
        view.paste_requested.connect(self.paste_link)

    def apply_palette(self, palette: Palette) -> None:
        self.palette_ = palette
        self.formats = {side: FormatBook(palette, side) for side in Side}
        self.find_bar.match_colour = palette.flash
        self.setStyleSheet(chrome_style_sheet(palette))
        self.legend.set_palette(palette)
        self.message_bar.set_palette(palette)
        for pane in self.panes.values():
            pane.apply_palette(palette)
        if self.painter.busy and self.painter.result is not None:
            self._show_result(self.painter.result)  # paint it again in the new colours
        elif self.result is not None:
            tops = self.reading.top_offsets()
            self._render(self.result)
            self.reading.restore_offsets(tops)
            self.reading.refresh_highlights()
        self.versions.apply_palette(palette)

    # ----- opening files and links (opening.SourceOpener does the work) ----------------------
    def open_paths(self, path_a: Source | None, path_b: Source | None) -> CompareRequest:
        """Show ``path_a`` / ``path_b`` (files or WebLinks, either may be None); work runs in the background."""
        return self.opening.open_paths(path_a, path_b)

    def open_side(self, side: Side, path: Source) -> CompareRequest:
        return self.opening.open_side(side, path)

    def open_demo(self) -> CompareRequest:
        return self.opening.open_demo()

    def open_both(self) -> None:
        self.opening.open_both()

    def ask_side(self, side: Side) -> bool:
        return self.opening.ask_side(side)

    def open_link(self) -> bool:
        return self.opening.open_link()

    def paste_link(self) -> bool:
        return self.opening.paste_link()

    def swap_sides(self) -> None:
        if not self.versions.refuses_swap():
            self.opening.swap_sides()

    def reload(self) -> None:
        if self.versions.recompute() is None:
            self.opening.reload()

    # ----- several versions of one base (reader.app.versions does the work) -----------------
    def open_versions(self, sources: list[Source]) -> object:
        """Compare ``sources[0]`` with every other source; the first version shows when done."""
        return self.versions.open_versions(list(sources))

    def ask_versions(self) -> bool:
        return self.opening.ask_versions()

    def show_kept(self, result: CompareResult, links: Links) -> None:
        """Show a comparison the panes' views on screen already hold (a kept version)."""
        self.painter.cancel()
        self.result = result
        self._render(result, links=links)
        self.paths = {Side.A: result.request.path_a, Side.B: result.request.path_b}

    def cancel_fetch(self) -> None:
        self.opening.cancel_fetch()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.opening.drag_enter(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.opening.drag_move(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.opening.drag_leave(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.opening.drop(event)

    @property
    def _stage(self) -> str:
        """The stage the progress bar names now (the child's, then "painting")."""
        return self.busy.stage

    # ----- results --------------------------------------------------------------------------
    def show_loading(self, request: CompareRequest) -> None:
        """Name what is being opened while nothing else is on screen (not over a shown comparison)."""
        if self.stack.currentWidget() in (self.empty_state, self.loading):
            names = [None if source is None else source.name for source in (request.path_a, request.path_b)]
            self.loading.start(names[0], names[1])
            self.stack.setCurrentWidget(self.loading)

    def _show_result(self, result: CompareResult) -> None:
        self.versions.leave()  # a pairwise comparison replaces the versions view
        self.opening.end_fetches()
        self.busy.on_stage("painting")
        self.painter.cancel()
        if needs_stages(result):  # a large pair: fill the panes step by step, then show them
            views = {side: pane.view for side, pane in self.panes.items()}
            self.painter.start(result, views, self.formats, lambda built: self._show_painted(result, built))
            return
        for widget in (self.loading, self.progress):
            if widget.isVisible():
                widget.repaint()  # painting blocks the event loop: show the stage first
        self._show_painted(result, None)

    def _show_painted(self, result: CompareResult, built: Built | None) -> None:
        showing.show_painted(self, result, built)

    def _render(self, result: CompareResult, built: Built | None = None, links: Links | None = None) -> None:
        showing.render(self, result, built, links)

    def show_failure(self, _request: CompareRequest, message: str) -> None:
        self.opening.end_fetches()
        if self.result is None or (self.result.a is None and self.result.b is None):
            self.stack.setCurrentWidget(self.empty_state)  # a failed first link leaves nothing to show
        self.show_error(message)
        self.failure_shown.emit(message)

    def show_wrap_notice(self, notice: str) -> None:
        """Searching or stepping went past the end and started over: say so, briefly."""
        self.statusBar().showMessage(f"↻ {notice}", WRAP_NOTICE_MS)

    def show_error(self, message: str) -> None:
        self.show_message(message, "error")

    def show_message(self, message: str, kind: str) -> None:
        self.message_bar.show_message(message, kind)

    # ----- navigation and zoom ------------------------------------------------------------
    def reveal_sentence(self, side: Side, index: int) -> None:
        """Bring a sentence to the reading line (the other pane follows when sync is on)."""
        self.reading.reveal(side, index)

    def reveal_fact(self, fact: Fact) -> None:
        """Bring a fact item's sentence to the reading line and tint its words on both sides."""
        comparison = self.result.comparison if self.result is not None else None
        if comparison is None:
            return
        side = Side.A if fact.a is not None else Side.B
        span = fact.a if fact.a is not None else fact.b
        sentences = comparison.sentences_a if side is Side.A else comparison.sentences_b
        if span is not None and sentences:
            self.reading.reveal(side, sentence_at(sentences, span[0]))
        self.fact_marks.choose(fact)

    def go_to_difference(self, forward: bool) -> int | None:
        return self.reading.go_to_difference(forward)

    def step_sentence(self, forward: bool) -> int | None:
        """Ctrl+Down / Ctrl+Up in the pane with the focus (or the last one that had it)."""
        return self.reading.step_sentence(self.active_side, forward)

    def go_to_counterpart(self, target: Side) -> int | None:
        """Alt+Right (to B) / Alt+Left (to A): the counterpart of the caret's sentence; focus follows."""
        source = Side.A if target is Side.B else Side.B
        found = self.reading.jump_to_counterpart(source)
        if found is not None:
            self.panes[target].view.setFocus()
        return found

    def set_sync_scroll(self, enabled: bool) -> None:
        self.reading.sync_enabled = enabled
        self.settings.sync_scroll = enabled
        if enabled:
            self.reading.sync_now(self.active_side)

    # ----- options, theme -------------------------------------------------------------------
    def set_options(self, options: CompareOptions) -> None:
        """The matching options changed: remember them and compare again, keeping the place.

        ``self.options`` is the one copy; each menu item replaces only its own field of it.
        """
        self.options = options
        self.settings.compare_options = options
        if self.versions.recompute() is not None:
            return
        if self.paths[Side.A] and self.paths[Side.B]:
            self.open_paths(self.paths[Side.A], self.paths[Side.B])

    def set_looseness_choice(self, number: int) -> None:
        self.actions_.looseness[number].setChecked(True)
        self.actions_.looseness_box.setCurrentIndex(number)
        self.set_options(replace(self.options, looseness=LOOSENESS_CHOICES[number][1]))

    def set_theme(self, theme: Theme | str) -> None:
        """Switch between light, dark and following the desktop, and remember the choice."""
        self.theme = Theme(theme)
        self.settings.theme = self.theme.value
        self.actions_.themes[self.theme].setChecked(True)
        self.apply_palette(apply_theme(_application(), self.theme))

    def _on_system_scheme_changed(self, _scheme: object) -> None:
        if self.theme is Theme.SYSTEM:
            self.set_theme(Theme.SYSTEM)

    # ----- files changing on disk --------------------------------------------------------
    def _on_files_changed(self, paths: list[Path]) -> None:
        names = ", ".join(path.name for path in paths)
        self.statusBar().showMessage(f"Reloaded {names} after it changed on disk", 4000)
        self.reload()

    def _on_files_missing(self, paths: list[Path]) -> None:
        names = ", ".join(f"“{path.name}”" for path in paths)
        self.show_message(
            f"{names} no longer exists on disk (deleted or moved); the last version read stays on screen.", "info"
        )

    # ----- edit: copy, find; share ----------------------------------------------------------
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for side, pane in self.panes.items():
            if new is pane.view:
                self.active_side = side

    def copy_selection(self) -> str:
        """Copy the selected text of the active pane (line breaks as the reader sees them)."""
        cursor = self.panes[self.active_side].view.textCursor()
        if not cursor.hasSelection():
            return ""
        text = cursor.selection().toPlainText().replace("\u2028", "\n")
        QApplication.clipboard().setText(text)
        return text

    def open_find(self) -> None:
        self.find_bar.open_for(self.active_side)

    def export_report(self) -> Path | None:
        return share.export_report(self)

    def export_pdf(self) -> Path | None:
        return share.export_pdf(self)

    def print_comparison(self) -> bool:
        return share.print_comparison(self)

    def set_zoom(self, steps: int) -> None:
        self.zoom_steps = max(ZOOM_MIN, min(ZOOM_MAX, steps))
        for pane in self.panes.values():
            pane.set_zoom(self.zoom_steps)

    # ----- settings -------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.window_state
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.splitter_state
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        self.settings.geometry = QByteArray(self.saveGeometry())
        self.settings.window_state = QByteArray(self.saveState())
        self.settings.splitter_state = QByteArray(self.splitter.saveState())
        self.settings.zoom = self.zoom_steps
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.persist_settings:
            self.save_layout()
        self.service.shutdown()
        self.versions.shutdown()
        self.watcher.watch([])
        super().closeEvent(event)


def _application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)  # a window needs the widgets application
    return app
