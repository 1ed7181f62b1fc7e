"""The PyInstaller bundle: build it from the spec, unpack the archive, run its smoke test offscreen.

On Linux the archive is the tarball of the one-folder bundle; on Windows the zip of that folder
(the console companion tandem-cli.exe does the printing); on macOS the zipped Tandem.app.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "packaging" / "build.py"
SIZE_LIMIT_MB = 200  # issue 7: at most 200 MB unpacked

LINUX = sys.platform.startswith("linux")
pytestmark = [pytest.mark.bundle]

PAGE = "<html><body><nav>Home | News</nav><article><h1>Harbour news</h1><p>{}</p></article></body></html>"


def load_build_module():
    spec = importlib.util.spec_from_file_location("tandem_build", BUILD_SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def unpacked_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail(
            "PyInstaller is missing: run the bundle test with `uv run --extra test --extra build pytest -m bundle`"
        )
    out = tmp_path_factory.mktemp("bundle")
    done = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--dist", str(out / "dist"), "--work", str(out / "work")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    build = load_build_module()
    version = build.project_version()
    suffix = ".tar.gz" if LINUX else ".zip"
    archive = out / "dist" / f"tandem-{version}-{build.platform_tag()}{suffix}"
    assert archive.is_file(), sorted(p.name for p in (out / "dist").iterdir())
    # Run what a user gets: the archive unpacked somewhere else, not the build folder.
    target = out / "unpacked"
    if LINUX:
        with tarfile.open(archive) as tar:
            assert all(name.split("/")[0] == f"tandem-{version}" for name in tar.getnames())
            tar.extractall(target, filter="tar")
        return target / f"tandem-{version}"
    if sys.platform == "darwin":
        # ditto, as Finder does: zipfile would lose the symlinks and permissions inside the .app.
        subprocess.run(["ditto", "-x", "-k", str(archive), str(target)], check=True)
        return target / "Tandem.app"
    with zipfile.ZipFile(archive) as bundle_zip:
        bundle_zip.extractall(target)
    return target / f"tandem-{version}"


def executable(bundle: Path, console: bool = False) -> Path:
    """The program inside ``bundle``; ``console``: the one that prints (tandem-cli.exe on Windows)."""
    if sys.platform == "win32":
        return bundle / ("tandem-cli.exe" if console else "tandem.exe")
    if sys.platform == "darwin":
        return bundle / "Contents" / "MacOS" / "tandem"
    return bundle / "tandem"


def bundle_env(tmp_path: Path) -> dict[str, str]:
    # The bundle must not lean on the project checkout or the venv.
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", TANDEM_SETTINGS=str(tmp_path / "settings.ini"))
    return env


@pytest.mark.skipif(not LINUX, reason="the size limit and the desktop files are the Linux bundle's")
def test_bundle_is_small_enough_and_carries_the_desktop_files(unpacked_bundle: Path) -> None:
    size = sum(p.stat().st_size for p in unpacked_bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size <= SIZE_LIMIT_MB * 1_000_000, f"{size / 1e6:.0f} MB unpacked"
    assert os.access(unpacked_bundle / "tandem", os.X_OK)
    assert (unpacked_bundle / "install-desktop.sh").is_file()
    assert (
        unpacked_bundle / "icons" / "hicolor" / "scalable" / "apps" / "io.github.tandem_reader.Tandem.svg"
    ).is_file()


def test_bundled_executable_passes_the_smoke_test(unpacked_bundle: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [str(executable(unpacked_bundle, console=True)), "--smoke-test"],
        cwd=tmp_path,
        env=bundle_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "smoke test passed" in done.stdout


def test_bundled_command_line_reads_web_pages(unpacked_bundle: Path, tmp_path: Path) -> None:
    # HTML goes through trafilatura, whose data files the spec has to collect by hand.
    page_a, page_b = tmp_path / "a.html", tmp_path / "b.html"
    page_a.write_text(PAGE.format("The ferry leaves at noon. Tickets cost four euros."), encoding="utf-8")
    page_b.write_text(PAGE.format("The ferry leaves at one. Tickets cost four euros."), encoding="utf-8")
    done = subprocess.run(
        [str(executable(unpacked_bundle, console=True)), "compare", str(page_a), str(page_b), "--format", "text"],
        cwd=tmp_path,
        env=bundle_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "[-noon" in done.stdout and "{+one" in done.stdout
    assert "Home | News" not in done.stdout  # navigation was dropped: trafilatura really ran


@pytest.mark.skipif(sys.platform != "darwin", reason="the .app's Info.plist")
def test_the_app_declares_its_document_types(unpacked_bundle: Path) -> None:
    import plistlib

    with (unpacked_bundle / "Contents" / "Info.plist").open("rb") as handle:
        info = plistlib.load(handle)
    assert info["CFBundleIdentifier"] == "io.github.tandem_reader.Tandem"
    utis = {uti for entry in info["CFBundleDocumentTypes"] for uti in entry["LSItemContentTypes"]}
    assert {"public.plain-text", "net.daringfireball.markdown", "com.adobe.pdf"} <= utis


@pytest.mark.skipif(sys.platform != "win32", reason="the Windows executables")
def test_both_windows_executables_are_there(unpacked_bundle: Path) -> None:
    assert executable(unpacked_bundle).is_file() and executable(unpacked_bundle, console=True).is_file()
