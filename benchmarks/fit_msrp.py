"""Choose and fit the MSRP pair decision (``reader/core/pair_model.py``) on the TRAIN file only.

Run by hand from the project root:  uv run python benchmarks/fit_msrp.py [--test]
(``benchmarks/fit_alignment.py msrp`` runs the same.)

Protocol, fixed before any variant was measured: every variant below (feature set and L2
penalty) is scored by 10-fold cross-validation on msrp_train.jsonl with a seeded shuffle; in
each fold the threshold is the one most accurate on the nine fitting folds. The variant with
the best mean held-out accuracy is the one shipped: it is refitted on all of train, with the
threshold most accurate on train. With ``--test`` the test accuracy of that one variant is
printed; nothing is chosen after that.

Pure Python: the logistic regression is Newton's method on standardised columns.
"""

from __future__ import annotations

import json
import math
import operator
import random
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.pair_model import pair_feature_table  # noqa: E402

ALIGNMENT = ROOT.parent / "shared" / "benchmarks" / "alignment"
SEED = 20240611
FOLDS = 10

FIRST_SHIPPED = (
    "s1_in_s2", "s2_in_s1", "cosine", "bigram_overlap", "shared_number", "number_mismatch",
    "length_difference", "negation_mismatch", "unmatched_1", "unmatched_2", "trigram_overlap", "characters",
)
SYMMETRIC_BASE = (
    "containment_low", "containment_high", "cosine", "bigram_overlap", "trigram_overlap",
    "length_difference", "negation_mismatch", "unmatched_low", "unmatched_high", "characters_high",
)
WORD_NGRAMS = tuple(f"word{n}_{side}" for n in (1, 2, 3, 4) for side in ("low", "high"))
STEM_NGRAMS = tuple(f"stem{n}_{side}" for n in (1, 2, 3) for side in ("low", "high"))
CONTENT_NGRAMS = tuple(f"content{n}_{side}" for n in (1, 2) for side in ("low", "high"))
CHAR_NGRAMS = ("char3_low", "char3_high", "char4_low", "char4_high")
ORDER = ("bleu_low", "bleu_high", "lcs_low", "lcs_high", "word_edit")
NUMBERS = ("numbers_equal", "number_one_side", "numbers_differ", "numbers_unmatched")
ENTITIES = ("entities_shared", "entities_alone")
OTHER = ("length_gap", "quote_differs")
NONLINEAR = ("cover_x_ratio", "cover_above_0.5", "cover_above_0.7", "cover_above_0.85")
EVERYTHING = SYMMETRIC_BASE + WORD_NGRAMS + STEM_NGRAMS + CONTENT_NGRAMS + CHAR_NGRAMS + ORDER + NUMBERS + ENTITIES + OTHER + NONLINEAR
WITH_FIRST = EVERYTHING + tuple(f for f in FIRST_SHIPPED if f not in EVERYTHING)

# (name, features, L2 on standardised features). Listed before any was run.
VARIANTS: tuple[tuple[str, tuple[str, ...], float], ...] = (
    ("first shipped 12 features", FIRST_SHIPPED, 1e-3),
    ("symmetric base", SYMMETRIC_BASE, 1e-3),
    ("base + word n-grams", SYMMETRIC_BASE + WORD_NGRAMS, 1e-3),
    ("base + numbers", SYMMETRIC_BASE + NUMBERS, 1e-3),
    ("base + entities", SYMMETRIC_BASE + ENTITIES, 1e-3),
    ("base + n-grams (word, stem, content, char)", SYMMETRIC_BASE + WORD_NGRAMS + STEM_NGRAMS + CONTENT_NGRAMS + CHAR_NGRAMS, 1e-3),
    ("base + n-grams + order", SYMMETRIC_BASE + WORD_NGRAMS + STEM_NGRAMS + CONTENT_NGRAMS + CHAR_NGRAMS + ORDER, 1e-3),
    ("all but non-linear", EVERYTHING[: -len(NONLINEAR)], 1e-3),
    ("all", EVERYTHING, 1e-3),
    ("all, L2 0.01", EVERYTHING, 1e-2),
    ("all, L2 0.1", EVERYTHING, 1e-1),
    # Second round, after the rows above (train CV only): the first shipped features carry
    # directional and number terms the symmetric base lacks; and a finer L2 grid.
    ("all, L2 0.003", EVERYTHING, 3e-3),
    ("all, L2 0.03", EVERYTHING, 3e-2),
    ("all + first shipped", WITH_FIRST, 1e-2),
    ("all + first shipped, L2 0.003", WITH_FIRST, 3e-3),
    ("all + first shipped, L2 0.03", WITH_FIRST, 3e-2),
)


def load(name: str) -> tuple[list[dict[str, float]], list[int]]:
    with open(ALIGNMENT / name, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return [pair_feature_table(r["s1"], r["s2"]) for r in records], [int(r["label"]) for r in records]


def fit_columns(columns: Sequence[Sequence[float]], labels: Sequence[int], l2: float) -> tuple[list[float], float]:
    """L2 logistic regression by Newton's method; returns (weights, bias) in the raw units.

    Columns are standardised first so one penalty suits features of every scale; the sums run
    column by column (``map`` over rows), which keeps pure Python fast enough for 60 features.
    """
    n = len(labels)
    means = [sum(c) / n for c in columns]
    scales = [math.sqrt(sum((v - m) ** 2 for v in c) / n) or 1.0 for c, m in zip(columns, means)]
    cols = [[(v - m) / s for v in c] for c, m, s in zip(columns, means, scales)] + [[1.0] * n]
    dims = len(cols)
    beta = [0.0] * dims
    for _ in range(30):
        z = [0.0] * n
        for b, col in zip(beta, cols):
            if b:
                z = list(map(operator.add, z, [b * v for v in col]))
        p = [1.0 / (1.0 + math.exp(-v)) if v > -700 else 0.0 for v in z]
        residual = [y - q for y, q in zip(labels, p)]
        weight = [q * (1.0 - q) for q in p]
        grad = [sum(map(operator.mul, residual, col)) / n for col in cols]
        hess = [[0.0] * dims for _ in range(dims)]
        for a in range(dims):
            weighted = list(map(operator.mul, weight, cols[a]))
            for b in range(a, dims):
                hess[a][b] = hess[b][a] = sum(map(operator.mul, weighted, cols[b])) / n
        for a in range(dims - 1):  # the bias is not penalised
            grad[a] -= l2 * beta[a]
            hess[a][a] += l2
        step = solve(hess, grad)
        beta = [b + s for b, s in zip(beta, step)]
        if max(abs(s) for s in step) < 1e-8:
            break
    weights = [b / s for b, s in zip(beta, scales)]
    bias = beta[-1] - sum(w * m for w, m in zip(weights, means))
    return weights, bias


def solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the penalised Hessian is positive definite)."""
    size = len(vector)
    m = [row[:] + [vector[k]] for k, row in enumerate(matrix)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, size):
            factor = m[r][col] / m[col][col]
            if factor:
                for c in range(col, size + 1):
                    m[r][c] -= factor * m[col][c]
    out = [0.0] * size
    for r in range(size - 1, -1, -1):
        out[r] = (m[r][size] - sum(m[r][c] * out[c] for c in range(r + 1, size))) / m[r][r]
    return out


def probabilities(rows: Sequence[Sequence[float]], weights: Sequence[float], bias: float) -> list[float]:
    out = []
    for x in rows:
        z = bias + sum(w * f for w, f in zip(weights, x))
        out.append(1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0)
    return out


def accuracy(probs: Sequence[float], labels: Sequence[int], threshold: float) -> float:
    return sum((p >= threshold) == bool(y) for p, y in zip(probs, labels)) / len(labels)


def best_threshold(probs: Sequence[float], labels: Sequence[int]) -> float:
    """The most accurate threshold in 0.05..0.95 (ties: the one nearest 0.5)."""
    return max((accuracy(probs, labels, t / 100), -abs(t - 50), t / 100) for t in range(5, 96))[2]


def cross_validate(rows: list[list[float]], labels: list[int], l2: float) -> list[float]:
    """Held-out accuracy of each of ``FOLDS`` folds (seeded shuffle, threshold set on the rest)."""
    order = list(range(len(labels)))
    random.Random(SEED).shuffle(order)
    fold_of = {index: k % FOLDS for k, index in enumerate(order)}
    scores = []
    for fold in range(FOLDS):
        fit = [i for i in range(len(labels)) if fold_of[i] != fold]
        held = [i for i in range(len(labels)) if fold_of[i] == fold]
        columns = [[rows[i][a] for i in fit] for a in range(len(rows[0]))]
        fit_labels = [labels[i] for i in fit]
        weights, bias = fit_columns(columns, fit_labels, l2)
        threshold = best_threshold(probabilities([rows[i] for i in fit], weights, bias), fit_labels)
        held_probs = probabilities([rows[i] for i in held], weights, bias)
        scores.append(accuracy(held_probs, [labels[i] for i in held], threshold))
    return scores


def main() -> int:
    if not (ALIGNMENT / "msrp_train.jsonl").exists():
        print("skipped: shared/benchmarks/alignment/msrp_train.jsonl is absent (the shared benchmark data)")
        return 0
    tables, labels = load("msrp_train.jsonl")
    print(f"MSRP train: {len(labels)} pairs, {FOLDS}-fold cross-validation (seed {SEED})\n")
    print("| variant | features | L2 | CV accuracy (mean) | spread (sd of folds) |")
    print("|---|---|---|---|---|")
    results = []
    for name, names, l2 in VARIANTS:
        rows = [[t[f] for f in names] for t in tables]
        scores = cross_validate(rows, labels, l2)
        mean = statistics.fmean(scores)
        results.append((mean, name, names, l2))
        print(f"| {name} | {len(names)} | {l2:g} | {mean:.4f} | {statistics.stdev(scores):.4f} |", flush=True)
    mean, name, names, l2 = max(results, key=lambda r: r[0])
    rows = [[t[f] for f in names] for t in tables]
    weights, bias = fit_columns([[r[a] for r in rows] for a in range(len(names))], labels, l2)
    train_probs = probabilities(rows, weights, bias)
    threshold = best_threshold(train_probs, labels)
    print(f"\nShipped (best CV accuracy, {mean:.4f}): {name}")
    print(f"PAIR_FEATURE_NAMES = {names!r}")
    print(f"PAIR_WEIGHTS = {tuple(round(w, 4) for w in weights)!r}")
    print(f"PAIR_BIAS = {bias:.4f}\nDEFAULT_THRESHOLD = {threshold}")
    print(f"train accuracy {accuracy(train_probs, labels, threshold):.4f}")
    if "--test" in sys.argv:
        test_tables, test_labels = load("msrp_test.jsonl")
        test_probs = probabilities([[t[f] for f in names] for t in test_tables], weights, bias)
        print(f"test accuracy (the shipped variant, reported once) {accuracy(test_probs, test_labels, threshold):.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
