"""Packaging tests never need a display: Qt renders offscreen (set before any QApplication)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
