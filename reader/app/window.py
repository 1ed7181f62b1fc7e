"""The comparison window: two panes, legend, unique-sentence dock, status bar, file actions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader.app.drops import DropError, paths_from_mime
from reader.app.menus import build_menus
from reader.app.palette import Palette
from reader.app.pane import ArticlePane
from reader.app.render import FormatBook
from reader.app.settings import ZOOM_MAX, ZOOM_MIN, AppSettings
from reader.app.sidebar import UniqueSentencesDock
from reader.app.theme import chrome_style_sheet
from reader.app.widgets import EmptyState, LegendBar, MessageBar
from reader.app.worker import CompareRequest, CompareResult, CompareService
from reader.core.marks import Side
from reader.core.model import Stats
from reader.core.tokens import count_words
from reader.resources import demo_pair, resource_path

DEFAULT_SIZE = (1280, 800)
DOCK_WIDTH = 280
BUSY_DELAY_MS = 250  # show the progress bar only for comparisons that take a noticeable time
FILE_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm *.text);;All files (*)"

FileChooser = Callable[[str, str], Path | None]


def summary_text(stats: Stats) -> str:
    """The status bar line for a comparison."""
    return (
        f"Similarity {stats.similarity:.0%}  ·  {stats.words_inserted:,} words inserted, "
        f"{stats.words_deleted:,} deleted  ·  {stats.sentences_moved:,} sentences moved  ·  "
        f"{stats.sentences_only_a:,} only in A, {stats.sentences_only_b:,} only in B"
    )


def _dialog_chooser(parent: QWidget) -> FileChooser:
    def choose(caption: str, directory: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, caption, directory, FILE_FILTER)
        return Path(name) if name else None

    return choose


class MainWindow(QMainWindow):
    """Renders whatever the :class:`CompareService` produces; owns no comparison logic."""

    comparison_shown = Signal(object)  # CompareResult, after both panes are painted
    failure_shown = Signal(str)

    def __init__(self, settings: AppSettings, palette: Palette, restore_state: bool = True) -> None:
        super().__init__()
        self.settings = settings
        self.palette_ = palette
        self.paths: dict[Side, Path | None] = {Side.A: None, Side.B: None}
        self.result: CompareResult | None = None
        self.zoom_steps = settings.zoom
        self.persist_settings = True  # the screenshot command must not touch saved layout
        self.choose_file: FileChooser = _dialog_chooser(self)
        self.setWindowTitle("Tandem")
        icon = resource_path("icons", "tandem.svg")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.setAcceptDrops(True)
        self.service = CompareService(self)
        self.service.result_ready.connect(self._show_result)
        self.service.failed.connect(self._show_failure)
        self.service.progress.connect(self._show_progress)
        self.service.busy_changed.connect(self._on_busy)
        self._build_body()
        self._build_status_bar()
        self.dock = UniqueSentencesDock(self)
        self.dock.sentence_chosen.connect(self.reveal_sentence)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.actions_ = build_menus(self)
        self.apply_palette(palette)
        self.set_zoom(self.zoom_steps)
        self.resize(*DEFAULT_SIZE)
        self.splitter.setSizes([1, 1])
        self.resizeDocks([self.dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        if restore_state:
            self._restore_layout()

    # ----- construction -------------------------------------------------------------------
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
            pane.view.files_dropped.connect(lambda paths, s=side: self._on_pane_drop(s, paths))
            pane.view.drop_rejected.connect(self.show_error)
            pane.view.zoom_requested.connect(lambda delta: self.set_zoom(self.zoom_steps + delta))
        self.empty_state = EmptyState()
        self.empty_state.demo_requested.connect(self.open_demo)
        self.empty_state.open_requested.connect(self.open_both)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.splitter)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.legend)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.legend.hide()  # only meaningful once a comparison is shown

    def _build_status_bar(self) -> None:
        self.summary = QLabel("No comparison yet")
        self.summary.setObjectName("summary")
        self.summary.setMinimumWidth(0)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(220)
        self.progress.setFormat("Comparing… %p%")
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.statusBar().addWidget(self.summary, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.timeout.connect(self._reveal_busy)

    def apply_palette(self, palette: Palette) -> None:
        self.palette_ = palette
        self.formats = {side: FormatBook(palette, side) for side in Side}
        self.setStyleSheet(chrome_style_sheet(palette))
        self.legend.set_palette(palette)
        self.message_bar.set_palette(palette)
        for pane in self.panes.values():
            pane.apply_palette(palette)
        if self.result is not None:
            self._render(self.result)

    # ----- opening files ------------------------------------------------------------------
    def open_paths(self, path_a: Path | None, path_b: Path | None) -> CompareRequest:
        """Show ``path_a`` / ``path_b`` (either may be None); the work runs in the background."""
        return self.service.submit(path_a, path_b)

    def open_side(self, side: Side, path: Path) -> CompareRequest:
        paths = dict(self.paths)
        paths[side] = path
        return self.open_paths(paths[Side.A], paths[Side.B])

    def open_demo(self) -> CompareRequest:
        path_a, path_b = demo_pair()
        return self.open_paths(path_a, path_b)

    def ask_side(self, side: Side) -> bool:
        """Let the user pick a file for ``side``; False if they cancelled."""
        path = self.choose_file(f"Open article {side.value.upper()}", self.settings.last_directory)
        if path is None:
            return False
        self.settings.last_directory = str(path.parent)
        self.open_side(side, path)
        return True

    def open_both(self) -> None:
        """Ctrl+O: ask for A, then for B."""
        first = self.choose_file("Open article A", self.settings.last_directory)
        if first is None:
            return
        self.settings.last_directory = str(first.parent)
        second = self.choose_file("Open article B", self.settings.last_directory)
        if second is None:
            self.open_side(Side.A, first)
            return
        self.settings.last_directory = str(second.parent)
        self.open_paths(first, second)

    def swap_sides(self) -> None:
        if self.paths[Side.A] or self.paths[Side.B]:
            self.open_paths(self.paths[Side.B], self.paths[Side.A])

    def reload(self) -> None:
        if self.paths[Side.A] or self.paths[Side.B]:
            self.open_paths(self.paths[Side.A], self.paths[Side.B])

    # ----- drops ----------------------------------------------------------------------------
    def _on_pane_drop(self, side: Side, paths: list[Path]) -> None:
        if len(paths) == 2:
            self.open_paths(paths[0], paths[1])
        else:
            self.open_side(side, paths[0])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        event.acceptProposedAction()
        try:
            paths = paths_from_mime(event.mimeData())
        except DropError as error:
            self.show_error(str(error))
            return
        if len(paths) == 2:
            self.open_paths(paths[0], paths[1])
        elif self.paths[Side.A] is None:
            self.open_side(Side.A, paths[0])
        elif self.paths[Side.B] is None:
            self.open_side(Side.B, paths[0])
        else:
            self.show_message(
                "Both sides are open: drop the file on the left or right pane to choose which it replaces.",
                "info",
            )

    # ----- results --------------------------------------------------------------------------
    def _show_result(self, result: CompareResult) -> None:
        previous = self.result
        self.result = result
        try:
            self._render(result)
        except Exception as error:  # noqa: BLE001 - a rendering bug must not take the window down
            self.result = previous
            self._show_failure(result.request, f"Could not display the comparison: {type(error).__name__}: {error}")
            return
        self.paths = {Side.A: result.request.path_a, Side.B: result.request.path_b}
        warnings = [
            f"{side.value.upper()}: {warning}"
            for side, content in ((Side.A, result.a), (Side.B, result.b))
            if content is not None
            for warning in content.document.warnings
        ]
        if warnings:
            self.show_message("  ".join(warnings), "info")
        else:
            self.message_bar.dismiss()
        if result.comparison is not None and result.a and result.b:
            self.settings.add_recent_pair(result.a.path, result.b.path)
        self.comparison_shown.emit(result)

    def _render(self, result: CompareResult) -> None:
        comparison = result.comparison
        for side, content in ((Side.A, result.a), (Side.B, result.b)):
            words = None
            if content is not None:
                if comparison is not None:
                    words = comparison.stats.words_a if side is Side.A else comparison.stats.words_b
                else:
                    words = count_words(content.document.text)
            self.panes[side].show_content(content, self.formats[side], words)
        self.dock.show_comparison(comparison)
        self.legend.setVisible(comparison is not None)
        has_any = result.a is not None or result.b is not None
        self.stack.setCurrentWidget(self.splitter if has_any else self.empty_state)
        if comparison is not None:
            self.summary.setText(summary_text(comparison.stats))
        else:
            missing = "B" if result.b is None else "A"
            self.summary.setText(f"Open article {missing} to compare")
        names = [content.path.name for content in (result.a, result.b) if content is not None]
        self.setWindowTitle(" ↔ ".join(names) + " — Tandem" if names else "Tandem")

    def _show_failure(self, _request: CompareRequest, message: str) -> None:
        self.show_error(message)
        self.failure_shown.emit(message)

    def show_error(self, message: str) -> None:
        self.show_message(message, "error")

    def show_message(self, message: str, kind: str) -> None:
        self.message_bar.show_message(message, kind)

    # ----- busy indicator -----------------------------------------------------------------
    def _on_busy(self, busy: bool) -> None:
        if busy:
            self.progress.setRange(0, 0)
            self._busy_timer.start(BUSY_DELAY_MS)
        else:
            self._busy_timer.stop()
            self.progress.hide()
            self.unsetCursor()

    def _reveal_busy(self) -> None:
        self.progress.show()
        self.setCursor(Qt.CursorShape.BusyCursor)

    def _show_progress(self, fraction: float) -> None:
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 100)
        self.progress.setValue(int(fraction * 100))

    # ----- navigation and zoom ------------------------------------------------------------
    def reveal_sentence(self, side: Side, index: int) -> None:
        self.panes[side].view.reveal_sentence(index, self.palette_.flash)

    def set_zoom(self, steps: int) -> None:
        self.zoom_steps = max(ZOOM_MIN, min(ZOOM_MAX, steps))
        for pane in self.panes.values():
            pane.view.set_zoom(self.zoom_steps)

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

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.persist_settings:
            self.save_layout()
        self.service.shutdown()
        super().closeEvent(event)
