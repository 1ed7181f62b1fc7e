"""A terminal rendering of a Comparison: the word diff, then the unique and moved sentences.

Coloured with ANSI escapes on a terminal; plain ``[-deleted-]{+inserted+}`` otherwise.
"""

from __future__ import annotations

from reader.core.model import Comparison, Op
from reader.core.printable import one_line, printable_text

_RESET = "\x1b[0m"
_DEL = "\x1b[31;9m"  # red, struck through
_INS = "\x1b[32;4m"  # green, underlined
_HEAD = "\x1b[1m"
_DIM = "\x1b[2m"


def _percent(value: float) -> str:
    return f"{100 * value:.0f}%"


def comparison_to_text(comparison: Comparison, color: bool = False) -> str:
    """The whole report as one string."""
    a, b, stats = comparison.a, comparison.b, comparison.stats

    def style(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    lines = [
        style(_HEAD, f"--- A: {one_line(a.name)} ({stats.words_a} words, {stats.sentences_a} sentences)"),
        style(_HEAD, f"+++ B: {one_line(b.name)} ({stats.words_b} words, {stats.sentences_b} sentences)"),
        "",
    ]
    body = []
    for seg in comparison.diff:
        if seg.op is Op.EQUAL:
            body.append(printable_text(a.text[seg.a_start : seg.a_end]))
        elif seg.op is Op.DELETE:
            text = printable_text(a.text[seg.a_start : seg.a_end])
            body.append(style(_DEL, text) if color else f"[-{text}-]")
        else:
            text = printable_text(b.text[seg.b_start : seg.b_end])
            body.append(style(_INS, text) if color else f"{{+{text}+}}")
    lines.append("".join(body))
    lines.append("")
    for label, indices, doc, sentences in (
        ("Only in A", comparison.only_a, a, comparison.sentences_a),
        ("Only in B", comparison.only_b, b, comparison.sentences_b),
    ):
        lines.append(style(_HEAD, f"{label} ({len(indices)}):"))
        for i in indices:
            s = sentences[i]
            marker = "-" if label.endswith("A") else "+"
            text = printable_text(doc.text[s.start : s.end]).replace("\n", " ")
            lines.append(f"  {marker} [{i + 1}] " + (style(_DEL if marker == "-" else _INS, text) if color else text))
        lines.append("")
    moved = [unit for unit in comparison.units if unit.moved]
    lines.append(style(_HEAD, f"Moved ({len(moved)}):"))
    for unit in moved:
        s = comparison.sentences_a[unit.a[0]]
        text = printable_text(a.text[s.start : s.end]).replace("\n", " ")
        where = ", ".join(str(j + 1) for j in unit.b)
        lines.append(f"  ~ A[{unit.a[0] + 1}] -> B[{where}] " + (style(_DIM, text) if color else text))
    lines.append("")
    lines.append(
        f"Similarity {_percent(stats.similarity)}: A shared {_percent(stats.shared_a)}, "
        f"changed {_percent(stats.changed_a)}, unique {_percent(stats.unique_a)}; "
        f"B shared {_percent(stats.shared_b)}, changed {_percent(stats.changed_b)}, "
        f"unique {_percent(stats.unique_b)}. Words deleted {stats.words_deleted}, "
        f"inserted {stats.words_inserted}; sentences moved {stats.sentences_moved}."
    )
    return "\n".join(lines) + "\n"
