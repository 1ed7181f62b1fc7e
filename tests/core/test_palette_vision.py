"""One palette for window and exports, and its mark colours stay apart under colour-vision deficiencies."""

from __future__ import annotations

import itertools
import re

import pytest

from reader.core.compare import compare
from reader.core.read.documents import load_document
from reader.export.html_export import comparison_to_html
from reader.export.palette import DARK, LIGHT, MARK_ROLES, OVERVIEW_ROLES, Palette, css_variables
from reader.resources import demo_pair
from tests.core.colour_vision import delta_e

VISIONS = ("normal", "protan", "deutan", "tritan")
MIN_DELTA_E = 12.0  # CIE76; ~2.3 is "just noticeable", 12 reads as a different colour at a glance


def test_the_simulation_reproduces_known_confusions() -> None:
    # The classic red/green pair is far apart for normal vision and collapses for deutans.
    red, green = "#d62728", "#2ca02c"
    assert delta_e(red, green) > 60
    assert delta_e(red, green, "deutan") < 0.5 * delta_e(red, green)
    assert delta_e(red, green, "protan") < 0.5 * delta_e(red, green)
    # Tritans confuse blue with green, not red with green.
    assert delta_e("#0072b2", "#009e73", "tritan") < delta_e("#0072b2", "#009e73")
    assert delta_e(red, green, "tritan") > 40


def test_the_old_palette_failed_the_check() -> None:
    # The colours the issue reported: moved pink vs insertion blue, hover grey vs deletion orange.
    assert delta_e("#ecd0e3", "#b3d7f5", "protan") < MIN_DELTA_E
    assert delta_e("#e6e9ee", "#e3f0fb", "deutan") < MIN_DELTA_E


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("vision", VISIONS)
def test_every_pair_of_mark_colours_stays_apart(palette: Palette, vision: str) -> None:
    close = [
        (first, second, round(delta_e(getattr(palette, first), getattr(palette, second), vision), 1))
        for first, second in itertools.combinations(MARK_ROLES, 2)
        if delta_e(getattr(palette, first), getattr(palette, second), vision) < MIN_DELTA_E
    ]
    assert not close, f"{palette.name} / {vision}: too close {close}"


def test_fact_has_a_slot_in_the_palette_and_the_location_bar() -> None:
    assert "fact" in MARK_ROLES and "fact" in OVERVIEW_ROLES
    assert LIGHT.fact != DARK.fact


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_the_marks_differ_from_the_page(palette: Palette) -> None:
    # Pale fills behind text need less: clearly visible on the page (JND is about 2.3).
    for role in MARK_ROLES:
        for vision in VISIONS:
            assert delta_e(getattr(palette, role), palette.page, vision) > 6, (role, vision)


def test_the_html_report_takes_its_colours_from_the_palette() -> None:
    path_a, path_b = demo_pair()
    html = comparison_to_html(compare(load_document(path_a), load_document(path_b)))
    style = html[html.index("<style>") : html.index("</style>")]
    assert css_variables(LIGHT) in style and css_variables(DARK) in style
    colours = {colour.lower() for colour in re.findall(r"#[0-9a-fA-F]{6}", style)}
    allowed = {getattr(p, field).lower() for p in (LIGHT, DARK) for field in Palette.__slots__ if field != "name"}
    assert colours - allowed <= {"#d8d4cc", "#3a3d43"}  # only the two rule lines are the report's own
    # "Only in one text" is the side's colour, never the selection's yellow.
    assert "--only-a:" + LIGHT.only_a in style and LIGHT.link not in style.split("@media")[0].split("--fact")[0]
