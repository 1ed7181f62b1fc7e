"""Saved web pages -> pieces: the article only, via trafilatura, with a plain fallback.

trafilatura drops navigation, ads, cookie banners and comment sections far better than
any tag list; its XML output keeps the structure (head, p, list/item, quote) that
becomes our blocks. It never touches the network when given a string.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from reader.core.model import BlockKind
from reader.core.read.formats.classify import refine
from reader.core.read.formats.html_blocks import bound_character_references, html_pieces
from reader.core.read.formats.layout import Piece

if TYPE_CHECKING:
    from lxml.etree import _Element

_METADATA_KINDS = (BlockKind.TITLE, BlockKind.BYLINE)
_SPACE = re.compile(r"[ \t\n\r\f]+")
_NBSP = re.compile(r"\u00a0|&nbsp;|&#160;|&#x0*a0;", re.IGNORECASE)
_NBSP_STAND_IN = "\u2423"  # OPEN BOX: printable (trafilatura drops private-use) and rare


# What trafilatura keeps: the article's text, headings, lists and tables with its title and
# byline (metadata), as XML we walk ourselves; never comments, images, links or formatting.
# (Any: each value goes to the keyword argument of trafilatura.extract named by its key.)
_EXTRACTION: dict[str, Any] = {
    "output_format": "xml",
    "with_metadata": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    # We never show the page's date: htmldate's extensive search runs a date parser over
    # every stretch of text holding a digit (11 of 14 s on a page of 12,500 numbered lines).
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}
# Pages with more block elements than this are read by our own walker: trafilatura's XPath
# text gathering grows with the square of sibling paragraphs (85 s for 100,000 of them), and
# a page that long is a listing or a dump rather than an article with boilerplate around it.
MAX_ARTICLE_BLOCKS = 5_000
_BLOCK_TAG = re.compile(r"<(?:p|div|li|tr|td|h[1-6]|section|article|blockquote|pre)[\s>/]", re.IGNORECASE)


def html_document_pieces(html: str) -> tuple[list[Piece], str | None]:
    """Pieces of the article in ``html`` and its title; falls back to the visible body text."""
    # The same code points whichever reader ends up reading the page.
    html = bound_character_references(html)
    extracted = None if _block_count(html) > MAX_ARTICLE_BLOCKS else _trafilatura_pieces(html)
    # Title and byline come from page metadata; only body blocks show that an article was found.
    body_count = 0 if extracted is None else sum(1 for kind, _ in extracted[0] if kind not in _METADATA_KINDS)
    if extracted is not None and body_count > 1:
        return extracted
    # Not recognised as an article: keep the visible text rather than refuse the page.
    pieces, page_title = html_pieces(html, web_page=True)
    if not pieces:
        # The class-name filter may have hidden everything (e.g. <body class="has-ads">).
        pieces, page_title = html_pieces(html, web_page=False)
    if extracted is not None and body_count == 1 and len(pieces) < 2:
        # On tiny pages trafilatura flattens the whole body into one paragraph; our own
        # walker keeps the structure, so it only wins when it found more than one block.
        return extracted
    title = next((text.strip() for kind, text in pieces if kind is BlockKind.TITLE), page_title)
    return refine(pieces), title


def _block_count(html: str) -> int:
    """How many block elements ``html`` opens, counted up to one past the limit."""
    count = 0
    for _ in _BLOCK_TAG.finditer(html):
        count += 1
        if count > MAX_ARTICLE_BLOCKS:
            break
    return count


def _trafilatura_pieces(html: str) -> tuple[list[Piece], str | None] | None:
    # Imported lazily: trafilatura costs about a quarter of a second to import.
    import trafilatura
    from lxml import etree

    # trafilatura logs "discarding data" and similar at warning level for odd pages;
    # those are not the user's concern.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    # trafilatura folds no-break spaces into plain ones; we keep typography as written,
    # so they travel through it disguised as a private-use character.
    disguise = _NBSP_STAND_IN not in html
    xml = trafilatura.extract(_NBSP.sub(_NBSP_STAND_IN, html) if disguise else html, **_EXTRACTION)
    if not xml:
        return None
    if disguise:
        xml = xml.replace(_NBSP_STAND_IN, "\u00a0")
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return None
    main = root.find("main")
    if main is None:
        return None

    body: list[Piece] = []
    for element in main:
        _collect(element, body, in_quote=False)

    pieces: list[Piece] = []
    title = _clean(root.get("title") or "") or None
    if body and title and _clean(body[0][1]) == title and body[0][0] is BlockKind.HEADING:
        body = body[1:]  # the article's own <h1> repeats the title
    if title:
        pieces.append((BlockKind.TITLE, title))
    author = _clean(root.get("author") or "")
    if author and not any(author in _clean(text) for _, text in body[:4]):
        pieces.append((BlockKind.BYLINE, author))
    pieces.extend(refine(body))
    return pieces, title


def _collect(element: _Element, out: list[Piece], *, in_quote: bool) -> None:
    """Append the pieces of one element of trafilatura's XML body."""
    tag = element.tag
    if tag == "head":
        out.append((BlockKind.HEADING, _text(element)))
    elif tag == "list":
        for item in element:
            nested = [child for child in item if child.tag == "list"]
            out.append((BlockKind.LIST_ITEM, _text(item, skip_lists=True)))
            for sublist in nested:
                _collect(sublist, out, in_quote=in_quote)
    elif tag == "quote":
        if len(element):
            leading = _own_text(element)
            if leading:
                out.append((BlockKind.QUOTE, leading))
            for child in element:
                _collect(child, out, in_quote=True)
        else:
            out.append((BlockKind.QUOTE, _text(element)))
    elif tag == "table":
        for row in element.iter("row"):
            cells = [_text(cell) for cell in row if cell.tag == "cell"]
            out.append((BlockKind.QUOTE if in_quote else BlockKind.PARAGRAPH, "\t".join(cells)))
    elif tag in ("graphic",):
        return
    else:  # p, code, div and anything new: a paragraph of its visible text
        out.append((BlockKind.QUOTE if in_quote else BlockKind.PARAGRAPH, _text(element)))


def _text(element: _Element, *, skip_lists: bool = False) -> str:
    """Visible text of an element; ``<lb/>`` becomes a line break."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif not (skip_lists and child.tag == "list"):
            parts.append(_text(child))
        parts.append(child.tail or "")
    text = "".join(parts)
    return "\n".join(_SPACE.sub(" ", line).strip() for line in text.split("\n"))


def _own_text(element: _Element) -> str:
    return _clean(element.text or "")


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
