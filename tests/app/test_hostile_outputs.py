"""The window's outputs: never over an input, never into the user's settings (issue 15, 3 and 14)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.app.helpers import wait_result
from tests.app.test_launch import run_tandem


@pytest.mark.parametrize("kind", ["itself", "hard"])
def test_screenshot_refuses_to_overwrite_an_input(tmp_path: Path, articles, private_settings: Path, kind: str) -> None:
    before = articles[0].read_bytes()
    target = articles[0]
    if kind == "hard":
        target = tmp_path / "shot.png"
        os.link(articles[0], target)
    done = run_tandem(
        [str(articles[0]), str(articles[1]), "--screenshot", str(target)],
        {"QT_QPA_PLATFORM": "offscreen", "TANDEM_SETTINGS": str(private_settings)},
    )
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "one of the inputs" in done.stderr
    assert articles[0].read_bytes() == before


def test_screenshot_leaves_the_settings_alone(tmp_path: Path, articles, private_settings: Path) -> None:
    private_settings.write_text("[view]\nzoom=2\n", encoding="utf-8")
    before = private_settings.read_bytes()
    done = run_tandem(
        [str(articles[0]), str(articles[1]), "--screenshot", str(tmp_path / "shot.png")],
        {"QT_QPA_PLATFORM": "offscreen", "TANDEM_SETTINGS": str(private_settings)},
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "shot.png").read_bytes().startswith(b"\x89PNG")
    assert private_settings.read_bytes() == before  # no recent pair, no last folder


def test_export_refuses_a_hard_link_to_a_shown_file(qtbot, window, articles, tmp_path: Path) -> None:
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    before = articles[1].read_bytes()
    alias = tmp_path / "alias.html"
    os.link(articles[1], alias)
    window.choose_save_path = lambda caption, suggestion, filter_: alias
    assert window.export_report() is None
    assert window.export_pdf() is None
    assert articles[1].read_bytes() == before
    assert "compared files" in window.message_bar.text()
