"""``tandem align``: standard input bounded and streamed, strict JSON in and out (issue 28)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from reader import cli
from tests.cli.test_cli import tandem

RECORD = {"id": 1, "a": ["The council met on Tuesday."], "b": ["The council met on Tuesday."]}


def _strict(text: str) -> object:
    """Parse as RFC 8259 JSON: NaN and Infinity raise."""

    def refuse(name: str) -> None:
        raise ValueError(f"not strict JSON: {name}")

    return json.loads(text, parse_constant=refuse)


def _run_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> io.BytesIO:
    raw = io.BytesIO(data)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(raw))
    return raw


def test_stdin_is_stopped_at_the_file_limit(monkeypatch, capsys) -> None:
    from reader.core.read import documents

    monkeypatch.setattr(documents, "MAX_BYTES", 4000)
    line = (json.dumps(RECORD) + "\n").encode()
    raw = _run_stdin(monkeypatch, line * 1000)  # 60 kB of valid records
    assert cli.main(["align", "-"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tandem: -: standard input is larger than the limit") and err.count("\n") == 1
    assert raw.tell() <= 4001 + len(line)  # counted as it reads: stopped at the limit, not at the end


def test_stdin_limit_message_names_the_megabytes(monkeypatch, capsys) -> None:
    from reader.core.read import documents

    monkeypatch.setattr(documents, "MAX_BYTES", 3 * 2**20)
    _run_stdin(monkeypatch, b"\n" * (3 * 2**20 + 10))
    assert cli.main(["align", "-"]) == 2
    assert capsys.readouterr().err == "tandem: -: standard input is larger than the limit of 3 MB\n"


def test_lines_before_a_bad_record_are_already_written(monkeypatch, capsys) -> None:
    _run_stdin(monkeypatch, (json.dumps(RECORD) + "\n{broken\n").encode())
    assert cli.main(["align", "-"]) == 2
    out, err = capsys.readouterr()
    assert _strict(out) == {"id": 1, "units": [[[0], [0]]]}
    assert err.startswith("tandem: -:2: not valid JSON")


def test_each_record_is_written_before_the_next_is_read(tmp_path: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "align", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        process.stdin.write(json.dumps(RECORD) + "\n")
        process.stdin.flush()
        first: list[str] = []
        reader = threading.Thread(target=lambda: first.append(process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout=90)  # standard input still open: collected output would never come
        assert first and _strict(first[0]) == {"id": 1, "units": [[[0], [0]]]}
    finally:
        process.stdin.close()
        process.wait(timeout=90)
        process.stdout.close()
        assert process.stderr is not None
        process.stderr.close()
    assert process.returncode == 0


def test_out_of_memory_is_one_line(monkeypatch, capsys) -> None:
    import reader.core.align as align

    def exhausted(*_args: object, **_kwargs: object) -> object:
        raise MemoryError

    monkeypatch.setattr(align, "align_sentences", exhausted)
    _run_stdin(monkeypatch, (json.dumps(RECORD) + "\n").encode())
    assert cli.main(["align", "-"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tandem: out of memory") and err.count("\n") == 1 and "unexpected" not in err


@pytest.mark.parametrize(
    "line",
    [
        '{"id": NaN, "a": [], "b": []}',
        '{"id": Infinity, "a": [], "b": []}',
        '{"id": -Infinity, "a": [], "b": []}',
        '{"id": 1e400, "a": [], "b": []}',
        '{"id": 1, "a": [], "b": [], "weight": -1e400}',
        '{"id": [1, NaN], "a": [], "b": []}',
    ],
)
def test_non_strict_numbers_are_refused_with_the_line(tmp_path: Path, line: str, capsys) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(RECORD) + "\n" + line + "\n", encoding="utf-8")
    assert cli.main(["align", str(source)]) == 2
    out, err = capsys.readouterr()
    assert err.startswith(f"tandem: {source}:2: ") and err.count("\n") == 1
    assert "NaN" in err or "Infinity" in err or "out of range" in err
    assert all(_strict(text) for text in out.splitlines())  # the good first line, strict


@pytest.mark.parametrize("number", ["1e308", "-0.0", "1.50", "2E-5", "12345678901234567890123"])
def test_numeric_ids_come_back_as_written(tmp_path: Path, number: str, capsys) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": ' + number + ', "a": ["One."], "b": ["One."]}\n', encoding="utf-8")
    assert cli.main(["align", str(source)]) == 0
    out = capsys.readouterr().out
    assert out == '{"id": ' + number + ', "units": [[[0], [0]]]}\n'
    _strict(out)


def test_a_five_thousand_digit_id_is_echoed(tmp_path: Path) -> None:
    digits = "9" * 5000
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": ' + digits + ', "a": ["One."], "b": ["One."]}\n', encoding="utf-8")
    done = tandem("align", str(source))
    assert done.returncode == 0, done.stderr
    assert done.stdout == '{"id": ' + digits + ', "units": [[[0], [0]]]}\n'


def test_a_lone_surrogate_in_the_id_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps(RECORD) + "\n" + '{"id": {"name": "x\\ud800y"}, "a": ["One."], "b": ["One."]}\n', encoding="utf-8"
    )
    done = tandem("align", str(source))
    assert done.returncode == 2
    assert done.stderr == f"tandem: {source}:2: the id holds a lone surrogate (\\ud800), which is not text\n"
    assert _strict(done.stdout) == {"id": 1, "units": [[[0], [0]]]}


def test_a_surrogate_pair_escaped_in_the_id_is_text(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "\\ud83d\\ude00", "a": ["One."], "b": ["One."]}\n', encoding="utf-8")
    done = tandem("align", str(source))
    assert done.returncode == 0, done.stderr
    assert _strict(done.stdout) == {"id": "\U0001f600", "units": [[[0], [0]]]}


@pytest.mark.parametrize(
    ("line", "shape"), [("[1, 2]", "an array"), ("null", "null"), ('"text"', "a string"), ("3", "a number")]
)
def test_a_record_that_is_not_an_object_is_named(tmp_path: Path, line: str, shape: str, capsys) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(RECORD) + "\n\n" + line + "\n", encoding="utf-8")
    assert cli.main(["align", str(source)]) == 2
    err = capsys.readouterr().err
    assert err == f'tandem: {source}:3: each line must be a JSON object {{"id", "a", "b"}}, not {shape}\n'


def test_a_utf8_bom_at_the_start_is_accepted(monkeypatch, capsys) -> None:
    _run_stdin(monkeypatch, b"\xef\xbb\xbf" + (json.dumps(RECORD) + "\n").encode())
    assert cli.main(["align", "-"]) == 0
    assert _strict(capsys.readouterr().out) == {"id": 1, "units": [[[0], [0]]]}


def test_a_bom_inside_the_input_is_still_refused(tmp_path: Path, capsys) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes((json.dumps(RECORD) + "\n").encode() + b"\xef\xbb\xbf" + json.dumps(RECORD).encode())
    assert cli.main(["align", str(source)]) == 2
    assert capsys.readouterr().err.startswith(f"tandem: {source}:2: not valid JSON")


def test_output_file_is_written_whole_or_not_at_all(tmp_path: Path, capsys) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(RECORD) + "\n" + json.dumps({**RECORD, "id": 2}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli.main(["align", str(source), "-o", str(out)]) == 0
    assert [_strict(line) for line in out.read_text(encoding="utf-8").splitlines()] == [
        {"id": 1, "units": [[[0], [0]]]},
        {"id": 2, "units": [[[0], [0]]]},
    ]
    source.write_text(json.dumps(RECORD) + "\n[]\n", encoding="utf-8")
    previous = out.read_bytes()
    assert cli.main(["align", str(source), "-o", str(out)]) == 2
    assert out.read_bytes() == previous  # a failure part-way leaves the old file
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_a_closed_standard_input_is_one_line(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert cli.main(["align", "-"]) == 2
    assert capsys.readouterr().err == "tandem: -: there is no standard input to read\n"
