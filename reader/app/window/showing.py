"""Showing a comparison in the window: the panes, the lists, the status bar and the title.

One path for a pair just compared and for a kept version of the versions view (whose views
already hold their documents: only what follows the comparison shown is set).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from reader.app.panes.navigation import Links
from reader.app.panes.staged_paint import Built
from reader.app.sources import local_paths, same_local_file, same_pair
from reader.app.window.status import summary_text
from reader.app.worker.service import CompareResult
from reader.core.facts.summary import summary as facts_summary
from reader.core.marks import Side
from reader.core.text.tokens import count_words

if TYPE_CHECKING:
    from reader.app.window.main_window import MainWindow


def show_painted(window: MainWindow, result: CompareResult, built: Built | None) -> None:
    """Show a pair just compared (its documents ``built`` already, for a large one), keeping the
    place when the same files come again; say what the reader should know about them."""
    previous = window.result
    window.result = result
    request = result.request
    same_files = previous is not None and same_pair(
        (previous.request.path_a, previous.request.path_b), (request.path_a, request.path_b)
    )
    tops = window.reading.top_offsets() if same_files else None
    try:
        render(window, result, built)
        window.reading.restore_offsets(tops)
    except Exception as error:  # noqa: BLE001 - a rendering bug must not take the window down
        window.result = previous
        window.show_failure(request, f"Could not display the comparison: {type(error).__name__}: {error}")
        return
    window.paths = {Side.A: request.path_a, Side.B: request.path_b}
    warnings = [
        f"{side.value.upper()}: {warning}"
        for side, content in ((Side.A, result.a), (Side.B, result.b))
        if content is not None
        for warning in content.document.warnings
    ]
    if same_local_file(request.path_a, request.path_b):
        warnings.insert(0, "A and B are the same file, so nothing differs; open another version on one side.")
    if warnings:
        window.show_message("  ".join(warnings), "info")
    else:
        window.message_bar.dismiss()
    if result.comparison is not None and result.a and result.b:
        window.settings.add_recent_pair(result.a.path, result.b.path)
    # Links have no file to watch; Reload fetches them again.
    window.watcher.watch(local_paths(request.path_a, request.path_b))
    window.comparison_shown.emit(result)


def render(window: MainWindow, result: CompareResult, built: Built | None = None, links: Links | None = None) -> None:
    """Fill the panes (``built``: documents already filled; ``links``: the views already hold
    them, these are their links) and everything that follows the comparison shown."""
    comparison = result.comparison
    for side, content in ((Side.A, result.a), (Side.B, result.b)):
        words = None
        if content is not None:
            if comparison is not None:
                words = comparison.stats.words_a if side is Side.A else comparison.stats.words_b
            else:
                words = count_words(content.document.text)
        if links is None:
            window.panes[side].show_content(content, window.formats[side], words, (built or {}).get(side))
        else:
            window.panes[side].show_header(content, words)
    if built is None and links is None:
        window.dock.show_comparison(comparison)
    else:  # a large pair: list it on the next turn, so the swap and the lists wait apart

        def list_later() -> None:
            if window.result is result:
                window.dock.show_comparison(comparison)

        QTimer.singleShot(0, list_later)
    window.reading.set_comparison(comparison, links)
    window.fact_marks.show(comparison)
    window.facts_button.setVisible(comparison is not None)
    if comparison is not None:
        window.facts_button.setText(facts_summary(comparison.facts))
    window.legend.setVisible(comparison is not None)
    has_any = result.a is not None or result.b is not None
    window.stack.setCurrentWidget(window.splitter if has_any else window.empty_state)
    if comparison is not None:
        window.summary.setText(summary_text(comparison.stats))
    else:
        missing = "B" if result.b is None else "A"
        window.summary.setText(f"Open article {missing} to compare")
    names = [content.path.name for content in (result.a, result.b) if content is not None]
    window.setWindowTitle(" ↔ ".join(names) + " — Tandem" if names else "Tandem")
