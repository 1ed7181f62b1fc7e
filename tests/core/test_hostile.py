"""Hostile input, through the API and through the command line.

Every case either reads (and compares) cleanly or is refused with one clear sentence: a
DocumentError in the API; one "tandem: ..." line on stderr, a non-zero exit, no traceback
and no output file on the command line. Nothing ever writes to an input.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.cli import main as cli_main
from reader.core.compare import compare
from reader.core.model import Document
from reader.core.read.documents import MAX_TEXT_CHARS, DocumentError
from reader.core.read.fetch import load_source
from tests.core.test_doc_office import W, article_pages, make_pdf, zip_bomb
from tests.core.test_fetch import base_url, serving

REFERENCE = (
    "Harbour bridge reopens\n\n"
    "The old harbour bridge reopened to traffic on Monday after eight months of repairs.\n\n"
    "Engineers replaced both piers and resurfaced the whole deck.\n"
)

HOSTILE_HTML = """<!doctype html><html><head><title>Harbour bridge reopens</title>
<script>document.title = 'HACKED'; alert('x');</script>
<link rel="stylesheet" href="https://remote.example.invalid/site.css">
<meta http-equiv="refresh" content="0; url=https://remote.example.invalid/elsewhere">
</head><body onload="alert('onload')">
<article><h1>Harbour bridge reopens</h1>
<p>The old harbour bridge reopened to traffic on Monday after eight months of repairs.</p>
<iframe src="https://remote.example.invalid/embed"></iframe>
<img src="https://remote.example.invalid/photo.jpg" onerror="alert('img')">
<p>Engineers replaced both piers and resurfaced the whole deck, the city said.</p>
<script>var secret = "SCRIPTTEXT";</script>
<object data="https://remote.example.invalid/flash.swf"></object>
</article></body></html>
"""

HOSTILE_MARKDOWN = """# Harbour bridge reopens

The old harbour bridge reopened on Monday, [see the map](javascript:alert('link')) and
<b onclick="steal()">raw bold HTML</b> around it.

<script>alert("MDSCRIPT")</script>

<img src="https://remote.example.invalid/pixel.png" onerror="alert(1)">

<iframe src="javascript:alert(3)"></iframe>

Engineers replaced both piers [and more](JaVaScRiPt:void(0)).
"""

_FORBIDDEN_IN_TEXT = ("HACKED", "SCRIPTTEXT", "MDSCRIPT", "alert", "onclick", "onerror", "javascript", "remote.example")


# -- building the inputs ------------------------------------------------------------


def _five_mb_paragraph() -> str:
    """About 5 MB of sentences without a single line break."""
    rng = random.Random(5)
    vocabulary = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(4000)
    ]
    sentences: list[str] = []
    size = 0
    while size < 5_000_000:
        sentence = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(8, 30))).capitalize() + "."
        sentences.append(sentence)
        size += len(sentence) + 1
    return " ".join(sentences)


def _docx_bomb() -> bytes:
    wrapper = (
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>'.encode(),
        b"</w:t></w:r></w:p></w:body></w:document>",
    )
    return zip_bomb("word/document.xml", wrapper, 100 * 1024 * 1024)


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(article_pages()))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _write(folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.write_bytes(data)
    return str(path)


def _big_file(folder: Path) -> str:
    path = folder / "fifty.txt"
    line = b"A line of perfectly ordinary text that repeats and repeats.\n"
    with path.open("wb") as handle:
        handle.write(line * (50_000_000 // len(line) + 1))
    return str(path)


def _folder(folder: Path) -> str:
    (folder / "articles.txt").mkdir()
    return str(folder / "articles.txt")


def _broken_link(folder: Path) -> str:
    (folder / "link.txt").symlink_to(folder / "nowhere.txt")
    return str(folder / "link.txt")


@dataclass(frozen=True)
class Refused:
    """An input that must be refused with a message matching ``message``."""

    make: Callable[[Path], str]
    message: str


REFUSED: dict[str, Refused] = {
    "empty file": Refused(lambda d: _write(d, "empty.txt", b""), r"empty\.txt: the file is empty"),
    "whitespace only": Refused(lambda d: _write(d, "blank.md", b"  \n\t\r\n \n"), r"blank\.md: the file is empty"),
    "binary named .txt": Refused(
        lambda d: _write(d, "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64),
        r"photo\.txt: does not look like text",
    ),
    "50 MB file": Refused(
        _big_file, rf"fifty\.txt: the text is too long .*the limit is {MAX_TEXT_CHARS // 1_000_000} million"
    ),
    "folder": Refused(_folder, r"articles\.txt: is a folder"),
    "missing file": Refused(lambda d: str(d / "gone.txt"), r"gone\.txt: no such file"),
    "broken symlink": Refused(_broken_link, r"link\.txt: broken link"),
    "docx zip bomb": Refused(lambda d: _write(d, "bomb.docx", _docx_bomb()), r"bomb\.docx: refused: .*zip bomb"),
    "corrupt pdf": Refused(
        lambda d: _write(d, "cut.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 8),
        r"cut\.pdf: (the PDF is damaged|there is no text)",
    ),
    "truncated pdf": Refused(lambda d: _write(d, "short.pdf", make_pdf(article_pages())[:30]), r"short\.pdf: "),
    "encrypted pdf": Refused(
        lambda d: _write(d, "locked.pdf", _encrypted_pdf()), r"locked\.pdf: the PDF is password-protected"
    ),
}

URL_REFUSED: dict[str, tuple[str, str]] = {
    "url 404": ("/missing", r"127\.0\.0\.1/missing: the server answered 404"),
    "url redirect loop": ("/loop", r"127\.0\.0\.1/loop: too many redirects"),
    "url image": ("/image.png", r"127\.0\.0\.1/image\.png: the link gives image/png, not an article"),
    "url times out": ("/slow", r"127\.0\.0\.1/slow: timed out"),
}


@dataclass(frozen=True)
class Accepted:
    """An input that must read and compare; ``check`` looks at the Document."""

    make: Callable[[Path], str]
    check: Callable[[Document], None]


def _check_words(*words: str) -> Callable[[Document], None]:
    def check(document: Document) -> None:
        for word in words:
            assert word in document.text

    return check


def _check_invalid_utf8(document: Document) -> None:
    assert "caf\u00e9 cr\u00e8me" in document.text and "\ufffd" in document.text
    assert any("invalid UTF-8" in warning for warning in document.warnings)


def _check_clean_web_text(document: Document) -> None:
    assert "Engineers replaced both piers" in document.text
    for forbidden in _FORBIDDEN_IN_TEXT:
        assert forbidden not in document.text


ACCEPTED: dict[str, Accepted] = {
    "invalid utf-8": Accepted(
        lambda d: _write(
            d, "broken.txt", "Harbour café crème, naïve façade. Bridge reopens ".encode() * 3 + b"\xff\xfe\xc3 end."
        ),
        _check_invalid_utf8,
    ),
    "utf-16 with bom": Accepted(
        lambda d: _write(d, "bom16.txt", REFERENCE.encode("utf-16")), _check_words("harbour bridge reopened")
    ),
    "utf-16 without bom": Accepted(
        lambda d: _write(d, "nobom16.txt", REFERENCE.encode("utf-16-le")), _check_words("harbour bridge reopened")
    ),
    "windows-1252": Accepted(
        lambda d: _write(d, "legacy.txt", "Die Brücke „öffnet“ – für 5 € am Montag. Größer.".encode("cp1252")),
        _check_words("Brücke „öffnet“ – für 5 €"),
    ),
    "html with scripts, iframes, remote images": Accepted(
        lambda d: _write(d, "hostile.html", HOSTILE_HTML.encode()), _check_clean_web_text
    ),
    "markdown with raw html and javascript links": Accepted(
        lambda d: _write(d, "hostile.md", HOSTILE_MARKDOWN.encode()), _check_clean_web_text
    ),
}


# -- the API ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def server() -> Iterator[object]:
    # Longer than every timeout the tests give, so that each of them runs out.
    with serving(slow_seconds=5) as running:
        yield running


@pytest.fixture()
def reference(tmp_path: Path) -> str:
    return _write(tmp_path, "reference.txt", REFERENCE.encode())


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_through_the_api(case: str, tmp_path: Path) -> None:
    spec = REFUSED[case].make(tmp_path)
    started = time.perf_counter()
    with pytest.raises(DocumentError, match=REFUSED[case].message) as caught:
        load_source(spec)
    assert "\n" not in str(caught.value)
    assert time.perf_counter() - started < 10, "refusing must be quick"


@pytest.mark.parametrize("case", sorted(URL_REFUSED))
def test_refused_links_through_the_api(case: str, server: object) -> None:
    route, message = URL_REFUSED[case]
    with pytest.raises(DocumentError, match=message):
        load_source(base_url(server) + route, timeout=0.5)  # type: ignore[arg-type]


@pytest.mark.parametrize("case", sorted(ACCEPTED))
def test_accepted_through_the_api(case: str, tmp_path: Path, reference: str) -> None:
    document = load_source(ACCEPTED[case].make(tmp_path))
    ACCEPTED[case].check(document)
    comparison = compare(load_source(reference), document)
    assert comparison.stats.words_b > 0


def test_the_same_file_twice_compares_as_identical(reference: str) -> None:
    comparison = compare(load_source(reference), load_source(reference))
    assert comparison.only_a == comparison.only_b == ()
    assert comparison.stats.words_inserted == comparison.stats.words_deleted == 0


@pytest.mark.slow
def test_five_megabyte_paragraph_compares(tmp_path: Path) -> None:
    text = _five_mb_paragraph()
    sentences = text.split(". ")
    middle = len(sentences) // 2
    edited = ". ".join(sentences[:middle] + ["A wholly new sentence stands here"] + sentences[middle + 1 :])
    a = load_source(_write(tmp_path, "long_a.txt", text.encode()))
    b = load_source(_write(tmp_path, "long_b.txt", edited.encode()))
    assert "\n" not in a.text and len(a.text) >= 5_000_000
    started = time.perf_counter()
    comparison = compare(a, b)
    elapsed = time.perf_counter() - started
    print(f"\n5 MB single paragraph: compare() took {elapsed:.1f} s")
    assert len(comparison.only_b) == 1 and len(comparison.only_a) == 1
    assert elapsed < 120, "a 5 MB paragraph must not hang the engine"


# -- the command line ---------------------------------------------------------------


def tandem(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["NO_COLOR"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=env, timeout=timeout
    )


def assert_refused_on_the_command_line(result: subprocess.CompletedProcess[str], message: str, output: Path) -> None:
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("tandem: ")
    assert re.search(message, lines[0]), lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert not output.exists(), "nothing is written when an input is refused"


@pytest.mark.parametrize(
    "case, side",
    # The second argument takes the same path as the first; a few cases show it.
    [(case, "a") for case in sorted(REFUSED)]
    + [(case, "b") for case in ("empty file", "docx zip bomb", "missing file")],
)
def test_refused_on_the_command_line(case: str, side: str, tmp_path: Path, reference: str) -> None:
    spec = REFUSED[case].make(tmp_path)
    output = tmp_path / "out" / "result.json"
    output.parent.mkdir()
    pair = (spec, reference) if side == "a" else (reference, spec)
    result = tandem("compare", *pair, "--format", "json", "-o", str(output))
    assert_refused_on_the_command_line(result, REFUSED[case].message, output)


@pytest.mark.parametrize(
    "case",
    sorted(URL_REFUSED),
)
def test_refused_links_on_the_command_line(case: str, server: object, tmp_path: Path, reference: str) -> None:
    route, message = URL_REFUSED[case]
    output = tmp_path / "result.txt"
    # A short --timeout keeps the slow endpoint's case quick.
    result = tandem("compare", base_url(server) + route, reference, "--timeout", "1", "-o", str(output))  # type: ignore[arg-type]
    assert_refused_on_the_command_line(result, message, output)


def test_link_compares_on_the_command_line(server: object, tmp_path: Path, reference: str) -> None:
    output = tmp_path / "result.txt"
    result = tandem("compare", reference, base_url(server) + "/article", "--format", "text", "-o", str(output))  # type: ignore[arg-type]
    assert result.returncode == 0, result.stderr
    assert "Engineers replaced both piers" in output.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", sorted(ACCEPTED))
def test_accepted_on_the_command_line(case: str, tmp_path: Path, reference: str) -> None:
    spec = ACCEPTED[case].make(tmp_path)
    output = tmp_path / "out.html"
    result = tandem("compare", reference, spec, "--format", "html", "-o", str(output))
    assert result.returncode == 0, result.stderr
    exported = output.read_text(encoding="utf-8").lower()
    # Scripts never run and remote resources are never loaded when the export is shown.
    for forbidden in ("<script", "<iframe", "<img", "<object", "javascript:", "remote.example", "http-equiv"):
        assert forbidden not in exported


def test_the_same_file_twice_on_the_command_line(reference: str, tmp_path: Path) -> None:
    output = tmp_path / "same.json"
    link = tmp_path / "same-link.md"
    link.symlink_to(reference)
    for second in (reference, str(link)):
        result = tandem("compare", reference, second, "--format", "json", "-o", str(output))
        assert result.returncode != 0
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "the same file" in lines[0] and "Traceback" not in result.stderr
        assert not output.exists()


# -- nothing is modified ------------------------------------------------------------------


def _hashes(folder: Path) -> dict[str, tuple[str, int]]:
    """Content hash and modification time of every file under ``folder`` (links not followed)."""
    found: dict[str, tuple[str, int]] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            found[str(path)] = (os.readlink(path), path.lstat().st_mtime_ns)
        elif path.is_file():
            found[str(path)] = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    return found


def test_no_input_is_modified_by_comparing_and_exporting(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    outputs = tmp_path / "outputs"
    inputs.mkdir()
    outputs.mkdir()
    reference = _write(inputs, "reference.txt", REFERENCE.encode())
    readable = [case.make(inputs) for case in ACCEPTED.values()]
    readable.append(_write(inputs, "article.docx", _small_docx()))
    readable.append(_write(inputs, "article.pdf", make_pdf(article_pages())))
    refused = [case.make(inputs) for case in REFUSED.values()]
    listing = sorted(path.name for path in inputs.iterdir())
    before = _hashes(inputs)
    assert len(before) >= len(readable) + len(REFUSED) - 2  # the folder and the missing file are no files
    for number, spec in enumerate(readable):
        for fmt in ("json", "text", "html"):
            target = outputs / f"{number}.{fmt}"
            assert cli_main(["compare", reference, spec, "--format", fmt, "-o", str(target)]) == 0
            assert target.stat().st_size > 0
    for spec in refused:
        assert cli_main(["compare", spec, reference, "--format", "json", "-o", str(outputs / "refused.json")]) != 0
    assert _hashes(inputs) == before
    assert sorted(path.name for path in inputs.iterdir()) == listing
    assert not (outputs / "refused.json").exists()


def _small_docx() -> bytes:
    body = "".join(
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        for text in ("Harbour bridge reopens", "The old harbour bridge reopened to traffic on Monday.")
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
    return buffer.getvalue()
