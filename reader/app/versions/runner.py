"""The window's end of a versions comparison: one process per request, newest wins.

A request starts a fresh process (``job.serve``, the "spawn" context: never fork a process
running Qt threads); a newer request, or the window closing, terminates the one before. A
Python thread waits on the pipe and unpickles each message (with the collector paused, as the
pairwise worker's link does), so the UI thread only receives finished values, through a
queued signal tagged with the request's serial: a message of an older request is dropped.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import pickle
import threading
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import cast

from PySide6.QtCore import QObject, Signal, Slot

from reader.app.versions.job import JobFailed, JobMessage, SummaryDone, VersionsRequest, serve

STOP_WAIT_S = 1.0


class VersionsRunner(QObject):
    """Runs :class:`VersionsRequest` values; ``message`` carries the latest one's messages."""

    message = Signal(int, object)  # serial, a job.JobMessage
    lost = Signal(int, str)  # serial, why the process ended before its summary
    _arrived = Signal(int, object)
    _ended = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = multiprocessing.get_context("spawn")
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._reader: threading.Thread | None = None
        self._serial = 0
        self._finished = True  # the latest request has sent its last message
        self._arrived.connect(self._deliver)
        self._ended.connect(self._on_ended)

    @property
    def busy(self) -> bool:
        return not self._finished

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def start(self, request: VersionsRequest) -> None:
        """Stop whatever runs and start ``request`` in a new process."""
        self.stop()
        self._serial = request.serial
        self._finished = False
        ours, theirs = self._context.Pipe(duplex=True)
        # Not daemonic: the engine may start worker processes of its own for large texts.
        process = self._context.Process(target=serve, args=(theirs, request), name="tandem-versions", daemon=False)
        process.start()
        theirs.close()
        self._process, self._conn = process, ours
        self._reader = threading.Thread(
            target=self._read_loop, args=(ours, request.serial), name="tandem-versions-reader", daemon=True
        )
        self._reader.start()

    def stop(self) -> None:
        """End the running process (if any); nothing more arrives from it."""
        process, conn, reader = self._process, self._conn, self._reader
        self._process = self._conn = self._reader = None
        self._serial += 1  # anything still queued from it is dropped
        self._finished = True
        if process is None or conn is None:
            return
        conn.close()  # the child's watcher sees end-of-file and exits
        process.join(0.05)
        if process.is_alive():
            process.terminate()  # it holds nothing worth saving
            process.join(STOP_WAIT_S)
        if process.is_alive():
            process.kill()
            process.join()
        if reader is not None:
            reader.join(STOP_WAIT_S)
        with contextlib.suppress(ValueError):
            process.close()

    def _read_loop(self, conn: Connection, serial: int) -> None:
        while True:
            try:
                data = conn.recv_bytes()
            except (EOFError, OSError):
                self._emit(self._ended, serial, "the versions process ended")
                return
            if not self._emit(self._arrived, serial, _decode(data)):
                return

    @staticmethod
    def _emit(signal: object, *args: object) -> bool:
        try:
            signal.emit(*args)  # type: ignore[attr-defined]  # a SignalInstance
        except RuntimeError:  # the window is gone already
            return False
        return True

    @Slot(int, object)
    def _deliver(self, serial: int, message: object) -> None:
        if serial != self._serial:
            return
        if isinstance(message, SummaryDone | JobFailed):
            self._finished = True
        self.message.emit(serial, message)

    @Slot(int, str)
    def _on_ended(self, serial: int, reason: str) -> None:
        if serial == self._serial and not self._finished:
            self._finished = True
            self.lost.emit(serial, reason)


def _decode(data: bytes) -> JobMessage:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        message = cast("JobMessage", pickle.loads(data))
        gc.freeze()  # millions of acyclic objects: keep them out of later collections
        return message
    finally:
        if was_enabled:
            gc.enable()
