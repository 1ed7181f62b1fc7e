"""``tandem --smoke-test``: the GUI starts on the sample pair, paints it, and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.resources import demo_pair

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not all(p.exists() for p in demo_pair()), reason="sample articles missing")
def test_smoke_test_paints_the_sample_pair_and_exits_zero(tmp_path: Path) -> None:
    settings = tmp_path / "settings.ini"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TANDEM_SETTINGS": str(settings)}
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--smoke-test"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "smoke test passed" in done.stdout
    assert not settings.exists() or "geometry" not in settings.read_text()  # layout left alone


def test_smoke_test_refuses_file_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--smoke-test", "a.md"]) == 2
    assert "--smoke-test" in capsys.readouterr().err
