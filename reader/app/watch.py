"""Notice when a shown file changes on disk, including editors that replace it.

Many editors save by writing a new file and renaming it over the old one; the watcher then
loses the path. So the folder is watched too, the path is re-added whenever it exists
again, and bursts of events (write, rename, chmod) are coalesced into one report.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DEBOUNCE_MS = 250


def _fingerprint(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


class FileWatcher(QObject):
    """Watches a few files; emits ``changed`` with those rewritten, ``missing`` for vanished ones."""

    changed = Signal(list)  # list[Path] whose content changed (and exist)
    missing = Signal(list)  # list[Path] that no longer exist

    def __init__(self, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._check)
        self._known: dict[Path, tuple[int, int] | None] = {}

    @property
    def paths(self) -> list[Path]:
        return list(self._known)

    def watch(self, paths: list[Path]) -> None:
        """Watch exactly ``paths`` from now on (their current state is the reference)."""
        wanted = {path.resolve() for path in paths}
        if wanted == set(self._known):
            return
        for existing in (self._watcher.files(), self._watcher.directories()):
            if existing:
                self._watcher.removePaths(existing)
        self._known = {path: _fingerprint(path) for path in wanted}
        self._rearm()

    def acknowledge(self, path: Path) -> None:
        """Take the file's state on disk as seen (after the window reloaded it)."""
        path = path.resolve()
        if path in self._known:
            self._known[path] = _fingerprint(path)

    def _rearm(self) -> None:
        files = {str(p) for p in self._known if p.exists()} - set(self._watcher.files())
        folders = {str(p.parent) for p in self._known if p.parent.is_dir()} - set(self._watcher.directories())
        if files:
            self._watcher.addPaths(sorted(files))
        if folders:
            self._watcher.addPaths(sorted(folders))

    def _poke(self, _path: str) -> None:
        self._timer.start()  # restart: wait until the burst of events is over

    def _check(self) -> None:
        changed: list[Path] = []
        missing: list[Path] = []
        for path, before in self._known.items():
            now = _fingerprint(path)
            if now == before:
                continue
            self._known[path] = now
            (missing if now is None else changed).append(path)
        self._rearm()
        if missing:
            self.missing.emit(missing)
        if changed:
            self.changed.emit(changed)
