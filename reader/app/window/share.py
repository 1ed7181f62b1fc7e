"""File > Export Report…, Export PDF… and Print…: ask where, then hand over to ``printing``."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QStatusBar, QWidget

from reader.app.printing.document import ExportError, configure_page, write_report
from reader.app.printing.job import PrintJob, export_pdf_job, run_print_job, written
from reader.app.settings import AppSettings
from reader.app.versions import export as versions_export
from reader.app.versions.controller import VersionsController
from reader.app.window.opening import SaveChooser
from reader.app.worker.service import CompareResult

REPORT_FILTER = "HTML report (*.html *.htm)"
PDF_FILTER = "PDF document (*.pdf)"


class ShareHost(Protocol):
    """What exporting and printing use of the window."""

    result: CompareResult | None
    settings: AppSettings
    choose_save_path: SaveChooser
    versions: VersionsController

    def show_message(self, message: str, kind: str) -> None: ...
    def show_error(self, message: str) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def window(self) -> QWidget: ...  # the top-level widget: the parent of dialogs and print jobs


def _suggestion(host: ShareHost, suffix: str) -> str:
    result = host.result
    assert result is not None and result.a is not None and result.b is not None
    stem = f"{result.a.path.stem}-vs-{result.b.path.stem}{suffix}"
    # A link has no folder: fall back to the other side's, then the home folder.
    folders = [str(content.path.parent) for content in (result.a, result.b) if isinstance(content.path, Path)]
    folder = (
        _existing(host.settings.export_directory)
        or _existing(host.settings.last_directory)
        or (folders[0] if folders else str(Path.home()))
    )
    return str(Path(folder) / stem)


def _existing(folder: str) -> str:
    return folder if folder and Path(folder).is_dir() else ""


def _ready(host: ShareHost, what: str) -> bool:
    if host.result is None or host.result.comparison is None:
        host.show_message(f"Open two articles before {what}.", "info")
        return False
    return True


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix else path.with_suffix(suffix)


def _target(host: ShareHost, what: str, caption: str, suffix: str, filter_: str) -> tuple[CompareResult, Path] | None:
    """The comparison to export and the file the user chose for it (given ``suffix`` when it has none)."""
    if not _ready(host, what):
        return None
    chosen = host.choose_save_path(caption, _suggestion(host, suffix), filter_)
    if chosen is None or host.result is None:
        return None
    return host.result, _with_suffix(chosen, suffix)


def _versions_inputs(host: ShareHost) -> list[Path]:
    return [source for source in host.versions.sources if isinstance(source, Path)]


def export_report(host: ShareHost) -> Path | None:
    """Ask for a file name and write the HTML report there; None if cancelled or refused."""
    versions = host.versions
    if versions.result is not None:  # a versions comparison: its report, with the grid
        return versions_export.export_html(host, versions.result, versions.skipped, _versions_inputs(host))
    target = _target(host, "exporting a report", "Export Report", ".html", REPORT_FILTER)
    if target is None:
        return None
    try:
        path = write_report(*target)
    except ExportError as error:
        host.show_error(str(error))
        return None
    return written(host, path, "Report")


def export_pdf(host: ShareHost) -> Path | None:
    """Ask for a file name and write the side-by-side PDF there (the grid, for versions)."""
    versions = host.versions
    if versions.result is not None and host.result is not None:
        return versions_export.export_pdf(host, versions.result, host.result, _versions_inputs(host))
    target = _target(host, "exporting a PDF", "Export PDF", ".pdf", PDF_FILTER)
    if target is None:
        return None
    result, path = target
    return export_pdf_job(host, PrintJob(result, target=path), path)


def print_comparison(host: ShareHost, printer: QPrinter | None = None) -> bool:
    """Print through the system dialog (or straight to ``printer`` when one is given); the
    versions view prints its grid, as its PDF has it."""
    if not _ready(host, "printing"):
        return False
    assert host.result is not None
    if host.versions.result is not None:
        return versions_export.print_grid(host, host.versions.result, host.result, printer)
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_page(printer)
        dialog = QPrintDialog(printer, host.window())
        dialog.setWindowTitle("Print Comparison")
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
    # Laid out and printed in a thread (a book takes half a minute); the window stays live.
    problem = run_print_job(host.window(), PrintJob(host.result, printer=printer), "Printing…")
    if problem is not None and problem != "cancelled":
        host.show_error(problem)
    return problem is None
