"""Render the application icon from its one SVG source into every format a platform wants.

``python packaging/make_icons.py [--svg SVG] [--out DIR]`` writes

- ``DIR/hicolor/<n>x<n>/apps/<APP_ID>.png`` for the freedesktop icon theme (16..512 px),
- ``DIR/hicolor/scalable/apps/<APP_ID>.svg`` (a copy of the source),
- ``DIR/<APP_ID>.ico`` for Windows and ``DIR/<APP_ID>.icns`` for macOS.

Both container formats hold PNG images (Windows Vista+, macOS 10.7+), so nothing beyond Qt's
SVG renderer (in PySide6-Essentials) is needed: no Pillow, no iconutil.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import sys
from pathlib import Path

APP_ID = "io.github.tandem_reader.Tandem"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SVG = PROJECT_ROOT / "resources" / "icons" / f"{APP_ID}.svg"
DEFAULT_OUT = PROJECT_ROOT / "packaging" / "icons"

THEME_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico entry can describe
# icns element types holding PNG data, by pixel size; the @2x types reuse the larger renders.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
    (b"ic10", 1024),
)


class IconError(Exception):
    """The SVG source cannot be read or rendered."""


def render_pngs(svg: Path, sizes: list[int]) -> dict[int, bytes]:
    """PNG bytes of ``svg`` rendered square at each of ``sizes`` pixels."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a build machine may have no display
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if not svg.is_file():
        raise IconError(f"no SVG icon at {svg}")
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise IconError(f"{svg} is not a valid SVG image")
    pngs: dict[int, bytes] = {}
    for size in sorted(set(sizes)):
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        pngs[size] = bytes(data.data())
    return pngs


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding the given PNG images (keys are pixel sizes, at most 256)."""
    sizes = sorted(pngs)
    if not sizes or sizes[-1] > 256:
        raise IconError("an .ico needs at least one image and none larger than 256 px")
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, image count
    offset = len(header) + 16 * len(sizes)
    entries, blobs = [], []
    for size in sizes:
        data = pngs[size]
        dimension = 0 if size == 256 else size  # 0 encodes 256 in the one-byte fields
        entries.append(struct.pack("<BBBBHHII", dimension, dimension, 0, 0, 1, 32, len(data), offset))
        blobs.append(data)
        offset += len(data)
    return header + b"".join(entries) + b"".join(blobs)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns with one PNG element per type in :data:`ICNS_TYPES` that ``pngs`` covers."""
    elements = [kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES if size in pngs]
    if not elements:
        raise IconError("an .icns needs at least one image of a standard size")
    body = b"".join(elements)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(svg: Path, out_dir: Path) -> list[Path]:
    """Write the theme PNGs, the scalable SVG, the .ico and the .icns; returns the written files."""
    pngs = render_pngs(svg, [*THEME_SIZES, *ICO_SIZES, 1024])
    written = []
    for size in THEME_SIZES:
        target = out_dir / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
        written.append(target)
    scalable = out_dir / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    written.append(scalable)
    ico = out_dir / f"{APP_ID}.ico"
    ico.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    icns = out_dir / f"{APP_ID}.icns"
    icns.write_bytes(icns_bytes(pngs))
    return [*written, ico, icns]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the Tandem icon into PNG sizes, .ico and .icns.")
    parser.add_argument("--svg", type=Path, default=DEFAULT_SVG, help="the SVG source")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    try:
        written = make_icons(args.svg, args.out)
    except (IconError, OSError) as error:
        print(f"make_icons: {error}", file=sys.stderr)
        return 1
    print(f"make_icons: wrote {len(written)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
