"""How files get in: drops on panes and on the window, menu actions, swap, reload, errors."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl

from reader.core.marks import Side
from tests.app.conftest import ARTICLE_B
from tests.app.helpers import drop, file_mime, wait_failure, wait_result


def pane_text(window, side: Side) -> str:
    return window.panes[side].view.toPlainText()


def test_empty_window_invites_a_drop(window) -> None:
    assert window.stack.currentWidget() is window.empty_state
    texts = [label.text() for label in window.empty_state.findChildren(type(window.summary))]
    assert any("Drop two articles here" in text for text in texts)
    assert "demo" in window.empty_state.links.text()


def test_two_files_dropped_on_window_become_a_and_b_in_order(qtbot, window, articles) -> None:
    path_a, path_b = articles
    result = wait_result(qtbot, window, lambda: drop(window, file_mime(path_a, path_b)))
    assert result.comparison is not None
    assert window.paths == {Side.A: path_a, Side.B: path_b}
    assert window.stack.currentWidget() is window.splitter
    assert "eighteen months" in pane_text(window, Side.A)
    assert "public meeting" in pane_text(window, Side.B)
    assert "public meeting" not in pane_text(window, Side.A)
    assert "library-v1.md" in window.panes[Side.A].header_text()


def test_one_file_dropped_on_a_pane_replaces_that_side(qtbot, window, articles, tmp_path) -> None:
    path_a, path_b = articles
    wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    newer = tmp_path / "library-v3.txt"
    newer.write_text(ARTICLE_B.replace("planned for May", "planned for June"), encoding="utf-8")
    accepted = False

    def do_drop() -> None:
        nonlocal accepted
        accepted = drop(window.panes[Side.B].view.viewport(), file_mime(newer))

    wait_result(qtbot, window, do_drop)
    assert accepted
    assert window.paths == {Side.A: path_a, Side.B: newer}
    assert "planned for June" in pane_text(window, Side.B)
    assert "library-v3.txt" in window.panes[Side.B].header_text()


def test_single_file_on_empty_window_shows_it_as_a(qtbot, window, articles) -> None:
    path_a, _ = articles
    result = wait_result(qtbot, window, lambda: drop(window, file_mime(path_a)))
    assert result.comparison is None
    assert window.paths[Side.A] == path_a and window.paths[Side.B] is None
    assert "Mill Street" in pane_text(window, Side.A)
    assert pane_text(window, Side.B) == ""
    assert "Open article B" in window.summary.text()


def test_unusable_drops_explain_why_inline(qtbot, window, articles, tmp_path) -> None:
    path_a, path_b = articles
    ftp = QMimeData()
    ftp.setUrls([QUrl("ftp://example.org/article.txt")])
    text_only = QMimeData()
    text_only.setText("Some words dragged from a browser")
    cases = [
        (ftp, "neither a file nor a web"),
        (text_only, "neither a file nor a web link"),
        (file_mime(tmp_path), "is a folder"),
        (file_mime(path_a, path_b, path_a), "the same file as the base"),  # three files: versions (issue 25)
    ]
    for mime, reason in cases:
        window.message_bar.dismiss()
        drop(window.panes[Side.A].view.viewport(), mime)
        assert window.message_bar.isVisible()
        assert reason in window.message_bar.label.text()
    assert window.paths == {Side.A: None, Side.B: None}


def test_unsupported_type_is_reported_and_the_view_kept(qtbot, window, articles, tmp_path) -> None:
    path_a, path_b = articles
    wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    odd = tmp_path / "slides.pptx"
    odd.write_bytes(b"PK\x03\x04 not an article")
    message = wait_failure(qtbot, window, lambda: drop(window.panes[Side.B].view.viewport(), file_mime(odd)))
    assert "unsupported" in message.lower()
    assert window.message_bar.isVisible() and "slides.pptx" in window.message_bar.label.text()
    assert window.paths[Side.B] == path_b  # the previous comparison stays on screen
    assert "public meeting" in pane_text(window, Side.B)


def test_missing_and_huge_files_are_reported(qtbot, window, articles, tmp_path) -> None:
    path_a, _ = articles
    message = wait_failure(qtbot, window, lambda: window.open_paths(path_a, tmp_path / "gone.txt"))
    assert "gone.txt" in message
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # sparse: cheap to create, still over the size limit
        handle.truncate(60 * 1024 * 1024)
    message = wait_failure(qtbot, window, lambda: window.open_paths(path_a, huge))
    assert "too large" in message
    assert window.message_bar.isVisible()


def test_open_actions_use_the_file_chooser(qtbot, window, articles) -> None:
    path_a, path_b = articles
    answers = iter([path_a, path_b])
    captions: list[str] = []

    def chooser(caption: str, _directory: str) -> Path | None:
        captions.append(caption)
        return next(answers)

    window.choose_file = chooser
    wait_result(qtbot, window, window.actions_.open_both.trigger)
    assert captions == ["Open article A", "Open article B"]
    assert window.paths == {Side.A: path_a, Side.B: path_b}
    window.choose_file = lambda caption, _directory: path_b
    wait_result(qtbot, window, window.actions_.open_a.trigger)
    assert window.paths == {Side.A: path_b, Side.B: path_b}
    window.choose_file = lambda caption, _directory: None  # cancelled: nothing happens
    window.actions_.open_b.trigger()
    assert not window.service.busy


def test_swap_exchanges_sides(qtbot, window, articles) -> None:
    path_a, path_b = articles
    wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    before = window.result.comparison.stats
    wait_result(qtbot, window, window.actions_.swap.trigger)
    assert window.paths == {Side.A: path_b, Side.B: path_a}
    after = window.result.comparison.stats
    assert (after.words_a, after.words_b) == (before.words_b, before.words_a)
    assert "public meeting" in pane_text(window, Side.A)


def test_reload_reads_the_files_again_and_never_writes_them(qtbot, window, articles) -> None:
    path_a, path_b = articles
    wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    path_b.write_text(ARTICLE_B + "\nA new closing paragraph appeared overnight.\n", encoding="utf-8")
    digests = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (path_a, path_b)}
    wait_result(qtbot, window, window.actions_.reload.trigger)
    assert "closing paragraph appeared" in pane_text(window, Side.B)
    assert window.actions_.reload.shortcut().toString() == "F5"
    wait_result(qtbot, window, window.actions_.swap.trigger)
    window.close()
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (path_a, path_b)} == digests


def test_recent_pairs_are_remembered(qtbot, window, articles) -> None:
    path_a, path_b = articles
    wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    assert window.settings.recent_pairs[0] == (path_a.resolve(), path_b.resolve())
    menu = window.actions_.recent_menu
    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if "↔" in a.text()]
    assert entries and "library-v1.md" in entries[0].text()
    wait_result(qtbot, window, window.actions_.swap.trigger)
    wait_result(qtbot, window, entries[0].trigger)
    assert window.paths == {Side.A: path_a.resolve(), Side.B: path_b.resolve()}
