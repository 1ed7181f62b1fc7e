"""Desktop integration files: validators, one application id everywhere, icons from one SVG."""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from reader.app.launch import APP_ID

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "packaging" / "icons"
SVG = ROOT / "resources" / "icons" / f"{APP_ID}.svg"
EXPECTED_MIME = {
    "text/plain",
    "text/markdown",
    "text/x-markdown",  # the name older shared-mime-info releases use
    "text/html",
    "application/xhtml+xml",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
}


def load_make_icons() -> ModuleType:
    # packaging/ is not a package (it would shadow the PyPI "packaging" library), so load by path.
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "packaging" / "make_icons.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validates() -> None:
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates() -> None:
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_file_opens_files_of_every_supported_type() -> None:
    entry = desktop_entry()
    assert entry["Exec"].split()[-1] == "%F"  # several local files at once
    assert set(filter(None, entry["MimeType"].split(";"))) == EXPECTED_MIME
    assert {"Office", "Viewer", "TextTools"} <= set(entry["Categories"].split(";"))
    assert entry["Icon"] == APP_ID


def test_one_application_id_everywhere() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/binary") == desktop_entry()["Exec"].split()[0]
    assert SVG.is_file()
    from reader.app import instance

    assert instance.APP_ID == APP_ID
    assert load_make_icons().APP_ID == APP_ID


def test_metainfo_has_what_software_centres_show() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("summary")
    assert len(component.findall("description/p")) >= 1
    screenshots = component.findall("screenshots/screenshot/image")
    assert screenshots and all(image.text and image.text.startswith("https://") for image in screenshots)
    # Each screenshot URL names a picture kept in docs/ of this repository.
    for image in screenshots:
        assert (ROOT / "docs" / image.text.rsplit("/", 1)[-1]).is_file()
    release = component.find("releases/release")
    assert release is not None
    from reader import __version__

    assert release.get("version") == __version__
    assert component.find("content_rating").get("type") == "oars-1.1"


def test_committed_theme_icons_have_their_sizes() -> None:
    make_icons = load_make_icons()
    for size in make_icons.THEME_SIZES:
        data = (ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").read_bytes()
        assert png_size(data) == (size, size)
    assert (ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").read_bytes() == SVG.read_bytes()


def test_make_icons_writes_valid_ico_and_icns(qapp, tmp_path: Path) -> None:
    # qapp first: make_icons would otherwise create a QGuiApplication, and later widget tests abort.
    make_icons = load_make_icons()
    written = make_icons.make_icons(SVG, tmp_path)
    assert all(path.is_file() for path in written)
    ico = (tmp_path / f"{APP_ID}.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    for index, size in enumerate(make_icons.ICO_SIZES):
        width, height, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * index : 22 + 16 * index])
        assert (width or 256, height or 256) == (size, size)
        assert png_size(ico[offset : offset + length]) == (size, size)
    icns = (tmp_path / f"{APP_ID}.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    position, kinds = 8, {}
    while position < len(icns):
        kind, length = icns[position : position + 4], struct.unpack(">I", icns[position + 4 : position + 8])[0]
        kinds[kind] = png_size(icns[position + 8 : position + length])
        position += length
    assert position == len(icns)
    assert kinds[b"ic10"] == (1024, 1024) and kinds[b"icp4"] == (16, 16)
    # The 16 px render is not empty: the icon must still read at menu size.
    from PySide6.QtGui import QImage

    small = QImage(str(tmp_path / "hicolor" / "16x16" / "apps" / f"{APP_ID}.png"))
    opaque = sum(1 for y in range(16) for x in range(16) if small.pixelColor(x, y).alpha() > 128)
    assert opaque > 100


def test_make_icons_rejects_a_broken_svg(qapp, tmp_path: Path) -> None:
    make_icons = load_make_icons()
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg", encoding="utf-8")
    assert make_icons.main(["--svg", str(broken), "--out", str(tmp_path / "out")]) == 1
    with pytest.raises(make_icons.IconError):
        make_icons.ico_bytes({512: b""})
