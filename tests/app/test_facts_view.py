"""Issue 12, the window: the Facts tab, its jumps, the fact marks in the panes, the status count."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reader.app.palette import DARK
from reader.app.panes.fact_marks import shown_facts
from reader.core.facts.summary import summary
from reader.core.marks import Side
from reader.core.model import FactKind, FactStatus
from reader.resources import demo_pair
from tests.app.helpers import wait_result


def open_demo(qtbot, window):
    a, b = demo_pair()
    comparison = wait_result(qtbot, window, lambda: window.open_paths(a, b)).comparison
    qtbot.waitUntil(lambda: not window.fact_marks.busy)  # marks are placed a slice at a time
    return comparison


def entry_with(window, words: str):
    return next(item for item in window.dock.facts.entries() if words in item.text(0))


def test_the_facts_tab_lists_every_item_grouped_by_kind(qtbot, window) -> None:
    comparison = open_demo(qtbot, window)
    facts = window.dock.facts
    assert facts.count() == len(comparison.facts)
    titles = [facts.topLevelItem(i).text(0) for i in range(facts.topLevelItemCount())]
    assert titles[-1] == "Sentences only in one text (4)"
    lone = facts.groups["one-sided"]
    first = lone.child(0)
    assert first.text(0).endswith("only in B · B 2") and first.childCount() == 1  # the byline
    assert "Daniel Ferreira" in first.child(0).text(0)
    assert titles[0] == "Numbers (2)"  # the third is in a sentence only A has, folded under it
    assert any(title.startswith("Quotations (3 differ, 3 same)") for title in titles)
    assert window.dock.tabs.tabText(1) == f"Facts ({len(shown_facts(comparison))})"
    item = entry_with(window, "9 April")
    first, second = item.text(0).split("\n")
    assert first == "9 April ← 2 April" and second.startswith("changed · A ")
    assert "B: " in item.toolTip(0) and "public meeting" in item.toolTip(0)


def test_the_status_bar_counts_and_opens_the_facts(qtbot, window) -> None:
    comparison = open_demo(qtbot, window)
    button = window.facts_button
    assert button.isVisible() and button.text() == summary(comparison.facts)
    assert button.text().startswith("9 fact changes, 1 altered quotation")
    window.dock.tabs.setCurrentIndex(0)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.dock.tabs.currentWidget() is window.dock.facts


def test_clicking_an_item_shows_both_places_and_tints_its_words(qtbot, window) -> None:
    comparison = open_demo(qtbot, window)
    window.dock.show_facts()
    facts = window.dock.facts
    item = entry_with(window, "Professor Amira Okafor")
    facts.scrollToItem(item)
    rect = facts.visualItemRect(item)
    QTest.mouseClick(facts.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    qtbot.waitUntil(lambda: not window.fact_marks.busy)
    fact = window.fact_marks.chosen
    assert fact is not None and fact.kind is FactKind.NAME and fact.status is FactStatus.CHANGED
    for side, span in ((Side.A, fact.a), (Side.B, fact.b)):
        view = window.panes[side].view
        start = view.pane_map.position(span[0])
        first, last = view.first_visible_position(), view.last_visible_position()
        assert first <= start <= last, (side, start, first, last)
        assert (start, view.pane_map.position(span[1])) in view.fact_ranges()
    words_b = comparison.b.text[fact.b[0] : fact.b[1]]
    assert words_b == "Professor Amira Okafor"


def test_fact_words_carry_marks_and_their_note_in_both_panes(qtbot, window) -> None:
    comparison = open_demo(qtbot, window)
    shown = shown_facts(comparison)
    expected = {}
    for side in Side:
        view = window.panes[side].view
        spans = [f.a if side is Side.A else f.b for f in shown]
        expected[side] = {(view.pane_map.position(s[0]), view.pane_map.position(s[1])) for s in spans if s}
        assert set(view.fact_ranges()) == expected[side] and expected[side]
    view = window.panes[Side.B].view
    fact = next(f for f in shown if f.kind is FactKind.DATE and f.status is FactStatus.CHANGED)
    position = view.pane_map.position(fact.b[0]) + 1
    assert view.fact_note_at(position) == "9 April ← 2 April"
    # The marks follow a theme change (they are rebuilt with the new palette's colours).
    view.set_fact_marks([], [])
    window.apply_palette(DARK)
    qtbot.waitUntil(lambda: not window.fact_marks.busy)
    assert set(window.panes[Side.B].view.fact_ranges()) == expected[Side.B]


def test_the_facts_tab_says_where_a_passage_held_too_many_mentions(qtbot, tmp_path, window) -> None:
    from reader.core.facts.unit_facts import MAX_MENTIONS

    count = MAX_MENTIONS + 10
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Readings: " + ", ".join(str(k) for k in range(count)) + ".", encoding="utf-8")
    b.write_text("Readings: " + ", ".join(str(k + 1) for k in range(count)) + ".", encoding="utf-8")
    comparison = wait_result(qtbot, window, lambda: window.open_paths(a, b)).comparison
    assert comparison.facts_capped == (0,)
    first = window.dock.facts.topLevelItem(0).text(0)
    assert f"only the first {MAX_MENTIONS:,} were compared" in first
