"""Alignment quality against human gold, each figure beside the simplest honest baseline.

Run by hand from the project root:  uv run python benchmarks/alignment.py

1. English rewrites (../shared/benchmarks/alignment/english, ten real pairs, hand-made golds):
   ``tandem compare --format json`` in a subprocess per pair, as a user runs it, scored by
   ``score_pairs.py``, which also scores the plain TF-IDF baseline on the same sentences.
   The settings were fitted on these pairs (``benchmarks/fit_alignment.py``), so this is the
   fitted figure; that script prints the leave-one-pair-out (held-out) one.
2. DEplain-web manual test (German, 147 documents): ``tandem align`` in a subprocess, units
   metric of the paper (``score.py``), odd and even ids. Nothing was fitted on DEplain.
3. MSRP (English news sentence pairs): the aligner's own measure (cosine of TF-IDF vectors
   of Snowball stems, rarity counted over the train sentences) with one threshold chosen on
   train, accuracy on test; beside it the Jaccard word-overlap baseline chosen the same way.
4. What each pass earns: every pass switched off in turn (``align.Passes``), English pooled
   (the sentences ``compare()`` splits, aligned in-process) and DEplain even ids.
5. Speed: ``align_sentences`` on the large book revision.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.align import Passes, align_sentences, settings_for  # noqa: E402
from reader.core.align.vectors import cosine, sentence_terms, tfidf_vectors  # noqa: E402
from reader.core.model import CompareOptions  # noqa: E402
from reader.core.text.tokens import normalize_many  # noqa: E402

SHARED = ROOT.parent / "shared" / "benchmarks"
ALIGNMENT = SHARED / "alignment"
ENGLISH = ALIGNMENT / "english" / "pairs"
DEPLAIN = ALIGNMENT / "deplain_web_manual_test.jsonl"

# Units metric on the same split (P, R, F1, F1 without identical), ../shared/benchmarks/README.md.
PUBLISHED = [
    ("MASSalign", ".819", ".509", ".628", ".402"),
    ("Sent-LaBSE", ".961", ".445", ".608", ".311"),
    ("BERTalign", ".743", ".465", ".572", "-"),
    ("plain TF-IDF, threshold cross-validated", ".839", ".527", ".648", ".426"),
    ("only identical sentences paired", ".994", ".316", ".480", "-"),
]


def load_module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def english() -> None:
    with tempfile.TemporaryDirectory() as folder:
        args = []
        for gold in sorted(ENGLISH.glob("*_gold.json")):
            name = gold.name.removesuffix("_gold.json")
            out = Path(folder) / f"{name}.json"
            with out.open("w", encoding="utf-8") as handle:
                subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "reader",
                        "compare",
                        str(ENGLISH / f"{name}_a.txt"),
                        str(ENGLISH / f"{name}_b.txt"),
                        "--format",
                        "json",
                    ],
                    cwd=ROOT,
                    check=True,
                    stdout=handle,
                )
            args += [str(gold), str(out)]
        run = subprocess.run([sys.executable, str(ALIGNMENT / "score_pairs.py"), *args], capture_output=True, text=True)
    print("\nEnglish rewrites (10 pairs, pooled), `tandem compare --format json`:\n")
    for line in run.stdout.splitlines():
        print("    " + line)


def deplain() -> None:
    scorer = load_module(ALIGNMENT / "score.py")
    gold = scorer.load(str(DEPLAIN))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "pred.jsonl"
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "reader", "align", str(DEPLAIN), "-o", str(out), "--language", "de"],
            cwd=ROOT,
            check=True,
        )
        elapsed = time.perf_counter() - start
        pred = scorer.load(str(out))
    print(f"\nDEplain-web manual test, `tandem align --language de`: {elapsed:.1f} s for the whole file\n")
    print("| documents | P | R | F1 | F1 without identical |")
    print("|---|---|---|---|---|")
    ids = set(gold)
    odd = {k for k in ids if int(k) % 2}
    for name, subset in (("all", ids), ("odd ids", odd), ("even ids", ids - odd)):
        g = {k: gold[k] for k in subset}
        p = {k: pred[k] for k in subset if k in pred}
        full = scorer.score(g, p, False)["units"]
        hard = scorer.score(g, p, True)["units"]
        print(f"| {name} | {full['precision']:.3f} | {full['recall']:.3f} | {full['f1']:.3f} | {hard['f1']:.3f} |")
    print("\nPublished on the same split (units metric):\n")
    print("| method | P | R | F1 | F1 without identical |")
    print("|---|---|---|---|---|")
    for row in PUBLISHED:
        print("| " + " | ".join(row) + " |")


def msrp() -> None:
    def load(name: str) -> list[dict[str, Any]]:
        with open(ALIGNMENT / name, encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]

    train, test = load("msrp_train.jsonl"), load("msrp_test.jsonl")
    options = CompareOptions()
    sentences = [s for row in train for s in (row["s1"], row["s2"])]
    fitted = sentence_terms(normalize_many(sentences, options), "en", settings_for("en").number_weight)

    def cosines(rows: list[dict[str, Any]]) -> list[tuple[float, bool]]:
        # Rarity from the train sentences only: each pair is vectorised beside them.
        keys = normalize_many([s for row in rows for s in (row["s1"], row["s2"])], options)
        terms = sentence_terms(keys, "en", settings_for("en").number_weight)
        vectors = tfidf_vectors(fitted + terms)[len(fitted) :]
        return [(cosine(vectors[2 * k], vectors[2 * k + 1]), bool(int(r["label"]))) for k, r in enumerate(rows)]

    def jaccard(rows: list[dict[str, Any]]) -> list[tuple[float, bool]]:
        out = []
        for r in rows:
            x, y = (set(re.findall(r"\w+", r[k].lower())) for k in ("s1", "s2"))
            out.append((len(x & y) / max(len(x | y), 1), bool(int(r["label"]))))
        return out

    def accuracy(scored: list[tuple[float, bool]], threshold: float) -> float:
        return sum((s >= threshold) == label for s, label in scored) / len(scored)

    print("\nMSRP (English news paraphrase pairs), one threshold chosen on train:\n")
    print("| measure | threshold | train accuracy | test accuracy |")
    print("|---|---|---|---|")
    measures = (("Tandem: cosine of TF-IDF over Snowball stems", cosines), ("baseline: Jaccard of words", jaccard))
    for name, measure in measures:
        tr, te = measure(train), measure(test)
        _, threshold = max((accuracy(tr, t / 200), t / 200) for t in range(201))
        print(f"| {name} | {threshold:.3f} | {accuracy(tr, threshold):.3f} | {accuracy(te, threshold):.3f} |")
    print("| published: majority class | | | .665 |")


def ablation() -> None:
    from dataclasses import fields, replace

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import fit_alignment  # the English pairs, split once, and their counts

    pair_scorer = fit_alignment.load_scorer()
    pairs = fit_alignment.english_pairs()
    scorer = load_module(ALIGNMENT / "score.py")
    gold = scorer.load(str(DEPLAIN))
    even = {k: v for k, v in gold.items() if int(k) % 2 == 0}
    print("\nWhat each pass earns (one switched off at a time):\n")
    print("| passes | English unique-sentence F1 | English pair F1 | DEplain even F1 |")
    print("|---|---|---|---|")
    variants = [("all (shipped)", Passes())]
    variants += [(f"without {item.name}", replace(Passes(), **{item.name: False})) for item in fields(Passes)]
    for name, passes in variants:
        total = [0] * 6
        for pair in pairs:
            _, g, skeleton, texts_a, texts_b, language = pair
            links = align_sentences(texts_a, texts_b, CompareOptions(), language=language, passes=passes)
            in_a = {i for link in links for i in link.a}
            in_b = {j for link in links for j in link.b}
            result = {
                **skeleton,
                "units": [{"a": list(x.a), "b": list(x.b)} for x in links],
                "only_a": [i for i in range(len(texts_a)) if i not in in_a],
                "only_b": [j for j in range(len(texts_b)) if j not in in_b],
            }
            scored = pair_scorer.score(g, result)
            total = [x + y for x, y in zip(total, scored["only"] + scored["pair"], strict=False)]
        pred = {
            k: {
                "units": [
                    [list(x.a), list(x.b)]
                    for x in align_sentences(v["a"], v["b"], CompareOptions(), language="de", passes=passes)
                ]
            }
            for k, v in even.items()
        }
        german = scorer.score(even, pred, False)["units"]["f1"]
        unique, linked = pair_scorer.f1(*total[:3])[0], pair_scorer.f1(*total[3:])[0]
        print(f"| {name} | {unique:.3f} | {linked:.3f} | {german:.3f} |")


def book_speed() -> None:
    def sentences(name: str) -> list[str]:
        return re.split(r"(?<=[.!?])\s+", (SHARED / "revisions" / name).read_text(encoding="utf-8"))

    a, b = sentences("large_a.txt"), sentences("large_b.txt")
    times = []
    for _ in range(3):
        start = time.perf_counter()
        align_sentences(a, b, CompareOptions(), language="en")
        times.append(time.perf_counter() - start)
    print(f"\nBook revision ({len(a)} / {len(b)} sentences): align_sentences {min(times):.2f} s (best of 3)")


def main() -> int:
    if not DEPLAIN.exists() or not ENGLISH.exists():
        print(f"skipped: {ALIGNMENT.relative_to(ROOT.parent)} is absent (the shared benchmark data)")
        return 0
    english()
    deplain()
    msrp()
    ablation()
    if (SHARED / "revisions" / "large_a.txt").exists():
        book_speed()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
