"""Issue 13, item 4: sidebar entries wrap, say where they sit, keep the full text in the tooltip."""

from __future__ import annotations

from reader.core.marks import Side
from tests.app.helpers import wait_result


def test_entries_show_their_section_and_the_full_text_in_the_tooltip(qtbot, window, tmp_path) -> None:
    path_a, path_b = tmp_path / "a.md", tmp_path / "b.md"
    long_sentence = (
        "This closing remark about the archive " + "and its many boxes of letters " * 8 + "appears only here."
    )
    path_a.write_text("# Report\n\n## The archive\n\nThe archive opened in May.\n", encoding="utf-8")
    path_b.write_text(f"# Report\n\n## The archive\n\nThe archive opened in May. {long_sentence}\n", encoding="utf-8")
    wait_result(qtbot, window, lambda: window.open_paths(path_a, path_b))
    assert window.dock.groups[Side.B].text(0) == "Only in B (1)"
    item = window.dock.item_for(Side.B, 0)
    preview, where = item.text(0).split("\n")
    assert preview.endswith("…") and len(preview) <= 90
    assert "The archive" in where
    assert long_sentence in item.toolTip(0)
    assert window.dock.tree.wordWrap()


def test_the_empty_message_is_not_cut_off_at_1024_by_700(qtbot, window) -> None:
    window.resize(1024, 700)
    qtbot.wait(50)
    tree = window.dock.tree
    item = tree.topLevelItem(0)
    rect = tree.visualItemRect(item)
    lines = item.text(0).split("\n")
    assert rect.right() <= tree.viewport().width()
    assert max(tree.fontMetrics().horizontalAdvance(line) for line in lines) <= rect.width()
    assert rect.height() >= len(lines) * tree.fontMetrics().lineSpacing()
