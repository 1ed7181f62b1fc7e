"""The one exception every reader raises for input it cannot turn into a document."""

from __future__ import annotations


class DocumentError(ValueError):
    """A file or text that cannot be read as a document; the message is one human sentence."""
