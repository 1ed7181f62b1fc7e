"""Long work in the window done a step per turn of the event loop, never all at once.

Filling a book's documents or placing thousands of marks at once would hold the event loop
for a second; a generator that yields between slices, advanced from a zero-delay timer (never
``processEvents``), keeps the window responsive while it runs.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QTimer

Done = TypeVar("Done")


class Steps(Generic[Done]):
    """Advances one generator a step per turn of the event loop; its return value goes to ``finished``."""

    def __init__(self, parent: QObject) -> None:
        self._timer = QTimer(parent)  # dies with its parent, so it never fires after it
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.step)
        self._work: Generator[None, None, Done] | None = None
        self._finished: Callable[[Done], None] | None = None

    @property
    def busy(self) -> bool:
        """True while the work has steps left."""
        return self._work is not None

    def start(self, work: Generator[None, None, Done], finished: Callable[[Done], None] | None = None) -> None:
        """Run ``work`` from the next turn on, replacing any work still running."""
        self._work = work
        self._finished = finished
        self._timer.start()

    def stop(self) -> None:
        """Drop the work without finishing it."""
        self._work = None
        self._finished = None
        self._timer.stop()

    def step(self) -> None:
        """One step now (the timer calls this; tests and callers that must finish may too)."""
        if self._work is None:
            self._timer.stop()
            return
        try:
            next(self._work)
        except StopIteration as done:
            finished = self._finished
            self.stop()
            if finished is not None:
                finished(done.value)
