"""GUI speed benchmark (run by hand): ``python benchmarks/gui.py``.

Measures, each in a fresh process with ``QT_QPA_PLATFORM=offscreen`` unless set otherwise:

* start to a painted window with the demo pair (budget 0.6 s),
* files dropped to both panes highlighted, medium and large revision pairs (1 s / 3 s),
* repaint time while scrolling the large pair (16 ms),
* peak memory with the large pair loaded (500 MB).

The revision pairs live in ``../shared/benchmarks/revisions`` (relative to the project
root); those rows are skipped with a message when that folder is absent.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REVISIONS = ROOT / ".." / "shared" / "benchmarks" / "revisions"
REPEATS = 3
SCROLL_STEPS = 60


def wait_for(signal: object, finished: object) -> None:
    """Block in a Qt event loop (sleeping, as a real app does) until ``signal`` fired."""
    from PySide6.QtCore import QEventLoop

    if finished():
        return
    loop = QEventLoop()
    signal.connect(loop.quit)
    loop.exec()


def child_startup() -> dict[str, float]:
    """Runs in the child: everything from the first import to the comparison painted."""
    from PySide6.QtWidgets import QApplication

    from reader.app.launch import APP_ID  # noqa: F401 - import cost is part of start-up
    from reader.app.palette import LIGHT
    from reader.app.settings import AppSettings
    from reader.app.window.main_window import MainWindow

    QApplication([])
    window = MainWindow(AppSettings(Path(os.environ["TANDEM_SETTINGS"])), LIGHT, restore_state=False)
    window.show()
    shown: list[float] = []
    window.comparison_shown.connect(lambda _r: (window.repaint(), shown.append(time.time())))
    window.open_demo()
    wait_for(window.comparison_shown, lambda: bool(shown))
    window.close()
    return {"painted_at": shown[0]}


def child_drop(pair: str) -> dict[str, float]:
    """Drop both files on the window; time until both panes are highlighted and painted."""
    import resource

    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    from reader.app.palette import LIGHT
    from reader.app.settings import AppSettings
    from reader.app.window.main_window import MainWindow
    from reader.core.marks import Side

    app = QApplication([])
    window = MainWindow(AppSettings(Path(os.environ["TANDEM_SETTINGS"])), LIGHT, restore_state=False)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(REVISIONS / f"{pair}_{side}.txt")) for side in "ab"])
    views = [window.panes[side].view for side in Side]
    done: list[float] = []

    def painted(_result: object) -> None:
        for view in views:
            view.viewport().repaint()
        done.append(time.perf_counter())

    window.comparison_shown.connect(painted)
    pos = QPointF(window.rect().center())
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    started = time.perf_counter()
    QApplication.sendEvent(window, QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, buttons, modifiers))
    QApplication.sendEvent(window, QDropEvent(pos, Qt.DropAction.CopyAction, mime, buttons, modifiers))
    wait_for(window.comparison_shown, lambda: bool(done))
    figures = {"drop_to_highlighted": done[0] - started, "worker": window.result.seconds}
    # Scrolling: move a page at a time through pane A and time each repaint.
    view = views[0]
    bar = view.verticalScrollBar()
    repaint_ms = []
    for _ in range(SCROLL_STEPS):
        bar.setValue(bar.value() + bar.pageStep())
        tick = time.perf_counter()
        view.viewport().repaint()
        repaint_ms.append((time.perf_counter() - tick) * 1000)
    figures["scroll_median_ms"] = statistics.median(repaint_ms)
    figures["scroll_p95_ms"] = sorted(repaint_ms)[int(len(repaint_ms) * 0.95) - 1]
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    return figures


def run_child(*args: str) -> dict[str, float]:
    env = {**os.environ, "TANDEM_SETTINGS": str(Path(tempfile.gettempdir()) / "tandem-bench.ini")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    started = time.time()
    done = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"benchmark child {args} failed:\n{done.stderr}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["launched_at"] = started
    return figures


def main() -> int:
    rows: list[tuple[str, str, str, bool]] = []
    startups = []
    for _ in range(REPEATS):
        figures = run_child("startup")
        startups.append(figures["painted_at"] - figures["launched_at"])
    startup = statistics.median(startups)
    rows.append(("start to painted window (demo pair)", f"{startup:.2f} s", "0.6 s", startup <= 0.6))
    if not REVISIONS.is_dir():
        print(f"Skipping the revision pairs: {REVISIONS.relative_to(ROOT.parent)} is absent.")
    else:
        medium = min((run_child("drop", "medium") for _ in range(REPEATS)), key=lambda f: f["drop_to_highlighted"])
        large = run_child("drop", "large")
        rows += [
            (
                "drop to highlighted, medium pair",
                f"{medium['drop_to_highlighted']:.2f} s (engine {medium['worker']:.2f} s)",
                "1 s",
                medium["drop_to_highlighted"] <= 1.0,
            ),
            (
                "drop to highlighted, large pair",
                f"{large['drop_to_highlighted']:.2f} s (engine {large['worker']:.2f} s)",
                "3 s",
                large["drop_to_highlighted"] <= 3.0,
            ),
            (
                "scroll repaint, large pair (median / p95)",
                f"{large['scroll_median_ms']:.1f} / {large['scroll_p95_ms']:.1f} ms",
                "16 ms",
                large["scroll_p95_ms"] <= 16,
            ),
            ("peak memory, large pair", f"{large['peak_mb']:.0f} MB", "500 MB", large["peak_mb"] <= 500),
        ]
    width = max(len(row[0]) for row in rows)
    print(f"{'measure':<{width}}  {'measured':<28}  {'budget':<7}  ok")
    for name, measured, budget, ok in rows:
        print(f"{name:<{width}}  {measured:<28}  {budget:<7}  {'yes' if ok else 'NO'}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        sys.path.insert(0, str(ROOT))
        result = child_startup() if sys.argv[2] == "startup" else child_drop(sys.argv[3])
        print(json.dumps(result))
        sys.exit(0)
    sys.exit(main())
