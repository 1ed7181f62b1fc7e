"""Build the one-folder bundle and a versioned archive of it.

``python packaging/build.py [--dist DIR] [--work DIR]`` (needs the ``build`` extra:
``uv sync --extra build``) leaves

- ``DIR/tandem-<version>/``: the unpacked bundle (``tandem`` executable, ``_internal/``, and the
  desktop integration: ``install-desktop.sh``, the .desktop file, metainfo, ``icons/hicolor``),
- ``DIR/tandem-<version>-<os>-<machine>.tar.gz`` (``.zip`` on Windows and macOS).
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

APP_ID = "io.github.tandem_reader.Tandem"
ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "tandem.spec"
LINUX_FILES = ROOT / "packaging" / "linux"
ICONS = ROOT / "packaging" / "icons"


class BuildError(Exception):
    """The bundle could not be built; the message says why."""


def project_version() -> str:
    """The version in ``reader/__init__.py`` (the same one pyproject.toml declares)."""
    sys.path.insert(0, str(ROOT))
    try:
        from reader import __version__
    finally:
        sys.path.pop(0)
    return __version__


def platform_tag() -> str:
    """``linux-x86_64``, ``windows-x86_64``, ``macos-arm64`` and so on."""
    system = {"darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform.rstrip("0123456789"))
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"{system}-{machine}"


def folder_size(folder: Path) -> int:
    """Bytes of all regular files under ``folder`` (symlinks not followed)."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def run_pyinstaller(dist_dir: Path, work_dir: Path) -> Path:
    """Run the spec; returns the one-folder bundle PyInstaller made."""
    if importlib.util.find_spec("PyInstaller") is None:
        raise BuildError("PyInstaller is not installed: run `uv sync --extra build` (or pip install pyinstaller)")
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist_dir),
        "--workpath",
        str(work_dir),
        str(SPEC),
    ]
    done = subprocess.run(command, cwd=ROOT)
    if done.returncode != 0:
        raise BuildError(f"PyInstaller failed with exit code {done.returncode}")
    bundle = dist_dir / "tandem"
    if not bundle.is_dir():
        raise BuildError(f"PyInstaller did not produce {bundle}")
    return bundle


def add_desktop_integration(bundle: Path) -> None:
    """Put the installer, desktop file, metainfo and theme icons at the top of the bundle."""
    for name in ("install-desktop.sh", f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml"):
        shutil.copy2(LINUX_FILES / name, bundle / name)
    shutil.copytree(ICONS / "hicolor", bundle / "icons" / "hicolor", dirs_exist_ok=True)


def make_archive(bundle: Path, archive_base: Path) -> Path:
    """Pack ``bundle`` (its folder name kept as the top level) into ``archive_base`` + suffix."""
    if sys.platform.startswith("linux"):
        archive = archive_base.with_name(archive_base.name + ".tar.gz")
        with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
            tar.add(bundle, arcname=bundle.name)  # keeps permissions and symlinks
        return archive
    return Path(shutil.make_archive(str(archive_base), "zip", bundle.parent, bundle.name))


def build(dist_dir: Path, work_dir: Path) -> tuple[Path, Path]:
    """Build the bundle into ``dist_dir``; returns (unpacked bundle folder, archive)."""
    version = project_version()
    dist_dir.mkdir(parents=True, exist_ok=True)
    raw = run_pyinstaller(work_dir / "dist", work_dir / "build")
    bundle = dist_dir / f"tandem-{version}"
    if bundle.exists():
        shutil.rmtree(bundle)
    shutil.move(str(raw), str(bundle))
    add_desktop_integration(bundle)
    archive = make_archive(bundle, dist_dir / f"tandem-{version}-{platform_tag()}")
    return bundle, archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Tandem one-folder bundle and its archive.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle and archive go")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="scratch folder")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        bundle, archive = build(args.dist.resolve(), args.work.resolve())
    except (BuildError, OSError) as error:
        print(f"build: {error}", file=sys.stderr)
        return 1
    megabyte = 1024 * 1024
    print(f"build: {bundle} ({folder_size(bundle) / megabyte:.0f} MB unpacked)")
    print(f"build: {archive} ({archive.stat().st_size / megabyte:.0f} MB) in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
