"""Windows paths where Tandem takes paths as strings: the single-instance pipe and its messages,
the settings file, and the "never write to an input" checks. They run here on any system, with
Windows-style strings (drive letters, UNC shares, backslashes, names that differ only in case)."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from reader.app.instance import INSTANCE_ENV, InstanceMessageError, decode_paths, instance_name
from reader.app.settings import AppSettings
from reader.app.sources import WebLink, parse_source
from reader.core.outputs import output_conflict

ABSOLUTE_WINDOWS = [
    "C:\\Users\\Ana\\Documents\\report v2.docx",
    "c:/Users/Ana/Documents/report.md",  # Qt hands paths over with forward slashes
    "\\\\fileserver\\newsroom\\drafts\\story.html",  # a UNC share
    "//fileserver/newsroom/drafts/story.pdf",
    "\\\\?\\C:\\very\\long\\path\\article.txt",  # the long-path prefix
    "D:\\Zeitung\\Übersicht – März.odt",
]
RELATIVE_WINDOWS = ["report.md", "C:report.md", "\\Users\\Ana\\report.md", "..\\drafts\\a.md"]


def message(*paths: str) -> bytes:
    return json.dumps({"open": [{"path": path} for path in paths]}).encode("utf-8")


@pytest.mark.parametrize("path", ABSOLUTE_WINDOWS)
def test_absolute_windows_paths_cross_the_pipe_unchanged(path: str) -> None:
    decoded = decode_paths(message(path), flavour=PureWindowsPath)
    assert [str(source) for source in decoded] == [str(Path(path))]
    assert not isinstance(decoded[0], WebLink)  # "c:/..." has a scheme-like prefix but is a file


@pytest.mark.parametrize("path", RELATIVE_WINDOWS)
def test_relative_windows_paths_are_refused(path: str) -> None:
    # They would be read from the running instance's working folder, not the sender's.
    with pytest.raises(InstanceMessageError, match="not an absolute path"):
        decode_paths(message(path), flavour=PureWindowsPath)


def test_the_posix_rules_still_hold() -> None:
    assert [str(p) for p in decode_paths(message("/home/ana/a.md"), flavour=PurePosixPath)] == ["/home/ana/a.md"]
    with pytest.raises(InstanceMessageError):
        decode_paths(message("C:\\Users\\a.md"), flavour=PurePosixPath)  # relative on Linux and macOS
    with pytest.raises(InstanceMessageError):
        decode_paths(json.dumps({"open": ["notes.md"]}).encode(), flavour=PurePosixPath)  # the older plain form


def test_the_windows_pipe_name_is_per_account_and_holds_no_separator(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.delenv(INSTANCE_ENV, raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))  # ignored on Windows: no socket files there
    monkeypatch.setenv("USERDOMAIN", "NEWSROOM")
    names = {}
    for user in ("Ana", "ANA", "ana", "Ben"):
        monkeypatch.setattr("getpass.getuser", lambda user=user: user)
        names[user] = instance_name(platform="win32")
    # Windows account names ignore case: one user, one pipe, however the name is spelt.
    assert names["Ana"] == names["ANA"] == names["ana"] != names["Ben"]
    for name in names.values():
        assert name.startswith("io.github.tandem_reader.Tandem-")
        assert not set(name) & set('\\/:*?"<>|') and len(name) < 256
    monkeypatch.setenv("USERDOMAIN", "HOME-PC")  # a local account of the same name is someone else
    monkeypatch.setattr("getpass.getuser", lambda: "Ana")
    assert instance_name(platform="win32") != names["Ana"]
    # On Linux and macOS the private runtime folder is still used.
    assert instance_name(platform="linux") == str(tmp_path / "io.github.tandem_reader.Tandem.sock")


def test_windows_paths_in_the_settings_file_read_back_exactly(tmp_path: Path) -> None:
    # QSettings escapes backslashes in its INI files (and uses the registry on Windows); either
    # way the recent pairs must come back as the same files, never mistaken for links.
    store = tmp_path / "settings.ini"
    pairs = [
        ("C:\\Users\\Ana\\draft.md", "C:\\Users\\Ana\\final.md"),
        ("\\\\fileserver\\newsroom\\a.html", "\\\\fileserver\\newsroom\\b.html"),
        ("c:/Users/Ana/Übersicht.odt", "https://example.org/story"),
    ]
    settings = AppSettings(store)
    settings._store.setValue("files/recent", [f"{a}\n{b}" for a, b in pairs])
    settings.sync()
    reread = AppSettings(store).recent_pairs
    assert [(str(a), str(b)) for a, b in reread] == [(str(Path(a)), str(parse_source(b))) for a, b in pairs]
    assert [type(b) for _a, b in reread] == [type(Path()), type(Path()), WebLink]
    assert "\\\\\\\\fileserver" in store.read_text(encoding="utf-8")  # escaped on disk, not lost


def test_an_output_named_like_a_windows_path_is_checked_not_crashed(tmp_path: Path) -> None:
    # On Linux these are odd relative names; the identity check (device and inode) must answer
    # for them without an exception. On Windows the same check compares NTFS file ids, which
    # makes "A.MD" and "a.md" one file.
    for name in ABSOLUTE_WINDOWS[:3] + ["C:\\Users\\Ana\\REPORT V2.DOCX"]:
        assert output_conflict(name, ABSOLUTE_WINDOWS) is None
    article = tmp_path / "Report.md"
    article.write_text("text", encoding="utf-8")
    assert (
        output_conflict(tmp_path / "." / "Report.md", [str(article)])
        == "is one of the inputs; refusing to overwrite it"
    )
