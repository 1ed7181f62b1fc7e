"""A shown file rewritten on disk is reloaded; a deleted one is reported and its text kept."""

from __future__ import annotations

import os

from reader.core.marks import Side
from tests.app.conftest import ARTICLE_A
from tests.app.helpers import WAIT_MS, wait_result

NEW_SENTENCE = "A brand new closing sentence was added by the editor."


def pane_text(window, side: Side) -> str:
    return window.panes[side].view.document().toPlainText()


def test_rewriting_a_file_reloads_it(qtbot, window, articles) -> None:
    path_a, path_b = articles
    wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    assert NEW_SENTENCE not in pane_text(window, Side.A)
    result = wait_result(
        qtbot, window, lambda: path_a.write_text(ARTICLE_A + "\n" + NEW_SENTENCE + "\n", encoding="utf-8")
    )
    assert NEW_SENTENCE in result.a.document.text
    assert NEW_SENTENCE in pane_text(window, Side.A)
    assert result.comparison.only_a, "the added sentence exists only in A"


def test_an_editor_that_replaces_the_file_is_followed(qtbot, window, articles) -> None:
    path_a, path_b = articles
    wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))

    def save_like_an_editor(text: str) -> None:
        temporary = path_a.with_name(".library-v1.md.swp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path_a)

    wait_result(qtbot, window, lambda: save_like_an_editor(ARTICLE_A + "\n" + NEW_SENTENCE + "\n"))
    assert NEW_SENTENCE in pane_text(window, Side.A)
    # The path is watched again after the replace: a second save is noticed too.
    wait_result(qtbot, window, lambda: save_like_an_editor(ARTICLE_A))
    assert NEW_SENTENCE not in pane_text(window, Side.A)


def test_a_deleted_file_is_reported_and_its_text_stays(qtbot, window, articles) -> None:
    path_a, path_b = articles
    wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    shown = pane_text(window, Side.B)
    path_b.unlink()
    qtbot.waitUntil(lambda: "no longer exists" in window.message_bar.text(), timeout=WAIT_MS)
    assert path_b.name in window.message_bar.text()
    assert pane_text(window, Side.B) == shown
    assert window.result is not None and window.result.comparison is not None


def test_reload_keeps_the_reading_position(qtbot, window, tmp_path) -> None:
    from tests.app.conftest import long_article

    path_a, path_b = tmp_path / "a.md", tmp_path / "b.md"
    path_a.write_text(long_article(40), encoding="utf-8")
    path_b.write_text(long_article(38), encoding="utf-8")
    result = wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    view = window.panes[Side.A].view
    view.scroll_sentence_to(len(result.comparison.sentences_a) // 2, 0)
    top_text = view.document().toPlainText()[view.first_visible_position() :][:60]
    wait_result(qtbot, window, lambda: path_b.write_text(long_article(39), encoding="utf-8"))
    assert view.document().toPlainText()[view.first_visible_position() :][:60] == top_text
