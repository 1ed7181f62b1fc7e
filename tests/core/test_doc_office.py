"""Word (.docx), OpenDocument (.odt) and PDF files, built inside the tests byte by byte."""

from __future__ import annotations

import io
import re
import struct
import time
import zipfile
from pathlib import Path

import pytest

from reader.core.model import BlockKind, Document
from reader.core.read.documents import DocumentError, document_from_bytes, load_document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def assert_layout(document: Document) -> None:
    text = document.text
    assert text == text.strip() and document.blocks
    pieces = [text[block.start : block.end] for block in document.blocks]
    assert "\n\n".join(pieces) == text
    for piece in pieces:
        assert piece and piece == piece.strip()
        assert not re.search(r"\n[^\S\n]*\n", piece)


def blocks(document: Document) -> list[tuple[BlockKind, str]]:
    return [(block.kind, document.text[block.start : block.end]) for block in document.blocks]


# -- .docx ---------------------------------------------------------------------------

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
  <w:style w:type="paragraph" w:styleId="Standard"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/><w:basedOn w:val="Standard"/></w:style>
  <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Standard"/></w:style>
  <w:style w:type="paragraph" w:styleId="Zwischentitel"><w:name w:val="Zwischentitel"/><w:basedOn w:val="berschrift1"/></w:style>
  <w:style w:type="paragraph" w:styleId="Listenabsatz"><w:name w:val="List Paragraph"/></w:style>
  <w:style w:type="paragraph" w:styleId="Zitat"><w:name w:val="Quote"/></w:style>
  <w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="Loop one"/><w:basedOn w:val="Loop2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="Loop two"/><w:basedOn w:val="Loop1"/></w:style>
</w:styles>"""


def para(text: str, style: str | None = None, extra_properties: str = "") -> str:
    properties = (f'<w:pStyle w:val="{style}"/>' if style else "") + extra_properties
    return f'<w:p><w:pPr>{properties}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def make_docx(body: str, *, styles: str | None = STYLES, extra_parts: dict[str, bytes] | None = None) -> bytes:
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}" '
        f'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}'
        f"<w:sectPr/></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", document)
        if styles is not None:
            archive.writestr("word/styles.xml", styles)
        for part, data in (extra_parts or {}).items():
            archive.writestr(part, data)
    return buffer.getvalue()


def read_docx(data: bytes) -> Document:
    document = document_from_bytes(data, "story.docx", ".docx")
    assert_layout(document)
    return document


def test_docx_paragraphs_headings_lists_and_quotes() -> None:
    body = (
        para("Harbour bridge reopens", "Titel")
        + para("The old bridge reopened on Monday.")
        + para("What comes next", "Zwischentitel")
        + para("Replacing two piers", "Listenabsatz")
        + para("Resurfacing the deck", None, '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>')
        + para("Not a list: numbering switched off", None, '<w:numPr><w:numId w:val="0"/></w:numPr>')
        + para("We are glad it is over.", "Zitat")
        + para("Outline level makes a heading", None, '<w:outlineLvl w:val="1"/>')
        + para("A style whose basedOn chain loops is a paragraph.", "Loop1")
        + para("An unknown style is a paragraph.", "NoSuchStyle")
    )
    document = read_docx(make_docx(body))
    assert blocks(document) == [
        (BlockKind.TITLE, "Harbour bridge reopens"),
        (BlockKind.PARAGRAPH, "The old bridge reopened on Monday."),
        (BlockKind.HEADING, "What comes next"),
        (BlockKind.LIST_ITEM, "Replacing two piers"),
        (BlockKind.LIST_ITEM, "Resurfacing the deck"),
        (BlockKind.PARAGRAPH, "Not a list: numbering switched off"),
        (BlockKind.QUOTE, "We are glad it is over."),
        (BlockKind.HEADING, "Outline level makes a heading"),
        (BlockKind.PARAGRAPH, "A style whose basedOn chain loops is a paragraph."),
        (BlockKind.PARAGRAPH, "An unknown style is a paragraph."),
    ]
    assert document.title == "Harbour bridge reopens"
    assert document.encoding is None


def test_docx_without_styles_part_uses_style_ids_and_promotes_a_leading_heading() -> None:
    document = read_docx(make_docx(para("Bridge reopens", "Heading1") + para("Body text."), styles=None))
    assert blocks(document) == [(BlockKind.TITLE, "Bridge reopens"), (BlockKind.PARAGRAPH, "Body text.")]


def test_docx_tracked_changes_are_shown_as_accepted() -> None:
    body = (
        "<w:p>"
        '<w:r><w:t xml:space="preserve">The bridge </w:t></w:r>'
        '<w:del w:id="1" w:author="Ed"><w:r><w:delText>will reopen</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="Ed"><w:r><w:t>reopened</w:t></w:r></w:ins>'
        '<w:r><w:t xml:space="preserve"> on Monday.</w:t></w:r>'
        '<w:moveFrom w:id="3"><w:r><w:t> Old place.</w:t></w:r></w:moveFrom>'
        '<w:moveTo w:id="4"><w:r><w:t xml:space="preserve"> New place.</w:t></w:r></w:moveTo>'
        "</w:p>"
        # This paragraph's mark was deleted: it runs on into the next one.
        '<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="Ed"/></w:rPr></w:pPr>'
        '<w:r><w:t xml:space="preserve">Joined </w:t></w:r></w:p>'
        "<w:p><w:r><w:t>paragraphs.</w:t></w:r></w:p>"
        '<w:p><w:del w:id="6"><w:r><w:delText>A wholly deleted paragraph.</w:delText></w:r></w:del></w:p>'
    )
    document = read_docx(make_docx(body))
    assert blocks(document) == [
        (BlockKind.PARAGRAPH, "The bridge reopened on Monday. New place."),
        (BlockKind.PARAGRAPH, "Joined paragraphs."),
    ]


def test_docx_tables_fields_text_boxes_and_breaks() -> None:
    body = (
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell one.</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>Cell two.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        '<w:p><w:r><w:t>Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        "<w:p><w:r><w:t>Before</w:t><w:tab/><w:t>tab</w:t><w:br/><w:t>new line</w:t></w:r>"
        "<w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>Pull quote</w:t>"
        "</w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:t>Fallback copy</w:t>"
        "</mc:Fallback></mc:AlternateContent></w:r></w:p>"
        "<w:sdt><w:sdtContent><w:p><w:hyperlink><w:r><w:t>Inside a content control.</w:t></w:r>"
        "</w:hyperlink></w:p></w:sdtContent></w:sdt>"
    )
    document = read_docx(make_docx(body))
    assert blocks(document) == [
        (BlockKind.PARAGRAPH, "Cell one."),
        (BlockKind.PARAGRAPH, "Cell two."),
        (BlockKind.PARAGRAPH, "Page 7"),
        (BlockKind.PARAGRAPH, "Before\ttab\nnew line"),
        (BlockKind.PARAGRAPH, "Inside a content control."),
    ]


def test_docx_headers_footers_and_comments_are_not_read() -> None:
    extra = {
        "word/header1.xml": f'<w:hdr xmlns:w="{W}"><w:p><w:r><w:t>RUNNING HEAD</w:t></w:r></w:p></w:hdr>'.encode(),
        "word/comments.xml": f'<w:comments xmlns:w="{W}"><w:p><w:r><w:t>A COMMENT</w:t></w:r></w:p></w:comments>'.encode(),
    }
    document = read_docx(make_docx(para("Only the body."), extra_parts=extra))
    assert document.text == "Only the body."


def test_docx_loaded_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "Story.DOCX"
    path.write_bytes(make_docx(para("Bridge reopens", "Titel") + para("Body text.")))
    document = load_document(path)
    assert document.source == str(path) and document.name == "Story.DOCX"
    assert document.title == "Bridge reopens"


def zip_bomb(member: str, wrapper: tuple[bytes, bytes], size: int) -> bytes:
    """A valid zip whose ``member`` inflates to ``size`` bytes of spaces inside ``wrapper``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(member, "w", force_zip64=True) as handle:
            handle.write(wrapper[0])
            block = b" " * (1024 * 1024)
            for _ in range(size // len(block)):
                handle.write(block)
            handle.write(wrapper[1])
    return buffer.getvalue()


@pytest.mark.parametrize("megabytes", [3, 100])
def test_docx_zip_bomb_is_refused_quickly(megabytes: int) -> None:
    wrapper = (
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>'.encode(),
        b"</w:t></w:r></w:p></w:body></w:document>",
    )
    data = zip_bomb("word/document.xml", wrapper, megabytes * 1024 * 1024)
    assert len(data) < megabytes * 1024 * 1024 / 200  # it really is a bomb
    started = time.perf_counter()
    with pytest.raises(DocumentError, match=r"^bomb\.docx: refused: word/document\.xml .*\(a zip bomb\?\)$"):
        document_from_bytes(data, "bomb.docx", ".docx")
    assert time.perf_counter() - started < 1


def _patch_sizes(data: bytes, member: str, fake_size: int) -> bytes:
    """Make the zip's directory lie about ``member``'s uncompressed size."""
    patched = bytearray(data)
    name = member.encode()
    for signature, size_offset, name_offset in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (start := patched.find(signature, start)) >= 0:
            if patched[start + name_offset : start + name_offset + len(name)] == name:
                struct.pack_into("<I", patched, start + size_offset, fake_size)
            start += 4
    return bytes(patched)


def test_docx_whose_zip_directory_lies_about_sizes_is_refused() -> None:
    honest = make_docx(para("Some words. " * 20000))
    lying = _patch_sizes(honest, "word/document.xml", 1000)
    with pytest.raises(DocumentError, match=r"^liar\.docx: "):
        document_from_bytes(lying, "liar.docx", ".docx")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"Just some text, not a zip archive.", "not a valid Word document"),
        (b"PK\x03\x04" + bytes(100), "not a valid Word document"),
        (b"", "the file is empty"),
    ],
)
def test_docx_that_is_not_a_zip(data: bytes, message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        document_from_bytes(data, "fake.docx", ".docx")


def test_docx_without_document_part_or_with_broken_xml() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(DocumentError, match=r"word/document\.xml is missing"):
        document_from_bytes(buffer.getvalue(), "empty.docx", ".docx")
    broken = make_docx("<w:p><w:r><w:t>unclosed")
    with pytest.raises(DocumentError, match=r"word/document\.xml is damaged"):
        document_from_bytes(broken, "broken.docx", ".docx")


def test_docx_with_entity_declarations_is_refused() -> None:
    """The "billion laughs" shape: refused before any entity is expanded."""
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", laughs)
    with pytest.raises(DocumentError, match="DOCTYPE"):
        document_from_bytes(buffer.getvalue(), "laughs.docx", ".docx")


def test_docx_with_only_empty_paragraphs_has_no_readable_text() -> None:
    with pytest.raises(DocumentError, match="no readable text"):
        read_docx(make_docx("<w:p/><w:p><w:r><w:t>   </w:t></w:r></w:p>"))


# -- .odt ----------------------------------------------------------------------------

ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)


def make_odt(body: str, automatic_styles: str = "") -> bytes:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}>'
        f"<office:automatic-styles>{automatic_styles}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def test_odt_headings_paragraphs_lists_tables_and_spacing() -> None:
    styles = '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>'
    body = (
        '<text:p text:style-name="P1">Harbour bridge reopens</text:p>'
        '<text:p text:style-name="Text_20_body">The bridge <text:span>reopened</text:span> on'
        '<text:s text:c="3"/>Monday.<text:tab/>Tabbed.<text:line-break/>Next line.</text:p>'
        '<text:h text:outline-level="2">What comes next</text:h>'
        "<text:list><text:list-item><text:p>Replacing two piers</text:p>"
        "<text:list><text:list-item><text:p>Nested item</text:p></text:list-item></text:list>"
        "</text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>Cell text.</text:p>"
        "</table:table-cell></table:table-row></table:table>"
        '<text:p text:style-name="Quotations">A quoted line.</text:p>'
        "<text:p>Words\n   wrapped   in the XML.</text:p>"
    )
    document = document_from_bytes(make_odt(body, styles), "story.odt", ".odt")
    assert_layout(document)
    assert blocks(document) == [
        (BlockKind.TITLE, "Harbour bridge reopens"),
        (BlockKind.PARAGRAPH, "The bridge reopened on   Monday.\tTabbed.\nNext line."),
        (BlockKind.HEADING, "What comes next"),
        (BlockKind.LIST_ITEM, "Replacing two piers"),
        (BlockKind.LIST_ITEM, "Nested item"),
        (BlockKind.PARAGRAPH, "Cell text."),
        (BlockKind.QUOTE, "A quoted line."),
        (BlockKind.PARAGRAPH, "Words wrapped in the XML."),
    ]
    assert document.title == "Harbour bridge reopens"


def test_odt_tracked_changes_notes_and_comments() -> None:
    body = (
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
        "<office:change-info/><text:p>will reopen</text:p></text:deletion></text:changed-region>"
        '<text:changed-region text:id="c2"><text:insertion><office:change-info/></text:insertion>'
        "</text:changed-region></text:tracked-changes>"
        '<text:p>The bridge <text:change text:change-id="c1"/><text:change-start text:change-id="c2"/>'
        'reopened<text:change-end text:change-id="c2"/> on Monday'
        '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>A footnote.</text:p></text:note-body></text:note>."
        "<office:annotation><dc:creator>Ed</dc:creator><text:p>A comment.</text:p></office:annotation></text:p>"
    )
    document = document_from_bytes(make_odt(body), "changes.odt", ".odt")
    assert document.text == "The bridge reopened on Monday."


def test_odt_damaged_or_bomb() -> None:
    with pytest.raises(DocumentError, match="not a valid OpenDocument text"):
        document_from_bytes(b"not a zip at all", "x.odt", ".odt")
    wrapper = (
        f"<office:document-content {ODT_NS}><office:body><office:text><text:p>".encode(),
        b"</text:p></office:text></office:body></office:document-content>",
    )
    with pytest.raises(DocumentError, match="zip bomb"):
        document_from_bytes(zip_bomb("content.xml", wrapper, 80 * 1024 * 1024), "bomb.odt", ".odt")


# -- .pdf ----------------------------------------------------------------------------

Line = tuple[float, float, float, str]  # x, baseline y, font size, text


def _pdf_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[Line]]) -> bytes:
    """A minimal PDF with Helvetica text lines placed by the text operators."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * index} 0 R" for index in range(len(pages)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font = 3 + 2 * len(pages)
    for index, lines in enumerate(pages):
        content = "".join(f"BT /F1 {size} Tf {x} {y} Td ({_pdf_string(text)}) Tj ET\n" for x, y, size, text in lines)
        stream = content.encode("cp1252")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {4 + 2 * index} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def article_pages() -> list[list[Line]]:
    """Three pages with a running head, a footer with the page number and body text."""
    pages: list[list[Line]] = []
    for number in range(1, 4):
        lines: list[Line] = [(72, 760, 9, "The Harbour Gazette - Weekend edition")]
        if number == 1:
            lines += [(72, 700, 20, "Harbour bridge reopens"), (72, 676, 20, "after long repairs")]
        lines += [
            (72, 640, 11, f"Paragraph {number} begins on this line and goes on over several lines,"),
            (72, 626, 11, "where a hyphenated exam-"),
            (72, 612, 11, "ple word is joined again and the sentence ends."),
            (72, 584, 11, "A second paragraph follows after a larger gap."),
            (90, 556, 11, "\u2022 a bulleted point"),
            (72, 100, 11, "This last paragraph runs over the page break and"),
        ]
        if number > 1:
            # Each page's first line is different text, unlike the furniture.
            carry_on = ("", "", "continues at the top of the next page.", "goes on after the second break.")[number]
            lines.insert(1, (72, 700, 11, carry_on))
        lines += [(300, 40, 9, str(number)), (72, 28, 8, f"Printed copy {number} of 3 - harbour-gazette.example")]
        pages.append(lines)
    return pages


def test_pdf_paragraphs_are_rebuilt_and_furniture_dropped() -> None:
    document = document_from_bytes(make_pdf(article_pages()), "article.pdf", ".pdf")
    assert_layout(document)
    found = blocks(document)
    assert found[0] == (BlockKind.TITLE, "Harbour bridge reopens after long repairs")
    assert document.title == "Harbour bridge reopens after long repairs"
    assert found[1] == (
        BlockKind.PARAGRAPH,
        "Paragraph 1 begins on this line and goes on over several lines, where a hyphenated "
        "example word is joined again and the sentence ends.",
    )
    assert found[2] == (BlockKind.PARAGRAPH, "A second paragraph follows after a larger gap.")
    assert found[3] == (BlockKind.LIST_ITEM, "\u2022 a bulleted point")
    # The paragraph cut by the page break is one paragraph again.
    assert (
        BlockKind.PARAGRAPH,
        "This last paragraph runs over the page break and continues at the top of the next page. "
        "Paragraph 2 begins on this line and goes on over several lines, where a hyphenated "
        "example word is joined again and the sentence ends.",
    ) not in found
    assert (
        BlockKind.PARAGRAPH,
        "This last paragraph runs over the page break and continues at the top of the next page.",
    ) in found
    assert (
        BlockKind.PARAGRAPH,
        "This last paragraph runs over the page break and goes on after the second break.",
    ) in found
    for furniture in ("Gazette", "Printed copy", "harbour-gazette"):
        assert furniture not in document.text
    assert not any(text.strip().isdigit() for _, text in found), "page numbers are dropped"


def test_pdf_single_page_keeps_its_lines_but_not_its_page_number() -> None:
    page = [(72, 700, 11, "Only one page with one paragraph."), (300, 40, 9, "Page 1 of 1")]
    document = document_from_bytes(make_pdf([page]), "one.pdf", ".pdf")
    assert document.text == "Only one page with one paragraph."


def test_pdf_without_text_layer() -> None:
    with pytest.raises(DocumentError, match=r"^scan\.pdf: there is no text in the PDF"):
        document_from_bytes(make_pdf([[], []]), "scan.pdf", ".pdf")


def _encrypted(user_password: str, owner_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(article_pages()))))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_password_protected_pdf_is_refused_clearly() -> None:
    with pytest.raises(DocumentError, match=r"^locked\.pdf: the PDF is password-protected"):
        document_from_bytes(_encrypted("secret", "owner"), "locked.pdf", ".pdf")


def test_pdf_locked_only_against_editing_opens() -> None:
    document = document_from_bytes(_encrypted("", "owner"), "restricted.pdf", ".pdf")
    assert "Harbour bridge reopens" in document.text


@pytest.mark.parametrize("keep", [20, 200, 600])
def test_truncated_pdf_gives_a_clear_error_or_the_text_it_still_has(keep: int) -> None:
    data = make_pdf(article_pages())[:keep]
    try:
        document = document_from_bytes(data, "cut.pdf", ".pdf")
    except DocumentError as error:
        assert str(error).startswith("cut.pdf: ") and "\n" not in str(error)
    else:
        assert_layout(document)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"This is not a PDF at all.", "not a PDF file"),
        (b"%PDF-1.4\n" + bytes(range(256)) * 20, "cut.pdf: "),
        (
            b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF",
            "cut.pdf: ",
        ),
    ],
)
def test_corrupt_pdf_is_a_document_error(data: bytes, message: str) -> None:
    with pytest.raises(DocumentError, match=re.escape(message)):
        document_from_bytes(data, "cut.pdf", ".pdf")


def test_pdf_loaded_from_disk_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "article.pdf"
    data = make_pdf(article_pages())
    path.write_bytes(data)
    document = load_document(path)
    assert document.source == str(path)
    assert path.read_bytes() == data


@pytest.mark.parametrize("stage", ["_unlock", "_page_lines"])
def test_an_aes_pdf_is_called_encrypted_not_damaged(monkeypatch: pytest.MonkeyPatch, stage: str) -> None:
    """Issue 15, item 11: without the optional crypto package pypdf raises DependencyError,
    at decrypt() or only once a page's content is read; either way the file is locked."""
    from pypdf.errors import DependencyError

    from reader.core.read.formats import pdf

    def needs_crypto(*_args: object) -> None:
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(pdf, stage, needs_crypto)
    with pytest.raises(DocumentError) as caught:
        pdf.pdf_pieces(make_pdf(article_pages()), "locked.pdf")
    assert str(caught.value).startswith("locked.pdf: the PDF is encrypted (AES)")
    assert "damaged" not in str(caught.value) and "Dependency" not in str(caught.value)


def _claim_zip_version(data: bytes, version: int) -> bytes:
    """The archive with every central directory entry claiming it needs zip ``version`` to extract."""
    patched = bytearray(data)
    start = patched.find(b"PK\x01\x02")
    while start >= 0:
        struct.pack_into("<H", patched, start + 6, version)  # "version needed to extract"
        start = patched.find(b"PK\x01\x02", start + 4)
    return bytes(patched)


@pytest.mark.parametrize("suffix, kind", [(".docx", "Word document"), (".odt", "OpenDocument text")])
def test_zip_directory_claiming_a_future_zip_version_is_refused_in_one_line(suffix: str, kind: str) -> None:
    honest = make_docx(para("Some words.")) if suffix == ".docx" else make_odt("<text:p>Some words.</text:p>")
    with pytest.raises(DocumentError, match=rf"^future{suffix}: not a valid {kind}"):
        document_from_bytes(_claim_zip_version(honest, 148), "future" + suffix, suffix)
