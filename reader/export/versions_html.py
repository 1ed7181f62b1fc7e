"""A self-contained HTML report of a versions comparison: the base beside every version.

One row per base sentence, one column per version; each cell carries a status letter and a
colour from the window's palette (reader.export.palette, chosen to stay apart for colour-blind
readers), and the version's words with the base's dropped words struck through and its own
underlined. Then the additions, the differing facts and the overlap table. No scripts, no
external resources.
"""

from __future__ import annotations

from html import escape

from reader.core.model import Op, UnitKind
from reader.core.versions import STATUS_LETTERS, SentenceState, SentenceStatus, VersionResult, VersionsResult
from reader.core.versions.inputs import Skipped
from reader.export.palette import DARK, LIGHT, css_variables
from reader.export.versions_json import label, version_notes

# The palette role behind each status (kept has none: unchanged text is not marked).
_STATUS_COLOURS = {
    SentenceStatus.KEPT: "var(--bg)",
    SentenceStatus.REWORDED: "var(--only-b)",
    SentenceStatus.MOVED: "var(--moved)",
    SentenceStatus.SPLIT: "var(--fact)",
    SentenceStatus.MERGED: "var(--fact)",
    SentenceStatus.DROPPED: "var(--only-a)",
}
_CSS = (
    f":root {{ color-scheme: light dark; {css_variables(LIGHT)} --rule:#d8d4cc; }}\n"
    f"@media (prefers-color-scheme: dark) {{ :root {{ {css_variables(DARK)} --rule:#3a3d43; }} }}\n"
    + "".join(f"td.st-{status.value} {{ background: {colour}; }}\n" for status, colour in _STATUS_COLOURS.items())
    + """
body { margin: 0; padding: 1rem 2rem; background: var(--bg); color: var(--fg);
  font: 15px/1.5 Georgia, "DejaVu Serif", serif; }
h1, h2 { font: 600 1.1rem/1.3 system-ui, sans-serif; }
.meta, th, .legend { font: .85rem/1.4 system-ui, sans-serif; color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
td, th { vertical-align: top; padding: .3rem .5rem; border-top: 1px solid var(--rule); text-align: left; }
td.st-dropped { border-bottom: 2px dotted var(--del-line); }
td.st-moved { border-bottom: 2px dashed var(--moved-line); }
b.letter { font: 700 .8rem/1 system-ui, sans-serif; margin-right: .4rem; }
del { background: var(--del-bg); text-decoration: line-through; text-decoration-color: var(--del-line); }
ins { background: var(--ins-bg); text-decoration: underline; text-decoration-color: var(--ins-line); }
.legend span { margin-right: 1rem; padding: 0 .3rem; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
"""
)


def _words(version: VersionResult, state: SentenceState, base_index: int) -> str:
    """The version's side of the unit, marked; a merged unit's words only under its first sentence."""
    if state.unit is None:
        return ""
    comparison = version.comparison
    unit = comparison.units[state.unit]
    if unit.a[0] != base_index:
        return f'<span class="meta">with base {", ".join(str(i + 1) for i in unit.a)}</span>'
    text, base_text = comparison.b.text, comparison.a.text
    if unit.edit_kind is UnitKind.IDENTICAL or not unit.diff:
        first, last = comparison.sentences_b[unit.b[0]], comparison.sentences_b[unit.b[-1]]
        return escape(text[first.start : last.end])
    out = []
    for seg in unit.diff:
        if seg.op is Op.EQUAL:
            out.append(escape(text[seg.b_start : seg.b_end]))
        elif seg.op is Op.DELETE:
            out.append(f"<del>{escape(base_text[seg.a_start : seg.a_end])}</del>")
        else:
            out.append(f"<ins>{escape(text[seg.b_start : seg.b_end])}</ins>")
    return "".join(out)


def _cell(version: VersionResult, state: SentenceState, base_index: int) -> str:
    letter = STATUS_LETTERS[state.status]
    title = state.status.value + (
        " and reworded" if state.edited and state.status is not SentenceStatus.REWORDED else ""
    )
    words = "" if state.status is SentenceStatus.KEPT else _words(version, state, base_index)
    return f'<td class="st-{state.status.value}" title="{escape(title)}"><b class="letter">{letter}</b>{words}</td>'


def _legend() -> str:
    items = "".join(
        f'<span style="background:{colour}"><b>{STATUS_LETTERS[status]}</b> {status.value}</span>'
        for status, colour in _STATUS_COLOURS.items()
    )
    return f'<p class="legend">{items}<del>base words left out</del> <ins>words put in</ins></p>'


def _percent(value: float) -> str:
    return f"{100 * value:.0f}%"


def versions_to_html(result: VersionsResult, skipped: tuple[Skipped, ...] = ()) -> str:
    """The whole report as one HTML document."""
    base = result.base
    names = [label(v.index) for v in result.versions]
    title = f"Tandem: {base.name} and {len(result.versions)} versions"
    heads = "".join(
        f"<th>{name}: {escape(v.document.name)}</th>" for name, v in zip(names, result.versions, strict=True)
    )
    rows = []
    for k, sentence in enumerate(result.base_sentences):
        cells = "".join(
            _cell(version, result.states[k][position], k) for position, version in enumerate(result.versions)
        )
        rows.append(
            f'<tr id="s{k + 1}"><td>{k + 1}. {escape(base.text[sentence.start : sentence.end])}</td>{cells}</tr>'
        )
    notes = "".join(f"<p class=meta>{escape(note)}.</p>" for note in version_notes(result))
    notes += "".join(f"<p class=meta>Skipped: {escape(s.reason)}</p>" for s in skipped)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="Tandem"><title>{escape(title)}</title><style>{_CSS}</style></head><body>'
        f"<h1>{escape(title)}</h1>{notes}{_legend()}"
        f"<table class=grid><tr><th>Base: {escape(base.name)}</th>{heads}</tr>{''.join(rows)}</table>"
        f"{_additions_html(result)}{_facts_html(result)}{_overlap_html(result)}"
        "</body></html>\n"
    )


def _additions_html(result: VersionsResult) -> str:
    out = ["<h2>What the versions add</h2>"]
    total = len(result.versions)
    for position, version in enumerate(result.versions):
        items = []
        for addition in result.additions[position]:
            span = version.comparison.sentences_b[addition.sentence]
            also = ""
            if addition.also_in:
                where = ", ".join(f"{label(s.version)} [{s.sentence + 1}]" for s in addition.also_in)
                also = f' <span class="meta">added by {addition.added_by} of {total} versions (also {where})</span>'
            items.append(f"<li><ins>{escape(version.document.text[span.start : span.end])}</ins>{also}</li>")
        body = f"<ol>{''.join(items)}</ol>" if items else "<p class=meta>None.</p>"
        out.append(f"<h3>{label(version.index)}: {escape(version.document.name)} ({len(items)})</h3>{body}")
    return "".join(out)


def _facts_html(result: VersionsResult) -> str:
    if not result.facts:
        return "<h2>Facts the versions state differently</h2><p class=meta>None.</p>"
    heads = "".join(f"<th>{label(v.index)}</th>" for v in result.versions)
    rows = []
    for row in result.facts:
        cells = []
        for cell in row.cells:
            if cell is None:
                cells.append('<td class="meta">as the base</td>' if row.base_text is not None else "<td></td>")
            else:
                words = escape(cell.text) if cell.text is not None else ""
                cells.append(
                    f'<td title="{escape(cell.note)}">{words} <span class="meta">{cell.status.value}</span></td>'
                )
        base = escape(row.base_text) if row.base_text is not None else '<span class="meta">not in the base</span>'
        rows.append(
            f'<tr><td><a href="#s{row.base_sentence + 1}">{row.base_sentence + 1}</a></td>'
            f"<td>{row.kind.value}</td><td>{base}</td>{''.join(cells)}</tr>"
        )
    return (
        "<h2>Facts the versions state differently</h2>"
        f"<table><tr><th>Sentence</th><th>Kind</th><th>Base</th>{heads}</tr>{''.join(rows)}</table>"
    )


def _overlap_html(result: VersionsResult) -> str:
    names = [label(v.index) for v in result.versions]
    heads = "".join(f"<th>{name}</th>" for name in ["base", *names])
    rows = []
    for position, name in enumerate(names):
        cells = [result.from_base[position], *result.overlap[position]]
        tds = "".join(
            "<td class=n>—</td>"
            if column == position + 1
            else f"<td class=n>{_percent(c.phrases)} ({_percent(c.sentences)})</td>"
            for column, c in enumerate(cells)
        )
        rows.append(f"<tr><th>{name}</th>{tds}</tr>")
    base_tds = "<td class=n>—</td>" + "".join(
        f"<td class=n>{_percent(c.phrases)} ({_percent(c.sentences)})</td>" for c in result.in_base
    )
    rows.append(f"<tr><th>base</th>{base_tds}</tr>")
    return (
        "<h2>How much each text shares with the others</h2>"
        "<p class=meta>Share of the row text's three-word phrases found in the column text "
        "(in brackets: its sentences found there word for word).</p>"
        f"<table><tr><th></th>{heads}</tr>{''.join(rows)}</table>"
    )
