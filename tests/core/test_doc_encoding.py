"""Decoding files: BOMs, UTF-16 without BOM, legacy code pages, broken UTF-8, binary data."""

from __future__ import annotations

import codecs
import os
import struct
import zlib
from pathlib import Path

import pytest

from reader.core.read.documents import DocumentError, document_from_bytes, load_document

GERMAN = (
    "Grüße aus München\n\n"
    "Die Bürger äußerten sich über die neue Straßenbahn – „endlich“, sagte eine Frau.\n"
    "Öl, Übermaß und Ärger gehören der Vergangenheit an; das kostet 5 €."
)
# Latin-1 has no curly quotes, dashes or euro sign.
GERMAN_LATIN1 = (
    "Grüße aus München\n\n"
    "Die Bürger äußerten sich über die neue Straßenbahn, sagte eine Frau.\n"
    "Öl, Übermaß und Ärger gehören der Vergangenheit an."
)
ENGLISH = "Café life\n\nThe café serves crème brûlée — “quoted” text, a naïve façade, 20 € each."


def load(tmp_path: Path, data: bytes, name: str = "article.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return load_document(path)


@pytest.mark.parametrize(
    ("text", "data", "encodings"),
    [
        (GERMAN, GERMAN.encode("utf-8"), {"utf-8"}),
        (GERMAN, codecs.BOM_UTF8 + GERMAN.encode("utf-8"), {"utf-8-sig"}),
        (GERMAN, codecs.BOM_UTF16_LE + GERMAN.encode("utf-16-le"), {"utf-16-le"}),
        (GERMAN, codecs.BOM_UTF16_BE + GERMAN.encode("utf-16-be"), {"utf-16-be"}),
        (GERMAN, GERMAN.encode("utf-16-le"), {"utf-16-le"}),
        (GERMAN, GERMAN.encode("utf-16-be"), {"utf-16-be"}),
        (GERMAN, codecs.BOM_UTF32_LE + GERMAN.encode("utf-32-le"), {"utf-32-le"}),
        (GERMAN, GERMAN.encode("cp1252"), {"cp1252"}),
        (ENGLISH, ENGLISH.encode("cp1252"), {"cp1252"}),
        (GERMAN_LATIN1, GERMAN_LATIN1.encode("latin-1"), {"cp1252", "latin_1", "iso8859_15"}),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf16le-nobom",
        "utf16be-nobom",
        "utf32le-bom",
        "cp1252-de",
        "cp1252-en",
        "latin1",
    ],
)
def test_text_in_each_encoding_reads_back_exactly(tmp_path: Path, text: str, data: bytes, encodings: set[str]) -> None:
    document = load(tmp_path, data)
    assert document.text == text
    assert document.encoding in encodings
    assert document.warnings == ()


def test_cyrillic_in_windows_1251_is_detected(tmp_path: Path) -> None:
    text = (
        "Новый мост откроется весной\n\n"
        "Городские власти сообщили во вторник, что старый мост через гавань снова откроется "
        "для движения весной, на несколько месяцев раньше, чем планировалось."
    )
    document = load(tmp_path, text.encode("cp1251"))
    assert document.text == text


def test_crlf_in_utf16_is_normalised(tmp_path: Path) -> None:
    text = "Title\r\n\r\nLine one\r\nline two."
    document = load(tmp_path, text.encode("utf-16"))
    assert document.text == "Title\n\nLine one\nline two."


def test_mostly_utf8_with_a_broken_byte_gets_replacement_and_a_warning(tmp_path: Path) -> None:
    data = GERMAN.encode("utf-8").replace(b"Vergangenheit", b"Vergangen\xffheit")
    document = load(tmp_path, data)
    assert "Vergangen\ufffdheit" in document.text
    assert "München" in document.text  # the valid UTF-8 around it is not mis-decoded
    assert document.encoding == "utf-8"
    assert len(document.warnings) == 1 and "replaced" in document.warnings[0]


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="windows-1252"><title>Grüße</title></head>'
        "<body><h1>Grüße aus München</h1><p>Die Bürger sagten „endlich“.</p>"
        "<p>Öl kostet 5 €.</p></body></html>"
    )
    document = load(tmp_path, html.encode("cp1252"), "page.html")
    assert "Die Bürger sagten „endlich“." in document.text
    assert "Öl kostet 5 €." in document.text
    assert document.encoding == "cp1252"


def test_latin1_label_is_read_as_windows_1252_like_browsers_do(tmp_path: Path) -> None:
    html = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>He said “yes” – twice.</p>'
    document = load(tmp_path, html.encode("cp1252"), "page.htm")
    assert "He said “yes” – twice." in document.text


def test_stale_meta_charset_on_a_utf8_page_is_overridden_with_a_warning(tmp_path: Path) -> None:
    html = '<meta charset="iso-8859-1"><h1>Grüße</h1><p>Die Bürger äußerten sich.</p><p>Noch ein Satz.</p>'
    document = load(tmp_path, html.encode("utf-8"), "page.html")
    assert "Die Bürger äußerten sich." in document.text
    assert document.encoding == "utf-8"
    assert any("valid UTF-8" in warning for warning in document.warnings)


def test_png_is_binary(tmp_path: Path) -> None:
    header = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 4, 4, 8, 6, 0, 0, 0)
    data = header + zlib.compress(b"\x00\xff" * 200)
    with pytest.raises(DocumentError, match=r"^image\.txt: does not look like text \(binary data\)$"):
        load(tmp_path, data, "image.txt")


def test_control_characters_without_nul_are_binary(tmp_path: Path) -> None:
    data = bytes(range(1, 9)) * 50 + b"some words"
    with pytest.raises(DocumentError, match="binary data"):
        load(tmp_path, data, "controls.txt")


def test_random_bytes_are_refused_not_crashed(tmp_path: Path) -> None:
    for seed in range(5):
        data = os.urandom(2000) if seed else bytes(range(256)) * 8
        if seed % 2:
            data = data.replace(b"\x00", b"\x80")  # no NUL shortcut: detection must refuse it
        with pytest.raises(DocumentError, match=r"^noise\.txt"):
            load(tmp_path, data, "noise.txt")


def test_truncated_utf16_is_a_clear_error() -> None:
    data = codecs.BOM_UTF16_LE + "Hello world".encode("utf-16-le") + b"\x00"
    with pytest.raises(DocumentError, match=r"^odd\.txt: cannot be decoded as utf-16-le"):
        document_from_bytes(data, "odd.txt", ".txt")


def test_a_few_stray_control_characters_are_tolerated() -> None:
    text = "A normal paragraph of text with a stray form feed\x07 and bell."
    document = document_from_bytes(text.encode(), "ok.txt", ".txt")
    assert "stray form feed\x07 and bell." in document.text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Ein Text über Straßen.", "cp1252"),
        ("# Titel\n\nEin *kurzer* Text über Straßen.", "cp1252"),
        ("Café", "cp1252"),
        ("Grüße", "cp1252"),
        ("Привет, как дела у тебя сегодня?", "cp1251"),
    ],
)
def test_short_legacy_texts(text: str, codec: str) -> None:
    document = document_from_bytes(text.encode(codec), "short.txt", ".txt")
    assert document.text == text


@pytest.mark.parametrize("label", ["undefined", "idna", "UNDEFINED", "rot13", "base64"])
def test_a_hostile_charset_label_is_ignored(label: str) -> None:
    """Issue 15, item 8: ``charset=undefined`` raised UnicodeError (exit 70)."""
    from reader.core.read.formats.encoding import decode_bytes

    page = f'<html><head><meta charset="{label}"></head><body><p>Caf\xe9 cr\xe8me</p></body></html>'.encode("latin-1")
    assert "Café crème" in decode_bytes(page, "page.html", html=True).text
    assert "Café crème" in decode_bytes(page, "page.html", declared=label).text
