"""What the user sees: highlights, sidebar jumps, status bar, zoom, remembered layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest

from reader.app.palette import LIGHT
from reader.app.settings import AppSettings
from reader.app.window.main_window import MainWindow
from reader.core import compare, load_document
from reader.core.marks import Side, SpanKind, pane_spans
from tests.app.conftest import long_article
from tests.app.helpers import wait_result

Underline = QTextCharFormat.UnderlineStyle


def format_at(view, position: int) -> QTextCharFormat:
    cursor = QTextCursor(view.document())
    cursor.setPosition(position + 1)  # the format of the character *before* the cursor
    return cursor.charFormat()


def test_word_changes_and_unique_sentences_are_marked_beyond_colour(qtbot, window, articles) -> None:
    result = wait_result(qtbot, window, lambda: window.open_paths(*articles))
    comparison = result.comparison
    checked = {"deleted": 0, "inserted": 0, "only": 0}
    for side in Side:
        view = window.panes[side].view
        for span in pane_spans(comparison, side):
            if span.kind is SpanKind.ONLY:
                fmt = format_at(view, view.pane_map.position(span.start))
                assert fmt.underlineStyle() == Underline.DotLine
                assert fmt.background().style() != Qt.BrushStyle.NoBrush
                checked["only"] += 1
            for start, _end in span.changes:
                fmt = format_at(view, view.pane_map.position(start))
                if side is Side.A:
                    assert fmt.fontStrikeOut(), "deleted words are struck through"
                    checked["deleted"] += 1
                else:
                    assert fmt.underlineStyle() == Underline.SingleUnderline
                    checked["inserted"] += 1
    assert all(checked.values()), checked  # the sample pair exercises every kind


def test_moved_sentences_are_marked_distinctly(qtbot, window, tmp_path) -> None:
    first = "The bridge opened in 1932 after eight years of work."
    second = "Its arch is the widest of its kind in the southern hemisphere."
    third = "Ferries still cross the harbour below it every few minutes."
    path_a, path_b = tmp_path / "a.txt", tmp_path / "b.txt"
    path_a.write_text(f"{first}\n\n{second}\n\n{third}\n", encoding="utf-8")
    path_b.write_text(f"{third}\n\n{first}\n\n{second}\n", encoding="utf-8")
    result = wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    moved = [s for s in pane_spans(result.comparison, Side.A) if s.kind is SpanKind.MOVED]
    assert moved, "the engine reports the relocated sentence as moved"
    view = window.panes[Side.A].view
    fmt = format_at(view, view.pane_map.position(moved[0].start))
    assert fmt.underlineStyle() == Underline.DashUnderline
    assert "moved" in window.summary.text() and "1 sentences moved" in window.summary.text()


def test_pane_text_and_sentence_map_match_the_document(qtbot, window, articles) -> None:
    result = wait_result(qtbot, window, lambda: window.open_paths(*articles))
    for side, content in ((Side.A, result.a), (Side.B, result.b)):
        view = window.panes[side].view
        text = view.document().toRawText()
        for index, sentence in enumerate(content.sentences):
            start, end = view.pane_map.sentence_range(index)
            original = content.document.text[sentence.start : sentence.end]
            assert text[start:end] == original.replace("\n", "\u2028")
            assert view.pane_map.sentence_at(start) == index
            assert view.pane_map.offset(start) == sentence.start


def test_status_bar_matches_the_engine(qtbot, window, articles) -> None:
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    stats = compare(load_document(articles[0]), load_document(articles[1])).stats
    text = window.summary.text()
    assert f"Similarity {round(stats.similarity * 100)}%" in text
    assert f"{stats.words_inserted:,} words inserted" in text
    assert f"{stats.words_deleted:,} deleted" in text
    assert f"{stats.sentences_moved:,} sentences moved" in text
    assert f"{stats.sentences_only_a:,} only in A, {stats.sentences_only_b:,} only in B" in text
    assert f"{stats.words_a:,} words" in window.panes[Side.A].header_text()
    assert f"{stats.words_b:,} words" in window.panes[Side.B].header_text()


def test_sidebar_lists_unique_sentences_and_click_scrolls_and_flashes(qtbot, window, tmp_path) -> None:
    path_a, path_b = tmp_path / "long-a.md", tmp_path / "long-b.md"
    base = long_article(60)
    path_a.write_text(base, encoding="utf-8")
    closing = "An entirely new closing remark about the archive appears only in this version."
    path_b.write_text(base + "\n" + closing + "\n", encoding="utf-8")
    result = wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    comparison = result.comparison
    assert window.dock.count(Side.A) == len(comparison.only_a)
    assert window.dock.count(Side.B) == len(comparison.only_b) >= 1
    assert f"Only in B ({len(comparison.only_b)})" == window.dock.groups[Side.B].text(0)
    row = next(r for r, index in enumerate(comparison.only_b) if "archive" in _sentence(comparison, index))
    item = window.dock.item_for(Side.B, row)
    view = window.panes[Side.B].view
    assert view.verticalScrollBar().value() == 0
    tree = window.dock.tree
    tree.scrollToItem(item)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    start, end = view.pane_map.sentence_range(comparison.only_b[row])
    assert view.textCursor().position() == start
    assert view.verticalScrollBar().value() > 0
    first, last = view.first_visible_position(), view.last_visible_position()
    assert first <= start <= last
    assert view.jump_ranges() == [(start, end)]
    qtbot.wait(1500)
    assert view.jump_ranges() == [(start, end)]  # the jump marker stays until the next jump
    assert window.position_label.text().startswith("difference ")  # F7 goes on from here


def _sentence(comparison, index: int) -> str:
    sentence = comparison.sentences_b[index]
    return comparison.b.text[sentence.start : sentence.end]


def test_zoom_shortcuts_scale_both_panes(qtbot, window, articles) -> None:
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    window.activateWindow()
    qtbot.waitActive(window)
    view_a, view_b = window.panes[Side.A].view, window.panes[Side.B].view
    base = view_a.document().defaultFont().pointSizeF()
    QTest.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom_steps == 2
    bigger = view_a.document().defaultFont().pointSizeF()
    assert bigger > base
    assert view_b.document().defaultFont().pointSizeF() == bigger
    QTest.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom_steps == 1
    QTest.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom_steps == 0
    assert view_a.document().defaultFont().pointSizeF() == base


def test_layout_and_zoom_survive_a_restart(qtbot, private_settings: Path, articles) -> None:
    first = MainWindow(AppSettings(private_settings), LIGHT)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 540)  # inside the 800x600 offscreen screen: restoreGeometry clamps
    first.set_zoom(3)
    first.dock.hide()
    first.splitter.setSizes([300, 500])
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow(AppSettings(private_settings), LIGHT)
    qtbot.addWidget(second)
    second.show()
    assert second.zoom_steps == 3
    assert second.size().width() == 760 and second.size().height() == 540
    assert not second.dock.isVisible()
    assert second.splitter.sizes() == sizes
    second.set_zoom(0)
    second.close()
    assert "view/zoom" not in AppSettings(private_settings).keys()  # noqa: SIM118 - no mapping; defaults are not written


def test_nothing_is_written_when_nothing_changed(qtbot, private_settings: Path) -> None:
    win = MainWindow(AppSettings(private_settings), LIGHT)
    qtbot.addWidget(win)
    win.show()
    win.close()
    keys = AppSettings(private_settings).keys()
    assert "view/zoom" not in keys and "files/recent" not in keys


def test_legend_uses_the_pane_formats(qtbot, window, articles) -> None:
    assert not window.legend.isVisible()
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    assert window.legend.isVisible()
    text = window.legend.toPlainText()
    for word in ("deleted", "inserted", "only in A", "only in B", "moved"):
        assert word in text
    position = text.index("deleted")
    assert format_at(window.legend, position).fontStrikeOut()
    assert format_at(window.legend, text.index("inserted")).underlineStyle() == Underline.SingleUnderline


def test_the_caret_keeps_its_width_after_a_new_comparison_is_shown(qtbot, window, articles) -> None:
    """Each result gets a fresh document; the keyboard caret (issue 13, item 6) must stay visible."""
    from reader.app.panes.reading_view import CARET_WIDTH
    from tests.app.helpers import wait_result

    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    wait_result(qtbot, window, lambda: window.open_paths(articles[1], articles[0]))
    assert all(pane.view.cursorWidth() == CARET_WIDTH for pane in window.panes.values())
