"""For any small texts, each version inside the versions JSON is the pairwise JSON."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import compare, document_from_text
from reader.core.model import CompareOptions, Document
from reader.core.versions import SentenceStatus, compare_versions
from reader.core.versions.inputs import LoadedVersions
from reader.export.json_export import comparison_to_json
from reader.export.versions_json import versions_to_json
from reader.export.versions_run import render_versions

WORDS = ["the", "bridge", "council", "voted", "30", "around", "mayor", "said", "new", "old", "Tuesday", "euros"]
sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=7).map(
    lambda words: " ".join(words).capitalize() + "."
)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
text = st.lists(paragraph, min_size=1, max_size=3).map("\n\n".join)


def documents(base: str, versions: list[str]) -> tuple[Document, list[Document]]:
    return document_from_text(base, "base.txt"), [
        document_from_text(t, f"v{k + 1}.txt") for k, t in enumerate(versions)
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=text, versions=st.lists(text, min_size=2, max_size=3))
def test_each_versions_comparison_equals_the_pairwise_json(base: str, versions: list[str]) -> None:
    base_doc, version_docs = documents(base, versions)
    result = compare_versions(base_doc, version_docs, workers=0)
    data = json.loads(versions_to_json(result))
    for entry, version in zip(data["versions"], version_docs, strict=True):
        assert entry["comparison"] == json.loads(comparison_to_json(compare(base_doc, version)))
    # Every base sentence has one state per version, and every state agrees with the units.
    assert len(result.states) == len(result.base_sentences)
    for k, row in enumerate(result.states):
        for state, found in zip(row, result.versions, strict=True):
            in_unit = any(k in unit.a for unit in found.comparison.units)
            assert (state.status is SentenceStatus.DROPPED) == (not in_unit)
    # Additions are exactly the sentences only the version has.
    assert [[a.sentence for a in added] for added in result.additions] == [
        list(v.comparison.only_b) for v in result.versions
    ]


@settings(max_examples=15, deadline=None)
@given(base=text, versions=st.lists(text, min_size=2, max_size=2))
def test_the_rendered_document_embeds_the_pairwise_text_verbatim(base: str, versions: list[str]) -> None:
    base_doc, version_docs = documents(base, versions)
    rendered = render_versions(LoadedVersions(base_doc, tuple(version_docs)), CompareOptions(), "json")
    for version in version_docs:
        assert comparison_to_json(compare(base_doc, version)).encode("utf-8") in rendered
