"""Issue 13, item 11: header shares at 1024 px, where dialogs start, recent pairs, second launches."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QStandardPaths
from shiboken6 import isValid

from reader.app.instance import open_forwarded
from reader.app.palette import LIGHT
from reader.app.panes.pane import TITLE_SHARE
from reader.app.recent import complete_pairs, pair_labels
from reader.app.settings import AppSettings
from reader.app.sources import WebLink
from reader.app.window.main_window import MainWindow
from reader.core.marks import Side
from reader.resources import demo_pair
from tests.app.helpers import wait_result


def test_at_1024_the_title_keeps_most_of_the_header_and_the_file_name_gives_way(qtbot, window) -> None:
    wait_result(qtbot, window, window.open_demo)
    window.resize(1024, 700)
    qtbot.wait(100)
    for pane in window.panes.values():
        title, details = pane.title_label, pane.details_label
        assert title.text() != title.full_text  # the demo titles are long: something must give
        shown = title.text().rstrip("…")
        assert len(shown) >= 20, title.text()  # not "Por…"
        assert title.width() >= 1.5 * details.width()
        assert "words" in details.full_text and details.toolTip() == details.full_text
        room = title.width() + details.width()
        assert title.width() >= TITLE_SHARE * room - 2
        # Both inside the header, side by side: the file name is not pushed off the pane.
        assert title.geometry().right() < details.geometry().left()
        assert details.geometry().right() <= pane.header_frame.contentsRect().right()
        assert len(details.text().rstrip("…")) >= 8 and details.text().endswith(" words")  # the count stays whole


def test_at_full_width_a_short_title_and_its_details_are_whole(qtbot, window, articles) -> None:
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    window.resize(1280, 800)
    qtbot.wait(100)
    pane = window.panes[Side.A]
    assert pane.title_label.text() == pane.title_label.full_text
    assert pane.details_label.text() == pane.details_label.full_text


def test_the_first_open_dialog_starts_in_documents_then_in_the_last_folder(
    qtbot, window, articles, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    asked: list[str] = []

    def choose(_caption: str, directory: str) -> Path | None:
        asked.append(directory)
        return articles[0] if len(asked) == 1 else None

    window.choose_file = choose
    window.ask_side(Side.A)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert asked[0] != str(tmp_path) and asked[0] in (documents, str(Path.home()))
    qtbot.waitUntil(lambda: not window.service.busy, timeout=20_000)
    window.ask_side(Side.B)
    assert asked[1] == str(articles[0].parent)


def test_the_pdf_export_remembers_its_folder(qtbot, window, articles, tmp_path) -> None:
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    exports = tmp_path / "exports"
    exports.mkdir()
    suggestions: list[str] = []

    def save(_caption: str, suggestion: str, _filter: str) -> Path:
        suggestions.append(suggestion)
        return exports / "comparison.pdf"

    window.choose_save_path = save
    assert window.export_pdf() == exports / "comparison.pdf"
    assert Path(suggestions[0]).parent == articles[0].parent
    assert window.export_pdf() is not None
    assert Path(suggestions[1]).parent == exports
    assert window.settings.export_directory == str(exports)


def test_open_recent_lists_complete_pairs_and_tells_same_names_apart(tmp_path) -> None:
    drafts, final = tmp_path / "drafts", tmp_path / "final"
    for folder in (drafts, final):
        folder.mkdir()
        (folder / "report.md").write_text("x", encoding="utf-8")
        (folder / "notes.md").write_text("x", encoding="utf-8")
    pairs = [
        (drafts / "report.md", drafts / "notes.md"),
        (final / "report.md", final / "notes.md"),
        (final / "report.md", tmp_path / "deleted.md"),  # one side is gone: not listed
        (final / "notes.md", WebLink("https://example.org/story")),
    ]
    usable = complete_pairs(pairs)
    assert usable == [pairs[0], pairs[1], pairs[3]]
    labels = pair_labels(usable)
    assert labels[0] == "drafts/report.md  ↔  drafts/notes.md"
    assert labels[1] == "final/report.md  ↔  final/notes.md"
    assert labels[2] == "notes.md  ↔  example.org/story"  # unique already: the name alone


def test_the_recent_menu_leaves_out_a_pair_whose_file_was_deleted(qtbot, window, articles) -> None:
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    menu = window.actions_.recent_menu
    menu.aboutToShow.emit()
    assert any("library-v1.md" in a.text() for a in menu.actions())
    articles[1].unlink()
    menu.aboutToShow.emit()
    assert not any("library-v1.md" in a.text() for a in menu.actions())


def test_a_second_launch_opens_a_new_window_instead_of_replacing(qtbot, window, articles) -> None:
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    demo_a, demo_b = demo_pair()
    target = open_forwarded(window, [demo_a, demo_b])
    try:
        assert target is not window and target.isVisible()
        qtbot.waitUntil(lambda: target.result is not None, timeout=20_000)
        assert window.paths == {Side.A: articles[0], Side.B: articles[1]}  # untouched
        assert target.paths == {Side.A: demo_a, Side.B: demo_b}
        # A window with an empty side still takes a single file there.
        window.paths = {Side.A: articles[0], Side.B: None}
        assert open_forwarded(window, [articles[1]]) is window
    finally:
        target.close()  # deletes itself (and stops its worker)


def test_a_window_deleted_while_its_panes_wait_to_find_their_place_again_leaves_nothing_running(
    qtbot, private_settings: Path, articles
) -> None:
    # The place-restoring timer outlived a deleted window and fired on its deleted views.
    window = MainWindow(AppSettings(private_settings), LIGHT)
    window.show()
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    reading = window.reading
    reading.places = {Side.A: (0, 0.0), Side.B: (0, 0.0)}
    reading._layout_moved()  # what a re-wrap does: restore the places on the next turn
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(50)  # an exception in the event loop fails this test (pytest-qt)
    assert not isValid(window)
