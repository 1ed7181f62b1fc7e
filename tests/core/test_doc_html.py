"""Reading saved web pages: the article only, in blocks, never the page furniture."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from reader.core.model import BlockKind, Document
from reader.core.read.documents import DocumentError, document_from_bytes, document_from_text, load_document

PARAGRAPHS = [
    "The old harbour bridge, closed since a storm damaged two of its piers last winter, "
    "will reopen to traffic in the spring, city officials said on Tuesday.",
    "Engineers found that the repairs were less extensive than first feared, allowing the "
    "work to be finished months ahead of the original schedule.",
    "The council had set aside twelve million euros for the repairs, but the final bill is "
    "expected to come in at around nine million, according to the transport department.",
    "Local shop owners, who had complained about falling trade since the closure, welcomed "
    "the announcement and said they hoped customers would return quickly.",
]
QUOTE = "“We are delighted that residents will soon be able to use the bridge again,” said the mayor."
ITEMS = ["replacing two damaged piers", "resurfacing the whole deck", "new lighting for cyclists"]
BOILERPLATE = [
    "Subscribe now",
    "We use cookies",
    "Accept all",
    "trackAll",
    "dataLayer",
    "Buy cheap watches",
    "Celebrity spotted",
    "All rights reserved",
    "position:fixed",
    "Comments",
]

NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour bridge to reopen in spring | The Daily Tide</title>
<meta name="author" content="Jane Doe">
<link rel="stylesheet" href="https://cdn.example.com/site.css">
<script>window.dataLayer = [{{"page": "article"}}]; function trackAll() {{}}</script>
<style>.cookie {{ position:fixed }}</style></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav></header>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience.
Accept all cookies?</p><button>Accept all</button></div>
<main><article>
<h1>Harbour bridge to reopen in spring</h1>
<p class="byline">By Jane Doe</p>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1]}</p>
<img src="https://images.example.com/bridge.jpg" alt="The bridge">
<h2>Costs lower than expected</h2>
<p>{PARAGRAPHS[2]}</p>
<blockquote><p>{QUOTE}</p></blockquote>
<p>The works included:</p>
<ul>{"".join(f"<li>{item}</li>" for item in ITEMS)}</ul>
<p>{PARAGRAPHS[3]}</p>
</article>
<section class="comments" id="comments"><h3>Comments</h3>
<div class="comment"><p>Spammy wrote: Buy cheap watches at our store today!</p></div></section>
</main>
<aside><h3>Most read</h3><ul><li><a href="/a">Celebrity spotted in supermarket</a></li></ul></aside>
<footer><p>© 2025 The Daily Tide. All rights reserved. Imprint · Privacy</p></footer>
<script>trackAll();</script>
</body></html>
"""


def blocks_of(document: Document) -> list[tuple[BlockKind, str]]:
    return [(block.kind, document.text[block.start : block.end]) for block in document.blocks]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("reading a document tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_news_page_keeps_the_article_and_drops_the_furniture(tmp_path: Path, no_network: None) -> None:
    path = tmp_path / "bridge.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    document = load_document(path)
    for paragraph in PARAGRAPHS:
        assert (BlockKind.PARAGRAPH, paragraph) in blocks_of(document)
    for junk in BOILERPLATE:
        assert junk not in document.text, junk
    assert "<" not in document.text and "{" not in document.text


def test_news_page_structure(no_network: None) -> None:
    document = document_from_text(NEWS_PAGE, "bridge.html", fmt="html")
    blocks = blocks_of(document)
    assert blocks[0] == (BlockKind.TITLE, "Harbour bridge to reopen in spring")
    assert document.title == "Harbour bridge to reopen in spring"
    assert blocks[1][0] is BlockKind.BYLINE and "Jane Doe" in blocks[1][1]
    # The headline is not repeated as a heading.
    assert sum("Harbour bridge to reopen in spring" in text for _, text in blocks) == 1
    assert (BlockKind.HEADING, "Costs lower than expected") in blocks
    assert (BlockKind.QUOTE, QUOTE) in blocks
    assert [text for kind, text in blocks if kind is BlockKind.LIST_ITEM] == ITEMS
    order = [document.text.index(paragraph) for paragraph in PARAGRAPHS]
    assert order == sorted(order)
    assert "\n\n".join(text for _, text in blocks) == document.text


def test_page_that_is_not_an_article_falls_back_to_its_visible_text(no_network: None) -> None:
    page = (
        "<html><head><title>Opening hours</title><script>var x = 1;</script></head><body>"
        "<nav>Home | Contact</nav><div class='cookie'>We use cookies</div>"
        "<h1>Opening hours</h1><p>Monday to Friday, nine to five.</p>"
        "<ul><li>Closed on holidays</li></ul><footer>Imprint</footer></body></html>"
    )
    document = document_from_text(page, "hours.html", fmt="html")
    assert blocks_of(document) == [
        (BlockKind.TITLE, "Opening hours"),
        (BlockKind.PARAGRAPH, "Monday to Friday, nine to five."),
        (BlockKind.LIST_ITEM, "Closed on holidays"),
    ]
    assert document.title == "Opening hours"


def test_fragment_without_html_or_body_tags() -> None:
    document = document_from_text("<p>First&nbsp;paragraph &amp; more.</p><p>Second<br>line.</p>", "f.htm", "html")
    assert "First\u00a0paragraph & more." in document.text
    assert "Second\nline." in document.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Empty</title></head><body></body></html>",
        "<html><body><script>alert('only code')</script><style>p{}</style><!-- nothing --></body></html>",
        "<html><body><img src='a.png'><br><hr></body></html>",
    ],
    ids=["empty-body", "only-code", "only-images"],
)
def test_page_without_text_is_an_error(tmp_path: Path, page: str) -> None:
    path = tmp_path / "blank.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(DocumentError, match=r"^blank\.html: "):
        load_document(path)


def test_html_is_read_as_html_only_with_an_html_suffix(tmp_path: Path) -> None:
    path = tmp_path / "source.txt"
    path.write_text("<p>Tags shown as written.</p>", encoding="utf-8")
    assert load_document(path).text == "<p>Tags shown as written.</p>"


def test_a_page_of_more_blocks_than_an_article_has_is_read_whole_by_our_walker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # trafilatura's text gathering grows with the square of sibling paragraphs: past the
    # bound the page is a listing, read by our own walker, every paragraph in order.
    from reader.core.read.formats import html_reader

    def refuse(html: str) -> None:
        raise AssertionError("trafilatura was asked to read a listing")

    count = html_reader.MAX_ARTICLE_BLOCKS + 1
    page = "<html><body>" + "".join(f"<p>Entry {k} holds {k * 7} items.</p>" for k in range(count)) + "</body></html>"
    monkeypatch.setattr(html_reader, "_trafilatura_pieces", refuse)
    document = document_from_bytes(page.encode(), "listing.html", ".html")
    texts = [document.text[block.start : block.end] for block in document.blocks]
    assert texts == [f"Entry {k} holds {k * 7} items." for k in range(count)]


def test_an_article_page_below_the_bound_still_goes_through_trafilatura(no_network: None) -> None:
    from reader.core.read.formats import html_reader

    page = (
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        + "".join(f"<p>The council met on day {k} and agreed the budget for the new library.</p>" for k in range(30))
        + "</article><footer>Cookie settings and privacy policy</footer></body></html>"
    )
    assert html_reader._block_count(page) < html_reader.MAX_ARTICLE_BLOCKS
    document = document_from_bytes(page.encode(), "article.html", ".html")
    assert "Cookie settings" not in document.text and "Home" not in document.text
    assert document.text.count("agreed the budget") == 30
