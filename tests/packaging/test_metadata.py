"""One source of metadata: the desktop file, AppStream, Info.plist and the installer agree with it."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import plistlib
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "packaging" / "windows"


def load(name: str, path: Path) -> ModuleType:
    # packaging/ is not a package (it would shadow the PyPI "packaging" library), so load by path.
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def metadata() -> ModuleType:
    return load("tandem_metadata_under_test", ROOT / "packaging" / "metadata.py")


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def listed(value: str) -> list[str]:
    return [item for item in value.split(";") if item]


def inno_defines(text: str) -> dict[str, str]:
    return dict(re.findall(r'^#define (\w+) "([^"]*)"$', text, flags=re.MULTILINE))


def test_the_committed_generated_files_are_current(metadata: ModuleType) -> None:
    stale = [str(path.relative_to(ROOT)) for path in metadata.stale_files()]
    assert not stale, f"run python packaging/metadata.py --write: {stale}"
    assert metadata.main(["--check"]) == 0


def test_a_stale_generated_file_is_reported(metadata: ModuleType, tmp_path: Path, monkeypatch) -> None:
    desktop = tmp_path / "tandem.desktop"
    desktop.write_text(metadata.desktop_entry().replace("Name=Tandem", "Name=Old name"), encoding="utf-8")
    monkeypatch.setattr(metadata, "generated_files", lambda: {desktop: metadata.desktop_entry()})
    assert metadata.stale_files() == [desktop]


def test_the_version_is_the_one_pyproject_declares(metadata: ModuleType) -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        declared = tomllib.load(handle)["project"]["version"]
    from reader import __version__

    assert metadata.VERSION == declared == __version__
    assert metadata.RELEASES[0][0] == declared  # AppStream's newest release
    assert metadata.numeric_version("0.1.0") == (0, 1, 0, 0)
    assert metadata.numeric_version("2.10rc1") == (2, 10, 0, 0)


def test_the_formats_are_exactly_what_the_engine_reads(metadata: ModuleType) -> None:
    from reader.core.read.documents import SUPPORTED_SUFFIXES

    assert sorted(f".{extension}" for extension in metadata.extensions()) == sorted(SUPPORTED_SUFFIXES)
    assert len(set(metadata.extensions())) == len(metadata.extensions())
    # The six kinds of document the issue names, each under its usual macOS type.
    utis = {document_format.uti for document_format in metadata.FORMATS}
    assert {
        "public.plain-text",
        "net.daringfireball.markdown",
        "public.html",
        "org.openxmlformats.wordprocessingml.document",
        "org.oasis-open.opendocument.text",
        "com.adobe.pdf",
    } <= utis


def test_the_desktop_file_and_appstream_agree_with_the_metadata(metadata: ModuleType) -> None:
    entry = desktop_entry(metadata.DESKTOP_FILE)
    assert entry["Name"] == metadata.NAME
    assert entry["Icon"] == metadata.APP_ID
    assert entry["Exec"].split()[0] == metadata.EXECUTABLE
    assert listed(entry["MimeType"]) == metadata.mime_types()
    component = ET.parse(metadata.METAINFO_FILE).getroot()
    assert component.findtext("id") == metadata.APP_ID
    assert component.findtext("name") == metadata.NAME
    assert component.findtext("summary") == metadata.SUMMARY
    assert component.findtext("launchable") == metadata.DESKTOP_FILE.name
    assert component.findtext("provides/binary") == metadata.EXECUTABLE
    assert [node.text for node in component.findall("provides/mediatype")] == metadata.mime_types()
    assert component.find("releases/release").get("version") == metadata.VERSION
    assert metadata.DESKTOP_FILE.name == f"{metadata.APP_ID}.desktop"
    from reader.app import instance, launch

    assert launch.APP_ID == instance.APP_ID == metadata.APP_ID


def test_the_info_plist_declares_every_format_and_survives_plistlib(metadata: ModuleType) -> None:
    data = plistlib.loads(plistlib.dumps(metadata.info_plist(), fmt=plistlib.FMT_XML))
    assert data["CFBundleIdentifier"] == metadata.APP_ID
    assert data["CFBundleName"] == data["CFBundleDisplayName"] == metadata.NAME
    assert data["CFBundleShortVersionString"] == metadata.VERSION
    assert re.fullmatch(r"\d+\.\d+\.\d+", data["CFBundleVersion"])
    assert data["NSHighResolutionCapable"] is True
    types = data["CFBundleDocumentTypes"]
    declared = [uti for document_type in types for uti in document_type["LSItemContentTypes"]]
    assert declared == [document_format.uti for document_format in metadata.FORMATS]
    # A viewer offered under "Open With", never made the default for these files.
    assert {(t["CFBundleTypeRole"], t["LSHandlerRank"]) for t in types} == {("Viewer", "Alternate")}
    # Markdown is not a type macOS itself declares: the app imports it, with its extensions.
    imported = {declaration["UTTypeIdentifier"]: declaration for declaration in data["UTImportedTypeDeclarations"]}
    markdown = imported["net.daringfireball.markdown"]
    assert "public.plain-text" in markdown["UTTypeConformsTo"]
    assert set(markdown["UTTypeTagSpecification"]["public.filename-extension"]) == {"md", "markdown", "mdown", "mkd"}
    # Every extension the engine reads reaches Finder through a declared or imported type.
    system_types = {
        "public.plain-text": {"txt", "text"},
        "public.html": {"html", "htm"},
        "public.xhtml": {"xhtml"},
        "org.openxmlformats.wordprocessingml.document": {"docx"},
        "org.oasis-open.opendocument.text": {"odt"},
        "com.adobe.pdf": {"pdf"},
    }
    reachable = set().union(*(system_types.get(uti, set()) for uti in declared))
    reachable |= {ext for d in imported.values() for ext in d["UTTypeTagSpecification"]["public.filename-extension"]}
    assert reachable == set(metadata.extensions())


def test_the_spec_gives_pyinstaller_the_metadata(metadata: ModuleType) -> None:
    spec = (ROOT / "packaging" / "tandem.spec").read_text(encoding="utf-8")
    assert "info_plist=metadata.info_plist()" in spec
    assert "bundle_identifier=APP_ID" in spec and "version=metadata.VERSION" in spec
    assert "name=metadata.CONSOLE_EXECUTABLE" in spec and "console=True" in spec
    assert spec.count("version=version_resource(") == 2  # both Windows executables carry it
    assert "argv_emulation=True" not in spec  # the open-document events must reach Qt


def test_the_windows_version_resource_names_the_version(metadata: ModuleType) -> None:
    for executable in (metadata.EXECUTABLE, metadata.CONSOLE_EXECUTABLE):
        text = metadata.windows_version_info(executable)
        tree = ast.parse(text, mode="eval")  # PyInstaller evaluates this text as Python
        call = tree.body
        assert isinstance(call, ast.Call) and call.func.id == "VSVersionInfo"
        strings = {
            node.args[0].value: node.args[1].value
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "StringStruct"
        }
        assert strings["ProductVersion"] == strings["FileVersion"] == metadata.VERSION
        assert strings["OriginalFilename"] == f"{executable}.exe"
        assert strings["ProductName"] == metadata.NAME
        assert f"filevers={metadata.numeric_version()}" in text


def test_the_installer_agrees_with_the_metadata(metadata: ModuleType) -> None:
    generated = (WINDOWS / "metadata.iss").read_text(encoding="utf-8")
    defines = inno_defines(generated)
    assert defines["AppName"] == metadata.NAME
    assert defines["AppId"] == metadata.APP_ID
    assert defines["AppVersion"] == metadata.VERSION
    assert defines["AppExe"] == f"{metadata.EXECUTABLE}.exe"
    assert defines["AppCliExe"] == f"{metadata.CONSOLE_EXECUTABLE}.exe"
    assert (ROOT / "packaging" / "icons" / defines["AppIcon"]).is_file()
    # "Open with Tandem" for every extension, without taking over the default program.
    open_with = re.findall(r'Subkey: "Software\\Classes\\\.(\w+)\\OpenWithProgids"', generated)
    assert open_with == metadata.extensions()
    assert "\\shell\\open\\command" not in generated  # the command lives once, in tandem.iss
    script = (WINDOWS / "tandem.iss").read_text(encoding="utf-8")
    assert '#include "metadata.iss"' in script
    assert re.search(r"^Name: \"\{autoprograms\}\\\{#AppName\}\"; Filename: \"\{app\}\\\{#AppExe\}\"", script, re.M)
    assert "ChangesAssociations=yes" in script and "PrivilegesRequired=lowest" in script
    assert re.search(r"^SetupIconFile=\.\.\\icons\\\{#AppIcon\}$", script, re.M)
    assert "UninstallDisplayIcon={app}\\{#AppExe}" in script
    # Nothing in the script repeats a value metadata.py owns.
    for value in (metadata.VERSION, metadata.APP_ID, f"{metadata.EXECUTABLE}.exe"):
        assert value not in script
    assert "OutputBaseFilename=tandem-{#AppVersion}-windows-x86_64-setup" in script


def test_build_names_the_setup_the_way_the_script_does(metadata: ModuleType) -> None:
    build = load("tandem_build_under_test", ROOT / "packaging" / "build.py")
    assert build.INNO_SCRIPT == WINDOWS / "tandem.iss"
    assert build.APP_ID == metadata.APP_ID
    script = (WINDOWS / "tandem.iss").read_text(encoding="utf-8")
    base = re.search(r"^OutputBaseFilename=(.+)$", script, re.M).group(1)
    assert (
        base.replace("{#AppVersion}", metadata.VERSION) + ".exe"
        == f"tandem-{metadata.VERSION}-windows-x86_64-setup.exe"
    )
    build_source = (ROOT / "packaging" / "build.py").read_text(encoding="utf-8")
    assert 'f"tandem-{version}-windows-x86_64-setup.exe"' in build_source


def test_the_metadata_command_line(metadata: ModuleType, capsys) -> None:
    assert metadata.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == metadata.VERSION
    with pytest.raises(SystemExit):
        metadata.main([])  # one of --write, --check, --version is required
