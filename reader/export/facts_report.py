"""The "Facts" section of the exports: the text report's list and the HTML report's table."""

from __future__ import annotations

from html import escape

from reader.core.facts.summary import (
    KIND_TITLES,
    QUIET,
    STATUS_LABELS,
    SentencePlaces,
    by_kind,
    capped_note,
    claims_of,
    folded,
    summary,
    words_of,
)
from reader.core.facts.unit_facts import MAX_MENTIONS
from reader.core.model import Comparison, Fact
from reader.core.printable import printable_text


def facts_lines(comparison: Comparison) -> list[str]:
    """Plain lines for ``--format text``: a heading, then the items kind by kind."""
    facts = comparison.facts
    heading = f"Facts: {summary(facts)}"
    if _verbatim(comparison):
        heading += ", " + _verbatim_count(comparison)
    lines = [heading + "."]
    if comparison.facts_capped:
        lines.append("  " + capped_note(comparison.facts_capped, MAX_MENTIONS))
    places_of = SentencePlaces(comparison.sentences_a, comparison.sentences_b)
    for kind, items in by_kind(facts):
        shown = [fact for fact in items if fact.status not in QUIET]
        if not shown:
            continue
        lines.append(f"  {KIND_TITLES[kind]}")
        for fact in shown:
            where = _where(places_of, fact)
            lines.append(f"    {STATUS_LABELS[fact.status]:<13} {printable_text(' '.join(fact.note.split()))}{where}")
    lone = folded(facts)
    if lone:
        lines.append("  Sentences only in one text")
        for sentence in lone:
            where = f"   [{sentence.side.upper()} {sentence.index + 1}]"
            lines.append(f"    {sentence.label:<13} {printable_text(' '.join(claims_of(sentence).split()))}{where}")
    return lines


def facts_html(comparison: Comparison) -> str:
    """A section with one table per kind; each row links to the sentences in the panes."""
    facts = comparison.facts
    parts = [f"<h2>Facts</h2><p class=meta>{escape(summary(facts))}.</p>"]
    if comparison.facts_capped:
        parts.append(f"<p class=meta>{escape(capped_note(comparison.facts_capped, MAX_MENTIONS))}</p>")
    text_a, text_b = comparison.a.text, comparison.b.text
    places_of = SentencePlaces(comparison.sentences_a, comparison.sentences_b)
    for kind, items in by_kind(facts):
        rows = []
        for fact in items:
            words_a, words_b = words_of(fact, text_a, text_b)
            link_a = _link(places_of, fact, "a", words_a)
            link_b = _link(places_of, fact, "b", words_b)
            rows.append(
                f'<tr class="f-{fact.status.value}"><td>{escape(STATUS_LABELS[fact.status])}</td>'
                f"<td>{link_a}</td><td>{link_b}</td><td>{escape(fact.note)}</td></tr>"
            )
        parts.append(
            f"<h3>{escape(KIND_TITLES[kind])} ({len(items)})</h3><table class=facts>"
            "<tr><th></th><th>A</th><th>B</th><th>Note</th></tr>" + "".join(rows) + "</table>"
        )
    lone = folded(facts)
    if lone:
        rows = []
        for sentence in lone:
            anchor = f"{sentence.side}-s{sentence.index + 1}"
            label = f"{sentence.side.upper()} {sentence.index + 1}"
            rows.append(
                f'<tr><td>{escape(sentence.label)}</td><td><a href="#{anchor}">{label}</a></td>'
                f"<td>{escape(claims_of(sentence))}</td></tr>"
            )
        parts.append(
            f"<h3>Sentences only in one text ({len(lone)})</h3><table class=facts>"
            "<tr><th></th><th>Sentence</th><th>What it claims</th></tr>" + "".join(rows) + "</table>"
        )
    return "".join(parts)


def _verbatim(comparison: Comparison) -> int:
    return sum(1 for fact in comparison.facts if fact.status in QUIET)


def _verbatim_count(comparison: Comparison) -> str:
    count = _verbatim(comparison)
    return f"{count} quotation{'' if count == 1 else 's'} word for word"


def _where(places_of: SentencePlaces, fact: Fact) -> str:
    places = []
    for side in ("a", "b"):
        span = getattr(fact, side)
        if span is not None:
            places.append(f"{side.upper()} {places_of.index(side, span[0]) + 1}")
    return f"   [{' · '.join(places)}]" if places else ""


def _link(places_of: SentencePlaces, fact: Fact, side: str, words: str) -> str:
    span = getattr(fact, side)
    if span is None or not words:
        return ""
    anchor = f"{side}-s{places_of.index(side, span[0]) + 1}"
    return f'<a href="#{anchor}">{escape(words)}</a>'
