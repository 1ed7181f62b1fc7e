"""Open Recent: only pairs whose files are still there, named with just enough of their paths
to tell them apart (``drafts/report.md ↔ final/report.md``). No Qt."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from reader.app.sources import Source, WebLink

MAX_DEPTH = 4  # folders shown at most before the name


def complete_pairs(pairs: Sequence[tuple[Source, Source]]) -> list[tuple[Source, Source]]:
    """Pairs whose local files both exist (links cannot be checked without the network)."""
    return [pair for pair in pairs if all(isinstance(s, WebLink) or Path(s).is_file() for s in pair)]


def _tail(source: Source, depth: int) -> str:
    if isinstance(source, WebLink):
        return source.name
    parts = Path(source).parts
    return "/".join(parts[-depth:]) if depth < len(parts) else str(source)


def pair_labels(pairs: Sequence[tuple[Source, Source]]) -> list[str]:
    """One label per pair, adding parent folders only where two labels would read the same."""
    depths = [1] * len(pairs)

    def label(number: int) -> str:
        a, b = pairs[number]
        return f"{_tail(a, depths[number])}  ↔  {_tail(b, depths[number])}"

    for _ in range(MAX_DEPTH):
        counts = Counter(label(n) for n in range(len(pairs)))
        clashing = [n for n in range(len(pairs)) if counts[label(n)] > 1]
        if not clashing:
            break
        for number in clashing:
            depths[number] += 1
    return [label(n) for n in range(len(pairs))]
