"""Reading documents: bytes on disk -> :class:`reader.core.model.Document`.

``load_document`` checks the path, reads the bytes (read-only, size-limited),
``document_from_bytes`` decodes them and picks the reader for the suffix, and
``document_from_text`` builds the Document from already-decoded text. Every failure
is a :class:`DocumentError` with one human sentence naming the file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .formats.classify import HASH_HEADING
from .formats.encoding import decode_bytes, normalise_line_ends
from .formats.errors import DocumentError
from .formats.layout import Piece, assemble
from .model import BlockKind, Document

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "DocumentError",
    "document_from_bytes",
    "document_from_text",
    "load_document",
]

_TEXT_SUFFIXES = (".txt", ".text")
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUPPORTED_SUFFIXES: tuple[str, ...] = _TEXT_SUFFIXES + _MARKDOWN_SUFFIXES + _HTML_SUFFIXES

# Articles are kilobytes; anything this big is not an article, and reading it would
# only make the window unresponsive.
MAX_BYTES: int = 50 * 1024 * 1024

_FORMATS = ("text", "markdown", "html")


def load_document(path: str | os.PathLike[str]) -> Document:
    """Read the file at ``path`` into a Document; raise DocumentError on any problem."""
    source = os.fspath(path)
    name = Path(source).name or source
    suffix = _normal_suffix(Path(source).suffix)
    if suffix and suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(f"{name}: unsupported file type '{suffix}' (supported: {_supported_list()})")
    data = _read_bytes(source, name)
    document = document_from_bytes(data, name, suffix)
    return Document(
        name=document.name,
        text=document.text,
        blocks=document.blocks,
        title=document.title,
        source=source,
        encoding=document.encoding,
        warnings=document.warnings,
    )


def document_from_bytes(data: bytes, name: str, suffix: str) -> Document:
    """Decode ``data`` (the content of a file called ``name``) and read it by ``suffix``.

    An empty suffix means plain text. ``source`` stays None: there is no path.
    """
    suffix = _normal_suffix(suffix)
    fmt = _format_for(suffix, name)
    if len(data) > MAX_BYTES:
        raise DocumentError(f"{name}: the file is too large ({_megabytes(len(data))}; the limit is {_megabytes(MAX_BYTES)})")
    if not data.strip():
        raise DocumentError(f"{name}: the file is empty")
    decoded = decode_bytes(data, name, html=fmt == "html")
    document = document_from_text(decoded.text, name, fmt)
    return Document(
        name=document.name,
        text=document.text,
        blocks=document.blocks,
        title=document.title,
        encoding=decoded.encoding,
        warnings=decoded.warnings + document.warnings,
    )


def document_from_text(text: str, name: str, fmt: str = "text") -> Document:
    """Build a Document from decoded text; ``fmt`` is "text", "markdown" or "html"."""
    if fmt not in _FORMATS:
        raise DocumentError(f"{name}: unknown format '{fmt}' (use one of: {', '.join(_FORMATS)})")
    # Line ends are normalised before anything else: CRLF and CR (and the other Unicode
    # line breaks) become LF, and all block offsets refer to this normalised text.
    text = normalise_line_ends(text)
    if not text.strip():
        raise DocumentError(f"{name}: the file is empty")

    title: str | None
    if fmt == "html":
        from .formats.html_reader import html_document_pieces

        pieces, title = html_document_pieces(text)
    elif fmt == "markdown":
        from .formats.markdown_reader import markdown_pieces

        pieces = markdown_pieces(text)
        title = _title_of(pieces)
    else:
        from .formats.plain import plain_pieces

        pieces = plain_pieces(text)
        title = _title_of(pieces)

    joined, blocks = assemble(pieces)
    if not blocks:
        raise DocumentError(f"{name}: there is no readable text in it")
    return Document(name=name, text=joined, blocks=blocks, title=title)


def _title_of(pieces: list[Piece]) -> str | None:
    for kind, text in pieces:
        if kind is BlockKind.TITLE:
            line = " ".join(text.split())
            heading = HASH_HEADING.match(line)
            return heading.group(2) if heading else line
    return None


def _read_bytes(source: str, name: str) -> bytes:
    """The file's bytes, opened read-only; every OS problem becomes a DocumentError."""
    try:
        info = os.stat(source)
    except FileNotFoundError:
        if os.path.islink(source):
            raise DocumentError(f"{name}: broken link (the file it points to does not exist)") from None
        raise DocumentError(f"{name}: no such file") from None
    except PermissionError:
        raise DocumentError(f"{name}: permission denied (cannot read the file)") from None
    except OSError as error:
        raise DocumentError(f"{name}: cannot be read ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise DocumentError(f"{name}: is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        # FIFOs and devices could block forever or never end.
        raise DocumentError(f"{name}: is not a regular file")
    if info.st_size > MAX_BYTES:
        raise DocumentError(f"{name}: the file is too large ({_megabytes(info.st_size)}; the limit is {_megabytes(MAX_BYTES)})")
    try:
        with open(source, "rb") as handle:
            # One byte more than allowed tells us if the file grew since stat().
            data = handle.read(MAX_BYTES + 1)
    except PermissionError:
        raise DocumentError(f"{name}: permission denied (cannot read the file)") from None
    except OSError as error:
        raise DocumentError(f"{name}: cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_BYTES:
        raise DocumentError(f"{name}: the file is too large (the limit is {_megabytes(MAX_BYTES)})")
    return data


def _normal_suffix(suffix: str) -> str:
    suffix = suffix.strip().lower()
    return f".{suffix}" if suffix and not suffix.startswith(".") else suffix


def _format_for(suffix: str, name: str) -> str:
    if suffix in ("", *_TEXT_SUFFIXES):
        return "text"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in _HTML_SUFFIXES:
        return "html"
    raise DocumentError(f"{name}: unsupported file type '{suffix}' (supported: {_supported_list()})")


def _supported_list() -> str:
    return ", ".join(SUPPORTED_SUFFIXES) + ", or no suffix for plain text"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size} bytes"
