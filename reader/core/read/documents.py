"""Reading documents: bytes on disk or on the web -> :class:`reader.core.model.Document`.

``load_document`` checks a path and reads its bytes (read-only, size-limited); links are
:mod:`reader.core.read.fetch`'s, which builds on this module (never the other way round).
``document_from_bytes`` decodes bytes and picks the reader for the suffix (Word, OpenDocument
and PDF files skip decoding), and ``document_from_text`` builds the Document from already-decoded text. Every failure
is a :class:`DocumentError` with one human sentence naming the file.
"""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

from reader.core.model import BlockKind, Document
from reader.core.printable import one_line
from reader.core.read.formats.classify import HASH_HEADING
from reader.core.read.formats.encoding import decode_bytes, normalise_line_ends
from reader.core.read.formats.errors import DocumentError
from reader.core.read.formats.layout import Piece, assemble

__all__ = [
    "MAX_BYTES",
    "check_regular_file",
    "MAX_TEXT_CHARS",
    "SUPPORTED_SUFFIXES",
    "DocumentError",
    "document_from_bytes",
    "document_from_text",
    "load_document",
]

_TEXT_SUFFIXES = (".txt", ".text")
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# Containers read by their own readers, never decoded as text.
_BINARY_SUFFIXES = (".docx", ".odt", ".pdf")
SUPPORTED_SUFFIXES: tuple[str, ...] = _TEXT_SUFFIXES + _MARKDOWN_SUFFIXES + _HTML_SUFFIXES + _BINARY_SUFFIXES

# Articles are kilobytes; anything this big is not an article, and reading it would
# only make the window unresponsive. (PDF and Word files may carry megabytes of images.)
MAX_BYTES: int = 50 * 1024 * 1024
# The text to compare: books are 1-2 million characters and compare in a few seconds
# (a 1.2 MB revision pair: 1.3 s, 150 MB); past this limit waiting stops being reasonable.
MAX_TEXT_CHARS: int = 8_000_000

_FORMATS = ("text", "markdown", "html")


def load_document(path: str | os.PathLike[str]) -> Document:
    """Read the file at ``path`` into a Document; raise DocumentError on any problem."""
    source = os.fspath(path)
    # Shown in messages, the window and every export: one printable line of valid Unicode.
    name = one_line(Path(source).name or source)
    suffix = _normal_suffix(Path(source).suffix)
    if suffix and suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(f"{name}: unsupported file type '{suffix}' (supported: {_supported_list()})")
    data = _read_bytes(source, name)
    return replace(document_from_bytes(data, name, suffix), source=source)


def document_from_bytes(data: bytes, name: str, suffix: str, *, charset: str | None = None) -> Document:
    """Decode ``data`` (the content of a file called ``name``) and read it by ``suffix``.

    An empty suffix means plain text. ``charset`` is an encoding declared outside the
    bytes (an HTTP header); a byte-order mark still wins over it, and valid UTF-8 is
    read as UTF-8 whatever it claims. ``source`` stays None: there is no path.
    """
    suffix = _normal_suffix(suffix)
    if len(data) > MAX_BYTES:
        raise DocumentError(
            f"{name}: the file is too large ({_megabytes(len(data))}; the limit is {_megabytes(MAX_BYTES)})"
        )
    if suffix in _BINARY_SUFFIXES:
        return _binary_document(data, name, suffix)
    fmt = _format_for(suffix, name)
    if not data.strip():
        raise DocumentError(f"{name}: the file is empty")
    decoded = decode_bytes(data, name, html=fmt == "html", declared=charset)
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
    _check_length(text, name)

    title: str | None
    if fmt == "html":
        from reader.core.read.formats.html_reader import html_document_pieces

        pieces, title = html_document_pieces(text)
    elif fmt == "markdown":
        from reader.core.read.formats.markdown_reader import markdown_pieces

        pieces = markdown_pieces(text, name)
        title = _title_of(pieces)
    else:
        from reader.core.read.formats.plain import plain_pieces

        pieces = plain_pieces(text)
        title = _title_of(pieces)

    joined, blocks = assemble(pieces)
    if not blocks:
        raise DocumentError(f"{name}: there is no readable text in it")
    return Document(name=name, text=joined, blocks=blocks, title=title)


def _binary_document(data: bytes, name: str, suffix: str) -> Document:
    """Word, OpenDocument and PDF files: their readers find the text; no decoding step."""
    if not data:
        raise DocumentError(f"{name}: the file is empty")
    pieces: list[Piece]
    if suffix == ".docx":
        from reader.core.read.formats.docx import docx_pieces

        pieces = docx_pieces(data, name)
    elif suffix == ".odt":
        from reader.core.read.formats.odt import odt_pieces

        pieces = odt_pieces(data, name)
    else:
        from reader.core.read.formats.pdf import pdf_pieces

        pieces = pdf_pieces(data, name, max_chars=MAX_TEXT_CHARS)
    # The readers hand over raw text: its line ends and length get the same checks as a text file's.
    pieces = [(kind, normalise_line_ends(text)) for kind, text in pieces]
    _check_length("".join(text for _, text in pieces), name)
    joined, blocks = assemble(pieces)
    if not blocks:
        raise DocumentError(f"{name}: there is no readable text in it")
    return Document(name=name, text=joined, blocks=blocks, title=_title_of(pieces))


def _check_length(text: str, name: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise DocumentError(
            f"{name}: the text is too long to compare ({len(text) / 1e6:.1f} million characters; "
            f"the limit is {MAX_TEXT_CHARS / 1e6:.0f} million)"
        )


def _title_of(pieces: list[Piece]) -> str | None:
    for kind, text in pieces:
        if kind is BlockKind.TITLE:
            line = " ".join(text.split())
            heading = HASH_HEADING.match(line)
            return heading.group(2) if heading else line
    return None


def _read_bytes(source: str, name: str) -> bytes:
    """The file's bytes, opened read-only; every OS problem becomes a DocumentError."""
    check_regular_file(source, name)
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


def check_regular_file(source: str, name: str) -> None:
    """Raise a DocumentError unless ``source`` is a readable-looking regular file within MAX_BYTES."""
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
        raise DocumentError(
            f"{name}: the file is too large ({_megabytes(info.st_size)}; the limit is {_megabytes(MAX_BYTES)})"
        )


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
