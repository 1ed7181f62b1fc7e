"""Fit the two learned passes of the aligner on one half of DEplain-web (run by fit_alignment.py).

1. The segment pass (``align_segments.fill_segments``): every (A sentence, B run) candidate of
   the gaps the chain leaves, labelled 1 when it is exactly a gold unit.
2. The extension pass (``align_segments.extend_units``): every unlinked B sentence next to a
   unit of one A sentence, labelled 1 when the gold unit of that A sentence holds it; the
   run grows along the gold path so later steps are seen too.
3. The review pass (``align_review.review``): every non-identical unit the aligner finds with
   the two passes above, labelled 1 when it is exactly a gold unit.

Each is a logistic regression (pure Python, Newton's method, tiny L2: the positives are rare),
and its bar is then chosen on the same half's units F1. Nothing here looks at the other half.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reader.core.align import ChainSettings, align_sentences, anchors_and_features
from reader.core.align_review import is_identical, review_features
from reader.core.align_segments import extend_features, gap_runs, open_gaps
from reader.core.model import CompareOptions
from reader.core.similarity import SentenceFeatures, sentence_keys

# Positives are a fraction of a percent of the segment candidates: the usual 1e-3 penalty on
# the mean loss would flatten every weight.
PASS_L2 = 1e-6
SEGMENT_BARS = (-1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 99.0)  # 99: off
EXTEND_BARS = (-1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 99.0)
REVIEW_BARS = (-2.0, -1.5, -1.0, -0.5, 0.0, 99.0)
# Units found are right more often than not: an ordinary small penalty.
REVIEW_L2 = 1e-4

Rows = list[tuple[float, ...]]


def _document(
    record: dict[str, Any], settings: ChainSettings
) -> tuple[list[Any], list[SentenceFeatures], list[SentenceFeatures]]:
    """The links the aligner finds with ``settings`` and the features it used."""
    options = CompareOptions()
    links = align_sentences(record["a"], record["b"], options, settings=settings)
    keys_a, keys_b = sentence_keys(record["a"], options), sentence_keys(record["b"], options)
    _, fa, fb = anchors_and_features(keys_a, keys_b)
    return links, fa, fb


def segment_examples(gold: dict[str, Any], ids: set[str], settings: ChainSettings) -> tuple[Rows, list[int]]:
    rows: Rows = []
    labels: list[int] = []
    for key in sorted(ids, key=int):
        record = gold[key]
        links, fa, fb = _document(record, settings)
        runs = {(a[0], b[0], b[-1] + 1) for a, b in record["gold_units"] if len(a) == 1}
        density = len({j for link in links for j in link.b}) / len(fb) if fb else 0.0
        for gap in open_gaps(links, len(fa), len(fb)):
            for i, j0, j1, features in gap_runs(fa, fb, gap, density, settings.max_group):
                rows.append(features)
                labels.append(int((i, j0, j1) in runs))
    return rows, labels


def extend_examples(gold: dict[str, Any], ids: set[str], settings: ChainSettings) -> tuple[Rows, list[int]]:
    rows: Rows = []
    labels: list[int] = []
    for key in sorted(ids, key=int):
        record = gold[key]
        links, fa, fb = _document(record, settings)
        gold_b = {a[0]: set(b) for a, b in record["gold_units"] if len(a) == 1}
        linked = {j for link in links for j in link.b}
        density = len(linked) / len(fb) if fb else 0.0
        for link in links:
            if len(link.a) != 1 or link.moved or not fa[link.a[0]].vector:
                continue
            i, run = link.a[0], list(link.b)
            while len(run) < settings.max_group:
                grown = []
                for k in (run[0] - 1, run[-1] + 1):
                    if 0 <= k < len(fb) and k not in linked and fb[k].vector:
                        rows.append(extend_features(fa, fb, i, run, k, linked, density))
                        labels.append(int(k in gold_b.get(i, ())))
                        if labels[-1]:
                            grown.append(k)
                if not grown:
                    break
                linked.add(grown[0])
                run = sorted(run + [grown[0]])
    return rows, labels


def review_examples(gold: dict[str, Any], ids: set[str], settings: ChainSettings) -> tuple[Rows, list[int]]:
    rows: Rows = []
    labels: list[int] = []
    for key in sorted(ids, key=int):
        record = gold[key]
        links, fa, fb = _document(record, settings.with_values(review_bar=99.0))
        units = {(tuple(a), tuple(b)) for a, b in record["gold_units"]}
        linked_a = {i for link in links for i in link.a}
        linked_b = {j for link in links for j in link.b}
        for link in links:
            if not is_identical(link, fa, fb):
                rows.append(review_features(link, fa, fb, linked_a, linked_b))
                labels.append(int((link.a, link.b) in units))
    return rows, labels


def fit_passes(
    settings: ChainSettings,
    gold: dict[str, Any],
    ids: set[str],
    f1: Callable[[ChainSettings], float],
    fit_logistic: Callable[..., tuple[list[float], float]],
) -> tuple[ChainSettings, list[str]]:
    """Both passes fitted on ``ids`` on top of ``settings``; returns the settings and a log."""
    log = []
    for name, examples, bars, l2 in (
        ("segment", segment_examples, SEGMENT_BARS, PASS_L2),
        ("extend", extend_examples, EXTEND_BARS, PASS_L2),
        ("review", review_examples, REVIEW_BARS, REVIEW_L2),
    ):
        rows, labels = examples(gold, ids, settings)
        if sum(labels) < 5:
            log.append(f"  {name} pass: too few positives ({sum(labels)}), left off")
            continue
        weights, bias = fit_logistic(rows, labels, 25, l2)
        model = tuple(round(w, 3) for w in weights) + (round(bias, 3),)
        trials = [settings.with_values(**{f"{name}_model": model, f"{name}_bar": bar}) for bar in bars]
        settings = max(trials, key=lambda trial: (f1(trial), getattr(trial, f"{name}_bar")))
        log.append(
            f"  {name} pass: {len(rows)} candidates ({sum(labels)} gold), bar {getattr(settings, f'{name}_bar')}, "
            f"F1 {f1(settings):.3f} on the tuning half"
        )
    return settings, log
