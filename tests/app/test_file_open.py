"""Files handed over by the system (macOS "Open With", the Dock icon): synthetic QFileOpenEvents.

Each test posts the events to the application, as Qt does when macOS sends its Apple event, and
checks which side of which window the real engine then shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from reader.app import file_open
from reader.app.file_open import BATCH_MS, FileOpenRouter, install_file_open_router
from reader.app.sources import WebLink
from reader.app.window.main_window import MainWindow
from reader.core.marks import Side
from tests.app.conftest import ARTICLE_A, ARTICLE_B
from tests.app.helpers import WAIT_MS


@pytest.fixture
def router(qapp: QApplication) -> Iterator[FileOpenRouter]:
    installed = install_file_open_router(qapp)
    yield installed
    qapp.removeEventFilter(installed)
    installed.deleteLater()


@pytest.fixture
def third(tmp_path: Path) -> Path:
    path = tmp_path / "articles" / "library-v3.md"
    path.write_text(ARTICLE_B.replace("April", "June"), encoding="utf-8")
    return path


def hand_over(*paths: Path) -> None:
    """What Qt does with macOS's open-documents event: one QFileOpenEvent per file, queued."""
    app = QCoreApplication.instance()
    for path in paths:
        QCoreApplication.postEvent(app, QFileOpenEvent(str(path)))


def wait_routed(qtbot, router: FileOpenRouter) -> None:
    """Until the batch was opened (the router keeps nothing pending)."""
    QCoreApplication.sendPostedEvents()  # deliver the queued events: the batch timer starts
    qtbot.waitUntil(lambda: not router._pending and not router._timer.isActive(), timeout=WAIT_MS)


def shown(qtbot, window: MainWindow) -> dict[Side, object]:
    qtbot.waitUntil(lambda: window.service.current_request is None and window.result is not None, timeout=WAIT_MS)
    return dict(window.paths)


def other_windows(window: MainWindow) -> list[MainWindow]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w is not window and w.isVisible()
    ]


def test_the_first_file_goes_to_a_and_the_next_to_b(qtbot, window, router, articles) -> None:
    router.attach(window)
    hand_over(articles[0])
    wait_routed(qtbot, router)
    assert shown(qtbot, window) == {Side.A: articles[0], Side.B: None}
    hand_over(articles[1])
    wait_routed(qtbot, router)
    assert shown(qtbot, window) == {Side.A: articles[0], Side.B: articles[1]}
    assert window.result is not None and window.result.comparison is not None
    assert not other_windows(window)


def test_a_second_file_arriving_before_the_first_is_painted_still_goes_to_b(qtbot, window, router, articles) -> None:
    router.attach(window)
    assert router.route([articles[0]]) == [window]
    assert window.service.current_request is not None  # submitted, not painted: window.paths is still empty
    assert window.paths[Side.A] is None
    assert router.route([articles[1]]) == [window]
    assert shown(qtbot, window) == {Side.A: articles[0], Side.B: articles[1]}
    assert not other_windows(window)


def test_two_files_handed_over_together_open_as_a_pair(qtbot, window, router, articles) -> None:
    router.attach(window)
    hand_over(*articles)
    wait_routed(qtbot, router)
    assert shown(qtbot, window) == {Side.A: articles[0], Side.B: articles[1]}


def test_a_third_file_opens_a_new_window_and_leaves_the_pair_alone(qtbot, window, router, articles, third) -> None:
    router.attach(window)
    hand_over(*articles)
    wait_routed(qtbot, router)
    assert shown(qtbot, window) == {Side.A: articles[0], Side.B: articles[1]}
    hand_over(third)
    wait_routed(qtbot, router)
    fresh = other_windows(window)
    try:
        assert len(fresh) == 1
        assert shown(qtbot, fresh[0]) == {Side.A: third, Side.B: None}
        assert window.paths == {Side.A: articles[0], Side.B: articles[1]}  # untouched
        # The next file fills the new window's other side rather than opening yet another.
        hand_over(articles[0])
        wait_routed(qtbot, router)
        assert other_windows(window) == fresh
        assert shown(qtbot, fresh[0]) == {Side.A: third, Side.B: articles[0]}
    finally:
        for extra in fresh:
            extra.close()


def test_a_pair_handed_to_a_window_already_reading_opens_beside_it(qtbot, window, router, articles, third) -> None:
    router.attach(window)
    hand_over(articles[0])
    wait_routed(qtbot, router)
    hand_over(articles[1], third)
    wait_routed(qtbot, router)
    fresh = other_windows(window)
    try:
        assert len(fresh) == 1
        assert shown(qtbot, fresh[0]) == {Side.A: articles[1], Side.B: third}
        assert shown(qtbot, window) == {Side.A: articles[0], Side.B: None}
    finally:
        for extra in fresh:
            extra.close()


def test_files_that_arrive_before_the_window_exists_open_once_it_does(qtbot, window, router, articles) -> None:
    # macOS sends the open-documents event while the app is still starting up.
    hand_over(*articles)
    qtbot.wait(BATCH_MS * 3)
    assert router._pending == list(articles)
    assert window.service.current_request is None and window.result is None
    router.attach(window)
    wait_routed(qtbot, router)
    assert shown(qtbot, window) == {Side.A: articles[0], Side.B: articles[1]}


def test_a_file_url_and_a_web_link_are_understood(qtbot, window, router, articles) -> None:
    router.attach(window)
    app = QCoreApplication.instance()
    QCoreApplication.postEvent(app, QFileOpenEvent(QUrl.fromLocalFile(str(articles[0]))))
    QCoreApplication.postEvent(app, QFileOpenEvent(QUrl("https://example.org/story")))
    QCoreApplication.postEvent(app, QFileOpenEvent(QUrl("mailto:someone@example.org")))  # neither: ignored
    wait_routed(qtbot, router)
    request = window.service.current_request
    assert request is not None
    assert (request.path_a, request.path_b) == (articles[0], WebLink("https://example.org/story"))
    window.service.cancel()


def test_too_many_files_at_once_open_only_the_first_ones(qtbot, window, router, tmp_path, monkeypatch) -> None:
    # A smaller cap keeps this to one window (and one worker process); the rule is the same.
    monkeypatch.setattr(file_open, "MAX_FILES_AT_ONCE", 2)
    router.attach(window)
    paths = []
    for number in range(5):
        path = tmp_path / f"copy-{number}.md"
        path.write_text(ARTICLE_A if number % 2 == 0 else ARTICLE_B, encoding="utf-8")
        paths.append(path)
    hand_over(*paths)
    wait_routed(qtbot, router)
    assert "5 files were opened at once; Tandem opened the first 2." in window.message_bar.label.text()
    assert shown(qtbot, window) == {Side.A: paths[0], Side.B: paths[1]}
    assert not other_windows(window)


def test_other_events_pass_through(qapp, router) -> None:
    event = QEvent(QEvent.Type.User)
    assert router.eventFilter(qapp, event) is False
