"""Before Qt starts on X11, a missing xcb library is named in one line with the packages to install."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from reader.app.platform_check import PACKAGES, XCB_LIBRARIES, missing_libraries, uses_xcb, xcb_problem

X11 = {"DISPLAY": ":0"}


def without(*names: str):
    return lambda name, _soname: name not in names


def test_a_missing_cursor_library_is_named_with_its_packages() -> None:
    message = xcb_problem(X11, find=without("xcb-cursor"), platform="linux")
    assert message is not None and "\n" not in message
    assert "libxcb-cursor.so.0" in message
    for family, package in (
        ("Debian/Ubuntu", "libxcb-cursor0"),
        ("Fedora", "xcb-util-cursor"),
        ("Arch", "xcb-util-cursor"),
        ("openSUSE", "libxcb-cursor0"),
    ):
        assert f"{family}: {package}" in message


def test_the_first_missing_library_is_named_and_the_rest_counted() -> None:
    message = xcb_problem(X11, find=without("xcb-keysyms", "xkbcommon-x11"), platform="linux")
    assert message is not None and "libxcb-keysyms.so.1" in message and "and 1 more" in message
    assert missing_libraries(without("xcb-keysyms", "xkbcommon-x11")) == ["xcb-keysyms", "xkbcommon-x11"]


def test_nothing_is_said_when_all_are_there_or_qt_will_not_use_xcb() -> None:
    assert xcb_problem(X11, find=without(), platform="linux") is None
    everything_missing = without(*(name for name, _ in XCB_LIBRARIES))
    assert xcb_problem({"QT_QPA_PLATFORM": "offscreen"}, find=everything_missing, platform="linux") is None
    assert xcb_problem({"WAYLAND_DISPLAY": "wayland-0"}, find=everything_missing, platform="linux") is None
    assert xcb_problem(X11, find=everything_missing, platform="darwin") is None
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux")


def test_every_library_has_a_package_in_every_family() -> None:
    for table in PACKAGES.values():
        assert set(table) == {name for name, _ in XCB_LIBRARIES}


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="no X server here; the real-window tests skip too")
def test_this_machine_has_what_the_real_window_tests_need() -> None:
    # The real lookup (ldconfig cache, then a load) agrees with Qt: the Xvfb tests start here.
    assert xcb_problem(X11, platform="linux") is None


def test_tandem_prints_the_line_and_exits_before_qt_aborts(tmp_path) -> None:
    # A real start with one library hidden: the fake lookup is passed in through a small script.
    script = tmp_path / "start.py"
    script.write_text(
        "import sys\n"
        "import reader.app.platform_check as check\n"
        "real = check.library_installed\n"
        "check.library_installed = lambda name, soname: name != 'xcb-icccm' and real(name, soname)\n"
        "import reader.app.launch as launch\n"
        "launch.xcb_problem = lambda: check.xcb_problem(find=check.library_installed)\n"
        "import reader.cli as cli\n"
        "sys.exit(cli.main([]))\n",
        encoding="utf-8",
    )
    env = {"PATH": "/usr/bin:/bin", "DISPLAY": ":99", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "libxcb-icccm.so.4" in done.stderr
    assert "Debian/Ubuntu: libxcb-icccm4" in done.stderr
