"""File › Open Link…: a small dialog asking for a web address and the side it goes to."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.marks import Side
from reader.core.read.fetch import looks_like_url


class LinkDialog(QDialog):
    """Open is enabled only once the field holds one http(s) address."""

    def __init__(self, side: Side, initial: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open Link")
        self.field = QLineEdit(initial)
        self.field.setPlaceholderText("https://…")
        self.field.setAccessibleName("Web address")
        self.field.setMinimumWidth(420)
        prompt = QLabel("&Address of the page to compare:")
        prompt.setBuddy(self.field)
        self.side_buttons = {s: QRadioButton(f"Article &{s.value.upper()}") for s in Side}
        group = QButtonGroup(self)
        sides = QHBoxLayout()
        sides.addWidget(QLabel("Open as:"))
        for button in self.side_buttons.values():
            group.addButton(button)
            sides.addWidget(button)
        sides.addStretch(1)
        self.side_buttons[side].setChecked(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.hint = QLabel("Only the page itself is downloaded, never its images or scripts.")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        for item in (prompt, self.field):
            layout.addWidget(item)
        layout.addLayout(sides)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.field.textChanged.connect(self._update_open_button)
        self._update_open_button()

    def link(self) -> str | None:
        return looks_like_url(self.field.text())

    def side(self) -> Side:
        return next(side for side, button in self.side_buttons.items() if button.isChecked())

    def _update_open_button(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(self.link() is not None)


def ask_link(parent: QWidget, side: Side, initial: str = "") -> tuple[Side, str] | None:
    """Show the dialog; the chosen side and address, or None if cancelled."""
    dialog = LinkDialog(side, initial, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    link = dialog.link()
    return (dialog.side(), link) if link else None
