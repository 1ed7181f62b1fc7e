"""Keeping the place: reload (F5, a change on disk) and resizing the sidebar keep both panes in step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reader.app.panes.reading_view import READING_LINE
from reader.core.marks import Side
from tests.app.conftest import long_article
from tests.app.helpers import wait_result


def open_long_pair(qtbot, window, tmp_path: Path):
    text_a = long_article(60)
    extra = "\n\n".join(f"Inserted paragraph {n} says something new about item {n}." for n in range(15))
    path_a, path_b = tmp_path / "a.md", tmp_path / "b.md"
    path_a.write_text(text_a, encoding="utf-8")
    path_b.write_text(text_a.replace("Section 10.", extra + "\n\nSection 10."), encoding="utf-8")
    result = wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    return result, path_a, path_b


def top_text(view) -> str:
    return view.document().toPlainText()[view.first_visible_position() :][:40]


def b_is_in_step(window) -> bool:
    """B sits where the sync map puts A's reading line (within two pixels)."""
    view_a, view_b = window.panes[Side.A].view, window.panes[Side.B].view
    line_a = view_a.viewport().height() * READING_LINE
    coordinate = view_a.coordinate_at_y(view_a.verticalScrollBar().value() + line_a)
    mapped = window.reading.links.coordinates.to_other(Side.A, coordinate)
    expected = view_b.y_of_coordinate(mapped) - view_b.viewport().height() * READING_LINE
    expected = min(max(0, round(expected)), view_b.verticalScrollBar().maximum())
    return abs(view_b.verticalScrollBar().value() - expected) <= 2


def test_f5_keeps_both_panes_at_their_place_and_in_step(qtbot, window, tmp_path) -> None:
    result, _a, _b = open_long_pair(qtbot, window, tmp_path)
    view_a = window.panes[Side.A].view
    view_a.scroll_sentence_to(len(result.comparison.sentences_a) // 2, 0)
    qtbot.wait(50)
    before = top_text(view_a)
    assert b_is_in_step(window)
    wait_result(qtbot, window, lambda: QTest.keyClick(window, Qt.Key.Key_F5))
    qtbot.wait(100)  # Qt finishes laying the fresh documents out
    assert top_text(view_a) == before
    assert b_is_in_step(window)
    assert (
        window.panes[Side.B].view.verticalScrollBar().value() < window.panes[Side.B].view.verticalScrollBar().maximum()
    )
    # Scrolling afterwards still drives the other pane.
    view_a.verticalScrollBar().setValue(view_a.verticalScrollBar().value() + 200)
    assert b_is_in_step(window)


def test_a_change_on_disk_keeps_the_place(qtbot, window, tmp_path) -> None:
    result, _a, path_b = open_long_pair(qtbot, window, tmp_path)
    view_a = window.panes[Side.A].view
    view_a.scroll_sentence_to(len(result.comparison.sentences_a) // 3, 0)
    before = top_text(view_a)
    wait_result(qtbot, window, lambda: path_b.write_text(path_b.read_text() + "\n\nOne more line.\n"))
    qtbot.wait(100)
    assert top_text(view_a) == before
    assert b_is_in_step(window)


def test_resizing_the_sidebar_keeps_the_text_and_the_sync(qtbot, window, tmp_path) -> None:
    result, _a, _b = open_long_pair(qtbot, window, tmp_path)
    view_a = window.panes[Side.A].view
    view_a.scroll_sentence_to(len(result.comparison.sentences_a) // 2, 0)
    qtbot.wait(50)
    position = view_a.first_visible_position()
    for width in (520, 200, 360):
        window.resizeDocks([window.dock], [width], Qt.Orientation.Horizontal)
        qtbot.wait(60)
        # The line at the top still holds the text that was there (re-wrapped, so a line start).
        top = view_a.first_visible_position()
        assert top <= position < top + 200
        assert b_is_in_step(window)


def test_scrolling_b_then_reloading_keeps_b_leading(qtbot, window, tmp_path) -> None:
    result, _a, _b = open_long_pair(qtbot, window, tmp_path)
    view_b = window.panes[Side.B].view
    view_b.scroll_sentence_to(len(result.comparison.sentences_b) // 2, 0)
    qtbot.wait(50)
    before = top_text(view_b)
    wait_result(qtbot, window, window.reload)
    qtbot.wait(100)
    assert top_text(view_b) == before
