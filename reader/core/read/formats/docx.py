"""Word (.docx) -> pieces, with the standard library only.

python-docx costs about 0.1 s to import and hides what we need most: it skips text inside
``w:ins`` (tracked insertions) and cannot check the archive for zip bombs. The format's
text model is small enough to walk directly: ``word/document.xml`` holds paragraphs
(``w:p``) of runs (``w:r``) of text (``w:t``); ``word/styles.xml`` tells which paragraph
style is a heading, a title, a list or a quote.

Tracked changes are shown as if accepted: inserted and moved-in text is kept, deleted and
moved-away text dropped, and a paragraph whose mark was deleted runs on into the next.
Headers, footers, comments and footnotes live in other parts and are never read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from xml.etree.ElementTree import Element

from reader.core.model import BlockKind
from reader.core.read.formats.layout import Piece, promote_leading_heading
from reader.core.read.formats.zipped import attribute as _attribute
from reader.core.read.formats.zipped import local_name as _local
from reader.core.read.formats.zipped import open_zip, parse_xml, read_part

_KIND = "Word document"
# Subtrees whose text is not part of the accepted, visible body.
_SKIPPED = frozenset(
    {
        "del",  # tracked deletion
        "moveFrom",  # tracked move: the text's old place
        "delText",
        "instrText",  # field codes such as PAGE or HYPERLINK "..."
        "delInstrText",
        "pPr",
        "rPr",
        "txbxContent",  # text boxes: pull quotes repeating the body, captions
        "Fallback",  # mc:AlternateContent repeats its Choice for old readers
        "footnoteReference",
        "endnoteReference",
        "commentReference",
        "annotationRef",
    }
)
_HEADING_NAME = re.compile(r"^heading\s*(\d)$")
_QUOTE_NAMES = frozenset({"quote", "intense quote", "block text"})
_MAX_STYLE_DEPTH = 16


def docx_pieces(data: bytes, name: str) -> list[Piece]:
    """Pieces of the Word document in ``data``; raises DocumentError when it cannot be read."""
    with open_zip(data, name, _KIND) as archive:
        body_xml = read_part(archive, "word/document.xml", name, _KIND)
        styles_xml = read_part(archive, "word/styles.xml", name, _KIND, required=False)
    assert body_xml is not None  # required=True never returns None
    root = parse_xml(body_xml, "word/document.xml", name)
    styles = _StyleKinds(parse_xml(styles_xml, "word/styles.xml", name) if styles_xml else None)
    body = next((child for child in root if _local(child.tag) == "body"), None)
    if body is None:
        return []
    pieces: list[Piece] = []
    pending: list[str] = []  # text of paragraphs whose mark was deleted (merged into the next)
    for paragraph in _paragraphs(body):
        kind = _paragraph_kind(paragraph, styles)
        text = "".join(pending) + _paragraph_text(paragraph)
        if _mark_deleted(paragraph):
            pending = [text]
            continue
        pending = []
        pieces.append((kind, text))
    if pending:
        pieces.append((BlockKind.PARAGRAPH, "".join(pending)))
    return promote_leading_heading(pieces)


def _child(element: Element | None, local_name: str) -> Element | None:
    if element is None:
        return None
    return next((child for child in element if _local(child.tag) == local_name), None)


def _walk(root: Element, opens: Callable[[str], bool]) -> Iterator[tuple[str, Element]]:
    """(local name, element) below ``root`` in reading order, looking inside those ``opens`` accepts."""
    # An explicit stack instead of recursion: nesting depth is the file's choice.
    stack = [iter(root)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        local = _local(child.tag)
        yield local, child
        if opens(local):
            stack.append(iter(child))


_NOT_PARAGRAPH_HOLDERS = frozenset(("p", "sectPr", "tblPr", "tcPr", "trPr", "sdtPr")) | _SKIPPED
# Inside a paragraph: what is text itself, or skipped, is never opened.
_NOT_TEXT_HOLDERS = frozenset(("p", "t", "tab", "ptab", "br", "cr", "noBreakHyphen", "softHyphen")) | _SKIPPED


def _paragraphs(container: Element) -> list[Element]:
    """Every body paragraph in reading order: tables, content controls and custom XML opened."""
    # Opened: tbl, tr, tc, sdt, sdtContent, customXml, ins...
    return [
        child for local, child in _walk(container, lambda local: local not in _NOT_PARAGRAPH_HOLDERS) if local == "p"
    ]


def _paragraph_text(paragraph: Element) -> str:
    parts: list[str] = []
    # Opened: r, ins, moveTo, hyperlink, smartTag, fldSimple, sdt...
    for local, child in _walk(paragraph, lambda local: local not in _NOT_TEXT_HOLDERS):
        if local in _SKIPPED or local == "p":
            continue
        if local == "t":
            parts.append(child.text or "")
        elif local == "tab" or local == "ptab":
            parts.append("\t")
        elif local in ("br", "cr"):
            parts.append("\n")
        elif local == "noBreakHyphen":
            parts.append("\u2011")
        elif local == "softHyphen":
            parts.append("\u00ad")
    return "".join(parts)


def _mark_deleted(paragraph: Element) -> bool:
    run_properties = _child(_child(paragraph, "pPr"), "rPr")
    return _child(run_properties, "del") is not None or _child(run_properties, "moveFrom") is not None


def _paragraph_kind(paragraph: Element, styles: _StyleKinds) -> BlockKind:
    properties = _child(paragraph, "pPr")
    style = _child(properties, "pStyle")
    kind = styles.kind_of(_attribute(style, "val") if style is not None else None)
    if kind is not BlockKind.PARAGRAPH:
        return kind
    outline = _child(properties, "outlineLvl")
    if outline is not None and (_attribute(outline, "val") or "9") != "9":
        return BlockKind.HEADING
    numbering = _child(properties, "numPr")
    number_id = _child(numbering, "numId")
    if numbering is not None and (number_id is None or _attribute(number_id, "val") != "0"):
        return BlockKind.LIST_ITEM  # numId 0 means "numbering switched off"
    return BlockKind.PARAGRAPH


class _StyleKinds:
    """Paragraph style id -> block kind, following ``w:basedOn`` to the built-in styles.

    Style ids are localised ("berschrift1" in German Word) but ``w:name`` of the
    built-in styles is always English ("heading 1"), so names are what we match.
    """

    def __init__(self, root: Element | None) -> None:
        self._styles: dict[str, Element] = {}
        self._cache: dict[str, BlockKind] = {}
        if root is None:
            return
        for style in root:
            if _local(style.tag) == "style" and _attribute(style, "type") in (None, "paragraph"):
                style_id = _attribute(style, "styleId")
                if style_id:
                    self._styles[style_id] = style

    def kind_of(self, style_id: str | None) -> BlockKind:
        if not style_id:
            return BlockKind.PARAGRAPH
        if style_id not in self._cache:
            self._cache[style_id] = self._resolve(style_id)
        return self._cache[style_id]

    def _resolve(self, style_id: str) -> BlockKind:
        current: str | None = style_id
        for _ in range(_MAX_STYLE_DEPTH):  # basedOn chains may loop in damaged files
            if current is None:
                break
            style = self._styles.get(current)
            name_element = _child(style, "name") if style is not None else None
            name = _attribute(name_element, "val") if name_element is not None else None
            kind = _kind_by_name((name or current).strip().lower())
            if kind is not None:
                return kind
            if style is None:
                break
            properties = _child(style, "pPr")
            outline = _child(properties, "outlineLvl")
            if outline is not None and (_attribute(outline, "val") or "9") != "9":
                return BlockKind.HEADING
            if _child(properties, "numPr") is not None:
                return BlockKind.LIST_ITEM
            based_on = _child(style, "basedOn")
            current = _attribute(based_on, "val") if based_on is not None else None
        return BlockKind.PARAGRAPH


def _kind_by_name(name: str) -> BlockKind | None:
    if name == "title":
        return BlockKind.TITLE
    if _HEADING_NAME.match(name):
        return BlockKind.HEADING
    if name in _QUOTE_NAMES:
        return BlockKind.QUOTE
    if name.startswith("list") and not name.startswith("list continue"):
        return BlockKind.LIST_ITEM  # "List Paragraph", "List Bullet 2", "List Number"
    return None
