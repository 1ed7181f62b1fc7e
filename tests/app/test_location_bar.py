"""The location bar: marks where the comparison has them, the visible region, click and drag to go."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from reader.app.palette import LIGHT, overview_colour
from reader.app.panes.location_bar import LocationBar
from reader.app.panes.reading_view import ReadingView
from reader.core.compare import compare
from reader.core.marks import Side
from reader.core.overview import MarkKind, mark_rows, overview_marks
from reader.core.read.documents import load_document
from tests.app.conftest import long_article
from tests.app.helpers import wait_result

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "benchmarks" / "revisions"


def open_long_pair(qtbot, window, tmp_path):
    text_a = long_article(60)
    text_b = long_article(60).replace("Section 30.", "Section 30. A sentence only B has, about bridges.")
    path_a, path_b = tmp_path / "a.md", tmp_path / "b.md"
    path_a.write_text(text_a, encoding="utf-8")
    path_b.write_text(text_b, encoding="utf-8")
    result = wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    qtbot.wait(50)
    return result


def test_the_bar_paints_the_unique_sentence_where_it_is(qtbot, window, tmp_path) -> None:
    result = open_long_pair(qtbot, window, tmp_path)
    bar = window.panes[Side.B].location_bar
    assert bar.isVisible() and bar.accessibleName() == "Overview of article B"
    overview = bar.overview
    assert overview is not None and overview.count(MarkKind.ONLY) == len(result.comparison.only_b) == 1
    only = next(m for m in overview.marks if m.kind is MarkKind.ONLY)
    row = round((only.start + only.end) / 2 / overview.length * bar.height())
    image = bar.grab().toImage()
    expected = QColor(overview_colour(LIGHT, "only", "b"))
    assert image.pixelColor(bar.width() - 3, row) == expected
    # Pane A has no unique sentence: nothing in that colour at the same height.
    image_a = window.panes[Side.A].location_bar.grab().toImage()
    assert image_a.pixelColor(3, row) != QColor(overview_colour(LIGHT, "only", "a"))


def test_a_click_scrolls_the_pane_there_and_the_frame_follows(qtbot, window, tmp_path) -> None:
    open_long_pair(qtbot, window, tmp_path)
    bar, view = window.panes[Side.A].location_bar, window.panes[Side.A].view
    assert view.verticalScrollBar().value() == 0
    top, bottom = bar.visible_share()
    assert top == 0.0 and 0 < bottom < 0.5
    QTest.mouseClick(
        bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(7, int(bar.height() * 0.75))
    )
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > 0, timeout=2000)
    top, bottom = bar.visible_share()
    assert top < 0.75 < bottom  # the clicked place is on screen, near the middle
    # With sync on, the other pane followed by meaning.
    assert window.panes[Side.B].view.verticalScrollBar().value() > 0


def test_dragging_moves_the_pane_along(qtbot, window, tmp_path) -> None:
    open_long_pair(qtbot, window, tmp_path)
    bar, view = window.panes[Side.A].location_bar, window.panes[Side.A].view
    QTest.mousePress(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(7, int(bar.height() * 0.3)))
    first = view.verticalScrollBar().value()
    QTest.mouseMove(bar, QPoint(7, int(bar.height() * 0.6)))
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > first, timeout=2000)
    QTest.mouseRelease(
        bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(7, int(bar.height() * 0.6))
    )
    second = view.verticalScrollBar().value()
    QTest.mouseMove(bar, QPoint(7, int(bar.height() * 0.9)))  # released: moving no longer scrolls
    qtbot.wait(50)
    assert view.verticalScrollBar().value() == second


def test_scrolling_to_the_end_moves_the_frame_to_the_bottom(qtbot, window, tmp_path) -> None:
    open_long_pair(qtbot, window, tmp_path)
    bar, view = window.panes[Side.A].location_bar, window.panes[Side.A].view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.wait(50)
    top, bottom = bar.visible_share()
    assert bottom == 1.0 and top > 0.5


@pytest.mark.skipif(not (SHARED / "large_a.txt").exists(), reason="../shared/benchmarks/revisions is not present")
def test_the_bar_paints_the_large_revisions_pair_fast(qtbot) -> None:
    comparison = compare(load_document(SHARED / "large_a.txt"), load_document(SHARED / "large_b.txt"))
    overview = overview_marks(comparison, Side.A)
    assert len(overview.marks) > 3000
    view = ReadingView(Side.A)
    bar = LocationBar(view)
    qtbot.addWidget(bar)
    bar.set_palette(LIGHT)
    bar.resize(14, 700)
    started = time.perf_counter()
    rows = mark_rows(overview, 700)
    rows_seconds = time.perf_counter() - started
    bar.set_overview(overview)
    bar.grab()  # the first paint builds the cached bands
    started = time.perf_counter()
    for _ in range(20):
        bar.grab()
    paint_ms = (time.perf_counter() - started) / 20 * 1000
    print(
        f"location bar: {len(overview.marks)} marks -> {len(rows)} bands in {rows_seconds * 1000:.1f} ms; "
        f"paint {paint_ms:.2f} ms"
    )
    assert len(rows) < len(overview.marks) / 4
    assert paint_ms < 8  # a scroll repaint must fit easily in a 60 Hz frame
