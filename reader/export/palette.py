"""Every colour the comparison view uses, in a light and a dark variant.

Hues follow the Okabe-Ito colour-blind-safe set: orange for what A has and B lacks, blue for
what B adds, reddish purple for moved sentences. Colour is never the only cue: the text
formats built from this palette add strike-through, underlines and dotted/dashed lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Theme(StrEnum):
    LIGHT = "light"
    DARK = "dark"
    SYSTEM = "system"


@dataclass(frozen=True, slots=True)
class Palette:
    """Colours as ``#rrggbb`` strings so the module stays free of Qt."""

    name: str
    text: str
    muted_text: str
    page: str
    deleted: str  # a word of A missing from B
    deleted_light: str  # same, inside a rewritten (paraphrased) pair
    inserted: str
    inserted_light: str
    only_a: str  # a whole sentence present only in A
    only_b: str
    moved: str
    deleted_line: str  # underline / strike colours
    inserted_line: str
    moved_line: str
    flash: str  # the place of the last jump (next difference, sidebar), kept until the next
    link: str  # the clicked sentence and its counterpart in the other pane
    hover: str  # the sentence under the mouse and its counterpart: a neutral tint, not the selection's
    banner_error: str
    banner_info: str


LIGHT = Palette(
    name="light",
    text="#1f1f1f",
    muted_text="#5f6368",
    page="#fdfcf9",
    deleted="#ffcf99",
    deleted_light="#ffe8cc",
    inserted="#b3d7f5",
    inserted_light="#dcecfa",
    only_a="#fdeedd",
    only_b="#e3f0fb",
    moved="#ecd0e3",
    deleted_line="#b34700",
    inserted_line="#0062a8",
    moved_line="#a0467a",
    flash="#f5e663",
    link="#fff4b3",
    hover="#e6e9ee",
    banner_error="#fbe3d6",
    banner_info="#e3eefa",
)

DARK = Palette(
    name="dark",
    text="#e6e3de",
    muted_text="#a0a4a8",
    page="#1e1f22",
    deleted="#7a4312",
    deleted_light="#4e3320",
    inserted="#1d4f7c",
    inserted_light="#1f3854",
    only_a="#3b2c1e",
    only_b="#1d2d3d",
    moved="#4f3047",
    deleted_line="#ffa35c",
    inserted_line="#6cb8f0",
    moved_line="#e08fc0",
    flash="#6b6420",
    link="#4a4423",
    hover="#33373d",
    banner_error="#4a2a1c",
    banner_info="#1c3047",
)


def palette_for(theme: Theme | str, system_is_dark: bool = False) -> Palette:
    """The palette for a theme; ``system`` follows the desktop's light/dark preference."""
    theme = Theme(theme)
    if theme is Theme.SYSTEM:
        return DARK if system_is_dark else LIGHT
    return DARK if theme is Theme.DARK else LIGHT
