"""Adversarial shapes of growing size through every reader and stage: does the work grow linearly?

Run by hand from the project root:  uv run python benchmarks/hostile.py [--sizes 10000 20000 40000 80000]

Each case builds one input of size n (n units of the shape: characters, brackets, tags,
paragraphs or sentences), reads it with the reader its format needs, or runs one stage
(sentence split, alignment, the whole-document diff) on it, in a fresh process, and prints
the wall time (after a warm-up run at a tiny size, so imports are not counted), the peak
resident memory of that process (interpreter and libraries included) and the ratio of each
time to the one at the size before. With the sizes doubling, a ratio near 2 is linear, near 4
quadratic. "refused" means the reader turned the input down in one line, as it should.
Cases marked "cli" run ``tandem`` itself in the process (``reader.cli.main``, standard input and
output replaced) and report its exit code; their outcome says whether the output was checked
(strict RFC 8259 JSON, the expected content) or names the one line of a refusal. A few cases have
sizes of their own (the shape the issue asked about), and some are one fixed input (n = "-").
Nothing here needs the network or the shared data.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
VOCABULARY = "cat dog sat ran red blue big small house tree river stone".split()


def short_sentences(n: int, seed: int) -> list[str]:
    """``n`` short sentences over a dozen words: the small vocabulary the aligner dislikes."""
    rng = random.Random(seed)
    return [" ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(2, 5))).capitalize() + "." for _ in range(n)]


def paragraphs(n: int) -> list[str]:
    return [" ".join(short_sentences(4, k)) for k in range(n // 4)]


def docx(n: int) -> bytes:
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{p}</w:t></w:r></w:p>' for p in paragraphs(n))
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", document)
    return out.getvalue()


def odt(n: int) -> bytes:
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs(n))
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}>'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return out.getvalue()


def pdf_shared_stream(n: int) -> bytes:
    """n / 50 pages sharing one content stream of 40 lines."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    lines = "".join(f"BT /F1 11 Tf 72 {720 - 14 * i} Td (Line {i} of the one shared page.) Tj ET\n" for i in range(40))
    writer = PdfWriter()
    stream = DecodedStreamObject()
    stream.set_data(lines.encode())
    stream_ref = writer._add_object(stream)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    resources = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    for _ in range(max(1, n // 50)):
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Contents")] = stream_ref
        page[NameObject("/Resources")] = resources
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def read_text(fmt: str, make: Callable[[int], str]) -> Callable[[int], object]:
    def run(n: int) -> object:
        from reader.core.read.documents import document_from_text

        return document_from_text(make(n), f"hostile.{fmt}", {"txt": "text", "md": "markdown"}.get(fmt, fmt))

    return run


def read_bytes(suffix: str, make: Callable[[int], bytes]) -> Callable[[int], object]:
    def run(n: int) -> object:
        from reader.core.read.documents import document_from_bytes

        return document_from_bytes(make(n), f"hostile{suffix}", suffix)

    return run


def split(n: int) -> object:
    from reader.core.text.sentences import split_text

    return split_text(" ".join(short_sentences(n, 1)), "en")


def align(n: int, edit: bool = False) -> object:
    from reader.core.align import align_sentences
    from reader.core.model import CompareOptions

    a = short_sentences(n, 1)
    b = list(a) if edit else short_sentences(n, 2)
    if edit:
        b[n // 2] = "One new sentence in the middle."
    return align_sentences(a, b, CompareOptions())


def diff(n: int) -> object:
    from reader.core.compare import compare
    from reader.core.read.documents import document_from_text

    a = document_from_text(" ".join(short_sentences(n, 1)), "a.txt")
    b = document_from_text(" ".join(short_sentences(n, 2)), "b.txt")
    return compare(a, b).diff


FEW_WORDS = "cat dog sat ran red".split()


def strict_json(text: str) -> Any:
    """``text`` parsed as RFC 8259 JSON: NaN and Infinity raise ValueError."""

    def refuse(name: str) -> object:
        raise ValueError(f"not strict JSON: {name}")

    return json.loads(text, parse_constant=refuse, parse_int=str)  # ids of any length: no int()


def run_cli(argv: list[str], stdin: IO[bytes] | None = None, check: Callable[[str], bool] | None = None) -> str:
    """``tandem ARGV`` in this process; its outcome: exit code, then "checked", or the message line."""
    from reader import cli

    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(stdin, encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(argv)
    finally:
        sys.stdin = saved
    message = err.getvalue()
    if code != 0:
        lines = "one line" if message.count("\n") == 1 else f"{message.count(chr(10))} lines"
        return f"exit {code} ({lines}): {message.strip().removeprefix('tandem: ')[:70]}"
    output = out.getvalue()
    if "-o" in argv:
        output = Path(argv[argv.index("-o") + 1]).read_text(encoding="utf-8")
    try:
        good = check(output) if check else bool(output)
    except ValueError as error:
        return f"exit 0, BAD OUTPUT ({error})"
    return "exit 0, output checked" if good else "exit 0, WRONG OUTPUT"


def compare_json(text_a: str, text_b: str, suffix: str, check: Callable[[dict[str, Any]], bool]) -> str:
    """``tandem compare A B --format json -o OUT`` on two files written to a temporary folder."""
    with tempfile.TemporaryDirectory() as folder:
        a, b, out = (str(Path(folder, name)) for name in (f"a{suffix}", f"b{suffix}", "out.json"))
        Path(a).write_text(text_a, encoding="utf-8")
        Path(b).write_text(text_b, encoding="utf-8")
        return run_cli(["compare", a, b, "--format", "json", "-o", out], check=lambda t: check(strict_json(t)))


def one_word_lines(n: int, digits: bool) -> str:
    """``n`` lines of one word each: numbers (some with decimals), or letters only."""
    rng = random.Random(n)
    if digits:
        words = [str(rng.randrange(10**6)) if k % 3 else f"{rng.randrange(1000)}.{k % 10}" for k in range(n)]
    else:
        words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6)) for _ in range(n)]
    return "\n".join(words) + "\n"


def few_lines_changed(text: str, changes: int = 5) -> str:
    lines = text.splitlines()
    for k in range(changes):
        place = (k + 1) * len(lines) // (changes + 1)
        lines[place] = "4242" if lines[place][:1].isdigit() else "changed"
    return "\n".join(lines) + "\n"


def compare_lines(n: int, digits: bool) -> str:
    text = one_word_lines(n, digits)
    return compare_json(text, few_lines_changed(text), ".txt", lambda report: bool(report["units"]))


def number_pair(number_a: str, number_b: str) -> str:
    """A sentence holding ``number_a`` against the same sentence holding ``number_b``."""
    a = f"The fund holds {number_a} euros, the report says.\n\nNothing else changed here.\n"
    b = a.replace(number_a, number_b)

    def changed_number(report: dict[str, Any]) -> bool:
        return any(fact["kind"] == "number" and fact["status"] == "changed" for fact in report["facts"])

    return compare_json(a, b, ".txt", changed_number)


def html_numbered_paragraphs(n: int) -> str:
    page = "".join(f"<p>Item {k} costs {k * 3 % 997} euros.</p>" for k in range(n))
    other = page.replace(f"Item {n // 2} costs", f"Item {n // 2} now costs", 1)
    html = "<html><head><title>Prices</title></head><body><article>{}</article></body></html>"
    return compare_json(html.format(page), html.format(other), ".html", lambda report: bool(report["units"]))


def align_stdin(lines: list[str], check: Callable[[str], bool] | None = None, prefix: bytes = b"") -> str:
    data = prefix + "".join(line + "\n" for line in lines).encode("utf-8")
    return run_cli(["align", "-"], io.BytesIO(data), check)


def align_few_words(n: int) -> str:
    """One align record of n against n sentences drawn from five words."""
    rng = random.Random(n)

    def draw() -> list[str]:
        return [" ".join(rng.choice(FEW_WORDS) for _ in range(rng.randint(2, 5))).capitalize() + "." for _ in range(n)]

    record = json.dumps({"id": "few", "a": draw(), "b": draw()})
    return align_stdin([record], lambda out: bool(strict_json(out)["units"]))


class Blanks(io.RawIOBase):
    """An endless standard input of blank lines 1 MB long: only the size limit stops it."""

    LINE = 2**20
    PATTERN = (b" " * (LINE - 1) + b"\n") * 2

    def __init__(self) -> None:
        self.position = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = min(len(buffer), self.LINE)
        offset = self.position % self.LINE
        buffer[:size] = self.PATTERN[offset : offset + size]
        self.position += size
        return size


def align_endless_stdin(_n: int) -> str:
    return run_cli(["align", "-"], io.BufferedReader(Blanks(), buffer_size=2**20))


def entity_page(fmt: str) -> str:
    reference = "&#" + "9" * 5000 + ";"
    if fmt == ".html":
        body = "".join(f"<p>Paragraph {k} says {reference} here.</p>" for k in range(3))
        a = f"<html><body><article>{body}</article></body></html>"
    else:
        a = "\n\n".join(f"Paragraph {k} says {reference} here." for k in range(3)) + "\n"
    b = a.replace("Paragraph 1 says", "Paragraph 1 now says")
    return compare_json(a, b, fmt, lambda report: "\ufffd" in json.dumps(report, ensure_ascii=False))


def align_input_case(lines: list[str], prefix: bytes, _n: int) -> str:
    return align_stdin(lines, lambda out: all(isinstance(strict_json(line), dict) for line in out.splitlines()), prefix)


GOOD = {"a": ["One sentence."], "b": ["One sentence."]}
ALIGN_INPUTS: dict[str, tuple[list[str], bytes]] = {
    "align cli: NaN id": (['{"id": NaN, "a": [], "b": []}'], b""),
    "align cli: Infinity id": (['{"id": Infinity, "a": [], "b": []}'], b""),
    "align cli: -Infinity id": (['{"id": -Infinity, "a": [], "b": []}'], b""),
    "align cli: 1e400 id": (['{"id": 1e400, "a": [], "b": []}'], b""),
    "align cli: lone surrogate in the id": (['{"id": "\\ud800", "a": [], "b": []}'], b""),
    "align cli: a 5,000-digit id": (['{"id": ' + "9" * 5000 + ', "a": ["One."], "b": ["One."]}'], b""),
    "align cli: a record that is an array": (["[1, 2]"], b""),
    "align cli: a record that is null": (["null"], b""),
    "align cli: UTF-8 BOM first": ([json.dumps({"id": 1, **GOOD})], b"\xef\xbb\xbf"),
}
# One input each, whatever the sizes: n is the size shown in the table.
FIXED: dict[str, tuple[int, Callable[[int], object]]] = {
    "compare cli: a 309-digit number": (309, lambda n: number_pair("9" * n, "8" + "9" * (n - 1))),
    "compare cli: 303 digits + million": (303, lambda n: number_pair("7" * n + " million", "6" * n + " million")),
    "align cli: endless stdin (50 MB limit)": (50 * 2**20, align_endless_stdin),
    "compare cli: html &#(5,000 digits);": (5000, lambda _n: entity_page(".html")),
    "compare cli: md &#(5,000 digits);": (5000, lambda _n: entity_page(".md")),
    **{
        name: (len("".join(lines)), partial(align_input_case, lines, prefix))
        for name, (lines, prefix) in ALIGN_INPUTS.items()
    },
}
# Cases measured at sizes of their own (unless --sizes is given): the shape the issue names.
OWN_SIZES = {
    "align cli: 1 record, n vs n sentences, 5 words": [8_000, 16_000, 32_000, 64_000],
    "compare cli: html, n paragraphs with a number": [12_500, 25_000, 50_000, 100_000],
}


CASES: dict[str, Callable[[int], object]] = {
    "txt: letterless run (n x '-')": read_text("txt", lambda n: "Title\n\n" + "-" * n + " end."),
    "txt: tiny paragraphs (n x 'x.')": read_text("txt", lambda n: "x.\n\n" * n),
    "md: unclosed '[' (n)": read_text("md", lambda n: "[" * n + "\n\nend"),
    "md: links in one paragraph (n)": read_text("md", lambda n: "[a](b) " * n),
    "md: list markers on a line (n)": read_text("md", lambda n: "- " * n + "x"),
    "md: short paragraphs (n sentences)": read_text("md", lambda n: "\n\n".join(paragraphs(n))),
    "html: nested <div> (n)": read_text("html", lambda n: "<html><body>" + "<div>" * n + "text" + "</div>" * n),
    "html: paragraphs (n sentences)": read_text("html", lambda n: "".join(f"<p>{p}</p>" for p in paragraphs(n))),
    "docx: paragraphs (n sentences)": read_bytes(".docx", docx),
    "odt: paragraphs (n sentences)": read_bytes(".odt", odt),
    "pdf: n/50 pages, one shared stream": read_bytes(".pdf", pdf_shared_stream),
    "split: n short sentences": split,
    "align: n vs n short sentences": align,
    "align: n short sentences, one edit": lambda n: align(n, edit=True),
    "diff: n vs n short sentences": diff,
    "compare cli: n one-word lines, digits": lambda n: compare_lines(n, digits=True),
    "compare cli: n one-word lines, no digits": lambda n: compare_lines(n, digits=False),
    "align cli: 1 record, n vs n sentences, 5 words": align_few_words,
    "compare cli: html, n paragraphs with a number": html_numbered_paragraphs,
}


def measure(case: str, n: int) -> dict[str, object]:
    """Run one case in this process: time, peak memory, and how it ended."""
    import resource

    from reader.core.read.documents import DocumentError

    # Imports and caches, not the shape, would dominate the smallest size; the measured run
    # below reports how a case ends.
    run = FIXED[case][1] if case in FIXED else CASES[case]
    if case not in FIXED:
        with contextlib.suppress(Exception):
            run(50)
    started = time.perf_counter()
    try:
        result = run(n)
        outcome = result if isinstance(result, str) else "ok"
    except DocumentError as error:
        outcome = "refused: " + str(error).split(": ", 1)[-1][:60]
    except Exception as error:  # noqa: BLE001 - a crash is a finding, reported in the table
        outcome = f"CRASH {type(error).__name__}"
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports kB
    return {"seconds": seconds, "peak": peak, "outcome": outcome}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", help="sizes for every scaled case (default 10,000 to 80,000)")
    parser.add_argument("--only", help="run the cases whose name contains this")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per run before giving up")
    parser.add_argument("--one", nargs=2, metavar=("CASE", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    default_sizes = [10_000, 20_000, 40_000, 80_000]
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]))))
        return 0
    print(f"{'case':48} {'n':>8} {'time':>8} {'ratio':>6} {'peak MB':>8}  outcome")
    worst_time = (0.0, "")
    worst_peak = (0, "")
    runs = [(case, OWN_SIZES.get(case, default_sizes) if args.sizes is None else args.sizes) for case in CASES]
    runs += [(case, [size]) for case, (size, _) in FIXED.items()]
    for case, sizes in runs:
        if args.only and args.only not in case:
            continue
        previous = None
        for n in sizes:
            try:
                # A fresh process per run: one run's memory cannot flatter or burden the next.
                done = subprocess.run(
                    [sys.executable, __file__, "--one", case, str(n)],
                    capture_output=True,
                    text=True,
                    timeout=args.timeout,
                    check=True,
                )
                result = json.loads(done.stdout.strip().splitlines()[-1])
            except subprocess.TimeoutExpired:
                print(f"{case:48} {n:>8} {'>' + format(args.timeout, 'g') + ' s':>8}")
                break
            seconds, peak = float(result["seconds"]), int(result["peak"])
            ratio = f"{seconds / previous:6.2f}" if previous and previous > 0.02 else "     -"
            print(f"{case:48} {n:>8} {seconds:7.2f}s {ratio} {peak / 1e6:8.1f}  {result['outcome']}", flush=True)
            previous = seconds
            worst_time = max(worst_time, (seconds, f"{case}, n={n}"))
            worst_peak = max(worst_peak, (peak, f"{case}, n={n}"))
    print(
        f"worst time {worst_time[0]:.2f} s ({worst_time[1]}); worst peak {worst_peak[0] / 1e6:.0f} MB ({worst_peak[1]})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
