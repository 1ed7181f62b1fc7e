"""Opening a large pair: both names, a progress bar that names its stage and never waits at 100 %."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from reader.app.palette import DARK, Theme
from reader.app.window.loading import PAINT_START
from reader.app.worker.service import STAGES
from tests.app.conftest import ARTICLE_B, long_article
from tests.app.helpers import WAIT_MS, wait_result


@pytest.fixture
def big_pair(tmp_path: Path) -> tuple[Path, Path]:
    path_a, path_b = tmp_path / "first-draft.md", tmp_path / "second-draft.md"
    path_a.write_text(long_article(1500), encoding="utf-8")
    path_b.write_text(long_article(1500, ARTICLE_B), encoding="utf-8")
    return path_a, path_b


def test_a_large_pair_shows_names_stages_and_progress_until_painted(qtbot, window, big_pair) -> None:
    seen: list[tuple[str, int, str, bool]] = []

    def record(*_args: object) -> None:
        # Every stage and progress report as the reader sees it, painting included.
        seen.append(
            (
                window._stage,
                window.loading.bar.value(),
                window.loading.stage.text(),
                window.stack.currentWidget() is window.loading,
            )
        )

    window.stage_shown.connect(record)
    window.service.progress.connect(record)
    assert window.stack.currentWidget() is window.empty_state
    window.open_paths(*big_pair)
    # At once, before the child reports anything: the names, not "Drop two articles here".
    assert window.stack.currentWidget() is window.loading
    text = window.loading.text()
    assert "A: first-draft.md" in text and "B: second-draft.md" in text
    with qtbot.waitSignal(window.comparison_shown, timeout=WAIT_MS):
        pass
    stages = [stage for stage, *_ in seen]
    order = [stage for stage in STAGES if stage in stages]
    assert order == ["reading A", "reading B", "splitting", "aligning", "diffing", "painting"]
    assert [STAGES.index(s) for s in stages if s] == sorted(STAGES.index(s) for s in stages if s)
    values = [value for _stage, value, _text, _loading in seen]
    assert values == sorted(values) and 0 < max(values) < 100
    assert all(value <= PAINT_START for stage, value, *_ in seen if stage != "painting")
    assert seen[-1][2] == "Painting…" and seen[-1][3]  # the loading page said so while painting
    assert any(text == "Aligning sentences…" for _s, _v, text, _l in seen)
    assert window.stack.currentWidget() is window.splitter


def test_the_window_stays_usable_while_loading_and_a_new_pair_replaces_it(qtbot, window, big_pair, articles) -> None:
    with qtbot.waitSignal(
        window.service.stage_changed, timeout=WAIT_MS, check_params_cb=lambda stage: stage == "aligning"
    ):
        window.open_paths(*big_pair)
    assert window.stack.currentWidget() is window.loading
    # Menu actions work while the child computes (here View › Theme › Dark), timers keep ticking.
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    window.actions_.themes[Theme.DARK].trigger()
    assert window.theme is Theme.DARK and window.palette_ is DARK
    qtbot.wait(300)
    timer.stop()
    assert len(ticks) >= 5 and max(b - a for a, b in zip(ticks, ticks[1:], strict=False)) < 0.25
    assert window.service.busy and window.stack.currentWidget() is window.loading
    result = wait_result(qtbot, window, lambda: window.open_paths(*articles))
    assert result.request.path_a == articles[0]
    assert "library-v1.md" in window.windowTitle()


def test_a_failure_while_loading_goes_back_to_the_empty_page(qtbot, window, tmp_path) -> None:
    missing_a, missing_b = tmp_path / "gone-a.txt", tmp_path / "gone-b.txt"
    with qtbot.waitSignal(window.failure_shown, timeout=WAIT_MS):
        window.open_paths(missing_a, missing_b)
        assert window.stack.currentWidget() is window.loading
    assert window.stack.currentWidget() is window.empty_state
