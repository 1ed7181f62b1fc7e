"""Hostile input through the window: real drops and opens, a clear inline message, nothing written.

The inputs are built by the same functions as the engine's hostile tests, in tmp_path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtPrintSupport import QPrinter

from reader.app.sources import WebLink
from reader.app.window import share
from reader.core.marks import Side
from tests.app.helpers import WAIT_MS, drop, file_mime, wait_result
from tests.core.test_doc_office import article_pages, make_pdf
from tests.core.test_fetch import serving
from tests.core.test_hostile import ACCEPTED, REFERENCE, REFUSED, _hashes, _small_docx, _write

# A representative set (each reader and each kind of refusal); the engine tests cover all.
WINDOW_REFUSED = (
    "empty file",
    "whitespace only",
    "binary named .txt",
    "50 MB file",
    "folder",
    "missing file",
    "broken symlink",
    "docx zip bomb",
    "encrypted pdf",
    "corrupt pdf",
)


@pytest.fixture(scope="module")
def server() -> Iterator[object]:
    with serving(slow_seconds=3) as running:
        yield running


@pytest.fixture
def reference(tmp_path: Path) -> Path:
    return Path(_write(tmp_path, "reference.txt", REFERENCE.encode()))


def drop_on_b(qtbot, window, path: Path) -> str:
    """Drop ``path`` on pane B and wait for the message it causes (at drop time or after reading)."""
    window.message_bar.dismiss()
    drop(window.panes[Side.B].view.viewport(), file_mime(path))
    qtbot.waitUntil(lambda: window.message_bar.isVisible() and not window.service.busy, timeout=WAIT_MS)
    return window.message_bar.text()


@pytest.mark.parametrize("case", WINDOW_REFUSED)
def test_refused_input_gets_a_clear_message_and_the_window_goes_on(qtbot, window, tmp_path, reference, case) -> None:
    wait_result(qtbot, window, lambda: window.open_paths(reference, reference))
    hostile = Path(REFUSED[case].make(tmp_path))
    message = drop_on_b(qtbot, window, hostile)
    assert hostile.name in message
    assert window.message_bar.kind == "error"
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    if case in ("folder", "missing file", "broken symlink"):
        assert re.search(r"folder|does not exist|broken link", message)
    else:
        # The drop got through to the reader, whose sentence is the engine's.
        assert re.search(REFUSED[case].message, message[len("B: ") :]), message
    if case == "50 MB file":
        assert "the limit is" in message
    # The comparison on screen stays and the window still compares.
    assert window.paths[Side.B] == reference
    assert "harbour bridge reopened" in window.panes[Side.B].view.toPlainText()
    wait_result(qtbot, window, window.reload)


def test_invalid_utf8_is_read_with_a_warning_shown(qtbot, window, tmp_path, reference) -> None:
    broken = Path(ACCEPTED["invalid utf-8"].make(tmp_path))
    result = wait_result(qtbot, window, lambda: drop(window, file_mime(reference, broken)))
    assert result.comparison is not None
    assert window.message_bar.kind == "info" and "invalid UTF-8" in window.message_bar.text()
    assert window.message_bar.text().startswith("B:")
    assert "\ufffd" in window.panes[Side.B].view.toPlainText()


@pytest.mark.parametrize("case", ["utf-16 with bom", "utf-16 without bom", "windows-1252"])
def test_other_encodings_open(qtbot, window, tmp_path, reference, case) -> None:
    path = Path(ACCEPTED[case].make(tmp_path))
    result = wait_result(qtbot, window, lambda: window.open_paths(reference, path))
    assert result.b is not None and result.comparison is not None
    ACCEPTED[case].check(result.b.document)


def test_the_same_file_twice_shows_identical_texts(qtbot, window, reference) -> None:
    # Allowed on purpose: comparing a file with itself is a quick way to check a reading.
    result = wait_result(qtbot, window, lambda: drop(window, file_mime(reference, reference)))
    stats = result.comparison.stats
    assert stats.similarity == pytest.approx(1.0)
    assert stats.sentences_only_a == stats.sentences_only_b == stats.words_inserted == 0
    assert window.summary.text().startswith("Similarity 100%")
    # ...but the window says clearly what happened.
    assert "same file" in window.message_bar.text()


@pytest.mark.parametrize(
    ("route", "expected"),
    [("/missing", "404"), ("/slow", "timed out"), ("/loop", "too many redirects"), ("/image.png", "image/png")],
)
def test_refused_links_get_a_clear_message(qtbot, window, reference, server, route, expected) -> None:
    window.service.fetch_options = {"timeout": 0.5}
    wait_result(qtbot, window, lambda: window.open_paths(reference, reference))
    host, port = server.server_address[:2]
    window.open_side(Side.B, WebLink(f"http://{host}:{port}{route}"))
    qtbot.waitUntil(lambda: window.message_bar.isVisible() and not window.service.busy, timeout=WAIT_MS)
    assert expected in window.message_bar.text() and window.message_bar.kind == "error"
    assert window.paths[Side.B] == reference


def test_saved_pages_never_load_remote_resources_when_shown_or_exported(
    qtbot, window, tmp_path, reference, server
) -> None:
    host, port = server.server_address[:2]
    base = f"http://{host}:{port}"
    page = tmp_path / "saved-page.html"
    page.write_text(
        f"""<!doctype html><html><head><title>Harbour bridge reopens</title>
<link rel="stylesheet" href="{base}/style.css"><script src="{base}/app.js"></script>
<script>fetch('{base}/tracker'); document.write('SCRIPT RAN');</script></head>
<body><p>The old harbour bridge reopened to traffic on Monday after eight months of repairs.</p>
<img src="{base}/photo.jpg"><iframe src="{base}/embed"></iframe>
<p>Engineers replaced both piers and resurfaced the whole deck.</p>
<p style="background: url({base}/background.png)">Shop owners welcomed the news.</p></body></html>""",
        encoding="utf-8",
    )
    before = len(server.paths)
    wait_result(qtbot, window, lambda: window.open_paths(reference, page))
    shown = window.panes[Side.B].view
    assert "Engineers replaced both piers" in shown.toPlainText()
    assert "SCRIPT RAN" not in shown.toPlainText() and base not in shown.toPlainText()
    assert "<img" not in shown.toHtml() and base not in shown.toHtml()
    window.choose_save_path = lambda _caption, suggestion, _filter: tmp_path / "out" / Path(suggestion).name
    (tmp_path / "out").mkdir()
    report, pdf = window.export_report(), window.export_pdf()
    assert report is not None and pdf is not None and base not in report.read_text(encoding="utf-8")
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out" / "printed.pdf"))
    assert share.print_comparison(window, printer)
    qtbot.wait(300)  # any request a widget might have started would have reached the server by now
    assert server.paths[before:] == []


def test_nothing_is_modified_by_opening_reloading_and_exporting(qtbot, window, tmp_path, server) -> None:
    inputs, outputs = tmp_path / "inputs", tmp_path / "outputs"
    inputs.mkdir()
    outputs.mkdir()
    reference = Path(_write(inputs, "reference.txt", REFERENCE.encode()))
    readable = [Path(case.make(inputs)) for case in ACCEPTED.values()]
    readable += [
        Path(_write(inputs, "article.docx", _small_docx())),
        Path(_write(inputs, "article.pdf", make_pdf(article_pages()))),
    ]
    refused = [Path(REFUSED[case].make(inputs)) for case in WINDOW_REFUSED]
    before = _hashes(inputs)
    listing = sorted(path.name for path in inputs.iterdir())
    window.choose_save_path = lambda _caption, suggestion, _filter: outputs / Path(suggestion).name
    for number, path in enumerate(readable):
        wait_result(qtbot, window, lambda p=path: drop(window, file_mime(reference, p)))
        wait_result(qtbot, window, window.reload)
        assert window.export_report() is not None
        if number < 2:  # PDF export is slower; two cover it
            assert window.export_pdf() is not None
        # Exporting over a shown input is refused, not done.
        window.choose_save_path = lambda *_: reference
        assert window.export_report() is None and "compared files" in window.message_bar.text()
        window.choose_save_path = lambda _caption, suggestion, _filter: outputs / Path(suggestion).name
    for path in refused:
        drop_on_b(qtbot, window, path)
    assert _hashes(inputs) == before
    assert sorted(path.name for path in inputs.iterdir()) == listing


def test_a_dropped_folder_link_or_junk_never_reaches_the_worker(qtbot, window, tmp_path) -> None:
    junk = QMimeData()
    junk.setUrls([QUrl("javascript:alert(1)")])
    for mime in (junk, file_mime(tmp_path)):
        window.message_bar.dismiss()
        drop(window, mime)
        assert window.message_bar.kind == "error" and window.message_bar.isVisible()
        assert window.service.latest_serial == 0
