"""How articles get into the window: Open dialogs, drops, pasted and typed links, reload.

A mixin of :class:`reader.app.window.main_window.MainWindow` (kept apart so the window module stays
about layout and showing results). Every way in ends in :meth:`open_paths`, which queues
the request in the worker; links are fetched there, with progress shown in the pane.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QStandardPaths
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from reader.app.drops import DropError, accept_as_copy, sources_from_mime
from reader.app.sources import Source, WebLink, file_dialog_filter
from reader.app.window.link_dialog import ask_link
from reader.app.worker.service import CompareRequest
from reader.core.marks import Side
from reader.resources import demo_pair

if TYPE_CHECKING:
    from reader.app.window.main_window import MainWindow

FileChooser = Callable[[str, str], Path | None]
SaveChooser = Callable[[str, str, str], Path | None]  # caption, suggested path, filter
LinkChooser = Callable[[Side], "tuple[Side, str] | None"]  # suggested side -> chosen side and address


def dialog_chooser(parent: QWidget) -> FileChooser:
    def choose(caption: str, directory: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, caption, directory, file_dialog_filter())
        return Path(name) if name else None

    return choose


def save_dialog(parent: QWidget) -> SaveChooser:
    def choose(caption: str, suggestion: str, filter_: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, caption, suggestion, filter_)
        return Path(name) if name else None

    return choose


def link_chooser(parent: QWidget) -> LinkChooser:
    return lambda side: ask_link(parent, side)


def start_directory(last: str) -> str:
    """Where an Open dialog starts: the last folder used, else Documents, else home, never the
    working folder (a launcher's is often / or the install folder)."""
    if last and Path(last).is_dir():
        return last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return documents
    return str(Path.home())


class SourceOpening:
    """Opening files and links; mixed into MainWindow, whose attributes it uses."""

    # ----- the one way in ---------------------------------------------------------------
    def open_paths(self: MainWindow, path_a: Source | None, path_b: Source | None) -> CompareRequest:
        """Show ``path_a`` / ``path_b`` (files or WebLinks, either may be None); work runs in the background."""
        request = self.service.submit(path_a, path_b, self.options)
        for side, source in ((Side.A, path_a), (Side.B, path_b)):
            banner = self.panes[side].fetch_banner
            if isinstance(source, WebLink):
                banner.start(source.host)
            else:
                banner.hide()
        if request.has_links():
            # The progress lives in the panes: show them even before anything was opened.
            self.stack.setCurrentWidget(self.splitter)
        else:
            self.show_loading(request)
        return request

    def open_side(self: MainWindow, side: Side, path: Source) -> CompareRequest:
        paths = dict(self.paths)
        paths[side] = path
        return self.open_paths(paths[Side.A], paths[Side.B])

    def open_demo(self: MainWindow) -> CompareRequest:
        path_a, path_b = demo_pair()
        return self.open_paths(path_a, path_b)

    def swap_sides(self: MainWindow) -> None:
        if self.paths[Side.A] or self.paths[Side.B]:
            self.open_paths(self.paths[Side.B], self.paths[Side.A])

    def reload(self: MainWindow) -> None:
        """Read both sides again; links are downloaded again."""
        if self.paths[Side.A] or self.paths[Side.B]:
            self.open_paths(self.paths[Side.A], self.paths[Side.B])

    def cancel_fetch(self: MainWindow) -> None:
        """Cancel in a pane: stop the download; the window keeps what it showed before."""
        for pane in self.panes.values():
            if not pane.fetch_banner.isHidden():
                pane.fetch_banner.cancelled()
        self.service.cancel()

    def _on_fetch_progress(self: MainWindow, side: str, received: int, total: int | None) -> None:
        self.panes[Side(side)].fetch_banner.update_progress(received, total)
        request = self.service.current_request
        source = None if request is None else (request.path_a if side == "a" else request.path_b)
        if isinstance(source, WebLink):
            # The bar's percentage is the comparison's; while bytes arrive, say what is happening.
            self.progress.setFormat(f"Downloading from {source.host}…")

    def _end_fetches(self: MainWindow) -> None:
        for pane in self.panes.values():
            pane.fetch_banner.hide()

    # ----- dialogs ------------------------------------------------------------------------
    def ask_side(self: MainWindow, side: Side) -> bool:
        """Let the user pick a file for ``side``; False if they cancelled."""
        path = self.choose_file(f"Open article {side.value.upper()}", start_directory(self.settings.last_directory))
        if path is None:
            return False
        self.settings.last_directory = str(path.parent)
        self.open_side(side, path)
        return True

    def open_both(self: MainWindow) -> None:
        """Ctrl+O: ask for A, then for B."""
        first = self.choose_file("Open article A", start_directory(self.settings.last_directory))
        if first is None:
            return
        self.settings.last_directory = str(first.parent)
        second = self.choose_file("Open article B", start_directory(self.settings.last_directory))
        if second is None:
            self.open_side(Side.A, first)
            return
        self.settings.last_directory = str(second.parent)
        self.open_paths(first, second)

    def open_link(self: MainWindow) -> bool:
        """File › Open Link…: ask for an address and the side; False if cancelled."""
        chosen = self.choose_link(self.link_target() or Side.B)
        if chosen is None:
            return False
        side, url = chosen
        self.open_side(side, WebLink(url))
        return True

    # ----- links from the clipboard ---------------------------------------------------------
    def link_target(self: MainWindow) -> Side | None:
        """Where a pasted link goes: the focused pane if it is empty, else the first empty side."""
        focused = self.focusWidget()
        for side, pane in self.panes.items():
            if focused is pane.view and self.paths[side] is None:
                return side
        return next((side for side in (Side.A, Side.B) if self.paths[side] is None), None)

    def paste_link(self: MainWindow) -> bool:
        """Ctrl+V: open a link (or a copied file) from the clipboard in an empty pane."""
        mime = QApplication.clipboard().mimeData()
        try:
            sources = sources_from_mime(mime if mime is not None else QMimeData(), limit=1)
        except DropError as error:
            self.show_message(str(error).replace("Dropped text", "The clipboard text"), "info")
            return False
        side = self.link_target()
        if side is None:
            self.show_message(
                "Both sides are open: drop the link on the pane it should replace, or use File › Open Link….",
                "info",
            )
            return False
        self.open_side(side, sources[0])
        return True

    # ----- drops ------------------------------------------------------------------------------
    def _on_pane_drop(self: MainWindow, side: Side, sources: list[Source]) -> None:
        if len(sources) == 2:
            self.open_paths(sources[0], sources[1])
        else:
            self.open_side(side, sources[0])

    def dragEnterEvent(self: MainWindow, event: QDragEnterEvent) -> None:
        if (event.mimeData().hasUrls() or event.mimeData().hasText()) and accept_as_copy(event):
            self.statusBar().showMessage(self.drop_target_text(len(event.mimeData().urls())))

    def dragMoveEvent(self: MainWindow, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            accept_as_copy(event)

    def dragLeaveEvent(self: MainWindow, event) -> None:
        self.statusBar().clearMessage()

    def drop_target_text(self: MainWindow, count: int) -> str:
        """Where a drop on the window (not on a pane) lands, shown while the drag hovers."""
        if count >= 2:
            return "Drop: the two files open as A and B"
        if self.paths[Side.A] is None:
            return "Drop: opens as A"
        if self.paths[Side.B] is None:
            return "Drop: opens as B"
        return "Drop on the left or right pane to choose the side"

    def dropEvent(self: MainWindow, event: QDropEvent) -> None:
        self.statusBar().clearMessage()
        if not accept_as_copy(event):
            return
        try:
            sources = sources_from_mime(event.mimeData())
        except DropError as error:
            self.show_error(str(error))
            return
        if len(sources) == 2:
            self.open_paths(sources[0], sources[1])
        elif self.paths[Side.A] is None:
            self.open_side(Side.A, sources[0])
        elif self.paths[Side.B] is None:
            self.open_side(Side.B, sources[0])
        else:
            self.show_message(
                "Both sides are open: drop the file or link on the left or right pane to choose which it replaces.",
                "info",
            )
