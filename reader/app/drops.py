"""Decide what a drag-and-drop carries: one or two local files, or a reason why not."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData


class DropError(ValueError):
    """A drop that cannot be used; the message is shown to the user as is."""


def paths_from_mime(mime: QMimeData, limit: int = 2) -> list[Path]:
    """The local files in a drop, in order; raises DropError with a human reason otherwise."""
    if not mime.hasUrls():
        if mime.hasText():
            return _reject_text(mime.text())
        raise DropError("Only files can be dropped here.")
    paths: list[Path] = []
    for url in mime.urls():
        if not url.isLocalFile():
            raise DropError(
                f"“{url.toDisplayString()}” is not a local file; save it to disk first, then drop the file."
            )
        path = Path(url.toLocalFile())
        if path.is_dir():
            raise DropError(f"“{path.name}” is a folder; drop one or two article files instead.")
        if not path.exists():
            raise DropError(f"“{path.name}” does not exist (was it moved or deleted?).")
        paths.append(path)
    if not paths:
        raise DropError("The drop contained no files.")
    if len(paths) > limit:
        raise DropError(f"{len(paths)} files were dropped; drop one file on a pane, or two on the window.")
    return paths


def _reject_text(text: str) -> list[Path]:
    snippet = " ".join(text.split())[:40]
    raise DropError(f"Dropped text (“{snippet}…”) is not a file; save it as a .txt or .md file and drop that.")
