"""The PDF page limit does not bound the work; the text and time limits do.

4,999 pages sharing one content stream took about 67 minutes (0.8 s a page). The test
builds such a file with pypdf (a few hundred pages, one stream) and makes the bounds small.
"""

from __future__ import annotations

import io
import time

import pytest

from reader.core.read.documents import DocumentError
from reader.core.read.formats.pdf import pdf_pieces
from tests.core.test_doc_office import make_pdf

LINE = "Line {} of a page whose content stream every page of the file shares."


def shared_stream_pdf(pages: int, lines: int = 40) -> bytes:
    """``pages`` pages whose /Contents is one and the same stream object."""
    from pypdf import PdfReader, PdfWriter

    one = make_pdf([[(72, 720 - 14 * i, 11, LINE.format(i)) for i in range(lines)]])
    source = PdfReader(io.BytesIO(one))
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_page(source.pages[0])  # a new page dictionary, the same content stream
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def shared() -> bytes:
    data = shared_stream_pdf(300)
    assert len(data) < 300 * 400  # the stream is stored once, not once a page
    return data


def test_text_beyond_the_limit_stops_the_reading_early(shared: bytes) -> None:
    started = time.monotonic()
    with pytest.raises(
        DocumentError,
        match=r"^big\.pdf: refused: the PDF has more than 20,000 characters of text \(stopped at page 8 of 300\)$",
    ):
        pdf_pieces(shared, "big.pdf", max_chars=20_000)
    assert time.monotonic() - started < 1.0


def test_reading_stops_at_the_time_limit(shared: bytes) -> None:
    started = time.monotonic()
    with pytest.raises(
        DocumentError,
        match=r"^big\.pdf: refused: reading the PDF took longer than 0\.3 s \(stopped at page \d+ of 300\)$",
    ):
        pdf_pieces(shared, "big.pdf", max_seconds=0.3)
    assert time.monotonic() - started < 0.8


def test_within_the_limits_the_shared_pages_read(shared: bytes) -> None:
    pieces = pdf_pieces(shared, "big.pdf", max_chars=10_000_000, max_seconds=60)
    assert LINE.format(20) in " ".join(text for _, text in pieces)  # the edge lines are furniture
