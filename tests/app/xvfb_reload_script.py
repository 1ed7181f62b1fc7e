"""Run in a real X window (by tests/app/test_xvfb_place.py): scroll A, press F5, check B follows."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reader.app.palette import LIGHT
from reader.app.settings import AppSettings
from reader.app.window.main_window import MainWindow
from reader.core.marks import Side
from tests.app.conftest import long_article
from tests.app.test_place import b_is_in_step, top_text


def main(folder: Path) -> int:
    app = QApplication([])
    text = long_article(60)
    extra = "\n\n".join(f"Inserted paragraph {n} says something new about item {n}." for n in range(15))
    path_a, path_b = folder / "a.md", folder / "b.md"
    path_a.write_text(text, encoding="utf-8")
    path_b.write_text(text.replace("Section 10.", extra + "\n\nSection 10."), encoding="utf-8")
    window = MainWindow(AppSettings(folder / "settings.ini"), LIGHT, restore_state=False)
    window.show()
    outcome: dict[str, object] = {}

    def wait(ms: int) -> None:
        QTest.qWait(ms)

    def run() -> None:
        view = window.panes[Side.A].view
        view.scroll_sentence_to(len(window.result.comparison.sentences_a) // 2, 0)
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton)  # focus the pane like a user
        wait(200)
        before = top_text(view)
        window.comparison_shown.connect(lambda _r: outcome.setdefault("reloaded", True))
        window.activateWindow()
        QApplication.setActiveWindow(window)  # no window manager on Xvfb gives it the focus
        QTest.qWaitForWindowActive(window, 2000)
        QTest.keyClick(window, Qt.Key.Key_F5)
        outcome["focus"] = type(QApplication.focusWidget()).__name__
        for _ in range(100):
            if outcome.get("reloaded"):
                break
            wait(100)
        wait(500)
        outcome["ok"] = bool(outcome.get("reloaded")) and top_text(view) == before and b_is_in_step(window)
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 150)
        wait(100)
        outcome["ok"] = outcome["ok"] and b_is_in_step(window)
        app.quit()

    def first_shown(_result: object) -> None:
        if "started" not in outcome:
            outcome["started"] = True
            QTimer.singleShot(300, run)

    window.comparison_shown.connect(first_shown)
    window.open_paths(path_a, path_b)
    QTimer.singleShot(30_000, app.quit)
    app.exec()
    print("ok" if outcome.get("ok") else f"failed: {outcome}")
    return 0 if outcome.get("ok") else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
