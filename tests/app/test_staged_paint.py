"""Issue 15, item 7: painting a large result does not hold the event loop."""

from __future__ import annotations

from reader.app.panes.staged_paint import STAGED_CHARS, needs_stages
from reader.core.marks import Side
from tests.app.conftest import long_article
from tests.app.test_worker import responsiveness_problem, tick_times_while, warm_up


def test_two_identical_large_files_paint_in_steps(qtbot, window, articles, tmp_path) -> None:
    """Identical texts compare in a blink, so nearly all the time is the panes' painting."""
    text = long_article(24000)  # about 5.4 MB a side
    path_a, path_b = tmp_path / "a.md", tmp_path / "b.md"
    path_a.write_text(text, encoding="utf-8")
    path_b.write_text(text, encoding="utf-8")
    warm_up(qtbot, window, articles)
    ticks, elapsed, stall = tick_times_while(qtbot, window, lambda: window.open_paths(path_a, path_b))
    # Filled at once, these panes held the event loop about 0.9 s; in steps the longest wait
    # is the swap and the sidebar, about 0.4 s (2 cores).
    assert responsiveness_problem(ticks, elapsed, stall) is None
    assert needs_stages(window.result) and 2 * len(text) > STAGED_CHARS
    for side in Side:  # and everything was painted, the end of the text too
        view = window.panes[side].view
        assert view.document().characterCount() > len(text) * 0.9
        assert view.pane_map is not None and len(view.pane_map.sentences) == len(window.result.comparison.sentences_a)


def test_a_newer_result_replaces_one_still_being_painted(qtbot, window, articles, tmp_path) -> None:
    text = long_article(4000)
    big_a, big_b = tmp_path / "a.md", tmp_path / "b.md"
    big_a.write_text(text, encoding="utf-8")
    big_b.write_text(text, encoding="utf-8")
    warm_up(qtbot, window, articles)
    with qtbot.waitSignal(window.stage_shown, timeout=20_000, check_params_cb=lambda stage: stage == "painting"):
        window.open_paths(big_a, big_b)
    assert window.painter.busy
    with qtbot.waitSignal(window.comparison_shown, timeout=20_000) as blocker:
        window.open_paths(*articles)
    result = blocker.args[0]
    qtbot.wait(200)
    assert not window.painter.busy
    assert window.result is result and window.result.a.path == articles[0]
