"""The window's colours come from the one palette the exports use too (``reader.export.palette``)."""

from reader.export.palette import DARK, LIGHT, Palette, Theme, overview_colour, palette_for

__all__ = ["DARK", "LIGHT", "Palette", "Theme", "overview_colour", "palette_for"]
