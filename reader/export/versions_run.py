"""``tandem compare BASE V1 V2 ...``: run the versions engine and render one format.

For JSON each version's pairwise document is rendered where that version was compared (in
its worker), so the parent only joins the pieces.
"""

from __future__ import annotations

from reader.core.model import CompareOptions
from reader.core.versions import iter_versions, summarise
from reader.core.versions.inputs import LoadedVersions
from reader.export.json_export import comparison_to_json

FORMATS = ("text", "json", "html")


def render_versions(loaded: LoadedVersions, options: CompareOptions, fmt: str, color: bool = False) -> str:
    """The versions report of ``loaded`` in ``fmt`` (one of :data:`FORMATS`), ending in a newline."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown versions format {fmt!r}")
    render = comparison_to_json if fmt == "json" else None
    finished = list(iter_versions(loaded.base, loaded.versions, options, render=render))
    finished.sort(key=lambda item: item[0].index)
    result = summarise(loaded.base, [version for version, _ in finished], options)
    if fmt == "json":
        from reader.export.versions_json import versions_to_json

        return versions_to_json(result, [text for _, text in finished], loaded.skipped) + "\n"
    if fmt == "html":
        from reader.export.versions_html import versions_to_html

        return versions_to_html(result, loaded.skipped)
    from reader.export.versions_text import versions_to_text

    return versions_to_text(result, loaded.skipped, color=color)
