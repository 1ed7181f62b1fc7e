"""Run by tests/app/test_print_job.py in a process of its own: cancel a long PDF export, then quit.

The cancelled job still prints in its thread; the process must wait for it at exit instead of
destroying a running QThread (which aborts or crashes the process).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from reader.app.palette import LIGHT
from reader.app.printing import job
from reader.app.settings import AppSettings
from reader.app.window.main_window import MainWindow
from tests.app.conftest import ARTICLE_B, long_article


def main(folder: Path) -> int:
    app = QApplication([])
    path_a, path_b = folder / "long-a.md", folder / "long-b.md"
    path_a.write_text(long_article(400), encoding="utf-8")
    path_b.write_text(long_article(400, ARTICLE_B), encoding="utf-8")
    window = MainWindow(AppSettings(folder / "settings.ini"), LIGHT, restore_state=False)
    window.show()
    target = folder / "cancelled.pdf"
    window.choose_save_path = lambda *_: target  # type: ignore[method-assign]
    shown: list[bool] = []
    window.comparison_shown.connect(lambda _result: shown.append(True))
    window.open_paths(path_a, path_b)
    while not shown:
        app.processEvents()

    def press_cancel() -> None:
        dialog = window.findChild(QProgressDialog)
        if dialog is not None:
            dialog.canceled.emit()

    QTimer.singleShot(150, press_cancel)
    window.export_pdf()
    still_running = bool(job._RUNNING)
    print("job still running at exit:", still_running)
    window.close()
    return 0 if still_running else 3  # 3: the export ended before the cancel, nothing was tested


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
