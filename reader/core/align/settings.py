"""The aligner's fitted settings per language, stored as named data in ``settings.json``.

``benchmarks/fit_alignment.py`` chooses them (English: the English rewrites, leave one pair
out; German: DEplain documents with odd ids, the even ones held out; docs/benchmarks-
alignment.md) and writes the file. Loading checks that every name is known, none is missing
and every value is a number in its range; a language without its own uses English.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Settings:
    """Bars on similarity (cosine or containment, 0..1) and the weight of numbers."""

    link_bar: float  # cosine at which a sentence's best match anywhere is its counterpart
    gap_bar: float  # cosine enough for a pair that sits in the same place of both texts
    attach_bar: float  # containment at which a neighbour joins a unit as a piece of a split
    far_piece_bar: float  # containment at which a sentence is a far piece of one already linked
    number_weight: float  # a number term weighs this many words

    def check(self) -> Settings:
        for item in fields(self):
            value = getattr(self, item.name)
            high = 10.0 if item.name == "number_weight" else 1.0
            if not isinstance(value, int | float) or not 0.0 <= value <= high:
                raise ValueError(f"alignment setting {item.name} = {value!r} is outside 0..{high}")
        return self

    def at_looseness(self, looseness: float) -> Settings:
        """Bars for a ``looseness`` in 0..1: the fitted ones at 0.5, all higher below, lower above.

        Monotone by construction, so a looser setting never links fewer sentences.
        """
        loose = min(1.0, max(0.0, looseness))
        if loose <= 0.5:  # towards 0: only near-identical sentences (every bar towards 0.95)
            t = (0.5 - loose) / 0.5

            def bar(value: float) -> float:
                return value + (0.95 - value) * t
        else:  # towards 1: half the fitted bars
            t = (loose - 0.5) / 0.5

            def bar(value: float) -> float:
                return value * (1.0 - 0.5 * t)

        return replace(
            self,
            link_bar=bar(self.link_bar),
            gap_bar=bar(self.gap_bar),
            attach_bar=bar(self.attach_bar),
            far_piece_bar=bar(self.far_piece_bar),
        )


@dataclass(frozen=True, slots=True)
class Passes:
    """Which passes run: all of them; one is switched off only to measure what it earns."""

    repeats: bool = True  # identical sentences that repeat, anchored in order
    gap_pairs: bool = True  # free sentences in the same place pair at the gap bar
    neighbour_pieces: bool = True  # split pieces next to a unit join it
    far_pieces: bool = True  # split pieces that lie apart keep a link of their own


DEFAULT_LANGUAGE = "en"


def load_settings(text: str | None = None) -> dict[str, Settings]:
    """The shipped settings per language (or those in ``text``, JSON), checked."""
    if text is None:
        # Beside this module (package data); importlib.resources would cost 10 ms at start.
        text = (Path(__file__).parent / "settings.json").read_text(encoding="utf-8")
    data = json.loads(text)
    languages = data.get("settings") if isinstance(data, dict) else None
    if not isinstance(languages, dict) or DEFAULT_LANGUAGE not in languages:
        raise ValueError(f'alignment settings must have a "settings" object with "{DEFAULT_LANGUAGE}"')
    names = {item.name for item in fields(Settings)}
    out = {}
    for language, values in languages.items():
        if not isinstance(values, dict) or set(values) != names:
            raise ValueError(f"alignment settings for {language!r} must name exactly {sorted(names)}")
        out[language] = Settings(**values).check()
    return out
