"""How articles get into the window: Open dialogs, drops, pasted and typed links, reload.

:class:`SourceOpener` does this for the window (kept apart so the window module stays about
layout and showing results); :class:`OpeningHost` names everything it uses of the window.
Every way in ends in :meth:`SourceOpener.open_paths`, which queues the request in the worker;
links are fetched there, with progress shown in the pane.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QMimeData, QStandardPaths
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QSplitter, QStackedWidget, QStatusBar, QWidget

from reader.app.drops import DropError, accept_as_copy, sources_from_mime
from reader.app.panes.pane import ArticlePane
from reader.app.settings import AppSettings
from reader.app.sources import Source, WebLink, file_dialog_filter
from reader.app.window.link_dialog import ask_link
from reader.app.window.loading import BusyIndicator
from reader.app.worker.service import CompareRequest, CompareService
from reader.core.marks import Side
from reader.core.model import CompareOptions
from reader.resources import demo_pair

FileChooser = Callable[[str, str], Path | None]
SaveChooser = Callable[[str, str, str], Path | None]  # caption, suggested path, filter
LinkChooser = Callable[[Side], "tuple[Side, str] | None"]  # suggested side -> chosen side and address
FilesChooser = Callable[[str, str], list[Path]]  # caption, folder -> the files chosen, in order


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


class OpeningHost(Protocol):
    """What opening files and links uses of the window."""

    service: CompareService
    options: CompareOptions
    settings: AppSettings
    paths: dict[Side, Source | None]
    panes: dict[Side, ArticlePane]
    stack: QStackedWidget
    splitter: QSplitter
    busy: BusyIndicator
    choose_file: FileChooser
    choose_files: FilesChooser
    choose_link: LinkChooser

    def show_loading(self, request: CompareRequest) -> None: ...
    def open_versions(self, sources: list[Source]) -> object: ...
    def show_message(self, message: str, kind: str) -> None: ...
    def show_error(self, message: str) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def focusWidget(self) -> QWidget: ...


class SourceOpener:
    """Opening files and links for the window ``host``."""

    def __init__(self, host: OpeningHost) -> None:
        self.host = host

    # ----- the one way in ---------------------------------------------------------------
    def open_paths(self, path_a: Source | None, path_b: Source | None) -> CompareRequest:
        """Show ``path_a`` / ``path_b`` (files or WebLinks, either may be None); work runs in the background."""
        host = self.host
        request = host.service.submit(path_a, path_b, host.options)
        for side, source in ((Side.A, path_a), (Side.B, path_b)):
            banner = host.panes[side].fetch_banner
            if isinstance(source, WebLink):
                banner.start(source.host)
            else:
                banner.hide()
        if request.has_links():
            # The progress lives in the panes: show them even before anything was opened.
            host.stack.setCurrentWidget(host.splitter)
        else:
            host.show_loading(request)
        return request

    def open_side(self, side: Side, path: Source) -> CompareRequest:
        paths = dict(self.host.paths)
        paths[side] = path
        return self.open_paths(paths[Side.A], paths[Side.B])

    def open_demo(self) -> CompareRequest:
        path_a, path_b = demo_pair()
        return self.open_paths(path_a, path_b)

    def swap_sides(self) -> None:
        paths = self.host.paths
        if paths[Side.A] or paths[Side.B]:
            self.open_paths(paths[Side.B], paths[Side.A])

    def reload(self) -> None:
        """Read both sides again; links are downloaded again."""
        paths = self.host.paths
        if paths[Side.A] or paths[Side.B]:
            self.open_paths(paths[Side.A], paths[Side.B])

    def cancel_fetch(self) -> None:
        """Cancel in a pane: stop the download; the window keeps what it showed before."""
        for pane in self.host.panes.values():
            if not pane.fetch_banner.isHidden():
                pane.fetch_banner.cancelled()
        self.host.service.cancel()

    def on_fetch_progress(self, side: str, received: int, total: int | None) -> None:
        self.host.panes[Side(side)].fetch_banner.update_progress(received, total)
        request = self.host.service.current_request
        source = None if request is None else (request.path_a if side == "a" else request.path_b)
        if isinstance(source, WebLink):
            self.host.busy.show_download(source.host)

    def end_fetches(self) -> None:
        for pane in self.host.panes.values():
            pane.fetch_banner.hide()

    # ----- dialogs ------------------------------------------------------------------------
    def ask_side(self, side: Side) -> bool:
        """Let the user pick a file for ``side``; False if they cancelled."""
        settings = self.host.settings
        path = self.host.choose_file(f"Open article {side.value.upper()}", start_directory(settings.last_directory))
        if path is None:
            return False
        settings.last_directory = str(path.parent)
        self.open_side(side, path)
        return True

    def open_both(self) -> None:
        """Ctrl+O: ask for A, then for B."""
        settings, choose = self.host.settings, self.host.choose_file
        first = choose("Open article A", start_directory(settings.last_directory))
        if first is None:
            return
        settings.last_directory = str(first.parent)
        second = choose("Open article B", start_directory(settings.last_directory))
        if second is None:
            self.open_side(Side.A, first)
            return
        settings.last_directory = str(second.parent)
        self.open_paths(first, second)

    def ask_versions(self) -> bool:
        """File › Open Versions…: the base and its versions in one dialog (the first is the base)."""
        settings = self.host.settings
        files = self.host.choose_files(
            "Open Versions: the base first, then its versions", start_directory(settings.last_directory)
        )
        if len(files) < 2:
            if files:
                self.host.show_message("Choose the base and at least one version of it.", "info")
            return False
        settings.last_directory = str(files[0].parent)
        return self.host.open_versions(list(files)) is not None

    def open_link(self) -> bool:
        """File › Open Link…: ask for an address and the side; False if cancelled."""
        chosen = self.host.choose_link(self.link_target() or Side.B)
        if chosen is None:
            return False
        side, url = chosen
        self.open_side(side, WebLink(url))
        return True

    # ----- links from the clipboard ---------------------------------------------------------
    def link_target(self) -> Side | None:
        """Where a pasted link goes: the focused pane if it is empty, else the first empty side."""
        focused = self.host.focusWidget()
        paths = self.host.paths
        for side, pane in self.host.panes.items():
            if focused is pane.view and paths[side] is None:
                return side
        return next((side for side in (Side.A, Side.B) if paths[side] is None), None)

    def paste_link(self) -> bool:
        """Ctrl+V: open a link (or a copied file) from the clipboard in an empty pane."""
        mime = QApplication.clipboard().mimeData()
        try:
            sources = sources_from_mime(mime if mime is not None else QMimeData(), limit=1)
        except DropError as error:
            self.host.show_message(str(error).replace("Dropped text", "The clipboard text"), "info")
            return False
        side = self.link_target()
        if side is None:
            self.host.show_message(
                "Both sides are open: drop the link on the pane it should replace, or use File › Open Link….",
                "info",
            )
            return False
        self.open_side(side, sources[0])
        return True

    # ----- drops ------------------------------------------------------------------------------
    def on_pane_drop(self, side: Side, sources: list[Source]) -> None:
        if len(sources) >= 3:
            self.host.open_versions(sources)
        elif len(sources) == 2:
            self.open_paths(sources[0], sources[1])
        else:
            self.open_side(side, sources[0])

    def drag_enter(self, event: QDragEnterEvent) -> None:
        if (event.mimeData().hasUrls() or event.mimeData().hasText()) and accept_as_copy(event):
            self.host.statusBar().showMessage(self.drop_target_text(len(event.mimeData().urls())))

    def drag_move(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            accept_as_copy(event)

    def drag_leave(self, _event: QDragLeaveEvent) -> None:
        self.host.statusBar().clearMessage()

    def drop_target_text(self, count: int) -> str:
        """Where a drop on the window (not on a pane) lands, shown while the drag hovers."""
        if count >= 3:
            return f"Drop: the first file is the base, the other {count - 1} its versions"
        if count >= 2:
            return "Drop: the two files open as A and B"
        if self.host.paths[Side.A] is None:
            return "Drop: opens as A"
        if self.host.paths[Side.B] is None:
            return "Drop: opens as B"
        return "Drop on the left or right pane to choose the side"

    def drop(self, event: QDropEvent) -> None:
        host = self.host
        host.statusBar().clearMessage()
        if not accept_as_copy(event):
            return
        try:
            sources = sources_from_mime(event.mimeData())
        except DropError as error:
            host.show_error(str(error))
            return
        if len(sources) >= 3:
            host.open_versions(sources)
        elif len(sources) == 2:
            self.open_paths(sources[0], sources[1])
        elif host.paths[Side.A] is None:
            self.open_side(Side.A, sources[0])
        elif host.paths[Side.B] is None:
            self.open_side(Side.B, sources[0])
        else:
            host.show_message(
                "Both sides are open: drop the file or link on the left or right pane to choose which it replaces.",
                "info",
            )
