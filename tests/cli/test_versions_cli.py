"""``tandem compare BASE V1 V2 ...`` through the entry point, and the two-file output unchanged."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import EXIT_SOME_SKIPPED
from reader.cli import MAX_VERSIONS as CLI_MAX_VERSIONS
from reader.core import compare, load_document
from reader.core.versions import MAX_VERSIONS
from reader.export.aligned_text import comparison_to_aligned_text
from reader.export.html_export import comparison_to_html
from reader.export.json_export import comparison_to_json
from reader.export.text_export import comparison_to_text

BASE = (
    "# Council backs repair of the harbour bridge\n\n"
    "The council voted on Tuesday to repair the old harbour bridge. "
    "Repairs will cost 4 million euros and take two years. "
    "The mayor said she was pleased with the result.\n\n"
    "Critics had wanted a new bridge. The bridge opened in 1911."
)
V1 = (
    "# Harbour bridge to be repaired\n\n"
    "The council voted on Wednesday to repair the old harbour bridge. "
    "Repairs will cost 6 million euros. They will take two years.\n\n"
    "Critics had wanted a new bridge. A ferry will carry the traffic meanwhile."
)
V2 = (
    "# Council backs repair of the harbour bridge\n\n"
    "The bridge opened in 1911. "
    "The council voted on Tuesday to repair the old harbour bridge. "
    "Repairs will cost around 5 million euros and take two years.\n\n"
    "A ferry will carry the traffic in the meantime."
)


def tandem(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=env, timeout=180)


@pytest.fixture()
def files(tmp_path: Path) -> list[Path]:
    paths = []
    for name, text in (("base.md", BASE), ("v1.md", V1), ("v2.md", V2)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def digests(paths: list[Path]) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


def test_the_limit_is_written_once_in_spirit() -> None:
    assert CLI_MAX_VERSIONS == MAX_VERSIONS


@pytest.mark.parametrize("fmt", ["text", "wdiff", "json", "html"])
def test_two_files_print_exactly_what_they_printed_before(files: list[Path], fmt: str) -> None:
    base, v1 = files[0], files[1]
    result = tandem("compare", str(base), str(v1), "--format", fmt)
    assert result.returncode == 0, result.stderr
    comparison = compare(load_document(base), load_document(v1))
    expected = {
        "text": comparison_to_aligned_text(comparison),
        "wdiff": comparison_to_text(comparison),
        "json": comparison_to_json(comparison) + "\n",
        "html": comparison_to_html(comparison),
    }[fmt]
    assert result.stdout == expected


def test_each_version_in_the_json_is_the_pairwise_json(files: list[Path]) -> None:
    before = digests(files)
    result = tandem("compare", *map(str, files), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "tandem.versions/1"
    assert [v["name"] for v in data["versions"]] == ["v1.md", "v2.md"]
    for version, path in zip(data["versions"], files[1:], strict=True):
        pairwise = tandem("compare", str(files[0]), str(path), "--format", "json").stdout
        assert json.dumps(version["comparison"], ensure_ascii=False) + "\n" == pairwise
    base_count = len(data["base"]["sentences"])
    assert len(data["sentences"]) == base_count
    assert all(len(row["states"]) == 2 for row in data["sentences"])
    statuses = {state["status"] for row in data["sentences"] for state in row["states"]}
    assert {"kept", "reworded", "dropped"} <= statuses <= {"kept", "reworded", "moved", "split", "merged", "dropped"}
    assert len(data["overlap"]["versions"]) == 2 and data["overlap"]["versions"][0][0]["phrases"] == 1.0
    ferry = [a for a in data["additions"] if "ferry" in a["text"]]
    assert len(ferry) == 2 and all(a["added_by"] == 2 for a in ferry)
    amounts = [row for row in data["facts"] if row["base"] == "4 million euros"]
    assert [cell["text"] for cell in amounts[0]["versions"]] == ["6 million euros", "around 5 million euros"]
    assert digests(files) == before  # nothing written to any input


def test_the_text_grid_has_one_line_per_version_under_each_base_sentence(files: list[Path]) -> None:
    result = tandem("compare", *map(str, files))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("[1] ")))
    assert lines[start + 1].startswith("  V1  ") and lines[start + 2].startswith("  V2  ")
    council = lines.index(next(line for line in lines if line.startswith("[2] The council voted")))
    assert "R reworded" in lines[council + 1] and "[-Tuesday-]{+Wednesday+}" in lines[council + 1]
    assert lines[council + 2].startswith("  V2  K kept")
    assert any(line.startswith("Added by V1 (") for line in lines)
    assert any("added by 2 of 2 versions" in line for line in lines)


def test_the_html_report_marks_every_status_with_a_letter(files: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = tandem("compare", *map(str, files), "--format", "html", "-o", str(out))
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html
    assert 'class="st-kept"' in html and '<b class="letter">K</b>' in html
    assert 'class="st-dropped"' in html and '<b class="letter">D</b>' in html
    assert "--only-a:" in html  # the palette's colours


def test_an_identical_version_is_compared_and_named(files: list[Path], tmp_path: Path) -> None:
    copy = tmp_path / "copy.md"
    copy.write_text(BASE, encoding="utf-8")
    result = tandem("compare", str(files[0]), str(files[1]), str(copy), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["notes"] == ["V2 is identical to the base"]
    assert all(row["states"][1]["status"] == "kept" for row in data["sentences"])
    text = tandem("compare", str(files[0]), str(files[1]), str(copy)).stdout
    assert "Note: V2 is identical to the base." in text


def test_one_unreadable_version_is_named_and_the_others_compared(files: list[Path], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    result = tandem("compare", str(files[0]), str(files[1]), str(empty), str(missing), "--format", "json")
    assert result.returncode == EXIT_SOME_SKIPPED
    errors = result.stderr.splitlines()
    assert len(errors) == 2 and "empty.txt" in errors[0] and "missing.txt" in errors[1]
    assert "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    assert [v["name"] for v in data["versions"]] == ["v1.md"]
    assert [s["source"] for s in data["skipped"]] == [str(empty), str(missing)]


def test_no_readable_version_is_bad_input(files: list[Path], tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = tandem("compare", str(files[0]), str(missing), str(tmp_path / "gone.txt"))
    assert result.returncode == 2 and result.stdout == ""
    assert "no version could be read" in result.stderr and "Traceback" not in result.stderr


def test_the_same_file_twice_is_refused_by_identity(files: list[Path], tmp_path: Path) -> None:
    link = tmp_path / "hard_link.md"
    os.link(files[1], link)
    result = tandem("compare", str(files[0]), str(files[1]), str(link))
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "the same file as version 1" in result.stderr
    base_again = tandem(
        "compare", str(files[0]), str(files[1]), str(files[0].parent / ".." / files[0].parent.name / "base.md")
    )
    assert base_again.returncode == 2 and "the same file as the base" in base_again.stderr


def test_more_versions_than_the_limit_is_one_line(files: list[Path], tmp_path: Path) -> None:
    many = []
    for k in range(MAX_VERSIONS + 1):
        path = tmp_path / f"many{k}.md"
        path.write_text(V1 + f" Copy {k}.", encoding="utf-8")
        many.append(str(path))
    result = tandem("compare", str(files[0]), *many)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == f"tandem: {MAX_VERSIONS + 1} versions given; the limit is {MAX_VERSIONS}"


def test_wdiff_and_writing_over_an_input_are_refused(files: list[Path]) -> None:
    before = digests(files)
    wdiff = tandem("compare", *map(str, files), "--format", "wdiff")
    assert wdiff.returncode == 2 and "--format wdiff compares two files" in wdiff.stderr
    over = tandem("compare", *map(str, files), "-o", str(files[2]))
    assert over.returncode == 2 and "refusing to overwrite" in over.stderr
    assert digests(files) == before
