"""Versions view benchmark (run by hand): ``python benchmarks/versions_gui.py``.

The book (``../shared/benchmarks/revisions/large_a.txt``, 1.2 MB) is the base; its versions
are ``large_b.txt`` and a copy of the base written here with every seventh paragraph left out
and a word changed in every fifth. Measured in this process (``QT_QPA_PLATFORM=offscreen``
unless set otherwise):

* the files given to the window until the first version is painted, and until the summary
  (the grid) is there: all of it runs in the versions process, the window only paints;
* switching the right pane from one version to another once both have been filled in the
  background: ``show_version`` plus the repaint of the window, median and worst of
  ``SWITCHES`` switches (budget 50 ms), with the base at its top and then at its middle
  (where keeping the version level with the base asks Qt for positions deep in the text).
  Nothing is compared again: the Comparison shown is the very object the version had before;
* the window process's memory: its peak (``ru_maxrss``) and what it holds at the end.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REVISIONS = ROOT / ".." / "shared" / "benchmarks" / "revisions"
SWITCHES = 20
BUDGET_MS = 50.0


def edited_copy(text: str) -> str:
    paragraphs = text.split("\n\n")
    kept = [p for number, p in enumerate(paragraphs) if number % 7 != 3]
    return "\n\n".join(p.replace(" the ", " that ", 1) if number % 5 == 0 else p for number, p in enumerate(kept))


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    base = REVISIONS / "large_a.txt"
    if not base.exists():
        print(f"skipped: {base} is absent")
        return 0
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.app.palette import LIGHT
    from reader.app.settings import AppSettings
    from reader.app.window.main_window import MainWindow
    from reader.core.marks import Side

    app = QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        second = Path(folder) / "large_a_edited.txt"
        second.write_text(edited_copy(base.read_text(encoding="utf-8")), encoding="utf-8")
        window = MainWindow(AppSettings(Path(folder) / "settings.ini"), LIGHT, restore_state=False)
        window.resize(1280, 800)
        window.show()
        times: dict[str, float] = {}
        loop = QEventLoop()
        window.versions.version_shown.connect(lambda _p: times.setdefault("first", time.perf_counter()))
        window.versions.summary_ready.connect(
            lambda _r: (times.setdefault("summary", time.perf_counter()), loop.quit())
        )
        window.versions.failed.connect(lambda message: (print("failed:", message), loop.quit()))
        QTimer.singleShot(600_000, loop.quit)
        start = time.perf_counter()
        window.open_versions([base, REVISIONS / "large_b.txt", second])
        loop.exec()
        if "summary" not in times:
            return 1
        window.versions.build_all_now()
        app.processEvents()
        comparisons = {p: entry.result.comparison for p, entry in window.versions.entries.items()}
        switch_ms: dict[str, list[float]] = {}
        for place in ("top", "middle"):
            if place == "middle":
                bar = window.panes[Side.A].view.verticalScrollBar()
                bar.setValue(bar.maximum() // 2)
                app.processEvents()
            switch_ms[place] = []
            for number in range(SWITCHES):
                target = (number + 1) % 2
                began = time.perf_counter()
                window.versions.show_version(target)
                window.repaint()
                switch_ms[place].append((time.perf_counter() - began) * 1000)
                assert window.result is not None and window.result.comparison is comparisons[target]
                app.processEvents()
        held = resident_mb()
        window.close()
    rows = window.versions.panel.model.rowCount()
    print(f"base: {base.name}, {len(comparisons)} versions, {rows:,} grid rows")
    print(f"first version painted: {times['first'] - start:.1f} s; summary (grid): {times['summary'] - start:.1f} s")
    worst_of_all = 0.0
    for place, times_ms in switch_ms.items():
        median, worst = statistics.median(times_ms), max(times_ms)
        worst_of_all = max(worst_of_all, worst)
        verdict = "ok" if worst <= BUDGET_MS else "OVER BUDGET"
        print(
            f"switch, base at its {place}: median {median:.1f} ms, worst {worst:.1f} ms, first {times_ms[0]:.1f} ms"
            f" over {SWITCHES} (budget {BUDGET_MS:.0f} ms) {verdict}"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"window process: peak {peak:.0f} MB, {held:.0f} MB held after the switches")
    return 0 if worst_of_all <= BUDGET_MS else 1


def resident_mb() -> float:
    """The process's resident memory now (Linux), 0 where /proc is absent."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return 0.0
    line = next((line for line in status.splitlines() if line.startswith("VmRSS:")), "VmRSS: 0 kB")
    return int(line.split()[1]) / 1024


if __name__ == "__main__":
    sys.exit(main())
