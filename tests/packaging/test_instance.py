"""Single instance: a second launch hands its files to the running window and exits 0."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.app.instance import (
    INSTANCE_ENV,
    InstanceMessageError,
    InstanceServer,
    decode_paths,
    encode_paths,
    forward_to_running,
    instance_name,
    is_running,
    serve_window,
)
from reader.app.palette import LIGHT
from reader.app.settings import SETTINGS_ENV, AppSettings
from reader.app.sources import WebLink
from reader.app.window.main_window import MainWindow
from reader.core.marks import Side
from tests.app.conftest import ARTICLE_A, ARTICLE_B
from tests.core.test_fetch import serving

PROJECT_ROOT = Path(__file__).resolve().parents[2]
WAIT_MS = 20_000


@pytest.fixture
def socket_name(monkeypatch: pytest.MonkeyPatch) -> str:
    """A name no real Tandem uses, so tests never talk to the developer's running window."""
    name = f"tandem-test-{uuid.uuid4().hex[:12]}"
    monkeypatch.setenv(INSTANCE_ENV, name)
    return name


@pytest.fixture
def articles(tmp_path: Path) -> tuple[Path, Path]:
    path_a, path_b = tmp_path / "library-v1.md", tmp_path / "library-v2.md"
    path_a.write_text(ARTICLE_A, encoding="utf-8")
    path_b.write_text(ARTICLE_B, encoding="utf-8")
    return path_a, path_b


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    settings = tmp_path / "settings.ini"
    monkeypatch.setenv(SETTINGS_ENV, str(settings))
    win = MainWindow(AppSettings(settings), LIGHT, restore_state=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def launch(args: list[str], cwd: Path, env_extra: dict[str, str]) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env_extra}
    env["PYTHONPATH"] = os.pathsep.join([str(PROJECT_ROOT), env.get("PYTHONPATH", "")])
    return subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_the_name_is_per_user_and_can_be_overridden(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(INSTANCE_ENV, raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    if sys.platform != "win32":
        assert instance_name() == str(tmp_path / "io.github.tandem_reader.Tandem.sock")
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setenv("USER", "alice")
    monkeypatch.setenv("LOGNAME", "alice")
    alice = instance_name()
    monkeypatch.setenv("USER", "bob")
    monkeypatch.setenv("LOGNAME", "bob")
    assert instance_name() != alice and instance_name().startswith("io.github.tandem_reader.Tandem-")
    monkeypatch.setenv(INSTANCE_ENV, "custom")
    assert instance_name() == "custom"


@given(
    st.lists(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1), max_size=2)
)
def test_paths_survive_the_wire(names: list[str]) -> None:
    paths = [Path("/") / name for name in names]
    decoded = decode_paths(encode_paths(paths))
    assert [str(p) for p in decoded] == [str(p.absolute()) for p in paths]


@given(
    st.lists(
        st.one_of(
            st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1).map(
                lambda name: Path("/") / name
            ),
            st.from_regex(r"https?://[a-z]{1,12}\.(com|org)(/[a-z0-9-]{0,12}){0,3}", fullmatch=True).map(WebLink),
        ),
        max_size=2,
    )
)
def test_links_and_paths_survive_the_wire(sources: list) -> None:
    decoded = decode_paths(encode_paths(sources))
    assert decoded == [source if isinstance(source, WebLink) else source.absolute() for source in sources]
    assert [type(source) for source in decoded] == [type(source) for source in sources]


def test_relative_paths_are_sent_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert decode_paths(encode_paths([Path("a.md")])) == [tmp_path / "a.md"]


@pytest.mark.parametrize(
    "message",
    [
        b"\xff\xfe",
        b"not json",
        b"[1, 2]",
        b'{"open": "a.md"}',
        b'{"open": [3]}',
        b'{"open": ["a", "b", "c"]}',
        b'{"open": [{"url": "file:///etc/passwd"}]}',
        b'{"open": [{"path": ""}]}',
        b'{"open": [{"url": 3}]}',
        b'{"open": [{"path": "a", "url": "https://example.com"}]}',
    ],
)
def test_foreign_messages_are_refused_with_a_reason(message: bytes) -> None:
    with pytest.raises(InstanceMessageError):
        decode_paths(message)


def test_the_server_hands_on_links_as_links(qtbot, socket_name: str) -> None:
    from PySide6.QtNetwork import QLocalSocket

    server = InstanceServer(socket_name)
    assert server.listen()
    try:
        client = QLocalSocket()
        client.connectToServer(socket_name)
        assert client.waitForConnected(2000)
        with qtbot.waitSignal(server.paths_received, timeout=WAIT_MS) as blocker:
            client.write(encode_paths([WebLink("https://example.com/story"), Path("b.md")]))
            client.flush()
        assert blocker.args[0] == [WebLink("https://example.com/story"), Path("b.md").absolute()]
        client.disconnectFromServer()
        qtbot.waitUntil(lambda: not server._buffers, timeout=WAIT_MS)  # the server let go of its socket
    finally:
        server.close()
        server.deleteLater()
        qtbot.wait(50)  # deferred deletes run while the test still holds the objects


def test_nobody_listening_means_start_normally(socket_name: str) -> None:
    started = time.perf_counter()
    assert not is_running(socket_name)
    assert not forward_to_running([Path("a.md")], socket_name)
    assert time.perf_counter() - started < 3  # no long wait before the window appears


def second_launch(qtbot, window: MainWindow, args: list[str], cwd: Path, socket_name: str) -> None:
    """Run ``tandem ARGS`` as another process while this one serves; it must exit 0."""
    second = launch(args, cwd=cwd, env_extra={INSTANCE_ENV: socket_name})
    with qtbot.waitSignal(window.comparison_shown, timeout=WAIT_MS):
        while second.poll() is None:  # keep our event loop turning so the server can answer
            qtbot.wait(20)
    assert second.returncode == 0, second.stderr.read()


def test_a_second_launch_opens_its_files_in_the_running_window(
    qtbot, window: MainWindow, socket_name: str, articles: tuple[Path, Path], tmp_path: Path
) -> None:
    server = serve_window(window, socket_name)
    assert server is not None and is_running(socket_name)
    # Relative names, resolved against the second launch's working folder.
    second_launch(qtbot, window, [articles[0].name, articles[1].name], tmp_path, socket_name)
    assert window.paths == {Side.A: articles[0], Side.B: articles[1]}
    server.close()


def test_one_forwarded_file_fills_the_empty_side_then_replaces_b(
    qtbot, window: MainWindow, socket_name: str, articles: tuple[Path, Path], tmp_path: Path
) -> None:
    assert serve_window(window, socket_name) is not None
    second_launch(qtbot, window, [str(articles[1])], tmp_path, socket_name)
    assert window.paths[Side.A] == articles[1]
    third = tmp_path / "library-v3.md"
    third.write_text(ARTICLE_B.replace("April", "June"), encoding="utf-8")
    second_launch(qtbot, window, [str(third)], tmp_path, socket_name)
    assert window.paths == {Side.A: articles[1], Side.B: third}


def wait_while_alive(process: subprocess.Popen, done: Callable[[], bool], failure: str) -> None:
    """Poll ``done`` for up to 30 s; the process must stay alive meanwhile."""
    deadline = time.monotonic() + 30
    while not done():
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, failure
        time.sleep(0.1)


def test_a_live_instance_keeps_its_name(qtbot, window: MainWindow, socket_name: str) -> None:
    first = serve_window(window, socket_name)
    assert first is not None
    second = InstanceServer(socket_name)
    assert not second.listen()  # it must not steal the socket from the running window
    assert is_running(socket_name)
    first.close()


def test_two_real_launches_and_a_crashed_one(tmp_path: Path, socket_name: str, articles: tuple[Path, Path]) -> None:
    env = {INSTANCE_ENV: socket_name, SETTINGS_ENV: str(tmp_path / "settings.ini")}
    first = launch([], cwd=tmp_path, env_extra=env)
    try:
        wait_while_alive(first, lambda: is_running(socket_name), "the first launch never started listening")
        second = launch([str(articles[0]), str(articles[1])], cwd=tmp_path, env_extra=env)
        assert second.wait(timeout=30) == 0, second.stderr.read()
        assert first.poll() is None  # the running window is still there
        if sys.platform == "win32":
            return
        # A crash leaves the socket file behind; the next launch must clean it up and serve.
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        assert not is_running(socket_name)
        replacement = InstanceServer(socket_name)
        assert replacement.listen() and is_running(socket_name)
        replacement.close()
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(timeout=10)


def test_a_second_launch_with_a_link_makes_the_running_window_fetch_it(tmp_path: Path, socket_name: str) -> None:
    """End to end: the link crosses the socket and the first process downloads the page."""
    env = {INSTANCE_ENV: socket_name, SETTINGS_ENV: str(tmp_path / "settings.ini")}
    with serving() as server:
        link = f"http://127.0.0.1:{server.server_address[1]}/article"
        first = launch([], cwd=tmp_path, env_extra={**env, "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"})
        try:
            wait_while_alive(first, lambda: is_running(socket_name), "the first launch never started listening")
            second = launch([link], cwd=tmp_path, env_extra=env)
            assert second.wait(timeout=30) == 0, second.stderr.read()
            wait_while_alive(first, lambda: "/article" in server.paths, "the running window never fetched the link")
            assert first.poll() is None  # still running, now showing the page
        finally:
            first.kill()
            first.wait(timeout=10)
