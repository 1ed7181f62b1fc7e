"""Reading Markdown: structure becomes blocks, markup never reaches the text."""

from __future__ import annotations

from pathlib import Path

from reader.core.model import BlockKind, Document
from reader.core.read.documents import document_from_text, load_document

ARTICLE_MD = """# Harbour bridge to reopen

By Jane Doe

March 3, 2025

The **old** harbour bridge, closed since a _storm_ damaged it, will reopen
in spring, [officials said](https://example.com/news "source") on `Tuesday`.

## Costs lower than expected

> “We are delighted,” said the mayor.
>
> The council agreed.

The works included:

- replacing two *damaged* piers
- resurfacing the deck

1. first phase
2. second phase

```
code_block_line()
```

# A second top-level heading

Line one with a hard break\x20\x20
line two.
"""


def assert_layout(document: Document) -> None:
    text = document.text
    assert text == text.strip() and document.blocks
    assert "\n\n".join(text[block.start : block.end] for block in document.blocks) == text


def kinds_and_texts(document: Document) -> list[tuple[BlockKind, str]]:
    return [(block.kind, document.text[block.start : block.end]) for block in document.blocks]


def load_md(text: str) -> Document:
    return document_from_text(text, "article.md", fmt="markdown")


def test_markdown_blocks_have_the_expected_kinds() -> None:
    document = load_md(ARTICLE_MD)
    assert_layout(document)
    blocks = kinds_and_texts(document)
    assert blocks[:4] == [
        (BlockKind.TITLE, "Harbour bridge to reopen"),
        (BlockKind.BYLINE, "By Jane Doe"),
        (BlockKind.DATELINE, "March 3, 2025"),
        (
            BlockKind.PARAGRAPH,
            "The old harbour bridge, closed since a storm damaged it, will reopen "
            "in spring, officials said on Tuesday.",
        ),
    ]
    assert (BlockKind.HEADING, "Costs lower than expected") in blocks
    assert [text for kind, text in blocks if kind is BlockKind.QUOTE] == [
        "“We are delighted,” said the mayor.",
        "The council agreed.",
    ]
    assert [text for kind, text in blocks if kind is BlockKind.LIST_ITEM] == [
        "replacing two damaged piers",
        "resurfacing the deck",
        "first phase",
        "second phase",
    ]
    assert (BlockKind.PARAGRAPH, "code_block_line()") in blocks
    # Only the first "#" heading is the title.
    assert (BlockKind.HEADING, "A second top-level heading") in blocks
    assert blocks[-1] == (BlockKind.PARAGRAPH, "Line one with a hard break\nline two.")
    assert document.title == "Harbour bridge to reopen"


def test_inline_markup_and_urls_do_not_reach_the_text() -> None:
    text = load_md(ARTICLE_MD).text
    for markup in ("**", "_storm_", "`", "](", "https://", "example.com", "#", "> ", "```"):
        assert markup not in text


def test_raw_html_scripts_and_javascript_links_are_dropped() -> None:
    source = (
        "Intro paragraph.\n\n"
        "<script>alert('owned')</script>\n\n"
        "<style>p { color: red }</style>\n\n"
        "A [click here](javascript:alert(1)) link and <b>bold</b> text.\n\n"
        "<!-- an editor's note -->\n\n"
        "Closing &amp; final paragraph."
    )
    document = load_md(source)
    assert_layout(document)
    assert document.text == "Intro paragraph.\n\nA click here link and bold text.\n\nClosing & final paragraph."


def test_markdown_file_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "notes.markdown"
    path.write_bytes("# Titel\r\n\r\nVon Max Muster\r\n\r\nEin *kurzer* Text über Straßen.\r\n".encode("cp1252"))
    document = load_document(path)
    assert kinds_and_texts(document) == [
        (BlockKind.TITLE, "Titel"),
        (BlockKind.BYLINE, "Von Max Muster"),
        (BlockKind.PARAGRAPH, "Ein kurzer Text über Straßen."),
    ]
    assert document.encoding == "cp1252"


def test_markdown_without_headings_has_no_title() -> None:
    document = load_md("Just a paragraph.\n\nAnd another one.")
    assert document.title is None
    assert [kind for kind, _ in kinds_and_texts(document)] == [BlockKind.PARAGRAPH] * 2


def test_a_table_row_is_one_block_with_its_cells_apart() -> None:
    document = load_md("| Name | Score |\n|------|-------|\n| Anna | 3 |\n| Ben | 5 |\n")
    assert kinds_and_texts(document) == [
        (BlockKind.PARAGRAPH, "Name\tScore"),
        (BlockKind.PARAGRAPH, "Anna\t3"),
        (BlockKind.PARAGRAPH, "Ben\t5"),
    ]
