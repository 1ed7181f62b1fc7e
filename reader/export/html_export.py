"""A self-contained HTML report: both texts side by side with highlights, the unique
sentences and the statistics. No external resources and no scripts, so it opens offline
and is safe to mail around.
"""

from __future__ import annotations

from html import escape

from reader.core.marks import SentenceSpan, Side, SpanKind, pane_spans
from reader.core.model import Comparison, Document, Sentence
from reader.export.facts_report import facts_html
from reader.export.palette import DARK, LIGHT, css_variables

# Colours come from the palette the window uses (reader.export.palette), light and dark.
_CSS = (
    f":root {{ color-scheme: light dark; {css_variables(LIGHT)} --rule:#d8d4cc; }}\n"
    f"@media (prefers-color-scheme: dark) {{ :root {{ {css_variables(DARK)} --rule:#3a3d43; }} }}\n"
    """
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.6 Georgia, "DejaVu Serif", "Times New Roman", serif; }
header, section { padding: 1rem 2rem; }
h1 { font: 600 1.3rem/1.3 system-ui, sans-serif; margin: 0 0 .4rem; }
h2 { font: 600 1rem/1.3 system-ui, sans-serif; margin: 1rem 0 .5rem; }
.meta, table, .legend { font: .85rem/1.4 system-ui, sans-serif; color: var(--muted); }
.panes { display: grid; grid-template-columns: 1fr 1fr; gap: 0; border-top: 1px solid var(--rule); }
.pane { padding: 1rem 2rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.pane + .pane { border-left: 1px solid var(--rule); }
.pane h2 { white-space: normal; }
.a .s-only { background: var(--only-a); border-bottom: 2px dotted var(--del-line); }
.b .s-only { background: var(--only-b); border-bottom: 2px dotted var(--ins-line); }
.s-moved { background: var(--moved); border-bottom: 2px dashed var(--moved-line); }
del { background: var(--del-bg); text-decoration: line-through; text-decoration-color: var(--del-line); }
ins { background: var(--ins-bg); text-decoration: underline; text-decoration-color: var(--ins-line); }
.s-rewritten del { background: var(--del-light); }
.s-rewritten ins { background: var(--ins-light); }
table { border-collapse: collapse; }
td, th { padding: .2rem .8rem .2rem 0; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.legend span { margin-right: 1.2rem; padding: 0 .3rem; }
ol.unique li { margin: .2rem 0; }
h3 { font: 600 .9rem/1.3 system-ui, sans-serif; margin: .8rem 0 .3rem; }
table.facts { font: .85rem/1.4 system-ui, sans-serif; color: var(--fg); margin-bottom: .6rem; }
table.facts td { vertical-align: top; border-top: 1px solid var(--rule); }
tr.f-changed td:first-child, tr.f-altered td:first-child, tr.f-not_found td:first-child { font-weight: 600; }
a { color: inherit; }
@media print { .panes { grid-template-columns: 1fr 1fr; } body { font-size: 11pt; } }
"""
)

_LEGEND = (
    '<p class="legend"><del>deleted words</del> <ins>inserted words</ins>'
    '<span class="a"><span class="s-only">only in A</span></span>'
    '<span class="b"><span class="s-only">only in B</span></span><span class="s-moved">moved</span>'
    '<span class="s-rewritten"><del>reworded</del> <ins>(paraphrase)</ins></span></p>'
)


def _percent(value: float) -> str:
    return f"{100 * value:.0f}%"


def _pane_html(doc: Document, spans: list[SentenceSpan], side: Side, sentences: tuple[Sentence, ...]) -> str:
    text = doc.text
    tag = "del" if side is Side.A else "ins"
    out: list[str] = []
    pos = 0
    for span in spans:
        out.append(escape(text[pos : span.start]))
        anchor = f"{side.value}-s{span.sentences[0] + 1}"
        title = {
            SpanKind.ONLY: f"only in {side.value.upper()}",
            SpanKind.MOVED: "moved" + (" and edited" if span.edited else ""),
            SpanKind.REWRITTEN: "reworded",
            SpanKind.EDITED: "edited",
            SpanKind.IDENTICAL: "unchanged",
        }[span.kind]
        out.append(f'<span id="{anchor}" class="s-{span.kind.value}" title="{title}">')
        inner = span.start
        for c0, c1 in span.changes:
            out.append(escape(text[inner:c0]))
            out.append(f"<{tag}>{escape(text[c0:c1])}</{tag}>")
            inner = c1
        out.append(escape(text[inner : span.end]))
        out.append("</span>")
        pos = span.end
    out.append(escape(text[pos:]))
    return "".join(out)


def _unique_list(comparison: Comparison, side: Side) -> str:
    doc = comparison.a if side is Side.A else comparison.b
    sentences = comparison.sentences_a if side is Side.A else comparison.sentences_b
    indices = comparison.only_a if side is Side.A else comparison.only_b
    label = f"Only in {side.value.upper()} — {escape(doc.name)} ({len(indices)})"
    items = "".join(
        f'<li><a href="#{side.value}-s{i + 1}">{escape(doc.text[sentences[i].start : sentences[i].end])}</a></li>'
        for i in indices
    )
    return f"<h2>{label}</h2>" + (f'<ol class="unique">{items}</ol>' if items else "<p class=meta>None.</p>")


def comparison_to_html(comparison: Comparison) -> str:
    """The whole report as one HTML document."""
    a, b, st = comparison.a, comparison.b, comparison.stats
    title = f"Tandem: {a.name} ↔ {b.name}"
    rows = [
        ("Words", st.words_a, st.words_b),
        ("Sentences", st.sentences_a, st.sentences_b),
        ("Shared with the other text", _percent(st.shared_a), _percent(st.shared_b)),
        ("Changed", _percent(st.changed_a), _percent(st.changed_b)),
        ("Only in this text", _percent(st.unique_a), _percent(st.unique_b)),
        ("Sentences only here", st.sentences_only_a, st.sentences_only_b),
    ]
    table = "".join(
        f"<tr><th>{escape(label)}</th><td class=n>{x}</td><td class=n>{y}</td></tr>" for label, x, y in rows
    )
    summary = (
        f"Similarity {_percent(st.similarity)} · {st.words_deleted} words deleted · "
        f"{st.words_inserted} inserted · {st.sentences_moved} sentences moved"
    )
    pane_a = _pane_html(a, pane_spans(comparison, Side.A), Side.A, comparison.sentences_a)
    pane_b = _pane_html(b, pane_spans(comparison, Side.B), Side.B, comparison.sentences_b)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="Tandem"><title>{escape(title)}</title>'
        f"<style>{_CSS}</style></head><body>"
        f"<header><h1>{escape(title)}</h1><p class=meta>{escape(summary)}</p>{_LEGEND}"
        f"<table><tr><th></th><th>A: {escape(a.name)}</th><th>B: {escape(b.name)}</th></tr>{table}</table>"
        "</header>"
        '<div class="panes">'
        f'<div class="pane a"><h2>A: {escape(a.name)}</h2>{pane_a}</div>'
        f'<div class="pane b"><h2>B: {escape(b.name)}</h2>{pane_b}</div>'
        "</div>"
        f"<section>{_unique_list(comparison, Side.A)}{_unique_list(comparison, Side.B)}</section>"
        f"<section>{facts_html(comparison)}</section>"
        "</body></html>\n"
    )
