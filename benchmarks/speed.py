"""Speed, memory and diff minimality on real document revisions.

Run by hand from the project root:  uv run python benchmarks/speed.py [--runs 5]

For each pair in ../shared/benchmarks/revisions it measures, with the median of several runs:
the whole process ``tandem compare A B --format json``, the in-process ``compare()``, the peak
memory of the process, the words the JSON diff marks changed against the minimal edit, and the
floor: a Python process that only reads both files and splits them into words.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks" / "revisions"
PAIRS = ("small", "medium", "large")
# Minimal word edit (|A| + |B| - 2 LCS over \S+ words), from ../shared/benchmarks/README.md.
MINIMAL_EDIT = {"small": 428, "medium": 3202, "large": 27098}
FLOOR_CODE = "import re, sys\nfor p in sys.argv[1:]:\n    re.findall(r'\\S+', open(p, encoding='utf-8').read())\n"


def run_process(args: list[str]) -> tuple[float, int, str]:
    """Wall time, peak memory (MB) and stdout of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) // 1024, result.stdout


def changed_words(data: dict) -> int:
    """Words (\\S+ runs) of A touched by a deletion plus words of B touched by an insertion."""
    total = 0
    for side, op in (("a", "-"), ("b", "+")):
        text = data[side]["text"]
        marked = bytearray(len(text))
        pos = 0
        for seg_op, seg_text in data["diff"]:
            if seg_op in ("=", op):
                if seg_op == op:
                    marked[pos : pos + len(seg_text)] = b"\x01" * len(seg_text)
                pos += len(seg_text)
        total += sum(1 for m in re.finditer(r"\S+", text) if any(marked[m.start() : m.end()]))
    return total


def in_process_seconds(a: Path, b: Path, runs: int) -> float:
    sys.path.insert(0, str(ROOT))
    from reader.core import compare, load_document

    doc_a, doc_b = load_document(a), load_document(b)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        compare(doc_a, doc_b)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_memory_mb(a: Path, b: Path) -> int:
    """Peak resident memory of one whole ``tandem compare`` process, in MB."""
    code = (
        "import resource, sys\n"
        "from reader.cli import main\n"
        "import io, contextlib\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['compare', {str(a)!r}, {str(b)!r}, '--format', 'json'])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return int(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pairs", nargs="*", default=list(PAIRS))
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA.relative_to(ROOT.parent)} is absent (the shared benchmark data)")
        return 0
    rows = []
    for name in args.pairs:
        a, b = DATA / f"{name}_a.txt", DATA / f"{name}_b.txt"
        floor = statistics.median(
            run_process([sys.executable, "-c", FLOOR_CODE, str(a), str(b)])[0] for _ in range(args.runs)
        )
        whole = []
        output = ""
        for _ in range(args.runs):
            elapsed, _, output = run_process(
                [sys.executable, "-m", "reader", "compare", str(a), str(b), "--format", "json"]
            )
            whole.append(elapsed)
        data = json.loads(output)
        marked = changed_words(data)
        rows.append(
            (
                name,
                floor,
                statistics.median(whole),
                statistics.median(whole) / floor,
                in_process_seconds(a, b, args.runs),
                peak_memory_mb(a, b),
                marked,
                MINIMAL_EDIT[name],
                100.0 * (marked - MINIMAL_EDIT[name]) / MINIMAL_EDIT[name],
            )
        )
    header = ("pair", "floor s", "tandem s", "x floor", "compare() s", "peak MB", "changed", "minimal", "excess %")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        name, floor, whole, ratio, inproc, peak, marked, minimal, excess = row
        print(
            f"| {name} | {floor:.3f} | {whole:.3f} | {ratio:.1f} | {inproc:.3f} | {peak} | {marked} | {minimal} "
            f"| {excess:+.1f} |"
        )
    print(
        "\nTargets: large pair <= 5x floor; medium compare() <= 0.15 s; excess <= 1% on every pair; "
        "peak memory on large <= 300 MB."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
