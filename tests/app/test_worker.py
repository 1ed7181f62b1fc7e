"""The comparison runs in a separate process: the event loop keeps turning, stale results are dropped."""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from reader.app.worker.service import CompareService
from reader.core.marks import Side
from tests.app.conftest import ARTICLE_B, long_article
from tests.app.helpers import WAIT_MS, wait_failure, wait_result

SHARED_LARGE = Path("../shared/benchmarks/revisions/large_a.txt")
TICK_MS = 20
# The longest the UI thread may be unresponsive at once. Measured on 2 busy cores with the
# comparison in its own process: 0.1-0.25 s (building the panes' text); with the engine in a
# thread of the window's process, over 1 s now and then.
LONGEST_STALL_S = 0.6


@pytest.fixture
def big_pair(tmp_path: Path) -> tuple[Path, Path]:
    """About 300 KB a side: a comparison that takes on the order of a second."""
    path_a, path_b = tmp_path / "big-a.md", tmp_path / "big-b.md"
    path_a.write_text(long_article(1500), encoding="utf-8")
    path_b.write_text(long_article(1500, ARTICLE_B), encoding="utf-8")
    return path_a, path_b


def tick_times_while(qtbot, window, action) -> tuple[int, float, float]:
    """Ticks delivered while ``action``'s result is computed and shown, the time, the longest gap."""
    times: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: times.append(time.perf_counter()))
    started = time.perf_counter()
    timer.start()
    try:
        wait_result(qtbot, window, action)
    finally:
        timer.stop()
    finished = time.perf_counter()
    moments = [started, *times, finished]
    stall = max(later - earlier for earlier, later in zip(moments, moments[1:], strict=False))
    return len(times), finished - started, stall


def responsiveness_problem(ticks: int, elapsed: float, stall: float) -> str | None:
    """Why the UI thread did not keep up, or None when it did."""
    # A blocked UI thread delivers at most one (coalesced) tick per block; a live one about
    # elapsed / interval. Demand half of that (measured with a busy second core: 80-100%).
    if ticks < max(5, 0.5 * elapsed / (TICK_MS / 1000)):
        return f"only {ticks} ticks in {elapsed:.2f} s"
    # Enough ticks overall can still hide one long freeze: bound the longest.
    if stall >= LONGEST_STALL_S:
        return f"the UI thread did not run for {stall:.2f} s"
    return None


def warm_up(qtbot, window, articles) -> None:
    """Compare something small first, so the measured part does not include starting the process."""
    wait_result(qtbot, window, lambda: window.open_paths(*articles))


def test_event_loop_keeps_running_during_a_big_comparison(qtbot, window, big_pair, articles) -> None:
    warm_up(qtbot, window, articles)
    ticks, elapsed, stall = tick_times_while(qtbot, window, lambda: window.open_paths(*big_pair))
    assert elapsed > 0.3, "the comparison should be long enough to measure"
    assert responsiveness_problem(ticks, elapsed, stall) is None
    assert window.result.comparison is not None


def test_the_tick_check_fails_when_the_ui_thread_is_blocked(qtbot, window, big_pair, articles) -> None:
    """The same measurement with the UI thread put to sleep on purpose must be caught."""
    warm_up(qtbot, window, articles)
    blocked: list[float] = []

    def block_once(_fraction: float) -> None:
        if not blocked:  # a test-only stand-in for work done on the UI thread
            blocked.append(time.perf_counter())
            time.sleep(LONGEST_STALL_S + 0.4)

    window.service.progress.connect(block_once)
    ticks, elapsed, stall = tick_times_while(qtbot, window, lambda: window.open_paths(*big_pair))
    assert blocked
    assert responsiveness_problem(ticks, elapsed, stall) is not None


@pytest.mark.skipif(not SHARED_LARGE.exists(), reason="../shared/benchmarks/revisions is not present")
def test_event_loop_keeps_running_on_the_shared_large_pair(qtbot, window, articles) -> None:
    warm_up(qtbot, window, articles)
    pair = (SHARED_LARGE, SHARED_LARGE.with_name("large_b.txt"))
    ticks, elapsed, stall = tick_times_while(qtbot, window, lambda: window.open_paths(*pair))
    # The 1.2 MB book: unpickling and building the panes are the UI side's share.
    assert responsiveness_problem(ticks, elapsed, stall) is None
    assert window.result.comparison is not None


def test_comparison_runs_in_another_process_without_qt(qtbot, window, articles) -> None:
    collector_states: list[bool] = []
    window.service.progress.connect(lambda _fraction: collector_states.append(gc.isenabled()))
    result = wait_result(qtbot, window, lambda: window.open_paths(*articles))
    assert result.worker_pid is not None and result.worker_pid != os.getpid()
    assert all(collector_states)  # the window's collector is never switched off for the engine
    with qtbot.waitSignal(window.service._link.message, timeout=WAIT_MS) as blocker:
        window.service.ping(7)
    pong = blocker.args[0]
    kind, token, facts = pong.kind, pong.token, pong.facts
    assert (kind, token, facts["pid"]) == ("pong", 7, result.worker_pid)
    assert facts["qt_loaded"] is False


def test_the_process_is_reused_and_ends_with_the_window(qtbot, window, articles) -> None:
    first = wait_result(qtbot, window, lambda: window.open_paths(*articles))
    second = wait_result(qtbot, window, lambda: window.open_paths(articles[1], articles[0]))
    assert first.worker_pid == second.worker_pid
    assert window.service._link.is_alive()
    window.close()
    assert not window.service._link.is_alive()
    with pytest.raises(ProcessLookupError):
        os.kill(first.worker_pid, 0)


def test_closing_mid_comparison_ends_the_process_promptly(qtbot, window, big_pair) -> None:
    with qtbot.waitSignal(window.service.progress, timeout=WAIT_MS):
        window.open_paths(*big_pair)
    pid = window.service.worker_pid
    started = time.perf_counter()
    window.close()
    # The child leaves the comparison at its next checkpoint instead of being waited for and killed.
    assert time.perf_counter() - started < 0.8
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_busy_indicator_shows_progress_for_long_documents(qtbot, window, big_pair) -> None:
    seen: list[int] = []
    window.service.progress.connect(lambda fraction: seen.append(window.progress.value()))
    wait_result(qtbot, window, lambda: window.open_paths(*big_pair))
    assert seen and max(seen) > 0
    assert window.progress.format() == "Painting… %p%"  # the last stage named before it hid
    assert not window.progress.isVisible()  # hidden again when done


def test_newer_request_wins_over_a_running_one(qtbot, window, big_pair, articles) -> None:
    shown = []
    window.comparison_shown.connect(lambda result: shown.append(result.request.path_a))
    with qtbot.waitSignal(window.service.progress, timeout=WAIT_MS):
        window.open_paths(*big_pair)  # wait until the worker has really started on it
    assert window.service.busy
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    qtbot.waitUntil(lambda: not window.service.busy, timeout=WAIT_MS)
    qtbot.wait(300)  # give a stale result every chance to arrive
    assert shown == [articles[0]]
    assert window.paths[Side.A] == articles[0]
    assert "Mill Street" in window.panes[Side.A].view.toPlainText()


def test_a_stuck_process_is_replaced_for_the_newer_request(qtbot, window, big_pair, articles) -> None:
    window.service.response_timeout_ms = 500
    with qtbot.waitSignal(window.service.progress, timeout=WAIT_MS):
        window.open_paths(*big_pair)
    stuck = window.service.worker_pid
    os.kill(stuck, signal.SIGSTOP)  # frozen mid-comparison: it can no longer answer
    try:
        with qtbot.waitSignal(window.service.restarted, timeout=WAIT_MS):
            result = wait_result(qtbot, window, lambda: window.open_paths(*articles))
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(stuck, signal.SIGCONT)
    assert result.request.path_a == articles[0]
    assert result.worker_pid != stuck
    with pytest.raises(ProcessLookupError):
        os.kill(stuck, 0)  # terminated and reaped, not left behind


def test_a_killed_process_is_reported_and_replaced(qtbot, window, big_pair, articles) -> None:
    with qtbot.waitSignal(window.service.progress, timeout=WAIT_MS):
        window.open_paths(*big_pair)
    killed = window.service.worker_pid
    message = wait_failure(qtbot, window, lambda: os.kill(killed, signal.SIGKILL))
    assert "stopped unexpectedly" in message
    assert not window.service.busy
    result = wait_result(qtbot, window, lambda: window.open_paths(*articles))
    assert result.worker_pid not in (None, killed)


def test_service_only_delivers_the_latest_request(qtbot, big_pair, articles) -> None:
    service = CompareService()
    delivered: list[int] = []
    service.result_ready.connect(lambda result: delivered.append(result.request.serial))
    try:
        first = service.submit(*big_pair)
        second = service.submit(*big_pair)
        with qtbot.waitSignal(service.result_ready, timeout=WAIT_MS):
            third = service.submit(*articles)
        qtbot.wait(300)
        assert delivered == [third.serial]
        assert first.serial < second.serial < third.serial
    finally:
        service.shutdown()


def test_the_child_exits_when_the_window_side_of_the_pipe_closes() -> None:
    """No orphans: a window that dies without saying goodbye still ends its comparison process."""
    import multiprocessing

    from reader.app.worker.child import serve

    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe(duplex=True)
    child = context.Process(target=serve, args=(theirs,), daemon=True)
    child.start()
    theirs.close()
    try:
        assert child.is_alive()
        ours.close()  # what the kernel does when the window's process is killed
        child.join(20)
        assert child.exitcode == 0
    finally:
        if child.is_alive():
            child.kill()
