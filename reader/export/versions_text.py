"""The terminal view of a versions comparison: the base sentence by sentence, one line per version.

Under each base sentence every version says what it did with it (kept, reworded with word
marks, moved, split, merged, dropped), a letter first so the grid reads without colour; then
each version's additions, the facts the versions state differently, and the overlap table.
Plain ``[-deleted-]{+inserted+}`` marks, or ANSI colours on a terminal.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.core.model import Op, Unit, UnitKind
from reader.core.printable import one_line, printable_text
from reader.core.versions import STATUS_LETTERS, SentenceState, SentenceStatus, VersionResult, VersionsResult
from reader.core.versions.inputs import Skipped
from reader.export.text_export import _DEL, _DIM, _HEAD, _INS, _RESET
from reader.export.versions_json import label, version_notes

# (colour code, opening mark, text, closing mark) -> the marked text.
_Style = Callable[[str, str, str, str], str]


def _flat(text: str) -> str:
    return " ".join(printable_text(text).split())


def unit_words(version: VersionResult, unit: Unit, style: _Style) -> str:
    """The version's side of a unit with the base's words it dropped and the ones it put in."""
    comparison = version.comparison
    base_text, text = comparison.a.text, comparison.b.text
    if unit.edit_kind is UnitKind.IDENTICAL or not unit.diff:
        first, last = comparison.sentences_b[unit.b[0]], comparison.sentences_b[unit.b[-1]]
        return _flat(text[first.start : last.end])
    pieces = []
    for seg in unit.diff:
        if seg.op is Op.EQUAL:
            pieces.append(printable_text(text[seg.b_start : seg.b_end]))
        elif seg.op is Op.DELETE:
            pieces.append(style(_DEL, "[-", printable_text(base_text[seg.a_start : seg.a_end]), "-]"))
        else:
            pieces.append(style(_INS, "{+", printable_text(text[seg.b_start : seg.b_end]), "+}"))
    return " ".join("".join(pieces).split())


def _where(sentences: tuple[int, ...]) -> str:
    return ", ".join(str(j + 1) for j in sentences)


def state_line(version: VersionResult, state: SentenceState, base_index: int, style: _Style) -> str:
    """What one version did with base sentence ``base_index`` (from 0), as one line."""
    letter = STATUS_LETTERS[state.status]
    name = label(version.index)
    if state.status is SentenceStatus.DROPPED or state.unit is None:
        return f"  {name}  {letter} dropped"
    unit = version.comparison.units[state.unit]
    status = state.status.value + (
        " and reworded" if state.edited and state.status is not SentenceStatus.REWORDED else ""
    )
    where = f"[{_where(state.sentences)}]"
    if state.status is SentenceStatus.KEPT:
        return f"  {name}  {letter} kept {where}"
    if unit.a[0] != base_index:  # a merged unit is written out under its first base sentence
        return f"  {name}  {letter} {status} {where}, with base [{_where(unit.a)}]"
    similarity = f" {100 * state.similarity:.0f}%" if state.edited else ""
    return f"  {name}  {letter} {status}{similarity} {where}  {unit_words(version, unit, style)}"


def _counts(result: VersionsResult, position: int) -> str:
    counts = {status: 0 for status in SentenceStatus}
    for row in result.states:
        counts[row[position].status] += 1
    parts = [f"{status.value} {count}" for status, count in counts.items() if count]
    return ", ".join(parts) + f"; adds {len(result.additions[position])}"


def _percent(value: float) -> str:
    return f"{100 * value:.0f}%"


def versions_to_text(result: VersionsResult, skipped: tuple[Skipped, ...] = (), color: bool = False) -> str:
    """The whole report as one string."""

    def style(code: str, opening: str, text: str, closing: str) -> str:
        return f"{code}{text}{_RESET}" if color else f"{opening}{text}{closing}"

    def head(text: str) -> str:
        return f"{_HEAD}{text}{_RESET}" if color else text

    base = result.base
    lines = [head(f"Base: {one_line(base.name)} ({len(result.base_sentences)} sentences)")]
    for position, version in enumerate(result.versions):
        sentences = len(version.comparison.sentences_b)
        lines.append(
            head(f"{label(version.index)}: {one_line(version.document.name)} ({sentences} sentences)")
            + f"  {_counts(result, position)}"
        )
    lines += [f"Note: {note}." for note in version_notes(result)]
    lines += [f"Skipped: {one_line(s.reason)}" for s in skipped]
    lines.append("Letters: K kept, R reworded, M moved, S split, J merged (joined), D dropped.")
    lines.append("")
    for k, sentence in enumerate(result.base_sentences):
        lines.append(head(f"[{k + 1}] ") + _flat(base.text[sentence.start : sentence.end]))
        for position, version in enumerate(result.versions):
            line = state_line(version, result.states[k][position], k, style)
            lines.append(
                f"{_DIM}{line}{_RESET}" if color and result.states[k][position].status is SentenceStatus.KEPT else line
            )
        lines.append("")
    lines += _additions(result, style, head)
    lines += _facts(result, head)
    lines += _overlap(result, head)
    return "\n".join(lines) + "\n"


def _additions(result: VersionsResult, style: _Style, head: Callable[[str], str]) -> list[str]:
    lines = []
    total = len(result.versions)
    for position, version in enumerate(result.versions):
        added = result.additions[position]
        lines.append(head(f"Added by {label(version.index)} ({len(added)}):"))
        for addition in added:
            span = version.comparison.sentences_b[addition.sentence]
            text = style(_INS, "{+", _flat(version.document.text[span.start : span.end]), "+}")
            also = ""
            if addition.also_in:
                where = ", ".join(f"{label(s.version)} [{s.sentence + 1}]" for s in addition.also_in)
                also = f"  (added by {addition.added_by} of {total} versions: also {where})"
            lines.append(f"  [{addition.sentence + 1}] {text}{also}")
        lines.append("")
    return lines


def _facts(result: VersionsResult, head: Callable[[str], str]) -> list[str]:
    lines = [head(f"Facts the versions state differently ({len(result.facts)}):")]
    for row in result.facts:
        cells = []
        for position, cell in enumerate(row.cells):
            name = label(result.versions[position].index)
            if cell is None:
                cells.append(f"{name} as the base" if row.base_text is not None else f"{name} -")
            elif cell.text is None:
                cells.append(f"{name} {cell.status.value}")
            else:
                cells.append(f'{name} "{_flat(cell.text)}"')
        base = f'"{_flat(row.base_text)}"' if row.base_text is not None else "(not in the base)"
        lines.append(f"  [{row.base_sentence + 1}] {row.kind.value}: base {base} | " + " | ".join(cells))
    lines.append("")
    return lines


def _overlap(result: VersionsResult, head: Callable[[str], str]) -> list[str]:
    names = [label(v.index) for v in result.versions]
    lines = [
        head("Overlap: share of the row's three-word phrases found in the column (sentences equal in brackets)"),
        "      " + "".join(f"{name:>12}" for name in ["base", *names]),
    ]
    for position, name in enumerate(names):
        row = [result.from_base[position], *result.overlap[position]]
        cells = [
            "—" if column == position + 1 else f"{_percent(cell.phrases)} ({_percent(cell.sentences)})"
            for column, cell in enumerate(row)
        ]
        lines.append(f"  {name:<4}" + "".join(f"{cell:>12}" for cell in cells))
    base_row = ["—"] + [f"{_percent(c.phrases)} ({_percent(c.sentences)})" for c in result.in_base]
    lines.append("  base" + "".join(f"{cell:>12}" for cell in base_row))
    return lines
