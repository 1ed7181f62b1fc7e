"""packaging/linux/install-desktop.sh: a user install under XDG_DATA_HOME and its exact undo."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "linux" / "install-desktop.sh"
APP_ID = "io.github.tandem_reader.Tandem"

pytestmark = pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")


def run_script(args: list[str], data_home: Path, script: Path = SCRIPT) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home), "HOME": str(data_home.parent / "home")}
    return subprocess.run(["sh", str(script), *args], env=env, capture_output=True, text=True, timeout=60)


def installed_files(data_home: Path) -> set[str]:
    caches = {"mimeinfo.cache", "icon-theme.cache"}
    return {str(p.relative_to(data_home)) for p in data_home.rglob("*") if p.is_file() and p.name not in caches}


def exec_line(data_home: Path) -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(data_home / "applications" / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]["Exec"]


def test_install_puts_everything_under_xdg_data_home_and_uninstall_removes_it(tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    done = run_script(["--exec", "/opt/reader apps/tandem"], data_home)
    assert done.returncode == 0, done.stderr
    files = installed_files(data_home)
    assert f"applications/{APP_ID}.desktop" in files
    assert f"metainfo/{APP_ID}.metainfo.xml" in files
    assert f"icons/hicolor/scalable/apps/{APP_ID}.svg" in files
    assert {f"icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in (16, 48, 256, 512)} <= files
    assert not (tmp_path / "home").exists()  # XDG_DATA_HOME wins over ~/.local/share
    assert exec_line(data_home) == '"/opt/reader apps/tandem" %F'
    if shutil.which("update-desktop-database"):
        cache = (data_home / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
        assert f"text/markdown={APP_ID}.desktop;" in cache
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(data_home / "applications" / f"{APP_ID}.desktop")],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stdout

    (data_home / "applications" / "someone-else.desktop").write_text("[Desktop Entry]\n", encoding="utf-8")
    undone = run_script(["--uninstall"], data_home)
    assert undone.returncode == 0, undone.stderr
    assert installed_files(data_home) == {"applications/someone-else.desktop"}  # only ours removed
    if shutil.which("update-desktop-database"):
        assert APP_ID not in (data_home / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")


def test_from_a_bundle_the_entry_starts_the_bundled_executable(tmp_path: Path) -> None:
    # Lay out the files as packaging/build.py does in the bundle folder.
    bundle = tmp_path / "tandem-0.1.0"
    bundle.mkdir()
    for name in (SCRIPT.name, f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml"):
        shutil.copy(SCRIPT.parent / name, bundle / name)
    shutil.copytree(ROOT / "packaging" / "icons" / "hicolor", bundle / "icons" / "hicolor")
    executable = bundle / "tandem"
    executable.write_text("#!/bin/sh\n", encoding="utf-8")
    executable.chmod(0o755)
    data_home = tmp_path / "share"
    done = run_script([], data_home, script=bundle / SCRIPT.name)
    assert done.returncode == 0, done.stderr
    assert exec_line(data_home) == f"{executable} %F"


def test_unknown_options_are_refused_without_installing(tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    done = run_script(["--everything"], data_home)
    assert done.returncode == 2
    assert "unknown option '--everything'" in done.stderr
    assert not data_home.exists()
