"""Every message is one printable line; outputs carry valid UTF-8 (issue 15, items 9, 10, 12)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.core.printable import one_line, printable_text
from reader.core.read.documents import DocumentError
from reader.core.read.fetch import load_source
from tests.cli.test_cli import ORIGINAL, REWRITE, tandem


def tandem_bytes(*args: bytes) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NO_COLOR": "1"}
    command = [os.fsencode(sys.executable), b"-m", b"reader", *args]
    return subprocess.run(command, capture_output=True, env=env, timeout=120)


def _pair(folder: Path, first: bytes = b"a.md") -> tuple[bytes, bytes]:
    a, b = os.path.join(os.fsencode(folder), first), os.path.join(os.fsencode(folder), b"b.md")
    Path(os.fsdecode(a)).write_text(ORIGINAL, encoding="utf-8")
    Path(os.fsdecode(b)).write_text(REWRITE, encoding="utf-8")
    return a, b


@pytest.mark.skipif(sys.platform != "linux", reason="any bytes make a file name on Linux only")
def test_a_non_utf8_output_name_is_written(tmp_path: Path) -> None:
    a, b = _pair(tmp_path)
    out = os.path.join(os.fsencode(tmp_path), b"out-\xff.json")
    done = tandem_bytes(b"compare", a, b, b"--format", b"json", b"-o", out)
    assert done.returncode == 0, done.stderr
    assert json.loads(Path(os.fsdecode(out)).read_bytes())["schema"]
    assert len(os.listdir(tmp_path)) == 3  # no temporary file left


@pytest.mark.skipif(sys.platform != "linux", reason="any bytes make a file name on Linux only")
def test_json_for_a_non_utf8_input_name_is_valid_utf8(tmp_path: Path) -> None:
    a, b = _pair(tmp_path, b"caf\xe9.md")
    done = tandem_bytes(b"compare", a, b, b"--format", b"json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.decode("utf-8"))  # strict: no raw \xe9 byte
    assert report["a"]["name"] == "caf\\xe9.md"


def test_a_newline_in_a_file_name_stays_on_one_line(tmp_path: Path) -> None:
    odd = tmp_path / "two\nlines.md"
    odd.write_bytes(b"\x00\x01binary")
    done = tandem("compare", str(odd), str(odd.with_name("missing\x1b[2J.md")))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "two\\nlines.md" in done.stderr and "\x1b" not in done.stderr


def test_document_text_controls_are_escaped_in_the_text_report(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(ORIGINAL + "\n\nA red \x1b[31mword\x07 and \u009b2J and \u202ereversed.\n", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text(REWRITE, encoding="utf-8")
    done = tandem("compare", str(a), str(b), "--format", "text", "--color", "never")
    assert done.returncode == 0, done.stderr
    assert not any(char in done.stdout for char in "\x1b\x07\u009b\u202e")
    assert "\\x1b[31mword\\x07" in done.stdout


def test_printable_helpers() -> None:
    assert one_line("a\nb\x1b[0m\u2028\ud8ff\udcff") == "a\\nb\\x1b[0m\\u2028\\ud8ff\\xff"
    assert printable_text("line\n\ttab\x7f") == "line\n\ttab\\x7f"
    assert str(DocumentError("x\ny")) == "x\\ny"


class _Hostile(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/reason":
            self.send_response(500, "Oops \x1b]0;owned\x07 \x1b[2J")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_response(302)
            self.send_header("Location", "ftp://example.invalid/\x1b[31mred")
            self.send_header("Content-Length", "0")
            self.end_headers()

    def log_message(self, *_args: object) -> None:
        pass


@contextmanager
def _server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("path", ["/reason", "/redirect"])
def test_server_replies_are_escaped(path: str) -> None:
    with _server() as base, pytest.raises(DocumentError) as caught:
        load_source(base + path, timeout=5)
    message = str(caught.value)
    assert "\x1b" not in message and "\x07" not in message and "\\x1b" in message


def test_deeply_nested_json_for_align(tmp_path: Path) -> None:
    source = tmp_path / "deep.jsonl"
    source.write_text("[" * 200_000 + "\n", encoding="utf-8")
    done = tandem("align", str(source))
    assert done.returncode == 2
    assert done.stderr == f"tandem: {source}:1: JSON nested too deeply\n"


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "0", "1e400"])
def test_a_bad_timeout_is_named(tmp_path: Path, value: str) -> None:
    a = tmp_path / "a.md"
    a.write_text(ORIGINAL, encoding="utf-8")
    done = tandem("compare", str(a), "https://example.invalid/x", f"--timeout={value}")
    assert done.returncode == 2
    assert done.stderr.startswith("tandem: --timeout must be") and done.stderr.count("\n") == 1
