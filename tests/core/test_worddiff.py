"""Word diffs: exact coverage of both spans, minimal on words, no silent timeout."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.diff.words import TokenCodec, diff_spans
from reader.core.model import CompareOptions, Op
from reader.core.text.tokens import normalize, tokenize

WORDS = st.sampled_from(
    [
        "the",
        "The",
        "bridge",
        "council",
        "voted",
        "“repair”",
        '"repair"',
        "—",
        "-",
        "3.5",
        "Straße",
        "strasse",
        "e\u0301t\u00e9",
        "don't",
        ",",
        ".",
        "\u00a0",
        "\n",
        "  ",
        "naïve",
        "soft\u00adware",
    ]
)
TEXTS = st.lists(WORDS, max_size=40).map(lambda ws: " ".join(ws))


def rebuild(segments, a, b):
    side_a = "".join(a[s.a_start : s.a_end] for s in segments if s.op is not Op.INSERT)
    side_b = "".join(b[s.b_start : s.b_end] for s in segments if s.op is not Op.DELETE)
    return side_a, side_b


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS)
def test_diff_covers_both_spans_exactly(a: str, b: str) -> None:
    segments = diff_spans(a, 0, len(a), b, 0, len(b), TokenCodec(CompareOptions()))
    assert rebuild(segments, a, b) == (a, b)
    for seg in segments:
        if seg.op is Op.EQUAL:
            assert normalize(a[seg.a_start : seg.a_end], CompareOptions()) == normalize(
                b[seg.b_start : seg.b_end], CompareOptions()
            )


@given(st.text(max_size=200))
def test_tokens_concatenate_to_text(text: str) -> None:
    assert "".join(tokenize(text)) == text


def test_changed_words_are_marked_and_nothing_else() -> None:
    a = "The council voted on Tuesday to repair the old bridge."
    b = "The council decided on Tuesday to repair the old bridge."
    segments = diff_spans(a, 0, len(a), b, 0, len(b), TokenCodec(CompareOptions()))
    deleted = [a[s.a_start : s.a_end] for s in segments if s.op is Op.DELETE]
    inserted = [b[s.b_start : s.b_end] for s in segments if s.op is Op.INSERT]
    assert deleted == ["voted"]
    assert inserted == ["decided"]


def test_typography_and_case_are_equal_by_default_but_not_when_strict() -> None:
    a = "“Repair it,” she said — twice."
    b = '"repair it," she said - twice.'
    loose = diff_spans(a, 0, len(a), b, 0, len(b), TokenCodec(CompareOptions()))
    assert [s.op for s in loose] == [Op.EQUAL]
    strict = CompareOptions(ignore_case=False, fold_quotes_dashes=False)
    changed = diff_spans(a, 0, len(a), b, 0, len(b), TokenCodec(strict))
    assert any(s.op is not Op.EQUAL for s in changed)


def test_replaced_phrase_reads_as_one_change() -> None:
    a = "It will cost four million euros in total."
    b = "It will cost a great deal of money in total."
    segments = diff_spans(a, 0, len(a), b, 0, len(b), TokenCodec(CompareOptions()))
    assert [s.op for s in segments] == [Op.EQUAL, Op.DELETE, Op.INSERT, Op.EQUAL]
    assert a[segments[1].a_start : segments[1].a_end] == "four million euros"


def test_long_inputs_are_diffed_exactly_not_timed_out() -> None:
    # Diff-match-patch's default 1 s timeout turns long diffs into delete-all/insert-all.
    words = [f"w{i % 997}x{i // 997}" for i in range(6000)]
    a = " ".join(words)
    changed = list(words)
    for k in range(0, 6000, 500):
        changed[k] = "CHANGED"
    b = " ".join(changed)
    segments = diff_spans(a, 0, len(a), b, 0, len(b), TokenCodec(CompareOptions()))
    deleted = sum(len(a[s.a_start : s.a_end].split()) for s in segments if s.op is Op.DELETE)
    assert deleted == 12
