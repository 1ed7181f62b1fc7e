"""The command line through its entry point, as scripts and newsrooms use it."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.resources import demo_pair

ORIGINAL = (
    "# Council backs repair of the harbour bridge\n\n"
    "By Ana Lind\n\n"
    "The council voted on Tuesday to repair the old harbour bridge. "
    "Repairs will cost 4 million euros and take two years. "
    "The mayor said she was pleased with the result.\n\n"
    "Critics had wanted a new bridge. The bridge opened in 1911."
)
REWRITE = (
    "# Harbour bridge to be repaired, council decides\n\n"
    "By Ana Lind\n\n"
    "The bridge first opened in 1911. "
    "On Tuesday the council voted to repair the old harbour bridge. "
    "The repairs will cost 4 million euros. They will take two years.\n\n"
    "Critics had wanted a new bridge. Traffic will use a ferry meanwhile."
)


def tandem(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, input=stdin, env=env, timeout=120
    )


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a = tmp_path / "original.md"
    b = tmp_path / "rewrite.md"
    a.write_text(ORIGINAL, encoding="utf-8")
    b.write_text(REWRITE, encoding="utf-8")
    return a, b


def test_json_output_keeps_its_promises(pair: tuple[Path, Path]) -> None:
    result = tandem("compare", str(pair[0]), str(pair[1]), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "tandem.comparison/1"
    a, b = data["a"], data["b"]
    # Every sentence is in exactly one unit or one only_* list.
    seen_a = [i for unit in data["units"] for i in unit["a"]] + data["only_a"]
    seen_b = [j for unit in data["units"] for j in unit["b"]] + data["only_b"]
    assert sorted(seen_a) == list(range(len(a["sentences"])))
    assert sorted(seen_b) == list(range(len(b["sentences"])))
    # = and - rebuild A; = and + rebuild B.
    assert "".join(t for op, t in data["diff"] if op != "+") == a["text"]
    assert "".join(t for op, t in data["diff"] if op != "-") == b["text"]
    # a.text holds every word of file A (markdown markup aside).
    for word in "council voted Tuesday repair 1911 Critics".split():
        assert word in a["text"]
    assert "#" not in a["text"]
    for unit in data["units"]:
        assert unit["kind"] in {"identical", "edited", "rewritten", "moved"}
        assert 0.0 <= unit["similarity"] <= 1.0
    sentences_b = [b["text"][s["start"] : s["end"]] for s in b["sentences"]]
    added = [sentences_b[j] for j in data["only_b"]]
    assert "Traffic will use a ferry meanwhile." in added
    moved = [u for u in data["units"] if u["kind"] == "moved"]
    assert any(sentences_b[u["b"][0]] == "The bridge first opened in 1911." for u in moved)
    splits = [u for u in data["units"] if len(u["b"]) == 2]
    assert splits, "the split sentence should form one 1:2 unit"
    stats = data["stats"]
    assert stats["words_a"] > 20 and stats["words_b"] > 20
    assert stats["sentences_only_b"] == len(data["only_b"])


def test_text_output_marks_changes_without_colour_when_piped(pair: tuple[Path, Path]) -> None:
    result = tandem("compare", str(pair[0]), str(pair[1]), "--format", "text")
    assert result.returncode == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert "{+" in result.stdout and "[-" in result.stdout
    assert "Only in B (" in result.stdout
    assert "Traffic will use a ferry meanwhile." in result.stdout.split("Only in B")[1]


def test_text_output_coloured_on_request(pair: tuple[Path, Path]) -> None:
    result = tandem("compare", str(pair[0]), str(pair[1]), "--format", "text", "--color", "always")
    assert "\x1b[" in result.stdout


def test_html_report_is_self_contained(pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = tandem("compare", str(pair[0]), str(pair[1]), "--format", "html", "-o", str(out))
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    for forbidden in ("<script", "src=", "http://", "https://", "@import", "<link"):
        assert forbidden not in html
    assert "<del>" in html and "<ins>" in html
    assert "Only in B" in html and "Traffic will use a ferry meanwhile." in html


def test_inputs_are_never_modified(pair: tuple[Path, Path]) -> None:
    before = [hashlib.sha256(p.read_bytes()).hexdigest() for p in pair]
    for fmt in ("json", "text", "html"):
        assert tandem("compare", str(pair[0]), str(pair[1]), "--format", fmt).returncode == 0
    refused = tandem("compare", str(pair[0]), str(pair[1]), "-o", str(pair[0]))
    assert refused.returncode != 0 and "input" in refused.stderr
    after = [hashlib.sha256(p.read_bytes()).hexdigest() for p in pair]
    assert before == after


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda d: d / "missing.txt", "missing.txt"),
        (lambda d: d, ""),
        (lambda d: (d / "empty.txt").write_bytes(b"") and None or d / "empty.txt", "empty.txt"),
        (lambda d: (d / "blob.txt").write_bytes(bytes(range(256)) * 40) and None or d / "blob.txt", "blob.txt"),
        (lambda d: (d / "sheet.xlsx").write_bytes(b"PK\x03\x04 not really") and None or d / "sheet.xlsx", "sheet.xlsx"),
    ],
    ids=["missing", "folder", "empty", "binary", "unsupported"],
)
def test_bad_input_gives_one_line_and_non_zero_exit(
    tmp_path: Path, pair: tuple[Path, Path], make, expected: str
) -> None:
    bad = make(tmp_path)
    out = tmp_path / "out.json"
    result = tandem("compare", str(bad), str(pair[1]), "--format", "json", "-o", str(out))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tandem: ")
    assert expected in lines[0]
    assert result.stdout == ""
    assert not out.exists()


def test_align_batch_output_shape(tmp_path: Path) -> None:
    records = [
        {
            "id": "doc-1",
            "a": ["The council met.", "It voted to repair the bridge and to close it for two years."],
            "b": ["The council met.", "It voted to repair the bridge.", "The bridge will be closed for two years."],
        },
        {"id": 7, "a": ["Nothing in common here."], "b": ["Completely different words appear."]},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = tandem("align", str(source))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["doc-1", 7]
    assert lines[0]["units"][0] == [[0], [0]]
    assert [[1], [1, 2]] in lines[0]["units"]
    assert lines[1]["units"] == []


def test_align_reads_stdin_and_rejects_bad_records(tmp_path: Path) -> None:
    good = tandem("align", "-", stdin=json.dumps({"id": 1, "a": ["Same."], "b": ["Same."]}) + "\n")
    assert json.loads(good.stdout) == {"id": 1, "units": [[[0], [0]]]}
    bad = tandem("align", "-", stdin='{"id": 1, "a": "not a list", "b": []}\n')
    assert bad.returncode != 0 and '"a" must be a list' in bad.stderr and "Traceback" not in bad.stderr
    broken = tandem("align", "-", stdin="{not json\n")
    assert broken.returncode != 0 and "not valid JSON" in broken.stderr


def test_demo_pair_compares(tmp_path: Path) -> None:
    a, b = demo_pair()
    result = tandem("compare", str(a), str(b), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["only_a"] and data["only_b"]
    assert any(u["kind"] == "moved" for u in data["units"])


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("tandem")
    assert script.exists()
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("tandem ")


@pytest.mark.parametrize(
    "flag, a_text, b_text",
    [
        ("--strict-quotes", "She said “yes” to it.", 'She said "yes" to it.'),
        ("--strict-spaces", "It costs 10\u00a0euros today.", "It costs 10 euros today."),
        ("--strict-soft-hyphens", "A long infor\u00admation text.", "A long information text."),
        ("--case-sensitive", "The Bridge is old.", "The bridge is old."),
    ],
)
def test_each_typographic_option_can_be_strict(tmp_path: Path, flag: str, a_text: str, b_text: str) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(a_text, encoding="utf-8")
    b.write_text(b_text, encoding="utf-8")
    loose = json.loads(tandem("compare", str(a), str(b), "--format", "json").stdout)
    strict = json.loads(tandem("compare", str(a), str(b), "--format", "json", flag).stdout)
    assert [u["kind"] for u in loose["units"]] == ["identical"]
    assert [u["kind"] for u in strict["units"]] == ["edited"]


def test_text_is_the_aligned_view_and_wdiff_the_whole_document_diff(tmp_path: Path) -> None:
    path_a, path_b = tmp_path / "a.txt", tmp_path / "b.txt"
    path_a.write_text("Korea's port reopened today. The mayor spoke at noon. Ships waited.\n", encoding="utf-8")
    path_b.write_text("Ships waited. Korea’s port reopened today. The mayor spoke at dawn.\n", encoding="utf-8")
    aligned = tandem("compare", str(path_a), str(path_b), "--format", "text")
    assert aligned.returncode == 0, aligned.stderr
    assert "Korea" not in "".join(line for line in aligned.stdout.splitlines() if "[-" in line or "{+" in line)
    assert "  A  The mayor spoke at [-noon-]." in aligned.stdout
    assert "  B  The mayor spoke at {+dawn+}." in aligned.stdout
    assert "moved" in aligned.stdout and "Only in A (0):" in aligned.stdout
    whole = tandem("compare", str(path_a), str(path_b), "--format", "wdiff")
    assert whole.returncode == 0, whole.stderr
    assert whole.stdout.startswith("--- A: a.txt") and "Moved (" in whole.stdout


def test_one_help_lists_the_window_options_and_every_input_format() -> None:
    top = tandem("--help")
    for option in ("--demo", "--theme", "--screenshot", "--new-window", "compare"):
        assert option in top.stdout
    sub = tandem("compare", "--help")
    assert ".docx" in sub.stdout and ".pdf" in sub.stdout and "link" in sub.stdout and "wdiff" in sub.stdout
