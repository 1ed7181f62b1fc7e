"""Fact items: what a rewrite changed in numbers, dates, names, negation, certainty, quotations."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import compare, document_from_text, load_document
from reader.core.facts.quotes import find_quotations
from reader.core.facts.summary import summary
from reader.core.model import Comparison, Fact, FactKind, FactStatus
from reader.export.aligned_text import comparison_to_aligned_text
from reader.export.html_export import comparison_to_html
from reader.export.json_export import comparison_to_dict, comparison_to_json
from reader.resources import demo_pair

INTRO = "The council met on Monday evening in the town hall. "
OUTRO = " Residents were invited to attend the next session of the council."


def facts_of(a: str, b: str) -> tuple[Comparison, list[Fact]]:
    """The fact items of two one-paragraph texts that share an opening and a closing sentence."""
    comparison = compare(document_from_text(INTRO + a + OUTRO, "a.txt"), document_from_text(INTRO + b + OUTRO, "b.txt"))
    return comparison, list(comparison.facts)


def changes(a: str, b: str, kind: FactKind | None = None) -> list[tuple[str, str, str, str]]:
    """(kind, status, A words, B words) of every item that is not a verbatim quotation."""
    comparison, facts = facts_of(a, b)
    out = []
    for fact in facts:
        if fact.status is FactStatus.VERBATIM or (kind is not None and fact.kind is not kind):
            continue
        words_a = comparison.a.text[fact.a[0] : fact.a[1]] if fact.a else ""
        words_b = comparison.b.text[fact.b[0] : fact.b[1]] if fact.b else ""
        out.append((fact.kind.value, fact.status.value, words_a, words_b))
    return out


# ---------------------------------------------------------------- numbers


def test_a_changed_qualifier_is_a_changed_number() -> None:
    found = changes("Police said more than 200 people were arrested.", "Police said about 200 people were arrested.")
    assert found == [("number", "changed", "more than 200", "about 200")]


def test_dropping_about_is_not_a_change() -> None:
    assert changes("The repair takes about 14 months to finish.", "The repair takes 14 months to finish.") == []


def test_number_words_and_digits_of_one_value_agree() -> None:
    assert changes("Up to twenty people were hurt in the blast.", "Up to 20 people were hurt in the blast.") == []


def test_changed_amount_of_money() -> None:
    found = changes("The work will cost £18.4 million in all.", "The work will cost £19.4 million in all.")
    assert found == [("number", "changed", "£18.4 million", "£19.4 million")]


def test_a_pronoun_one_is_not_a_number() -> None:
    assert changes("One of the girders was badly corroded.", "One girder was badly corroded.", FactKind.NUMBER) == []


# ---------------------------------------------------------------- dates


def test_changed_day_of_a_date() -> None:
    found = changes("A public meeting will be held on 2 April.", "A public meeting will be held on 9 April.")
    assert found == [("date", "changed", "2 April", "9 April")]


def test_two_spellings_of_one_date_agree() -> None:
    assert (
        changes(
            "The vote was held on 2 April 2026 after a debate.", "The vote was held on April 2nd, 2026 after a debate."
        )
        == []
    )


def test_last_march_made_last_year() -> None:
    found = changes(
        "The bridge was closed last March after an inspection.", "The bridge was closed last year after an inspection."
    )
    assert ("date", "changed", "last March", "last year") in found


def test_may_the_verb_is_not_a_month() -> None:
    found = changes("May the council reconsider its plan?", "Will the council reconsider its plan?", FactKind.DATE)
    assert found == []


# ---------------------------------------------------------------- names


def test_a_changed_title_is_a_changed_name() -> None:
    found = changes(
        "The plan was defended by Dr. Amira Okafor on the radio.",
        "The plan was defended by Professor Amira Okafor on the radio.",
    )
    assert found == [("name", "changed", "Dr. Amira Okafor", "Professor Amira Okafor")]


def test_a_surname_alone_names_the_same_person() -> None:
    assert (
        changes("The plan was defended by Amira Okafor on the radio.", "The plan was defended by Okafor on the radio.")
        == []
    )


def test_a_swapped_name_is_changed() -> None:
    found = changes(
        "The campaign was led by Councillor Tom Reddaway last year.",
        "The campaign was led by Councillor Tim Reddaway last year.",
    )
    assert found == [("name", "changed", "Councillor Tom Reddaway", "Councillor Tim Reddaway")]


def test_a_capitalised_sentence_start_is_not_a_name() -> None:
    found = changes("Supporters of the plan cheered loudly.", "Supporters of the scheme cheered loudly.", FactKind.NAME)
    assert found == []


# ---------------------------------------------------------------- negation and certainty


def test_a_dropped_not_is_reported() -> None:
    found = changes("The mayor did not approve the new budget.", "The mayor did approve the new budget.")
    assert found == [("negation", "dropped", "not", "")]


def test_contracted_and_full_negation_agree() -> None:
    assert changes("The mayor didn't approve the new budget.", "The mayor did not approve the new budget.") == []


def test_a_prefix_turned_around_is_a_changed_negation() -> None:
    found = changes(
        "A quick repair is likely to fail within a decade.", "A quick repair is unlikely to fail within a decade."
    )
    assert ("negation", "changed", "likely", "unlikely") in found


def test_suspect_turned_into_confirmed() -> None:
    found = changes(
        "Police suspect that the fire was started on purpose.", "Police confirmed that the fire was started on purpose."
    )
    assert found == [("certainty", "changed", "suspect", "confirmed")]


def test_plain_attribution_is_not_certainty() -> None:
    assert (
        changes(
            "The council said the work would start soon.",
            "The council told reporters the work would start soon.",
            FactKind.CERTAINTY,
        )
        == []
    )


def test_reportedly_added() -> None:
    found = changes(
        "The ministry has pledged nine million pounds.", "The ministry has reportedly pledged nine million pounds."
    )
    assert found == [("certainty", "added", "", "reportedly")]


# ---------------------------------------------------------------- quotations


def quote_items(a: str, b: str) -> list[tuple[str, str]]:
    _, facts = facts_of(a, b)
    return [(fact.status.value, fact.side) for fact in facts if fact.kind is FactKind.QUOTE]


def test_typographic_quote_differences_are_verbatim() -> None:
    a = 'He said: "We can’t wait — not again."'
    b = "He said: “We can't wait - not again.”"
    assert quote_items(a, b) == [("verbatim", "both")]


def test_a_piece_of_a_longer_quotation_is_verbatim() -> None:
    a = '"We have lost customers every month since the lorries were stopped," she said.'
    b = 'She said they had "lost customers every month" since then.'
    assert quote_items(a, b) == [("verbatim", "both")]


def test_a_changed_word_in_a_quotation_is_altered_and_shown() -> None:
    _, facts = facts_of(
        '"We can keep it for less than half the price," she said.',
        '"We can keep it for less than half the cost," she said.',
    )
    (fact,) = [f for f in facts if f.kind is FactKind.QUOTE]
    assert fact.status is FactStatus.ALTERED and "cost ← price" in fact.note


def test_reported_speech_is_not_a_quotation_found() -> None:
    items = quote_items(
        '"Repair is not the cheap option," said the chair.', "The chair said repair was costly but wise."
    )
    assert items == [("not_found", "a")]


def test_a_quotation_across_sentence_ends_is_one_item() -> None:
    a = 'She said: "It will close. It will open again in May."'
    b = 'She said: "It will close. It will open again in June."'
    items = quote_items(a, b)
    assert len(items) == 1 and items[0][0] == "altered"


def test_nested_single_quotes_stay_inside_their_quotation() -> None:
    a = "He said: “They called it ‘a patch over a proper solution’ at the meeting.”"
    spans = find_quotations(a, document_from_text(a, "a.txt").blocks)
    assert len(spans) == 1 and a[spans[0][0] : spans[0][1]].startswith("They called")


def test_apostrophes_do_not_open_quotations() -> None:
    text = "The council’s plan and the town’s view were both heard."
    assert find_quotations(text, document_from_text(text, "a.txt").blocks) == []


# ---------------------------------------------------------------- the demo pair


@pytest.fixture(scope="module")
def demo() -> Comparison:
    a, b = demo_pair()
    return compare(load_document(a), load_document(b))


def _words(comparison: Comparison, fact: Fact) -> tuple[str, str]:
    a = comparison.a.text[fact.a[0] : fact.a[1]] if fact.a else ""
    b = comparison.b.text[fact.b[0] : fact.b[1]] if fact.b else ""
    return a, b


@pytest.mark.parametrize(
    ("kind", "status", "words_a", "words_b"),
    [
        ("number", "changed", "about 11,000", "Around 12,000"),
        ("number", "changed", "about £14", "under £14"),
        ("number", "dropped", "more than 6,000", ""),
        ("date", "changed", "2 April", "9 April"),
        ("date", "dropped", "2060", ""),
        ("name", "changed", "Dr. Amira Okafor", "Professor Amira Okafor"),
        ("name", "dropped", "Elin Marsh", ""),
        ("name", "added", "", "Daniel Ferreira"),
        ("negation", "added", "", "not"),
        ("certainty", "changed", "due to", "expected to"),
        ("certainty", "dropped", "expected to", ""),
        ("certainty", "added", "", "reportedly"),
        ("certainty", "added", "", "accused"),  # "said the council was" became "accused the council of"
    ],
)
def test_demo_pair_shows_each_planted_change(
    demo: Comparison, kind: str, status: str, words_a: str, words_b: str
) -> None:
    found = [(f.kind.value, f.status.value, *_words(demo, f)) for f in demo.facts]
    assert (kind, status, words_a, words_b) in found


def test_demo_pair_quotations(demo: Comparison) -> None:
    quotes = [f for f in demo.facts if f.kind is FactKind.QUOTE]
    statuses = sorted(f.status.value for f in quotes)
    assert statuses == ["altered", "not_found", "not_found", "verbatim", "verbatim", "verbatim"]
    (altered,) = [f for f in quotes if f.status is FactStatus.ALTERED]
    assert "cost ← price" in altered.note


def test_demo_pair_summary_and_exports(demo: Comparison) -> None:
    assert summary(demo.facts) == (
        "9 fact changes, 1 altered quotation, 2 quotations not found, 4 one-sided sentences with facts"
    )
    text = comparison_to_aligned_text(demo)
    assert "Facts: 9 fact changes" in text and "9 April ← 2 April" in text
    assert "Sentences only in one text" in text and "more than 6,000" in text
    html = comparison_to_html(demo)
    assert "<h2>Facts</h2>" in html and "Professor Amira Okafor ← Dr. Amira Okafor" in html
    assert "Sentences only in one text (4)" in html
    data = json.loads(comparison_to_json(demo))
    assert data == comparison_to_dict(demo)
    assert {"kind": "date", "status": "changed"}.items() <= data["facts"][
        [f["note"] for f in data["facts"]].index("9 April ← 2 April")
    ].items()
    for item in data["facts"]:
        assert set(item) >= {"kind", "status", "unit", "a", "b", "note"}
    lone = [item for item in data["facts"] if "lone_sentence" in item]
    assert lone and all(item["unit"] is None for item in lone)
    assert {item["lone_sentence"] for item in lone if item["a"] is not None} <= set(data["only_a"])
    assert data["facts_capped"] == []


def test_identical_texts_have_only_verbatim_quotations(demo: Comparison) -> None:
    same = compare(demo.a, demo.a)
    assert all(f.kind is FactKind.QUOTE and f.status is FactStatus.VERBATIM for f in same.facts)
    assert len(same.facts) == len(find_quotations(demo.a.text, demo.a.blocks))


# ---------------------------------------------------------------- properties

_WORDS = st.sampled_from(
    "the council said not about more than 200 £14 2 April last March Dr. Amira Okafor may "
    'confirmed reportedly “ ” " ‘ ’ . , — never unlikely likely Tuesday 1898 twenty'.split()
)
_SENTENCE = st.lists(_WORDS, min_size=1, max_size=14).map(lambda words: " ".join(words).capitalize() + ".")
_TEXT = st.lists(_SENTENCE, min_size=1, max_size=6).map(" ".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, _TEXT)
def test_spans_lie_inside_the_texts_and_every_quotation_has_one_item(text_a: str, text_b: str) -> None:
    a, b = document_from_text(text_a, "a.txt"), document_from_text(text_b, "b.txt")
    comparison = compare(a, b)
    for fact in comparison.facts:
        assert fact.a is not None or fact.b is not None
        for span, text in ((fact.a, a.text), (fact.b, b.text)):
            if span is not None:
                assert 0 <= span[0] < span[1] <= len(text)
        assert fact.unit is None or 0 <= fact.unit < len(comparison.units)
        assert fact.note
    for side, document in (("a", a), ("b", b)):
        for span in find_quotations(document.text, document.blocks):
            covering = [
                f
                for f in comparison.facts
                if f.kind is FactKind.QUOTE and f.side in (side, "both") and getattr(f, side) == span
            ]
            assert len(covering) == 1, (span, covering)
