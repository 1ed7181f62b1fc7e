"""One base and two versions in one process against the two pairwise processes (issue 25).

Run by hand from the project root:  uv run python benchmarks/versions.py [--runs 3]

1. Consistency: for the ten stories of ../shared/benchmarks/versions (base adv.txt, versions
   int.txt and ele.txt) and the book pair, every ``versions[i].comparison`` of
   ``tandem compare BASE V1 V2 --format json`` must equal what ``tandem compare BASE Vi
   --format json`` prints; any difference is printed.
2. Time and memory of the whole process ``tandem compare BASE V1 V2 --format json`` beside
   the two pairwise processes run one after the other, in the same run, interleaved, median
   of ``--runs``: on the ten stories (all of them per run) and on the book
   (../shared/benchmarks/revisions/large_a.txt as the base, large_b.txt and a second version
   made here from large_b.txt by reordering its chapters, written to a temporary folder).
   Memory: the peak resident size of the largest process (``/usr/bin/time``'s %M, which is
   ru_maxrss of the process and its children) and the peak of the summed resident size of the
   process tree (sampled from /proc every 10 ms): the workers run at the same time.

Targets: the versions run <= 0.7x the pairwise runs added up; peak memory <= 1.5x one run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "benchmarks"
STORIES = SHARED / "versions"
BOOK = SHARED / "revisions"
TIME = "/usr/bin/time"


def _tree_rss_kb(root: int) -> int:
    """Resident kB of ``root`` and all its descendants, now."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in os.listdir(f"/proc/{pid}/task"):
                children = Path(f"/proc/{pid}/task/{task}/children").read_text().split()
                todo.extend(int(child) for child in children)
        except (OSError, StopIteration, ValueError):
            continue  # the process ended meanwhile
    return total


def run(args: list[str]) -> tuple[float, float, float, str]:
    """Wall seconds, largest process peak MB, summed tree peak MB, stdout of one command."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        command = [TIME, "-o", report.name, "-f", "%M", *args]
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        peak_tree = [0]

        def sample() -> None:
            while process.poll() is None:
                peak_tree[0] = max(peak_tree[0], _tree_rss_kb(process.pid) - 2_000)  # minus time itself
                time.sleep(0.01)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        stdout, stderr = process.communicate()
        elapsed = time.perf_counter() - start
        sampler.join()
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed: {stderr.strip()}")
        largest = int(report.read().split()[-1]) / 1024
    return elapsed, largest, peak_tree[0] / 1024, stdout


def tandem(*args: str) -> list[str]:
    return [sys.executable, "-m", "reader", "compare", *args, "--format", "json"]


def consistency(base: Path, versions: list[Path], name: str) -> tuple[str, list[tuple[float, float, float]]]:
    """Compare the versions document with the pairwise ones; the measurements of this run."""
    joint = run(tandem(str(base), *map(str, versions)))
    pairwise = [run(tandem(str(base), str(v))) for v in versions]
    data = json.loads(joint[3])
    problems = []
    for k, (entry, alone) in enumerate(zip(data["versions"], pairwise, strict=True)):
        if json.dumps(entry["comparison"], ensure_ascii=False) + "\n" != alone[3]:
            problems.append(f"{name}: V{k + 1} differs from the pairwise JSON")
    print("\n".join(problems) if problems else f"{name}: both versions equal the pairwise JSON")
    return name, [joint[:3], *(p[:3] for p in pairwise)]


def reordered_chapters(source: Path, folder: Path) -> Path:
    """large_b.txt with its chapters (top-level '# ' headings) in another order."""
    lines = source.read_text(encoding="utf-8").split("\n")
    starts = [k for k, line in enumerate(lines) if line.startswith("# ")]
    chapters = [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]
    front, body = lines[: starts[0]] + chapters[0], chapters[1:]
    body = body[1::2] + body[0::2]  # every second chapter first, then the others
    target = folder / "large_b_reordered.txt"
    target.write_text("\n".join(front + [line for chapter in body for line in chapter]), encoding="utf-8")
    return target


def row(label: str, joint: list[tuple[float, float, float]], pairwise: list[list[tuple[float, float, float]]]) -> None:
    """One table row: the versions run, the pairwise runs added up (baseline), the ratio."""
    wall = statistics.median(j[0] for j in joint)
    base_wall = statistics.median(sum(p[0] for p in runs) for runs in pairwise)
    largest = statistics.median(j[1] for j in joint)
    tree = statistics.median(j[2] for j in joint)
    one = statistics.median(max(p[1] for p in runs) for runs in pairwise)
    print(
        f"{label:<8} {wall:7.2f} s  {base_wall:7.2f} s  {wall / base_wall:5.2f}x (<= 0.70) | "
        f"{largest:6.0f} MB  {tree:6.0f} MB  {one:6.0f} MB  {largest / one:4.2f}x / {tree / one:4.2f}x (<= 1.50)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    stories = sorted(p for p in STORIES.iterdir() if (p / "adv.txt").exists())
    print(f"cores: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.2f}")
    story_joint: list[tuple[float, float, float]] = []
    story_pairwise: list[list[tuple[float, float, float]]] = []
    book_joint: list[tuple[float, float, float]] = []
    book_pairwise: list[list[tuple[float, float, float]]] = []
    with tempfile.TemporaryDirectory() as folder:
        second = reordered_chapters(BOOK / "large_b.txt", Path(folder))
        for _ in range(args.runs):
            totals = [[0.0, 0.0, 0.0] for _ in range(3)]
            for story in stories:
                _, measured = consistency(story / "adv.txt", [story / "int.txt", story / "ele.txt"], story.name)
                for total, (wall, largest, tree) in zip(totals, measured, strict=True):
                    total[0] += wall
                    total[1] = max(total[1], largest)
                    total[2] = max(total[2], tree)
            story_joint.append((totals[0][0], totals[0][1], totals[0][2]))
            story_pairwise.append([(t[0], t[1], t[2]) for t in totals[1:]])
            _, measured = consistency(BOOK / "large_a.txt", [BOOK / "large_b.txt", second], "book")
            book_joint.append(measured[0])
            book_pairwise.append(measured[1:])
    print()
    print("         versions  pairwise x2  ratio       | largest    tree     one pairwise  ratios")
    row("stories", story_joint, story_pairwise)
    row("book", book_joint, book_pairwise)
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
