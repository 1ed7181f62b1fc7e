"""What the window shows while the first comparison of a pair is being made.

Without it a large pair given on the command line left "Drop two articles here" on screen
for seconds. The work runs in the child process, so menus, drops and Open stay usable;
a new request simply replaces this one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from reader.app.worker.service import LOAD_SHARE

BUSY_DELAY_MS = 250  # show the status bar's progress only for comparisons that take a noticeable time
COMPARING_FORMAT = "Comparing… %p%"

# Share of the bar each stage ends at: the engine's work fills it up to PAINT_START and the
# window's painting takes the rest, so the bar never sits at 100 % while nothing moves.
PAINT_START = 90
STAGE_TEXT = {
    "reading A": "Reading A…",
    "reading B": "Reading B…",
    "splitting": "Splitting sentences…",
    "aligning": "Aligning sentences…",
    "diffing": "Comparing words…",
    "painting": "Painting…",
}


def stage_text(stage: str) -> str:
    return STAGE_TEXT.get(stage, "Working…")


def bar_value(fraction: float, stage: str) -> int:
    """The bar's percentage for the child's overall ``fraction`` (0..1) in ``stage``."""
    if stage == "painting":
        return PAINT_START + (100 - PAINT_START) // 2
    return max(0, min(PAINT_START, int(fraction * PAINT_START)))


class LoadingState(QWidget):
    """Both names, a progress bar and the current stage."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loadingState")
        self.setAccessibleName("Opening the comparison")
        self.heading = QLabel("Opening…")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.names = {side: QLabel() for side in ("a", "b")}
        for label in self.names.values():
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setAccessibleName("Progress of the comparison")
        self.bar.setFixedWidth(360)
        self.stage = QLabel()
        self.stage.setAccessibleName("Current stage")
        self.stage.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        hint = QLabel("Menus stay usable; opening other files replaces this comparison.")
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        hint.setWordWrap(True)
        hint.setFixedWidth(360)  # wrapping needs a width in a centred layout
        hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for widget in (self.heading, self.names["a"], self.names["b"], self.bar, self.stage, hint):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def start(self, name_a: str | None, name_b: str | None) -> None:
        self.heading.setText("Opening…" if name_a and name_b else "Opening the article…")
        for side, name in (("a", name_a), ("b", name_b)):
            self.names[side].setText(f"{side.upper()}: {name}" if name else f"{side.upper()}: (none yet)")
        self.show_stage(0.0, "reading A")

    def show_stage(self, fraction: float, stage: str) -> None:
        self.bar.setValue(bar_value(fraction, stage))
        self.stage.setText(stage_text(stage))

    def text(self) -> str:
        """Everything the page says, for tests."""
        parts = [self.heading.text(), self.names["a"].text(), self.names["b"].text(), self.stage.text()]
        return "\n".join(parts)


class BusyIndicator:
    """The status bar's progress while the worker is busy: the bar, its stage and the busy cursor.

    ``window`` is the widget whose cursor shows the wait; ``stage_shown`` hears every stage the
    bar names (the window re-emits it as a signal).
    """

    def __init__(self, window: QWidget, loading: LoadingState, stage_shown: Callable[[str], None]) -> None:
        self._window = window
        self._loading = loading
        self._stage_shown = stage_shown
        self.stage = ""  # the stage the bar names now (the child's, then "painting")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setFixedWidth(230)  # room for the longest stage, "Splitting sentences… 99%"
        self.progress.setAccessibleName("Comparison progress")
        self.progress.setFormat(COMPARING_FORMAT)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self._timer = QTimer(window)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._reveal)

    def on_busy(self, busy: bool) -> None:
        if busy:
            self.progress.setRange(0, 0)
            self.progress.setFormat(COMPARING_FORMAT)
            self._timer.start(BUSY_DELAY_MS)
        else:
            self._timer.stop()
            self.progress.hide()
            self._window.unsetCursor()

    def _reveal(self) -> None:
        self.progress.show()
        self._window.setCursor(Qt.CursorShape.BusyCursor)

    def on_stage(self, stage: str) -> None:
        self.stage = stage
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 100)
        self.progress.setFormat(f"{stage_text(stage)} %p%")
        if stage == "painting":
            self.show_progress(1.0)
        self._stage_shown(stage)

    def show_download(self, host: str) -> None:
        """Bytes are arriving from ``host``: the bar's percentage is the comparison's, so say so."""
        self.progress.setFormat(f"Downloading from {host}…")

    def show_progress(self, fraction: float) -> None:
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 100)
        if fraction >= LOAD_SHARE and self.progress.format().startswith("Downloading"):
            self.progress.setFormat(COMPARING_FORMAT)  # both sides are read: any download is over
        # The child's work fills the bar to 90 %, painting the rest: it never waits at 100 %.
        self.progress.setValue(bar_value(fraction, self.stage))
        self._loading.show_stage(fraction, self.stage)
