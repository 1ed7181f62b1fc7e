"""Light and dark chrome: the Qt palette for widgets and a small style sheet for our pieces."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from reader.app.palette import DARK, Palette, Theme, palette_for

# The desktop's own style and palette, saved before the first override so that choosing
# "follow the system" again can put them back.
_system_look: dict[str, str | QPalette] = {}


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme()
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    saved = _system_look.get("palette")
    colours = saved if isinstance(saved, QPalette) else QGuiApplication.palette()
    return colours.color(QPalette.ColorRole.Window).lightness() < 128


def apply_theme(app: QApplication, theme: Theme | str) -> Palette:
    """Set the application palette for ``theme`` and return the matching highlight palette."""
    palette = palette_for(theme, system_prefers_dark())
    if Theme(theme) is Theme.SYSTEM:
        if _system_look:  # undo an earlier light/dark override
            app.setStyle(str(_system_look["style"]))
            saved = _system_look["palette"]
            if isinstance(saved, QPalette):  # always: stored below
                app.setPalette(saved)
        return palette  # keep the desktop's own palette and style
    if not _system_look:
        _system_look["style"] = app.style().name()
        _system_look["palette"] = QPalette(app.palette())
    app.setStyle("Fusion")  # the one style that honours a custom palette everywhere
    app.setPalette(_qt_palette(palette))
    return palette


def _qt_palette(palette: Palette) -> QPalette:
    qt = QPalette()
    dark = palette is DARK
    window = QColor("#2b2d30" if dark else "#f3f2ef")
    base = QColor(palette.page)
    text = QColor(palette.text)
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: window,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor("#393b40" if dark else "#e9e7e3"),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.ToolTipBase: base,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor(palette.muted_text),
        QPalette.ColorRole.Highlight: QColor("#3d6fa8" if dark else "#3b78c4"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor(palette.inserted_line),
        QPalette.ColorRole.Mid: QColor("#4a4d52" if dark else "#c9c6c0"),
        QPalette.ColorRole.Midlight: QColor("#44474c" if dark else "#dddad5"),
        QPalette.ColorRole.Dark: QColor("#1b1c1f" if dark else "#a8a49d"),
    }
    for role, colour in roles.items():
        qt.setColor(role, colour)
    disabled = QColor(palette.muted_text)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        qt.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return qt


def chrome_style_sheet(palette: Palette) -> str:
    """Style for the side badges and pane headers; everything else follows the Qt palette."""
    return (
        f"#sideBadge[side='a'] {{ background: {palette.deleted}; color: {palette.text};"
        f" border: 1px solid {palette.deleted_line}; border-radius: 12px; font-weight: bold; }}"
        f"#sideBadge[side='b'] {{ background: {palette.inserted}; color: {palette.text};"
        f" border: 1px solid {palette.inserted_line}; border-radius: 12px; font-weight: bold; }}"
        f"#paneHeaderFrame {{ border-bottom: 1px solid palette(mid); }}"
    )
