"""Format-specific readers behind :mod:`reader.core.read.documents`.

Each reader turns decoded text into a list of ``(BlockKind, text)`` pieces; the
:mod:`.layout` module turns those pieces into the final ``Document`` text and offsets.
"""
