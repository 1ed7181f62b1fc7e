"""Properties every reader keeps, whatever the input: layout contract, no crash, no lost words."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.model import Document
from reader.core.read.documents import DocumentError, document_from_bytes, document_from_text
from reader.core.read.formats.html_blocks import html_pieces

WORDS = st.sampled_from(
    ["bridge", "Brücke", "„quoted“", "it’s", "naïve", "50\u00a0€", "A.", "x", "Über", "—", "2025", "café"]
)
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_layout(document: Document) -> None:
    text = document.text
    assert text == text.strip() and document.blocks
    pieces = [text[block.start : block.end] for block in document.blocks]
    assert "\n\n".join(pieces) == text
    for piece in pieces:
        assert piece and piece == piece.strip()
        assert not re.search(r"\n[^\S\n]*\n", piece)


@SETTINGS
@given(st.binary(max_size=600), st.sampled_from(["", ".txt", ".md", ".html"]))
def test_any_bytes_give_a_document_or_a_document_error(data: bytes, suffix: str) -> None:
    try:
        document = document_from_bytes(data, "fuzz" + suffix, suffix)
    except DocumentError as error:
        message = str(error)
        assert message.startswith("fuzz") and "\n" not in message
    else:
        assert_layout(document)


MARKDOWN_LINE = st.one_of(
    st.lists(WORDS, min_size=1, max_size=8).map(" ".join),
    st.lists(WORDS, min_size=1, max_size=4).map(lambda words: "# " + " ".join(words)),
    st.lists(WORDS, min_size=1, max_size=4).map(lambda words: "## " + " ".join(words)),
    st.lists(WORDS, min_size=1, max_size=4).map(lambda words: "- *" + " ".join(words) + "*"),
    st.lists(WORDS, min_size=1, max_size=4).map(lambda words: "> " + " ".join(words)),
    st.lists(WORDS, min_size=1, max_size=4).map(lambda words: "1. `" + " ".join(words) + "`"),
    st.sampled_from(["", "", "   ", "<script>var hidden = 1;</script>", "```", "---"]),
)


@SETTINGS
@given(st.lists(MARKDOWN_LINE, min_size=1, max_size=25), st.sampled_from(["\n", "\r\n", "\r"]))
def test_markdown_keeps_the_layout_contract(lines: list[str], newline: str) -> None:
    source = newline.join(lines)
    try:
        document = document_from_text(source, "fuzz.md", fmt="markdown")
    except DocumentError:
        assert not re.search(r"[^\s#>*`\-]", re.sub(r"<script>.*?</script>", "", source))
        return
    assert_layout(document)
    assert "**" not in document.text
    if "```" not in source:  # an unclosed fence is shown literally, as any viewer would
        assert "`" not in document.text
        # Raw HTML scripts never reach the text; inside a code span or fence they are the
        # code the author shows, and stay.
        assert "var hidden" not in document.text


def _html_tree(depth: int) -> st.SearchStrategy[tuple[str, list[str]]]:
    """Random nested HTML together with the words it shows, in order."""
    leaf = WORDS.map(lambda word: (word.replace("&", "&amp;"), [word]))
    if depth == 0:
        return leaf
    tags = st.sampled_from(["p", "div", "span", "b", "li", "h2", "blockquote", "section", "em"])

    def wrap(tag: str, children: list[tuple[str, list[str]]]) -> tuple[str, list[str]]:
        html = f"<{tag}>" + " ".join(part for part, _ in children) + f"</{tag}>"
        return html, [word for _, words in children for word in words]

    return st.one_of(leaf, st.builds(wrap, tags, st.lists(_html_tree(depth - 1), min_size=1, max_size=4)))


@SETTINGS
@given(st.lists(_html_tree(3), min_size=1, max_size=6))
def test_html_walker_keeps_every_visible_word_in_order(parts: list[tuple[str, list[str]]]) -> None:
    html = "<body>" + " ".join(part for part, _ in parts) + "<script>no()</script></body>"
    pieces, _ = html_pieces(html)
    shown = [word for _, text in pieces for word in text.split()]
    expected = [word for _, words in parts for word in words]
    # "50\u00a0€" is one word with a no-break space: split both sides the same way.
    assert shown == [piece for word in expected for piece in word.split()]


@SETTINGS
@given(st.lists(_html_tree(3), min_size=1, max_size=6))
def test_html_documents_keep_the_layout_contract(parts: list[tuple[str, list[str]]]) -> None:
    html = "<html><body>" + "".join(part for part, _ in parts) + "</body></html>"
    assert_layout(document_from_text(html, "fuzz.html", fmt="html"))
