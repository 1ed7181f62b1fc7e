"""Sentence alignment: behaviour on small English and German rewrites, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align import Link, align_sentences
from reader.core.align_dp import FITTED_ON_ODD_IDS, best_path, path_units
from reader.core.model import CompareOptions
from reader.core.similarity import pair_similarity, pair_threshold

DEFAULT = CompareOptions()


def units(a: list[str], b: list[str], options: CompareOptions = DEFAULT) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(link.a, link.b) for link in align_sentences(a, b, options)}


NEWS_A = [
    "The city council voted on Tuesday to repair the old harbour bridge.",
    "Repairs will cost 4 million euros and take two years, the mayor said.",
    "Ferries will carry commuters across the river while the bridge is closed.",
]


def test_identical_texts_link_every_sentence_to_itself() -> None:
    links = align_sentences(NEWS_A, NEWS_A, DEFAULT)
    assert [(link.a, link.b) for link in links] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert all(link.similarity == 1.0 and not link.moved for link in links)


def test_reworded_sentence_is_linked_one_to_one() -> None:
    b = [
        NEWS_A[0],
        "The mayor said repairs would cost 4 million euros and last two years.",
        NEWS_A[2],
    ]
    found = units(NEWS_A, b)
    assert ((1,), (1,)) in found
    reworded = next(link for link in align_sentences(NEWS_A, b, DEFAULT) if link.a == (1,))
    assert 0.0 < reworded.similarity < 1.0


def test_sentence_split_in_two_forms_one_unit() -> None:
    b = [
        NEWS_A[0],
        "Repairs will cost 4 million euros.",
        "They will take two years, the mayor said.",
        NEWS_A[2],
    ]
    assert ((1,), (1, 2)) in units(NEWS_A, b)


def test_german_sentence_split_in_four_forms_one_unit() -> None:
    a = [
        "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke zu reparieren.",
        "Die Reparatur kostet 4 Millionen Euro, dauert zwei Jahre, wird vom Land bezahlt "
        "und beginnt im Frühjahr, sagte die Bürgermeisterin.",
        "Während der Arbeiten fahren Fähren über den Fluss.",
    ]
    b = [
        a[0],
        "Die Reparatur kostet 4 Millionen Euro.",
        "Die Reparatur dauert zwei Jahre.",
        "Das Land bezahlt die Reparatur.",
        "Die Arbeiten beginnen im Frühjahr, sagte die Bürgermeisterin.",
        a[2],
    ]
    assert ((1,), (1, 2, 3, 4)) in units(a, b)


def test_two_sentences_merged_into_one_form_one_unit() -> None:
    a = [
        "Der Hafen ist der größte des Landes.",
        "Jedes Jahr kommen dort 8000 Schiffe an.",
        "Die meisten Schiffe bringen Container aus aller Welt.",
        "Im Winter friert der Hafen nie zu.",
    ]
    b = [
        a[0],
        "Jedes Jahr kommen dort 8000 Schiffe an, die meisten bringen Container aus aller Welt.",
        a[3],
    ]
    assert ((1, 2), (1,)) in units(a, b)


def test_moved_sentence_is_linked_and_marked_moved() -> None:
    a = [
        "The museum opens a new wing for modern sculpture in May.",
        "Tickets cost twelve euros for adults.",
        "The architect Lena Borg designed the glass roof.",
        "Children under six enter for free.",
    ]
    b = [a[2], a[0], a[1], a[3]]
    links = align_sentences(a, b, DEFAULT)
    by_a = {link.a: link for link in links}
    assert by_a[(2,)].b == (0,)
    assert by_a[(2,)].moved
    assert not by_a[(1,)].moved and by_a[(1,)].b == (2,)


def test_sentence_only_in_a_and_sentence_only_in_b_stay_unlinked() -> None:
    a = [NEWS_A[0], "A spokesman declined to comment on the delay.", NEWS_A[1]]
    b = [NEWS_A[0], NEWS_A[1], "Weather forecasters expect heavy snow in the mountains."]
    links = align_sentences(a, b, DEFAULT)
    assert all(1 not in link.a for link in links)  # only in A
    assert all(2 not in link.b for link in links)  # only in B
    assert {(link.a, link.b) for link in links} == {((0,), (0,)), ((2,), (1,))}


def test_looseness_decides_whether_a_loose_paraphrase_is_linked() -> None:
    a = ["Ticket prices for the concert hall will rise next season, the director announced."]
    b = ["Next season the concert hall becomes more expensive, its director said."]
    strict = align_sentences(a, b, CompareOptions(looseness=0.0))
    loose = align_sentences(a, b, CompareOptions(looseness=1.0))
    assert strict == []
    assert [(link.a, link.b) for link in loose] == [((0,), (0,))]


def test_looseness_zero_still_links_near_identical_sentences() -> None:
    a = ["The bridge opened in 1911 after four years of work."]
    b = ["The bridge opened in 1911, after four years of work."]
    assert [(link.a, link.b) for link in align_sentences(a, b, CompareOptions(looseness=0.0))] == [((0,), (0,))]


def test_pair_similarity_orders_paraphrase_above_unrelated_and_threshold_follows_looseness() -> None:
    same = pair_similarity("The bridge will be repaired next year.", "Next year the bridge will be repaired.")
    related = pair_similarity("The bridge will be repaired next year.", "The bridge was built in 1911.")
    unrelated = pair_similarity("The bridge will be repaired next year.", "Cats sleep most of the day.")
    assert same > related > unrelated >= 0.0
    # A probability from the MSRP-fitted model now, no longer a containment: same words, any
    # order, is clearly "same content" but not certainty.
    assert same > pair_threshold(0.5) > unrelated
    assert pair_threshold(0.0) > pair_threshold(0.5) > pair_threshold(1.0)


def test_pair_similarity_penalises_a_changed_number_and_a_negation() -> None:
    base = "The company said profits rose 12 percent in the third quarter."
    assert pair_similarity(base, base.replace("12", "40")) < pair_similarity(base, base)
    negated = "The company said profits did not rise in the third quarter."
    plain = "The company said profits did rise in the third quarter."
    assert pair_similarity(base, negated) < pair_similarity(base, plain)


def test_empty_inputs_give_no_links() -> None:
    assert align_sentences([], [], DEFAULT) == []
    assert align_sentences(NEWS_A, [], DEFAULT) == []
    # Sentences without words cannot be told apart by content: nothing to link.
    assert align_sentences(["", "   "], ["", "..."], DEFAULT) == []


def test_progress_reaches_one() -> None:
    seen: list[float] = []
    align_sentences(NEWS_A, NEWS_A[::-1], DEFAULT, seen.append)
    assert seen and seen[-1] == 1.0
    assert all(0.0 <= x <= 1.0 for x in seen)


# -- properties --------------------------------------------------------------------------------

WORDS = st.sampled_from(
    "bridge council repair harbour euros million years ferry river mayor Brücke Hafen Stadt "
    "Schiffe Jahr the der die and und of 4 1911 20".split()
)
SENTENCE = st.lists(WORDS, min_size=0, max_size=9).map(lambda words: " ".join(words) + ".")
TEXTS = st.lists(SENTENCE, min_size=0, max_size=14)
LOOSENESS = st.floats(min_value=0.0, max_value=1.0)


def check_links(links: list[Link], n_a: int, n_b: int) -> None:
    seen_a: set[int] = set()
    seen_b: set[int] = set()
    for link in links:
        assert link.a and link.b
        assert list(link.a) == list(range(link.a[0], link.a[-1] + 1))  # ascending, contiguous
        assert list(link.b) == list(range(link.b[0], link.b[-1] + 1))
        assert 0 <= link.a[0] and link.a[-1] < n_a and 0 <= link.b[0] and link.b[-1] < n_b
        assert not seen_a & set(link.a) and not seen_b & set(link.b)  # at most one link each
        seen_a.update(link.a)
        seen_b.update(link.b)
        assert 0.0 <= link.similarity <= 1.0
    assert [link.a[0] for link in links] == sorted(link.a[0] for link in links)


@settings(max_examples=150, deadline=None)
@given(TEXTS, TEXTS, LOOSENESS)
def test_links_are_well_formed(a: list[str], b: list[str], looseness: float) -> None:
    check_links(align_sentences(a, b, CompareOptions(looseness=looseness)), len(a), len(b))


@settings(max_examples=100, deadline=None)
@given(TEXTS, LOOSENESS)
def test_aligning_a_text_with_itself_gives_identity_links(a: list[str], looseness: float) -> None:
    links = align_sentences(a, a, CompareOptions(looseness=looseness))
    check_links(links, len(a), len(a))
    linked = {i for link in links for i in link.a}
    for link in links:
        assert link.a == link.b and len(link.a) == 1
    # Every sentence with words is linked; duplicates may pair with another copy of themselves.
    assert all(i in linked for i, s in enumerate(a) if s.strip(". "))


@settings(max_examples=60, deadline=None)
@given(TEXTS, TEXTS)
def test_alignment_is_deterministic(a: list[str], b: list[str]) -> None:
    assert align_sentences(a, b, DEFAULT) == align_sentences(list(a), list(b), DEFAULT)


# -- the monotone path search (opt-in through ``params``) ----------------------------------------


def test_path_search_lets_a_weak_sentence_between_two_parts_join_the_split() -> None:
    # Rows 0 and 2 clearly belong to column 0, row 1 (an added explanation) barely: with the
    # stay bonus the path keeps it in the unit; without, it is left out and the unit breaks.
    emission = [[3.0, -4.0], [-4.0, -4.0], [2.5, -4.0], [-4.0, 3.0]]
    assert best_path(emission, stay=2.0, skip=0.0) == [0, 0, 0, 1]
    assert path_units(best_path(emission, 2.0, 0.0), 10, 20) == [(10, [20, 21, 22]), (11, [23])]
    assert best_path(emission, stay=0.0, skip=0.0) == [0, -1, -1, 1]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.lists(st.floats(-5, 5), min_size=3, max_size=3), min_size=0, max_size=8),
    st.floats(0, 4),
    st.floats(0, 2),
)
def test_path_columns_never_go_back_and_negative_rows_alone_stay_unlinked(
    emission: list[list[float]], stay: float, skip: float
) -> None:
    path = best_path(emission, stay, skip)
    assert len(path) == len(emission)
    linked = [col for col in path if col >= 0]
    assert linked == sorted(linked)
    # Units are contiguous: a column, once left, is never taken again.
    runs = [col for k, col in enumerate(path) if col >= 0 and (k == 0 or path[k - 1] != col)]
    assert len(runs) == len(set(runs))
    if all(e < 0 for row in emission for e in row):
        # With nothing to gain from staying or from not passing columns over, no link pays.
        assert all(col == -1 for col in best_path(emission, 0.0, 0.0))


def test_path_search_keeps_an_added_explanation_inside_the_split() -> None:
    a = [
        "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke zu reparieren.",
        "Die Reparatur kostet 4 Millionen Euro und dauert zwei Jahre, sagte die Bürgermeisterin.",
        "Während der Arbeiten fahren Fähren über den Fluss.",
    ]
    b = [
        a[0],
        "Die Reparatur kostet 4 Millionen Euro.",
        "Das ist viel Geld für die Stadt.",  # added explanation, between two parts of the split
        "Die Reparatur dauert zwei Jahre, sagte die Bürgermeisterin.",
        a[2],
    ]
    links = align_sentences(a, b, DEFAULT, params=FITTED_ON_ODD_IDS)
    check_links(links, len(a), len(b))
    assert ((1,), (1, 2, 3)) in {(link.a, link.b) for link in links}


@settings(max_examples=60, deadline=None)
@given(TEXTS, TEXTS, LOOSENESS)
def test_path_search_links_are_well_formed(a: list[str], b: list[str], looseness: float) -> None:
    links = align_sentences(a, b, CompareOptions(looseness=looseness), params=FITTED_ON_ODD_IDS)
    check_links(links, len(a), len(b))
