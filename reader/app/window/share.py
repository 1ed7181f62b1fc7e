"""File > Export Report…, Export PDF… and Print…: ask where, then hand over to ``printing``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from reader.app.printing.document import ExportError, configure_page, write_report
from reader.app.printing.job import PrintJob, run_print_job

if TYPE_CHECKING:
    from reader.app.window.main_window import MainWindow

REPORT_FILTER = "HTML report (*.html *.htm)"
PDF_FILTER = "PDF document (*.pdf)"


def _suggestion(window: MainWindow, suffix: str) -> str:
    result = window.result
    assert result is not None and result.a is not None and result.b is not None
    stem = f"{result.a.path.stem}-vs-{result.b.path.stem}{suffix}"
    # A link has no folder: fall back to the other side's, then the home folder.
    folders = [str(content.path.parent) for content in (result.a, result.b) if isinstance(content.path, Path)]
    folder = (
        _existing(window.settings.export_directory)
        or _existing(window.settings.last_directory)
        or (folders[0] if folders else str(Path.home()))
    )
    return str(Path(folder) / stem)


def _existing(folder: str) -> str:
    return folder if folder and Path(folder).is_dir() else ""


def _ready(window: MainWindow, what: str) -> bool:
    if window.result is None or window.result.comparison is None:
        window.show_message(f"Open two articles before {what}.", "info")
        return False
    return True


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix else path.with_suffix(suffix)


def export_report(window: MainWindow) -> Path | None:
    """Ask for a file name and write the HTML report there; None if cancelled or refused."""
    if not _ready(window, "exporting a report"):
        return None
    chosen = window.choose_save_path("Export Report", _suggestion(window, ".html"), REPORT_FILTER)
    if chosen is None:
        return None
    assert window.result is not None
    try:
        written = write_report(window.result, _with_suffix(chosen, ".html"))
    except ExportError as error:
        window.show_error(str(error))
        return None
    window.settings.export_directory = str(written.parent)
    window.statusBar().showMessage(f"Report written to {written.name}", 5000)
    return written


def export_pdf(window: MainWindow) -> Path | None:
    """Ask for a file name and write the side-by-side PDF there."""
    if not _ready(window, "exporting a PDF"):
        return None
    chosen = window.choose_save_path("Export PDF", _suggestion(window, ".pdf"), PDF_FILTER)
    if chosen is None:
        return None
    assert window.result is not None
    written = _with_suffix(chosen, ".pdf")
    problem = run_print_job(window, PrintJob(window.result, target=written), f"Writing {written.name}…")
    if problem == "cancelled":
        window.statusBar().showMessage("PDF export cancelled", 5000)
        return None
    if problem is not None:
        window.show_error(problem)
        return None
    window.settings.export_directory = str(written.parent)  # the next export starts there
    window.statusBar().showMessage(f"PDF written to {written.name}", 5000)
    return written


def print_comparison(window: MainWindow, printer: QPrinter | None = None) -> bool:
    """Print through the system dialog (or straight to ``printer`` when one is given)."""
    if not _ready(window, "printing"):
        return False
    assert window.result is not None
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_page(printer)
        dialog = QPrintDialog(printer, window)
        dialog.setWindowTitle("Print Comparison")
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
    # Laid out and printed in a thread (a book takes half a minute); the window stays live.
    problem = run_print_job(window, PrintJob(window.result, printer=printer), "Printing…")
    if problem is not None and problem != "cancelled":
        window.show_error(problem)
    return problem is None
