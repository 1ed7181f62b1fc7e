"""PDF -> pieces: the text layer via pypdf, with paragraphs rebuilt from line positions.

A PDF has no paragraphs, only positioned lines. We take each line's baseline and font
size from pypdf's text visitor, drop the page furniture (lines repeated at the top or
bottom of most pages, page numbers), and rebuild paragraphs: a new block starts after a
larger vertical gap, at a change of font size or a list bullet, and lines are joined
with a space, or without one where a word was hyphenated at the line end ("exam-" +
"ple" -> "example").

pypdf is pure Python (no compiled parts to package), well maintained, and imported only
when a PDF is opened: about 0.2 s, which pdfminer.six (0.13 s, but it pulls in the
compiled ``cryptography`` package and extracts several times slower) does not beat.
"""

from __future__ import annotations

import io
import logging
import math
import re
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from reader.core.model import BlockKind
from reader.core.read.formats.errors import DocumentError
from reader.core.read.formats.layout import Piece

MAX_PAGES = 5000
# The page limit alone does not bound the work: thousands of pages may share one heavy
# content stream (0.8 s each). Extraction stops at the text limit (the same 8 million
# characters as any document) or after this long; a dense 3,000-page book takes about 30 s.
MAX_CHARS = 8_000_000
MAX_SECONDS = 90.0
# Lines this close to a page's top or bottom edge (in reading order) may be furniture.
_EDGE_LINES = 2
_PAGE_NUMBER = re.compile(
    r"(?i)^(?:page|seite|p\.|s\.)?\s*[-–—(\[]?\s*(?:\d{1,5}|[ivxlc]{1,7})\s*[-–—)\]]?"
    r"(?:\s*(?:of|/|von|de|sur)\s*\d{1,5})?$"
)
# A page number is short; the pattern's neighbouring ``\s*`` make it quadratic on a long
# line of spaces, so longer lines are never tried.
_PAGE_NUMBER_MAX = 60
_DIGITS = re.compile(r"\d+")
_BULLET = re.compile(r"^(?:[•●▪■◦‣∙·*\-–]|\d{1,3}[.)])\s+\S")
_SENTENCE_END = tuple('.!?:;"”’»)')
_HEADING_RATIO = 1.15  # font size over the body size that makes a heading
_PARAGRAPH_GAP = 1.45  # vertical gap over the usual line spacing that starts a paragraph


@dataclass(slots=True)
class _Line:
    text: str
    x: float
    y: float
    size: float
    page: int


_ENCRYPTED = "{name}: the PDF is encrypted (AES) and cannot be read; save an unprotected copy to compare it"


class _Budget:
    """Characters extracted and time spent so far, checked per line and every few operators."""

    def __init__(self, name: str, pages: int, max_chars: int, max_seconds: float) -> None:
        self.name, self.pages = name, pages
        self.max_chars, self.max_seconds = max_chars, max_seconds
        self.deadline = time.monotonic() + max_seconds
        self.chars = 0
        self.page = 0
        self._operators = 0

    def add_text(self, count: int) -> None:
        self.chars += count
        if self.chars > self.max_chars:
            raise DocumentError(
                f"{self.name}: refused: the PDF has more than {self.max_chars:,} characters of text "
                f"(stopped at page {self.page + 1} of {self.pages})"
            )

    def operator(self, *_args: Any) -> None:
        self._operators += 1
        if self._operators % 512 == 0:
            self.check_time()

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise DocumentError(
                f"{self.name}: refused: reading the PDF took longer than {self.max_seconds:g} s "
                f"(stopped at page {self.page + 1} of {self.pages})"
            )


def pdf_pieces(data: bytes, name: str, *, max_chars: int = MAX_CHARS, max_seconds: float = MAX_SECONDS) -> list[Piece]:
    """Pieces of the PDF in ``data``; DocumentError for damaged, encrypted or image-only files.

    Reading stops with a DocumentError once more than ``max_chars`` characters have been
    extracted or ``max_seconds`` have passed.
    """
    # Imported lazily: pypdf costs about 0.2 s to import.
    import pypdf
    from pypdf.errors import DependencyError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # it logs every repaired oddity
    if b"%PDF-" not in data[:1024]:
        raise DocumentError(f"{name}: not a PDF file (no PDF header)")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        _unlock(reader, name)
        page_count = len(reader.pages)
        if page_count > MAX_PAGES:
            raise DocumentError(f"{name}: refused: {page_count} pages (the limit is {MAX_PAGES})")
        budget = _Budget(name, page_count, max_chars, max_seconds)
        pages = []
        for number, page in enumerate(reader.pages):
            budget.page = number
            budget.check_time()
            pages.append(_page_lines(page, number, budget))
    except DocumentError:
        raise
    except DependencyError:
        # pypdf reads AES only with the optional "cryptography" package, which Tandem does
        # not install; the file is not damaged, it is locked.
        raise DocumentError(_ENCRYPTED.format(name=name)) from None
    except PdfReadError as error:
        raise DocumentError(f"{name}: the PDF is damaged ({_short(error)})") from None
    except MemoryError:
        raise DocumentError(f"{name}: the PDF is too complex to read (out of memory)") from None
    except Exception as error:  # noqa: BLE001 - damaged files make pypdf fail in many ways
        raise DocumentError(f"{name}: the PDF is damaged ({type(error).__name__}: {_short(error)})") from None
    lines = _drop_furniture(pages)
    if not lines:
        raise DocumentError(f"{name}: there is no text in the PDF (a scanned document without a text layer?)")
    return _blocks(lines)


def _unlock(reader: Any, name: str) -> None:
    """Open PDFs that are only owner-locked (empty user password); refuse the rest clearly."""
    if not reader.is_encrypted:
        return
    from pypdf.errors import DependencyError

    try:
        unlocked = reader.decrypt("")
    except DependencyError:
        raise DocumentError(_ENCRYPTED.format(name=name)) from None
    except Exception as error:  # noqa: BLE001 - unknown or broken encryption dictionaries
        raise DocumentError(f"{name}: the PDF is encrypted and cannot be opened ({_short(error)})") from None
    if not unlocked:
        raise DocumentError(f"{name}: the PDF is password-protected (save an unprotected copy to compare it)")


def _page_lines(page: Any, number: int, budget: _Budget) -> list[_Line]:
    """The page's lines in content order, each with its baseline and font size."""
    lines: list[_Line] = []
    parts: list[str] = []
    position: tuple[float, float, float] | None = None

    def close_line() -> None:
        nonlocal parts, position
        text = " ".join("".join(parts).split())
        if text and position is not None:
            budget.add_text(len(text) + 1)
            lines.append(_Line(text, position[0], position[1], position[2], number))
        parts, position = [], None

    def visit(text: str, cm: Any, tm: Any, _font: Any, font_size: float) -> None:
        nonlocal position
        pieces = text.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                close_line()
            if piece.strip() and position is None:
                position = _place(cm, tm, font_size)
            parts.append(piece)

    page.extract_text(visitor_text=visit, visitor_operand_before=budget.operator)
    close_line()
    return lines


def _place(cm: Any, tm: Any, font_size: float) -> tuple[float, float, float]:
    """x, baseline y and rendered font size from the text and current transformation matrices."""
    try:
        a1, b1, c1, d1, e1, f1 = (float(value) for value in tm)
        a2, b2, c2, d2, e2, f2 = (float(value) for value in cm)
    except (TypeError, ValueError):
        return 0.0, 0.0, float(font_size or 0)
    c = c1 * a2 + d1 * c2
    d = c1 * b2 + d1 * d2
    x = e1 * a2 + f1 * c2 + e2
    y = e1 * b2 + f1 * d2 + f2
    size = abs(float(font_size or 0)) * math.hypot(c, d)
    values = (x, y, size)
    return values if all(math.isfinite(v) for v in values) else (0.0, 0.0, 0.0)


def _is_page_number(text: str) -> bool:
    return len(text) <= _PAGE_NUMBER_MAX and _PAGE_NUMBER.match(text) is not None


def _furniture_key(text: str) -> str:
    # Running heads often carry the page number: "Annual report 2024 — 7".
    return _DIGITS.sub("#", text.lower())


def _edges(lines: list[_Line]) -> list[_Line]:
    """The lines nearest the top and the bottom of a page."""
    by_height = sorted(lines, key=lambda line: -line.y)
    return by_height[:_EDGE_LINES] + by_height[-_EDGE_LINES:]


def _drop_furniture(pages: list[list[_Line]]) -> list[_Line]:
    """All lines but running headers, footers and page numbers."""
    pages_with_text = [page for page in pages if page]
    counts: Counter[str] = Counter()
    for page in pages_with_text:
        counts.update({_furniture_key(line.text) for line in _edges(page)})
    # Repeated on most pages (and on at least two): a header or footer, not the article.
    needed = max(2, math.ceil(0.5 * len(pages_with_text)))
    kept: list[_Line] = []
    for page in pages_with_text:
        edge_ids = {id(line) for line in _edges(page)}
        for line in page:
            if id(line) in edge_ids and (counts[_furniture_key(line.text)] >= needed or _is_page_number(line.text)):
                continue
            kept.append(line)
    return kept


def _blocks(lines: list[_Line]) -> list[Piece]:
    """Group lines into blocks and join each block's lines into one paragraph."""
    body_size = _body_size(lines)
    spacing = _line_spacing(lines, body_size)
    groups: list[list[_Line]] = []
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else None
        if previous is None or _starts_block(previous, line, body_size, spacing):
            groups.append([line])
        else:
            groups[-1].append(line)
    pieces: list[Piece] = []
    for group in groups:
        size = group[0].size
        if body_size and size > _HEADING_RATIO * body_size and len(group) <= 4:
            kind = BlockKind.HEADING
        elif _BULLET.match(group[0].text):
            kind = BlockKind.LIST_ITEM
        else:
            kind = BlockKind.PARAGRAPH
        pieces.append((kind, _join_lines([line.text for line in group])))
    if pieces and pieces[0][0] is BlockKind.HEADING:
        pieces[0] = (BlockKind.TITLE, pieces[0][1])  # the big line at the top is the headline
    return pieces


def _body_size(lines: list[_Line]) -> float:
    """The font size most of the characters are set in."""
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size * 2) / 2] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def _line_spacing(lines: list[_Line], body_size: float) -> float:
    """The usual baseline distance between consecutive body lines."""
    gaps = [
        previous.y - line.y
        for previous, line in zip(lines, lines[1:], strict=False)
        if previous.page == line.page
        and _same_size(previous.size, body_size)
        and _same_size(line.size, body_size)
        and previous.y > line.y
    ]
    if gaps:
        # The lower quartile: between-paragraph gaps can be as common as in-paragraph ones
        # in short paragraphs, but are never the smaller ones.
        return sorted(gaps)[len(gaps) // 4]
    return 1.2 * body_size if body_size else 14.0


def _same_size(first: float, second: float) -> bool:
    return abs(first - second) <= 0.1 * max(first, second, 1.0)


def _starts_block(previous: _Line, line: _Line, body_size: float, spacing: float) -> bool:
    if not _same_size(previous.size, line.size):
        return True
    if _BULLET.match(line.text):
        return True
    ends_sentence = previous.text.endswith(_SENTENCE_END)
    if previous.page != line.page or line.y >= previous.y:
        # A new page or column: the paragraph goes on unless the last line closed a sentence.
        return ends_sentence
    gap = previous.y - line.y
    usual = spacing * (line.size / body_size) if body_size and line.size > body_size else spacing
    return gap > _PARAGRAPH_GAP * usual


def _join_lines(texts: list[str]) -> str:
    """One paragraph from its lines, undoing hyphenation at line ends."""
    joined = texts[0]
    for text in texts[1:]:
        if joined.endswith("\u00ad"):
            joined = joined[:-1] + text
        elif len(joined) > 1 and joined.endswith("-") and joined[-2].isalpha() and text[:1].islower():
            joined = joined[:-1] + text  # "exam-" + "ple": a word broken at the line end
        else:
            joined = joined + " " + text
    return joined


def _short(error: BaseException) -> str:
    return (" ".join(str(error).split()) or type(error).__name__)[:120]
