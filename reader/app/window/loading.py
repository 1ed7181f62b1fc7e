"""What the window shows while the first comparison of a pair is being made.

Without it a large pair given on the command line left "Drop two articles here" on screen
for seconds. The work runs in the child process, so menus, drops and Open stay usable;
a new request simply replaces this one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from reader.app.worker.service import LOAD_SHARE

if TYPE_CHECKING:
    from reader.app.window.main_window import MainWindow

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
    """The status bar's progress while the worker is busy; mixed into MainWindow."""

    def _on_busy(self: MainWindow, busy: bool) -> None:
        if busy:
            self.progress.setRange(0, 0)
            self.progress.setFormat(COMPARING_FORMAT)
            self._busy_timer.start(BUSY_DELAY_MS)
        else:
            self._busy_timer.stop()
            self.progress.hide()
            self.unsetCursor()

    def _reveal_busy(self: MainWindow) -> None:
        self.progress.show()
        self.setCursor(Qt.CursorShape.BusyCursor)

    def _on_stage(self: MainWindow, stage: str) -> None:
        self._stage = stage
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 100)
        self.progress.setFormat(f"{stage_text(stage)} %p%")
        if stage == "painting":
            self._show_progress(1.0)
        self.stage_shown.emit(stage)

    def _show_progress(self: MainWindow, fraction: float) -> None:
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 100)
        if fraction >= LOAD_SHARE and self.progress.format().startswith("Downloading"):
            self.progress.setFormat(COMPARING_FORMAT)  # both sides are read: any download is over
        # The child's work fills the bar to 90 %, painting the rest: it never waits at 100 %.
        self.progress.setValue(bar_value(fraction, self._stage))
        self.loading.show_stage(fraction, self._stage)
