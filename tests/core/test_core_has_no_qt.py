"""The engine, the exports and the command line never import Qt."""

from __future__ import annotations

import subprocess
import sys


def test_importing_core_and_exports_does_not_import_pyside6() -> None:
    code = (
        "import sys, reader.core, reader.core.align, reader.core.marks, reader.export.json_export, "
        "reader.export.html_export, reader.export.text_export, reader.cli; "
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
