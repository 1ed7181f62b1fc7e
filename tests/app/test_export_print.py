"""Export Report…, Export PDF…, Print…, Copy and Find."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reader.app.printing.document import build_print_document, make_pdf_printer
from reader.app.window import share
from reader.core.marks import Side
from reader.export.html_export import comparison_to_html
from tests.app.conftest import long_article
from tests.app.helpers import wait_result


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", data))


def test_export_report_writes_the_cli_report(qtbot, window, articles, tmp_path) -> None:
    result = wait_result(qtbot, window, lambda: window.open_paths(*articles))
    target = tmp_path / "out" / "report"
    target.parent.mkdir()
    window.choose_save_path = lambda caption, suggestion, filter_: target
    written = window.actions_.export_report.trigger() or target.with_suffix(".html")
    assert written.read_text(encoding="utf-8") == comparison_to_html(result.comparison)


def test_export_never_overwrites_a_shown_file(qtbot, window, articles) -> None:
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    before = articles[0].read_bytes()
    window.choose_save_path = lambda caption, suggestion, filter_: articles[0]
    assert window.export_report() is None
    assert window.export_pdf() is None
    assert articles[0].read_bytes() == before
    assert "compared files" in window.message_bar.text()


def test_export_without_a_comparison_explains_why(window, tmp_path) -> None:
    window.choose_save_path = lambda caption, suggestion, filter_: tmp_path / "x.html"
    assert window.export_report() is None
    assert not (tmp_path / "x.html").exists()
    assert "Open two articles" in window.message_bar.text()


def test_export_pdf_is_landscape_and_paginated(qtbot, window, tmp_path) -> None:
    path_a, path_b = tmp_path / "a.md", tmp_path / "b.md"
    path_a.write_text(long_article(30), encoding="utf-8")
    path_b.write_text(long_article(28).replace("library", "branch library"), encoding="utf-8")
    wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    target = tmp_path / "comparison.pdf"
    window.choose_save_path = lambda caption, suggestion, filter_: target
    assert window.export_pdf() == target
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert pdf_pages(data) >= 2
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data)
    assert box and float(box.group(1)) > float(box.group(2)), "landscape: wider than tall"


def test_print_document_has_both_texts_side_by_side_and_the_unique_lists(qtbot, window, articles) -> None:
    result = wait_result(qtbot, window, lambda: window.open_paths(*articles))
    document = build_print_document(result)
    table = next(frame for frame in document.rootFrame().childFrames())
    assert table.columns() == 2
    comparison = result.comparison
    assert table.rows() == 1 + len(comparison.units) + len(comparison.only_a) + len(comparison.only_b)
    text = document.toPlainText()
    for side, indices, sentences, doc in (
        (Side.A, comparison.only_a, comparison.sentences_a, comparison.a),
        (Side.B, comparison.only_b, comparison.sentences_b, comparison.b),
    ):
        assert f"Only in {side.value.upper()} ({len(indices)})" in text
        for index in indices:
            sentence = sentences[index]
            assert " ".join(doc.text[sentence.start : sentence.end].split()) in " ".join(text.split())
    # Highlights are the panes' formats: some text of A is struck through.
    cursor = QTextCursor(document)
    struck = False
    while not cursor.atEnd() and not struck:
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        struck = cursor.charFormat().fontStrikeOut()
    assert struck


def test_print_goes_through_qt_printing(qtbot, window, articles, tmp_path) -> None:
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    target = tmp_path / "printed.pdf"
    assert share.print_comparison(window, make_pdf_printer(target))
    assert target.read_bytes().startswith(b"%PDF")


def test_copy_copies_the_selected_text(qtbot, window, articles) -> None:
    result = wait_result(qtbot, window, lambda: window.open_paths(*articles))
    view = window.panes[Side.B].view
    sentence = result.b.sentences[2]
    cursor = QTextCursor(view.document())
    start, end = view.pane_map.sentence_range(2)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()
    window.active_side = Side.B
    QApplication.clipboard().clear()
    window.actions_.copy.trigger()
    assert QApplication.clipboard().text() == result.b.document.text[sentence.start : sentence.end]


def test_find_searches_either_pane_and_wraps(qtbot, window, articles) -> None:
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    window.panes[Side.B].view.setFocus()
    window.active_side = Side.B
    window.actions_.find.trigger()
    assert window.find_bar.isVisible() and window.find_bar.side is Side.B
    QTest.keyClicks(window.find_bar.field, "public meeting")  # only B mentions it
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.panes[Side.B].view.textCursor().selectedText() == "public meeting"
    window.find_bar.side_choice.setCurrentIndex(0)
    assert not window.find_bar.find(True)
    assert window.find_bar.status.text() == "Not found"
    window.find_bar.field.setText("library")
    first = window.find_bar.find(True) and window.panes[Side.A].view.textCursor().position()
    positions = {first}
    for _ in range(6):
        window.actions_.find_next.trigger()
        positions.add(window.panes[Side.A].view.textCursor().position())
    assert first in positions and len(positions) >= 2, "F3 moves on and wraps around"
    QTest.keyClick(window.find_bar, Qt.Key.Key_Escape)
    assert window.find_bar.isHidden()
