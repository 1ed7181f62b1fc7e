"""Recall and precision of the Facts view on ten real rewrites, against a hand-read gold, with a baseline.

    uv run python benchmarks/facts_real.py            # the tables
    uv run python benchmarks/facts_real.py --misses   # and every missed change and every noise item

The texts are the English alignment set in ../shared/benchmarks/alignment/english/pairs (people's
rewrites, not ours); the gold (benchmarks/facts_gold/real/NAME.json, see its README) lists every
change a fact-checker must see inside sentences both texts have, the sentences only one text has,
and a sample of differences that are not changes. The rules:

* a gold change is found when some item (any kind, quotation items too) overlaps its words on
  either side;
* an item is noise when its spans overlap no gold change on either side; precision is the share
  of items that are not noise;
* an item of a sentence only one text has (no unit, its one span inside a sentence the gold
  lists as one-sided, or marked folded) is shown folded under that sentence: counted apart,
  never as noise.

The baseline is the simplest honest one: the word diff of each linked unit, every maximal run of
changed tokens (segments other than EQUAL, joined across EQUAL runs without a letter or digit)
being one item, scored by the same rules.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.core import Comparison, DocumentError, compare, load_document
from reader.core.model import Op, Unit

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = Path(__file__).parent / "facts_gold" / "real"
GOLD_KINDS = ("number", "date", "name", "negation", "certainty", "quote")

Span = tuple[int, int]


class GoldError(Exception):
    """The gold does not fit its texts: a phrase is missing, or a field is wrong."""


@dataclass(frozen=True)
class Change:
    kind: str
    a: Span | None
    b: Span | None
    note: str


@dataclass(frozen=True)
class Item:
    """One thing the reader is shown: a fact of Tandem or a run of the baseline's diff."""

    kind: str
    status: str
    unit: int | None
    a: Span | None
    b: Span | None
    note: str
    folded: bool = False


@dataclass
class Pair:
    name: str
    comparison: Comparison
    changes: list[Change]
    not_changes: list[Change]
    one_sided: dict[str, list[Span]] = field(default_factory=dict)


def locate(text: str, words: str | None, within: str | None, where: str) -> Span | None:
    """The span of ``words`` in ``text``; ``within`` (when given) must occur once and contain it."""
    if words is None:
        return None
    base = 0
    if within:
        if text.count(within) != 1:
            raise GoldError(f"{where}: the phrase {within!r} must occur exactly once, found {text.count(within)}")
        base = text.find(within)
        at = text.find(words, base, base + len(within))
    else:
        if text.count(words) != 1:
            raise GoldError(f"{where}: {words!r} must occur exactly once (give a *_within), found {text.count(words)}")
        at = text.find(words)
    if at < 0:
        raise GoldError(f"{where}: {words!r} is not inside {within!r}")
    return at, at + len(words)


def load_pair(path: Path) -> Pair:
    """Read one gold file, compare its texts and place every gold phrase in them."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    a = load_document(ROOT / gold["a"])
    b = load_document(ROOT / gold["b"])
    comparison = compare(a, b)
    texts = {"a": comparison.a.text, "b": comparison.b.text}

    def changes(key: str) -> list[Change]:
        found = []
        for k, entry in enumerate(gold[key]):
            where = f"{path.name} {key}[{k}]"
            if entry["kind"] not in GOLD_KINDS:
                raise GoldError(f"{where}: unknown kind {entry['kind']!r}")
            spans = [locate(texts[s], entry.get(s), entry.get(f"{s}_within"), where) for s in ("a", "b")]
            if spans[0] is None and spans[1] is None:
                raise GoldError(f"{where}: neither side has words")
            found.append(Change(entry["kind"], spans[0], spans[1], entry.get("note", "")))
        return found

    one_sided: dict[str, list[Span]] = {"a": [], "b": []}
    for k, entry in enumerate(gold["one_sided"]):
        span = locate(texts[entry["side"]], entry["text"], None, f"{path.name} one_sided[{k}]")
        assert span is not None
        one_sided[entry["side"]].append(span)
    return Pair(gold["name"], comparison, changes("changes"), changes("not_changes"), one_sided)


def _value(field_value: object) -> str:
    return str(getattr(field_value, "value", field_value))


def tandem_items(pair: Pair) -> list[Item]:
    """The comparison's facts; optional fields are read with getattr so later additions do not break this."""
    items = []
    for fact in pair.comparison.facts:
        unit = getattr(fact, "unit", None)
        a, b = getattr(fact, "a", None), getattr(fact, "b", None)
        lone = getattr(fact, "lone_sentence", None) is not None
        folded = lone or bool(getattr(fact, "folded", False)) or (unit is None and _in_one_sided(pair, a, b))
        items.append(Item(_value(fact.kind), _value(getattr(fact, "status", "")), unit, a, b, fact.note, folded))
    return items


def _in_one_sided(pair: Pair, a: Span | None, b: Span | None) -> bool:
    """True for an item with one side only, lying inside a sentence the gold lists as one-sided."""
    if (a is None) == (b is None):
        return False  # both sides: a lone pair Tandem compared, judged like a unit
    side, span = ("a", a) if a is not None else ("b", b)
    assert span is not None
    text = (pair.comparison.a if side == "a" else pair.comparison.b).text
    # A quotation may run over several one-sided sentences: every character of it that is not
    # a space must lie in one of them.
    return all(text[at].isspace() or any(low <= at < high for low, high in pair.one_sided[side]) for at in range(*span))


def baseline_items(comparison: Comparison) -> list[Item]:
    """Every maximal changed run of each linked unit's word diff, as one item."""
    text_a, text_b = comparison.a.text, comparison.b.text
    items: list[Item] = []
    for k, unit in enumerate(comparison.units):
        for run_a, run_b in _changed_runs(unit, text_a):
            a, b = _hull(text_a, run_a), _hull(text_b, run_b)
            if a or b:
                items.append(Item("diff", "changed", k, a, b, ""))
    return items


def _changed_runs(unit: Unit, text_a: str) -> list[tuple[list[Span], list[Span]]]:
    """The unit's non-EQUAL segments grouped into runs; an EQUAL stretch with a letter or digit ends a run."""
    runs: list[tuple[list[Span], list[Span]]] = [([], [])]
    for seg in unit.diff:
        if seg.op is Op.EQUAL:
            if any(c.isalnum() for c in text_a[seg.a_start : seg.a_end]) and (runs[-1][0] or runs[-1][1]):
                runs.append(([], []))
        elif seg.op is Op.DELETE:
            runs[-1][0].append((seg.a_start, seg.a_end))
        else:
            runs[-1][1].append((seg.b_start, seg.b_end))
    return [run for run in runs if run[0] or run[1]]


def _hull(text: str, spans: list[Span]) -> Span | None:
    """The smallest span holding ``spans``, trimmed of white space; None when only spaces changed."""
    if not spans:
        return None
    low, high = min(s for s, _ in spans), max(e for _, e in spans)
    while low < high and text[low].isspace():
        low += 1
    while high > low and text[high - 1].isspace():
        high -= 1
    return (low, high) if low < high else None


def overlaps(x: Span | None, y: Span | None) -> bool:
    return x is not None and y is not None and x[0] < y[1] and y[0] < x[1]


def touches(item: Item, change: Change) -> bool:
    return overlaps(item.a, change.a) or overlaps(item.b, change.b)


@dataclass
class Score:
    """Counts for one pair and one method; ``add`` pools them."""

    changes: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    items: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    noise: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    folded: int = 0
    verbatim: int = 0  # quotation items that say "word for word": a check, not a claimed change
    verbatim_noise: int = 0
    on_not_changes: int = 0

    def add(self, other: Score) -> None:
        for mine, theirs in (
            (self.changes, other.changes),
            (self.found, other.found),
            (self.items, other.items),
            (self.noise, other.noise),
        ):
            for key, count in theirs.items():
                mine[key] += count
        self.folded += other.folded
        self.verbatim += other.verbatim
        self.verbatim_noise += other.verbatim_noise
        self.on_not_changes += other.on_not_changes

    def total(self, counts: dict[str, int]) -> int:
        return sum(counts.values())


def score(pair: Pair, items: list[Item]) -> tuple[Score, list[str]]:
    """Recall per gold kind, noise per item kind, and readable lines for each miss and noise item."""
    result = Score()
    notes: list[str] = []
    counted = [item for item in items if not item.folded]
    result.folded = len(items) - len(counted)
    result.verbatim = sum(1 for item in counted if item.status == "verbatim")
    result.verbatim_noise = sum(
        1 for item in counted if item.status == "verbatim" and not any(touches(item, c) for c in pair.changes)
    )
    text_a, text_b = pair.comparison.a.text, pair.comparison.b.text
    for change in pair.changes:
        result.changes[change.kind] += 1
        if any(touches(item, change) for item in items):
            result.found[change.kind] += 1
        else:
            notes.append(f"  missed {change.kind:9} {_words(text_a, text_b, change.a, change.b)}  ({change.note})")
    for item in counted:
        result.items[item.kind] += 1
        if not any(touches(item, change) for change in pair.changes):
            result.noise[item.kind] += 1
            listed = any(touches(item, other) for other in pair.not_changes)
            result.on_not_changes += listed
            mark = "noise* " if listed else "noise  "
            notes.append(f"  {mark}{item.kind:9} {item.status:9} {_words(text_a, text_b, item.a, item.b)}")
    return result, notes


def _words(text_a: str, text_b: str, a: Span | None, b: Span | None) -> str:
    def cut(text: str, span: Span | None) -> str:
        return "-" if span is None else repr(" ".join(text[span[0] : span[1]].split())[:90])

    return f"A {cut(text_a, a)} | B {cut(text_b, b)}"


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def print_pairs(rows: list[tuple[str, Score, Score]]) -> None:
    print(
        f"{'pair':22} {'changes':>7} | {'tandem items':>12} {'folded':>6} {'ratio':>5} {'found':>5} {'noise':>5}"
        f" {'on not':>6} | {'diff items':>10} {'ratio':>5} {'found':>5} {'noise':>5}"
    )
    for name, tandem, base in rows:
        n = tandem.total(tandem.changes)
        t_items, b_items = tandem.total(tandem.items), base.total(base.items)
        print(
            f"{name:22} {n:7} | {t_items:12} {tandem.folded:6} {_ratio(t_items, n):5.2f} {tandem.total(tandem.found):5}"
            f" {tandem.total(tandem.noise):5} {tandem.on_not_changes:6} | {b_items:10} {_ratio(b_items, n):5.2f}"
            f" {base.total(base.found):5} {base.total(base.noise):5}"
        )
    print("(items: outside one-sided sentences; folded: inside them, not scored; on not: noise on a listed not-change)")


def print_pooled(tandem: Score, base: Score) -> None:
    print(
        f"\n{'kind':10} {'changes':>7} | {'tandem items':>12} {'P':>5} {'R':>5} {'F1':>5}"
        f" | {'diff items':>10} {'P':>5} {'R':>5} {'F1':>5}"
    )
    for kind in (*GOLD_KINDS, "diff", None):
        changes, t_items, t_p, t_r, t_f = _cell(tandem, kind)
        _, b_items, b_p, b_r, b_f = _cell(base, kind)
        print(
            f"{kind or 'all':10} {changes:7} | {t_items:12} {t_p:>5} {t_r:>5} {t_f:>5}"
            f" | {b_items:10} {b_p:>5} {b_r:>5} {b_f:>5}"
        )
    items, noise = tandem.total(tandem.items) - tandem.verbatim, tandem.total(tandem.noise) - tandem.verbatim_noise
    print("(recall by gold kind; precision by item kind, so every baseline item has the kind 'diff')")
    print(
        f"change items only (the {tandem.verbatim} word-for-word quotation checks apart): {items} items,"
        f" precision {_ratio(items - noise, items):.2f}"
    )


def _cell(method: Score, kind: str | None) -> tuple[int, int, str, str, str]:
    """Changes, items, precision, recall and F1 of one kind (None: all kinds)."""
    if kind is None:
        changes, found = method.total(method.changes), method.total(method.found)
        items, noise = method.total(method.items), method.total(method.noise)
    else:
        changes, found = method.changes.get(kind, 0), method.found.get(kind, 0)
        items, noise = method.items.get(kind, 0), method.noise.get(kind, 0)
    precision = _ratio(items - noise, items) if items else None
    recall = _ratio(found, changes) if changes else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
    return changes, items, _fmt(precision), _fmt(recall), _fmt(f1)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every missed change and every noise item")
    return report(parser.parse_args().misses)


def report(misses: bool) -> int:
    """Print the per-pair, pooled and per-kind tables (``benchmarks/facts.py`` prints them too)."""
    paths = sorted(GOLD_DIR.glob("*.json"))
    if not paths:
        print(f"no gold files in {GOLD_DIR.relative_to(ROOT)}", file=sys.stderr)
        return 2
    rows: list[tuple[str, Score, Score]] = []
    pooled_tandem, pooled_base = Score(), Score()
    for path in paths:
        try:
            pair = load_pair(path)
        except (OSError, DocumentError) as error:
            print(f"cannot read the texts of {path.name} (is ../shared present?): {error}", file=sys.stderr)
            return 2
        except (GoldError, KeyError, ValueError) as error:
            print(f"bad gold file {path.name}: {error}", file=sys.stderr)
            return 2
        tandem, tandem_notes = score(pair, tandem_items(pair))
        base, _ = score(pair, baseline_items(pair.comparison))
        rows.append((pair.name, tandem, base))
        pooled_tandem.add(tandem)
        pooled_base.add(base)
        if misses and tandem_notes:
            print(f"{pair.name}:")
            print("\n".join(tandem_notes))
    if misses:
        print("(noise*: the item lies on a difference the gold lists as not a change)\n")
    print_pairs(rows)
    print_pooled(pooled_tandem, pooled_base)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
