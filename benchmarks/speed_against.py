"""The whole process on the book, this checkout against an earlier commit, in one run.

Run by hand from the project root:  uv run python benchmarks/speed_against.py [--commit 2c8097d] [--runs 5]

The earlier commit is checked out into a temporary git worktree and run with this checkout's
environment (its dependencies are the same), so the two differ only in the code. Runs
alternate (this, earlier, this, ...) so that a busy machine slows both alike; each figure is
the best of ``--runs``. Also prints the floor (a process that reads both files and splits
them into words) and each time as a ratio to it, plus user CPU seconds, which move less than
wall time when other work shares the cores.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks" / "revisions"
FLOOR_CODE = "import re, sys\nfor p in sys.argv[1:]:\n    re.findall(r'\\S+', open(p, encoding='utf-8').read())\n"


def timed(args: list[str], tree: Path) -> tuple[float, float, int]:
    """Wall seconds, user CPU seconds and peak memory (MB) of one child process run in ``tree``.

    ``python -m`` puts the working directory first on the path, so ``tree``'s code runs.
    """
    env = {**os.environ, "PYTHONPATH": str(tree)}
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=tree)
    _, status, usage = os.wait4(child.pid, 0)  # this child's own CPU time and peak memory
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed in {tree.name} (exit {child.returncode})")
    return wall, usage.ru_utime, usage.ru_maxrss // 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commit", default="2c8097d", help="the earlier commit (default: the issue's 2c8097d)")
    parser.add_argument("--pair", default="large", choices=("small", "medium", "large"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA.relative_to(ROOT.parent)} is absent (the shared benchmark data)")
        return 0
    files = [str(DATA / f"{args.pair}_a.txt"), str(DATA / f"{args.pair}_b.txt")]
    with tempfile.TemporaryDirectory() as scratch:
        earlier = Path(scratch) / "earlier"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(earlier), args.commit],
            check=True,
            capture_output=True,
        )
        try:
            command = [sys.executable, "-m", "reader", "compare", *files, "--format", "json"]
            trees = {"this checkout": ROOT, f"commit {args.commit}": earlier}
            best: dict[str, tuple[float, float, int]] = {}
            floor = min(timed([sys.executable, "-c", FLOOR_CODE, *files], ROOT)[0] for _ in range(args.runs))
            for _ in range(args.runs):
                for name, tree in trees.items():
                    wall, cpu, peak = timed(command, tree)
                    old = best.get(name)
                    best[name] = (min(wall, old[0]), min(cpu, old[1]), max(peak, old[2])) if old else (wall, cpu, peak)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(earlier)], check=False)
    print(f"`tandem compare` on the {args.pair} pair, whole process, best of {args.runs}, alternating:\n")
    print("| code | wall s | x floor | user CPU s | peak MB |\n|---|---|---|---|---|")
    print(f"| floor (read + split both files) | {floor:.3f} | 1.0 | | |")
    for name, (wall, cpu, peak) in best.items():
        print(f"| {name} | {wall:.3f} | {wall / floor:.1f} | {cpu:.3f} | {peak} |")
    (this_wall, this_cpu, _), (then_wall, then_cpu, _) = best.values()
    print(f"\nthis checkout / commit {args.commit}: {this_wall / then_wall:.2f}x wall, {this_cpu / then_cpu:.2f}x CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
