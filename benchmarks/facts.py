"""Precision and recall of the facts view per kind, against a hand-made gold, with a baseline.

    uv run python benchmarks/facts.py            # the table
    uv run python benchmarks/facts.py --misses   # and every missed or extra item

The gold (benchmarks/facts_gold/gold.json) lists, for our demo pair and three pairs we wrote,
every change in numbers, dates, names, negation and certainty an editor would want flagged,
and every quotation with its status. An item found counts when its kind and status match a
gold item and its spans overlap the gold words on every side the gold names.

The baseline is the simplest honest one: the word diff of each linked unit, with every changed
token sorted by its look (digits: number, or date for a year; a capital not opening the
sentence: name; a word of a fixed list: negation or certainty), paired "changed" when both
sides of a unit change tokens of one kind; a quotation is verbatim when its text, quote marks
folded, appears in the other text, otherwise not found.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.core import compare, load_document
from reader.core.facts.quotes import find_quotations
from reader.core.model import Comparison, Fact, FactKind, FactStatus, Op

GOLD = Path(__file__).parent / "facts_gold" / "gold.json"
KINDS = [kind.value for kind in FactKind]

Span = tuple[int, int]


def locate(text: str, words: str | None, within: str | None) -> Span | None:
    if words is None:
        return None
    base = text.find(within) if within else 0
    if base < 0:
        raise SystemExit(f"gold phrase not in text: {within!r}")
    at = text.find(words, base)
    if at < 0:
        raise SystemExit(f"gold words not in text: {words!r}")
    return at, at + len(words)


def overlaps(x: Span | None, y: Span | None) -> bool:
    return x is not None and y is not None and x[0] < y[1] and y[0] < x[1]


def score(found: list[Fact], gold: list[dict], text_a: str, text_b: str) -> tuple[dict, list[str]]:
    """Per kind: true positives, found, gold; plus readable misses and extras."""
    expected = [
        (
            item["kind"],
            item["status"],
            locate(text_a, item["a"], item.get("a_in")),
            locate(text_b, item["b"], item.get("b_in")),
        )
        for item in gold
    ]
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    used: set[int] = set()
    notes = []
    for fact in found:
        counts[fact.kind.value][1] += 1
        hit = next(
            (
                k
                for k, (kind, status, a, b) in enumerate(expected)
                if k not in used
                and kind == fact.kind.value
                and status == fact.status.value
                and (a is None or overlaps(a, fact.a))
                and (b is None or overlaps(b, fact.b))
            ),
            None,
        )
        if hit is None:
            notes.append(f"  extra  {fact.kind.value:9} {fact.status.value:9} {fact.note}")
        else:
            used.add(hit)
            counts[fact.kind.value][0] += 1
    for k, (kind, status, a, b) in enumerate(expected):
        counts[kind][2] += 1
        if k not in used:
            words = text_a[a[0] : a[1]] if a else text_b[b[0] : b[1]] if b else ""
            notes.append(f"  missed {kind:9} {status:9} {words}")
    return counts, notes


_NEGATORS = {"not", "no", "never", "nobody", "none", "nothing", "without", "cannot", "neither", "nor"}
_CERTAINTY = {
    "may",
    "might",
    "could",
    "confirmed",
    "confirm",
    "suspect",
    "suspected",
    "alleged",
    "allegedly",
    "reportedly",
    "believe",
    "believed",
    "expected",
    "likely",
    "unlikely",
    "possibly",
    "probably",
    "will",
    "due",
}


def baseline(comparison: Comparison) -> list[Fact]:
    """Changed tokens of the word diff sorted by their look; quotations by exact search."""
    text_a, text_b = comparison.a.text, comparison.b.text
    facts: list[Fact] = []
    for k, unit in enumerate(comparison.units):
        per_kind: dict[str, dict[str, list[Span]]] = defaultdict(lambda: {"a": [], "b": []})
        for seg in unit.diff:
            if seg.op is Op.EQUAL:
                continue
            side, text, low, high = (
                ("a", text_a, seg.a_start, seg.a_end) if seg.op is Op.DELETE else ("b", text_b, seg.b_start, seg.b_end)
            )
            for match in re.finditer(r"[£$€]?\w[\w,.'’-]*", text[low:high]):
                token = match.group().rstrip(".,")
                kind = _kind_of(token, text, low + match.start())
                if kind:
                    per_kind[kind][side].append((low + match.start(), low + match.start() + len(token)))
        for kind, sides in per_kind.items():
            pairs = min(len(sides["a"]), len(sides["b"]))
            for x, y in zip(sides["a"], sides["b"], strict=False):
                facts.append(Fact(FactKind(kind), FactStatus.CHANGED, k, x, y, ""))
            facts += [Fact(FactKind(kind), FactStatus.DROPPED, k, x, None, "") for x in sides["a"][pairs:]]
            facts += [Fact(FactKind(kind), FactStatus.ADDED, k, None, y, "") for y in sides["b"][pairs:]]
    fold = str.maketrans("“”‘’", "\"\"''")
    for side, document, other in (("a", comparison.a, text_b), ("b", comparison.b, text_a)):
        other_folded = other.translate(fold).lower()
        for start, end in find_quotations(document.text, document.blocks):
            said = document.text[start:end].translate(fold).lower().strip(" ,.")
            status = FactStatus.VERBATIM if said in other_folded else FactStatus.NOT_FOUND
            span = (start, end)
            facts.append(
                Fact(
                    FactKind.QUOTE, status, None, span if side == "a" else None, span if side == "b" else None, "", side
                )
            )
    return facts


def _kind_of(token: str, text: str, at: int) -> str | None:
    if any(c.isdigit() for c in token):
        return "date" if re.fullmatch(r"(?:1[5-9]|20)\d\d", token) else "number"
    lower = token.lower()
    if lower in _NEGATORS or lower.endswith("n't"):
        return "negation"
    if lower in _CERTAINTY:
        return "certainty"
    before = text[max(0, at - 2) : at]
    if token[:1].isupper() and before.strip() not in ("", ".", '"', "“") and at > 0:
        return "name"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every missed and extra item")
    args = parser.parse_args()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for title, pairs in (
        ("All pairs (the code was tuned on those not held out)", gold["pairs"]),
        ("Held out (written after the last change, scored once)", [p for p in gold["pairs"] if p.get("held_out")]),
    ):
        print(f"\n{title}: {len(pairs)} pairs")
        _table(pairs, args.misses and len(pairs) == len(gold["pairs"]))
    # The real-text gold (ten real rewrites, judged by hand), scored beside the word-diff baseline.
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import facts_real

    print("\nReal-text gold (benchmarks/facts_gold/real, ten real rewrites):\n")
    return facts_real.report(args.misses)


def _table(pairs: list[dict], misses: bool) -> None:
    totals = {name: defaultdict(lambda: [0, 0, 0]) for name in ("tandem", "baseline")}
    for pair in pairs:
        a = load_document(GOLD.parent / pair["a"])
        b = load_document(GOLD.parent / pair["b"])
        comparison = compare(a, b)
        for name, found in (("tandem", list(comparison.facts)), ("baseline", baseline(comparison))):
            counts, notes = score(found, pair["items"], a.text, b.text)
            for kind, (tp, n_found, n_gold) in counts.items():
                total = totals[name][kind]
                total[0] += tp
                total[1] += n_found
                total[2] += n_gold
            if misses and name == "tandem" and notes:
                print(f"{pair['name']}:")
                print("\n".join(notes))
    print(f"{'kind':10} {'gold':>5} | {'tandem P':>9} {'R':>6} {'F1':>6} | {'baseline P':>10} {'R':>6} {'F1':>6}")
    for kind in [*KINDS, "all"]:
        row = []
        for name in ("tandem", "baseline"):
            if kind == "all":
                tp, n_found, n_gold = (sum(v[i] for v in totals[name].values()) for i in range(3))
            else:
                tp, n_found, n_gold = totals[name][kind]
            precision = tp / n_found if n_found else 0.0
            recall = tp / n_gold if n_gold else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            row.append((n_gold, precision, recall, f1))
        (gold_count, p, r, f), (_, bp, br, bf) = row
        print(f"{kind:10} {gold_count:5} | {p:9.2f} {r:6.2f} {f:6.2f} | {bp:10.2f} {br:6.2f} {bf:6.2f}")


if __name__ == "__main__":
    raise SystemExit(main())
