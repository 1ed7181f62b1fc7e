"""Tandem's identity for every package, written once: name, id, version, document formats, icon.

Everything a system needs to know about the app comes from here:

- the Linux desktop file and AppStream metainfo (``packaging/linux/``),
- the macOS Info.plist (``info_plist()``, merged by the spec's ``BUNDLE`` step),
- the Windows version resource (``windows_version_info()``, given to the spec's ``EXE``) and the
  Inno Setup definitions (``packaging/windows/metadata.iss``, included by ``tandem.iss``).

The Linux and Inno Setup files are generated and committed, so a checkout can install the desktop
integration or compile the installer without running Python first:
``python packaging/metadata.py --write`` rewrites them, ``--check`` says whether they are current
(a test does the same). This file is not a package (``packaging`` would shadow the PyPI library of
that name): the spec, ``build.py`` and the tests load it by its path.
"""

import argparse
import re
import sys
import textwrap
import tomllib
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent

NAME = "Tandem"
APP_ID = "io.github.tandem_reader.Tandem"
EXECUTABLE = "tandem"  # the windowed app (tandem.exe on Windows)
CONSOLE_EXECUTABLE = "tandem-cli"  # Windows only: the same entry point built as a console program
GENERIC_NAME = "Article Comparison"
SUMMARY = "Compare two versions of an article side by side"
COMMENT = "Put two versions of an article side by side and see what one says that the other does not"
DEVELOPER = "The Tandem developers"
DEVELOPER_ID = "io.github.tandem_reader"
COPYRIGHT = "Copyright The Tandem developers"
LICENSE = "MIT"
HOMEPAGE = "https://github.com/tandem-reader/tandem"
CATEGORIES = ("Office", "Viewer", "TextTools")
KEYWORDS = ("compare", "diff", "difference", "article", "text", "version", "revision", "paraphrase")
MACOS_CATEGORY = "public.app-category.productivity"
MACOS_MINIMUM = "12.0"  # the oldest macOS that Qt 6.8 supports

ICON_SVG = ROOT / "resources" / "icons" / f"{APP_ID}.svg"
ICONS = ROOT / "packaging" / "icons"
ICON_ICO = ICONS / f"{APP_ID}.ico"
ICON_ICNS = ICONS / f"{APP_ID}.icns"

LINUX_DIR = ROOT / "packaging" / "linux"
DESKTOP_FILE = LINUX_DIR / f"{APP_ID}.desktop"
METAINFO_FILE = LINUX_DIR / f"{APP_ID}.metainfo.xml"
INNO_DEFINITIONS = ROOT / "packaging" / "windows" / "metadata.iss"


@dataclass(frozen=True, slots=True)
class DocumentFormat:
    """One kind of document Tandem reads, named the way each system names it."""

    name: str  # what Finder and Explorer call it
    extensions: tuple[str, ...]  # without the dot
    mime_types: tuple[str, ...]  # the first one is the canonical type
    uti: str  # macOS Uniform Type Identifier
    uti_conforms_to: tuple[str, ...] = ()  # only for a type macOS does not declare itself


# The same suffixes as reader.core.read.documents.SUPPORTED_SUFFIXES (a test holds them equal).
FORMATS: tuple[DocumentFormat, ...] = (
    DocumentFormat("Plain text", ("txt", "text"), ("text/plain",), "public.plain-text"),
    DocumentFormat(
        "Markdown",
        ("md", "markdown", "mdown", "mkd"),
        ("text/markdown", "text/x-markdown"),
        "net.daringfireball.markdown",
        ("public.plain-text",),
    ),
    DocumentFormat("HTML page", ("html", "htm"), ("text/html",), "public.html"),
    DocumentFormat("XHTML page", ("xhtml",), ("application/xhtml+xml",), "public.xhtml"),
    DocumentFormat(
        "Word document",
        ("docx",),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
        "org.openxmlformats.wordprocessingml.document",
    ),
    DocumentFormat(
        "OpenDocument text", ("odt",), ("application/vnd.oasis.opendocument.text",), "org.oasis-open.opendocument.text"
    ),
    DocumentFormat("PDF document", ("pdf",), ("application/pdf",), "com.adobe.pdf"),
)

DESCRIPTION = (
    "Tandem puts two versions of an article next to each other and shows what one says that the other "
    "does not. It matches sentences even when they were reworded, split, merged or moved, marks the "
    "changed words inside each matched pair, and lists the sentences that appear in only one of the two texts."
)
FEATURES = (
    "Opens plain text, Markdown, HTML, Word (.docx), OpenDocument (.odt) and PDF files, and web links",
    "Sentence alignment across paraphrase, with word-level differences",
    "A list of sentences found in only one version, with a click to jump to each",
    "The facts a rewrite changed: numbers, dates, names, negations and quotations",
    'Drop files on the window or use "Open with" from the file manager',
    "Light and dark themes that follow the desktop",
)
SCREENSHOTS = (
    ("screenshot-demo.png", "An article and its rewrite, with matched sentences and changed words marked"),
    ("screenshot-demo-dark.png", "The same comparison in the dark theme"),
)
SCREENSHOT_SIZE = (1280, 800)
DEFAULT_SCREENSHOT = ' type="default"'
# Newest first; the first one must carry the version in pyproject.toml.
RELEASES = (
    ("0.1.0", "2026-11-24", "First release: side-by-side comparison with sentence alignment and word differences."),
)


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The version pyproject.toml declares (the one the wheel and every bundle carry)."""
    with pyproject.open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


VERSION = project_version()


def extensions() -> list[str]:
    """Every file extension Tandem opens, without the dot, in the order of FORMATS."""
    return [extension for document_format in FORMATS for extension in document_format.extensions]


def mime_types() -> list[str]:
    return [mime for document_format in FORMATS for mime in document_format.mime_types]


def numeric_version(version: str = VERSION) -> tuple[int, int, int, int]:
    """``0.1.0`` -> (0, 1, 0, 0); a pre-release tail (``0.2.0rc1``) keeps only its leading digits."""
    numbers = [int(match.group()) if (match := re.match(r"\d+", part)) else 0 for part in version.split(".")[:4]]
    padded = (numbers + [0, 0, 0, 0])[:4]
    return padded[0], padded[1], padded[2], padded[3]


# ----- Linux ------------------------------------------------------------------------------------
def desktop_entry() -> str:
    """The freedesktop.org desktop file (install-desktop.sh rewrites Exec and TryExec)."""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        f"Name={NAME}",
        f"GenericName={GENERIC_NAME}",
        f"Comment={COMMENT}",
        f"Icon={APP_ID}",
        f"Exec={EXECUTABLE} %F",
        f"TryExec={EXECUTABLE}",
        "Terminal=false",
        "StartupNotify=true",
        "Categories=" + "".join(f"{category};" for category in CATEGORIES),
        "Keywords=" + "".join(f"{keyword};" for keyword in KEYWORDS),
        "MimeType=" + "".join(f"{mime};" for mime in mime_types()),
    ]
    return "\n".join(lines) + "\n"


def metainfo_xml() -> str:
    """The AppStream component software centres show."""
    repository_raw = HOMEPAGE.replace("https://github.com/", "https://raw.githubusercontent.com/") + "/main/docs/"
    width, height = SCREENSHOT_SIZE
    features = "\n".join(f"      <li>{escape(feature)}</li>" for feature in FEATURES)
    screenshots = "\n".join(
        f"    <screenshot{DEFAULT_SCREENSHOT if number == 0 else ''}>\n"
        f"      <caption>{escape(caption)}</caption>\n"
        f'      <image type="source" width="{width}" height="{height}">{repository_raw}{file}</image>\n'
        "    </screenshot>"
        for number, (file, caption) in enumerate(SCREENSHOTS)
    )
    mediatypes = "\n".join(f"    <mediatype>{mime}</mediatype>" for mime in mime_types())
    releases = "\n".join(
        f'    <release version="{version}" date="{date}">\n'
        f"      <description>\n        <p>{escape(note)}</p>\n      </description>\n    </release>"
        for version, date, note in RELEASES
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- {COPYRIGHT}; generated by packaging/metadata.py -->
<component type="desktop-application">
  <id>{APP_ID}</id>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>{LICENSE}</project_license>

  <name>{NAME}</name>
  <summary>{escape(SUMMARY)}</summary>
  <developer id="{DEVELOPER_ID}">
    <name>{escape(DEVELOPER)}</name>
  </developer>

  <description>
    <p>
{textwrap.fill(escape(DESCRIPTION), 96, initial_indent=" " * 6, subsequent_indent=" " * 6)}
    </p>
    <p>Features:</p>
    <ul>
{features}
    </ul>
  </description>

  <launchable type="desktop-id">{DESKTOP_FILE.name}</launchable>
  <provides>
    <binary>{EXECUTABLE}</binary>
{mediatypes}
  </provides>

  <url type="homepage">{HOMEPAGE}</url>
  <url type="bugtracker">{HOMEPAGE}/issues</url>
  <url type="vcs-browser">{HOMEPAGE}</url>

  <screenshots>
{screenshots}
  </screenshots>

  <supports>
    <control>pointing</control>
    <control>keyboard</control>
  </supports>
  <requires>
    <display_length compare="ge">768</display_length>
  </requires>

  <content_rating type="oars-1.1"/>

  <releases>
{releases}
  </releases>
</component>
"""


# ----- macOS ------------------------------------------------------------------------------------
def info_plist() -> dict[str, object]:
    """Keys for Tandem.app's Info.plist; PyInstaller adds the executable, icon and package type."""
    document_types = [
        {
            "CFBundleTypeName": document_format.name,
            "CFBundleTypeRole": "Viewer",  # Tandem reads documents, it never edits or saves them
            "LSHandlerRank": "Alternate",  # offered under "Open With", never made the default
            "LSItemContentTypes": [document_format.uti],
        }
        for document_format in FORMATS
    ]
    imported = [
        {
            "UTTypeIdentifier": document_format.uti,
            "UTTypeDescription": document_format.name,
            "UTTypeConformsTo": list(document_format.uti_conforms_to),
            "UTTypeTagSpecification": {
                "public.filename-extension": list(document_format.extensions),
                "public.mime-type": list(document_format.mime_types),
            },
        }
        for document_format in FORMATS
        if document_format.uti_conforms_to
    ]
    return {
        "CFBundleName": NAME,
        "CFBundleDisplayName": NAME,
        "CFBundleIdentifier": APP_ID,
        "CFBundleShortVersionString": VERSION,
        "CFBundleVersion": ".".join(str(number) for number in numeric_version()[:3]),
        "NSHumanReadableCopyright": COPYRIGHT,
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
        "LSApplicationCategoryType": MACOS_CATEGORY,
        "LSMinimumSystemVersion": MACOS_MINIMUM,
        "CFBundleDocumentTypes": document_types,
        "UTImportedTypeDeclarations": imported,
    }


# ----- Windows ----------------------------------------------------------------------------------
def windows_version_info(executable: str = EXECUTABLE) -> str:
    """The version resource of ``executable``.exe in the text form PyInstaller's ``version=`` reads."""
    numbers = numeric_version()
    strings = {
        "CompanyName": DEVELOPER,
        "FileDescription": NAME if executable == EXECUTABLE else f"{NAME} (command line)",
        "FileVersion": VERSION,
        "InternalName": executable,
        "LegalCopyright": f"{COPYRIGHT}; {LICENSE} licence",
        "OriginalFilename": f"{executable}.exe",
        "ProductName": NAME,
        "ProductVersion": VERSION,
    }
    structs = ",\n".join(f"          StringStruct({key!r}, {value!r})" for key, value in strings.items())
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3F, flags=0x0, OS=0x40004,"
        " fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([\n"
        "      StringTable('040904B0', [\n"  # U.S. English, Unicode
        f"{structs},\n"
        "      ])\n"
        "    ]),\n"
        "    VarFileInfo([VarStruct('Translation', [1033, 1200])]),\n"
        "  ],\n"
        ")\n"
    )


PROG_ID = "Tandem.Document"


def inno_definitions() -> str:
    """``packaging/windows/metadata.iss``: the #defines and per-extension registry entries."""
    defines = {
        "AppName": NAME,
        "AppId": APP_ID,
        "AppVersion": VERSION,
        "AppNumericVersion": ".".join(str(number) for number in numeric_version()),
        "AppPublisher": DEVELOPER,
        "AppURL": HOMEPAGE,
        "AppExe": f"{EXECUTABLE}.exe",
        "AppCliExe": f"{CONSOLE_EXECUTABLE}.exe",
        "AppIcon": ICON_ICO.name,
        "AppCopyright": COPYRIGHT,
        "ProgId": PROG_ID,
    }
    lines = ["; Generated by packaging/metadata.py (python packaging/metadata.py --write); do not edit."]
    lines += [f'#define {key} "{value}"' for key, value in defines.items()]
    lines += ["", "[Registry]"]
    classes = "Software\\Classes"
    for extension in extensions():
        # "Open with Tandem" for the extension without taking over its default program.
        lines.append(
            f'Root: HKA; Subkey: "{classes}\\.{extension}\\OpenWithProgids"; ValueType: string; '
            f'ValueName: "{{#ProgId}}"; ValueData: ""; Flags: uninsdeletevalue'
        )
        lines.append(
            f'Root: HKA; Subkey: "{classes}\\Applications\\{{#AppExe}}\\SupportedTypes"; ValueType: string; '
            f'ValueName: ".{extension}"; ValueData: ""'
        )
    return "\n".join(lines) + "\n"


# ----- writing the generated files ---------------------------------------------------------------
def generated_files() -> dict[Path, str]:
    """Each committed file this module generates, with the text it should have."""
    return {DESKTOP_FILE: desktop_entry(), METAINFO_FILE: metainfo_xml(), INNO_DEFINITIONS: inno_definitions()}


def stale_files() -> list[Path]:
    """The generated files whose committed text differs from what this module makes now."""
    return [
        path
        for path, text in generated_files().items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write or check the files generated from Tandem's metadata.")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", action="store_true", help="rewrite the generated files")
    action.add_argument("--check", action="store_true", help="exit 1 when a generated file is out of date")
    action.add_argument("--version", action="store_true", help="print the version (for release scripts)")
    args = parser.parse_args(argv)
    if args.version:
        print(VERSION)
        return 0
    if args.check:
        stale = stale_files()
        for path in stale:
            print(f"metadata: {path.relative_to(ROOT)} is out of date: run python packaging/metadata.py --write")
        return 1 if stale else 0
    for path, text in generated_files().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"metadata: wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
