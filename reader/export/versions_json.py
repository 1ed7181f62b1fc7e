"""The JSON form of a versions comparison (schema ``tandem.versions/1``, docs/versions-json.md).

``versions[i].comparison`` is, character for character, what ``tandem compare BASE Vi
--format json`` prints (:func:`reader.export.json_export.comparison_to_json`); the rest is
what only several versions together tell. Fields may be added, none renamed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from reader.core.model import Comparison
from reader.core.versions import FactCell, SentenceState, VersionsResult
from reader.core.versions.inputs import Skipped
from reader.export.json_export import comparison_to_json

SCHEMA = "tandem.versions/1"
OVERLAP_MEASURE = (
    "sentences: share of the row text's sentences whose matching key the column text has; "
    "phrases: share of the row text's distinct three-word phrases found in the column text"
)


def label(index: int) -> str:
    """How version ``index`` (from 0) is named in every output: V1, V2, ..."""
    return f"V{index + 1}"


def version_notes(result: VersionsResult) -> list[str]:
    """One sentence per version that repeats the base or an earlier version."""
    notes = []
    for version in result.versions:
        if version.identical_to_base:
            notes.append(f"{label(version.index)} is identical to the base")
        elif version.identical_to is not None:
            notes.append(f"{label(version.index)} is identical to {label(version.identical_to)}")
    return notes


def _state(state: SentenceState) -> dict[str, Any]:
    return {
        "status": state.status.value,
        "unit": state.unit,
        "sentences": list(state.sentences),
        "similarity": state.similarity,
        "edited": state.edited,
    }


def _cell(cell: FactCell | None) -> dict[str, Any] | None:
    if cell is None:
        return None
    return {
        "status": cell.status.value,
        "text": cell.text,
        "note": cell.note,
        "span": list(cell.span) if cell.span is not None else None,
    }


def versions_to_dict(result: VersionsResult, skipped: Sequence[Skipped] = ()) -> dict[str, Any]:
    """Everything but the pairwise comparisons (``versions[i].comparison`` is left out)."""
    base = result.base
    sentences = result.base_sentences
    return {
        "schema": SCHEMA,
        "base": {
            "name": base.name,
            "title": base.title,
            "sentences": [{"start": s.start, "end": s.end, "block": s.block} for s in sentences],
        },
        "versions": [
            {
                "index": version.index,
                "label": label(version.index),
                "name": version.document.name,
                "title": version.document.title,
                "identical_to_base": version.identical_to_base,
                "identical_to": version.identical_to,
            }
            for version in result.versions
        ],
        "notes": version_notes(result),
        "skipped": [{"source": s.source, "reason": s.reason} for s in skipped],
        "sentences": [
            {"base": k, "text": base.text[s.start : s.end], "states": [_state(state) for state in result.states[k]]}
            for k, s in enumerate(sentences)
        ],
        "additions": [
            {
                "version": addition.version,
                "sentence": addition.sentence,
                "text": _sentence_text(result, addition.version, addition.sentence),
                "added_by": addition.added_by,
                "also_in": [asdict(shared) for shared in addition.also_in],
            }
            for additions in result.additions
            for addition in additions
        ],
        "facts": [
            {
                "sentence": row.base_sentence,
                "kind": row.kind.value,
                "base": row.base_text,
                "base_span": list(row.base_span) if row.base_span is not None else None,
                "versions": [_cell(cell) for cell in row.cells],
            }
            for row in result.facts
        ],
        "overlap": {
            "measure": OVERLAP_MEASURE,
            "versions": [[asdict(cell) for cell in row] for row in result.overlap],
            "version_in_base": [asdict(cell) for cell in result.from_base],
            "base_in_version": [asdict(cell) for cell in result.in_base],
        },
    }


def _sentence_text(result: VersionsResult, version: int, sentence: int) -> str:
    found = result.versions[version]
    span = found.comparison.sentences_b[sentence]
    return found.document.text[span.start : span.end]


def comparison_json_bytes(comparison: Comparison) -> bytes:
    """The pairwise JSON as UTF-8 (what a worker sends back: a quarter of a str's memory)."""
    return comparison_to_json(comparison).encode("utf-8")


def versions_to_json_bytes(
    result: VersionsResult, comparisons_json: Sequence[str | bytes | None] = (), skipped: Sequence[Skipped] = ()
) -> bytes:
    """The versions document as one line of JSON in UTF-8, without a final newline.

    ``comparisons_json[i]``, when given, is version i's pairwise JSON already rendered (in the
    worker that compared it); missing ones are rendered here. Each is placed in the output as
    is, so it stays byte for byte the pairwise output, and the document is joined once.
    """
    data = versions_to_dict(result, skipped)
    rendered = list(comparisons_json) + [None] * (len(result.versions) - len(comparisons_json))
    parts: list[bytes] = [b"{"]
    for key, value in data.items():
        if len(parts) > 1:
            parts.append(b", ")
        parts.append(json.dumps(key).encode() + b": ")
        if key != "versions":
            parts.append(json.dumps(value, ensure_ascii=False).encode("utf-8"))
            continue
        parts.append(b"[")
        for k, (entry, version, text) in enumerate(zip(value, result.versions, rendered, strict=True)):
            if k:
                parts.append(b", ")
            parts.append(json.dumps(entry, ensure_ascii=False)[:-1].encode("utf-8") + b', "comparison": ')
            if text is None:
                text = comparison_json_bytes(version.comparison)
            parts.append(text.encode("utf-8") if isinstance(text, str) else text)
            parts.append(b"}")
        parts.append(b"]")
    parts.append(b"}")
    return b"".join(parts)


def versions_to_json(
    result: VersionsResult, comparisons_json: Sequence[str | bytes | None] = (), skipped: Sequence[Skipped] = ()
) -> str:
    """:func:`versions_to_json_bytes` as text."""
    return versions_to_json_bytes(result, comparisons_json, skipped).decode("utf-8")
