"""Export Report…, Export PDF… and Print… of a versions comparison: all carry the grid.

The HTML report is the command line's (``reader.export.versions_html``, the same as
``tandem compare BASE V1 V2 --format html``). Qt's rich text knows no CSS variables, so the
PDF is a simpler document of its own: the coverage of each version, then the grid with each
cell's letter on its status colour (light palette: paper is white), printed off the UI thread
as the pairwise PDF is. Neither ever writes over one of the compared files.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from reader.app.palette import LIGHT, Palette
from reader.app.printing.document import PRINT_POINT_SIZE, ExportError, configure_page
from reader.app.printing.job import ExportHost as PrintHost
from reader.app.printing.job import PrintJob, export_pdf_job, run_print_job, written
from reader.app.versions.grid import version_label
from reader.app.versions.grid_data import ADDED_ROLE, STATUS_ROLES, coverage, grid_rows
from reader.app.worker.service import CompareResult
from reader.core.outputs import output_conflict, write_output
from reader.core.versions import STATUS_LETTERS, VersionsResult
from reader.core.versions.inputs import Skipped
from reader.export.versions_html import versions_to_html

SaveChooser = Callable[[str, str, str], Path | None]  # caption, suggested path, filter
REPORT_FILTER = "HTML report (*.html *.htm)"
PDF_FILTER = "PDF document (*.pdf)"


class ExportHost(PrintHost, Protocol):
    choose_save_path: SaveChooser


def _target(host: ExportHost, result: VersionsResult, inputs: list[Path], caption: str, suffix: str) -> Path | None:
    folder = host.settings.export_directory or (str(inputs[0].parent) if inputs else str(Path.home()))
    if not Path(folder).is_dir():
        folder = str(Path.home())
    suggestion = Path(folder) / f"{Path(result.base.name).stem}-versions{suffix}"
    chosen = host.choose_save_path(caption, str(suggestion), REPORT_FILTER if suffix == ".html" else PDF_FILTER)
    if chosen is None:
        return None
    chosen = chosen if chosen.suffix else chosen.with_suffix(suffix)
    problem = output_conflict(chosen, inputs)
    if problem:
        host.show_error(f"“{chosen.name}” {problem}; choose another name for the export.")
        return None
    return chosen


def export_html(
    host: ExportHost, result: VersionsResult, skipped: tuple[Skipped, ...], inputs: list[Path]
) -> Path | None:
    """Ask where, then write the versions report; None if cancelled or refused."""
    target = _target(host, result, inputs, "Export Versions Report", ".html")
    if target is None:
        return None
    try:
        write_output(target, versions_to_html(result, skipped))
    except OSError as error:
        host.show_error(f"Cannot write “{target.name}”: {error.strerror or error}")
        return None
    return written(host, target, "Report")


def export_pdf(host: ExportHost, result: VersionsResult, shown: CompareResult, inputs: list[Path]) -> Path | None:
    """Ask where, then print the grid to a PDF there (off the UI thread)."""
    target = _target(host, result, inputs, "Export Versions PDF", ".pdf")
    if target is None:
        return None
    job = PrintJob(shown, target=target, build=lambda: grid_document(result), inputs=tuple(inputs))
    return export_pdf_job(host, job, target)


def print_grid(host: ExportHost, result: VersionsResult, shown: CompareResult, printer: QPrinter | None) -> bool:
    """Print the grid (what the versions view is about, as Export PDF writes it) through the
    system dialog, or straight to ``printer`` when one is given; off the UI thread."""
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_page(printer)
        dialog = QPrintDialog(printer, host.window())
        dialog.setWindowTitle("Print Versions Report")
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
    job = PrintJob(shown, printer=printer, build=lambda: grid_document(result))
    problem = run_print_job(host.window(), job, "Printing…")
    if problem is not None and problem != "cancelled":
        host.show_error(problem)
    return problem is None


def grid_html(result: VersionsResult, palette: Palette = LIGHT) -> str:
    """The grid as the simple HTML Qt's rich text lays out (inline colours, no CSS variables)."""
    names = [version_label(v.index) for v in result.versions]
    parts = [f"<h2>{escape(result.base.name)} and {len(names)} versions</h2>"]
    legend = " &nbsp; ".join(
        f'<span style="background-color:{getattr(palette, STATUS_ROLES[status])}">&nbsp;<b>{letter}</b>&nbsp;</span> '
        f"{status.value}"
        for status, letter in STATUS_LETTERS.items()
    )
    parts.append(f"<p>{legend} &nbsp; <b>+</b> added</p>")
    cover = []
    for position, version in enumerate(result.versions):
        shares = ", ".join(f"{name} {share:.0%}" for name, share in coverage(result, position))
        cover.append(f"<li><b>{names[position]}</b> {escape(version.document.name)}: {shares}</li>")
    parts.append(f"<ul>{''.join(cover)}</ul>")
    head = "".join(f'<th width="28">{name}</th>' for name in names)
    rows = []
    for row in grid_rows(result):
        cells = []
        for cell in row.cells:
            if cell is None:
                cells.append("<td></td>")
                continue
            role = ADDED_ROLE if cell.status is None else STATUS_ROLES[cell.status]
            cells.append(f'<td align="center" bgcolor="{getattr(palette, role)}"><b>{cell.letter}</b></td>')
        number = str(row.base + 1) if row.base is not None else "+"
        rows.append(f"<tr><td>{number}</td>{''.join(cells)}<td>{escape(row.text)}</td></tr>")
    parts.append(
        '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
        f"<tr><th>#</th>{head}<th>Sentence</th></tr>{''.join(rows)}</table>"
    )
    return "".join(parts)


def grid_document(result: VersionsResult) -> QTextDocument:
    """The printable grid (built in the print job's thread)."""
    document = QTextDocument()
    font = QFont()
    font.setFamilies(["Charter", "Georgia", "Noto Serif", "DejaVu Serif", "serif"])
    font.setPointSizeF(PRINT_POINT_SIZE)
    document.setDefaultFont(font)
    document.setHtml(grid_html(result))
    return document


__all__ = ["ExportError", "export_html", "export_pdf", "grid_document", "grid_html", "print_grid"]
