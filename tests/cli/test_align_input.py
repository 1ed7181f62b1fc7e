"""``tandem align`` reads only regular files, within a size and a line-length limit (issue 15, item 4)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader import align_input, cli
from tests.cli.test_cli import tandem


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_align_refuses_a_device() -> None:
    done = tandem("align", "/dev/zero")  # reached 7.3 GB in 30 s before
    assert done.returncode == 2
    assert done.stderr == "tandem: /dev/zero: is not a regular file\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_align_refuses_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    done = tandem("align", str(fifo))  # blocked forever before (tandem() times out at 120 s)
    assert done.returncode == 2 and "not a regular file" in done.stderr


def test_align_refuses_a_too_long_line(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(align_input, "MAX_ALIGN_LINE_BYTES", 1000)
    source = tmp_path / "long.jsonl"
    source.write_text('{"id": 1, "a": ["One."], "b": ["One."]}\n' + "x" * 5000, encoding="utf-8")
    assert cli.main(["align", str(source)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"tandem: {source}:2: line too long") and err.count("\n") == 1


def test_align_refuses_a_too_large_file(tmp_path: Path, monkeypatch, capsys) -> None:
    from reader.core.read import documents

    monkeypatch.setattr(documents, "MAX_BYTES", 100)
    source = tmp_path / "big.jsonl"
    source.write_text('{"id": 1, "a": ["One."], "b": ["One."]}\n' * 10, encoding="utf-8")
    assert cli.main(["align", str(source)]) == 2
    assert "too large" in capsys.readouterr().err


def test_align_stdin_line_is_bounded(monkeypatch, capsys) -> None:
    import io
    import sys

    monkeypatch.setattr(align_input, "MAX_ALIGN_LINE_BYTES", 1000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\0" * 100_000)))
    assert cli.main(["align", "-"]) == 2
    assert "-:1: line too long" in capsys.readouterr().err
