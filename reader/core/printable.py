"""Text from outside (file names, server replies, documents) made safe to print.

A terminal obeys escape sequences, a line feed in a file name splits a one-line message in
two, an undecodable byte in a file name (kept by Python as a lone surrogate) cannot be
written as UTF-8, and bidi overrides reorder what a reader sees. These are shown as visible
escapes (``\\x1b``, ``\\n``, ``\\u202e``) instead.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, line and paragraph separators, bidi embedding/override/isolate
# controls, and surrogates (undecodable bytes of a file name, or broken text).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# The same, keeping line feeds and tabs: for multi-line reports.
_UNSAFE_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte of a file name
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def one_line(text: str) -> str:
    """``text`` as a single printable line: controls, line breaks and surrogates escaped."""
    return _UNSAFE.sub(_escape, text)


def printable_text(text: str) -> str:
    """``text`` with its line feeds and tabs, every other control character escaped."""
    return _UNSAFE_IN_TEXT.sub(_escape, text)
