"""Where an article comes from: a file on disk (a ``Path``) or a web link (a :class:`WebLink`).

The window, the worker and the recent list pass sources around without caring which kind
they are; only loading (fetch or read), file watching and export naming tell them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from reader.core.read.documents import SUPPORTED_SUFFIXES
from reader.core.read.fetch import document_name, looks_like_url

_UNSAFE_IN_FILE_NAMES = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class WebLink:
    """An http(s) address; ``name`` and ``stem`` mirror ``Path`` so labels need no special case."""

    url: str

    @property
    def name(self) -> str:
        """Host and last part of the path, as the fetched document is named ("example.com/story")."""
        return document_name(self.url)

    @property
    def host(self) -> str:
        try:
            return urlsplit(self.url).hostname or self.url
        except ValueError:
            return self.url

    @property
    def stem(self) -> str:
        """A file-name-safe version of ``name`` for suggested export names."""
        return _UNSAFE_IN_FILE_NAMES.sub("-", self.name).strip("-.") or "page"

    def __str__(self) -> str:
        return self.url


Source = Path | WebLink


def parse_source(text: str) -> Source:
    """A WebLink for an http(s) address, otherwise a Path (what argv, settings and dialogs give)."""
    url = looks_like_url(text)
    return WebLink(url) if url is not None else Path(text)


def source_key(source: Source) -> str:
    """Identity for "is this the same article": the resolved path, or the address as typed."""
    if isinstance(source, WebLink):
        return source.url
    try:
        return str(source.resolve())
    except OSError:  # a path that cannot be resolved (loops of links) is still itself
        return str(source.absolute())


def local_paths(*sources: Source | None) -> list[Path]:
    """The sources that are files on disk (the only ones worth watching or guarding from export)."""
    return [source for source in sources if isinstance(source, Path)]


def same_pair(first: tuple[Source | None, Source | None], second: tuple[Source | None, Source | None]) -> bool:
    """Whether two (A, B) pairs name the same articles on each side (by :func:`source_key`)."""

    def key(pair: tuple[Source | None, Source | None]) -> tuple[str | None, ...]:
        return tuple(source_key(source) if source else None for source in pair)

    return key(first) == key(second)


def same_local_file(a: Source | None, b: Source | None) -> bool:
    """Whether both sides show the very same local file (links and relative paths resolved)."""
    paths = local_paths(a, b)
    if len(paths) != 2:
        return False
    try:
        return paths[0].samefile(paths[1])
    except OSError:
        return False


def file_dialog_filter() -> str:
    """The Open dialog's filter, built from the engine's list so the two never disagree."""
    patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
    return f"Articles ({patterns});;All files (*)"
