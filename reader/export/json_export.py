"""The JSON form of a Comparison (schema ``tandem.comparison/1``).

Other tools rely on this shape: fields may be added, none renamed.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from reader.core.model import Comparison, Document, Op, Segment, Sentence, Unit, UnitKind

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
    }


def comparison_to_json(comparison: Comparison, indent: int | None = None) -> str:
    return json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=indent)
