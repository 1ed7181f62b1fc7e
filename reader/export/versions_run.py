"""``tandem compare BASE V1 V2 ...``: run the versions engine and render one format.

For JSON each version's pairwise document is rendered where that version was compared (in
its worker), so the parent only joins the pieces.
"""

from __future__ import annotations

from reader.core.model import CompareOptions
from reader.core.versions import iter_versions, summarise
from reader.core.versions.inputs import LoadedVersions
from reader.export.versions_json import comparison_json_bytes

FORMATS = ("text", "json", "html")


def render_versions(loaded: LoadedVersions, options: CompareOptions, fmt: str, color: bool = False) -> bytes:
    """The versions report of ``loaded`` in ``fmt`` (one of :data:`FORMATS`) in UTF-8, ending in a newline.

    Bytes, not text: a book's JSON is tens of megabytes, and each copy as a str is up to four
    times that.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown versions format {fmt!r}")
    render = comparison_json_bytes if fmt == "json" else None
    finished = list(iter_versions(loaded.base, loaded.versions, options, render=render))
    finished.sort(key=lambda item: item[0].index)
    result = summarise(loaded.base, [version for version, _ in finished], options)
    if fmt == "json":
        from reader.export.versions_json import versions_to_json_bytes

        rendered = [text for _, text in finished]
        del finished  # the pairwise documents live on in ``rendered`` only
        return versions_to_json_bytes(result, rendered, loaded.skipped) + b"\n"
    if fmt == "html":
        from reader.export.versions_html import versions_to_html

        return versions_to_html(result, loaded.skipped).encode("utf-8")
    from reader.export.versions_text import versions_to_text

    return versions_to_text(result, loaded.skipped, color=color).encode("utf-8")
