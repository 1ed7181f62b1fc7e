"""The release workflow builds with the same packaging/build.py the docs describe, on all three systems.

The workflow only runs on GitHub; .ci/run checks it against GitHub's workflow schema, and these
tests check what the schema cannot: which script builds, what is tested, what is attached.
"""

from __future__ import annotations

import fnmatch
import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
BUILD_COMMAND = "python packaging/build.py"


def workflow() -> str:
    return WORKFLOW.read_text(encoding="utf-8")


def run_commands(text: str) -> list[str]:
    """The shell lines of every ``run:`` step (one-line and block form)."""
    commands: list[str] = []
    lines = text.splitlines()
    for number, line in enumerate(lines):
        match = re.match(r"^(\s*)(?:- )?run: ?(.*)$", line)
        if not match:
            continue
        indent, rest = len(match.group(1)), match.group(2).strip()
        if rest not in ("|", ">"):
            commands.append(rest)
            continue
        for body in lines[number + 1 :]:
            if body.strip() and len(body) - len(body.lstrip()) <= indent:
                break
            if body.strip():
                commands.append(body.strip())
    return commands


def project_version() -> str:
    spec = importlib.util.spec_from_file_location("tandem_metadata_for_workflow", ROOT / "packaging" / "metadata.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.VERSION)


def test_the_release_builds_with_the_documented_script() -> None:
    commands = run_commands(workflow())
    builds = [command for command in commands if BUILD_COMMAND in command]
    assert builds == ["uv run --extra build python packaging/build.py --installer"]
    assert not any("pyinstaller" in command.lower() for command in commands)  # never around build.py
    # The command the documentation gives is the same script, run the same way.
    for document in ("README.md", "docs/packaging.md"):
        assert f"uv run {BUILD_COMMAND}" in (ROOT / document).read_text(encoding="utf-8"), document


def test_every_system_builds_and_tests_the_bundle() -> None:
    text = workflow()
    runners = re.findall(r"^\s*- os: (\S+)$", text, flags=re.MULTILINE)
    assert {runner.split("-")[0] for runner in runners} == {"ubuntu", "windows", "macos"}
    assert "runs-on: ${{ matrix.os }}" in text
    commands = run_commands(text)
    assert "$app --smoke-test" in commands
    assert "uv run --extra test --extra build pytest -m bundle" in commands
    assert "Linux) app=dist/tandem-*/tandem ;;" in commands
    assert "Windows) app=dist/tandem-*/tandem-cli.exe ;;" in commands  # the console build prints
    assert "macOS) app=dist/Tandem.app/Contents/MacOS/tandem ;;" in commands


def test_the_attached_files_are_the_ones_build_py_makes() -> None:
    version = project_version()
    made = {
        f"dist/tandem-{version}-linux-x86_64.tar.gz",
        f"dist/tandem-{version}-windows-x86_64-setup.exe",
        f"dist/tandem-{version}-macos-arm64.dmg",
        f"dist/tandem-{version}-macos-arm64.zip",
    }
    patterns = set(re.findall(r"dist/tandem-\*-[\w*.-]+", workflow()))
    assert patterns
    for pattern in patterns:
        assert any(fnmatch.fnmatch(name, pattern) for name in made), pattern
    for name in made:
        assert any(fnmatch.fnmatch(name, pattern) for pattern in patterns), name
    build_source = (ROOT / "packaging" / "build.py").read_text(encoding="utf-8")
    assert 'f"tandem-{version}-{platform_tag()}.dmg"' in build_source


def test_signing_waits_for_secrets_and_the_release_for_a_tag() -> None:
    text = workflow()
    signing_steps = re.findall(r"- name: (Sign[^\n]*)\n\s+if: ([^\n]+)", text)
    assert len(signing_steps) == 2
    for _name, condition in signing_steps:
        assert re.search(r"env\.(MACOS|WINDOWS)_SIGNING == 'true'", condition)
    assert "MACOS_SIGNING: ${{ secrets.MACOS_CERTIFICATE != '' }}" in text
    # Every secret the workflow reads is listed in its header, for whoever adds the keys.
    header = text.split("name: Release", 1)[0]
    for secret in set(re.findall(r"secrets\.(\w+)", text)):
        assert secret in header, secret
    assert "if: startsWith(github.ref, 'refs/tags/')" in text
    assert re.search(r"permissions:\n\s+contents: write", text)
    assert text.count("contents: write") == 1  # only the job that creates the release
