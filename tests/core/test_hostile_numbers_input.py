"""Readers given numbers past Python's int() digit limit (4,300 digits) or odd digits (issue 28)."""

from __future__ import annotations

import io
import socket
import zipfile

import pytest

from reader.core.read.documents import DocumentError, document_from_bytes, document_from_text
from reader.core.read.fetch import fetch_url
from reader.core.read.formats.html_blocks import html_pieces
from tests.core.test_fetch_limits import raw_server

DIGITS = 5000  # past the 4,300 digits int() accepts from a string
ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


@pytest.mark.parametrize("reference", ["&#" + "9" * DIGITS + ";", "&#x" + "f" * DIGITS + ";", "&#" + "9" * DIGITS])
@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_a_huge_character_reference_is_the_replacement_character(reference: str, fmt: str) -> None:
    text = f"One {reference} two.\n\nThree four five."
    if fmt == "html":
        text = f"<html><body><p>One {reference} two.</p><p>Three four five.</p></body></html>"
    document = document_from_text(text, f"page.{fmt}", fmt)
    assert document.text.startswith("One \ufffd two.")
    assert "9999" not in document.text and "ffff" not in document.text


def test_the_fallback_html_walker_bounds_references_too() -> None:
    zeros = "0" * DIGITS
    html = f"<p>A&#{zeros}65;B &#x{zeros}42; C&#{'9' * DIGITS}; D&#1114112;E&#1048576;F&#160;G</p>"
    pieces, _ = html_pieces(html, web_page=True)
    # Leading zeros do not change the character; past U+10FFFF is U+FFFD, like html.unescape.
    assert pieces[0][1] == "AAB B C\ufffd D\ufffdE\U00100000F\u00a0G"


def test_plain_text_keeps_a_huge_reference_as_written() -> None:
    reference = "&#" + "9" * DIGITS + ";"
    assert reference in document_from_text(f"One {reference} two.", "note.txt").text


def _odt(paragraph: str) -> bytes:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}>'
        f"<office:body><office:text><text:p>{paragraph}</text:p></office:text></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("count", "spaces"), [("9" * DIGITS, 1000), ("0" * DIGITS + "3", 3), ("\u00b2", 1), ("x", 1), ("4", 4)]
)
def test_odt_space_counts_are_bounded_before_int(count: str, spaces: int) -> None:
    document = document_from_bytes(_odt(f'Alpha<text:s text:c="{count}"/>beta.'), "spaces.odt", ".odt")
    assert document.text == "Alpha" + " " * spaces + "beta."


def _reply_with_length(length: bytes) -> object:
    body = b"A page whose declared length is not to be believed, served in full."

    def reply(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + length + b"\r\n\r\n" + body)
        conn.shutdown(socket.SHUT_WR)

    return reply


@pytest.mark.parametrize("length", [b"9" * DIGITS, b"\xb2"])
def test_an_unbelievable_content_length_is_ignored(length: bytes) -> None:
    with raw_server(_reply_with_length(length)) as url:  # type: ignore[arg-type]
        document = fetch_url(url + "/page.txt", timeout=5)
    assert "served in full" in document.text


def test_the_binary_data_message_starts_with_the_name() -> None:
    with pytest.raises(DocumentError) as caught:
        document_from_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8, "photo.txt", ".txt")
    assert str(caught.value) == "photo.txt: does not look like text (binary data)"
    with pytest.raises(DocumentError) as caught:
        document_from_bytes(bytes(range(1, 32)) * 200, "controls.txt", ".txt")
    assert str(caught.value) == "controls.txt: does not look like text (binary data)"
