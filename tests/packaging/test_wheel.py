"""A non-editable install (a wheel) carries the sample articles and icons in reader/_resources."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def build_wheel(out: Path) -> Path:
    if shutil.which("uv"):
        # Through the sdist, as a package index would: MANIFEST.in must carry resources/ too.
        command = ["uv", "build", "--out-dir", str(out), str(ROOT)]
    else:
        pip = subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True)
        if pip.returncode != 0:
            pytest.skip("neither uv nor pip is available to build a wheel")
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(out), str(ROOT)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    wheels = list(out.glob("tandem_reader-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_installed_wheel_finds_the_demo_pair_and_icon(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path / "wheels")
    names = zipfile.ZipFile(wheel).namelist()
    assert "reader/_resources/samples/harbour-bridge-original.md" in names
    assert not any(name.startswith("resources/") for name in names)  # no stray top-level folder
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)  # a pure-Python wheel installs by unpacking
    probe = (
        "import sys; from reader.resources import demo_pair, resource_path, resources_dir; "
        "a, b = demo_pair(); icon = resource_path('icons', 'io.github.tandem_reader.Tandem.svg'); "
        "print(resources_dir()); sys.exit(0 if a.is_file() and b.is_file() and icon.is_file() else 1)"
    )
    # -S: no site-packages, so the editable install of the checkout cannot answer instead.
    done = subprocess.run(
        [sys.executable, "-S", "-c", probe],
        cwd=tmp_path,
        env={"PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert Path(done.stdout.strip()) == site / "reader" / "_resources"
