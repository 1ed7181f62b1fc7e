"""The real-text facts gold (benchmarks/facts_gold/real) fits its texts: every phrase is there, once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core import load_document

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "benchmarks" / "facts_gold" / "real"
PAIRS = ROOT / ".." / "shared" / "benchmarks" / "alignment" / "english" / "pairs"
KINDS = {"number", "date", "name", "negation", "certainty", "quote"}
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))

needs_shared = pytest.mark.skipif(
    not PAIRS.is_dir(), reason="../shared/benchmarks/alignment/english/pairs is not present"
)


def test_the_gold_covers_at_least_seven_pairs_and_says_how_it_was_made() -> None:
    assert len(GOLD_FILES) >= 7
    assert (GOLD_DIR / "README.md").is_file()


def _problems_of_entry(entry: dict, texts: dict[str, str], where: str) -> list[str]:
    """Why an entry's words cannot be placed uniquely in its texts (empty when they can)."""
    problems = []
    if entry.get("kind") not in KINDS:
        problems.append(f"{where}: unknown kind {entry.get('kind')!r}")
    if entry.get("a") is None and entry.get("b") is None:
        problems.append(f"{where}: neither side has words")
    for side in ("a", "b"):
        words, within = entry.get(side), entry.get(f"{side}_within")
        text = texts[side]
        if within is not None:
            if text.count(within) != 1:
                problems.append(f"{where}: {side}_within occurs {text.count(within)} times: {within!r}")
            if words is None or words not in within:
                problems.append(f"{where}: {side} {words!r} is not inside {side}_within")
        elif words is not None and text.count(words) != 1:
            problems.append(f"{where}: {side} occurs {text.count(words)} times: {words!r}")
    return problems


@needs_shared
@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_every_gold_phrase_is_an_exact_substring_of_its_text(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert gold["name"] == path.stem
    texts = {side: load_document(ROOT / gold[side]).text for side in ("a", "b")}
    problems: list[str] = []
    assert gold["changes"], "a pair with no change would score nothing"
    for key in ("changes", "not_changes"):
        for k, entry in enumerate(gold[key]):
            problems += _problems_of_entry(entry, texts, f"{key}[{k}]")
    for k, entry in enumerate(gold["one_sided"]):
        if entry.get("side") not in texts:
            problems.append(f"one_sided[{k}]: side must be 'a' or 'b'")
        elif texts[entry["side"]].count(entry["text"]) != 1:
            problems.append(f"one_sided[{k}]: not found once: {entry['text'][:60]!r}")
    assert problems == []


def test_a_misplaced_phrase_is_reported() -> None:
    # The checker itself must be able to fail: a phrase missing, doubled or outside its frame.
    texts = {"a": "one two one", "b": "three"}
    assert _problems_of_entry({"kind": "number", "a": "one", "b": None}, texts, "x")
    assert _problems_of_entry({"kind": "number", "a": "four", "b": None}, texts, "x")
    assert _problems_of_entry({"kind": "number", "a": "one", "a_within": "two", "b": None}, texts, "x")
    assert _problems_of_entry({"kind": "colour", "a": None, "b": "three"}, texts, "x")
    assert not _problems_of_entry({"kind": "number", "a": "one", "a_within": "two one", "b": "three"}, texts, "x")
