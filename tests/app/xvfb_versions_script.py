"""Run in a real X window (by tests/app/test_xvfb_versions.py): drop three files, Ctrl+2, Ctrl+1."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reader.app.palette import LIGHT
from reader.app.settings import AppSettings
from reader.app.window.main_window import MainWindow
from tests.app.helpers import drop, file_mime
from tests.app.test_versions_window import BASE, V1, V2


def main(folder: Path) -> int:
    app = QApplication([])
    paths = []
    for name, text in (("base.md", BASE), ("v1.md", V1), ("v2.md", V2)):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    window = MainWindow(AppSettings(folder / "settings.ini"), LIGHT, restore_state=False)
    window.show()
    outcome: dict[str, object] = {"shown": []}
    window.versions.version_shown.connect(lambda p: outcome["shown"].append(p))  # type: ignore[union-attr]

    def press(key: Qt.Key) -> None:
        QTest.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        for _ in range(50):
            QTest.qWait(40)

    def run() -> None:
        window.activateWindow()
        QApplication.setActiveWindow(window)  # no window manager on Xvfb gives it the focus
        QTest.qWaitForWindowActive(window, 2000)
        first = {p: e.result.comparison for p, e in window.versions.entries.items()}
        press(Qt.Key.Key_2)
        on_second = window.result is not None and window.result.comparison is first[1]
        press(Qt.Key.Key_1)
        on_first = window.result is not None and window.result.comparison is first[0]
        outcome["ok"] = on_second and on_first and window.versions.tabs.currentIndex() == 0
        app.quit()

    def summary(_result: object) -> None:
        QTimer.singleShot(300, run)

    window.versions.summary_ready.connect(summary)
    QTest.qWaitForWindowExposed(window, 5000)
    drop(window, file_mime(*paths))
    QTimer.singleShot(60_000, app.quit)
    app.exec()
    print("ok" if outcome.get("ok") else f"failed: {outcome}")
    return 0 if outcome.get("ok") else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
