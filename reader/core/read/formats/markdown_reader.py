"""Markdown -> pieces: render with the ``markdown`` package, then walk the HTML.

Rendering first means emphasis, links, code ticks and escapes disappear exactly as a
Markdown viewer would hide them; only the visible words reach the text.
"""

from __future__ import annotations

from reader.core.read.formats.classify import refine
from reader.core.read.formats.html_blocks import html_pieces
from reader.core.read.formats.layout import Piece
from reader.core.read.formats.markdown_limits import check_markdown

# Tables and fenced code are common in articles; footnotes are left out on purpose,
# since their back-reference arrows would become text.
_EXTENSIONS = ("tables", "fenced_code", "sane_lists")


def markdown_pieces(text: str, name: str = "text") -> list[Piece]:
    """Pieces of a Markdown text; the first ``#`` heading is the title.

    Shapes the library would take minutes on, or recurse too deep for, are refused first
    with a DocumentError naming ``name``.
    """
    import markdown  # deferred: only Markdown files need it

    check_markdown(text, name)

    html = markdown.markdown(text, extensions=list(_EXTENSIONS), output_format="html")
    pieces, _ = html_pieces(html)
    return refine(pieces)
