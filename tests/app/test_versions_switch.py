"""Switching version in the versions view: kept views, and everything acting on the one shown.

Real engine results on small articles written here (see test_versions_window.py): each
version keeps its own pair of reading views, so a switch raises them instead of building or
laying anything out again, and sync scrolling, next/previous, find and Print follow the switch.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reader.app.printing import job as print_job
from reader.app.printing.document import make_pdf_printer
from reader.app.versions import export as versions_export
from reader.app.window import share
from reader.core.marks import Side
from tests.app.conftest import long_article
from tests.app.test_versions_window import WAIT_MS, open_and_wait


@pytest.fixture
def long_versions(tmp_path: Path) -> list[Path]:
    """A long base and two versions that differ from it in different places."""
    base = long_article(40)
    paths = []
    for name, text in (
        ("long.md", base),
        ("long1.md", base.replace("Section 5.", "Section five.")),
        ("long2.md", base.replace("Section 30. ", "").replace("Section 12.", "Section twelve and more.")),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def show(qtbot, window, position: int) -> None:
    with qtbot.waitSignal(window.versions.version_shown, timeout=WAIT_MS):
        window.versions.show_version(position)


def test_each_version_keeps_its_own_views_and_documents(qtbot, window, long_versions) -> None:
    open_and_wait(qtbot, window, long_versions)
    versions = window.versions
    versions.build_all_now()
    seen = {}
    for position in (0, 1, 0, 1):
        show(qtbot, window, position)
        views = {side: window.panes[side].view for side in Side}
        kept = (views[Side.A], views[Side.B], views[Side.B].document(), views[Side.A].document())
        if position in seen:
            assert all(now is before for now, before in zip(kept, seen[position], strict=True))
        seen[position] = kept
        assert window.reading.links is versions.entries[position].links  # unpacked once, kept
        assert window.reading.views == views and window.find_bar.views == views
        assert window.fact_marks.views == views
    assert seen[0][1] is not seen[1][1] and seen[0][0] is not seen[1][0]
    assert window.panes[Side.B].main_body.view not in (seen[0][1], seen[1][1])
    with qtbot.waitSignal(window.comparison_shown, timeout=WAIT_MS):
        window.open_paths(long_versions[0], long_versions[1])  # back to a pair: the panes' own views
    assert window.panes[Side.B].view is window.panes[Side.B].main_body.view
    assert window.reading.views[Side.B] is window.panes[Side.B].view


def test_sync_scroll_moves_the_version_shown(qtbot, window, long_versions) -> None:
    open_and_wait(qtbot, window, long_versions)
    window.versions.build_all_now()
    show(qtbot, window, 0)
    first_b = window.panes[Side.B].view
    show(qtbot, window, 1)
    base, shown_b = window.panes[Side.A].view, window.panes[Side.B].view
    assert shown_b is not first_b
    hidden_value = first_b.verticalScrollBar().value()
    assert window.reading.sync_enabled
    base.scroll_sentence_to(len(window.result.comparison.sentences_a) * 2 // 3, 0)
    qtbot.wait(50)
    assert shown_b.verticalScrollBar().value() > 0
    assert first_b.verticalScrollBar().value() == hidden_value  # the hidden version stays put
    links = window.versions.entries[1].links
    line = base.viewport().height() / 3
    mapped = links.coordinates.to_other(Side.A, base.coordinate_at_y(base.verticalScrollBar().value() + line))
    level = shown_b.coordinate_at_y(shown_b.verticalScrollBar().value() + shown_b.viewport().height() / 3)
    assert abs(level - mapped) < 1.0
    show(qtbot, window, 0)  # back: V1's view is brought level with the base where it is now
    qtbot.wait(50)
    assert first_b.verticalScrollBar().value() > 0


def test_next_difference_marks_the_version_shown(qtbot, window, long_versions) -> None:
    open_and_wait(qtbot, window, long_versions)
    window.versions.build_all_now()
    show(qtbot, window, 0)
    first_b = window.panes[Side.B].view
    assert next_in_b(window) is not None
    assert first_b.linked_ranges()
    show(qtbot, window, 1)
    shown_b = window.panes[Side.B].view
    assert not first_b.linked_ranges()  # its highlight left with it
    differences = window.versions.entries[1].links.differences
    assert window.reading.difference_count == len(differences)
    found = next_in_b(window)
    assert found is not None
    assert shown_b.linked_ranges() == [shown_b.pane_map.sentence_range(k) for k in differences[found].b]
    assert not first_b.linked_ranges()


def next_in_b(window) -> int | None:
    """Next difference until one with sentences in the version (None if there is none)."""
    links = window.reading.links
    for _ in range(window.reading.difference_count):
        found = window.go_to_difference(True)
        if found is not None and links.differences[found].b:
            return found
    return None


def test_find_searches_the_version_shown(qtbot, window, long_versions) -> None:
    open_and_wait(qtbot, window, long_versions)
    window.versions.build_all_now()
    show(qtbot, window, 0)
    first_b = window.panes[Side.B].view
    window.activateWindow()
    window.open_find()
    bar = window.find_bar
    bar.set_scope("b")
    bar.field.setText("twelve and more")  # only the second version says it
    assert bar.status.text() == "Not found"
    with qtbot.waitSignal(window.versions.version_shown, timeout=WAIT_MS):
        QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    shown_b = window.panes[Side.B].view
    assert shown_b is not first_b
    assert bar.matches and all(match.side is Side.B for match in bar.matches)
    start = shown_b.document().toPlainText().index("twelve and more")
    assert shown_b.find_ranges() == [(start, start + len("twelve and more"))]
    assert shown_b.textCursor().selectedText() == "twelve and more"
    assert not first_b.find_ranges()


def test_print_in_the_versions_view_prints_the_grid(qtbot, window, long_versions, tmp_path, monkeypatch) -> None:
    open_and_wait(qtbot, window, long_versions)
    built: list[str] = []
    real_grid, real_pair = versions_export.grid_document, print_job.build_print_document

    def grid(result):  # the real grid, noted
        built.append("grid")
        return real_grid(result)

    def pair(result):  # the real side-by-side document, noted
        built.append("pair")
        return real_pair(result)

    monkeypatch.setattr(versions_export, "grid_document", grid)
    monkeypatch.setattr(print_job, "build_print_document", pair)
    target = tmp_path / "printed.pdf"
    assert share.print_comparison(window, make_pdf_printer(target)), window.message_bar.text()
    assert built == ["grid"]
    assert target.read_bytes().startswith(b"%PDF")
    with qtbot.waitSignal(window.comparison_shown, timeout=WAIT_MS):
        window.open_paths(long_versions[0], long_versions[1])
    assert share.print_comparison(window, make_pdf_printer(tmp_path / "pair.pdf"))
    assert built == ["grid", "pair"]  # a pair prints the pair


@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)])
def test_sidebar_tab_labels_are_whole_at_the_default_width(qtbot, window, long_versions, size) -> None:
    window.resize(*size)
    open_and_wait(qtbot, window, long_versions)
    qtbot.wait(50)
    tab_bar = window.dock.tabs.tabBar()
    labels = [tab_bar.tabText(i) for i in range(tab_bar.count()) if tab_bar.isTabVisible(i)]
    assert [label.split(" (")[0] for label in labels] == ["Unique", "Facts", "Versions"]
    assert all(label.endswith(")") for label in labels)  # each with its count
    for index in range(tab_bar.count()):
        if tab_bar.isTabVisible(index):
            assert tab_bar.tabRect(index).width() >= tab_bar.tabSizeHint(index).width(), tab_bar.tabText(index)


def test_sidebar_lists_follow_the_version_shown_when_opened(qtbot, window, long_versions) -> None:
    open_and_wait(qtbot, window, long_versions)
    window.versions.build_all_now()
    dock = window.dock
    assert dock.tabs.currentWidget() is window.versions.panel
    show(qtbot, window, 1)
    qtbot.wait(20)
    comparison = window.result.comparison
    assert dock.tabs.tabText(0) == f"Unique ({len(comparison.only_a) + len(comparison.only_b)})"
    dock.tabs.setCurrentIndex(0)  # the lists are made when their tab is opened
    assert (dock.count(Side.A), dock.count(Side.B)) == (len(comparison.only_a), len(comparison.only_b))
    assert dock.count(Side.A) + dock.count(Side.B) > 0
    show(qtbot, window, 0)  # with the lists in front, a switch lists the version at once
    qtbot.wait(20)
    first = window.versions.entries[0].result.comparison
    assert (dock.count(Side.A), dock.count(Side.B)) == (len(first.only_a), len(first.only_b))
    assert first.only_a != comparison.only_a or first.only_b != comparison.only_b
