"""Adversarial shapes of growing size through every reader and stage: does the work grow linearly?

Run by hand from the project root:  uv run python benchmarks/hostile.py [--sizes 10000 20000 40000 80000]

Each case builds one input of size n (n units of the shape: characters, brackets, tags,
paragraphs or sentences), reads it with the reader its format needs, or runs one stage
(sentence split, alignment, the whole-document diff) on it, in a fresh process, and prints
the wall time (after a warm-up run at a tiny size, so imports are not counted), the peak
resident memory of that process (interpreter and libraries included) and the ratio of each
time to the one at the size before. With the sizes doubling, a ratio near 2 is linear, near 4
quadratic. "refused" means the reader turned the input down in one line, as it should.
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
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

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
}


def measure(case: str, n: int) -> dict[str, object]:
    """Run one case in this process: time, peak memory, and how it ended."""
    import resource

    from reader.core.read.documents import DocumentError

    # Imports and caches, not the shape, would dominate the smallest size; the measured run
    # below reports how a case ends.
    with contextlib.suppress(Exception):
        CASES[case](50)
    started = time.perf_counter()
    try:
        CASES[case](n)
        outcome = "ok"
    except DocumentError as error:
        outcome = "refused: " + str(error).split(": ", 1)[-1][:60]
    except Exception as error:  # noqa: BLE001 - a crash is a finding, reported in the table
        outcome = f"CRASH {type(error).__name__}"
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports kB
    return {"seconds": seconds, "peak": peak, "outcome": outcome}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 40_000, 80_000])
    parser.add_argument("--only", help="run the cases whose name contains this")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per run before giving up")
    parser.add_argument("--one", nargs=2, metavar=("CASE", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]))))
        return 0
    print(f"{'case':40} {'n':>7} {'time':>8} {'ratio':>6} {'peak RSS':>8}  outcome")
    worst_time = (0.0, "")
    worst_peak = (0, "")
    for case in CASES:
        if args.only and args.only not in case:
            continue
        previous = None
        for n in args.sizes:
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
                print(f"{case:40} {n:>7} {'>' + format(args.timeout, 'g') + ' s':>8}")
                break
            seconds, peak = float(result["seconds"]), int(result["peak"])
            ratio = f"{seconds / previous:6.2f}" if previous and previous > 0.02 else "     -"
            print(f"{case:40} {n:>7} {seconds:7.2f}s {ratio} {peak / 1e6:8.1f}  {result['outcome']}", flush=True)
            previous = seconds
            worst_time = max(worst_time, (seconds, f"{case}, n={n}"))
            worst_peak = max(worst_peak, (peak, f"{case}, n={n}"))
    print(
        f"worst time {worst_time[0]:.2f} s ({worst_time[1]}); worst peak {worst_peak[0] / 1e6:.0f} MB ({worst_peak[1]})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
