"""The JSON form of a Comparison (schema ``tandem.comparison/1``).

Other tools rely on this shape: fields may be added, none renamed.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict
from typing import Any

from reader.core.model import Comparison, Document, Fact, Op, Segment, Sentence, Unit, UnitKind

SCHEMA = "tandem.comparison/1"


def _side(doc: Document, sentences: tuple[Sentence, ...]) -> dict[str, Any]:
    return {
        "name": doc.name,
        "title": doc.title,
        "encoding": doc.encoding,
        "warnings": list(doc.warnings),
        "text": doc.text,
        "blocks": [{"kind": b.kind.value, "start": b.start, "end": b.end} for b in doc.blocks],
        "sentences": [{"start": s.start, "end": s.end, "block": s.block} for s in sentences],
    }


def _segment_text(seg: Segment, text_a: str, text_b: str) -> list[str]:
    if seg.op is Op.INSERT:
        return [seg.op.value, text_b[seg.b_start : seg.b_end]]
    return [seg.op.value, text_a[seg.a_start : seg.a_end]]


def _unit(unit: Unit, text_a: str, text_b: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "a": list(unit.a),
        "b": list(unit.b),
        "kind": unit.kind.value,
        "edit_kind": unit.edit_kind.value,
        "moved": unit.moved,
        "similarity": unit.similarity,
    }
    # Identical units carry no word diff: their text is already in both sides, and a book
    # revision has thousands of them.
    if unit.edit_kind is not UnitKind.IDENTICAL:
        data["diff"] = [_segment_text(seg, text_a, text_b) for seg in unit.diff]
    return data


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """A plain dict ready for ``json.dumps``."""
    text_a, text_b = comparison.a.text, comparison.b.text
    return {
        "schema": SCHEMA,
        "a": _side(comparison.a, comparison.sentences_a),
        "b": _side(comparison.b, comparison.sentences_b),
        "units": [_unit(unit, text_a, text_b) for unit in comparison.units],
        "only_a": list(comparison.only_a),
        "only_b": list(comparison.only_b),
        "diff": [_segment_text(seg, text_a, text_b) for seg in comparison.diff],
        "stats": asdict(comparison.stats),
        "options": asdict(comparison.options),
        "facts": [_fact(fact) for fact in comparison.facts],
        "facts_capped": list(comparison.facts_capped),
    }


def _fact(fact: Fact) -> dict[str, Any]:
    """One fact item; ``side`` (whose quotation it is) only on quote items."""
    data: dict[str, Any] = {
        "kind": fact.kind.value,
        "status": fact.status.value,
        "unit": fact.unit,
        "a": list(fact.a) if fact.a is not None else None,
        "b": list(fact.b) if fact.b is not None else None,
        "note": fact.note,
    }
    if fact.side:
        data["side"] = fact.side
    if fact.lone_sentence is not None:
        data["lone_sentence"] = fact.lone_sentence  # folded under that sentence of its side
    return data


def comparison_to_json(comparison: Comparison, indent: int | None = None) -> str:
    """``json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=indent)``.

    Without indentation the long arrays (sentences, blocks, units, the document diff: tens
    of thousands of items on a book) are written straight from the values, which takes
    about half the time of building dictionaries for the encoder; the text is the same.
    """
    if indent is not None:
        return json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=indent)
    text_a, text_b = comparison.a.text, comparison.b.text
    parts = [
        '{"schema": ',
        _string(SCHEMA),
        ', "a": ',
        _side_json(comparison.a, comparison.sentences_a),
        ', "b": ',
        _side_json(comparison.b, comparison.sentences_b),
        ', "units": [',
        ", ".join([_unit_json(unit, text_a, text_b) for unit in comparison.units]),
        '], "only_a": ',
        _ints(comparison.only_a),
        ', "only_b": ',
        _ints(comparison.only_b),
        ', "diff": [',
        ", ".join([_segment_json(seg, text_a, text_b) for seg in comparison.diff]),
        '], "stats": ',
        json.dumps(asdict(comparison.stats), ensure_ascii=False),
        ', "options": ',
        json.dumps(asdict(comparison.options), ensure_ascii=False),
        ', "facts": ',
        json.dumps([_fact(fact) for fact in comparison.facts], ensure_ascii=False),
        ', "facts_capped": ',
        _ints(comparison.facts_capped),
        "}",
    ]
    return "".join(parts)


# The C string encoder json.dumps uses with ensure_ascii=False.
_string = json.encoder.encode_basestring


def _ints(values: tuple[int, ...]) -> str:
    if len(values) == 1:  # most units are one sentence on each side
        return f"[{values[0]}]"
    return "[" + ", ".join(map(str, values)) + "]"


def _number(value: float) -> str:
    # json.dumps writes ints with int.__repr__ and finite floats with float.__repr__.
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return repr(value)
    return json.dumps(value)


def _side_json(doc: Document, sentences: tuple[Sentence, ...]) -> str:
    head = {"name": doc.name, "title": doc.title, "encoding": doc.encoding, "warnings": list(doc.warnings)}
    blocks = ", ".join([f'{{"kind": {_string(b.kind.value)}, "start": {b.start}, "end": {b.end}}}' for b in doc.blocks])
    sentence_items = ", ".join([f'{{"start": {s.start}, "end": {s.end}, "block": {s.block}}}' for s in sentences])
    return (
        json.dumps(head, ensure_ascii=False)[:-1]
        + f', "text": {_string(doc.text)}, "blocks": [{blocks}], "sentences": [{sentence_items}]}}'
    )


def _unit_json(unit: Unit, text_a: str, text_b: str) -> str:
    head = (
        f'{{"a": {_ints(unit.a)}, "b": {_ints(unit.b)}, "kind": {_string(unit.kind.value)}, '
        f'"edit_kind": {_string(unit.edit_kind.value)}, "moved": {"true" if unit.moved else "false"}, '
        f'"similarity": {_number(unit.similarity)}'
    )
    if unit.edit_kind is UnitKind.IDENTICAL:
        return head + "}"
    diff = ", ".join([_segment_json(seg, text_a, text_b) for seg in unit.diff])
    return f'{head}, "diff": [{diff}]}}'


def _segment_json(seg: Segment, text_a: str, text_b: str) -> str:
    if seg.op is Op.INSERT:
        return f'["+", {_string(text_b[seg.b_start : seg.b_end])}]'
    return f"[{_string(seg.op.value)}, {_string(text_a[seg.a_start : seg.a_end])}]"
