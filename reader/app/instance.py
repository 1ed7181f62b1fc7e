"""One Tandem per user: a second launch hands its files to the running window and exits.

The first launch listens on a local socket (a Unix socket or a Windows named pipe) whose name is
private to the user. A later ``tandem A B`` connects, sends the absolute paths (and links) as one
line of JSON, waits for the running instance to confirm, and exits 0; the running instance opens the
files and raises its window. When nobody answers, the later launch simply starts normally.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from reader.app.sources import Source, WebLink, parse_source

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from reader.app.window.main_window import MainWindow

APP_ID = "io.github.tandem_reader.Tandem"
INSTANCE_ENV = "TANDEM_INSTANCE"  # overrides the socket name (tests, or several separate setups)
CONNECT_TIMEOUT_MS = 500
REPLY_TIMEOUT_MS = 3000
MAX_MESSAGE_BYTES = 64 * 1024  # a handful of paths; anything bigger is not from Tandem
ACK = b"ok\n"


class InstanceMessageError(ValueError):
    """A message on the instance socket that is not a list of file paths."""


def instance_name(platform: str = sys.platform) -> str:
    """The per-user socket name (or full socket path) the running instance listens on.

    On Windows it names a pipe (Qt puts it in the pipe namespace): it may hold no backslash,
    and pipes are machine-wide, so it is made from the account (domain and user, which Windows
    compares without case) rather than from a folder.
    """
    override = os.environ.get(INSTANCE_ENV)
    if override:
        return override
    windows = platform == "win32"
    runtime_dir = os.environ.get("XDG_RUNTIME_DIR")
    if not windows and runtime_dir and Path(runtime_dir).is_dir():
        # The runtime folder belongs to the user alone, so the socket cannot be squatted.
        return str(Path(runtime_dir) / f"{APP_ID}.sock")
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    if windows:
        user = f"{os.environ.get('USERDOMAIN', '')}\\{user}".casefold()
    digest = hashlib.sha256(user.encode("utf-8")).hexdigest()[:12]
    return f"{APP_ID}-{digest}"


def _native_flavour() -> type[PurePath]:
    return PureWindowsPath if sys.platform == "win32" else PurePosixPath


def encode_paths(paths: Sequence[Source]) -> bytes:
    """The wire form of ``paths``: files made absolute, links as their address, as one JSON line."""
    entries = [
        {"url": source.url} if isinstance(source, WebLink) else {"path": str(Path(source).expanduser().absolute())}
        for source in paths
    ]
    return (json.dumps({"open": entries}) + "\n").encode("utf-8")


def _checked_path(text: str, flavour: type[PurePath]) -> Path:
    # The sender made it absolute; a relative one would be read from this process's working
    # folder, not the sender's. On Windows a drive without a root ("C:report.md") is relative,
    # and so is a root without a drive.
    if not flavour(text).is_absolute():
        raise InstanceMessageError(f"not an absolute path: {text[:80]!r}")
    return Path(text)


def _decode_entry(entry: object, flavour: type[PurePath]) -> Source:
    if isinstance(entry, str) and entry:  # the plain-path form of earlier versions
        return _checked_path(entry, flavour)
    if isinstance(entry, dict) and len(entry) == 1:
        path, url = entry.get("path"), entry.get("url")
        if isinstance(path, str) and path:
            return _checked_path(path, flavour)
        if isinstance(url, str) and url:
            source = parse_source(url)
            if isinstance(source, WebLink):
                return source
            raise InstanceMessageError(f"not an http(s) link: {url[:80]!r}")
    raise InstanceMessageError("a Tandem message lists files ('path') and links ('url') under 'open'")


def decode_paths(message: bytes, flavour: type[PurePath] | None = None) -> list[Source]:
    """Inverse of :func:`encode_paths`; raises :class:`InstanceMessageError` on anything else.

    ``flavour`` (PureWindowsPath or PurePosixPath; this system's by default) decides which paths
    count as absolute: drive letters, UNC shares and either slash on Windows.
    """
    try:
        payload = json.loads(message.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InstanceMessageError(f"not a Tandem message: {error}") from None
    entries = payload.get("open") if isinstance(payload, dict) else None
    if not isinstance(entries, list):
        raise InstanceMessageError("a Tandem message lists files ('path') and links ('url') under 'open'")
    if len(entries) > 2:
        raise InstanceMessageError("Tandem compares at most two files at a time")
    return [_decode_entry(entry, flavour or _native_flavour()) for entry in entries]


def is_running(name: str | None = None) -> bool:
    """Whether an instance listens on ``name`` (connects and hangs up without a message)."""
    socket = QLocalSocket()
    socket.connectToServer(name or instance_name())
    connected = socket.waitForConnected(CONNECT_TIMEOUT_MS)
    socket.abort()
    return connected


def forward_to_running(paths: Sequence[Source], name: str | None = None) -> bool:
    """Hand ``paths`` to a running instance; True once it confirmed, False if none answered."""
    socket = QLocalSocket()
    socket.connectToServer(name or instance_name())
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(encode_paths(paths))
    socket.flush()
    reply = b""
    while ACK not in reply and socket.waitForReadyRead(REPLY_TIMEOUT_MS):
        reply += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return ACK in reply


class InstanceServer(QObject):
    """Listens for later launches and emits :attr:`paths_received` with their files."""

    paths_received = Signal(list)  # list of Path or WebLink, zero to two entries

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or instance_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening unless a live instance owns the name; clears a crashed one's socket."""
        # Ask first: with socket options set, Qt replaces an existing socket file on Unix.
        if is_running(self.name):
            return False
        if self.server.listen(self.name):
            return True
        if self.server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            QLocalServer.removeServer(self.name)
            return self.server.listen(self.name)
        return False

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in buffer:
            if len(buffer) > MAX_MESSAGE_BYTES:
                socket.abort()
                self._forget(socket)
            else:
                self._buffers[socket] = buffer
            return
        line = buffer.split(b"\n", 1)[0]
        self._buffers[socket] = b""
        try:
            paths = decode_paths(line)
        except InstanceMessageError as error:
            print(f"tandem: ignored a message from another launch: {error}", file=sys.stderr)
            socket.disconnectFromServer()
            return
        socket.write(ACK)
        socket.flush()
        self.paths_received.emit(paths)

    def _forget(self, socket: QLocalSocket) -> None:
        if self._buffers.pop(socket, None) is not None:
            socket.deleteLater()


_extra_windows: list[QWidget] = []  # windows opened for later launches, kept alive until closed


def open_forwarded(window: MainWindow, paths: list[Source]) -> MainWindow:
    """Open ``paths`` sent by another launch; returns the window that shows them.

    Files go into ``window`` only when nothing would be replaced: an empty window takes two
    files, one file fills an empty side. Otherwise a new window opens for them, so a second
    launch never silently throws away the comparison someone is reading.
    """
    from reader.core.marks import Side

    target = window
    empty = [side for side in Side if window.paths[side] is None]
    fits = (len(paths) == 2 and len(empty) == 2) or (len(paths) == 1 and empty) or not paths
    if not fits:
        target = new_window(window)
    if len(paths) == 2:
        target.open_paths(paths[0], paths[1])
    elif len(paths) == 1:
        target.open_side(Side.A if target.paths[Side.A] is None else Side.B, paths[0])
    raise_window(target)
    return target


def new_window(window: MainWindow) -> MainWindow:
    """Another window like ``window`` (same settings and theme), a little offset from it."""
    from PySide6.QtCore import QPoint

    from reader.app.window.main_window import MainWindow as Window

    fresh = Window(window.settings, window.palette_, restore_state=False, theme=window.theme)
    fresh.persist_settings = window.persist_settings
    fresh.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    fresh.resize(window.size())
    fresh.move(window.pos() + QPoint(32, 32))
    _extra_windows.append(fresh)
    fresh.destroyed.connect(lambda *_args, w=fresh: _extra_windows.remove(w) if w in _extra_windows else None)
    fresh.show()
    fresh.service.start()
    return fresh


def raise_window(window: QWidget) -> None:
    """Un-minimise, raise and activate ``window``."""
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


def serve_window(window: MainWindow, name: str | None = None) -> InstanceServer | None:
    """Make ``window`` the target of later launches; None if another instance owns the name."""
    server = InstanceServer(name, parent=window)
    if not server.listen():
        server.deleteLater()
        return None
    server.paths_received.connect(lambda paths: open_forwarded(window, paths))
    return server
