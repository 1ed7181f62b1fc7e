"""Markdown shapes Python-Markdown is quadratic or recursive on are refused in one line, fast.

Before the pre-check: 8,000 ``<a `` took 5.5 s, 8,000 ``[`` or ``[a](`` ten seconds and more
(and runs of 100,000 practically forever), ``- `` 10,000 times on one line or a 1,500-level
list raised RecursionError. Real articles, link-heavy ones included, still read.
"""

from __future__ import annotations

import time

import pytest

from reader.core.read.documents import DocumentError, document_from_text
from reader.core.read.formats.markdown_limits import MAX_NESTING

SHAPES = {
    "unclosed tags": ("<a " * 8000, r"too many unclosed HTML tags"),
    "unclosed tags on lines": ("<a\n" * 8000, r"too many unclosed HTML tags"),
    "unclosed brackets": ("[" * 8000, r"too many unclosed '\['"),
    "unclosed image brackets": ("![" * 8000, r"too many unclosed '\['"),
    "brackets a line each": ("[\n" * 8000, r"too many unclosed '\['"),
    "unclosed link targets": ("[a](" * 8000, r"too many unclosed '\(' after '\]\('"),
    "links in one paragraph": ("[a](b) " * 100_000, r"too many links or brackets in one paragraph"),
    "list markers on one line": ("- " * 10_000 + "x", r"nested 10000 levels deep on line 1"),
    "numbered markers on one line": ("1. " * 3000 + "x", r"nested 3000 levels deep on line 1"),
    "quotes and lists": ("> - " * 3000 + "x", r"nested 6000 levels deep"),
    "deep list": ("".join("  " * i + "- x\n" for i in range(1500)), r"nested 101 levels deep on line 201"),
    "deep list of tabs": ("".join("\t" * i + "- x\n" for i in range(1500)), r"nested 101 levels deep on line 101"),
}


@pytest.mark.parametrize("case", list(SHAPES))
def test_hostile_markdown_is_refused_in_one_line(case: str) -> None:
    text, message = SHAPES[case]
    started = time.monotonic()
    with pytest.raises(DocumentError, match=message) as caught:
        document_from_text(text + "\n\nThe end.", "notes.md", "markdown")
    assert time.monotonic() - started < 1.5
    assert str(caught.value).startswith("notes.md: ")
    assert "rename it .txt" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_the_same_text_reads_as_plain_text() -> None:
    document = document_from_text("[" * 8000 + "\n\nThe end.", "notes.txt", "text")
    assert document.text.endswith("The end.")


ARTICLE = (
    "# A link-heavy article\n\n"
    + "".join(
        f'Paragraph {i} cites [a source](https://example.com/{i}) and [another](https://example.org/{i} "t"),'
        f' a stray [ bracket, an escaped \\[ one, <b>bold</b> HTML and a <span class="x">span</span>.\n\n'
        for i in range(2000)
    )
    + "".join("    " * level + f"- level {level}\n" for level in range(MAX_NESTING - 1))
)


def test_a_long_article_with_many_links_and_brackets_still_reads() -> None:
    started = time.monotonic()
    document = document_from_text(ARTICLE, "article.md", "markdown")
    assert time.monotonic() - started < 20
    assert document.title == "A link-heavy article"
    assert "Paragraph 1999 cites a source and another, a stray [ bracket, an escaped [ one" in document.text
    assert "level 98" in document.text


def test_deep_indentation_without_markers_reads() -> None:
    text = "Intro.\n\n" + " " * 2000 + "\n\n" + " " * 800 + "indented code\n\nThe end."
    assert "The end." in document_from_text(text, "notes.md", "markdown").text


def test_nesting_up_to_the_limit_reads() -> None:
    text = "- " * (MAX_NESTING - 1) + "deep item\n\nThe end."
    assert "deep item" in document_from_text(text, "notes.md", "markdown").text
