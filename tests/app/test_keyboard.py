"""Keyboard use: Tab reaches the toolbar, panes show focus and a caret, sentence and counterpart
keys move the caret, the shortcut list is made from the actions, and everything has a name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolButton

from reader.app.panes.navigation import Links
from reader.app.panes.reading_view import CARET_WIDTH
from reader.app.window.shortcuts_help import ShortcutsDialog, shortcut_rows
from reader.core.marks import Side
from tests.app.helpers import wait_result


def open_articles(qtbot, window, articles):
    result = wait_result(qtbot, window, lambda: window.open_paths(*articles))
    qtbot.wait(50)
    return result


def test_tab_reaches_the_toolbar_and_the_panes(qtbot, window, articles) -> None:
    open_articles(qtbot, window, articles)
    window.panes[Side.B].view.setFocus()
    qtbot.waitUntil(lambda: window.panes[Side.B].view.hasFocus(), timeout=2000)
    reached = []
    for _ in range(30):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    buttons = [w for w in reached if isinstance(w, QToolButton)]
    assert buttons, "Tab never reached a toolbar button"
    assert {b.text() for b in buttons} >= {"Open…", "Next", "Find"}
    assert window.panes[Side.A].view in reached and window.actions_.looseness_box in reached
    # Space on a focused toolbar button runs its action.
    swap = next(b for b in buttons if b.text() == "Swap")
    swap.setFocus()
    wait_result(qtbot, window, lambda: QTest.keyClick(swap, Qt.Key.Key_Space))
    assert window.paths[Side.A] == articles[1]


def test_a_focused_pane_draws_a_ring_and_a_caret(qtbot, window, articles) -> None:
    open_articles(qtbot, window, articles)
    view = window.panes[Side.A].view
    assert view.cursorWidth() == CARET_WIDTH > 0
    window.panes[Side.B].view.setFocus()
    qtbot.waitUntil(lambda: not view.hasFocus(), timeout=2000)
    ring = QColor(view.palette().color(view.palette().ColorRole.Highlight))
    corner = (view.viewport().width() // 2, 1)
    assert view.viewport().grab().toImage().pixelColor(*corner) != ring
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    assert view.viewport().grab().toImage().pixelColor(*corner) == ring


def test_ctrl_down_and_up_go_sentence_by_sentence(qtbot, window, articles) -> None:
    result = open_articles(qtbot, window, articles)
    view = window.panes[Side.A].view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    first = view.caret_sentence()
    QTest.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view.caret_sentence() == first + 2
    assert view.textCursor().position() == view.pane_map.sentence_range(first + 2)[0]
    links = Links(result.comparison)
    expected = [view.pane_map.sentence_range(i) for i in links.group(Side.A, first + 2).a]
    assert view.linked_ranges() == expected  # the sentence (and its counterpart) is highlighted
    QTest.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert view.caret_sentence() == first + 1


def test_alt_right_and_left_jump_to_the_counterpart(qtbot, window, articles) -> None:
    result = open_articles(qtbot, window, articles)
    links = Links(result.comparison)
    view_a, view_b = window.panes[Side.A].view, window.panes[Side.B].view
    sentence = next(i for i in range(3, len(result.comparison.sentences_a)) if links.counterpart(Side.A, i))
    view_a.setFocus()
    qtbot.waitUntil(view_a.hasFocus, timeout=2000)
    view_a.move_caret_to_sentence(sentence)
    QTest.keyClick(view_a, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    target = links.counterpart(Side.A, sentence)[0]
    qtbot.waitUntil(view_b.hasFocus, timeout=2000)
    assert view_b.caret_sentence() == target and view_b.is_sentence_visible(target)
    QTest.keyClick(view_b, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(view_a.hasFocus, timeout=2000)
    assert view_a.caret_sentence() in links.counterpart(Side.B, target)


def test_the_shortcut_list_is_made_from_the_actions(qtbot, window) -> None:
    rows = shortcut_rows(window)
    keys = {command: shortcut for _menu, command, shortcut in rows}
    assert keys["Next Difference"] == "Alt+Down, F7"
    assert keys["Next Sentence"] == "Ctrl+Down" and keys["Counterpart in B"] == "Alt+Right"
    assert (
        keys["Sidebar (Only in One, Facts)"] == "Ctrl+U"
        and keys["Facts"] == "Ctrl+Shift+U"
        and keys["Keyboard Shortcuts"] == "F1"
    )
    # A new shortcut shows up without touching the help.
    window.actions_.open_demo.setShortcut("Ctrl+Shift+D")
    assert ("File", "Open Demo Articles", "Ctrl+Shift+D") in shortcut_rows(window)
    QTest.keyClick(window, Qt.Key.Key_F1)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog) and w.isVisible())
    texts = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert "Open Demo Articles" in texts and "Counterpart in A" in texts
    dialog.close()


def accessible_names(root) -> set[str]:
    names: set[str] = set()

    def walk(interface, depth: int) -> None:
        if interface is None or not interface.isValid() or depth > 40:
            return
        names.add(interface.text(QAccessible.Text.Name))
        for number in range(interface.childCount()):
            walk(interface.child(number), depth + 1)

    walk(QAccessible.queryAccessibleInterface(root), 0)
    return names


def test_panes_sidebar_and_location_bars_have_accessible_names(qtbot, window, articles) -> None:
    open_articles(qtbot, window, articles)
    names = accessible_names(window)
    for expected in (
        "Article A",
        "Article B",
        "Overview of article A",
        "Overview of article B",
        "Sentences found in only one article",
        "Comparison summary",
        "How loosely sentences are matched",
    ):
        assert expected in names, expected
    bar = QAccessible.queryAccessibleInterface(window.panes[Side.A].location_bar)
    assert "click" in bar.text(QAccessible.Text.Description)
