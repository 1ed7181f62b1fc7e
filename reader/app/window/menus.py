"""Menus, shortcuts and the toolbar of the main window.

Every command lives in a menu (so it is reachable from the keyboard through the menu bar)
and is also added to the window itself, so its shortcut works while the menu bar is hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QMenu, QMessageBox, QToolBar

from reader import __version__
from reader.app.palette import Theme
from reader.app.panes.finder import FindBar
from reader.app.recent import complete_pairs, pair_labels
from reader.app.settings import AppSettings
from reader.app.sidebar.dock import UniqueSentencesDock
from reader.app.sources import Source
from reader.app.window.shortcuts_help import show_shortcuts
from reader.core.marks import Side
from reader.core.model import CompareOptions

# How loosely sentences may be matched, from the engine's 0..1 scale to words people use.
LOOSENESS_CHOICES: tuple[tuple[str, float], ...] = (
    ("Strict (edits only)", 0.0),
    ("Close", 0.25),
    ("Balanced", 0.5),
    ("Loose", 0.75),
    ("Paraphrase", 1.0),
)


def looseness_index(value: float) -> int:
    """The choice nearest to an engine looseness value."""
    return min(range(len(LOOSENESS_CHOICES)), key=lambda i: abs(LOOSENESS_CHOICES[i][1] - value))


class MenuCommands(Protocol):
    """What the menus, the toolbar and their shortcuts do: everything they use of the window."""

    settings: AppSettings
    options: CompareOptions
    zoom_steps: int
    dock: UniqueSentencesDock
    find_bar: FindBar

    def open_paths(self, path_a: Source | None, path_b: Source | None) -> object: ...
    def ask_side(self, side: Side) -> bool: ...
    def open_both(self) -> None: ...
    def ask_versions(self) -> bool: ...
    def open_demo(self) -> object: ...
    def open_link(self) -> bool: ...
    def paste_link(self) -> bool: ...
    def swap_sides(self) -> None: ...
    def reload(self) -> None: ...
    def export_report(self) -> Path | None: ...
    def export_pdf(self) -> Path | None: ...
    def print_comparison(self) -> bool: ...
    def copy_selection(self) -> str: ...
    def open_find(self) -> None: ...
    def go_to_difference(self, forward: bool) -> int | None: ...
    def step_sentence(self, forward: bool) -> int | None: ...
    def go_to_counterpart(self, target: Side) -> int | None: ...
    def set_sync_scroll(self, enabled: bool) -> None: ...
    def set_options(self, options: CompareOptions) -> None: ...
    def set_looseness_choice(self, number: int) -> None: ...
    def set_theme(self, theme: Theme | str) -> None: ...
    def set_zoom(self, steps: int) -> None: ...


@dataclass(frozen=True, slots=True)
class WindowActions:
    open_a: QAction
    open_b: QAction
    open_both: QAction
    open_demo: QAction
    swap: QAction
    reload: QAction
    export_report: QAction
    export_pdf: QAction
    print_: QAction
    quit: QAction
    copy: QAction
    find: QAction
    find_next: QAction
    find_previous: QAction
    next_difference: QAction
    previous_difference: QAction
    next_sentence: QAction
    previous_sentence: QAction
    counterpart_a: QAction
    counterpart_b: QAction
    shortcuts_help: QAction
    sync_scroll: QAction
    ignore_case: QAction
    ignore_punctuation: QAction
    fold_quotes: QAction
    looseness: tuple[QAction, ...]
    themes: dict[Theme, QAction]
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    toggle_dock: QAction
    toggle_toolbar: QAction
    recent_menu: QMenu
    looseness_box: QComboBox
    open_link: QAction
    paste_link: QAction
    open_versions: QAction


def _action(
    window: QMainWindow,
    text: str,
    slot: Callable[[], object],
    *shortcuts: QKeySequence | QKeySequence.StandardKey | str,
    icon: str = "",
) -> QAction:
    action = QAction(text, window)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        tip = text.replace("&", "").rstrip("…")
        action.setToolTip(f"{tip} ({QKeySequence(shortcuts[0]).toString(QKeySequence.SequenceFormat.NativeText)})")
    if icon:
        action.setIcon(QIcon.fromTheme(icon))  # the desktop's icon when there is one; text otherwise
    action.triggered.connect(slot)
    window.addAction(action)  # shortcuts work even when the menu bar is hidden
    return action


def _checkable(
    window: QMainWindow, text: str, checked: bool, slot: Callable[[bool], object], *shortcuts: str
) -> QAction:
    action = QAction(text, window)
    action.setCheckable(True)
    action.setChecked(checked)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.toggled.connect(slot)
    window.addAction(action)
    return action


def build_menus(window: QMainWindow, commands: MenuCommands) -> WindowActions:
    """Menus, toolbar and shortcuts on ``window``, their actions running ``commands``."""
    menu_bar = window.menuBar()
    file_menu = menu_bar.addMenu("&File")
    open_a = _action(window, "Open &A…", lambda: commands.ask_side(Side.A))
    open_b = _action(window, "Open &B…", lambda: commands.ask_side(Side.B))
    open_both = _action(
        window, "&Open A and B…", commands.open_both, QKeySequence.StandardKey.Open, icon="document-open"
    )
    open_demo = _action(window, "Open &Demo Articles", commands.open_demo)
    open_link = _action(window, "Open &Link…", commands.open_link, "Ctrl+L")
    open_link.setStatusTip("Download a web page (only the page: never its images or scripts) and compare it")
    open_versions = _action(window, "Open &Versions…", commands.ask_versions, "Ctrl+Shift+O")
    open_versions.setStatusTip("Compare a base with several versions of it (the first file chosen is the base)")
    swap = _action(window, "&Swap Sides", commands.swap_sides, "Ctrl+Shift+X", icon="object-flip-horizontal")
    reload = _action(window, "&Reload", commands.reload, "F5", icon="view-refresh")
    export_report = _action(window, "&Export Report…", commands.export_report, "Ctrl+E")
    export_pdf = _action(window, "Export &PDF…", commands.export_pdf, "Ctrl+Shift+E")
    print_action = _action(window, "&Print…", commands.print_comparison, QKeySequence.StandardKey.Print)
    quit_action = _action(window, "&Quit", window.close, QKeySequence.StandardKey.Quit)
    recent_menu = QMenu("Open &Recent", window)
    recent_menu.aboutToShow.connect(lambda: fill_recent(commands, recent_menu))
    for action in (open_both, open_a, open_b, open_versions, open_link):
        file_menu.addAction(action)
    file_menu.addMenu(recent_menu)
    file_menu.addAction(open_demo)
    file_menu.addSeparator()
    file_menu.addAction(swap)
    file_menu.addAction(reload)
    file_menu.addSeparator()
    for action in (export_report, export_pdf, print_action):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(quit_action)

    edit_menu = menu_bar.addMenu("&Edit")
    copy = _action(window, "&Copy", commands.copy_selection, QKeySequence.StandardKey.Copy)
    paste_link = _action(window, "&Paste Link", commands.paste_link, QKeySequence.StandardKey.Paste)
    paste_link.setStatusTip("Open the link (or file) on the clipboard in an empty pane")
    find = _action(window, "&Find…", commands.open_find, QKeySequence.StandardKey.Find, icon="edit-find")
    find_next = _action(window, "Find &Next", lambda: commands.find_bar.find(True), "F3")
    find_previous = _action(window, "Find Pre&vious", lambda: commands.find_bar.find(False), "Shift+F3")
    for action in (copy, paste_link, find, find_next, find_previous):
        edit_menu.addAction(action)

    view_menu = menu_bar.addMenu("&View")
    next_difference = _action(
        window, "&Next Difference", lambda: commands.go_to_difference(True), "Alt+Down", "F7", icon="go-down"
    )
    previous_difference = _action(
        window, "&Previous Difference", lambda: commands.go_to_difference(False), "Alt+Up", "Shift+F7", icon="go-up"
    )
    next_sentence = _action(window, "Next Sen&tence", lambda: commands.step_sentence(True), "Ctrl+Down")
    previous_sentence = _action(window, "Previous Sent&ence", lambda: commands.step_sentence(False), "Ctrl+Up")
    counterpart_b = _action(window, "Counterpart in &B", lambda: commands.go_to_counterpart(Side.B), "Alt+Right")
    counterpart_a = _action(window, "Counterpart in &A", lambda: commands.go_to_counterpart(Side.A), "Alt+Left")
    sync_scroll = _checkable(window, "&Sync Scrolling", commands.settings.sync_scroll, commands.set_sync_scroll)
    sync_scroll.setToolTip("Keep the other pane at the matching sentence while scrolling")
    view_menu.addAction(next_difference)
    view_menu.addAction(previous_difference)
    for action in (next_sentence, previous_sentence, counterpart_b, counterpart_a):
        view_menu.addAction(action)
    view_menu.addSeparator()
    view_menu.addAction(sync_scroll)
    matching = view_menu.addMenu("&Matching")
    # Each item changes its own field of the window's options; the others (set elsewhere) stay.
    options = commands.settings.compare_options
    ignore_case = _checkable(
        window,
        "Ignore &Case",
        options.ignore_case,
        lambda on: commands.set_options(replace(commands.options, ignore_case=on)),
    )
    ignore_punctuation = _checkable(
        window,
        "Ignore &Punctuation",
        options.ignore_punctuation,
        lambda on: commands.set_options(replace(commands.options, ignore_punctuation=on)),
    )
    fold_quotes = _checkable(
        window,
        "Treat &Quote and Dash Styles as Equal",
        options.fold_quotes_dashes,
        lambda on: commands.set_options(replace(commands.options, fold_quotes_dashes=on)),
    )
    for action in (ignore_case, ignore_punctuation, fold_quotes):
        matching.addAction(action)
    matching.addSeparator()
    matching.addSection("How loosely sentences are matched")
    group = QActionGroup(window)
    chosen = looseness_index(options.looseness)
    looseness = []
    for number, (label, _value) in enumerate(LOOSENESS_CHOICES):
        action = QAction(label, window)
        action.setCheckable(True)
        action.setChecked(number == chosen)
        action.setActionGroup(group)
        action.triggered.connect(lambda _on=False, n=number: commands.set_looseness_choice(n))
        matching.addAction(action)
        looseness.append(action)
    theme_menu = view_menu.addMenu("&Theme")
    theme_group = QActionGroup(window)
    themes: dict[Theme, QAction] = {}
    for theme, label in ((Theme.SYSTEM, "Follow the &System"), (Theme.LIGHT, "&Light"), (Theme.DARK, "&Dark")):
        action = QAction(label, window)
        action.setCheckable(True)
        action.setActionGroup(theme_group)
        action.triggered.connect(lambda _on=False, t=theme: commands.set_theme(t))
        theme_menu.addAction(action)
        themes[theme] = action
    view_menu.addSeparator()
    # Ctrl+= as well as the platform's Ctrl++, since "+" needs Shift on most layouts.
    zoom_in = _action(window, "Zoom &In", lambda: commands.set_zoom(commands.zoom_steps + 1), "Ctrl+=", "Ctrl++")
    zoom_out = _action(window, "Zoom &Out", lambda: commands.set_zoom(commands.zoom_steps - 1), "Ctrl+-")
    zoom_reset = _action(window, "&Actual Size", lambda: commands.set_zoom(0), "Ctrl+0")
    for action in (zoom_in, zoom_out, zoom_reset):
        view_menu.addAction(action)
    view_menu.addSeparator()
    toggle_dock = commands.dock.toggleViewAction()
    toggle_dock.setText("&Sidebar (Only in One, Facts)")
    toggle_dock.setShortcut(QKeySequence("Ctrl+U"))
    view_menu.addAction(toggle_dock)
    view_menu.addAction(_action(window, "&Facts", commands.dock.show_facts, "Ctrl+Shift+U"))

    toolbar, looseness_box = _build_toolbar(
        window, commands, (open_both, swap, None, previous_difference, next_difference, None, find, sync_scroll)
    )
    toggle_toolbar = toolbar.toggleViewAction()
    toggle_toolbar.setText("&Toolbar")
    view_menu.addAction(toggle_toolbar)

    help_menu = menu_bar.addMenu("&Help")
    shortcuts_help = _action(window, "&Keyboard Shortcuts", lambda: show_shortcuts(window), "F1")
    help_menu.addAction(shortcuts_help)
    about = QAction("&About Tandem", window)
    about.triggered.connect(lambda: _about(window))
    help_menu.addAction(about)
    return WindowActions(
        open_a,
        open_b,
        open_both,
        open_demo,
        swap,
        reload,
        export_report,
        export_pdf,
        print_action,
        quit_action,
        copy,
        find,
        find_next,
        find_previous,
        next_difference,
        previous_difference,
        next_sentence,
        previous_sentence,
        counterpart_a,
        counterpart_b,
        shortcuts_help,
        sync_scroll,
        ignore_case,
        ignore_punctuation,
        fold_quotes,
        tuple(looseness),
        themes,
        zoom_in,
        zoom_out,
        zoom_reset,
        toggle_dock,
        toggle_toolbar,
        recent_menu,
        looseness_box,
        open_link,
        paste_link,
        open_versions,
    )


def _build_toolbar(
    window: QMainWindow, commands: MenuCommands, actions: tuple[QAction | None, ...]
) -> tuple[QToolBar, QComboBox]:
    toolbar = QToolBar("Toolbar", window)
    toolbar.setObjectName("mainToolbar")  # needed by QMainWindow.saveState
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(18, 18))
    # Text beside the icon when the desktop theme has one, plain text otherwise: never a blank button.
    has_icons = all(action.icon().isNull() is False for action in actions if action is not None)
    toolbar.setToolButtonStyle(
        Qt.ToolButtonStyle.ToolButtonTextBesideIcon if has_icons else Qt.ToolButtonStyle.ToolButtonTextOnly
    )
    labels = {
        "&Open A and B…": "Open…",
        "&Swap Sides": "Swap",
        "&Previous Difference": "Previous",
        "&Next Difference": "Next",
        "&Find…": "Find",
        "&Sync Scrolling": "Sync scroll",
    }
    for action in actions:
        if action is None:
            toolbar.addSeparator()
            continue
        toolbar.addAction(action)
        # Tool buttons take no focus by default; Tab must reach them for keyboard-only use.
        toolbar.widgetForAction(action).setFocusPolicy(Qt.FocusPolicy.TabFocus)
        action.setIconText(labels.get(action.text(), action.text().replace("&", "")))
    toolbar.addSeparator()
    caption = QLabel(" Matching ")
    toolbar.addWidget(caption)
    box = QComboBox()
    box.setAccessibleName("How loosely sentences are matched")
    box.setToolTip(
        "How loosely sentences are matched: strict links only edited sentences, paraphrase also links reworded ones"
    )
    for label, _value in LOOSENESS_CHOICES:
        box.addItem(label)
    box.setCurrentIndex(looseness_index(commands.settings.compare_options.looseness))
    box.activated.connect(commands.set_looseness_choice)
    toolbar.addWidget(box)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    return toolbar, box


def fill_recent(commands: MenuCommands, menu: QMenu) -> None:
    menu.clear()
    pairs = complete_pairs(commands.settings.recent_pairs)
    if not pairs:
        empty = menu.addAction("No recent comparisons")
        empty.setEnabled(False)
        return
    for number, ((path_a, path_b), text) in enumerate(zip(pairs, pair_labels(pairs), strict=False), start=1):
        label = f"&{number % 10}  {text.replace('&', '&&')}"
        action = menu.addAction(label)
        action.setToolTip(f"A: {path_a}\nB: {path_b}")
        action.setStatusTip(f"A: {path_a}   B: {path_b}")
        action.triggered.connect(lambda _=False, a=path_a, b=path_b: commands.open_paths(a, b))
    menu.setToolTipsVisible(True)
    menu.addSeparator()
    menu.addAction("Clear Recent", commands.settings.clear_recent)


def _about(window: QMainWindow) -> None:
    QMessageBox.about(
        window,
        "About Tandem",
        f"<b>Tandem {__version__}</b><p>Put two versions of an article side by side and see "
        "what one says that the other does not.</p>",
    )
