"""Choose the aligner's settings per language by cross-validation; print held-out figures.

Run by hand from the project root:  uv run python benchmarks/fit_alignment.py [--write]

English: the English set (../shared/benchmarks/alignment/english, ten real rewrites with
hand-made golds) is scored as the sidebar is judged: unique-sentence F1 pooled over pairs,
then pair F1 (``score_pairs.py``'s own functions). For every pair held out, the grid point
best on the other nine is chosen and scored on the held-out pair; the pooled held-out counts
are the honest figure. The point best on all ten ships.

German: DEplain-web documents with odd ids choose the grid point (units F1, the paper's
metric); the even ids are held out and only measured.

``--write`` stores both in ``reader/core/align/settings.json`` (the shipped settings).
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
from reader.core.align import Settings, align_sentences, settings_for  # noqa: E402
from reader.core.model import CompareOptions  # noqa: E402

ENGLISH = ROOT.parent / "shared" / "benchmarks" / "alignment" / "english"
DEPLAIN = ENGLISH.parent / "deplain_web_manual_test.jsonl"
GRID_EN = {
    "link_bar": (0.18, 0.20, 0.22, 0.24, 0.26, 0.30),
    "gap_bar": (0.08, 0.10, 0.12, 0.15),
    "attach_bar": (0.35, 0.40, 0.45, 0.55),
    "far_piece_bar": (0.6, 0.7, 0.8, 0.9),
    "number_weight": (1.0, 1.5, 2.0),
}
GRID_DE = {
    "link_bar": (0.45, 0.55, 0.65, 0.75),
    "gap_bar": (0.3, 0.4, 0.5),
    "attach_bar": (0.2, 0.3, 0.4, 0.6),
    "far_piece_bar": (0.8, 0.9, 1.0),
}


def load_scorer(name: str = "score_pairs.py") -> ModuleType:
    spec = importlib.util.spec_from_file_location(name.removesuffix(".py"), ENGLISH.parent / name)
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


def grid(base: Settings, axes: dict[str, tuple[float, ...]]) -> list[Settings]:
    return [replace(base, **dict(zip(axes, values, strict=False))) for values in itertools.product(*axes.values())]


def fit_english() -> Settings:
    scorer = load_scorer()
    pairs = english_pairs()
    points = grid(settings_for("en"), GRID_EN)
    table = [[counts(scorer, pair, point) for pair in pairs] for point in points]

    def pooled(rows: list[list[int]]) -> list[int]:
        return [sum(column) for column in zip(*rows, strict=False)]

    def key(point_rows: list[list[int]]) -> tuple[float, float]:
        return figures(scorer, pooled(point_rows))

    held_out: list[list[int]] = []
    print("English, leave one pair out:\n")
    print("| held-out pair | chosen link / gap / attach / far piece | unique F1 there | pair F1 there |")
    print("|---|---|---|---|")
    for k, pair in enumerate(pairs):
        best = max(range(len(points)), key=lambda p: key([row for n, row in enumerate(table[p]) if n != k]))
        row = table[best][k]
        held_out.append(row)
        s = points[best]
        u, p = figures(scorer, row)
        print(f"| {pair[0]} | {s.link_bar} / {s.gap_bar} / {s.attach_bar} / {s.far_piece_bar} | {u:.3f} | {p:.3f} |")
    fitted = max(range(len(points)), key=lambda p: key(table[p]))
    u_held, p_held = figures(scorer, pooled(held_out))
    u_fit, p_fit = key(table[fitted])
    print(f"\npooled held-out: unique-sentence F1 {u_held:.3f}, pair F1 {p_held:.3f}")
    print(f"best on all ten (fitted, shipped): unique-sentence F1 {u_fit:.3f}, pair F1 {p_fit:.3f}: {points[fitted]}")
    return points[fitted]


def fit_german() -> Settings:
    scorer = load_scorer("score.py")
    gold = scorer.load(str(DEPLAIN))
    odd = {k for k in gold if int(k) % 2}
    halves = {"odd ids (fitting)": odd, "even ids (held out)": set(gold) - odd}

    def f1(point: Settings, ids: set[str]) -> tuple[float, float]:
        pred = {
            k: {
                "units": [
                    [list(x.a), list(x.b)]
                    for x in align_sentences(
                        gold[k]["a"], gold[k]["b"], CompareOptions(), settings=point, language="de"
                    )
                ]
            }
            for k in ids
        }
        subset = {k: gold[k] for k in ids}
        return scorer.score(subset, pred, False)["units"]["f1"], scorer.score(subset, pred, True)["units"]["f1"]

    best = max(grid(settings_for("de"), GRID_DE), key=lambda point: f1(point, odd))
    print("\nGerman (DEplain units F1), chosen on odd ids:\n")
    print("| documents | F1 | F1 without identical |")
    print("|---|---|---|")
    for name, ids in halves.items():
        full, hard = f1(best, ids)
        print(f"| {name} | {full:.3f} | {hard:.3f} |")
    print(f"chosen: {best}")
    return best


def main() -> int:
    if not ENGLISH.exists() or not DEPLAIN.exists():
        print(f"skipped: {ENGLISH.parent} is absent (the shared benchmark data)")
        return 0
    chosen = {"en": fit_english()}
    if "--english" not in sys.argv:
        chosen["de"] = fit_german()
    if "--write" in sys.argv:
        path = ROOT / "reader" / "core" / "align" / "settings.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data["settings"].update({language: asdict(point) for language, point in chosen.items()})
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
