"""Outputs never overwrite an input, whatever name leads to it (issue 15, item 3)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reader.core.outputs import output_conflict, same_file, write_output
from tests.cli.test_cli import pair, tandem  # noqa: F401 - the fixture is used by name


def _aliases(tmp_path: Path, target: Path) -> dict[str, Path]:
    hard = tmp_path / "hard-link.html"
    os.link(target, hard)
    soft = tmp_path / "soft-link.html"
    soft.symlink_to(target)
    dotted = tmp_path / "sub" / ".." / target.name
    (tmp_path / "sub").mkdir()
    return {"hard": hard, "soft": soft, "dotted": dotted, "itself": target}


@pytest.mark.parametrize("kind", ["hard", "soft", "dotted", "itself"])
def test_compare_refuses_an_output_that_is_an_input(tmp_path: Path, pair, kind: str) -> None:  # noqa: F811
    a, b = pair
    before = b.read_bytes()
    output = _aliases(tmp_path, b)[kind]
    done = tandem("compare", str(a), str(b), "--format", "html", "-o", str(output))
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "one of the inputs" in done.stderr
    assert b.read_bytes() == before


def test_align_refuses_a_hard_link_to_its_input(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "a": ["One."], "b": ["One."]}\n', encoding="utf-8")
    link = tmp_path / "out.jsonl"
    os.link(source, link)
    done = tandem("align", str(source), "-o", str(link))
    assert done.returncode == 2 and "one of the inputs" in done.stderr
    assert source.read_text(encoding="utf-8").startswith('{"id": 1')


def test_an_output_replaces_the_file_and_leaves_no_temporary(tmp_path: Path, pair) -> None:  # noqa: F811
    a, b = pair
    output = tmp_path / "out" / "report.html"
    output.parent.mkdir()
    output.write_text("old", encoding="utf-8")
    output.chmod(0o640)
    done = tandem("compare", str(a), str(b), "--format", "html", "-o", str(output))
    assert done.returncode == 0, done.stderr
    assert output.read_text(encoding="utf-8").startswith("<!")
    assert stat.S_IMODE(output.stat().st_mode) == 0o640
    assert [p.name for p in output.parent.iterdir()] == ["report.html"]


def test_write_output_keeps_the_old_file_when_writing_fails(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "kept.txt"
    target.write_text("old", encoding="utf-8")

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        write_output(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.txt"]


def test_write_output_writes_special_files_in_place(tmp_path: Path) -> None:
    write_output(os.devnull, "nothing")  # renaming over /dev/null would replace the device
    assert Path(os.devnull).exists() and not Path(os.devnull).is_file()


def test_identity_not_spelling(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text("x", encoding="utf-8")
    twin = tmp_path / "b.txt"
    twin.write_text("x", encoding="utf-8")
    aliases = _aliases(tmp_path, first)
    assert all(same_file(alias, first) for alias in aliases.values())
    assert not same_file(twin, first) and not same_file(tmp_path / "missing", first)
    assert output_conflict(twin, [first, None]) is None
    assert output_conflict(tmp_path, [first]) == "is a folder, not a file to write"
