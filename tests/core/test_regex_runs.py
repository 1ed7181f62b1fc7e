"""Every regular expression in the core, on long runs of hostile shapes (issue 15, item 1).

A pattern that retries from every character of a run it cannot match is quadratic: 40,000
dashes took 23 s to count as words. Timing is compared between a run and one four times
longer (a quadratic pattern takes 16x, a linear one about 4x), never against a wall clock,
and whole readers run under a subprocess watchdog so a regression fails instead of hanging.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reader.core
from reader.core.read.formats.html_blocks import trim_around
from reader.core.text.tokens import count_words, word_spans

OLD_WORD_RE = re.compile(r"[^\s\w]*\w\S*")

# Letters, digits, underscore, dashes, emoji, a lone combining mark, spaces and markup.
_ALPHABET = "aZ9_-—–.'’😀\u0301\u00ad<!\t \n\u00a0é"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60), st.integers(0, 70), st.integers(0, 70))
def test_word_spans_are_those_of_the_old_pattern(text: str, start: int, end: int) -> None:
    old = [(m.start(), m.end()) for m in OLD_WORD_RE.finditer(text, start, end)]
    assert word_spans(text, start, end) == old
    assert count_words(text, start, end) == len(old)
    assert word_spans(text) == [(m.start(), m.end()) for m in OLD_WORD_RE.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a \t\n", max_size=40))
def test_trim_around_is_the_old_substitution(text: str) -> None:
    old = re.sub(r"[ \t]*\n[ \t]*", "\n", re.sub(r" *\t *", "\t", text))
    assert trim_around(trim_around(text, "\t", " "), "\n", " \t") == old


def _core_patterns() -> list[tuple[str, re.Pattern]]:
    found = []
    for info in pkgutil.walk_packages(reader.core.__path__, "reader.core."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.append((f"{info.name}.{name}", value))
    return found


# Patterns the code only ever applies to short, bounded text (their raw form may still be
# slow on long runs); each is guarded where it is used.
_BOUNDED_USE = {
    "reader.core.read.formats.pdf._PAGE_NUMBER": "matched only on lines of at most 60 characters",
    "reader.core.text.list_markers._WORD_BEFORE": "searched only in the 40 characters before a marker",
}

_SHAPES = [
    "-",
    "—",
    "😀",
    "\u0301",
    "<!--",
    "a",
    "1",
    " ",
    "\n",
    "1.",
    "a.",
    "[",
    "(",
    ". ",
    "a ",
    "1,",
    "A.",
    "\t\n",
    " \n",
    "a-",
    "a'",
    "#",
    "* ",
    "[1]",
    "é",
    ":",
    "Ab. ",
    "\r",
    "\u00ad",
]


def _slowest(pattern: re.Pattern, size: int) -> float:
    worst = 0.0
    for shape in _SHAPES:
        for tail in ("", "!"):
            text = (shape * (size // len(shape) + 1))[:size] + tail
            subject = text.encode("utf-8") if isinstance(pattern.pattern, bytes) else text
            began = time.perf_counter()
            pattern.findall(subject)
            pattern.search(subject)
            worst = max(worst, time.perf_counter() - began)
    return worst


@pytest.mark.parametrize(("name", "pattern"), _core_patterns(), ids=lambda v: v if isinstance(v, str) else "")
def test_core_pattern_is_linear_on_long_runs(name: str, pattern: re.Pattern) -> None:
    if name in _BOUNDED_USE:
        pytest.skip(_BOUNDED_USE[name])
    small = min(_slowest(pattern, 2000) for _ in range(2))
    large = min(_slowest(pattern, 8000) for _ in range(2))
    # 4x the text: a linear pattern about 4x the time; a quadratic one 16x. The floor keeps
    # timer noise on tiny times from failing a fast pattern.
    assert large <= 9 * small + 0.03, f"{name}: {small:.4f}s at 2k, {large:.4f}s at 8k"


_READ_ALL = r"""
import sys, time
from reader.core.read.fetch import load_source
from reader.core.compare import compare
from reader.core.text.tokens import count_words
path = sys.argv[1]
document = load_source(path)
count_words(document.text)
compare(document, document)
"""

_HOSTILE_RUNS = {
    "dashes.txt": "Title\n\n" + "-" * 200_000 + "\n",
    "emoji.txt": "Title\n\n" + "😀" * 100_000 + "\n",
    "marks.txt": "Title\n\n" + "\u0301" * 100_000 + "\n",
    "comments.html": "<p>" + "<!--" * 50_000 + "</p>",
    "comments.md": "# T\n\n" + "<!--" * 50_000 + "\n",
    "spans.html": "<p>" + "<span> </span>" * 50_000 + "x</p>",
}


@pytest.mark.parametrize("name", sorted(_HOSTILE_RUNS))
def test_long_letterless_runs_read_and_compare_quickly(tmp_path, name: str) -> None:
    path = tmp_path / name
    path.write_text(_HOSTILE_RUNS[name], encoding="utf-8")
    # Generous: the fixed code takes well under a second; the old pattern never finished.
    result = subprocess.run([sys.executable, "-c", _READ_ALL, str(path)], capture_output=True, text=True, timeout=90)
    assert result.returncode == 0 or "DocumentError" in result.stderr, result.stderr[-2000:]
