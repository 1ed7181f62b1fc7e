"""``tandem [A] [B] [--demo] [--screenshot PNG] [--smoke-test] [--new-window] [--theme ...]``: run the window."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLoggingCategory, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from reader.app.file_open import FileOpenRouter, install_file_open_router
from reader.app.instance import forward_to_running, serve_window
from reader.app.palette import Palette, Theme
from reader.app.platform_check import xcb_problem
from reader.app.settings import AppSettings
from reader.app.sources import Source
from reader.app.theme import apply_theme
from reader.app.window.main_window import DEFAULT_SIZE, MainWindow
from reader.app.worker.service import CompareResult
from reader.core.outputs import output_conflict, write_output
from reader.core.printable import one_line
from reader.resources import demo_pair

APP_ID = "io.github.tandem_reader.Tandem"
SCREENSHOT_TIMEOUT_S = 120
SETTLE_MS = 150  # let layout finish and the first paint happen before grabbing


__all__ = ["APP_ID", "run"]


def run(args: argparse.Namespace) -> int:
    """Show the window for ``args`` (parsed by :func:`reader.cli.build_parser`), run until it closes."""
    if (args.demo or args.smoke_test) and (args.a or args.b):
        print("tandem: --demo and --smoke-test open the sample pair; do not also name files", file=sys.stderr)
        return 2
    started = time.perf_counter()
    # A running Tandem takes the files (or just comes to the front) and this launch ends.
    single_instance = not (args.screenshot or args.smoke_test or args.new_window)
    if single_instance and forward_to_running(_requested_paths(args)):
        return 0
    if QApplication.instance() is None:
        problem = xcb_problem()  # before Qt's own abort, which names the wrong library
        if problem:
            print(problem, file=sys.stderr)
            return 1
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "tandem"])
    assert isinstance(app, QApplication)
    QGuiApplication.setDesktopFileName(APP_ID)
    # Before the event loop runs: macOS delivers the files a launch was asked to open as events.
    file_open = install_file_open_router(app)
    app.setOrganizationName("Tandem")
    app.setApplicationName("Tandem")
    # Fonts without OpenType tables trigger harmless per-script warnings on minimal systems.
    QLoggingCategory.setFilterRules("qt.text.font.db.warning=false")
    settings = AppSettings()
    theme = args.theme or settings.theme  # the flag overrides the saved choice for this run only
    palette = apply_theme(app, theme)
    screenshot: Path | None = args.screenshot
    if screenshot is not None:
        problem = output_conflict(screenshot, [p for p in (args.a, args.b) if isinstance(p, Path)])
        if problem:
            print(f"tandem: {one_line(str(screenshot))}: {problem}", file=sys.stderr)
            return 2
    unattended = screenshot is not None or args.smoke_test  # never touch the user's saved layout
    scratch: tempfile.TemporaryDirectory[str] | None = None
    if unattended:
        # Opening files records recent pairs and folders; an unattended run writes those to a
        # throwaway store, reading only the user's matching options from the real one.
        scratch = tempfile.TemporaryDirectory(prefix="tandem-settings-")
        user_options = settings.compare_options
        settings = AppSettings(Path(scratch.name) / "settings.ini")
        settings.compare_options = user_options
    try:
        return _run_window(app, args, settings, palette, theme, started, unattended, file_open)
    finally:
        app.removeEventFilter(file_open)
        file_open.deleteLater()
        if scratch is not None:
            scratch.cleanup()


def _run_window(
    app: QApplication,
    args: argparse.Namespace,
    settings: AppSettings,
    palette: Palette,
    theme: str | Theme,
    started: float,
    unattended: bool,
    file_open: FileOpenRouter,
) -> int:
    screenshot: Path | None = args.screenshot
    single_instance = not (args.screenshot or args.smoke_test or args.new_window)
    window = MainWindow(settings, palette, restore_state=not unattended, theme=theme)
    if unattended:
        window.persist_settings = False
        window.resize(*DEFAULT_SIZE)
    window.show()
    window.service.start()  # the comparison process starts now, not when the first request waits for it
    if single_instance:
        serve_window(window)
    file_open.attach(window)
    if args.demo or args.smoke_test:
        window.open_demo()
    elif args.a or args.b:
        window.open_paths(args.a, args.b)
    if args.smoke_test:
        return _run_smoke_test(app, window, started)
    if screenshot is None:
        return app.exec()
    return _run_for_screenshot(app, window, screenshot, expect_result=bool(args.demo or args.a or args.b))


def _run_for_screenshot(app: QApplication, window: MainWindow, target: Path, expect_result: bool) -> int:
    outcome = {"code": 0}

    def save_and_quit(code: int) -> None:
        app.processEvents()
        image = window.grab()
        png = QByteArray()
        buffer = QBuffer(png)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        try:
            if not image.save(buffer, "PNG"):
                raise OSError("the image could not be encoded")
            write_output(target, bytes(png.data()))
        except (OSError, ValueError) as error:
            reason = getattr(error, "strerror", None) or error
            print(f"tandem: cannot write the screenshot to {one_line(str(target))} ({reason})", file=sys.stderr)
            code = 1
        outcome["code"] = code
        window.close()
        app.exit(code)

    def on_failure(message: str) -> None:
        print(f"tandem: {message}", file=sys.stderr)
        QTimer.singleShot(SETTLE_MS, lambda: save_and_quit(1))

    def on_shown(_result: CompareResult) -> None:
        QTimer.singleShot(SETTLE_MS, lambda: save_and_quit(0))

    def on_timeout() -> None:
        print(f"tandem: the comparison did not finish within {SCREENSHOT_TIMEOUT_S} s", file=sys.stderr)
        save_and_quit(1)

    if expect_result:
        window.comparison_shown.connect(on_shown)
        window.failure_shown.connect(on_failure)
        QTimer.singleShot(SCREENSHOT_TIMEOUT_S * 1000, on_timeout)
    else:
        QTimer.singleShot(SETTLE_MS, lambda: save_and_quit(0))
    app.exec()
    return outcome["code"]


def _requested_paths(args: argparse.Namespace) -> list[Source]:
    if args.demo:
        return list(demo_pair())
    return [path for path in (args.a, args.b) if path is not None]


def _run_smoke_test(app: QApplication, window: MainWindow, started: float) -> int:
    """Exit 0 once the demo pair is compared and painted; 1 on failure, timeout or a blank window."""
    outcome = {"code": 1}

    def finish(code: int, message: str) -> None:
        print(f"tandem: smoke test {message}", file=sys.stderr if code else sys.stdout)
        outcome["code"] = code
        window.close()
        app.exit(code)

    def check_painted() -> None:
        app.processEvents()
        image = window.grab().toImage()
        # A real rendering has text, highlights and chrome; a blank or failed one has a few colours.
        colours = {image.pixel(x, y) for y in range(0, image.height(), 9) for x in range(0, image.width(), 9)}
        if len(colours) < 8:
            finish(1, f"failed: the window looks blank ({len(colours)} colours)")
        else:
            finish(0, f"passed: the sample pair was painted {time.perf_counter() - started:.2f} s after start")

    window.comparison_shown.connect(lambda _result: QTimer.singleShot(SETTLE_MS, check_painted))
    window.failure_shown.connect(lambda message: finish(1, f"failed: {message}"))
    QTimer.singleShot(
        SCREENSHOT_TIMEOUT_S * 1000, lambda: finish(1, f"failed: nothing shown within {SCREENSHOT_TIMEOUT_S} s")
    )
    app.exec()
    return outcome["code"]
