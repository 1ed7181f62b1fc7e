"""Light and dark themes, the View › Theme menu, --theme dark, and colour-blind-safe highlights."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from reader.app.palette import DARK, LIGHT, Palette, Theme
from reader.app.settings import AppSettings
from reader.core.marks import Side
from tests.app.helpers import wait_result
from tests.app.test_launch import run_tandem

# Machado, Oliveira & Fernandes (2009) simulation matrices at full severity, on linear RGB.
CVD_MATRICES = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, -0.691367, 1.686315)),
}
MIN_DELTA_E = 12.0  # clearly different at a glance, not only side by side
MIN_TEXT_CONTRAST = 4.5  # WCAG AA for body text


def _linear(hex_colour: str) -> tuple[float, float, float]:
    values = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    return tuple(v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in values)  # type: ignore[return-value]


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = (min(1.0, max(0.0, c)) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _simulate(hex_colour: str, kind: str | None) -> tuple[float, float, float]:
    rgb = _linear(hex_colour)
    if kind is None:
        return rgb
    return tuple(sum(m * c for m, c in zip(row, rgb, strict=False)) for row in CVD_MATRICES[kind])  # type: ignore[return-value]


def delta_e(first: str, second: str, kind: str | None) -> float:
    a, b = _lab(_simulate(first, kind)), _lab(_simulate(second, kind))
    return sum((p - q) ** 2 for p, q in zip(a, b, strict=False)) ** 0.5


def contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        r, g, b = _linear(colour)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=lambda p: p.name)
@pytest.mark.parametrize("kind", [None, *CVD_MATRICES])
def test_highlights_stay_distinct_for_colour_blind_readers(palette: Palette, kind: str | None) -> None:
    pairs = [
        (palette.deleted, palette.inserted),  # what A lost vs what B added
        (palette.deleted_line, palette.inserted_line),
        (palette.moved, palette.page),
        (palette.link, palette.page),
        (palette.deleted, palette.page),
        (palette.inserted, palette.page),
    ]
    for first, second in pairs:
        assert delta_e(first, second, kind) >= MIN_DELTA_E, (palette.name, kind, first, second)


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=lambda p: p.name)
def test_text_is_readable_on_every_highlight(palette: Palette) -> None:
    for background in (
        palette.page,
        palette.deleted,
        palette.deleted_light,
        palette.inserted,
        palette.inserted_light,
        palette.only_a,
        palette.only_b,
        palette.moved,
        palette.link,
        palette.flash,
    ):
        assert contrast(palette.text, background) >= MIN_TEXT_CONTRAST, (palette.name, background)


def test_the_theme_menu_switches_and_remembers(qtbot, window, articles, private_settings: Path) -> None:
    wait_result(qtbot, window, lambda: window.open_paths(*articles))
    app = QApplication.instance()
    window.actions_.themes[Theme.DARK].trigger()
    assert window.palette_ is DARK and window.theme is Theme.DARK
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
    page = window.panes[Side.A].view.palette().color(QPalette.ColorRole.Base)
    assert page == QColor(DARK.page)
    assert window.formats[Side.A].palette is DARK, "the highlights are rebuilt for the dark page"
    assert AppSettings(private_settings).theme == "dark"
    window.actions_.themes[Theme.LIGHT].trigger()
    assert window.palette_ is LIGHT
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 180
    window.actions_.themes[Theme.SYSTEM].trigger()
    assert window.theme is Theme.SYSTEM and window.actions_.themes[Theme.SYSTEM].isChecked()
    assert "view/theme" not in AppSettings(private_settings).keys(), "the default is not written"  # noqa: SIM118 - no mapping


def _mean_lightness(image: QImage, left: int, top: int, width: int, height: int) -> float:
    values = [
        QColor(image.pixel(x, y)).lightness() for x in range(left, left + width, 9) for y in range(top, top + height, 9)
    ]
    return sum(values) / len(values)


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_theme_flag_renders_the_screenshot(tmp_path: Path, articles, private_settings: Path, theme: str) -> None:
    out = tmp_path / f"{theme}.png"
    done = run_tandem(
        [str(articles[0]), str(articles[1]), "--theme", theme, "--screenshot", str(out)],
        {"QT_QPA_PLATFORM": "offscreen", "TANDEM_SETTINGS": str(private_settings)},
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    lightness = _mean_lightness(image, 40, 300, 400, 300)
    assert (lightness < 90) if theme == "dark" else (lightness > 170)


def test_saved_theme_is_used_without_the_flag(tmp_path: Path, articles, private_settings: Path) -> None:
    settings = AppSettings(private_settings)
    settings.theme = "dark"
    settings.sync()
    out = tmp_path / "saved.png"
    done = run_tandem(
        [str(articles[0]), str(articles[1]), "--screenshot", str(out)],
        {"QT_QPA_PLATFORM": "offscreen", "TANDEM_SETTINGS": str(private_settings)},
    )
    assert done.returncode == 0, done.stderr
    assert _mean_lightness(QImage(str(out)), 40, 300, 400, 300) < 90


def test_zoom_scales_the_text(window) -> None:
    view = window.panes[Side.A].view
    before = view.document().defaultFont().pointSizeF()
    window.actions_.zoom_in.trigger()
    window.actions_.zoom_in.trigger()
    assert view.document().defaultFont().pointSizeF() > before
    window.actions_.zoom_reset.trigger()
    assert view.document().defaultFont().pointSizeF() == before


def test_every_action_is_reachable_by_keyboard_and_widgets_are_named(window) -> None:
    in_menus = set()
    for menu_action in window.menuBar().actions():
        stack = [menu_action.menu()]
        while stack:
            menu = stack.pop()
            for action in menu.actions():
                if action.menu():
                    stack.append(action.menu())
                in_menus.add(id(action))
    for action in window.actions():
        assert id(action) in in_menus or not action.shortcut().isEmpty(), action.text()
    for widget in (
        window.panes[Side.A].view,
        window.panes[Side.B].view,
        window.dock.tree,
        window.summary,
        window.position_label,
        window.find_bar.field,
        window.actions_.looseness_box,
    ):
        assert widget.accessibleName(), widget
