"""The aligned terminal view: each unit's A and B sentences with word marks, then the unique ones.

A plain diff of two rewrites is one long change; this prints what the comparison found:
unit by unit in reading order, moved units marked, then "Only in A" and "Only in B".
Coloured with ANSI escapes on a terminal; plain ``[-deleted-]{+inserted+}`` otherwise.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.core.model import Comparison, Op, Unit, UnitKind
from reader.core.printable import one_line, printable_text
from reader.export.facts_report import facts_lines
from reader.export.text_export import _DEL, _DIM, _HEAD, _INS, _RESET, _percent

KIND_LABELS = {
    UnitKind.IDENTICAL: "same",
    UnitKind.EDITED: "edited",
    UnitKind.REWRITTEN: "rewritten",
    UnitKind.MOVED: "moved",
}


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _Escaped:
    """A document's text whose slices come out printable (terminal controls escaped)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __getitem__(self, where: slice) -> str:
        return printable_text(self.text[where])


# How a changed run is written: (colour code, opening mark, text, closing mark) -> text.
_Style = Callable[[str, str, str, str], str]


def _unit_lines(comparison: Comparison, unit: Unit, style: _Style) -> tuple[str, str]:
    """The A side (equal and deleted words) and the B side (equal and inserted) of a unit."""
    # The documents' own control characters are escaped (issue 15) before our marks go in.
    a_text, b_text = _Escaped(comparison.a.text), _Escaped(comparison.b.text)
    if unit.edit_kind is UnitKind.IDENTICAL or not unit.diff:
        first_a, last_a = comparison.sentences_a[unit.a[0]], comparison.sentences_a[unit.a[-1]]
        first_b, last_b = comparison.sentences_b[unit.b[0]], comparison.sentences_b[unit.b[-1]]
        return a_text[first_a.start : last_a.end], b_text[first_b.start : last_b.end]
    side_a: list[str] = []
    side_b: list[str] = []
    for seg in unit.diff:
        if seg.op is Op.EQUAL:
            side_a.append(a_text[seg.a_start : seg.a_end])
            side_b.append(b_text[seg.b_start : seg.b_end])
        elif seg.op is Op.DELETE:
            side_a.append(style(_DEL, "[-", a_text[seg.a_start : seg.a_end], "-]"))
        else:
            side_b.append(style(_INS, "{+", b_text[seg.b_start : seg.b_end], "+}"))
    return "".join(side_a), "".join(side_b)


def comparison_to_aligned_text(comparison: Comparison, color: bool = False) -> str:
    """Every unit in the order of A, its sentences side by side as two lines, then the unique ones."""
    a, b, stats = comparison.a, comparison.b, comparison.stats

    def style(code: str, opening: str, text: str, closing: str) -> str:
        return f"{code}{text}{_RESET}" if color else f"{opening}{text}{closing}"

    def head(text: str) -> str:
        return f"{_HEAD}{text}{_RESET}" if color else text

    lines = [
        head(f"A: {one_line(a.name)} ({stats.words_a} words, {stats.sentences_a} sentences)"),
        head(f"B: {one_line(b.name)} ({stats.words_b} words, {stats.sentences_b} sentences)"),
        "",
    ]
    for unit in sorted(comparison.units, key=lambda u: (u.a[0], u.b[0])):
        label = KIND_LABELS[unit.kind]
        where_a = ",".join(str(i + 1) for i in unit.a)
        where_b = ",".join(str(j + 1) for j in unit.b)
        tag = f"~ moved ({KIND_LABELS[unit.edit_kind]})" if unit.moved else label
        lines.append(
            f"{_DIM}{tag}  A[{where_a}] B[{where_b}]{_RESET}" if color else f"{tag}  A[{where_a}] B[{where_b}]"
        )
        side_a, side_b = _unit_lines(comparison, unit, style)
        lines.append("  A  " + _one_line(side_a))
        if unit.edit_kind is not UnitKind.IDENTICAL:
            lines.append("  B  " + _one_line(side_b))
        lines.append("")
    for label, indices, doc, sentences, code, marks in (
        ("Only in A", comparison.only_a, a, comparison.sentences_a, _DEL, ("[-", "-]")),
        ("Only in B", comparison.only_b, b, comparison.sentences_b, _INS, ("{+", "+}")),
    ):
        lines.append(head(f"{label} ({len(indices)}):"))
        for i in indices:
            s = sentences[i]
            lines.append(
                f"  [{i + 1}] " + style(code, marks[0], _one_line(printable_text(doc.text[s.start : s.end])), marks[1])
            )
        lines.append("")
    lines += facts_lines(comparison)
    lines.append("")
    lines.append(
        f"Similarity {_percent(stats.similarity)}. Words deleted {stats.words_deleted}, "
        f"inserted {stats.words_inserted}; sentences moved {stats.sentences_moved}; "
        f"only in A {stats.sentences_only_a}, only in B {stats.sentences_only_b}."
    )
    return "\n".join(lines) + "\n"
