"""The lone-pair decision (MSRP-fitted) and its lexical features, on hand-made pairs."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.pair_lexical import (
    edit_distance,
    entities_of,
    extra_pair_features,
    folded,
    longest_common_subsequence,
    ngram_precisions,
    numbers_of,
    tokens,
)
from reader.core.pair_model import PAIR_FEATURE_NAMES, PAIR_WEIGHTS, pair_feature_table, pair_features
from reader.core.similarity import pair_similarity, pair_threshold, stem

BASE = "Shares of Acme rose 5 percent to $20 on Tuesday after the company raised its forecast."
PARAPHRASE = "Acme shares gained 5% to $20 on Tuesday when the company lifted its forecast."
DEFAULT = pair_threshold(0.5)


def features(s1: str, s2: str) -> dict[str, float]:
    return extra_pair_features(s1, s2, stem)


def test_shipped_names_are_all_computed_and_weighted() -> None:
    table = pair_feature_table(BASE, PARAPHRASE)
    assert set(PAIR_FEATURE_NAMES) <= set(table)
    assert len(PAIR_WEIGHTS) == len(PAIR_FEATURE_NAMES) == len(pair_features(BASE, PARAPHRASE))


def test_units_fold_so_percent_meets_the_sign() -> None:
    assert numbers_of(folded(tokens("up 5 percent"))) == numbers_of(folded(tokens("up 5%")))
    assert numbers_of(folded(tokens("$2.5 billion"))) == frozenset({"2.5billion"})
    assert numbers_of(folded(tokens("sold 1,500 cars"))) == frozenset({"1500"})


def test_a_changed_number_is_seen_and_lowers_the_similarity() -> None:
    changed = BASE.replace("5 percent", "9 percent")
    assert features(BASE, BASE)["numbers_equal"] == 1.0
    assert features(BASE, changed)["numbers_differ"] == 1.0
    assert features(BASE, changed)["numbers_equal"] == 0.0
    dropped = BASE.replace(" 5 percent", "")
    assert features(BASE.replace(" to $20", ""), dropped.replace(" to $20", ""))["number_one_side"] == 1.0
    assert pair_similarity(BASE, changed) < pair_similarity(BASE, BASE)


def test_a_negation_on_one_side_is_seen_and_lowers_the_similarity() -> None:
    plain = "The board approved the merger on Friday."
    negated = "The board didn't approve the merger on Friday."
    reworded = "On Friday the board approved the merger."
    assert pair_feature_table(plain, negated)["negation_mismatch"] == 1.0
    assert pair_feature_table(plain, reworded)["negation_mismatch"] == 0.0
    assert pair_similarity(plain, negated) < pair_similarity(plain, reworded)


def test_a_name_only_on_one_side_is_seen() -> None:
    first = "The deal was announced by Microsoft in Seattle on Monday."
    other_name = "The deal was announced by Oracle in Seattle on Monday."
    assert entities_of(tokens(first)) == frozenset({"microsoft", "seattle", "monday"})
    assert features(first, first)["entities_alone"] == 0.0
    assert features(first, other_name)["entities_alone"] == math.log1p(2)
    assert features(first, other_name)["entities_shared"] == math.log1p(2)
    # Only the detection is checked: the fitted weight of this feature is not negative once
    # the unmatched-word features are in the model (they already count the missing name).


def test_a_quotation_on_one_side_is_seen() -> None:
    quoted = 'He said "the plan will work" on Monday.'
    reported = "He said the plan will work on Monday."
    assert features(quoted, reported)["quote_differs"] == 1.0
    assert features(reported, reported)["quote_differs"] == 0.0


def test_ngram_precisions_clip_repeats_and_go_both_ways() -> None:
    assert ngram_precisions(["a", "a", "b"], ["a", "b"], 1) == (2 / 3, 1.0)
    assert ngram_precisions(["a", "b", "c"], ["c", "b", "a"], 2) == (0.0, 0.0)
    assert ngram_precisions([], ["a"], 1) == (0.0, 0.0)


def test_order_measures_on_word_sequences() -> None:
    assert longest_common_subsequence("a b c d".split(), "a x c d".split()) == 3
    assert longest_common_subsequence([], ["a"]) == 0
    assert edit_distance("a b c".split(), "a c".split()) == 1
    assert edit_distance("a b".split(), "b a".split()) == 2


def test_paraphrase_scores_above_the_threshold_and_an_unrelated_pair_below() -> None:
    unrelated = "The orchestra will tour Japan and Korea next spring."
    assert pair_similarity(BASE, PARAPHRASE) > DEFAULT > pair_similarity(BASE, unrelated)


def test_empty_and_wordless_input_gives_a_probability() -> None:
    for s1, s2 in (("", ""), ("", BASE), ("...", "!!!"), ("42", "42")):
        assert 0.0 <= pair_similarity(s1, s2) <= 1.0


sentence = st.lists(
    st.sampled_from("the board Acme approved merger 5 percent $ not on Friday \" said 1,500 shares rose".split()),
    min_size=0,
    max_size=14,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(sentence, sentence)
def test_features_and_similarity_do_not_depend_on_the_order_of_the_pair(s1: str, s2: str) -> None:
    forward, backward = pair_features(s1, s2), pair_features(s2, s1)
    for name, x, y in zip(PAIR_FEATURE_NAMES, forward, backward):
        assert math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12), name
    similarity = pair_similarity(s1, s2)
    assert 0.0 <= similarity <= 1.0
    assert math.isclose(similarity, pair_similarity(s2, s1), rel_tol=1e-9, abs_tol=1e-12)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdefgh XYZ 0123 .,%$\""), min_size=0, max_size=60))
def test_identical_sentences_with_a_word_score_above_the_default_threshold(text: str) -> None:
    if not any(ch.isalpha() for ch in text):
        return
    assert pair_similarity(text, text) > DEFAULT
