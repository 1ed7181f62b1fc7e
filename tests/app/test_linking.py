"""Pointing at a sentence highlights its counterpart(s); clicking brings them level; sync scroll."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reader.app.panes.navigation import Links
from reader.core.marks import Side
from tests.app.conftest import long_article
from tests.app.helpers import wait_result


def point_of(view, sentence: int) -> QPoint:
    """A point inside ``sentence`` of ``view`` (viewport coordinates); it must be on screen."""
    start, end = view.pane_map.sentence_range(sentence)
    cursor = QTextCursor(view.document())
    cursor.setPosition(min(start + 3, end - 1))
    return view.cursorRect(cursor).center()


def expected_ranges(view, sentences) -> list[tuple[int, int]]:
    return [view.pane_map.sentence_range(i) for i in sentences]


def test_hover_highlights_the_counterpart_and_leaving_clears_it(qtbot, window, articles) -> None:
    result = wait_result(qtbot, window, lambda: window.open_paths(*articles))
    links = Links(result.comparison)
    view_a, view_b = window.panes[Side.A].view, window.panes[Side.B].view
    linked = next(i for i in range(len(result.comparison.sentences_a)) if links.counterpart(Side.A, i))
    QTest.mouseMove(view_a.viewport(), point_of(view_a, linked))
    qtbot.waitUntil(lambda: bool(view_b.hovered_ranges()), timeout=2000)
    group = links.group(Side.A, linked)
    assert view_b.hovered_ranges() == expected_ranges(view_b, group.b)
    assert view_a.hovered_ranges() == expected_ranges(view_a, group.a)
    assert view_b.linked_ranges() == []  # hovering is not selecting
    QApplication.sendEvent(view_a, QEvent(QEvent.Type.Leave))
    assert view_b.hovered_ranges() == [] and view_a.hovered_ranges() == []


def test_hovering_a_unique_sentence_highlights_only_itself(qtbot, window, articles) -> None:
    result = wait_result(qtbot, window, lambda: window.open_paths(*articles))
    only_b = result.comparison.only_b
    assert only_b
    view_a, view_b = window.panes[Side.A].view, window.panes[Side.B].view
    window.reveal_sentence(Side.B, only_b[0])
    assert view_a.linked_ranges() == []  # nothing unrelated stays selected in A
    QTest.mouseMove(view_b.viewport(), point_of(view_b, only_b[0]))
    qtbot.waitUntil(lambda: bool(view_b.hovered_ranges()), timeout=2000)
    assert view_b.hovered_ranges() == expected_ranges(view_b, (only_b[0],))
    assert view_a.hovered_ranges() == []


def test_a_split_sentence_highlights_all_its_parts(qtbot, window, tmp_path) -> None:
    path_a, path_b = tmp_path / "a.txt", tmp_path / "b.txt"
    path_a.write_text("The bridge opened in 1932, and it took eight years to build.\n\nFerries cross below.\n")
    path_b.write_text("The bridge opened in 1932. It took eight years to build.\n\nFerries cross below.\n")
    result = wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    unit = next(u for u in result.comparison.units if len(u.b) == 2)
    view_a, view_b = window.panes[Side.A].view, window.panes[Side.B].view
    QTest.mouseMove(view_a.viewport(), point_of(view_a, unit.a[0]))
    qtbot.waitUntil(lambda: len(view_b.hovered_ranges()) == 2, timeout=2000)
    assert view_b.hovered_ranges() == expected_ranges(view_b, unit.b)


def test_click_brings_the_counterpart_level_with_the_clicked_sentence(qtbot, window, tmp_path) -> None:
    # B has many extra paragraphs at the top, so A's sentences sit far higher than their counterparts.
    text_a = long_article(12)
    text_b = long_article(40).replace("# A long report", "# A long report\n\nIntro. " + "Filler text here. " * 3)
    path_a, path_b = tmp_path / "a.md", tmp_path / "b.md"
    path_a.write_text(text_a, encoding="utf-8")
    path_b.write_text(text_b, encoding="utf-8")
    result = wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    window.set_sync_scroll(False)  # the click alone must bring it into view
    links = Links(result.comparison)
    view_a, view_b = window.panes[Side.A].view, window.panes[Side.B].view
    view_b.verticalScrollBar().setValue(view_b.verticalScrollBar().maximum())
    sentence = next(i for i in range(3, 20) if links.counterpart(Side.A, i))
    target = links.counterpart(Side.A, sentence)[0]
    assert not view_b.is_sentence_visible(target)
    QTest.mouseClick(
        view_a.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point_of(view_a, sentence)
    )
    assert view_b.is_sentence_visible(target)
    height_a = view_a.sentence_top(sentence) - view_a.verticalScrollBar().value()
    height_b = view_b.sentence_top(target) - view_b.verticalScrollBar().value()
    assert abs(height_a - height_b) <= 2
    assert view_b.linked_ranges() == expected_ranges(view_b, links.group(Side.A, sentence).b)
    # The click pins the highlight: moving away and leaving the pane keeps it.
    view_a.sentence_hovered.emit(Side.A, -1)
    assert view_b.linked_ranges()


def test_sync_scroll_keeps_the_other_pane_at_the_matching_sentence(qtbot, window, tmp_path) -> None:
    text_a = long_article(30)
    extra = "\n\n".join(f"Inserted paragraph {n} says something new about item {n}." for n in range(15))
    text_b = text_a.replace("Section 10.", extra + "\n\nSection 10.")
    path_a, path_b = tmp_path / "a.md", tmp_path / "b.md"
    path_a.write_text(text_a, encoding="utf-8")
    path_b.write_text(text_b, encoding="utf-8")
    result = wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    links = Links(result.comparison)
    view_a, view_b = window.panes[Side.A].view, window.panes[Side.B].view
    assert window.actions_.sync_scroll.isChecked()
    linked = [i for i in range(len(result.comparison.sentences_a)) if links.counterpart(Side.A, i)]
    for sentence in (linked[len(linked) // 2], linked[-5]):
        view_a.scroll_sentence_to(sentence, view_a.viewport().height() / 3)
        target = links.counterpart(Side.A, sentence)[0]
        assert target > sentence, "the counterpart sits lower in B: not the same percentage"
        height_a = view_a.sentence_top(sentence) - view_a.verticalScrollBar().value()
        height_b = view_b.sentence_top(target) - view_b.verticalScrollBar().value()
        assert abs(height_a - height_b) <= 3
    # Scrolling B through its own inserted passage leaves A waiting.
    inserted = [j for j in result.comparison.only_b]
    assert len(inserted) >= 10
    view_b.scroll_sentence_to(inserted[2], view_b.viewport().height() / 3)
    waiting = view_a.verticalScrollBar().value()
    view_b.scroll_sentence_to(inserted[8], view_b.viewport().height() / 3)
    assert view_a.verticalScrollBar().value() == waiting
    window.actions_.sync_scroll.trigger()
    assert not window.settings.sync_scroll
    before = view_b.verticalScrollBar().value()
    view_a.verticalScrollBar().setValue(0)
    assert view_b.verticalScrollBar().value() == before
