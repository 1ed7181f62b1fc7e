"""Reading XML parts out of zip containers (.docx, .odt) without trusting the archive.

Office files are zip archives, and a zip can claim a few kilobytes while inflating to
gigabytes (a "zip bomb"). Every part is checked against the sizes the archive declares
*and* read with a hard cap, because the declared sizes can lie. XML with a DOCTYPE is
refused outright: office formats never use one, and entity declarations are how XML
bombs and external-entity tricks work.
"""

from __future__ import annotations

import io
import struct
import zipfile
from xml.etree import ElementTree
from xml.etree.ElementTree import Element

from reader.core.read.formats.errors import DocumentError

# One XML part of an article is kilobytes; a whole book's document.xml is a few megabytes.
MAX_PART_BYTES = 64 * 1024 * 1024
# Everything the archive says it holds, uncompressed (images included).
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_MEMBERS = 10_000
# Deflate cannot do better than about 1:1032; real XML compresses 1:5 to 1:30.
_SUSPICIOUS_RATIO = 200
_SUSPICIOUS_MIN_BYTES = 1024 * 1024


def open_zip(data: bytes, name: str, kind: str) -> zipfile.ZipFile:
    """The archive in ``data``; ``kind`` ("Word document"...) goes into the error messages."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    # A damaged directory can also claim a zip version from the future (NotImplementedError).
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError, EOFError, struct.error):
        raise DocumentError(f"{name}: not a valid {kind} (the file is damaged or not a zip archive)") from None
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise DocumentError(f"{name}: refused: the archive holds {len(infos)} files (a zip bomb?)")
    declared = sum(info.file_size for info in infos)
    if declared > MAX_TOTAL_BYTES:
        raise DocumentError(
            f"{name}: refused: it would unpack to {declared // (1024 * 1024)} MB "
            f"(the limit is {MAX_TOTAL_BYTES // (1024 * 1024)} MB; a zip bomb?)"
        )
    return archive


def read_part(archive: zipfile.ZipFile, part: str, name: str, kind: str, *, required: bool = True) -> bytes | None:
    """The bytes of ``part``, at most MAX_PART_BYTES; None if absent and not ``required``."""
    try:
        info = archive.getinfo(part)
    except KeyError:
        if required:
            raise DocumentError(f"{name}: not a valid {kind} ({part} is missing)") from None
        return None
    limit_mb = MAX_PART_BYTES // (1024 * 1024)
    if info.file_size > MAX_PART_BYTES:
        raise DocumentError(f"{name}: refused: {part} would unpack to more than {limit_mb} MB (a zip bomb?)")
    if info.file_size > _SUSPICIOUS_MIN_BYTES and info.file_size > _SUSPICIOUS_RATIO * max(info.compress_size, 1):
        raise DocumentError(
            f"{name}: refused: {part} is compressed {info.file_size // max(info.compress_size, 1)} to 1 (a zip bomb?)"
        )
    try:
        with archive.open(info) as handle:
            # One byte more than the cap tells us the declared size was a lie.
            data = handle.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, OSError, EOFError) as error:
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression.
        raise DocumentError(f"{name}: cannot read {part} ({_short(error)})") from None
    except Exception as error:  # noqa: BLE001 - zlib/bz2/lzma raise their own error types
        raise DocumentError(f"{name}: cannot read {part} (damaged: {_short(error)})") from None
    if len(data) > MAX_PART_BYTES:
        raise DocumentError(f"{name}: refused: {part} unpacks to more than {limit_mb} MB (a zip bomb?)")
    return data


def parse_xml(data: bytes, part: str, name: str) -> ElementTree.Element:
    """Parse one XML part; a DOCTYPE or malformed XML becomes a DocumentError."""
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data:
        raise DocumentError(f"{name}: refused: {part} declares a DOCTYPE or entities (not an office file)")
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise DocumentError(f"{name}: {part} is damaged (XML error: {error})") from None
    except (ValueError, RecursionError) as error:
        raise DocumentError(f"{name}: {part} is damaged ({_short(error)})") from None


def _short(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:120]


def local_name(tag: str | object) -> str:
    """The tag without its namespace: Transitional and Strict OOXML, and ODF versions, differ
    only there (comments and processing instructions have no string tag)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def attribute(element: Element, name: str) -> str | None:
    """An attribute by its local name, whatever its namespace."""
    for key, value in element.attrib.items():
        if key.rpartition("}")[2] == name:
            return value
    return None
