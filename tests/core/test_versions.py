"""The versions engine on hand-made versions: statuses, additions, facts, overlap, workers."""

from __future__ import annotations

import multiprocessing

import pytest

from reader.core import compare, document_from_text
from reader.core.model import CompareOptions, Document, FactKind, FactStatus
from reader.core.versions import (
    MAX_VERSIONS,
    SentenceStatus,
    VersionsError,
    VersionsResult,
    compare_versions,
    iter_versions,
    summarise,
    worker_count,
)

BASE = (
    "The harbour bridge opened in 1911 after six years of work. "
    "The council voted on Tuesday to repair the old bridge. "
    "Repairs will cost 4 million euros and will take two full years to finish. "
    "The mayor said she was pleased with the result. "
    "Critics had wanted a new bridge. They said the old one was unsafe. "
    "Ferries will carry the traffic while the work goes on."
)
# Rewords [1] (Tuesday -> Wednesday), splits [2], moves [3], merges [4] and [5], drops [6], adds one.
V1 = (
    "The harbour bridge opened in 1911 after six years of work. "
    "The council voted on Wednesday to repair the old bridge. "
    "Repairs will cost 6 million euros. They will take two full years to finish. "
    "Critics had wanted a new bridge, saying the old one was unsafe. "
    "The mayor said she was pleased with the result. "
    "A public meeting about the plans is set for next month."
)
# Keeps all but [2] (4 -> around 5 million), drops [4] and [5], adds the same meeting as V1.
V2 = (
    "The harbour bridge opened in 1911 after six years of work. "
    "The council voted on Tuesday to repair the old bridge. "
    "Repairs will cost around 5 million euros and will take two full years to finish. "
    "The mayor said she was pleased with the result. "
    "Ferries will carry the traffic while the work goes on. "
    "A public meeting about these plans is set for next month."
)
# Adds a sentence nobody else has.
V3 = BASE + " The bridge is painted green every ten years."


def doc(text: str, name: str) -> Document:
    return document_from_text(text, name)


@pytest.fixture(scope="module")
def result() -> VersionsResult:
    return compare_versions(doc(BASE, "base.txt"), [doc(V1, "v1.txt"), doc(V2, "v2.txt"), doc(V3, "v3.txt")])


def column(result: VersionsResult, version: int) -> list[SentenceStatus]:
    return [row[version].status for row in result.states]


def test_each_status_is_read_off_the_pairwise_units(result: VersionsResult) -> None:
    S = SentenceStatus
    assert column(result, 0) == [S.KEPT, S.REWORDED, S.SPLIT, S.MOVED, S.MERGED, S.MERGED, S.DROPPED]
    assert column(result, 1) == [S.KEPT, S.KEPT, S.REWORDED, S.KEPT, S.DROPPED, S.DROPPED, S.KEPT]
    assert column(result, 2) == [S.KEPT] * 7
    split = result.states[2][0]
    assert split.sentences == (2, 3) and split.edited
    assert result.states[3][0].sentences == (5,) and not result.states[3][0].edited
    assert result.states[4][0].unit == result.states[5][0].unit is not None
    dropped = result.states[6][0]
    assert dropped.unit is None and dropped.sentences == () and dropped.similarity == 0.0


def test_kept_means_equal_after_the_matching_normalisation() -> None:
    base = doc("The Bridge opened in 1911. It is long.", "base.txt")
    shouting = doc("THE BRIDGE OPENED IN 1911. It is long.", "v1.txt")
    strict = compare_versions(base, [shouting], CompareOptions(ignore_case=False))
    assert compare_versions(base, [shouting]).states[0][0].status is SentenceStatus.KEPT
    assert strict.states[0][0].status is SentenceStatus.REWORDED


def test_an_addition_names_the_other_versions_that_add_it(result: VersionsResult) -> None:
    (meeting_1,) = result.additions[0]
    (meeting_2,) = result.additions[1]
    (painted,) = result.additions[2]
    assert (meeting_1.version, meeting_1.sentence, meeting_1.added_by) == (0, 6, 2)
    assert [(s.version, s.sentence) for s in meeting_1.also_in] == [(1, 5)]
    assert [(s.version, s.sentence) for s in meeting_2.also_in] == [(0, 6)]
    assert painted.added_by == 1 and painted.also_in == ()


def test_facts_stated_differently_stand_side_by_side(result: VersionsResult) -> None:
    rows = {(row.base_sentence, row.kind, row.base_text): row for row in result.facts}
    amount = rows[(2, FactKind.NUMBER, "4 million euros")]
    first, second, third = amount.cells
    assert first is not None and first.status is FactStatus.CHANGED and first.text == "6 million euros"
    assert second is not None and second.text == "around 5 million euros"
    assert third is None  # V3 states it as the base does
    day = rows[(1, FactKind.DATE, "Tuesday")]
    assert day.cells[0] is not None and day.cells[0].text == "Wednesday"
    assert day.cells[1] is None and day.cells[2] is None


def test_each_version_is_exactly_its_pairwise_comparison(result: VersionsResult) -> None:
    base = doc(BASE, "base.txt")
    for version, text in zip(result.versions, (V1, V2, V3), strict=True):
        alone = compare(base, doc(text, f"v{version.index + 1}.txt"))
        assert version.comparison == alone
        assert version.comparison.diff == alone.diff


def test_the_overlap_table_tells_which_version_was_made_from_which() -> None:
    base = doc(BASE, "base.txt")
    # V2 is made from V1 (it keeps V1's wording), not from the base.
    from_v1 = V1.replace("Wednesday", "Thursday")
    result = compare_versions(base, [doc(V1, "v1.txt"), doc(from_v1, "v2.txt")])
    assert result.overlap[0][0].phrases == 1.0 and result.overlap[1][1].sentences == 1.0
    assert result.overlap[1][0].phrases > result.from_base[1].phrases
    assert result.overlap[1][0].sentences > result.from_base[1].sentences
    # The base itself is found whole in an identical version, and an unrelated text shares nothing.
    same = compare_versions(base, [doc(BASE, "v1.txt"), doc("Cats sleep all day long. Dogs bark.", "v2.txt")])
    assert same.in_base[0].phrases == 1.0 and same.from_base[0].sentences == 1.0
    assert same.in_base[1].phrases == 0.0 and same.overlap[0][1].sentences == 0.0


def test_identical_versions_are_compared_and_flagged() -> None:
    base = doc(BASE, "base.txt")
    result = compare_versions(base, [doc(V1, "v1.txt"), doc(BASE, "v2.txt"), doc(V1, "v3.txt")])
    flags = [(v.identical_to_base, v.identical_to) for v in result.versions]
    assert flags == [(False, None), (True, None), (False, 0)]
    assert all(row[1].status is SentenceStatus.KEPT for row in result.states)
    assert result.versions[2].comparison.units == result.versions[0].comparison.units


def test_an_empty_version_drops_every_base_sentence() -> None:
    base = doc(BASE, "base.txt")
    result = compare_versions(base, [Document("empty.txt", "", ()), doc(V1, "v1.txt")])
    assert set(column(result, 0)) == {SentenceStatus.DROPPED}
    assert result.additions[0] == () and result.from_base[0].phrases == 0.0


def test_the_version_count_is_bounded() -> None:
    base = doc(BASE, "base.txt")
    with pytest.raises(VersionsError, match="limit is 20"):
        compare_versions(base, [doc(V1, "v.txt")] * (MAX_VERSIONS + 1))
    with pytest.raises(VersionsError):
        compare_versions(base, [])


def test_results_through_workers_equal_those_in_process() -> None:
    base = doc(BASE, "base.txt")
    versions = [doc(V1, "v1.txt"), doc(V2, "v2.txt"), doc(V3, "v3.txt")]
    seen: list[int] = []
    in_workers = compare_versions(base, versions, workers=2, on_version=lambda v: seen.append(v.index))
    here = compare_versions(base, versions, workers=0)
    assert sorted(seen) == [0, 1, 2]
    assert in_workers == here
    assert [v.comparison.diff for v in in_workers.versions] == [v.comparison.diff for v in here.versions]


def test_iter_versions_hands_each_result_on_and_renders_in_the_worker() -> None:
    base = doc(BASE, "base.txt")
    versions = [doc(V1, "v1.txt"), doc(V2, "v2.txt")]
    finished = list(iter_versions(base, versions, workers=2, render=_sentence_count))
    assert sorted(result.index for result, _ in finished) == [0, 1]
    for result, rendered in finished:
        assert rendered == str(len(result.comparison.sentences_b))
    assert summarise(base, [r for r, _ in finished]) == compare_versions(base, versions, workers=0)


def _sentence_count(comparison: object) -> str:
    return str(len(comparison.sentences_b))  # type: ignore[attr-defined]  # any Comparison


def test_small_texts_stay_in_process_and_large_ones_use_the_cores() -> None:
    base = doc(BASE, "base.txt")
    assert worker_count(base, [doc(V1, "v1.txt"), doc(V2, "v2.txt")]) == 0
    assert worker_count(base, [doc(V1, "v1.txt")], workers=4) == 0  # one version: no pool
    assert worker_count(base, [doc(V1, "v1.txt")] * 3, workers=8) == 3


def _in_daemon(queue: multiprocessing.Queue[object]) -> None:
    base = doc(BASE, "base.txt")
    result = compare_versions(base, [doc(V1, "v1.txt"), doc(V2, "v2.txt")], workers=2)
    queue.put([row[0].status.value for row in result.states])


def test_a_daemonic_process_compares_in_process() -> None:
    """The window's comparison process is daemonic and may not start workers: no failure."""
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[object] = context.Queue()
    process = context.Process(target=_in_daemon, args=(queue,), daemon=True)
    process.start()
    statuses = queue.get(timeout=120)
    process.join(timeout=60)
    assert process.exitcode == 0
    assert statuses == ["kept", "reworded", "split", "moved", "merged", "merged", "dropped"]


def test_the_base_is_split_once_for_all_versions_read_in_one_language(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.core.versions import run

    calls: list[str] = []
    real = run.split_sentences

    def counted(text: str, blocks: object, language: str | None = None) -> object:
        calls.append(text[:20])
        return real(text, blocks, language)  # type: ignore[arg-type]

    monkeypatch.setattr(run, "split_sentences", counted)
    base = doc(BASE, "base.txt")
    versions = [doc(V1, "v1.txt"), doc(V2, "v2.txt"), doc(V3, "v3.txt")]
    found = compare_versions(base, versions, workers=0)
    assert calls == [BASE[:20]]  # the base once; each pair still splits its version itself
    for version, text in zip(found.versions, (V1, V2, V3), strict=True):
        assert version.comparison.sentences_a is found.versions[0].comparison.sentences_a
        assert version.comparison == compare(base, doc(text, version.document.name))
