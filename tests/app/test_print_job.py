"""PDF export and printing run in a thread: the window keeps turning, and Cancel leaves no file."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog

from reader.app.window import share
from tests.app.conftest import ARTICLE_B, long_article
from tests.app.helpers import wait_result


def open_long_pair(qtbot, window, tmp_path: Path, paragraphs: int = 400) -> None:
    path_a, path_b = tmp_path / "long-a.md", tmp_path / "long-b.md"
    path_a.write_text(long_article(paragraphs), encoding="utf-8")
    path_b.write_text(long_article(paragraphs, ARTICLE_B), encoding="utf-8")
    wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))


def test_pdf_export_of_a_long_comparison_keeps_the_window_responsive(qtbot, window, tmp_path) -> None:
    open_long_pair(qtbot, window, tmp_path)
    target = tmp_path / "out.pdf"
    window.choose_save_path = lambda *_: target
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    started = time.perf_counter()
    timer.start()
    written = window.export_pdf()
    timer.stop()
    finished = time.perf_counter()
    assert written == target and target.read_bytes().startswith(b"%PDF")
    elapsed = finished - started
    assert elapsed > 0.3, "the export should be long enough to measure"
    moments = [started, *ticks, finished]
    stall = max(b - a for a, b in zip(moments, moments[1:], strict=False))
    # Printing on the UI thread delivered no tick at all for the whole export.
    assert stall < 1.0 and len(ticks) >= 0.2 * elapsed / 0.02, (len(ticks), elapsed, stall)


def test_cancelling_a_pdf_export_leaves_no_file(qtbot, window, tmp_path) -> None:
    open_long_pair(qtbot, window, tmp_path)
    target = tmp_path / "cancelled.pdf"
    window.choose_save_path = lambda *_: target

    def press_cancel() -> None:
        dialog = window.findChild(QProgressDialog)
        assert dialog is not None
        dialog.canceled.emit()  # what its Cancel button sends

    QTimer.singleShot(150, press_cancel)
    assert window.export_pdf() is None
    assert "cancelled" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not target.exists(), timeout=60_000)  # removed once the job ends
    qtbot.wait(200)
    assert not target.exists()


def test_printing_goes_through_the_job_to_the_given_printer(qtbot, window, articles, tmp_path) -> None:
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert share.print_comparison(window, printer) is True
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")


def test_quitting_while_a_cancelled_export_still_prints_waits_for_it(tmp_path: Path) -> None:
    # Qt aborts the process when a QThread is destroyed while running; a cancelled job runs on.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run(
        [sys.executable, "-m", "tests.app.cancelled_print_exit_script", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, (done.returncode, done.stdout[-500:], done.stderr[-1500:])
    assert "job still running at exit: True" in done.stdout
