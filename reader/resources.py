"""Where bundled resources (sample articles, icons, style sheets) live.

From a source checkout they sit in ``resources/`` beside the package; a PyInstaller bundle
puts them under ``sys._MEIPASS/resources``; an installed wheel carries a copy in
``reader/_resources``.
"""

from __future__ import annotations

import sys
from pathlib import Path

DEMO_A = "harbour-bridge-original.md"
DEMO_B = "harbour-bridge-rewrite.md"


def resources_dir() -> Path:
    """The folder holding ``samples/`` and ``icons/``."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    here = Path(__file__).resolve().parent
    candidates += [here.parent / "resources", here / "_resources"]
    for candidate in candidates:
        if (candidate / "samples").is_dir():
            return candidate
    return candidates[-1]


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("samples", DEMO_A)``."""
    return resources_dir().joinpath(*parts)


def demo_pair() -> tuple[Path, Path]:
    """The built-in sample articles: an original and a rewritten version of it."""
    return resource_path("samples", DEMO_A), resource_path("samples", DEMO_B)
