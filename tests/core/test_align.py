"""Sentence alignment: behaviour on small English and German rewrites, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align import TUNED_ON_ODD_IDS, ChainSettings, Link, align_sentences
from reader.core.align_dp import FITTED_ON_ODD_IDS, best_path, path_units
from reader.core.model import CompareOptions
from reader.core.similarity import containment_threshold, pair_similarity, pair_threshold

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


# -- the candidate chain's settings ---------------------------------------------------------------

SPLIT_A = [
    "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke zu reparieren.",
    "Die Reparatur der Hafenbrücke kostet 4 Millionen Euro und dauert zwei Jahre, sagte die Bürgermeisterin.",
    "Während der Arbeiten fahren Fähren über den Fluss.",
]
SPLIT_B = [
    SPLIT_A[0],
    "Die Reparatur der Hafenbrücke kostet 4 Millionen Euro.",
    "Das ist viel Geld für eine kleine Stadt wie unsere.",  # added explanation: shares nothing
    "Die Reparatur dauert zwei Jahre, sagte die Bürgermeisterin.",
    SPLIT_A[2],
]


def test_whole_unit_score_keeps_an_added_explanation_inside_a_split() -> None:
    # Together the three B sentences cover the original; the middle one alone is not in it.
    cheap = ChainSettings(
        weak_part_cost=0.2, part_factor=1.4, whole_weight=1.0, absorb_min=1.01, absorb_adjacent=1.01, wedged_most_b=0
    )
    costly = cheap.with_values(weak_part_cost=99.0)
    found = {(link.a, link.b) for link in align_sentences(SPLIT_A, SPLIT_B, DEFAULT, settings=cheap)}
    assert ((1,), (1, 2, 3)) in found
    without = {(link.a, link.b) for link in align_sentences(SPLIT_A, SPLIT_B, DEFAULT, settings=costly)}
    assert ((1,), (1, 2, 3)) not in without


def test_lone_sentence_wedged_between_units_is_linked_only_when_the_pass_is_on() -> None:
    a = [NEWS_A[0], "Officials expect the harbour works to disturb traffic for months.", NEWS_A[2]]
    b = [NEWS_A[0], "Cars will have to wait at the harbour for a long time.", NEWS_A[2]]
    # The segment pass would link it too: off here, so only the wedged pass is measured.
    on = ChainSettings(wedged_most_b=1, wedged_cover=0.05, segment_bar=99.0)
    off = on.with_values(wedged_most_b=0)
    assert ((1,), (1,)) in {(link.a, link.b) for link in align_sentences(a, b, DEFAULT, settings=on)}
    assert ((1,), (1,)) not in {(link.a, link.b) for link in align_sentences(a, b, DEFAULT, settings=off)}


def test_two_sentences_rewritten_as_three_form_one_unit_when_two_to_n_units_are_allowed() -> None:
    a = [
        "Der Hafen ist der größte des Landes.",
        "Jedes Jahr legen dort 8000 Containerschiffe aus Asien an.",
        "Die Schiffe bringen Waren, die Lastwagen ins ganze Land fahren.",
        "Im Winter friert der Hafen nie zu.",
    ]
    b = [
        a[0],
        "Jedes Jahr legen dort 8000 Schiffe an.",
        "Die Containerschiffe kommen aus Asien und bringen Waren.",
        "Lastwagen fahren die Waren ins ganze Land.",
        a[3],
    ]
    settings = ChainSettings(pair_split_cost=0.0, weak_part_cost=0.3)
    links = align_sentences(a, b, DEFAULT, settings=settings)
    check_links(links, len(a), len(b))
    assert ((1, 2), (1, 2, 3)) in {(link.a, link.b) for link in links}


def test_looseness_moves_the_bar_around_the_tuned_middle_and_keeps_the_ends() -> None:
    keep = TUNED_ON_ODD_IDS.keep
    assert containment_threshold(0.5, keep) == pytest.approx(keep)
    assert containment_threshold(0.0, keep) == pytest.approx(containment_threshold(0.0, 0.3))
    assert containment_threshold(1.0, keep) == pytest.approx(containment_threshold(1.0, 0.3))
    assert containment_threshold(0.0, keep) > containment_threshold(0.5, keep) > containment_threshold(1.0, keep)


def test_counts_in_settings_are_whole_numbers() -> None:
    settings = TUNED_ON_ODD_IDS.with_values(max_group=4.4, wedged_most_b=1.6)
    assert settings.max_group == 4 and settings.wedged_most_b == 2


SETTINGS = st.builds(
    ChainSettings,
    keep=st.floats(0.3, 0.8),
    part_factor=st.floats(0.5, 1.6),
    whole_factor=st.floats(0.5, 1.5),
    whole_weight=st.floats(0.5, 4.0),
    edge_factor=st.floats(0.2, 0.9),
    weak_part_cost=st.floats(0.0, 2.0),
    refill_factor=st.floats(0.0, 1.0),
    absorb_min=st.floats(0.0, 1.1),
    absorb_adjacent=st.floats(0.0, 0.5),
    wedged_cover=st.floats(0.0, 0.5),
    wedged_most_b=st.integers(0, 3),
    max_group=st.integers(2, 8),
    pair_split_cost=st.floats(0.0, 2.0),
    segment_bar=st.one_of(st.floats(-3.0, 3.0), st.just(99.0)),
    extend_bar=st.one_of(st.floats(-3.0, 3.0), st.just(99.0)),
    review_bar=st.one_of(st.floats(-3.0, 3.0), st.just(99.0)),
)


@settings(max_examples=80, deadline=None)
@given(TEXTS, TEXTS, LOOSENESS, SETTINGS)
def test_links_are_well_formed_under_any_chain_settings(
    a: list[str], b: list[str], looseness: float, chain: ChainSettings
) -> None:
    links = align_sentences(a, b, CompareOptions(looseness=looseness), settings=chain)
    check_links(links, len(a), len(b))
    assert all(len(link.a) <= chain.max_group and len(link.b) <= chain.max_group for link in links)
