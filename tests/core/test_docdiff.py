"""The whole-document diff on generated revisions: both texts rebuilt, and a minimal edit."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import compare, document_from_text
from reader.core.diff.document import document_diff
from reader.core.model import Op

WORDS = "harbour bridge council voted repair ferry traffic years cost money river town old new".split()
# Sentences long enough (eight words and more) to become fixed points of the diff, each with
# a number of its own and no word twice: real sentences rarely repeat word for word (nor are
# they "harbour harbour harbour ..."), and where long ones do
# (a text of refrains) fixing the diff at one copy can pair it with the wrong one. All in
# lower case, because the diff matches "The" with "the" and then marks both (the characters
# differ) where a minimal edit over raw words might pair other words.
WORD_LISTS = st.lists(st.sampled_from(WORDS), min_size=8, max_size=14, unique=True)


def numbered(words: list[str], number: int) -> str:
    return " ".join(words) + f" no {number}."


@st.composite
def revisions(draw: st.DrawFn) -> tuple[str, str]:
    """An article and an edited copy: words replaced, dropped or added, sentences dropped or added."""
    sentences = [numbered(words, k) for k, words in enumerate(draw(st.lists(WORD_LISTS, min_size=3, max_size=14)))]
    revised = []
    for sentence in sentences:
        action = draw(st.sampled_from(["keep", "keep", "keep", "edit", "drop", "add"]))
        if action == "drop":
            continue
        if action == "edit":
            words = sentence.split()
            k = draw(st.integers(0, len(words) - 1))
            change = draw(st.sampled_from(["replace", "delete", "insert"]))
            if change == "replace":
                words[k] = draw(st.sampled_from(WORDS))
            elif change == "delete" and len(words) > 1:
                del words[k]
            else:
                words.insert(k, draw(st.sampled_from(WORDS)))
            sentence = " ".join(words)
        revised.append(sentence)
        if action == "add":
            revised.append(numbered(draw(WORD_LISTS), 1000 + len(revised)))
    paragraph = draw(st.integers(2, 4))

    def layout(items: list[str]) -> str:
        return "\n\n".join(" ".join(items[k : k + paragraph]) for k in range(0, len(items), paragraph)) or "Empty."

    return layout(sentences), layout(revised)


def minimal_edit(a: list[str], b: list[str]) -> int:
    """|A| + |B| - 2 LCS over words: what no word diff can beat."""
    previous = [0] * (len(b) + 1)
    for word in a:
        current = [0]
        for j, other in enumerate(b):
            current.append(previous[j] + 1 if word == other else max(previous[j + 1], current[j]))
        previous = current
    return len(a) + len(b) - 2 * previous[-1]


def changed_words(text: str, ranges: list[tuple[int, int]]) -> int:
    marked = bytearray(len(text))
    for low, high in ranges:
        marked[low:high] = b"\x01" * (high - low)
    return sum(1 for m in re.finditer(r"\S+", text) if any(marked[m.start() : m.end()]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(revisions())
def test_document_diff_rebuilds_both_texts_and_is_within_one_percent_of_minimal(pair: tuple[str, str]) -> None:
    result = compare(document_from_text(pair[0], "a.txt"), document_from_text(pair[1], "b.txt"))
    a, b = result.a.text, result.b.text
    diff = result.diff
    assert "".join(a[s.a_start : s.a_end] for s in diff if s.op is not Op.INSERT) == a
    assert "".join(b[s.b_start : s.b_end] for s in diff if s.op is not Op.DELETE) == b
    for seg in diff:
        if seg.op is Op.EQUAL:
            assert a[seg.a_start : seg.a_end] == b[seg.b_start : seg.b_end]
    marked = changed_words(a, [(s.a_start, s.a_end) for s in diff if s.op is Op.DELETE]) + changed_words(
        b, [(s.b_start, s.b_end) for s in diff if s.op is Op.INSERT]
    )
    minimal = minimal_edit(a.split(), b.split())
    assert minimal <= marked <= minimal * 1.01
    # Called on its own (without the anchors compare() counted), it finds the same anchors.
    text_a, text_b, units, sentences_a, sentences_b, codec, _ = result.diff_source.args  # type: ignore[union-attr]
    assert document_diff(text_a, text_b, units, sentences_a, sentences_b, codec) == diff
