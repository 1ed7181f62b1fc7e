"""Hostile input to the facts stage: endless digits, thousands of numbers in one passage."""

from __future__ import annotations

import sys

from reader.core import compare, document_from_text
from reader.core.facts.quantities import MAX_DIGITS, exact_value, find_numbers
from reader.core.facts.unit_facts import MAX_MENTIONS
from reader.core.model import FactKind, FactStatus
from reader.export.aligned_text import comparison_to_aligned_text
from reader.export.html_export import comparison_to_html


def test_a_run_of_hundreds_of_digits_is_compared_as_written() -> None:
    long_a, long_b = "7" * 400, "7" * 399 + "8"
    comparison = compare(
        document_from_text(f"The key is {long_a} here. The fee is 5 pounds.", "a.txt"),
        document_from_text(f"The key is {long_b} here. The fee is 6 pounds.", "b.txt"),
    )
    notes = [f.note for f in comparison.facts if f.kind is FactKind.NUMBER]
    assert any("(400 digits)" in note and "…" in note for note in notes)
    assert all(len(note) < 120 for note in notes)  # shown shortened, never 400 digits


def test_a_long_number_with_a_scale_keeps_its_digits() -> None:
    (mention,) = find_numbers("about " + "3" * 303 + " million people")
    assert "3" * 303 in mention.key and mention.key.endswith("×1,000,000|")
    assert sys.get_int_max_str_digits() in (0, 4300)  # the interpreter's limit was left alone


def test_exact_values_never_round() -> None:
    assert exact_value("2.4", 10**6) == "2,400,000"
    assert exact_value("1.10") == "1.1"
    assert exact_value("9" * MAX_DIGITS, 10**12) == f"{int('9' * MAX_DIGITS) * 10**12:,}"
    assert exact_value("0.1", 3) == "0.3"  # 0.1 * 3 through a float is 0.30000000000000004


def test_many_numbers_in_one_passage_pair_exactly() -> None:
    numbers_a = [str(100 + k) for k in range(300)]
    numbers_b = list(numbers_a)
    numbers_b[150] = "9999"
    comparison = compare(
        document_from_text("Counts: " + ", ".join(numbers_a) + ".", "a.txt"),
        document_from_text("Counts: " + ", ".join(numbers_b) + ".", "b.txt"),
    )
    changed = [f for f in comparison.facts if f.kind is FactKind.NUMBER]
    assert [f.note for f in changed] == ["9999 ← 250"]
    assert comparison.facts_capped == ()


def test_a_passage_with_more_numbers_than_the_cap_says_so() -> None:
    count = MAX_MENTIONS + 50
    text_a = "Readings: " + ", ".join(str(k) for k in range(count)) + "."
    text_b = "Readings: " + ", ".join(str(k + 1) for k in range(count)) + "."
    comparison = compare(document_from_text(text_a, "a.txt"), document_from_text(text_b, "b.txt"))
    assert comparison.facts_capped == (0,)
    assert all(f.status is not FactStatus.VERBATIM for f in comparison.facts)
    text = comparison_to_aligned_text(comparison)
    assert f"only the first {MAX_MENTIONS:,} were compared" in text
    assert "only the first" in comparison_to_html(comparison)
