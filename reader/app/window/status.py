"""The status bar's fixed parts: the comparison summary, the fact-change count, the current difference.

The progress bar beside them belongs to :class:`reader.app.window.loading.BusyIndicator`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton

from reader.core.model import Stats

FACTS_BUTTON_MIN_PX = 40  # set, so the layout may squeeze the count instead of widening the window


def summary_text(stats: Stats) -> str:
    """The status bar line for a comparison."""
    return (
        f"Similarity {stats.similarity:.0%}  ·  {stats.words_inserted:,} words inserted, "
        f"{stats.words_deleted:,} deleted  ·  {stats.sentences_moved:,} sentences moved  ·  "
        f"{stats.sentences_only_a:,} only in A, {stats.sentences_only_b:,} only in B"
    )


def status_widgets() -> tuple[QLabel, QLabel, QToolButton]:
    """The summary line, the current-difference label and the fact-change button (hidden until a result)."""
    summary = QLabel("No comparison yet")
    summary.setObjectName("summary")
    summary.setMinimumWidth(0)
    summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    summary.setAccessibleName("Comparison summary")
    position = QLabel("")
    position.setObjectName("differencePosition")
    position.setAccessibleName("Current difference")
    # Wide enough for the longest text up front, so "difference n of N" is never cut at 1024 px.
    position.setMinimumWidth(position.fontMetrics().horizontalAdvance("difference 9,999 of 9,999") + 8)
    facts = QToolButton()
    facts.setObjectName("factsCount")
    facts.setAutoRaise(True)
    facts.setToolTip("Show what changed in the facts (Ctrl+Shift+U)")
    facts.setAccessibleName("Fact changes")
    # It gives way before the window does: a narrow window keeps its minimum width.
    facts.setMinimumWidth(FACTS_BUTTON_MIN_PX)
    facts.hide()
    return summary, position, facts
