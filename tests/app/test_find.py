"""Find: incremental, "n of N", every match marked, scope A / B / both, and a notice on wrapping
(for F3 and for next difference alike)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reader.core.marks import Side
from tests.app.helpers import wait_result


def positions(window, side: Side, word: str) -> list[tuple[int, int]]:
    text = window.panes[side].view.document().toPlainText()
    return [(m.start(), m.end()) for m in re.finditer(re.escape(word), text, re.IGNORECASE)]


def open_find(qtbot, window, articles, side: Side = Side.A):
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    window.panes[side].view.setFocus()
    window.active_side = side
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible() and window.find_bar.field.hasFocus()
    return window.find_bar


def test_typing_searches_at_once_counts_and_marks_every_match(qtbot, window, articles) -> None:
    bar = open_find(qtbot, window, articles)
    QTest.keyClicks(bar.field, "libr")
    expected = positions(window, Side.A, "libr")
    assert len(expected) >= 3
    assert bar.status.text() == f"1 of {len(expected)}"
    assert window.panes[Side.A].view.find_ranges() == expected
    assert window.panes[Side.B].view.find_ranges() == []  # B is not in scope
    view = window.panes[Side.A].view
    assert view.textCursor().selectedText().lower() == "libr"
    QTest.keyClicks(bar.field, "ary reopens")  # narrowing as one types
    assert bar.status.text() == "1 of 1"
    QTest.keyClicks(bar.field, "xyz")
    assert bar.status.text() == "Not found" and view.find_ranges() == []


def test_both_scope_steps_from_a_into_b_and_wraps_with_a_notice(qtbot, window, articles) -> None:
    bar = open_find(qtbot, window, articles)
    bar.set_scope("both")
    QTest.keyClicks(bar.field, "saturday")
    in_a, in_b = positions(window, Side.A, "saturday"), positions(window, Side.B, "saturday")
    total = len(in_a) + len(in_b)
    assert in_a and in_b and bar.status.text() == f"1 of {total}"
    assert window.panes[Side.B].view.find_ranges() == in_b
    sides = [bar.side]
    for _ in range(total - 1):
        QTest.keyClick(bar.field, Qt.Key.Key_F3)
        sides.append(bar.side)
    assert sides == [Side.A] * len(in_a) + [Side.B] * len(in_b)
    assert bar.status.text() == f"{total} of {total}" and "wrapped" not in window.statusBar().currentMessage()
    QTest.keyClick(bar.field, Qt.Key.Key_F3)
    assert bar.status.text() == f"1 of {total} · wrapped"
    assert "Search wrapped to the start" in window.statusBar().currentMessage()
    QTest.keyClick(bar.field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert "Search wrapped to the end" in window.statusBar().currentMessage()
    QTest.keyClick(bar, Qt.Key.Key_Escape)
    assert bar.isHidden() and window.panes[Side.A].view.find_ranges() == []


def test_next_difference_says_when_it_wraps(qtbot, window, articles) -> None:
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    count = window.reading.difference_count
    assert count >= 2
    window.panes[Side.A].view.setFocus()
    for _ in range(count):
        QTest.keyClick(window, Qt.Key.Key_F7)
        assert "Wrapped" not in window.statusBar().currentMessage()
    assert window.reading.current == count - 1
    QTest.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.reading.current == 0
    assert "Wrapped to the first difference" in window.statusBar().currentMessage()
    QTest.keyClick(window, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert "Wrapped to the last difference" in window.statusBar().currentMessage()


def test_typing_starts_at_the_text_on_screen_not_at_a_caret_scrolled_away(qtbot, window, tmp_path) -> None:
    from tests.app.conftest import long_article

    path_a, path_b = tmp_path / "a.md", tmp_path / "b.md"
    path_a.write_text(long_article(40), encoding="utf-8")
    path_b.write_text(long_article(40), encoding="utf-8")
    wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    view = window.panes[Side.A].view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    top = view.first_visible_position()
    window.active_side = Side.A
    window.open_find()
    QTest.keyClicks(window.find_bar.field, "library")
    assert view.textCursor().selectionStart() >= top
    assert not window.find_bar.status.text().startswith("1 of")
