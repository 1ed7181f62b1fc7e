"""The comparison engine: pure Python, no Qt.

``load_document(path)`` reads a file into a :class:`Document`; ``compare(a, b, options)``
returns a frozen :class:`Comparison` that every view renders.
"""

from reader.core.compare import compare
from reader.core.model import (
    Block,
    BlockKind,
    CompareOptions,
    Comparison,
    Document,
    Op,
    Segment,
    Sentence,
    Stats,
    Unit,
    UnitKind,
)
from reader.core.read.documents import DocumentError, document_from_text, load_document

__all__ = [
    "Block",
    "BlockKind",
    "CompareOptions",
    "Comparison",
    "Document",
    "DocumentError",
    "Op",
    "Segment",
    "Sentence",
    "Stats",
    "Unit",
    "UnitKind",
    "compare",
    "document_from_text",
    "load_document",
]
