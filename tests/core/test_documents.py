"""Reading documents: the public API, plain text structure, layout contract and errors."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.model import BlockKind, Document
from reader.core.read.documents import (
    MAX_BYTES,
    SUPPORTED_SUFFIXES,
    DocumentError,
    document_from_bytes,
    document_from_text,
    load_document,
)

ARTICLE_TXT = """Harbour bridge to reopen in spring
By Jane Doe
Berlin, 3. März 2025

BERLIN, March 3 (Reuters) - The old harbour bridge, closed since a storm
damaged two of its piers, will reopen to traffic in the spring.

What comes next

The works included:
- replacing two damaged piers
- resurfacing the whole deck
1. first phase
2. second phase

## Costs
The bill is lower than feared.

Shop owners welcomed the news.
"""


def assert_layout(document: Document) -> None:
    """The layout contract every reader must keep."""
    text = document.text
    assert text == text.strip()
    assert document.blocks, "a document always has at least one block"
    pieces = [text[block.start : block.end] for block in document.blocks]
    assert "\n\n".join(pieces) == text
    for piece in pieces:
        assert piece == piece.strip() and piece
        assert not re.search(r"\n[^\S\n]*\n", piece), f"blank line inside block {piece!r}"
    assert "\r" not in text


def kinds_and_texts(document: Document) -> list[tuple[BlockKind, str]]:
    return [(block.kind, document.text[block.start : block.end]) for block in document.blocks]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- plain text ------------------------------------------------------------------


def test_plain_text_blocks_have_the_expected_kinds(tmp_path: Path) -> None:
    document = load_document(write(tmp_path, "bridge.txt", ARTICLE_TXT.encode()))
    assert_layout(document)
    blocks = kinds_and_texts(document)
    assert blocks[:3] == [
        (BlockKind.TITLE, "Harbour bridge to reopen in spring"),
        (BlockKind.BYLINE, "By Jane Doe"),
        (BlockKind.DATELINE, "Berlin, 3. März 2025"),
    ]
    # The "BERLIN, ... -" dateline stays in its paragraph, single newline included.
    assert blocks[3] == (
        BlockKind.PARAGRAPH,
        "BERLIN, March 3 (Reuters) - The old harbour bridge, closed since a storm\n"
        "damaged two of its piers, will reopen to traffic in the spring.",
    )
    assert (BlockKind.HEADING, "What comes next") in blocks
    assert (BlockKind.HEADING, "## Costs") in blocks
    items = [text for kind, text in blocks if kind is BlockKind.LIST_ITEM]
    assert items == [
        "- replacing two damaged piers",
        "- resurfacing the whole deck",
        "1. first phase",
        "2. second phase",
    ]
    assert document.title == "Harbour bridge to reopen in spring"
    assert document.name == "bridge.txt"
    assert document.encoding == "utf-8"


def test_hard_wrapped_paragraph_is_not_split_into_a_headline() -> None:
    text = "The quick brown fox jumps over\nthe lazy dog and keeps running across the field.\n\nMore."
    document = document_from_text(text, "wrapped.txt")
    assert document.title is None
    assert kinds_and_texts(document)[0] == (
        BlockKind.PARAGRAPH,
        "The quick brown fox jumps over\nthe lazy dog and keeps running across the field.",
    )


def test_headline_directly_above_the_first_paragraph_is_split_off() -> None:
    text = "Bridge reopens early\nThe quick brown fox jumps over the lazy dog and keeps running.\n\nMore."
    document = document_from_text(text, "a.txt")
    assert kinds_and_texts(document)[:2] == [
        (BlockKind.TITLE, "Bridge reopens early"),
        (BlockKind.PARAGRAPH, "The quick brown fox jumps over the lazy dog and keeps running."),
    ]


def test_single_sentence_file_is_a_paragraph_not_a_title() -> None:
    document = document_from_text("Just one line", "one.txt")
    assert kinds_and_texts(document) == [(BlockKind.PARAGRAPH, "Just one line")]
    assert document.title is None


def test_hash_title_and_german_byline() -> None:
    document = document_from_text("# Die Brücke\n\nVon Max Muster\n\nDer Text beginnt hier.", "de.txt")
    assert [kind for kind, _ in kinds_and_texts(document)] == [
        BlockKind.TITLE,
        BlockKind.BYLINE,
        BlockKind.PARAGRAPH,
    ]
    assert document.title == "Die Brücke"


@pytest.mark.parametrize(
    "line",
    ["March 3, 2025", "Berlin, 3. März 2025", "Updated: March 3, 2025 10:45 AM EST", "2025-03-03"],
)
def test_date_only_lines_are_datelines(line: str) -> None:
    document = document_from_text(f"A headline here\n\n{line}\n\nThe story starts.", "d.txt")
    assert (BlockKind.DATELINE, line) in kinds_and_texts(document)


@pytest.mark.parametrize(
    "line",
    ["The meeting was held on March 3, 2025.", "By Monday, the work was done.", "Von Montag an gilt die Regel"],
)
def test_sentences_that_mention_dates_or_by_stay_paragraphs(line: str) -> None:
    document = document_from_text(f"{line}\nAnd a second line follows here.", "p.txt")
    assert [kind for kind, _ in kinds_and_texts(document)] == [BlockKind.PARAGRAPH]


def test_typographic_characters_are_kept_exactly() -> None:
    text = "„Anführung“ – “quotes” — it’s\u00a0here… ‹ok›"
    document = document_from_text(text, "t.txt")
    assert document.text == text


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff"),
            st.sampled_from(list("\n\n\n  \t\r-*#1.:")),
        ),
        min_size=1,
        max_size=400,
    )
)
def test_every_word_of_a_text_file_reaches_the_document(text: str) -> None:
    data = text.encode("utf-8")
    words = re.findall(r"\S+", text)
    if not words:
        with pytest.raises(DocumentError):
            document_from_bytes(data, "random.txt", ".txt")
        return
    document = document_from_bytes(data, "random.txt", ".txt")
    assert_layout(document)
    assert re.findall(r"\S+", document.text) == words


def test_line_ends_are_normalised(tmp_path: Path) -> None:
    crlf = load_document(write(tmp_path, "crlf.txt", b"Title line\r\n\r\nFirst line\r\nsecond line.\r\n"))
    cr = load_document(write(tmp_path, "cr.txt", b"Title line\r\rFirst line\rsecond line.\r"))
    assert crlf.text == cr.text == "Title line\n\nFirst line\nsecond line."
    assert_layout(crlf)


# -- the public API --------------------------------------------------------------


def test_supported_suffixes_cover_every_format() -> None:
    for suffix in (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".odt", ".pdf"):
        assert suffix in SUPPORTED_SUFFIXES


def test_source_is_the_given_path_and_name_its_base_name(tmp_path: Path) -> None:
    path = write(tmp_path, "Article.TXT", b"Some text here.")
    document = load_document(str(path))
    assert document.source == str(path)
    assert document.name == "Article.TXT"
    assert document_from_bytes(b"Some text here.", "x.txt", "txt").source is None


def test_file_without_suffix_is_plain_text(tmp_path: Path) -> None:
    document = load_document(write(tmp_path, "README", b"- one\n- two"))
    assert [kind for kind, _ in kinds_and_texts(document)] == [BlockKind.LIST_ITEM] * 2


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_loading_never_modifies_the_file(tmp_path: Path, fmt: str) -> None:
    suffix = {"text": ".txt", "markdown": ".md", "html": ".html"}[fmt]
    content = "Heading\r\n\r\nA paragraph with “quotes” and a second sentence.\r\n".encode("cp1252")
    path = write(tmp_path, f"keep{suffix}", content)
    os.utime(path, (1_000_000_000, 1_000_000_000))
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    load_document(path)
    after = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    assert before == after


def test_document_from_text_rejects_an_unknown_format() -> None:
    with pytest.raises(DocumentError, match="unknown format 'rtf'"):
        document_from_text("Hello", "x", fmt="rtf")


# -- errors ----------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match=r"^gone\.txt: no such file$"):
        load_document(tmp_path / "gone.txt")


def test_folder(tmp_path: Path) -> None:
    folder = tmp_path / "articles.txt"
    folder.mkdir()
    with pytest.raises(DocumentError, match=r"articles\.txt: is a folder"):
        load_document(folder)


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "missing-target.txt")
    with pytest.raises(DocumentError, match=r"link\.txt: broken link"):
        load_document(link)


def test_symlink_to_a_file_is_followed(tmp_path: Path) -> None:
    target = write(tmp_path, "target.txt", b"Linked text.")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert load_document(link).text == "Linked text."


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", b"hidden")
    path.chmod(0)
    try:
        with pytest.raises(DocumentError, match=r"secret\.txt: permission denied"):
            load_document(path)
    finally:
        path.chmod(0o600)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(DocumentError, match=r"pipe\.txt: is not a regular file"):
        load_document(fifo)


def test_unsupported_suffix_lists_the_supported_ones(tmp_path: Path) -> None:
    path = write(tmp_path, "report.rtf", b"{\\rtf1 text}")
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    message = str(caught.value)
    assert message.startswith("report.rtf: unsupported file type '.rtf'")
    for suffix in (".txt", ".md", ".html", ".docx", ".odt", ".pdf"):
        assert suffix in message


def test_too_large_file_names_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: costs no disk space
    with pytest.raises(DocumentError, match=r"huge\.txt: the file is too large .*limit is 50\.0 MB"):
        load_document(path)
    with pytest.raises(DocumentError, match="too large"):
        document_from_bytes(b"a" * (MAX_BYTES + 1), "big.txt", ".txt")


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "\ufeff".encode("utf-8"), "  \n".encode("utf-16")])
def test_empty_or_whitespace_only_file(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path, "blank.txt", content)
    with pytest.raises(DocumentError, match=r"^blank\.txt: the file is empty$"):
        load_document(path)


def test_errors_are_value_errors_with_one_line_messages(tmp_path: Path) -> None:
    with pytest.raises(ValueError) as caught:
        load_document(tmp_path / "nothing.md")
    assert "\n" not in str(caught.value)
