"""OpenDocument text (.odt) -> pieces, with the standard library only.

``content.xml`` holds the body: headings (``text:h``), paragraphs (``text:p``), lists
(``text:list`` / ``text:list-item``), tables and sections. Tracked changes keep deleted
text in a separate ``text:tracked-changes`` region while insertions stay in the flow,
so skipping that region shows the changes as accepted.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from reader.core.model import BlockKind
from reader.core.read.formats.layout import Piece, promote_leading_heading
from reader.core.read.formats.zipped import attribute as _attribute
from reader.core.read.formats.zipped import local_name as _local
from reader.core.read.formats.zipped import open_zip, parse_xml, read_part

_KIND = "OpenDocument text"
# Never part of the visible body text.
_SKIPPED = frozenset(
    {
        "tracked-changes",
        "annotation",  # comments
        "annotation-end",
        "note",  # footnotes and endnotes (citation and body)
        "frame",  # text boxes and images with captions
        "sequence-decls",
        "variable-decls",
        "user-field-decls",
        "table-of-content",
        "alphabetical-index",
        "bibliography",
        "soft-page-break",
    }
)
_MAX_STYLE_DEPTH = 16
_MAX_SPACES = 1000  # one <text:s text:c="..."/> never becomes more spaces than this
# ODF collapses white space in text content like HTML; text:s, text:tab and
# text:line-break are the explicit ones.
_XML_SPACE = re.compile(r"[ \t\n\r]+")


def odt_pieces(data: bytes, name: str) -> list[Piece]:
    """Pieces of the OpenDocument text in ``data``; raises DocumentError when unreadable."""
    with open_zip(data, name, _KIND) as archive:
        content = read_part(archive, "content.xml", name, _KIND)
    assert content is not None  # required=True never returns None
    root = parse_xml(content, "content.xml", name)
    parents = _automatic_style_parents(root)
    body = _find(root, "body")
    text_root = _find(body, "text") if body is not None else None
    if text_root is None:
        return []
    pieces: list[Piece] = []
    stack: list[tuple[Element, bool]] = [(child, False) for child in reversed(list(text_root))]
    while stack:
        element, in_list = stack.pop()
        local = _local(element.tag)
        if local in _SKIPPED:
            continue
        if local == "h":
            pieces.append((BlockKind.LIST_ITEM if in_list else BlockKind.HEADING, _inline_text(element)))
        elif local == "p":
            kind = BlockKind.LIST_ITEM if in_list else _paragraph_kind(element, parents)
            pieces.append((kind, _inline_text(element)))
        else:  # list, list-item, section, table, table-row, table-cell, div...
            inside_list = in_list or local in ("list", "list-item")
            stack.extend((child, inside_list) for child in reversed(list(element)))
    return promote_leading_heading(pieces)


def _find(element: Element, local_name: str) -> Element | None:
    return next((child for child in element if _local(child.tag) == local_name), None)


def _inline_text(paragraph: Element) -> str:
    """Visible text of a paragraph: spans and links opened, ``text:s`` / tab / line-break expanded."""
    parts: list[str] = [_collapse(paragraph.text)]
    # (element, tail-only): the tail of an element follows its children.
    stack: list[tuple[Element, bool]] = [(child, False) for child in reversed(list(paragraph))]
    while stack:
        element, tail_only = stack.pop()
        if tail_only:
            parts.append(_collapse(element.tail))
            continue
        local = _local(element.tag)
        stack.append((element, True))  # its tail always belongs to the paragraph
        if local in _SKIPPED:
            continue
        if local == "s":
            parts.append(" " * _space_count(_attribute(element, "c")))
        elif local == "tab":
            parts.append("\t")
        elif local == "line-break":
            parts.append("\n")
        else:
            parts.append(_collapse(element.text))
            stack.extend((child, False) for child in reversed(list(element)))
    return "".join(parts)


def _collapse(text: str | None) -> str:
    return _XML_SPACE.sub(" ", text) if text else ""


def _automatic_style_parents(root: Element) -> dict[str, str]:
    """Automatic style name -> parent style name ("P3" -> "Title")."""
    parents: dict[str, str] = {}
    styles = _find(root, "automatic-styles")
    for style in styles if styles is not None else ():
        name = _attribute(style, "name")
        parent = _attribute(style, "parent-style-name")
        if name and parent:
            parents[name] = parent
    return parents


def _paragraph_kind(paragraph: Element, parents: dict[str, str]) -> BlockKind:
    style = _attribute(paragraph, "style-name")
    for _ in range(_MAX_STYLE_DEPTH):
        if not style:
            break
        # Style names encode spaces as "_20_": "Heading_20_1", "Text_20_body".
        label = style.replace("_20_", " ").lower()
        if label == "title":
            return BlockKind.TITLE
        if label.startswith("heading"):
            return BlockKind.HEADING
        if label in ("quotations", "quote"):
            return BlockKind.QUOTE
        style = parents.get(style)
    return BlockKind.PARAGRAPH


def _space_count(count: str | None) -> int:
    """The spaces a ``<text:s>`` stands for: ``text:c`` (ASCII digits), else one; at most _MAX_SPACES.

    The length is checked before ``int()``: it refuses strings of over 4,300 digits, and
    ``isdigit()`` alone also lets through characters like "²" that ``int()`` rejects.
    """
    if not count or not (count.isascii() and count.isdigit()):
        return 1
    significant = count.lstrip("0") or "0"
    if len(significant) > len(str(_MAX_SPACES)):
        return _MAX_SPACES
    return min(int(significant), _MAX_SPACES)
