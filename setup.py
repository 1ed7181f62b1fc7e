"""setuptools hook: ship ``resources/`` inside the wheel as ``reader/_resources``.

Everything else is declared in pyproject.toml. A checkout reads ``resources/`` beside the
package and a PyInstaller bundle its own copy; an installed wheel has only the package, so the
sample articles, icons and style sheets are copied into it here (see reader/resources.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RESOURCE_FOLDERS = ("samples", "icons", "style")


class BuildPyWithResources(build_py):
    """The usual build_py, plus a copy of ``resources/`` under ``reader/_resources``."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads resources/ from the checkout
            return
        source = Path(__file__).resolve().parent / "resources"
        target = Path(self.build_lib) / "reader" / "_resources"
        for folder in RESOURCE_FOLDERS:
            if (source / folder).is_dir():
                shutil.copytree(source / folder, target / folder, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildPyWithResources})
