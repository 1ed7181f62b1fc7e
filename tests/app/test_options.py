"""Matching options recompute live in the worker, keep the reading position, and persist."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reader.app.palette import LIGHT
from reader.app.settings import AppSettings
from reader.app.window.main_window import MainWindow
from reader.app.window.menus import LOOSENESS_CHOICES
from reader.core import compare, load_document
from reader.core.marks import Side
from reader.core.model import CompareOptions
from tests.app.conftest import long_article
from tests.app.helpers import wait_result


def test_the_defaults_follow_the_engine(window) -> None:
    default = CompareOptions()
    assert window.actions_.ignore_case.isChecked() == default.ignore_case
    assert window.actions_.ignore_punctuation.isChecked() == default.ignore_punctuation
    assert window.actions_.fold_quotes.isChecked() is True  # quotes and dashes equal by default
    chosen = [a.isChecked() for a in window.actions_.looseness]
    assert chosen.count(True) == 1 and LOOSENESS_CHOICES[chosen.index(True)][1] == default.looseness


def test_an_option_change_recompares_with_the_new_options(qtbot, window, tmp_path) -> None:
    path_a, path_b = tmp_path / "a.txt", tmp_path / "b.txt"
    path_a.write_text("The vote was close; the council agreed.\n\nWork starts in May.\n", encoding="utf-8")
    path_b.write_text("The vote was close, the council agreed!\n\nWork starts in May.\n", encoding="utf-8")
    first = wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    assert (
        first.comparison.stats.words_inserted + first.comparison.stats.words_deleted > 0
        or first.comparison.units[0].kind.value != "identical"
    )
    second = wait_result(qtbot, window, window.actions_.ignore_punctuation.trigger)
    assert second.request.options.ignore_punctuation is True
    assert second.comparison.options.ignore_punctuation is True
    expected = compare(load_document(path_a), load_document(path_b), CompareOptions(ignore_punctuation=True))
    assert second.comparison.units == expected.units
    assert window.summary.text().startswith(f"Similarity {expected.stats.similarity:.0%}")


def test_looseness_from_the_toolbar_and_the_menu_agree(qtbot, window, articles) -> None:
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    result = wait_result(qtbot, window, lambda: window.set_looseness_choice(0))
    assert result.request.options.looseness == LOOSENESS_CHOICES[0][1]
    assert window.actions_.looseness[0].isChecked()
    assert window.actions_.looseness_box.currentIndex() == 0
    expected = compare(load_document(articles[0]), load_document(articles[1]), CompareOptions(looseness=0.0))
    assert result.comparison.only_a == expected.only_a and result.comparison.only_b == expected.only_b
    assert window.dock.count(Side.A) == len(expected.only_a)
    result = wait_result(qtbot, window, window.actions_.looseness[4].trigger)
    assert result.request.options.looseness == 1.0
    assert window.actions_.looseness_box.currentIndex() == 4


def test_a_menu_option_keeps_the_options_the_menu_does_not_show(qtbot, window, articles) -> None:
    # Options set on the window by other means (not in the Matching menu) survive a menu change.
    window.options = replace(window.options, fold_spaces=False, unicode_normalize=False, language="en")
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    result = wait_result(qtbot, window, window.actions_.ignore_punctuation.trigger)
    expected = CompareOptions(ignore_punctuation=True, fold_spaces=False, unicode_normalize=False, language="en")
    assert result.request.options == expected
    assert result.comparison.options == expected
    result = wait_result(qtbot, window, lambda: window.set_looseness_choice(1))
    assert result.request.options == replace(expected, looseness=LOOSENESS_CHOICES[1][1])
    assert window.options == result.request.options


def test_recomputing_keeps_the_reading_position(qtbot, window, tmp_path) -> None:
    path_a, path_b = tmp_path / "a.md", tmp_path / "b.md"
    path_a.write_text(long_article(40), encoding="utf-8")
    path_b.write_text(long_article(40).replace("council", "Council"), encoding="utf-8")
    result = wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    view = window.panes[Side.A].view
    sentence = len(result.comparison.sentences_a) // 2
    view.scroll_sentence_to(sentence, 0)
    before = view.pane_map.sentence_at(view.first_visible_position())
    assert before is not None and before > 10
    wait_result(qtbot, window, window.actions_.ignore_case.trigger)
    after = view.pane_map.sentence_at(view.first_visible_position())
    assert after == before
    assert view.verticalScrollBar().value() > 0


def test_options_round_trip_through_the_settings_file(qtbot, window, private_settings: Path) -> None:
    window.actions_.ignore_case.trigger()
    window.actions_.fold_quotes.trigger()
    window.set_looseness_choice(3)
    window.set_sync_scroll(False)
    window.close()
    stored = AppSettings(private_settings)
    assert stored.compare_options == CompareOptions(
        ignore_case=not CompareOptions().ignore_case, fold_quotes_dashes=False, looseness=LOOSENESS_CHOICES[3][1]
    )
    again = MainWindow(AppSettings(private_settings), LIGHT)
    qtbot.addWidget(again)
    assert again.actions_.ignore_case.isChecked() == (not CompareOptions().ignore_case)
    assert not again.actions_.fold_quotes.isChecked()
    assert again.actions_.looseness[3].isChecked() and again.actions_.looseness_box.currentIndex() == 3
    assert not again.actions_.sync_scroll.isChecked() and not again.reading.sync_enabled
    assert again.options == stored.compare_options


def test_defaults_are_not_written(window, private_settings: Path) -> None:
    window.set_sync_scroll(True)
    window.settings.compare_options = CompareOptions()
    window.settings.sync()
    assert not any(key.startswith(("matching/", "view/sync")) for key in window.settings.keys())  # noqa: SIM118 - AppSettings is no mapping


@pytest.mark.parametrize("written", ["nan", "NaN", "inf", "-inf", "bogus"])
def test_a_hand_edited_looseness_that_is_no_number_in_range_reads_as_the_default(
    private_settings: Path, written: str
) -> None:
    private_settings.write_text(f"[matching]\nlooseness={written}\n", encoding="utf-8")
    stored = AppSettings(private_settings).compare_options.looseness
    assert stored == CompareOptions().looseness
