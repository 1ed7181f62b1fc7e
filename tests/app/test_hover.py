"""Hover never scrolls, has its own look, and leaves the clicked pair; marks show inside highlights."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from reader.app.panes.navigation import Links
from reader.app.panes.render import WORD_MARK
from reader.core.marks import Side
from tests.app.conftest import long_article
from tests.app.helpers import wait_result
from tests.app.test_linking import point_of


def open_shifted_pair(qtbot, window, tmp_path):
    text_a = long_article(12)
    text_b = long_article(40).replace("# A long report", "# A long report\n\nIntro. " + "Filler text here. " * 3)
    path_a, path_b = tmp_path / "a.md", tmp_path / "b.md"
    path_a.write_text(text_a, encoding="utf-8")
    path_b.write_text(text_b, encoding="utf-8")
    return wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))


def test_hovering_does_not_scroll_the_other_pane(qtbot, window, tmp_path) -> None:
    result = open_shifted_pair(qtbot, window, tmp_path)
    window.set_sync_scroll(False)
    links = Links(result.comparison)
    view_a, view_b = window.panes[Side.A].view, window.panes[Side.B].view
    view_b.verticalScrollBar().setValue(view_b.verticalScrollBar().maximum())
    qtbot.wait(100)  # let Qt finish laying B out
    before = view_b.first_visible_position(), view_a.first_visible_position()
    sentence = next(i for i in range(3, 20) if links.counterpart(Side.A, i))
    for offset in (0, 4, 8):
        point = point_of(view_a, sentence)
        QTest.mouseMove(view_a.viewport(), point + point.__class__(offset, 0))
    qtbot.waitUntil(lambda: bool(view_b.hovered_ranges()), timeout=2000)
    qtbot.wait(100)
    assert (view_b.first_visible_position(), view_a.first_visible_position()) == before


def test_hover_elsewhere_keeps_the_clicked_pair_in_its_own_colour(qtbot, window, articles) -> None:
    result = wait_result(qtbot, window, lambda: window.open_paths(*articles))
    links = Links(result.comparison)
    view_a, view_b = window.panes[Side.A].view, window.panes[Side.B].view
    linked = [i for i in range(len(result.comparison.sentences_a)) if links.counterpart(Side.A, i)]
    QTest.mouseClick(
        view_a.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point_of(view_a, linked[0])
    )
    clicked = view_b.linked_ranges()
    assert clicked
    QTest.mouseMove(view_a.viewport(), point_of(view_a, linked[-1]))
    qtbot.waitUntil(lambda: bool(view_b.hovered_ranges()), timeout=2000)
    assert view_b.linked_ranges() == clicked
    colours = {s.format.background().color().name() for s in view_b.extraSelections()}
    palette = window.palette_
    assert {palette.hover, palette.link} <= colours
    assert QColor(palette.hover) != QColor(palette.link)


def test_word_marks_stay_visible_inside_the_selection(qtbot, window, articles) -> None:
    result = wait_result(qtbot, window, lambda: window.open_paths(*articles))
    unit = next(u for u in result.comparison.units if u.a and u.b and u.kind.value == "edited")
    view_a = window.panes[Side.A].view
    QTest.mouseClick(
        view_a.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point_of(view_a, unit.a[0])
    )
    start, end = view_a.pane_map.sentence_range(unit.a[0])
    marked = []
    block = view_a.document().findBlock(start)
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        if fragment.charFormat().boolProperty(WORD_MARK) and start <= fragment.position() < end:
            marked.append(fragment.position())
        fragments += 1
    assert marked, "the edited sentence has changed words"
    # No highlight paints a background over the changed words (a fact mark only colours the
    # letters and underlines them, so it may lie on them).
    covered = [
        s
        for s in view_a.extraSelections()
        if s.format.background().style() != Qt.BrushStyle.NoBrush
        and any(s.cursor.selectionStart() <= p < s.cursor.selectionEnd() for p in marked)
    ]
    assert covered == []
    assert view_a.linked_ranges() == [(start, end)]


def test_the_jump_marker_moves_with_next_difference_and_a_click_clears_it(qtbot, window, articles) -> None:
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    view_a = window.panes[Side.A].view
    window.go_to_difference(True)
    first = view_a.jump_ranges() or window.panes[Side.B].view.jump_ranges()
    assert first
    qtbot.wait(1500)
    assert (view_a.jump_ranges() or window.panes[Side.B].view.jump_ranges()) == first
    QTest.mouseClick(view_a.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point_of(view_a, 0))
    assert view_a.jump_ranges() == [] and window.panes[Side.B].view.jump_ranges() == []


def test_a_sidebar_click_sets_the_current_difference_for_f7(qtbot, window, articles) -> None:
    result = wait_result(qtbot, window, lambda: window.open_paths(*articles))
    links = Links(result.comparison)
    target = result.comparison.only_b[-1]
    window.dock.sentence_chosen.emit(Side.B, target)
    index = links.difference_index(Side.B, target)
    assert window.position_label.text() == f"difference {index + 1} of {len(links.differences)}"
    assert window.go_to_difference(True) == (index + 1) % len(links.differences)
