"""Lay out and print (or write the PDF of) a comparison off the UI thread.

Measured on ../shared/benchmarks/revisions: the medium pair takes 1.6 s to lay out and print
to PDF, the 1.2 MB large pair 30 s, nearly all inside one QTextDocument.print_ call. Qt
releases the GIL there and QTextDocument may live in any thread, so the job builds and prints
the document in its own QThread while the window shows a progress dialog and stays live.
"""

from __future__ import annotations

import atexit
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEventLoop, QThread, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog, QStatusBar, QWidget

from reader.app.printing.document import ExportError, build_print_document, export_pdf, write_pdf
from reader.app.settings import AppSettings
from reader.app.worker.service import CompareResult

DIALOG_DELAY_MS = 400  # quick exports finish without a dialog flashing up


class PrintJob(QThread):
    """Builds the print document in this thread and prints it to ``printer`` or a PDF at ``target``."""

    succeeded = Signal()
    failed = Signal(str)

    def __init__(
        self,
        result: CompareResult,
        *,
        target: Path | None = None,
        printer: QPrinter | None = None,
        build: Callable[[], QTextDocument] | None = None,
        inputs: tuple[Path, ...] = (),
    ) -> None:
        """``build`` makes another document than the side-by-side one (the versions grid);
        ``inputs`` are then the files its PDF may not overwrite."""
        super().__init__()
        self.result = result
        self.target = target
        self.printer = printer
        self.build = build
        self.inputs = inputs

    def run(self) -> None:
        try:
            if self.build is not None and self.target is not None:
                write_pdf(self.build(), self.target, list(self.inputs))
            elif self.build is not None:
                assert self.printer is not None
                self.build().print_(self.printer)
            elif self.target is not None:
                export_pdf(self.result, self.target)
            else:
                assert self.printer is not None
                build_print_document(self.result).print_(self.printer)
        except ExportError as error:
            self.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - a printing bug must not take the window down
            self.failed.emit(f"Could not print: {type(error).__name__}: {error}")
        else:
            self.succeeded.emit()


def run_print_job(parent: QWidget, job: PrintJob, label: str) -> str | None:
    """Run ``job`` while the window stays responsive; None on success, else the reason.

    A modal progress dialog (after a short delay) blocks other commands; Cancel abandons the
    job: Qt cannot stop a print midway, so a PDF being written is removed once it ends.
    """
    outcome: dict[str, str | None] = {"error": None}
    loop = QEventLoop()
    dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
    dialog.setWindowTitle("Tandem")
    dialog.setMinimumDuration(DIALOG_DELAY_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def failed(message: str) -> None:
        outcome["error"] = message

    def cancelled() -> None:
        outcome["error"] = "cancelled"
        if job.target is not None:
            target = job.target
            job.finished.connect(lambda: target.unlink(missing_ok=True))
            # Cancel pressed just as the job ended: ``finished`` is already gone, remove it now.
            if job.isFinished():
                target.unlink(missing_ok=True)
        loop.quit()

    job.failed.connect(failed)
    job.finished.connect(loop.quit)
    dialog.canceled.connect(cancelled)
    job.start()
    dialog.setValue(0)  # starts the delay timer of the dialog
    loop.exec()  # ``finished`` is queued to this thread, so it ends the loop even if already emitted
    dialog.canceled.disconnect(cancelled)  # closing a QProgressDialog emits ``canceled``
    dialog.close()
    dialog.deleteLater()
    if outcome["error"] != "cancelled":
        job.wait()
    _keep_alive(job)
    return outcome["error"]


class ExportHost(Protocol):
    """What an export tells the window: its errors, its status bar, the folder it remembers."""

    settings: AppSettings

    def show_error(self, message: str) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def window(self) -> QWidget: ...  # the top-level widget: the parent of dialogs and print jobs


def written(host: ExportHost, target: Path, what: str) -> Path:
    """Say that ``what`` was written to ``target``; the next export starts in its folder."""
    host.settings.export_directory = str(target.parent)
    host.statusBar().showMessage(f"{what} written to {target.name}", 5000)
    return target


def export_pdf_job(host: ExportHost, job: PrintJob, target: Path) -> Path | None:
    """Run a job that writes the PDF at ``target``; the path, or None if cancelled or failed."""
    problem = run_print_job(host.window(), job, f"Writing {target.name}…")
    if problem == "cancelled":
        host.statusBar().showMessage("PDF export cancelled", 5000)
        return None
    if problem is not None:
        host.show_error(problem)
        return None
    return written(host, target, "PDF")


_RUNNING: set[PrintJob] = set()


def _keep_alive(job: PrintJob) -> None:
    # A cancelled job still runs to its end: keep a reference until then (Qt aborts on a
    # QThread destroyed while running).
    if job.isFinished():
        return
    if not _RUNNING:
        atexit.register(finish_running_jobs)  # at most once per batch; a second call finds none
    _RUNNING.add(job)
    job.finished.connect(lambda: _RUNNING.discard(job))


def finish_running_jobs() -> None:
    """Wait for cancelled jobs still printing: quitting with one running crashed the process."""
    for job in list(_RUNNING):
        job.wait()
    _RUNNING.clear()
