"""Shared fixtures for the window tests: offscreen Qt, a private settings file, sample articles."""

from __future__ import annotations

import os

# Before any QApplication exists: tests never need a display (the Xvfb test sets its own).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.app.palette import LIGHT
from reader.app.settings import SETTINGS_ENV, AppSettings
from reader.app.window.main_window import MainWindow

ARTICLE_A = """# The Library on Mill Street

By Ana Ruiz

The town library on Mill Street will close for renovation in March. The council approved the budget of two million euros last week. Work is expected to take eighteen months.

During the closure, a temporary reading room will open in the old post office. Children's story hours will continue on Saturday mornings. The mobile library van will visit the northern villages twice a week.

The building dates from 1911 and was last modernised in the 1970s. Its roof has leaked for years, and the heating system often fails in winter.

Residents can return borrowed books to any school in the district. Late fees will be waived until the library reopens.
"""

ARTICLE_B = """# The Library on Mill Street

By Ana Ruiz

The town library on Mill Street will shut for renovation in April. The council approved the budget of 2.4 million euros last week. Work is expected to take eighteen months.

The building dates from 1911 and was last modernised in the 1970s. Its roof has leaked for years, and the heating system often fails in winter.

During the closure, a temporary reading room will open in the old post office. Story hours for children will carry on every Saturday morning.

Residents can return borrowed books to any school in the district. Late fees will be waived until the library reopens. A public meeting about the new design is planned for May.
"""


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own settings file; the user's settings are never read or written."""
    path = tmp_path / "tandem-settings.ini"
    monkeypatch.setenv(SETTINGS_ENV, str(path))
    return path


@pytest.fixture
def articles(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    path_a, path_b = folder / "library-v1.md", folder / "library-v2.md"
    path_a.write_text(ARTICLE_A, encoding="utf-8")
    path_b.write_text(ARTICLE_B, encoding="utf-8")
    return path_a, path_b


@pytest.fixture
def window(qtbot, private_settings: Path) -> Iterator[MainWindow]:
    win = MainWindow(AppSettings(private_settings), LIGHT)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


def long_article(paragraphs: int, seed_text: str = ARTICLE_A) -> str:
    """A long article built from numbered copies of the sample paragraphs (distinct sentences)."""
    body = [p for p in seed_text.split("\n\n")[2:] if p.strip()]
    parts = ["# A long report", ""]
    for number in range(paragraphs):
        paragraph = body[number % len(body)]
        parts.append(f"Section {number}. " + paragraph.replace(". ", f" in part {number}. "))
        parts.append("")
    return "\n".join(parts)
