"""Fuzzing the readers and the engine: only DocumentError may ever escape.

Hypothesis feeds random bytes to every reader, random but well-formed containers to the
Word/OpenDocument readers, damaged copies of a real PDF to the PDF reader, and random
document pairs to compare(). Atheris (coverage-guided) runs the readers too, when it is
installed.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.compare import compare
from reader.core.model import Document
from reader.core.read.documents import SUPPORTED_SUFFIXES, DocumentError, document_from_bytes, document_from_text
from tests.core.test_compare import check_accounted_for
from tests.core.test_doc_office import W, article_pages, make_pdf

CHEAP = settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MEDIUM = settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ENGINE = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TEXT_SUFFIXES = ("", ".txt", ".md", ".html")
BINARY_SUFFIXES = (".docx", ".odt", ".pdf")


def read_or_refuse(data: bytes, name: str, suffix: str) -> Document | None:
    """The document, or None after a well-formed DocumentError; anything else fails the test."""
    try:
        document = document_from_bytes(data, name, suffix)
    except DocumentError as error:
        message = str(error)
        assert message.startswith(name) and "\n" not in message and len(message) < 400
        return None
    text = document.text
    assert text == text.strip() and document.blocks
    assert "\n\n".join(text[b.start : b.end] for b in document.blocks) == text
    return document


def test_every_suffix_is_fuzzed() -> None:
    assert set(SUPPORTED_SUFFIXES) <= {".text", ".markdown", ".mdown", ".mkd", ".htm", ".xhtml"} | set(
        TEXT_SUFFIXES + BINARY_SUFFIXES
    )


# -- random bytes, every reader ------------------------------------------------------------


@CHEAP
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(TEXT_SUFFIXES))
def test_random_bytes_in_the_text_readers(data: bytes, suffix: str) -> None:
    read_or_refuse(data, "fuzz" + suffix, suffix)


@CHEAP
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(BINARY_SUFFIXES))
def test_random_bytes_in_the_binary_readers(data: bytes, suffix: str) -> None:
    read_or_refuse(data, "fuzz" + suffix, suffix)


MARKUP = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<h1>",
        "</h1>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<li>",
        "<table><tr><td>",
        "&amp;",
        "&#0;",
        "&#x110000;",
        "<![CDATA[",
        "]]>",
        "# ",
        "\n",
        "\n\n",
        "> ",
        "- ",
        "1. ",
        "```",
        "[a](javascript:x)",
        "<meta charset=utf-16>",
        "<meta charset=base64>",
        "\r",
        "\x00",
        "\ufeff",
        "\u2028",
        "é",
        "“",
        " ",
    ]
)


@CHEAP
@given(parts=st.lists(st.one_of(MARKUP, st.text(max_size=12)), max_size=60), suffix=st.sampled_from(TEXT_SUFFIXES))
def test_markup_soup_in_the_text_readers(parts: list[str], suffix: str) -> None:
    text = "".join(parts)
    for encoding in ("utf-8", "utf-16"):
        read_or_refuse(text.encode(encoding, errors="surrogatepass"), "soup" + suffix, suffix)


# -- well-formed containers with random content ------------------------------------------------

XML_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20).map(
    lambda s: s.replace("&", "&amp;").replace("<", "&lt;")
)
DOCX_ELEMENT = st.one_of(
    XML_TEXT.map(lambda t: f"<w:r><w:t>{t}</w:t></w:r>"),
    XML_TEXT.map(lambda t: f"<w:ins><w:r><w:t>{t}</w:t></w:r></w:ins>"),
    XML_TEXT.map(lambda t: f"<w:del><w:r><w:delText>{t}</w:delText></w:r></w:del>"),
    st.sampled_from(
        [
            "<w:r><w:tab/></w:r>",
            "<w:r><w:br/></w:r>",
            "<w:pPr><w:rPr><w:del/></w:rPr></w:pPr>",
            '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>',
            '<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr>',
            "<w:unknownThing/>",
        ]
    ),
)


@MEDIUM
@given(paragraphs=st.lists(st.lists(DOCX_ELEMENT, max_size=6), max_size=12), nest_in_table=st.booleans())
def test_random_word_documents(paragraphs: list[list[str]], nest_in_table: bool) -> None:
    body = "".join(f"<w:p>{''.join(parts)}</w:p>" for parts in paragraphs)
    if nest_in_table:
        body = f"<w:tbl><w:tr><w:tc>{body}</w:tc></w:tr></w:tbl>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
    document = read_or_refuse(buffer.getvalue(), "random.docx", ".docx")
    if document is not None:
        assert "<w:" not in document.text


ODT_ELEMENT = st.one_of(
    XML_TEXT.map(lambda t: f"<text:p>{t}</text:p>"),
    XML_TEXT.map(lambda t: f"<text:h>{t}</text:h>"),
    XML_TEXT.map(
        lambda t: (
            f'<text:list><text:list-item><text:p>{t}<text:s text:c="99999"/></text:p></text:list-item></text:list>'
        )
    ),
    XML_TEXT.map(lambda t: f'<text:p>{t}<text:span>{t}</text:span><text:s text:c="x"/><text:tab/>{t}</text:p>'),
)
ODT_NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'


@MEDIUM
@given(elements=st.lists(ODT_ELEMENT, max_size=15))
def test_random_opendocument_texts(elements: list[str]) -> None:
    content = f"<office:document-content {ODT_NS}><office:body><office:text>{''.join(elements)}</office:text></office:body></office:document-content>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", content)
    read_or_refuse(buffer.getvalue(), "random.odt", ".odt")


VALID_PDF = make_pdf(article_pages())


@MEDIUM
@given(
    edits=st.lists(
        st.tuples(st.integers(0, len(VALID_PDF) - 1), st.binary(min_size=1, max_size=8)), min_size=1, max_size=6
    ),
    cut=st.integers(20, len(VALID_PDF)),
)
def test_damaged_copies_of_a_real_pdf(edits: list[tuple[int, bytes]], cut: int) -> None:
    data = bytearray(VALID_PDF[:cut])
    for position, replacement in edits:
        position = min(position, len(data))
        data[position : position + len(replacement)] = replacement
    read_or_refuse(bytes(data), "damaged.pdf", ".pdf")


# -- the engine ----------------------------------------------------------------------------

WORD = st.sampled_from(
    [
        "bridge",
        "Bridge",
        "harbour",
        "reopened",
        "Monday",
        "the",
        "a",
        "piers",
        "„quoted“",
        "it’s",
        "50\u00a0€",
        "Dr.",
        "U.S.",
        "e.g.",
        "3.5",
        "—",
        "...",
        "?",
        "!",
        "naïve",
        "Über",
        "x",
        "",
        "\u00ad",
        "2025",
    ]
)
SENTENCE = st.lists(WORD, min_size=0, max_size=14).map(lambda words: " ".join(words) + ".")
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=5).map(" ".join)
ARTICLE = st.lists(PARAGRAPH, min_size=1, max_size=8)


def _document(paragraphs: list[str], name: str) -> Document | None:
    try:
        return document_from_text("\n\n".join(paragraphs), name)
    except DocumentError:
        return None


@ENGINE
@given(
    a=ARTICLE,
    edits=st.lists(st.tuples(st.integers(0, 20), st.sampled_from(["drop", "copy", "swap", "edit"])), max_size=6),
)
def test_compare_random_revisions(a: list[str], edits: list[tuple[int, str]]) -> None:
    b = list(a)
    for index, action in edits:
        if not b:
            break
        index %= len(b)
        if action == "drop":
            del b[index]
        elif action == "copy":
            b.append(b[index])
        elif action == "swap":
            b[index], b[-1] = b[-1], b[index]
        else:
            b[index] = b[index].replace("bridge", "tunnel", 1) + " Added words here."
    doc_a, doc_b = _document(a, "a.txt"), _document(b, "b.txt")
    if doc_a is None or doc_b is None:
        return
    check_accounted_for(compare(doc_a, doc_b))


@ENGINE
@given(a=st.text(max_size=300), b=st.text(max_size=300))
def test_compare_arbitrary_texts(a: str, b: str) -> None:
    try:
        doc_a, doc_b = document_from_text(a, "a.txt"), document_from_text(b, "b.txt", fmt="markdown")
    except DocumentError:
        return
    comparison = compare(doc_a, doc_b)
    assert "".join(doc_a.text[s.a_start : s.a_end] for s in comparison.diff if s.op != "+") == doc_a.text


# -- atheris, when it is installed ---------------------------------------------------------------

HARNESS = textwrap.dedent(
    """
    import sys
    import atheris

    with atheris.instrument_imports():
        from reader.core.read.documents import DocumentError, document_from_bytes

    SUFFIXES = ("", ".txt", ".md", ".html", ".docx", ".odt", ".pdf")

    def one_input(data: bytes) -> None:
        if not data:
            return
        suffix = SUFFIXES[data[0] % len(SUFFIXES)]
        try:
            document_from_bytes(data[1:], "fuzz" + suffix, suffix)
        except DocumentError:
            pass

    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
    """
)


def _small_zip(part: str) -> bytes:
    """A zip archive holding one XML part: the start the office readers' mutations need."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(part, "<document><body><p>Some text.</p></body></document>")
    return buffer.getvalue()


def test_atheris_finds_no_crash_in_the_readers(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    harness = tmp_path / "harness.py"
    harness.write_text(HARNESS, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # Seeds: one valid input per reader, so that mutation starts from real structure.
    seeds = {
        "txt": b"\x01Title\n\nSome text.",
        "md": b"\x02# Title\n\n- item",
        "html": b"\x03<html><body><p>Text</p></body></html>",
        "pdf": b"\x06" + VALID_PDF,
        "docx": b"\x04" + _small_zip("word/document.xml"),
        "odt": b"\x05" + _small_zip("content.xml"),
    }
    for name, data in seeds.items():
        (corpus / name).write_bytes(data)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = subprocess.run(
        [
            sys.executable,
            str(harness),
            str(corpus),
            "-runs=20000",
            "-max_total_time=25",
            "-max_len=4096",
            f"-artifact_prefix={tmp_path}/",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )
    # atheris prints the Python traceback of a crash on stdout, libFuzzer its summary on stderr.
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1500:]
    assert re.search(r"Done \d+ runs", result.stderr), result.stderr[-2000:]
