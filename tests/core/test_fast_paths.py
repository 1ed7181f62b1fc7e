"""The engine's fast paths give exactly what the plain one-by-one computations give.

Each test runs a straightforward reference (normalising sentence by sentence, counting word
by word, aligning with keys computed one by one, json.dumps of the dictionary) next to the
fast path on random input and on the demo pair.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import CompareOptions, compare, document_from_text, load_document
from reader.core import align as align_module
from reader.core import stats as cm
from reader.core.align import align_sentences
from reader.core.diff.document import merge_adjacent
from reader.core.diff.words import common_ends
from reader.core.model import Op, Segment
from reader.core.text.sentences import split_sentences
from reader.core.text.tokens import count_words, normalize, normalize_many, token_key, token_keys, tokenize, word_spans
from reader.export.json_export import comparison_to_dict, comparison_to_json
from reader.resources import demo_pair

# Characters each normalisation step treats specially: case (Greek final sigma, German sharp
# s), NFKC (ligature, combining acute after an ASCII letter, Hangul jamo, full-width),
# folded quotes, dashes and spaces, soft hyphens, line ends, and the private-use character
# normalize_many joins with.
SPECIAL = list("aAbB ,.'\"-") + [
    "Σ",
    "ς",
    "ß",
    "ﬁ",
    "\u0301",
    "e\u0301",
    "\u1100\u1161",
    "Ａ",
    "“",
    "”",
    "’",
    "—",
    "\u00a0",
    "\u2009",
    "\u00ad",
    "\n",
    "\t",
    "  ",
    "\ue000",
    "\U0001d400",
    "İ",
]
TEXTS = st.lists(st.sampled_from(SPECIAL), max_size=12).map("".join)
OPTIONS = st.builds(
    CompareOptions,
    ignore_case=st.booleans(),
    ignore_punctuation=st.booleans(),
    fold_quotes_dashes=st.booleans(),
    fold_spaces=st.booleans(),
    ignore_soft_hyphens=st.booleans(),
    unicode_normalize=st.booleans(),
)


@settings(max_examples=400, deadline=None)
@given(texts=st.lists(TEXTS, max_size=8), options=OPTIONS)
def test_normalize_many_is_normalize_of_each(texts: list[str], options: CompareOptions) -> None:
    assert normalize_many(texts, options) == [normalize(text, options) for text in texts]


@settings(max_examples=300, deadline=None)
@given(tokens=st.lists(TEXTS, max_size=8), options=OPTIONS)
def test_token_keys_is_token_key_of_each(tokens: list[str], options: CompareOptions) -> None:
    assert token_keys(tokens, options) == [token_key(token, options) for token in tokens]


def demo_sentences() -> tuple[list[str], list[str]]:
    docs = [load_document(path) for path in demo_pair()]
    return [[d.text[s.start : s.end] for s in split_sentences(d.text, d.blocks, "en")] for d in docs]  # type: ignore[return-value]


def one_by_one_keys(sentences: list[str], options: CompareOptions) -> list[str]:
    return [normalize(sentence, options) for sentence in sentences]


def test_the_aligner_gets_its_keys_from_normalize_many() -> None:
    # The tests below replace it there; were it looked up elsewhere they would test nothing.
    assert align_module.normalize_many is normalize_many


@pytest.mark.parametrize("options", [CompareOptions(), CompareOptions(ignore_case=False, looseness=0.9)])
def test_alignment_of_the_demo_pair_is_unchanged_by_the_one_pass_keys(
    options: CompareOptions, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = demo_sentences()
    fast = align_sentences(a, b, options)
    monkeypatch.setattr(align_module, "normalize_many", one_by_one_keys)
    assert align_sentences(a, b, options) == fast


SENTENCE_POOL = st.sampled_from(
    [
        "The council voted to repair the bridge.",
        "THE COUNCIL VOTED TO REPAIR THE BRIDGE.",
        "“Repairs,” she said, “cost\u00a0money.”",
        '"Repairs," she said, "cost money."',
        "Die Straße wurde 1911 eröffnet.",
        "Die Strasse wurde 1911 eröffnet.",
        "Traffic uses a ferry.",
        "}",
        "Nobody objected.",
    ]
)


@settings(max_examples=60, deadline=None)
@given(a=st.lists(SENTENCE_POOL, max_size=10), b=st.lists(SENTENCE_POOL, max_size=10))
def test_random_alignments_are_unchanged_by_the_one_pass_keys(a: list[str], b: list[str]) -> None:
    options = CompareOptions()
    fast = align_sentences(a, b, options)
    original = align_module.normalize_many
    align_module.normalize_many = one_by_one_keys  # hypothesis forbids function-scoped fixtures
    try:
        assert align_sentences(a, b, options) == fast
    finally:
        align_module.normalize_many = original


WORDISH = st.lists(
    st.sampled_from(["the", "bridge", "bridge,", "old", " ", "  ", "\n", "—", "x-y", "3.5"]), max_size=25
)


@settings(max_examples=400, deadline=None)
@given(a=WORDISH.map("".join), b=WORDISH.map("".join))
def test_common_ends_cut_at_token_boundaries(a: str, b: str) -> None:
    head, tail = common_ends(a, b)
    assert a[:head] == b[:head]
    assert head + tail <= min(len(a), len(b))
    assert a[len(a) - tail :] == b[len(b) - tail :]
    for text in (a, b):
        middle = text[head : len(text) - tail]
        # Tokenising the middle alone gives exactly the whole text's tokens there.
        assert tokenize(text[:head]) + tokenize(middle) + tokenize(text[len(text) - tail :]) == tokenize(text)


def unit_words_reference(text: str, start: int, end: int, changes: list[tuple[int, int]]) -> tuple[int, int]:
    """Words in ``text[start:end]`` and how many of them any change overlaps, word by word."""
    total = changed = 0
    for word_start, word_end in word_spans(text, start, end):
        total += 1
        if any(c0 < word_end and c1 > word_start for c0, c1 in changes if c1 > c0):
            changed += 1
    return total, changed


@settings(max_examples=400, deadline=None)
@given(
    text=st.lists(st.sampled_from(["ab", "c.", "—", " ", "\n", "(d)", "e-f"]), min_size=1, max_size=20).map("".join),
    data=st.data(),
)
def test_unit_word_counts_match_counting_word_by_word(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    cuts = sorted(data.draw(st.lists(st.integers(start, end), max_size=8)))
    # Alternate kept and deleted stretches over [start, end), as a unit diff lays them out.
    bounds = [start, *cuts, end]
    diff = [
        Segment(Op.DELETE if k % 2 else Op.EQUAL, bounds[k], bounds[k + 1], 0, 0)
        for k in range(len(bounds) - 1)
        if bounds[k + 1] > bounds[k]
    ]
    changes = [(s.a_start, s.a_end) for s in diff if s.op is Op.DELETE]
    assert cm.unit_words(text, start, end, diff, Op.DELETE) == unit_words_reference(text, start, end, changes)


@st.composite
def segment_runs(draw: st.DrawFn) -> list[Segment]:
    """Contiguous segments over two texts, in any order of kinds, some of them empty."""
    out, pa, pb = [], 0, 0
    for op in draw(st.lists(st.sampled_from([Op.EQUAL, Op.DELETE, Op.INSERT]), max_size=20)):
        n = draw(st.integers(0, 3))
        if op is Op.EQUAL:
            out.append(Segment(op, pa, pa + n, pb, pb + n))
            pa, pb = pa + n, pb + n
        elif op is Op.DELETE:
            out.append(Segment(op, pa, pa + n, pb, pb))
            pa += n
        else:
            out.append(Segment(op, pa, pa, pb, pb + n))
            pb += n
    return out


@settings(max_examples=400, deadline=None)
@given(segment_runs())
def test_merged_segments_cover_the_same_text_in_reading_order(segments: list[Segment]) -> None:
    merged = merge_adjacent(segments)

    def covered(segs: list[Segment]) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
        equal = [(s.a_start, s.a_end) for s in segs if s.op is Op.EQUAL]
        return (
            _join([(s.a_start, s.a_end) for s in segs if s.op is not Op.INSERT]),
            _join([(s.b_start, s.b_end) for s in segs if s.op is not Op.DELETE]),
            _join(equal),
        )

    assert covered(merged) == covered(segments)
    for first, second in zip(merged, merged[1:], strict=False):
        assert first.op is not second.op
        assert not (first.op is Op.INSERT and second.op is Op.DELETE)  # old text before new
    assert all(s.a_end > s.a_start or s.b_end > s.b_start for s in merged)


def _join(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for low, high in ranges:
        if high == low:
            continue
        if out and out[-1][1] == low:
            out[-1] = (out[-1][0], high)
        else:
            out.append((low, high))
    return out


def test_json_of_the_demo_pair_is_what_json_dumps_writes() -> None:
    comparison = compare(*(load_document(path) for path in demo_pair()))
    expected = json.dumps(comparison_to_dict(comparison), ensure_ascii=False)
    assert comparison_to_json(comparison) == expected
    assert comparison_to_json(comparison, indent=2) == json.dumps(
        comparison_to_dict(comparison), ensure_ascii=False, indent=2
    )


ODD_TEXT = st.lists(
    st.sampled_from(
        [
            "Repair the bridge.",
            'He said "no" \\ twice.',
            "Tab\there.",
            "Emoji \U0001f309 ok.",
            "\x07 bell.",
            "\u2028 separator.",
            "Ünïcödé.",
            "}",
        ]
    ),
    min_size=1,
    max_size=6,
).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(a=ODD_TEXT, b=ODD_TEXT)
def test_json_of_random_pairs_is_what_json_dumps_writes(a: str, b: str) -> None:
    comparison = compare(document_from_text(a, 'a "1".txt'), document_from_text(b, "b.txt"))
    assert comparison_to_json(comparison) == json.dumps(comparison_to_dict(comparison), ensure_ascii=False)


RUN_ON = st.sampled_from(
    ["Done.", "Done.Next", "end.”Next one", "x", "a\u00a0b.", "“Quoted.”", "—", "3.5 m.", "U.S. law."]
)


@settings(max_examples=150, deadline=None)
@given(
    a=st.lists(RUN_ON, min_size=1, max_size=8).map(" ".join), b=st.lists(RUN_ON, min_size=1, max_size=8).map(" ".join)
)
def test_word_totals_added_up_from_units_are_the_words_of_the_text(a: str, b: str) -> None:
    comparison = compare(document_from_text(a, "a.txt"), document_from_text(b, "b.txt"))
    assert comparison.stats.words_a == count_words(comparison.a.text)
    assert comparison.stats.words_b == count_words(comparison.b.text)


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(st.sampled_from(["ab", "c.", "—", " ", "\n\n", "(d)"]), max_size=15).map("".join),
    data=st.data(),
)
def test_word_totals_from_any_spans_match_counting_the_whole_text(text: str, data: st.DataObject) -> None:
    # Spans as units and sentences give them, but cut anywhere: inside words, leaving words out.
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=8)))
    bounds = [0, *cuts, len(text)]
    pieces = [(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1)]
    kept = [p for p in pieces if data.draw(st.booleans())]
    spans = [(low, high, count_words(text, low, high)) for low, high in kept]
    assert cm.total_words(text, spans) == count_words(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", " ", "\n", "\r\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029", "é"]), max_size=20
    )
)
def test_line_ends_become_lf_whichever_path_runs(parts: list[str]) -> None:
    from reader.core.read.formats.encoding import normalise_line_ends

    text = "".join(parts)
    expected = text.replace("\r\n", "\n")  # CR then LF is one line end, wherever it came from
    for line_end in ("\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"):
        expected = expected.replace(line_end, "\n")
    assert normalise_line_ends(text) == expected


def test_text_without_spaces_is_diffed_whole_and_exactly() -> None:
    from reader.core.diff.words import TokenCodec, diff_spans

    a = "x" * 50_000 + "A" + "y" * 50_000 + " tail"
    b = "x" * 50_000 + "B" + "y" * 50_000 + " tail"
    # The nearest boundaries lie 50,000 characters away: not searched for, the text is diffed whole.
    assert common_ends(a, b) == (0, 0)
    segments = diff_spans(a, 0, len(a), b, 0, len(b), TokenCodec(CompareOptions()))
    assert "".join(a[s.a_start : s.a_end] for s in segments if s.op is not Op.INSERT) == a
    assert "".join(b[s.b_start : s.b_end] for s in segments if s.op is not Op.DELETE) == b
    assert [s.op for s in segments] == [Op.DELETE, Op.INSERT, Op.EQUAL]
