"""Every colour a comparison is shown in, light and dark: the window, the location bar, the
HTML report and the PDF all take their colours from here (the module has no Qt).

Orange for what A has and B lacks, blue for what B adds, purple-pink for moved sentences,
yellow only for the reader's own selection and jumps. The mark colours (:data:`MARK_ROLES`)
were chosen so that every pair stays apart (CIELAB ΔE76 >= 12) for normal vision and under
simulated protanopia, deuteranopia and tritanopia (tests/core/test_palette_vision.py); the
first palette mixed moved pink with the insertion blue and hover grey with the deletion
orange for protan and deutan readers. Colour is never the only cue: the text formats add
strike-through, underlines and dotted/dashed lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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
    fact: str  # a fact item chosen in the Facts list (its words on both sides) and its overview mark
    fact_line: str  # the wavy underline under every fact item's words in the panes


# Every colour role as (light, dark): the two themes side by side, role by role.
_COLOURS: dict[str, tuple[str, str]] = {
    "text": ("#1f1f1f", "#e6e3de"),
    "muted_text": ("#5f6368", "#a0a4a8"),
    "page": ("#fdfcf9", "#1e1f22"),
    "deleted": ("#f4a376", "#693f0b"),
    "deleted_light": ("#ffe8cc", "#4e3320"),
    "inserted": ("#95ceea", "#346482"),
    "inserted_light": ("#dcecfa", "#1f3854"),
    "only_a": ("#feeee1", "#39251e"),
    "only_b": ("#d7eefe", "#1a2d37"),
    "moved": ("#c997b8", "#5d375c"),
    "deleted_line": ("#b34700", "#ffa35c"),
    "inserted_line": ("#0062a8", "#6cb8f0"),
    "moved_line": ("#a0467a", "#e08fc0"),
    "flash": ("#f3c740", "#765d00"),
    "link": ("#ffe081", "#3d3d1a"),
    "hover": ("#d1d1d2", "#61575a"),
    "banner_error": ("#fbe3d6", "#4a2a1c"),
    "banner_info": ("#e3eefa", "#1c3047"),
    "fact": ("#a1c59c", "#4a6339"),
    "fact_line": ("#2f7a2a", "#9ad38c"),
}
LIGHT = Palette("light", **{role: light for role, (light, _) in _COLOURS.items()})
DARK = Palette("dark", **{role: dark for role, (_, dark) in _COLOURS.items()})


class Theme(StrEnum):
    LIGHT = "light"
    DARK = "dark"
    SYSTEM = "system"


def palette_for(theme: Theme | str, system_is_dark: bool = False) -> Palette:
    """The palette for a theme; ``system`` follows the desktop's light/dark preference."""
    theme = Theme(theme)
    if theme is Theme.SYSTEM:
        return DARK if system_is_dark else LIGHT
    return DARK if theme is Theme.DARK else LIGHT


# The colours that mark text and must never be confused with one another (see the module doc).
MARK_ROLES = ("deleted", "inserted", "only_a", "only_b", "moved", "hover", "link", "flash", "fact")

# The palette role of each location-bar mark kind, per side (a new kind adds its role here).
OVERVIEW_ROLES: dict[str, tuple[str, str]] = {
    "only": ("deleted", "inserted"),
    "moved": ("moved_line", "moved_line"),
    "changed": ("deleted_line", "inserted_line"),
    "fact": ("fact", "fact"),
}


def overview_colour(palette: Palette, kind: str, side: str) -> str:
    """The colour of a location-bar mark of ``kind`` in the pane of ``side`` ("a" or "b")."""
    roles = OVERVIEW_ROLES[kind]
    colour: str = getattr(palette, roles[0] if side == "a" else roles[1])
    return colour


def css_variables(palette: Palette) -> str:
    """The palette as CSS custom properties, for the HTML report."""
    names = {
        "bg": palette.page,
        "fg": palette.text,
        "muted": palette.muted_text,
        "del-bg": palette.deleted,
        "del-light": palette.deleted_light,
        "del-line": palette.deleted_line,
        "ins-bg": palette.inserted,
        "ins-light": palette.inserted_light,
        "ins-line": palette.inserted_line,
        "only-a": palette.only_a,
        "only-b": palette.only_b,
        "moved": palette.moved,
        "moved-line": palette.moved_line,
        "fact": palette.fact,
    }
    return " ".join(f"--{name}:{value};" for name, value in names.items())
