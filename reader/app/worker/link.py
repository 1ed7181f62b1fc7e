"""The window's end of the comparison process: start, send, receive, replace, stop.

A Python thread waits on the pipe (blocking there costs the window nothing: the wait
releases the GIL) and decodes each message before handing it to the UI thread through a
queued Qt signal. Decoding the 1.2 MB sample book takes ~0.3-0.5 s with the garbage
collector on and ~0.12 s with it paused; done in this thread, the UI thread keeps running
(measured: longest gap 13 ms), so the result never has to be unpickled on the UI thread.
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

from PySide6.QtCore import QObject, Signal, SignalInstance, Slot

from reader.app.worker.child import PICKLE_PROTOCOL, serve
from reader.app.worker.messages import FromChild, Quit, ToChild

QUIT_WAIT_S = 1.0  # a polite quit; then terminate, then kill
_COLLECTOR_LOCK = threading.Lock()


class ProcessLink(QObject):
    """One persistent child process at a time; ``message`` carries its decoded messages."""

    message = Signal(object)  # a FromChild message, for the current process only
    lost = Signal(str)  # the child ended without being asked to
    _arrived = Signal(int, object)  # generation, message (from the reader thread)
    _ended = Signal(int, str)  # generation, reason

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = multiprocessing.get_context("spawn")  # never fork a process running Qt threads
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._reader: threading.Thread | None = None
        self._generation = 0
        self._arrived.connect(self._deliver)
        self._ended.connect(self._on_ended)

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def is_alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def ensure_started(self) -> None:
        if self._process is not None:
            return
        self._generation += 1
        ours, theirs = self._context.Pipe(duplex=True)
        process = self._context.Process(target=serve, args=(theirs,), name="tandem-compare", daemon=True)
        process.start()
        theirs.close()  # only the child holds its end now, so its death reads as end-of-file here
        self._process, self._conn = process, ours
        self._reader = threading.Thread(
            target=self._read_loop, args=(ours, self._generation), name="tandem-compare-reader", daemon=True
        )
        self._reader.start()

    def send(self, message: ToChild) -> None:
        """Send ``message``, starting the process first if needed (and again if it died)."""
        if self._process is not None and not self._process.is_alive():
            self._end_process()
        self.ensure_started()
        assert self._conn is not None
        try:
            self._conn.send_bytes(pickle.dumps(message, protocol=PICKLE_PROTOCOL))
        except OSError as error:  # the child died between the check and the write
            self._end_process()
            self.lost.emit(f"the comparison process ended: {error}")

    def restart(self) -> None:
        self._end_process()
        self.ensure_started()

    def stop(self) -> None:
        self._end_process()

    def _end_process(self) -> None:
        """Ask the child to quit; terminate it if it does not; never leave it running."""
        process, conn, reader = self._process, self._conn, self._reader
        self._process = self._conn = self._reader = None
        self._generation += 1  # anything still arriving from it is ignored
        if process is None or conn is None:
            return
        with contextlib.suppress(OSError):
            conn.send_bytes(pickle.dumps(Quit(), protocol=PICKLE_PROTOCOL))
        process.join(QUIT_WAIT_S if process.is_alive() else 0)
        if process.is_alive():
            process.terminate()  # stuck in the engine; it holds nothing worth saving
            process.join(QUIT_WAIT_S)
        if process.is_alive():
            process.kill()
            process.join()
        if reader is not None:
            reader.join(QUIT_WAIT_S)  # it sees end-of-file now that the child is gone
        conn.close()
        process.close()

    def _read_loop(self, conn: Connection, generation: int) -> None:
        while True:
            try:
                data = conn.recv_bytes()
            except (EOFError, OSError):
                self._emit(self._ended, generation, "the process exited")
                return
            message = _decode(data)
            if not self._emit(self._arrived, generation, message):
                return

    @staticmethod
    def _emit(signal: SignalInstance, *args: object) -> bool:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window is gone already; nobody to tell
            return False
        return True

    @Slot(int, object)
    def _deliver(self, generation: int, message: object) -> None:
        if generation == self._generation:
            self.message.emit(message)

    @Slot(int, str)
    def _on_ended(self, generation: int, reason: str) -> None:
        if generation == self._generation:
            self._end_process()
            self.lost.emit(reason)


def _decode(data: bytes) -> FromChild:
    """Unpickle with the collector paused: a result is millions of new objects, and each
    young-generation overflow would otherwise trigger collections (3-4x slower, measured)."""
    with _COLLECTOR_LOCK:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            message = cast("FromChild", pickle.loads(data))  # the child sends nothing else
            # Move the new objects out of the collector's generations: otherwise the first
            # collection after re-enabling scans all of them on whichever thread allocates next
            # (the UI's, for half a second on a book). They hold no reference cycles and are
            # freed by reference counting when the result is replaced, frozen or not.
            gc.freeze()
            return message
        finally:
            if was_enabled:
                gc.enable()
