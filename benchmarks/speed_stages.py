"""Where the time of ``tandem compare A B --format json`` goes, stage by stage.

Run by hand from the project root:  uv run python benchmarks/speed_stages.py [--pair large] [--runs 5]

Times each stage in-process (the best of several runs, no profiler) on one pair of
../shared/benchmarks/revisions, plus the start-up of a process that only parses the command
line (``tandem --version``). The alignment stages are measured on their own and together
(``align_sentences``); the unit word diffs and statistics are what ``compare()`` spends
beyond splitting and aligning. The sum is close to the whole process minus writing 5 MB.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks" / "revisions"
sys.path.insert(0, str(ROOT))


def best_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pair", default="large", choices=("small", "medium", "large"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA.relative_to(ROOT.parent)} is absent (the shared benchmark data)")
        return 0
    from reader.core import compare, load_document
    from reader.core.align import align_sentences, settings_for
    from reader.core.align.anchors import identical_anchors
    from reader.core.align.vectors import sentence_terms, tfidf_vectors
    from reader.core.facts import find_facts
    from reader.core.model import CompareOptions
    from reader.core.text.sentences import detect_language, split_sentences
    from reader.core.text.tokens import normalize_many
    from reader.export.json_export import comparison_to_json

    path_a, path_b = DATA / f"{args.pair}_a.txt", DATA / f"{args.pair}_b.txt"
    runs = args.runs
    rows: list[tuple[str, float]] = []
    imports = [sys.executable, "-c", "import reader.__main__, reader.cli, reader.core, reader.export.json_export"]
    startup = best_of(runs, lambda: subprocess.run(imports, check=True, capture_output=True, cwd=ROOT))
    rows.append(("process start-up and the imports of `tandem compare`", startup))
    loading = best_of(runs, lambda: (load_document(path_a), load_document(path_b)))
    rows.append(("read both files (load_document)", loading))
    doc_a, doc_b = load_document(path_a), load_document(path_b)
    options = CompareOptions()
    language = detect_language(doc_a.text[:20_000] + "\n" + doc_b.text[:20_000])
    split = best_of(
        runs,
        lambda: (
            split_sentences(doc_a.text, doc_a.blocks, language),
            split_sentences(doc_b.text, doc_b.blocks, language),
        ),
    )
    rows.append(("split sentences", split))
    sentences_a = split_sentences(doc_a.text, doc_a.blocks, language)
    sentences_b = split_sentences(doc_b.text, doc_b.blocks, language)
    texts_a = [doc_a.text[s.start : s.end] for s in sentences_a]
    texts_b = [doc_b.text[s.start : s.end] for s in sentences_b]
    keys = best_of(runs, lambda: (normalize_many(texts_a, options), normalize_many(texts_b, options)))
    keys_a, keys_b = normalize_many(texts_a, options), normalize_many(texts_b, options)
    anchoring = best_of(runs, lambda: identical_anchors(keys_a, keys_b))
    anchors = identical_anchors(keys_a, keys_b)
    # The aligner weighs every sentence outside the anchors, so that is what is timed here.
    anchored_a, anchored_b = {i for i, _ in anchors}, {j for _, j in anchors}
    free = [k for n, k in enumerate(keys_a) if n not in anchored_a] + [
        k for n, k in enumerate(keys_b) if n not in anchored_b
    ]
    number_weight = settings_for(language).number_weight
    vectors = best_of(runs, lambda: tfidf_vectors(sentence_terms(free, language, number_weight)))
    align = best_of(runs, lambda: align_sentences(texts_a, texts_b, options, language=language))
    rows.append(("  alignment: sentence keys", keys))
    rows.append(("  alignment: identical anchors", anchoring))
    rows.append(("  alignment: term vectors of the sentences outside the anchors", vectors))
    rows.append(("  alignment: candidates, passes and units", align - keys - anchoring - vectors))
    whole = best_of(runs, lambda: compare(doc_a, doc_b, options))
    comparison = compare(doc_a, doc_b, options)
    c = comparison
    facts = best_of(runs, lambda: find_facts(doc_a, doc_b, c.sentences_a, c.sentences_b, c.units, c.only_a, c.only_b))
    rows.append(("unit word diffs and statistics", whole - split - align - facts))
    rows.append(("facts (numbers, dates, names, cues, quotations)", facts))
    document_diff = comparison.diff_source or tuple
    rows.append(("whole-document diff", best_of(runs, document_diff)))
    comparison.diff  # noqa: B018 - computed once, as the JSON writer needs it
    rows.append(("JSON text", best_of(runs, lambda: comparison_to_json(comparison))))
    print(f"Stages of `tandem compare` on the {args.pair} pair (best of {runs}):\n")
    print("| stage | s |\n|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.3f} |")
    total = sum(seconds for name, seconds in rows if not name.startswith("  ")) + align
    print(f"| **sum** | **{total:.3f}** |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
