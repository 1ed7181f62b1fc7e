"""Web links in the window: dropped, pasted, typed; fetched with progress, Cancel, errors inline.

A real HTTP server on 127.0.0.1 (the one the core fetch tests use) serves every page.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtWidgets import QApplication

from reader.app.sources import WebLink, parse_source, source_key
from reader.app.window.menus import fill_recent
from reader.core.marks import Side
from tests.app.helpers import WAIT_MS, drop, file_mime, wait_failure, wait_result
from tests.core.test_fetch import serving


@pytest.fixture(scope="module")
def server() -> Iterator[object]:
    with serving(slow_seconds=4) as running:
        yield running


def url(server, route: str) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}{route}"


def uri_list(*links: str) -> QMimeData:
    """What a browser drops: text/uri-list plus the same link as text/plain."""
    mime = QMimeData()
    mime.setUrls([QUrl(link) for link in links])
    mime.setText("\n".join(links))
    return mime


def plain_text(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    return mime


def pane_text(window, side: Side) -> str:
    return window.panes[side].view.toPlainText()


def test_a_link_dropped_on_a_pane_replaces_that_side(qtbot, window, articles, server) -> None:
    path_a, path_b = articles
    wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    link = url(server, "/article")
    result = wait_result(qtbot, window, lambda: drop(window.panes[Side.B].view.viewport(), uri_list(link)))
    assert window.paths[Side.A] == path_a and window.paths[Side.B] == WebLink(link)
    assert "Harbour bridge reopens" in window.panes[Side.B].header_text()
    assert "resurfaced the whole deck" in pane_text(window, Side.B)
    assert result.comparison is not None
    assert not window.message_bar.isVisible() or window.message_bar.kind == "info"


def test_plain_text_link_dropped_on_an_empty_window_becomes_a(qtbot, window, server) -> None:
    link = url(server, "/plain")
    wait_result(qtbot, window, lambda: drop(window, plain_text(f"  {link}\n")))
    assert window.paths == {Side.A: WebLink(link), Side.B: None}
    assert "A plain paragraph of text" in pane_text(window, Side.A)
    assert window.stack.currentWidget() is window.splitter


def test_a_link_and_a_file_dropped_together_become_a_and_b(qtbot, window, articles, server) -> None:
    link = url(server, "/article")
    mime = uri_list(link)
    mime.setUrls([QUrl(link), QUrl.fromLocalFile(str(articles[1]))])
    result = wait_result(qtbot, window, lambda: drop(window, mime))
    assert window.paths == {Side.A: WebLink(link), Side.B: articles[1]}
    assert result.comparison is not None and result.a.path == WebLink(link)


def test_ctrl_v_pastes_a_link_into_the_focused_empty_pane(qtbot, window, articles, server) -> None:
    wait_result(qtbot, window, lambda: window.open_paths(articles[0], None))
    link = url(server, "/article")
    QApplication.clipboard().setText(link)
    view = window.panes[Side.B].view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    wait_result(qtbot, window, lambda: qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier))
    assert window.paths[Side.B] == WebLink(link)
    assert "Harbour bridge reopens" in window.panes[Side.B].header_text()


def test_paste_without_a_link_or_with_both_sides_open_explains(qtbot, window, articles, server) -> None:
    QApplication.clipboard().setText("just some words, not a link")
    assert window.paste_link() is False
    assert "neither a file nor a web link" in window.message_bar.text()
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    QApplication.clipboard().setText(url(server, "/article"))
    assert window.paste_link() is False
    assert "Both sides are open" in window.message_bar.text()
    assert window.paths == {Side.A: articles[0], Side.B: articles[1]}


def test_open_link_dialog_suggests_the_empty_side_and_opens_there(qtbot, window, articles, server) -> None:
    wait_result(qtbot, window, lambda: window.open_paths(articles[0], None))
    asked: list[Side] = []
    link = url(server, "/article")

    def answer(side: Side) -> tuple[Side, str]:
        asked.append(side)
        return side, link

    window.choose_link = answer
    wait_result(qtbot, window, window.actions_.open_link.trigger)
    assert asked == [Side.B]
    assert window.paths[Side.B] == WebLink(link)
    window.choose_link = lambda side: None
    assert window.open_link() is False


def test_link_dialog_only_accepts_web_links(qtbot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from reader.app.window.link_dialog import LinkDialog

    dialog = LinkDialog(Side.B)
    qtbot.addWidget(dialog)
    open_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Open)
    for text, allowed in (
        ("", False),
        ("ftp://example.org/a", False),
        ("example.org", False),
        ("https://example.org/story", True),
        ("  <http://127.0.0.1:8000/x>  ", True),
    ):
        dialog.field.setText(text)
        assert open_button.isEnabled() is allowed, text
    assert dialog.side() is Side.B


def test_download_shows_progress_in_the_pane_and_cancel_stops_it(qtbot, window, articles, server) -> None:
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    banner = window.panes[Side.B].fetch_banner
    window.open_side(Side.B, WebLink(url(server, "/drip")))  # 200 pieces, 20 ms apart: about 4 s
    qtbot.waitUntil(lambda: "received" in banner.text(), timeout=WAIT_MS)
    assert "127.0.0.1" in banner.text() and banner.isVisible()
    assert not window.panes[Side.A].fetch_banner.isVisible()
    clicked = time.perf_counter()
    message = wait_failure(qtbot, window, lambda: qtbot.mouseClick(banner.cancel_button, Qt.MouseButton.LeftButton))
    assert time.perf_counter() - clicked < 1.0  # not the ~4 s the download would take
    assert "cancelled" in message and message.startswith("B:")
    assert not banner.isVisible()
    # The comparison on screen is untouched and the window still works.
    assert window.paths[Side.B] == articles[1]
    assert "public meeting" in pane_text(window, Side.B)
    wait_result(qtbot, window, window.reload)


def test_cancel_stops_a_stalled_server_at_once(qtbot, window, server) -> None:
    window.service.fetch_options = {"timeout": 30}
    window.open_side(Side.A, WebLink(url(server, "/slow")))  # the server says nothing for 4 s
    banner = window.panes[Side.A].fetch_banner
    qtbot.waitUntil(banner.isVisible)
    assert "Connecting to 127.0.0.1" in banner.text()
    clicked = time.perf_counter()
    message = wait_failure(qtbot, window, window.cancel_fetch)
    assert time.perf_counter() - clicked < 1.0
    assert "cancelled" in message
    assert window.stack.currentWidget() is window.empty_state  # nothing was open before


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        ("/missing", "the server answered 404"),
        ("/loop", "too many redirects"),
        ("/image.png", "image/png, not an article"),
        ("/slow", "timed out"),
    ],
)
def test_bad_links_are_reported_inline_and_the_view_kept(qtbot, window, articles, server, route, expected) -> None:
    window.service.fetch_options = {"timeout": 0.5}
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    message = wait_failure(
        qtbot, window, lambda: drop(window.panes[Side.B].view.viewport(), uri_list(url(server, route)))
    )
    assert expected in message
    assert expected in window.message_bar.text() and window.message_bar.kind == "error"
    assert window.paths[Side.B] == articles[1]
    assert not window.panes[Side.B].fetch_banner.isVisible()


def test_recent_list_keeps_links_and_reload_fetches_again(qtbot, window, articles, server) -> None:
    link = url(server, "/article")
    wait_result(qtbot, window, lambda: window.open_paths(articles[0], WebLink(link)))
    assert window.settings.recent_pairs[0] == (articles[0].resolve(), WebLink(link))
    assert window.watcher.paths == [articles[0].resolve()]  # links are not watched
    requests = server.paths.count("/article")
    wait_result(qtbot, window, window.reload)
    assert server.paths.count("/article") == requests + 1
    window.paths = {Side.A: None, Side.B: None}
    fill_recent(window, window.actions_.recent_menu)
    first = window.actions_.recent_menu.actions()[0]
    assert "127.0.0.1/article" in first.text()
    wait_result(qtbot, window, first.trigger)
    assert window.paths == {Side.A: articles[0].resolve(), Side.B: WebLink(link)}


def test_sources_parse_and_compare_by_identity(tmp_path: Path) -> None:
    assert parse_source("https://example.org/a/story") == WebLink("https://example.org/a/story")
    assert parse_source(str(tmp_path / "a.md")) == tmp_path / "a.md"
    link = WebLink("https://example.org/news/big story?x=1")
    assert link.host == "example.org" and "/" not in link.stem and " " not in link.stem
    assert source_key(tmp_path / "x" / ".." / "a.md") == source_key(tmp_path / "a.md")


def test_files_dropped_with_file_urls_still_work(qtbot, window, articles) -> None:
    wait_result(qtbot, window, lambda: drop(window, file_mime(*articles)))
    assert window.paths == {Side.A: articles[0], Side.B: articles[1]}


def test_status_bar_says_downloading_then_comparing(qtbot, window, articles, server) -> None:
    window.service.fetch_options = {"timeout": 30}
    window.open_side(Side.A, WebLink(url(server, "/slow")))  # the server says nothing for 4 s
    qtbot.waitUntil(lambda: window.progress.format() == "Downloading from 127.0.0.1…", timeout=WAIT_MS)
    assert "Comparing" not in window.progress.format()
    wait_failure(qtbot, window, window.cancel_fetch)
    formats: list[str] = []
    window.service.progress.connect(lambda _fraction: formats.append(window.progress.format()))
    wait_result(qtbot, window, lambda: window.open_paths(articles[0], WebLink(url(server, "/article"))))
    assert formats and formats[-1].startswith(("Splitting", "Aligning", "Comparing words"))  # a stage, not the download
