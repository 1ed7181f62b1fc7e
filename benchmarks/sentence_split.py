"""Sentence splitter: speed on a 1.2 MB book, exactness on German DEplain sentences and on
hand-checked English article segmentations.

Run from the project root: ``python benchmarks/sentence_split.py``. It needs the shared
benchmark data in ``../shared/benchmarks`` and skips with a message when that is absent.

Speed: ``large_a.txt`` with every blank-line-separated paragraph as one block, best of
several runs of ``split_sentences``. Exactness: for each DEplain document the gold
sentences of ``a`` (and of ``b``) are joined with single spaces and split again; a gold
sentence counts as recovered when exactly its span comes back. English articles: the gold
segmentations in ``alignment/english/seg`` (one JSON list of sentences per text); a gold
sentence counts when Tandem produces exactly that sentence (whitespace-normalised), once by
reading the ``.txt`` file as the app does and once splitting each line on its own.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from reader.core.model import Block, BlockKind  # noqa: E402
from reader.core.read.documents import load_document  # noqa: E402
from reader.core.text.sentences import detect_language, split_sentences, split_text  # noqa: E402

SHARED = PROJECT_ROOT / ".." / "shared" / "benchmarks"
LARGE_TEXT = SHARED / "revisions" / "large_a.txt"
DEPLAIN = SHARED / "alignment" / "deplain_web_manual_test.jsonl"
ENGLISH = SHARED / "alignment" / "english"
PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=\n[ \t]*\n|\s*\Z)", re.DOTALL)
RUNS = 7


def paragraph_blocks(text: str) -> list[Block]:
    """One PARAGRAPH block per blank-line-separated run of lines."""
    return [Block(BlockKind.PARAGRAPH, m.start(), m.end()) for m in PARAGRAPH.finditer(text)]


def measure_speed() -> list[tuple[str, str]]:
    text = LARGE_TEXT.read_text(encoding="utf-8")
    blocks = paragraph_blocks(text)
    timings = []
    sentences = ()
    for _ in range(RUNS):
        began = time.perf_counter()
        sentences = split_sentences(text, blocks, language="en")
        timings.append(time.perf_counter() - began)
    began = time.perf_counter()
    language = detect_language(text)
    detect_seconds = time.perf_counter() - began
    return [
        ("large_a.txt size", f"{len(text.encode('utf-8')) / 1e6:.2f} MB, {len(blocks)} blocks"),
        ("sentences found", f"{len(sentences)}"),
        ("split_sentences best", f"{min(timings) * 1000:.1f} ms"),
        ("split_sentences median", f"{statistics.median(timings) * 1000:.1f} ms"),
        ("detect_language", f"{language!r} in {detect_seconds * 1000:.2f} ms"),
    ]


TERMINAL_END = re.compile(r"[.!?…][\"'“”‘’«»‹›)]*$")
QUOTE_MARKS = "\"'“”„‘’‚«»‹› \t"


def without_quote_marks(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span shrunk past quote marks at either end.

    DEplain puts a closing quote that is set off by a space (``... Menschen! “ Denn``) at
    the start of the next sentence; the splitter keeps it with the sentence it closes.
    """
    start, end = span
    while start < end and text[start] in QUOTE_MARKS:
        start += 1
    while end > start and text[end - 1] in QUOTE_MARKS:
        end -= 1
    return start, end


def ends_with_terminal(sentence: str) -> bool:
    return TERMINAL_END.search(sentence) is not None


def recovered_share(
    documents: list[list[str]],
    language: str | None,
    ignore_quote_marks: bool = False,
    punctuated_only: bool = False,
) -> tuple[int, int]:
    """How many gold sentences come back as exactly the same span, out of how many.

    ``punctuated_only`` keeps only gold sentences that end in terminal punctuation and
    follow one that does: DEplain also cuts at ";" and ":" and joins unpunctuated
    headings to running text, which no punctuation-based splitter can reproduce.
    """
    recovered = total = 0
    for sentences in documents:
        joined = " ".join(sentences)
        gold = []
        kept = []
        position = 0
        for index, sentence in enumerate(sentences):
            gold.append((position, position + len(sentence)))
            position += len(sentence) + 1
            after_terminal = index == 0 or ends_with_terminal(sentences[index - 1])
            kept.append(not punctuated_only or after_terminal and ends_with_terminal(sentence))
        predicted = split_text(joined, language)
        if ignore_quote_marks:
            gold = [without_quote_marks(joined, span) for span in gold]
            predicted = [without_quote_marks(joined, span) for span in predicted]
        found = set(predicted)
        total += sum(kept)
        recovered += sum(1 for span, keep in zip(gold, kept, strict=False) if keep and span in found)
    return recovered, total


def measure_deplain() -> list[tuple[str, str]]:
    side_a: list[list[str]] = []
    side_b: list[list[str]] = []
    with DEPLAIN.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            side_a.append(record["a"])
            side_b.append(record["b"])
    rows = []
    for label, documents in (("a (original)", side_a), ("b (plain)", side_b)):
        variants = (
            ("de", False, False, ""),
            (None, False, False, ""),
            ("de", True, False, ", quote marks ignored"),
            ("de", True, True, ", quotes ignored, punctuated gold only"),
        )
        for language, lenient, punctuated, note in variants:
            recovered, total = recovered_share(documents, language, lenient, punctuated)
            name = f"DEplain {label} exact, language={language or 'auto'}{note}"
            rows.append((name, f"{recovered / total:.3f} ({recovered}/{total})"))
    detected = [detect_language(" ".join(doc)) for doc in side_a + side_b]
    rows.append(("DEplain documents detected as 'de'", f"{detected.count('de')}/{len(detected)}"))
    return rows


def _normalised(sentences: list[str]) -> Counter[str]:
    return Counter(" ".join(sentence.split()) for sentence in sentences)


def measure_english_articles() -> list[tuple[str, str]]:
    """Gold sentences reproduced exactly: via the plain-text reader, and line by line."""
    rows = []
    read_total = lines_total = gold_total = 0
    for gold_path in sorted((ENGLISH / "seg").glob("*.json")):
        gold = _normalised(json.loads(gold_path.read_text(encoding="utf-8")))
        text_path = ENGLISH / "pairs" / f"{gold_path.stem}.txt"
        document = load_document(text_path)
        read = [document.text[s.start : s.end] for s in split_sentences(document.text, document.blocks, "en")]
        raw = text_path.read_text(encoding="utf-8")
        by_line = [line[a:b] for line in raw.splitlines() for a, b in split_text(line, "en")]
        read_hits = sum((gold & _normalised(read)).values())
        line_hits = sum((gold & _normalised(by_line)).values())
        total = sum(gold.values())
        read_total += read_hits
        lines_total += line_hits
        gold_total += total
        rows.append((f"english {gold_path.stem} (file / by line)", f"{read_hits}/{total} / {line_hits}/{total}"))
    rows.append(("english articles exact, read as .txt", f"{read_total / gold_total:.3f} ({read_total}/{gold_total})"))
    rows.append(
        ("english articles exact, line by line", f"{lines_total / gold_total:.3f} ({lines_total}/{gold_total})")
    )
    return rows


def print_table(rows: list[tuple[str, str]]) -> None:
    width = max(len(name) for name, _ in rows)
    print(f"| {'measurement'.ljust(width)} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")


def main() -> int:
    if not SHARED.is_dir():
        print("skipped: ../shared/benchmarks is absent (run from the project root)")
        return 0
    rows: list[tuple[str, str]] = []
    if LARGE_TEXT.is_file():
        rows += measure_speed()
    else:
        print(f"skipped speed: {LARGE_TEXT.name} is absent")
    if DEPLAIN.is_file():
        rows += measure_deplain()
    else:
        print(f"skipped DEplain: {DEPLAIN.name} is absent")
    if (ENGLISH / "seg").is_dir():
        rows += measure_english_articles()
    else:
        print("skipped English articles: alignment/english/seg is absent")
    if rows:
        print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
