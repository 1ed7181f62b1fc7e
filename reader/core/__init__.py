"""The comparison engine: pure Python, no Qt.

``load_document(path)`` (or ``load_source(path_or_link)``) reads a :class:`Document`;
``compare(a, b, options)`` returns a frozen :class:`Comparison` that every view renders. The
values inside a comparison (units, sentences, segments, facts) live in :mod:`reader.core.model`.
"""

from reader.core.compare import compare
from reader.core.model import CompareOptions, Comparison, Document
from reader.core.read.documents import DocumentError, document_from_text, load_document
from reader.core.read.fetch import load_source

__all__ = [
    "CompareOptions",
    "Comparison",
    "Document",
    "DocumentError",
    "compare",
    "document_from_text",
    "load_document",
    "load_source",
]
