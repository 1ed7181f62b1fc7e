"""Choose the aligner's settings by leave-one-pair-out cross-validation on the English set.

Run by hand from the project root:  uv run python benchmarks/fit_alignment.py [--write]

The English set (../shared/benchmarks/alignment/english, ten real rewrites with hand-made
golds) is scored as the sidebar is judged: unique-sentence F1 pooled over pairs, then pair F1
(``score_pairs.py``'s own functions). For every pair held out, the grid point best on the
other nine is chosen and scored on the held-out pair; the pooled held-out counts are the
honest figure. ``--write`` stores the grid point best on all ten in
``reader/core/align/settings.json`` (the shipped settings).
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import sys
from dataclasses import asdict, replace
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core import compare, load_document  # noqa: E402
from reader.core.align import SHIPPED, Settings, align_sentences  # noqa: E402
from reader.core.model import CompareOptions  # noqa: E402

ENGLISH = ROOT.parent / "shared" / "benchmarks" / "alignment" / "english"
GRID = {
    "link_bar": (0.22, 0.24, 0.26, 0.28, 0.30, 0.33),
    "gap_bar": (0.08, 0.10, 0.12, 0.14, 0.17),
    "attach_bar": (0.35, 0.40, 0.45, 0.50, 0.60),
    "number_weight": (1.0, 2.0),
}


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_pairs", ENGLISH.parent / "score_pairs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def english_pairs() -> list[tuple[str, dict[str, Any], dict[str, Any], list[str], list[str], str]]:
    """(name, gold, result skeleton, A sentences, B sentences, language) per pair; split once."""
    out = []
    for gold_path in sorted((ENGLISH / "pairs").glob("*_gold.json")):
        name = gold_path.name.removesuffix("_gold.json")
        a = load_document(gold_path.with_name(f"{name}_a.txt"))
        b = load_document(gold_path.with_name(f"{name}_b.txt"))
        result = compare(a, b)
        skeleton = {
            side: {"text": doc.text, "sentences": [{"start": s.start, "end": s.end} for s in sents]}
            for side, doc, sents in (("a", a, result.sentences_a), ("b", b, result.sentences_b))
        }
        texts_a = [a.text[s.start : s.end] for s in result.sentences_a]
        texts_b = [b.text[s.start : s.end] for s in result.sentences_b]
        out.append((name, json.loads(gold_path.read_text(encoding="utf-8")), skeleton, texts_a, texts_b, "en"))
    return out


def counts(scorer: ModuleType, pair: tuple[Any, ...], settings: Settings) -> list[int]:
    """(unique tp, predicted, gold, pair tp, predicted, gold) of one pair under ``settings``."""
    _, gold, skeleton, texts_a, texts_b, language = pair
    links = align_sentences(texts_a, texts_b, CompareOptions(), settings=settings, language=language)
    in_a = {i for link in links for i in link.a}
    in_b = {j for link in links for j in link.b}
    result = {
        **skeleton,
        "units": [{"a": list(link.a), "b": list(link.b)} for link in links],
        "only_a": [i for i in range(len(texts_a)) if i not in in_a],
        "only_b": [j for j in range(len(texts_b)) if j not in in_b],
    }
    scored = scorer.score(gold, result)
    return list(scored["only"] + scored["pair"])


def figures(scorer: ModuleType, total: list[int]) -> tuple[float, float]:
    return scorer.f1(*total[:3])[0], scorer.f1(*total[3:])[0]


def main() -> int:
    if not ENGLISH.exists():
        print(f"skipped: {ENGLISH} is absent (the shared benchmark data)")
        return 0
    scorer = load_scorer()
    pairs = english_pairs()
    points = [replace(SHIPPED, **dict(zip(GRID, values))) for values in itertools.product(*GRID.values())]
    table = [[counts(scorer, pair, point) for pair in pairs] for point in points]

    def pooled(rows: list[list[int]]) -> list[int]:
        return [sum(column) for column in zip(*rows)]

    def key(point_rows: list[list[int]]) -> tuple[float, float]:
        return figures(scorer, pooled(point_rows))

    held_out: list[list[int]] = []
    print("| held-out pair | chosen link / gap / attach / number | unique F1 there | pair F1 there |")
    print("|---|---|---|---|")
    for k, pair in enumerate(pairs):
        best = max(range(len(points)), key=lambda p: key([row for n, row in enumerate(table[p]) if n != k]))
        row = table[best][k]
        held_out.append(row)
        s = points[best]
        u, p = figures(scorer, row)
        print(f"| {pair[0]} | {s.link_bar} / {s.gap_bar} / {s.attach_bar} / {s.number_weight} | {u:.3f} | {p:.3f} |")
    fitted = max(range(len(points)), key=lambda p: key(table[p]))
    u_held, p_held = figures(scorer, pooled(held_out))
    u_fit, p_fit = key(table[fitted])
    print(f"\nleave-one-pair-out, pooled held-out: unique-sentence F1 {u_held:.3f}, pair F1 {p_held:.3f}")
    print(f"best on all ten (fitted, optimistic): unique-sentence F1 {u_fit:.3f}, pair F1 {p_fit:.3f}: {points[fitted]}")
    if "--write" in sys.argv:
        path = ROOT / "reader" / "core" / "align" / "settings.json"
        data = {"about": "Fitted by benchmarks/fit_alignment.py; see docs/benchmarks-alignment.md.",
                "settings": asdict(points[fitted])}
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
