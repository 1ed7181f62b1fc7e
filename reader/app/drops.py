"""Decide what a drag-and-drop (or the clipboard) carries: files, web links, or a reason why not.

Browsers drop a link as text/uri-list and as text/plain; file managers drop file:// URLs.
Both become sources (``Path`` or :class:`WebLink`); anything else is refused with a sentence
the window shows as is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QDropEvent

from reader.app.sources import Source, WebLink
from reader.core.read.fetch import looks_like_url
from reader.core.versions.model import MAX_VERSIONS

# One file replaces a side, two are A and B, three or more a base and its versions.
MAX_DROPPED = MAX_VERSIONS + 1


class DropError(ValueError):
    """A drop that cannot be used; the message is shown to the user as is."""


def sources_from_mime(mime: QMimeData, limit: int = MAX_DROPPED) -> list[Source]:
    """The files and http(s) links in a drop, in order; raises DropError with a human reason otherwise."""
    if not mime.hasUrls():
        if mime.hasText():
            return [_link_from_text(mime.text())]
        raise DropError("Only files and web links can be dropped here.")
    if len(mime.urls()) > limit:  # before looking at each: the count is the first thing wrong
        raise DropError(
            f"{len(mime.urls())} items were dropped; drop one on a pane, two to compare them, or a base and "
            f"at most {MAX_VERSIONS} versions of it ({MAX_DROPPED} files)."
        )
    sources: list[Source] = []
    for url in mime.urls():
        if url.isLocalFile():
            sources.append(_checked_file(Path(url.toLocalFile())))
            continue
        link = looks_like_url(url.toString())
        if link is None:
            raise DropError(f"“{url.toDisplayString()[:80]}” is neither a file nor a web (http or https) link.")
        sources.append(WebLink(link))
    if not sources:
        raise DropError("The drop contained no files or links.")
    return sources


def paths_from_mime(mime: QMimeData, limit: int = MAX_DROPPED) -> list[Source]:
    """Older name of :func:`sources_from_mime` (links are sources too now)."""
    return sources_from_mime(mime, limit)


def _checked_file(path: Path) -> Path:
    # Checked at drop time so the user hears at once, before anything is queued. An
    # unsupported suffix is left to the reader, whose message lists SUPPORTED_SUFFIXES.
    if path.is_dir():
        raise DropError(f"“{path.name}” is a folder; drop one or two article files instead.")
    if not path.exists():
        if path.is_symlink():
            raise DropError(f"“{path.name}” is a broken link (the file it points to does not exist).")
        raise DropError(f"“{path.name}” does not exist (was it moved or deleted?).")
    return path


def _link_from_text(text: str) -> WebLink:
    link = looks_like_url(text)
    if link is not None:
        return WebLink(link)
    snippet = " ".join(text.split())[:40]
    raise DropError(
        f"Dropped text (“{snippet}…”) is neither a file nor a web link; save it as a .txt or .md file and drop that."
    )


def accept_as_copy(event: QDropEvent) -> bool:
    """Accept a drag or drop as Copy, never Move (a file manager honouring Move would delete the
    user's file); refuse a drag that offers no copy. Returns whether it was accepted."""
    if not event.possibleActions() & Qt.DropAction.CopyAction:
        event.ignore()
        return False
    event.setDropAction(Qt.DropAction.CopyAction)
    event.accept()
    return True
