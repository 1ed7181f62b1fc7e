"""``tandem align``'s JSON lines: read strictly and within limits, written one line per record.

The input is a file or standard input, read a bounded line at a time and counted as it is read,
so neither a huge line nor an endless pipe is ever held whole. JSON is read strictly (RFC 8259):
``NaN`` and ``Infinity`` are refused, and so are numbers past the range of a float. Numbers are
kept as they were written, so an id of any length is echoed back exactly without ever passing
through ``int()`` (which refuses strings of more than 4,300 digits). Each output line is written
as soon as its record is aligned.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from reader.cli import InputError

if TYPE_CHECKING:
    from reader.core.model import CompareOptions

# One JSON line holds one pair of articles: two of the largest documents ``compare`` reads.
MAX_ALIGN_LINE_BYTES = 16 * 1024 * 1024
JsonValue = Any  # one parsed JSON line: any shape at all until it is checked
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "true or false", type(None): "null"}
_BOM = "\ufeff"


class RawNumber:
    """A JSON number as written: echoed back exactly, never converted (a 5,000-digit id stays one)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"RawNumber({self.text})"


class _BadNumber(Exception):
    """A number strict JSON cannot carry; the reader adds the line it is on."""


def read_jsonl(path: str) -> Iterator[tuple[int, JsonValue]]:
    """(line number, parsed record) for each non-blank line of ``path`` ("-": standard input)."""
    from reader.core.read import documents

    limit = documents.MAX_BYTES
    stream: IO[bytes]
    if path == "-":
        if sys.stdin is None:  # started with standard input closed
            raise InputError("-: there is no standard input to read")
        stream = sys.stdin.buffer
    else:
        # The same checks as compare: a FIFO would block and /dev/zero never ends.
        documents.check_regular_file(path, path)
        try:
            stream = open(path, "rb")  # noqa: SIM115 - closed by the ``with`` below
        except OSError as error:
            raise InputError(f"{path}: cannot read ({error.strerror or error})") from error
    read = 0
    # Standard input stays open: it is not ours to close.
    with contextlib.nullcontext() if path == "-" else stream:
        number = 0
        while True:
            # Bounded reads: neither a line without breaks nor a pipe past the limit is held whole.
            raw = stream.readline(min(MAX_ALIGN_LINE_BYTES, limit - read) + 1)
            if not raw:
                return
            number += 1
            read += len(raw)
            if read > limit:
                what = "standard input" if path == "-" else "the file"
                raise InputError(f"{path}: {what} is larger than the limit of {limit // 2**20} MB")
            if len(raw) > MAX_ALIGN_LINE_BYTES:
                raise InputError(f"{path}:{number}: line too long (the limit is {MAX_ALIGN_LINE_BYTES // 2**20} MB)")
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise InputError(f"{path}:{number}: not UTF-8 text") from error
            if number == 1 and line.startswith(_BOM):
                line = line[1:]  # editors on Windows start UTF-8 files with a byte-order mark
            if line.strip():
                yield number, json_record(line, f"{path}:{number}")


def json_record(line: str, where: str) -> JsonValue:
    """One line parsed as strict JSON, its numbers kept as written; InputError naming ``where``."""
    try:
        return json.loads(line, parse_constant=_refuse_constant, parse_float=_float_number, parse_int=RawNumber)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: not valid JSON ({error.msg})") from error
    except _BadNumber as error:
        raise InputError(f"{where}: {error}") from error
    except RecursionError as error:
        raise InputError(f"{where}: JSON nested too deeply") from error


def _refuse_constant(name: str) -> RawNumber:
    raise _BadNumber(f"{name} is not a JSON number (strict JSON, RFC 8259)")


def _float_number(text: str) -> RawNumber:
    # float() has no digit limit; it only overflows to infinity, which JSON cannot carry.
    if not math.isfinite(float(text)):
        shown = text if len(text) <= 40 else f"{text[:20]}...({len(text)} characters)"
        raise _BadNumber(f"the number {shown} is out of range (past about 1.8e308)")
    return RawNumber(text)


def sentence_list(record: JsonValue, field: str, where: str) -> list[str]:
    """The record's ``field``: a list of strings, or an InputError naming ``where``."""
    if not isinstance(record, dict):
        shape = "a number" if isinstance(record, RawNumber) else _JSON_TYPES.get(type(record), "something else")
        raise InputError(f'{where}: each line must be a JSON object {{"id", "a", "b"}}, not {shape}')
    value = record.get(field)
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise InputError(f'{where}: "{field}" must be a list of sentence strings')
    return value


def id_json(value: JsonValue, where: str) -> str:
    """The record's id as strict JSON text: numbers exactly as written; lone surrogates refused."""
    try:
        return _to_json(value, where)
    except RecursionError as error:
        raise InputError(f"{where}: the id is nested too deeply") from error


def _to_json(value: JsonValue, where: str) -> str:
    if isinstance(value, RawNumber):
        return value.text
    if isinstance(value, str):
        return _string_json(value, where)
    if isinstance(value, list):
        return "[" + ", ".join(_to_json(item, where) for item in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{_string_json(key, where)}: {_to_json(item, where)}" for key, item in value.items())
        return "{" + ", ".join(pairs) + "}"
    return json.dumps(value)  # true, false, null


def _string_json(text: str, where: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        bad = f"\\u{ord(text[error.start]):04x}"
        raise InputError(f"{where}: the id holds a lone surrogate ({bad}), which is not text") from error
    return json.dumps(text, ensure_ascii=False)


def align_lines(path: str, options: CompareOptions) -> Iterator[str]:
    """One output line (with its newline) per record of ``path``, each as soon as it is aligned."""
    from reader.core.align import align_sentences
    from reader.core.text.sentences import detect_language

    for number, record in read_jsonl(path):
        where = f"{path}:{number}"
        a = sentence_list(record, "a", where)
        b = sentence_list(record, "b", where)
        identity = id_json(record.get("id"), where)
        language = options.language or detect_language("\n".join(a[:200] + b[:200]))
        links = align_sentences(a, b, options, language=language)
        units = json.dumps([[list(link.a), list(link.b)] for link in links], allow_nan=False)
        yield f'{{"id": {identity}, "units": {units}}}\n'


@contextmanager
def line_writer(output: str | None) -> Iterator[Callable[[str], object]]:
    """Write lines to standard output as they come, or to ``output`` by a file renamed at the end.

    Like :func:`reader.core.outputs.write_output`: a failure part-way leaves the old file (or none),
    and a target that is not a regular file (``/dev/null``, a FIFO) is written in place.
    """
    if output is None:

        def to_stdout(line: str) -> None:
            sys.stdout.write(line)
            sys.stdout.flush()  # the reader of a pipe sees each record as soon as it is aligned

        yield to_stdout
        return
    try:
        existing = os.stat(output)
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise InputError(f"{output}: cannot write ({error.strerror or error})") from error
    try:
        if existing is not None and not stat.S_ISREG(existing.st_mode):
            with open(output, "w", encoding="utf-8") as handle:
                yield handle.write
            return
        folder = os.path.dirname(os.path.abspath(output))
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".tandem-", suffix=".part")
    except OSError as error:
        raise InputError(f"{output}: cannot write ({error.strerror or error})") from error
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            yield handle.write
        # mkstemp makes the file private; give it what a plain open() would have given.
        os.chmod(temporary, stat.S_IMODE(existing.st_mode) if existing else 0o666 & ~_umask())
        os.replace(temporary, output)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise InputError(f"{output}: cannot write ({error.strerror or error})") from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)  # the only way to read it; the command line runs one thread
    os.umask(mask)
    return mask
