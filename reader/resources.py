"""Where bundled resources (sample articles, icons) live.

The package's own copy comes first: an installed wheel carries ``reader/_resources`` (the
build maps the top-level ``resources/`` folder there), and a PyInstaller bundle puts them under
``sys._MEIPASS/resources``. Only a source checkout, recognised by its ``pyproject.toml``, reads
``resources/`` beside the package; an unrelated ``site-packages/resources`` is never used.
"""

from __future__ import annotations

import sys
from pathlib import Path

DEMO_A = "harbour-bridge-original.md"
DEMO_B = "harbour-bridge-rewrite.md"


def resources_dir() -> Path:
    """The folder holding ``samples/`` and ``icons/``."""
    here = Path(__file__).resolve().parent
    candidates = [here / "_resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    if (here.parent / "pyproject.toml").is_file():
        candidates.append(here.parent / "resources")
    for candidate in candidates:
        if (candidate / "samples").is_dir():
            return candidate
    return candidates[0]


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("samples", DEMO_A)``."""
    return resources_dir().joinpath(*parts)


def demo_pair() -> tuple[Path, Path]:
    """The built-in sample articles: an original and a rewritten version of it."""
    return resource_path("samples", DEMO_A), resource_path("samples", DEMO_B)
