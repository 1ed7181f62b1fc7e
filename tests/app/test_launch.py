"""Starting the app: command line, --screenshot, a real window on Xvfb, the PySide6 refcount bug."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from reader.app.window.main_window import DEFAULT_SIZE, MainWindow
from reader.cli import build_parser, main
from reader.core.marks import Side
from reader.resources import demo_pair
from tests.app.helpers import wait_result

PROJECT_ROOT = Path(__file__).resolve().parents[2]
HAS_DEMO = all(path.exists() for path in demo_pair())


def run_tandem(args: list[str], env_extra: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, **env_extra}
    code = "import sys; from reader.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def distinct_colours(image: QImage, step: int = 7) -> int:
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    return len(colours)


def test_parser_accepts_the_documented_forms(tmp_path: Path) -> None:
    parser = build_parser()
    args = parser.parse_args(["a.md", "b.md", "--screenshot", "out.png", "--theme", "dark"])
    assert (args.a, args.b, args.screenshot, args.theme) == (Path("a.md"), Path("b.md"), Path("out.png"), "dark")
    assert parser.parse_args(["--demo"]).demo
    assert main(["--theme", "purple"]) == 2  # argparse refuses, no window, no traceback
    assert main(["--demo", "a.md"]) == 2


def test_screenshot_writes_a_png_of_the_window(tmp_path: Path, articles, private_settings: Path) -> None:
    out = tmp_path / "shot.png"
    done = run_tandem(
        [str(articles[0]), str(articles[1]), "--screenshot", str(out)],
        {"QT_QPA_PLATFORM": "offscreen", "TANDEM_SETTINGS": str(private_settings)},
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == DEFAULT_SIZE
    assert distinct_colours(image) > 20  # text, highlights, chrome: not a blank picture
    assert not private_settings.exists() or "geometry" not in private_settings.read_text()


def test_screenshot_of_a_missing_file_fails_with_a_message(tmp_path: Path, private_settings: Path) -> None:
    out = tmp_path / "shot.png"
    done = run_tandem(
        [str(tmp_path / "nope.txt"), str(tmp_path / "nada.txt"), "--screenshot", str(out)],
        {"QT_QPA_PLATFORM": "offscreen", "TANDEM_SETTINGS": str(private_settings)},
    )
    assert done.returncode == 1
    assert "nope.txt" in done.stderr
    assert out.exists()  # the window, with its inline error, is still pictured


@pytest.mark.skipif(not HAS_DEMO, reason="demo articles are not in resources/samples")
def test_demo_link_in_the_empty_window_opens_the_demo(qtbot, window: MainWindow) -> None:
    result = wait_result(qtbot, window, lambda: window.empty_state.links.linkActivated.emit("demo"))
    assert result.comparison is not None
    assert window.paths == {Side.A: demo_pair()[0], Side.B: demo_pair()[1]}


@pytest.mark.xvfb
def test_real_window_on_xvfb(tmp_path: Path, private_settings: Path) -> None:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb xauth libxcb-cursor0 ...)")
    if not HAS_DEMO:
        pytest.skip("demo articles are not in resources/samples")
    # -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 15)
        assert ready, "Xvfb did not start within 15 s"
        display = ":" + os.read(read_end, 64).decode().strip()
        out = tmp_path / "xvfb.png"
        env = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": display, "TANDEM_SETTINGS": str(private_settings)}
        done = subprocess.run(
            [sys.executable, "-m", "reader", "--demo", "--screenshot", str(out)],
            cwd=PROJECT_ROOT,
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        image = QImage(str(out))
        assert image.width() >= 800 and image.height() >= 600
        assert distinct_colours(image) > 20, "the screenshot is blank"
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(timeout=10)


def test_void_qt_calls_do_not_leak_references_to_none(qtbot) -> None:
    # PySide6 6.12.0 on Python 3.11 dropped a reference to None on every void call and
    # aborted after a few thousand; the pin in pyproject.toml avoids it. Keep it that way.
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        widget.setEnabled(True)
    assert sys.getrefcount(None) - before > -1000


def test_links_on_the_command_line_are_links() -> None:
    from reader.app.sources import WebLink

    args = build_parser().parse_args(["https://example.com/story", "b.md"])
    assert args.a == WebLink("https://example.com/story")
    assert args.b == Path("b.md")
