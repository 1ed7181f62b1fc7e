"""Reading a base and its versions, where one bad version must not stop the others.

The base must be readable; a version that is not (missing, empty, of an unsupported kind) is
set aside with its reason and the others are compared. The same file named twice (by
identity: a hard link, a symlink or another spelling of the path) is refused, as the pairwise
command refuses it, and so is a request past :data:`MAX_VERSIONS`, before anything is read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.model import Document
from reader.core.outputs import same_file
from reader.core.read.documents import DocumentError
from reader.core.read.fetch import load_source
from reader.core.versions.model import VersionsError
from reader.core.versions.run import check_version_count


@dataclass(frozen=True, slots=True)
class Skipped:
    """A version that could not be read: what was given and why (one printable line)."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class LoadedVersions:
    """The base and the versions that could be read, in the order given, and those set aside."""

    base: Document
    versions: tuple[Document, ...]
    skipped: tuple[Skipped, ...] = ()


def _same(first: str, second: str) -> bool:
    return first == second or same_file(first, second)


def check_distinct(sources: Sequence[str]) -> None:
    """Refuse one file (or link) given twice among the base and the versions."""
    for later in range(1, len(sources)):
        for earlier in range(later):
            if _same(sources[earlier], sources[later]):
                what = "the base" if earlier == 0 else f"version {earlier}"
                raise VersionsError(
                    f"{sources[later]}: the same file as {what} ({sources[earlier]}); give each version once"
                )


def load_versions(base_source: str, version_sources: Sequence[str], *, timeout: float = 15.0) -> LoadedVersions:
    """Read the base (a DocumentError stops everything) and every version that can be read.

    Raises :class:`VersionsError` for too many versions, a file given twice, or when no
    version could be read.
    """
    check_version_count(len(version_sources))
    check_distinct([base_source, *version_sources])
    base = load_source(base_source, timeout=timeout)
    versions: list[Document] = []
    skipped: list[Skipped] = []
    for source in version_sources:
        try:
            versions.append(load_source(source, timeout=timeout))
        except DocumentError as error:
            skipped.append(Skipped(source, str(error)))
    if not versions:
        raise VersionsError("no version could be read: " + "; ".join(s.reason for s in skipped))
    return LoadedVersions(base, tuple(versions), tuple(skipped))
