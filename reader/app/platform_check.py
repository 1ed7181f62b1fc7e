"""Before Qt starts on X11: are the xcb libraries its platform plugin needs installed?

Without them Qt aborts with "Could not load the Qt platform plugin xcb" and a hint about
xcb-cursor0 whatever is really missing. This check runs before the QApplication exists
and names the missing library and the package to install, in one line. No Qt here.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping

# Libraries Qt's xcb plugin loads beyond libxcb itself: (name for find_library, soname).
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("xcb", "libxcb.so.1"),
    ("xcb-cursor", "libxcb-cursor.so.0"),
    ("xcb-icccm", "libxcb-icccm.so.4"),
    ("xcb-image", "libxcb-image.so.0"),
    ("xcb-keysyms", "libxcb-keysyms.so.1"),
    ("xcb-render-util", "libxcb-render-util.so.0"),
    ("xcb-shape", "libxcb-shape.so.0"),
    ("xcb-xkb", "libxcb-xkb.so.1"),
    ("xkbcommon-x11", "libxkbcommon-x11.so.0"),
)

# The package holding each library, per distribution family (README, "First start on Linux").
# Debian and openSUSE name the packages after the libraries; Fedora and Arch group them.
_LIBRARY_NAMED: dict[str, str] = {
    "xcb": "libxcb1",
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-image": "libxcb-image0",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}
_GROUPED: dict[str, str] = {
    "xcb": "libxcb",
    "xcb-cursor": "xcb-util-cursor",
    "xcb-icccm": "xcb-util-wm",
    "xcb-image": "xcb-util-image",
    "xcb-keysyms": "xcb-util-keysyms",
    "xcb-render-util": "xcb-util-renderutil",
    "xcb-shape": "libxcb",
    "xcb-xkb": "libxcb",
    "xkbcommon-x11": "libxkbcommon-x11",
}
PACKAGES: dict[str, dict[str, str]] = {
    "Debian/Ubuntu": _LIBRARY_NAMED,
    "Fedora": _GROUPED,
    "Arch": _GROUPED,
    "openSUSE": _LIBRARY_NAMED,
}

Finder = Callable[[str, str], bool]  # (find_library name, soname) -> installed?


def library_installed(name: str, soname: str) -> bool:
    """ldconfig's cache (through find_library), then a real load: no false alarm on odd setups."""
    if ctypes.util.find_library(name) is not None:
        return True
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will pick its X11 plugin: asked for, or Linux outside a Wayland session."""
    if not platform.startswith("linux"):
        return False
    asked = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if asked:
        return asked == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def missing_libraries(find: Finder = library_installed) -> list[str]:
    return [name for name, soname in XCB_LIBRARIES if not find(name, soname)]


def xcb_problem(
    environ: Mapping[str, str] | None = None, find: Finder = library_installed, platform: str = sys.platform
) -> str | None:
    """One line naming the first missing xcb library and its packages, or None when all is well."""
    environ = os.environ if environ is None else environ
    if not uses_xcb(environ, platform):
        return None
    missing = missing_libraries(find)
    if not missing:
        return None
    name = missing[0]
    soname = dict(XCB_LIBRARIES)[name]
    packages = "; ".join(f"{family}: {table[name]}" for family, table in PACKAGES.items())
    more = f" (and {len(missing) - 1} more xcb libraries)" if len(missing) > 1 else ""
    return (
        f"tandem: the window needs the system library {soname}{more}, which is not installed; "
        f"install {packages} (README: First start on Linux)"
    )
