"""Window state kept between sessions, through QSettings.

The storage location is injectable: tests and the screenshot command pass an INI file (or
set ``TANDEM_SETTINGS``), so the user's own settings are never touched. Values equal to
their default are removed rather than written, so the file only records real choices.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from reader.app.sources import Source, WebLink, parse_source
from reader.core.model import CompareOptions

SETTINGS_ENV = "TANDEM_SETTINGS"
MAX_RECENT = 10
ZOOM_MIN, ZOOM_MAX = -6, 12
PAIR_SEPARATOR = "\n"


class _Layout:
    """A saved layout (QMainWindow or QSplitter state) under ``key``: written only when it changed."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __get__(self, settings: AppSettings, owner: type[AppSettings] | None = None) -> QByteArray | None:
        return settings._bytes(self.key)

    def __set__(self, settings: AppSettings, value: QByteArray) -> None:
        settings._set_bytes(self.key, value)


class _Text:
    """A string under ``key``; the empty default is removed rather than written."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __get__(self, settings: AppSettings, owner: type[AppSettings] | None = None) -> str:
        return str(settings._store.value(self.key, ""))

    def __set__(self, settings: AppSettings, value: str) -> None:
        settings._set(self.key, value, "")


class AppSettings:
    """Typed access to the few values Tandem remembers."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None and os.environ.get(SETTINGS_ENV):
            path = Path(os.environ[SETTINGS_ENV])
        if path is not None:
            self._store = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self._store = QSettings()  # organisation/application names set by launch.run
        self.path = path

    def _set(self, key: str, value: object, default: object) -> None:
        if value == default:
            self._store.remove(key)
        else:
            self._store.setValue(key, value)

    def _set_bytes(self, key: str, value: QByteArray) -> None:
        # Layout blobs have no meaningful default: write only when they changed.
        if value != self._bytes(key):
            self._store.setValue(key, value)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def zoom(self) -> int:
        raw = self._store.value("view/zoom", 0)
        if not isinstance(raw, int | float | str):  # QSettings gives back strings from the ini file
            return 0
        try:
            value = int(raw)
        except ValueError:
            return 0
        return max(ZOOM_MIN, min(ZOOM_MAX, value))

    @zoom.setter
    def zoom(self, steps: int) -> None:
        self._set("view/zoom", int(steps), 0)

    geometry = _Layout("window/geometry")
    window_state = _Layout("window/state")  # toolbar and dock layout (QMainWindow.saveState)
    splitter_state = _Layout("window/splitter")
    last_directory = _Text("files/last_directory")
    export_directory = _Text("files/export_directory")  # where the last report or PDF went

    @property
    def recent_pairs(self) -> list[tuple[Source, Source]]:
        """Recently compared pairs (files or web links), newest first."""
        raw = self._store.value("files/recent", [])
        if isinstance(raw, str):  # QSettings returns a bare string for one-element lists
            raw = [raw]
        pairs = []
        for entry in raw if isinstance(raw, Iterable) else []:
            parts = str(entry).split(PAIR_SEPARATOR)
            if len(parts) == 2 and all(parts):
                pairs.append((parse_source(parts[0]), parse_source(parts[1])))
        return pairs

    def add_recent_pair(self, path_a: Source, path_b: Source) -> None:
        pair = (_stored(path_a), _stored(path_b))
        pairs = [pair] + [p for p in self.recent_pairs if p != pair]
        encoded = [f"{a}{PAIR_SEPARATOR}{b}" for a, b in pairs[:MAX_RECENT]]
        self._set("files/recent", encoded, [])

    def clear_recent(self) -> None:
        self._store.remove("files/recent")

    def _bool(self, key: str, default: bool) -> bool:
        value = self._store.value(key, default)
        if isinstance(value, str):  # INI files give back "true" / "false"
            return value.strip().lower() in ("true", "1", "yes", "on")
        return bool(value)

    @property
    def theme(self) -> str:
        """ "light", "dark" or "system"; anything unreadable falls back to "system"."""
        value = str(self._store.value("view/theme", "system"))
        return value if value in ("light", "dark", "system") else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._set("view/theme", str(value), "system")

    @property
    def sync_scroll(self) -> bool:
        return self._bool("view/sync_scroll", True)

    @sync_scroll.setter
    def sync_scroll(self, value: bool) -> None:
        self._set("view/sync_scroll", bool(value), True)

    @property
    def compare_options(self) -> CompareOptions:
        """The matching options the user chose (the engine's defaults for anything unset)."""
        default = CompareOptions()
        raw = self._store.value("matching/looseness", default.looseness)
        try:
            looseness = float(raw) if isinstance(raw, int | float | str) else default.looseness
        except ValueError:
            looseness = default.looseness
        if not math.isfinite(looseness):  # "nan" in a hand-edited file would compare as loosest
            looseness = default.looseness
        return CompareOptions(
            ignore_case=self._bool("matching/ignore_case", default.ignore_case),
            ignore_punctuation=self._bool("matching/ignore_punctuation", default.ignore_punctuation),
            fold_quotes_dashes=self._bool("matching/fold_quotes_dashes", default.fold_quotes_dashes),
            looseness=max(0.0, min(1.0, looseness)),
        )

    @compare_options.setter
    def compare_options(self, options: CompareOptions) -> None:
        default = CompareOptions()
        self._set("matching/ignore_case", options.ignore_case, default.ignore_case)
        self._set("matching/ignore_punctuation", options.ignore_punctuation, default.ignore_punctuation)
        self._set("matching/fold_quotes_dashes", options.fold_quotes_dashes, default.fold_quotes_dashes)
        self._set("matching/looseness", float(options.looseness), default.looseness)

    def sync(self) -> None:
        self._store.sync()

    def keys(self) -> list[str]:
        """Keys actually stored (for tests and diagnostics)."""
        return list(self._store.allKeys())


def _stored(source: Source) -> Source:
    # Files are remembered by absolute path (the working folder changes); links as given.
    return source if isinstance(source, WebLink) else source.resolve()
