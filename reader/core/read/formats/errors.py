"""The one exception every reader raises for input it cannot turn into a document."""

from __future__ import annotations


class DocumentError(ValueError):
    """A file or text that cannot be read as a document; the message is one human sentence."""

    def __init__(self, message: str) -> None:
        # Messages quote names, addresses and server replies: always one printable line.
        from reader.core.printable import one_line

        super().__init__(one_line(message))
