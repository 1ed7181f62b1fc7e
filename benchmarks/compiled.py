"""What a compiled engine would save: mypyc on the hot packages, against the same code as Python.

Run by hand from the project root:
    uv run --extra lint --with setuptools python benchmarks/compiled.py [--pairs medium large]

Copies ``reader/`` into a temporary folder, compiles the alignment, diff, facts and text
stages (plus ``compare`` and ``stats``) there with mypyc (the code is mypy --strict clean,
so it compiles unchanged; a few minutes on two cores), then times ``compare()`` on the
revision pairs in a child process for the compiled copy and for this checkout, user CPU
seconds, best of 3. Nothing here ships: the product stays pure Python.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks" / "revisions"
COMPILED = [
    "reader/core/align",
    "reader/core/diff",
    "reader/core/facts",
    "reader/core/text",
    "reader/core/stats.py",
    "reader/core/compare.py",
]
TIMER = """
import importlib, resource, sys
sys.path.insert(0, sys.argv[1])
compare = importlib.import_module("reader.core.compare")
from reader.core import load_document
cpu = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_utime
for pair in sys.argv[3:]:
    a, b = (load_document(f"{sys.argv[2]}/{pair}_{side}.txt") for side in "ab")
    compare.compare(a, b)
    best = 1e9
    for _ in range(3):
        start = cpu(); compare.compare(a, b); best = min(best, cpu() - start)
    print(pair, compare.__file__.endswith(".so"), f"{best:.3f}")
"""


def timings(tree: Path, pairs: list[str]) -> dict[str, float]:
    """compare() CPU seconds per pair with the code in ``tree``."""
    out = subprocess.run(
        [sys.executable, "-c", TIMER, str(tree), str(DATA), *pairs],
        check=True,
        capture_output=True,
        text=True,
        cwd=tree,
    ).stdout
    return {line.split()[0]: float(line.split()[2]) for line in out.splitlines()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", nargs="+", default=["medium", "large"])
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA.relative_to(ROOT.parent)} is absent (the shared benchmark data)")
        return 0
    if shutil.which("mypyc") is None and not (Path(sys.executable).parent / "mypyc").exists():
        print("skipped: mypyc is not installed (uv run --extra lint --with setuptools ...)")
        return 0
    mypyc = shutil.which("mypyc") or str(Path(sys.executable).parent / "mypyc")
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch)
        shutil.copytree(ROOT / "reader", tree / "reader", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")  # mypy's settings
        build = subprocess.run([mypyc, *COMPILED], cwd=tree, capture_output=True, text=True)
        if build.returncode != 0:
            print("mypyc failed:\n" + build.stdout[-2000:] + build.stderr[-2000:])
            return 1
        compiled = timings(tree, args.pairs)
    python = timings(ROOT, args.pairs)
    print("compare() user CPU s, best of 3, child processes one after the other:\n")
    print("| pair | pure Python | mypyc | ratio |\n|---|---|---|---|")
    for pair in args.pairs:
        print(f"| {pair} | {python[pair]:.3f} | {compiled[pair]:.3f} | {compiled[pair] / python[pair]:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
