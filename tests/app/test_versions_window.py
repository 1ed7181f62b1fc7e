"""The versions view (issue 25): three or more files, a tab per version, the Versions grid.

Real engine results on small articles written here; the grid is checked against the engine's
own ``compare_versions`` of the same files.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from reader.app.versions.grid_data import STATUS_ROLES, RowFilter
from reader.core import load_document
from reader.core.marks import Side
from reader.core.versions import MAX_VERSIONS, STATUS_LETTERS, SentenceStatus, compare_versions
from tests.app.helpers import drop, file_mime

WAIT_MS = 30_000

BASE = """# Harbour Ferry to Resume

The harbour ferry will resume its crossings on Monday after a month of repairs. The council spent two hundred thousand pounds on the new engine. Passengers had waited at the pier for weeks.

The first boat leaves at seven in the morning. Tickets cost the same as before the repairs. A second boat will join the route in the summer.

Local shops near the pier said trade fell sharply during the closure. The mayor thanked the crew for their patience.
"""

V1 = """# Harbour Ferry to Resume

The harbour ferry will restart its crossings on Monday after a month of repairs. The council spent two hundred thousand pounds on the new engine. Passengers had waited at the pier for weeks.

The first boat leaves at seven in the morning. Tickets cost the same as before the repairs.

Local shops near the pier said trade fell sharply during the closure. The mayor thanked the crew for their patience.
"""

V2 = """# Harbour Ferry to Resume

The harbour ferry will resume its crossings on Monday after a month of repairs. Passengers had waited at the pier for weeks.

The first boat leaves at seven in the morning. A second boat will join the route in the summer.

Local shops near the pier said trade fell sharply during the closure. The mayor thanked the crew for their patience. A new timetable will be printed in the local paper next week.
"""

V3 = """# Harbour Ferry to Resume

The harbour ferry will resume its crossings on Monday after a month of repairs. The council spent two hundred thousand pounds on the new engine. Passengers had waited at the pier for weeks.

The first boat leaves at seven in the morning. Tickets cost the same as before the repairs. A second boat will join the route in the summer.

Local shops near the pier said trade fell sharply during the closure. The mayor thanked the crew for their patience. A new timetable will be printed in the local paper next week.
"""


@pytest.fixture
def story(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "story"
    folder.mkdir()
    paths = []
    for name, text in (("base.md", BASE), ("v1.md", V1), ("v2.md", V2), ("v3.md", V3)):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def open_and_wait(qtbot, window, paths: list[Path]) -> None:
    """Drop ``paths`` and wait for the first version on screen and the grid."""
    with qtbot.waitSignals([window.versions.summary_ready, window.versions.version_shown], timeout=WAIT_MS):
        assert drop(window, file_mime(*paths))


def engine_result(paths: list[Path]):
    documents = [load_document(path) for path in paths]
    return compare_versions(documents[0], documents[1:])


def test_three_dropped_files_open_a_versions_comparison(qtbot, window, story) -> None:
    with qtbot.waitSignal(window.versions.version_shown, timeout=WAIT_MS):
        assert drop(window, file_mime(*story[:3]))
    assert window.versions.active
    assert window.panes[Side.A].header_text().startswith("Harbour Ferry")
    assert window.result is not None and window.result.request.path_b == story[1]
    if window.versions.result is None:
        qtbot.waitSignal(window.versions.summary_ready, timeout=WAIT_MS).wait()
    assert window.versions.tabs.count() == 2
    assert window.versions.tabs.isVisible()
    assert window.dock.tabs.currentWidget() is window.versions.panel
    assert window.versions.runner.pid != window.service.worker_pid  # computed in its own process
    assert "V1" in window.windowTitle()


def test_tabs_and_keys_switch_without_recomputing(qtbot, window, story) -> None:
    open_and_wait(qtbot, window, story)
    versions = window.versions
    comparisons = {p: entry.result.comparison for p, entry in versions.entries.items()}
    serial = versions.request.serial
    window.activateWindow()
    with qtbot.waitSignal(versions.version_shown, timeout=WAIT_MS) as shown:
        QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert shown.args == [2]
    assert window.result.comparison is comparisons[2]
    assert window.panes[Side.B].header_text().endswith(f"{window.result.comparison.stats.words_b:,} words")
    with qtbot.waitSignal(versions.version_shown, timeout=WAIT_MS) as shown:
        versions.tabs.setCurrentIndex(0)
    assert shown.args == [0]
    assert window.result.comparison is comparisons[0]
    with qtbot.waitSignal(versions.version_shown, timeout=WAIT_MS):
        QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.result.comparison is comparisons[1]
    assert versions.request.serial == serial and not versions.runner.busy  # nothing compared again
    assert {p: e.result.comparison for p, e in versions.entries.items()} == comparisons
    assert versions.tabs.currentIndex() == 1


def test_switching_keeps_the_place_in_the_base(qtbot, window, tmp_path) -> None:
    from tests.app.conftest import long_article

    base_text = long_article(40)
    paths = []
    for name, text in (
        ("long.md", base_text),
        ("long1.md", base_text.replace("Section 5.", "Section five.")),
        ("long2.md", base_text.replace("Section 30. ", "")),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    open_and_wait(qtbot, window, paths)
    window.versions.build_all_now()
    view = window.panes[Side.A].view
    view.scroll_sentence_to(len(window.result.comparison.sentences_a) // 2, 0)
    qtbot.wait(50)
    before = view.top_offset()
    assert before and before > 0
    with qtbot.waitSignal(window.versions.version_shown, timeout=WAIT_MS):
        window.versions.show_version(1)
    qtbot.wait(50)
    assert abs(view.top_offset() - before) < 80


def test_grid_statuses_and_letters_match_the_engine(qtbot, window, story) -> None:
    open_and_wait(qtbot, window, story)
    expected = engine_result(story)
    model = window.versions.panel.model
    base_rows = [row for row in range(model.rowCount()) if model.row_at(row).base is not None]
    assert len(base_rows) == len(expected.base_sentences)
    statuses = set()
    for row in base_rows:
        k = model.row_at(row).base
        for position in range(len(expected.versions)):
            state = expected.states[k][position]
            index = model.index(row, 1 + position)
            assert model.data(index) == STATUS_LETTERS[state.status]
            colour = model.data(index, Qt.ItemDataRole.BackgroundRole)
            assert colour == QColor(getattr(window.palette_, STATUS_ROLES[state.status]))
            statuses.add(state.status)
    assert {SentenceStatus.KEPT, SentenceStatus.DROPPED, SentenceStatus.REWORDED} <= statuses
    added = [model.row_at(row) for row in range(model.rowCount()) if model.row_at(row).base is None]
    assert any("timetable" in row.text and row.added_by == 2 for row in added)


def test_clicking_a_cell_shows_that_version_and_the_counterpart(qtbot, window, story) -> None:
    open_and_wait(qtbot, window, story)
    expected = engine_result(story)
    reworded = next(k for k, states in enumerate(expected.states) if states[0].status is SentenceStatus.REWORDED)
    kept_in_v3 = next(
        k for k, states in enumerate(expected.states) if states[2].status is SentenceStatus.KEPT and k > 1
    )
    panel = window.versions.panel
    table = panel.table
    row = panel.model.row_of_base(kept_in_v3)
    with qtbot.waitSignal(window.versions.version_shown, timeout=WAIT_MS):
        QTest.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(panel.model.index(row, 3)).center()
        )
    qtbot.wait(20)
    assert window.versions.shown == 2
    assert window.reading.pinned is not None
    assert window.reading.pinned.b == expected.states[kept_in_v3][2].sentences
    row = panel.model.row_of_base(reworded)
    with qtbot.waitSignal(window.versions.version_shown, timeout=WAIT_MS):
        QTest.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(panel.model.index(row, 1)).center()
        )
    qtbot.wait(20)
    assert window.versions.shown == 0
    assert window.reading.pinned.a == (reworded,)
    assert window.reading.pinned.b == expected.states[reworded][0].sentences


def test_filters_keep_the_rows_they_name(qtbot, window, story) -> None:
    open_and_wait(qtbot, window, story)
    expected = engine_result(story)
    panel = window.versions.panel
    dropped = [[s.status is SentenceStatus.DROPPED for s in states] for states in expected.states]
    counts = {
        RowFilter.DROPPED_BY_ANY: sum(any(d) for d in dropped),
        RowFilter.DROPPED_BY_ALL: sum(all(d) for d in dropped),
        RowFilter.ADDED_BY_SEVERAL: 1,  # the timetable sentence of V2 and V3
    }
    assert counts[RowFilter.DROPPED_BY_ANY] >= 2
    for row_filter, count in counts.items():
        panel.filter_box.setCurrentIndex(panel.filter_box.findData(row_filter))
        assert panel.model.rowCount() == count, row_filter
    panel.filter_box.setCurrentIndex(panel.filter_box.findData(RowFilter.ALL))
    assert panel.model.rowCount() > len(expected.base_sentences)


def test_location_bar_marks_base_sentences_a_version_dropped(qtbot, window, story) -> None:
    open_and_wait(qtbot, window, story)
    expected = engine_result(story)
    bar = window.panes[Side.A].location_bar
    wanted = [
        (expected.base_sentences[k].start, expected.base_sentences[k].end)
        for k, states in enumerate(expected.states)
        if any(s.status is SentenceStatus.DROPPED for s in states)
    ]
    assert [(start, end) for start, end, _ in bar.versions_marks] == wanted
    assert bar.versions_rows()
    assert not window.panes[Side.B].location_bar.versions_marks
    with qtbot.waitSignal(window.comparison_shown, timeout=WAIT_MS):
        window.open_paths(story[0], story[1])  # back to a pair: the bar on screen has no marks
    shown_bar = window.panes[Side.A].location_bar
    assert shown_bar is not bar and not shown_bar.versions_marks and not window.versions.active


def test_an_unreadable_version_is_named_and_the_others_compare(qtbot, window, story, tmp_path) -> None:
    empty = tmp_path / "story" / "empty.md"
    empty.write_bytes(b"")
    open_and_wait(qtbot, window, [story[0], story[1], empty, story[2]])
    message = window.message_bar.text()
    assert "empty.md" in message and "empty" in message and "\n" not in message
    assert window.versions.count == 2
    assert [window.versions.tabs.tabText(i) for i in range(2)] == ["V1 v1.md", "V2 v2.md"]


def test_bad_inputs_get_one_line_and_nothing_is_written(qtbot, window, story, tmp_path) -> None:
    before = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in story}
    assert window.open_versions([story[0], story[1], story[1]]) is None
    assert "same file" in window.message_bar.text() and "\n" not in window.message_bar.text()
    too_many = [story[0]] + [tmp_path / f"v{n}.md" for n in range(MAX_VERSIONS + 1)]
    assert window.open_versions(too_many) is None
    assert f"at most {MAX_VERSIONS}" in window.message_bar.text()
    drop(window, file_mime(*too_many))
    assert f"at most {MAX_VERSIONS}" in window.message_bar.text()
    same = tmp_path / "story" / "copy.md"
    same.write_text(BASE, encoding="utf-8")
    open_and_wait(qtbot, window, [story[0], same, story[1]])
    assert "V1 (copy.md) is identical to the base" in window.message_bar.text()
    empty = tmp_path / "story" / "blank.md"
    empty.write_bytes(b"")
    with qtbot.waitSignal(window.versions.failed, timeout=WAIT_MS) as failed:
        window.open_versions([story[0], empty, empty.with_name("missing.md")])
    assert "no version could be read" in failed.args[0] and "\n" not in failed.args[0]
    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in story} == before


def test_choosing_another_base_compares_once_more(qtbot, window, story) -> None:
    open_and_wait(qtbot, window, story[:3])
    serial = window.versions.request.serial
    signals = [window.versions.summary_ready, window.versions.version_shown]
    with qtbot.waitSignals(signals, timeout=WAIT_MS), qtbot.waitSignal(signals[0], timeout=WAIT_MS) as done:
        window.versions.panel.base_box.activated.emit(2)
    assert window.versions.request.serial == serial + 1
    assert done.args[0].base.name == "v2.md"
    assert window.versions.sources == (story[2], story[0], story[1])
    assert window.panes[Side.A].header_text().startswith("Harbour Ferry")
    assert window.result.request.path_a == story[2]


def test_exports_carry_the_grid(qtbot, window, story, tmp_path) -> None:
    open_and_wait(qtbot, window, story[:3])
    target = tmp_path / "report.html"
    window.choose_save_path = lambda *_args: target
    assert window.export_report() == target
    html = target.read_text(encoding="utf-8")
    assert "class=grid" in html and "V2: v2.md" in html and '<b class="letter">D</b>' in html
    pdf = tmp_path / "grid.pdf"
    window.choose_save_path = lambda *_args: pdf
    assert window.export_pdf() == pdf, window.message_bar.text()
    assert pdf.read_bytes().startswith(b"%PDF")
    window.choose_save_path = lambda *_args: story[1]  # an input: refused, left alone
    text = story[1].read_text(encoding="utf-8")
    assert window.export_report() is None
    assert story[1].read_text(encoding="utf-8") == text
