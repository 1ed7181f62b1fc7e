"""A small HTML -> pieces walker on the standard library's ``html.parser``.

Used for Markdown (rendered to HTML first) and as the fallback for saved web pages in
which trafilatura finds no article. Only visible text is kept: tags, attributes,
comments, scripts and styles never reach the pieces.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from reader.core.model import BlockKind
from reader.core.read.formats.layout import Piece

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr keygen".split())
_BLOCK = frozenset(
    """address article aside blockquote body caption center dd details dialog div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main
    menu nav ol p pre section summary table tbody tfoot thead tr ul""".split()
)
# Never visible, whatever the source.
ALWAYS_SKIPPED = frozenset("script style noscript template head title svg math iframe object canvas select".split())
# Page furniture dropped when reading a whole web page without trafilatura.
PAGE_FURNITURE = frozenset("nav footer header aside form button menu dialog".split())
# class/id words of cookie banners, ads, share bars and comment sections.
_FURNITURE_NAMES = re.compile(
    r"(?i)cookie|consent|gdpr|banner|advert|\bads?\b|sponsor|newsletter|subscribe|"
    r"comment|share|social|related|popup|modal|paywall|breadcrumb|\bmenu\b|\bnav"
)
# A stray end tag is matched against at most this many open elements, so that junk
# markup cannot make reading quadratic.
_END_TAG_SEARCH = 256
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML whitespace; nbsp is content and stays
# A numeric character reference long enough to matter: html.unescape passes its digits to int(),
# which refuses more than 4,300 of them (ValueError), leading zeros included.
_LONG_CHARREF = re.compile(r"&#(?:([xX])([0-9a-fA-F]{9,})|([0-9]{9,}))(;?)")
# Digits enough for every code point (U+10FFFF is 1114111): a longer reference is past the range.
_CODE_POINT_DIGITS = {"x": 6, "X": 6, "": 7}


def bound_character_references(html: str) -> str:
    """``html`` with each numeric character reference short enough for ``int()``.

    Leading zeros are dropped (``&#000…065;`` is still "A"); a reference past the Unicode range
    becomes U+FFFD, the replacement character, as the HTML standard and ``html.unescape`` make it.
    """
    if "&#" not in html:
        return html
    return _LONG_CHARREF.sub(_short_reference, html)


def _short_reference(match: re.Match[str]) -> str:
    marker = match.group(1) or ""
    digits = (match.group(2) or match.group(3)).lstrip("0") or "0"
    if len(digits) > _CODE_POINT_DIGITS[marker]:
        return "\ufffd"
    return f"&#{marker}{digits}{match.group(4)}"


def trim_around(text: str, separator: str, blanks: str) -> str:
    """``text`` without the ``blanks`` on either side of each ``separator``.

    What ``re.sub("[blanks]*separator[blanks]*", separator, text)`` gives, by splitting:
    that pattern retries from every blank of a long run that no separator follows, so a page
    of spans holding one space each made it quadratic.
    """
    if separator not in text:
        return text
    parts = text.split(separator)
    last = len(parts) - 1
    return separator.join(
        part.rstrip(blanks) if i == 0 else part.lstrip(blanks) if i == last else part.strip(blanks)
        for i, part in enumerate(parts)
    )


class _Walker(HTMLParser):
    def __init__(self, skipped: frozenset[str], drop_furniture_names: bool) -> None:
        super().__init__(convert_charrefs=True)
        self._skipped_tags = skipped
        self._drop_furniture_names = drop_furniture_names
        # Open elements as (tag, hidden); a lenient stack, since real pages nest badly.
        self._stack: list[tuple[str, bool]] = []
        self._hidden_depth = 0
        self._pre_depth = 0  # counters, not stack scans: pages can nest thousands deep
        self._buffer: list[str] = []
        self.pieces: list[Piece] = []
        self.page_title_parts: list[str] = []
        self._in_title = False

    # -- element bookkeeping -------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.handle_endtag("head")  # an unclosed <head> must not hide the page
        if tag == "br":
            if not self._hidden_depth:
                self._buffer.append("\n")
            return
        if tag in _BLOCK:
            self._flush()
        elif tag in ("td", "th") and "".join(self._buffer).strip():
            self._buffer.append("\t")  # a table row is one block, its cells apart
        if tag in _VOID:
            return
        if tag == "title":
            self._in_title = True
        hidden = tag in self._skipped_tags or self._is_hidden(attrs)
        self._stack.append((tag, hidden))
        self._hidden_depth += hidden
        self._pre_depth += tag == "pre"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/> and friends; a self-closed non-void tag opens and closes at once.
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK:
            self._flush()
        if tag == "title":
            self._in_title = False
        lowest = max(len(self._stack) - _END_TAG_SEARCH, 0)
        for depth in range(len(self._stack) - 1, lowest - 1, -1):
            if self._stack[depth][0] == tag:
                # Closing an element closes everything left open inside it.
                for open_tag, hidden in self._stack[depth:]:
                    self._hidden_depth -= hidden
                    self._pre_depth -= open_tag == "pre"
                del self._stack[depth:]
                break

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.page_title_parts.append(data)
        if self._hidden_depth:
            return
        if self._pre_depth:
            self._buffer.append(data)
        else:
            self._buffer.append(_HTML_SPACE.sub(" ", data))

    def close(self) -> None:
        super().close()
        self._flush()

    # -- helpers -------------------------------------------------------------
    def _is_hidden(self, attrs: list[tuple[str, str | None]]) -> bool:
        values = dict(attrs)
        if "hidden" in values or values.get("aria-hidden") == "true":
            return True
        style = (values.get("style") or "").replace(" ", "").lower()
        if "display:none" in style or "visibility:hidden" in style:
            return True
        if self._drop_furniture_names:
            names = f"{values.get('class') or ''} {values.get('id') or ''} {values.get('role') or ''}"
            return bool(_FURNITURE_NAMES.search(names))
        return False

    def _kind(self) -> BlockKind:
        for tag, _ in reversed(self._stack):
            if tag == "h1":
                return BlockKind.TITLE  # provisional; only the first h1 stays a title
            if tag in ("h2", "h3", "h4", "h5", "h6"):
                return BlockKind.HEADING
            if tag in ("li", "dt", "dd"):
                return BlockKind.LIST_ITEM
            if tag == "blockquote":
                return BlockKind.QUOTE
        return BlockKind.PARAGRAPH

    def _flush(self) -> None:
        text = "".join(self._buffer)
        self._buffer = []
        if not self._pre_depth:
            text = trim_around(trim_around(text, "\t", " "), "\n", " \t")
        if text.strip():
            self.pieces.append((self._kind(), text))


def html_pieces(html: str, *, web_page: bool = False) -> tuple[list[Piece], str | None]:
    """Pieces of the visible text, and the page's ``<title>`` (or None).

    ``web_page`` also drops navigation, footers, asides, forms and elements whose
    class or id names a cookie banner, ad, share bar or comment section.
    """
    skipped = ALWAYS_SKIPPED | PAGE_FURNITURE if web_page else ALWAYS_SKIPPED
    walker = _Walker(skipped, drop_furniture_names=web_page)
    walker.feed(bound_character_references(html))
    walker.close()
    pieces: list[Piece] = []
    seen_title = False
    for kind, text in walker.pieces:
        if kind is BlockKind.TITLE:
            # Only the first top-level heading is the headline; later h1s are headings.
            kind = BlockKind.HEADING if seen_title else BlockKind.TITLE
            seen_title = True
        pieces.append((kind, text))
    page_title = _HTML_SPACE.sub(" ", "".join(walker.page_title_parts)).strip() or None
    return pieces, page_title
