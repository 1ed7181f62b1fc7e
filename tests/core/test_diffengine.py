"""Both diff-match-patch builds: every diff rebuilds both strings, and they agree on its size."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.diff import engine as diffengine
from reader.core.diff.engine import COMPILED_AVAILABLE, diff_steps
from reader.core.diff.words import TokenCodec, diff_spans
from reader.core.model import CompareOptions, Op

BACKENDS = [
    "python",
    pytest.param(
        "compiled", marks=pytest.mark.skipif(not COMPILED_AVAILABLE, reason="fast-diff-match-patch is not installed")
    ),
]
# Few distinct characters so that diffs have long common runs; private-use and astral
# characters as the word codec produces them (beyond the BMP once a text has many words).
CHARS = st.sampled_from(list("abcab \n") + ["\ue000", "\ue001", "\U00010000", "\U00010001", "é"])
STRINGS = st.lists(CHARS, max_size=60).map("".join)


def rebuild(steps: list[tuple[str, int]], a: str, b: str) -> tuple[str, str]:
    """Both strings as the steps describe them: kept and deleted runs from ``a``, kept and
    inserted runs from ``b``; kept runs must match character for character."""
    side_a, side_b = [], []
    ia = ib = 0
    for op, n in steps:
        assert n > 0
        if op == "=":
            assert a[ia : ia + n] == b[ib : ib + n]
            side_a.append(a[ia : ia + n])
            side_b.append(b[ib : ib + n])
            ia, ib = ia + n, ib + n
        elif op == "-":
            side_a.append(a[ia : ia + n])
            ia += n
        else:
            assert op == "+"
            side_b.append(b[ib : ib + n])
            ib += n
    return "".join(side_a), "".join(side_b)


@pytest.mark.parametrize("backend", BACKENDS)
@settings(max_examples=300, deadline=None)
@given(a=STRINGS, b=STRINGS)
def test_each_backend_rebuilds_both_strings(backend: str, a: str, b: str) -> None:
    assert rebuild(diff_steps(a, b, backend), a, b) == (a, b)


@pytest.mark.skipif(not COMPILED_AVAILABLE, reason="fast-diff-match-patch is not installed")
@settings(max_examples=300, deadline=None)
@given(a=STRINGS, b=STRINGS)
def test_both_backends_keep_as_much(a: str, b: str) -> None:
    # The same algorithm (Myers' bisection, no time limit): the same shortest edit, even where
    # ties put the changes elsewhere.
    def kept(steps: list[tuple[str, int]]) -> int:
        return sum(n for op, n in steps if op == "=")

    assert kept(diff_steps(a, b, "compiled")) == kept(diff_steps(a, b, "python"))


def test_unknown_backend_is_refused_clearly() -> None:
    with pytest.raises(ValueError, match="unknown diff backend"):
        diff_steps("a", "b", "fortran")


@pytest.mark.parametrize("backend", BACKENDS)
def test_word_diffs_are_the_same_minimal_edit_on_either_backend(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(diffengine, "DEFAULT_BACKEND", backend)
    a = "The council voted on Tuesday to repair the old bridge, at last."
    b = "On Tuesday the council decided to repair the bridge, at last."
    segments = diff_spans(a, 0, len(a), b, 0, len(b), TokenCodec(CompareOptions()))
    assert "".join(a[s.a_start : s.a_end] for s in segments if s.op is not Op.INSERT) == a
    assert "".join(b[s.b_start : s.b_end] for s in segments if s.op is not Op.DELETE) == b
    kept = " ".join(a[s.a_start : s.a_end] for s in segments if s.op is Op.EQUAL).split()
    # "The council" moved behind "On Tuesday": one of the two runs is kept, never both.
    assert kept[-6:] == ["to", "repair", "the", "bridge,", "at", "last."]
    assert "voted" not in kept and "old" not in kept
