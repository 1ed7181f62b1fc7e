"""Build the one-folder bundle and a versioned archive of it (and, with --installer, the installer).

``python packaging/build.py [--dist DIR] [--work DIR] [--installer]`` (needs the ``build`` extra:
``uv sync --extra build``) leaves

- ``DIR/tandem-<version>/``: the unpacked bundle (``tandem`` executable, ``_internal/``; on Linux
  also the desktop integration: ``install-desktop.sh``, the .desktop file, metainfo,
  ``icons/hicolor``; on Windows also ``tandem-cli.exe``),
- on macOS ``DIR/Tandem.app``,
- ``DIR/tandem-<version>-<os>-<machine>.tar.gz`` on Linux, ``.zip`` on Windows (the folder) and
  macOS (``Tandem.app``),
- with ``--installer``: ``DIR/tandem-<version>-windows-x86_64-setup.exe`` (Inno Setup's ``iscc``
  must be installed) or ``DIR/tandem-<version>-macos-<machine>.dmg``.

The release workflow (.github/workflows/release.yml) runs this same script on each system.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "tandem.spec"
INNO_SCRIPT = ROOT / "packaging" / "windows" / "tandem.iss"


def _load_metadata() -> ModuleType:
    # packaging/ is not a package (it would shadow the PyPI "packaging" library): load by path.
    spec = importlib.util.spec_from_file_location("tandem_metadata", ROOT / "packaging" / "metadata.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


metadata = _load_metadata()
APP_ID: str = metadata.APP_ID
LINUX_FILES: Path = metadata.LINUX_DIR
ICONS: Path = metadata.ICONS


class BuildError(Exception):
    """The bundle could not be built; the message says why."""


def project_version() -> str:
    """The version pyproject.toml declares (``reader.__version__`` is held equal by a test)."""
    return str(metadata.VERSION)


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
    if sys.platform == "darwin":
        # ditto keeps the symlinks and extended attributes an .app needs; zipfile would not.
        archive = archive_base.with_name(archive_base.name + ".zip")
        archive.unlink(missing_ok=True)
        _run(["ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", str(bundle), str(archive)], "ditto")
        return archive
    return Path(shutil.make_archive(str(archive_base), "zip", bundle.parent, bundle.name))


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(command, cwd=ROOT)
    if done.returncode != 0:
        raise BuildError(f"{what} failed with exit code {done.returncode}")


def inno_compiler() -> str | None:
    """Inno Setup's command-line compiler: on PATH, or where its installer puts it."""
    found = shutil.which("iscc")
    if found:
        return found
    for variable in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        base = os.environ.get(variable)
        for folder in ("Inno Setup 6", "Programs/Inno Setup 6"):
            candidate = Path(base, folder, "ISCC.exe") if base else None
            if candidate is not None and candidate.is_file():
                return str(candidate)
    return None


def make_installer(bundle: Path, app: Path | None, dist_dir: Path, version: str) -> Path | None:
    """The Windows setup (Inno Setup) or the macOS disk image; None on Linux (the archive is it)."""
    if sys.platform == "win32":
        compiler = inno_compiler()
        if compiler is None:
            raise BuildError("Inno Setup's iscc was not found: install Inno Setup 6 (choco install innosetup)")
        _run([compiler, "/Qp", f"/DBundleDir={bundle}", f"/DOutputDir={dist_dir}", str(INNO_SCRIPT)], "iscc")
        return dist_dir / f"tandem-{version}-windows-x86_64-setup.exe"
    if sys.platform == "darwin" and app is not None:
        image = dist_dir / f"tandem-{version}-{platform_tag()}.dmg"
        command = ["hdiutil", "create", "-volname", metadata.NAME, "-srcfolder", str(app), "-ov", "-format", "UDZO"]
        _run([*command, str(image)], "hdiutil")
        return image
    return None


def build(dist_dir: Path, work_dir: Path, installer: bool = False) -> tuple[Path, Path, Path | None]:
    """Build the bundle into ``dist_dir``; returns (unpacked bundle folder, archive, installer or None)."""
    stale = metadata.stale_files()
    if stale:
        names = ", ".join(str(path.relative_to(ROOT)) for path in stale)
        raise BuildError(f"{names} out of date with packaging/metadata.py: run python packaging/metadata.py --write")
    version = project_version()
    dist_dir.mkdir(parents=True, exist_ok=True)
    raw = run_pyinstaller(work_dir / "dist", work_dir / "build")
    bundle = dist_dir / f"tandem-{version}"
    if bundle.exists():
        shutil.rmtree(bundle)
    shutil.move(str(raw), str(bundle))
    app: Path | None = None
    if sys.platform == "darwin":
        app = dist_dir / f"{metadata.NAME}.app"
        if app.exists():
            shutil.rmtree(app)
        shutil.move(str(work_dir / "dist" / app.name), str(app))
    if sys.platform.startswith("linux"):
        add_desktop_integration(bundle)
    archive = make_archive(app or bundle, dist_dir / f"tandem-{version}-{platform_tag()}")
    setup = make_installer(bundle, app, dist_dir, version) if installer else None
    return bundle, archive, setup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Tandem one-folder bundle and its archive.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle and archive go")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="scratch folder")
    parser.add_argument(
        "--installer", action="store_true", help="also make the Windows setup (Inno Setup) or the macOS .dmg"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        bundle, archive, setup = build(args.dist.resolve(), args.work.resolve(), installer=args.installer)
    except (BuildError, OSError) as error:
        print(f"build: {error}", file=sys.stderr)
        return 1
    megabyte = 1024 * 1024
    print(f"build: {bundle} ({folder_size(bundle) / megabyte:.0f} MB unpacked)")
    if setup is not None:
        print(f"build: {setup} ({setup.stat().st_size / megabyte:.0f} MB)")
    print(f"build: {archive} ({archive.stat().st_size / megabyte:.0f} MB) in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
