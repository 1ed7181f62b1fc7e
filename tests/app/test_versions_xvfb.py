"""A real X window (Xvfb): three files dropped open the versions view; Ctrl+2 and Ctrl+1 switch (issue 25)."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.xvfb
def test_versions_switch_with_the_keyboard_in_a_real_window(tmp_path: Path) -> None:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 15)
        assert ready, "Xvfb did not start within 15 s"
        display = ":" + os.read(read_end, 64).decode().strip()
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
        done = subprocess.run(
            [sys.executable, "-m", "tests.app.xvfb_versions_script", str(tmp_path)],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(timeout=10)
