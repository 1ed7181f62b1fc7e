"""Menus and shortcuts of the main window."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from reader import __version__
from reader.core.marks import Side

if TYPE_CHECKING:
    from reader.app.window import MainWindow


@dataclass(frozen=True, slots=True)
class WindowActions:
    open_a: QAction
    open_b: QAction
    open_both: QAction
    open_demo: QAction
    swap: QAction
    reload: QAction
    quit: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    toggle_dock: QAction
    recent_menu: QMenu


def _action(window: MainWindow, text: str, slot: object, *shortcuts: QKeySequence | str) -> QAction:
    action = QAction(text, window)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.triggered.connect(slot)
    window.addAction(action)  # shortcuts work even when the menu bar is hidden
    return action


def build_menus(window: MainWindow) -> WindowActions:
    menu_bar = window.menuBar()
    file_menu = menu_bar.addMenu("&File")
    open_a = _action(window, "Open &A…", lambda: window.ask_side(Side.A))
    open_b = _action(window, "Open &B…", lambda: window.ask_side(Side.B))
    open_both = _action(window, "&Open A and B…", window.open_both, QKeySequence.StandardKey.Open)
    open_demo = _action(window, "Open &Demo Articles", window.open_demo)
    swap = _action(window, "&Swap Sides", window.swap_sides, "Ctrl+Shift+X")
    reload = _action(window, "&Reload", window.reload, "F5")
    quit_action = _action(window, "&Quit", window.close, QKeySequence.StandardKey.Quit)
    recent_menu = QMenu("Open &Recent", window)
    recent_menu.aboutToShow.connect(lambda: _fill_recent(window, recent_menu))
    for action in (open_both, open_a, open_b):
        file_menu.addAction(action)
    file_menu.addMenu(recent_menu)
    file_menu.addAction(open_demo)
    file_menu.addSeparator()
    file_menu.addAction(swap)
    file_menu.addAction(reload)
    file_menu.addSeparator()
    file_menu.addAction(quit_action)

    view_menu = menu_bar.addMenu("&View")
    # Ctrl+= as well as the platform's Ctrl++, since "+" needs Shift on most layouts.
    zoom_in = _action(window, "Zoom &In", lambda: window.set_zoom(window.zoom_steps + 1), "Ctrl+=", "Ctrl++")
    zoom_out = _action(window, "Zoom &Out", lambda: window.set_zoom(window.zoom_steps - 1), "Ctrl+-")
    zoom_reset = _action(window, "&Actual Size", lambda: window.set_zoom(0), "Ctrl+0")
    for action in (zoom_in, zoom_out, zoom_reset):
        view_menu.addAction(action)
    view_menu.addSeparator()
    toggle_dock = window.dock.toggleViewAction()
    toggle_dock.setText("&Unique Sentences")
    toggle_dock.setShortcut(QKeySequence("Ctrl+U"))
    view_menu.addAction(toggle_dock)

    help_menu = menu_bar.addMenu("&Help")
    about = QAction("&About Tandem", window)
    about.triggered.connect(lambda: _about(window))
    help_menu.addAction(about)
    return WindowActions(
        open_a, open_b, open_both, open_demo, swap, reload, quit_action,
        zoom_in, zoom_out, zoom_reset, toggle_dock, recent_menu,
    )


def _fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    pairs = window.settings.recent_pairs
    if not pairs:
        empty = menu.addAction("No recent comparisons")
        empty.setEnabled(False)
        return
    for path_a, path_b in pairs:
        action = menu.addAction(f"{path_a.name}  ↔  {path_b.name}")
        action.setToolTip(f"{path_a}\n{path_b}")
        action.triggered.connect(lambda _=False, a=path_a, b=path_b: window.open_paths(a, b))
    menu.addSeparator()
    menu.addAction("Clear Recent", window.settings.clear_recent)


def _about(window: MainWindow) -> None:
    QMessageBox.about(
        window,
        "About Tandem",
        f"<b>Tandem {__version__}</b><p>Put two versions of an article side by side and see "
        "what one says that the other does not.</p>",
    )
