"""Bytes -> str: byte-order marks, UTF-16 without BOM, strict UTF-8, then charset-normalizer.

The order matters: a BOM is certain, the UTF-16 null-byte pattern is nearly certain,
valid UTF-8 with non-ASCII bytes is almost never an accident, and only what is left
goes to statistical detection (which is slower and can confuse related code pages).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from reader.core.read.formats.errors import DocumentError

# UTF-32 marks must be tested before UTF-16: FF FE 00 00 also starts with the UTF-16 LE mark.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Among candidates that charset-normalizer scores as equally likely, these are far more
# common for Western articles than the look-alikes it may rank first (cp1250, mac_*).
_PREFERRED_LEGACY = ("cp1252", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r")

_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_1", "iso8859_15"})
# What windows-1252 text in Western languages is made of beyond ASCII: Latin-1 letters
# and the typographic punctuation the code page adds.
_WESTERN_CHARS = frozenset(
    [chr(code) for code in range(0xC0, 0x100) if code not in (0xD7, 0xF7)]
    + list("\u00a0¡¢£¥§¨©ª«¬®°±²³´µ¶·¸¹º»¼½¾¿€‚„…†‡‰‹›‘’“”•–—˜™ŒœŠšŽžŸƒˆ")
)
# charset-normalizer's coherence (0..1) above which it has recognised a language.
_CONFIDENT_COHERENCE = 0.2

_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)

# Everything str.splitlines() treats as a line end; turned into "\n" so that every later
# step (and any caller using splitlines) agrees with our offsets.
_LINE_ENDS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")

_OTHER_LINE_ENDS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

# Unicode category Cc minus tab and the line ends.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")

_SAMPLE = 8192
_BINARY_CONTROL_SHARE = 0.05


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def normalise_line_ends(text: str) -> str:
    """CRLF, CR and the other Unicode line breaks become LF; offsets refer to the result."""
    # Most files already use LF only: a scan per character is far faster than the regex.
    if not any(char in text for char in _OTHER_LINE_ENDS):
        return text
    return _LINE_ENDS.sub("\n", text)


def decode_bytes(data: bytes, name: str, *, html: bool = False, declared: str | None = None) -> Decoded:
    """Decode ``data`` (the content of the file called ``name``) or raise DocumentError.

    ``declared`` is a charset named outside the bytes (an HTTP Content-Type header); like
    a page's ``<meta charset>``, which it overrides, it loses to a byte-order mark and to
    valid UTF-8, since servers often send a default label for every file.
    """
    decoded = _decode(data, name, html=html, declared=_codec_name(declared) if declared else None)
    if _looks_binary(decoded.text):
        raise DocumentError(f"{name}: does not look like text (binary data)")
    return decoded


def _decode(data: bytes, name: str, *, html: bool, declared: str | None) -> Decoded:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, name, label=_label(codec, bom))

    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _strict(data, utf16, name, label=utf16)
    if b"\x00" in data:
        # NUL bytes that are not UTF-16 padding: images, archives, office files...
        raise DocumentError(f"{name}: does not look like text (binary data)")

    if declared is None and html:
        declared = _declared_html_charset(data)
    if declared and declared.startswith(("utf_16", "utf_32")):
        # Real UTF-16/32 has a BOM or was recognised above; any even-length bytes would
        # "decode" as UTF-16, so the label alone proves nothing.
        declared = None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        warnings: tuple[str, ...] = ()
        if declared and declared not in ("utf_8", "ascii") and not data.isascii():
            # Valid non-ASCII UTF-8 is practically never legacy text; the label is stale
            # (pages re-saved as UTF-8 often keep their old <meta charset>).
            warnings = (f"{name}: it declares {declared} but is valid UTF-8; read as UTF-8",)
        return Decoded(text, "utf-8", warnings)

    if declared and declared != "utf_8":
        try:
            return Decoded(_fix_latin1(data, declared), _web_name(declared))
        except UnicodeError:  # not only decode errors: "idna" raises plain UnicodeError
            pass  # the label is wrong; detect as if there were none

    mostly_utf8 = _mostly_utf8(data, name)
    if mostly_utf8 is not None:
        return mostly_utf8
    return _detect(data, name)


def _label(codec: str, bom: bytes) -> str:
    if codec == "utf-8-sig":
        return "utf-8-sig"
    endian = "le" if bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF32_LE) else "be"
    return f"{codec}-{endian}"


def _strict(data: bytes, codec: str, name: str, *, label: str) -> Decoded:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        raise DocumentError(f"{name}: cannot be decoded as {label} (invalid bytes at position {error.start})") from None
    return Decoded(text, label)


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise UTF-16 by its NUL bytes: mostly-ASCII text puts one in every other byte."""
    sample = data[:_SAMPLE]
    pairs = len(sample) // 2
    if pairs < 2 or b"\x00" not in sample:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls >= 0.4 * pairs and even_nuls <= 0.05 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.4 * pairs and odd_nuls <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _declared_html_charset(data: bytes) -> str | None:
    """The codec named by ``<meta charset>`` (or http-equiv) near the top, if Python knows it."""
    match = _META_CHARSET.search(data[:_SAMPLE])
    if match is None:
        return None
    try:
        return _codec_name(match.group(1).decode("ascii"))
    except UnicodeDecodeError:
        return None


def _codec_name(label: str) -> str | None:
    """Python's name for a text encoding label ("ISO-8859-1" -> "iso8859_1"), None if unknown."""
    try:
        info = codecs.lookup(label.strip().strip("\"'"))
    except (LookupError, ValueError):
        return None
    try:
        b"a".decode(info.name)
    except UnicodeDecodeError:
        pass  # a text codec that needs more bytes (UTF-16, UTF-32)
    except (LookupError, UnicodeError):
        # Bytes-to-bytes codecs (base64, zlib) and Python's "undefined" codec, which a
        # hostile page can name, are not encodings.
        return None
    return info.name.replace("-", "_")


def _web_name(codec: str) -> str:
    # Browsers read "latin-1" labels as windows-1252; report what we actually used.
    return "cp1252" if codec in ("latin_1", "iso8859_1") else codec


def _fix_latin1(data: bytes, codec: str) -> str:
    """Decode, reading Latin-1 as its superset windows-1252 as browsers do.

    Latin-1 maps 0x80-0x9F to invisible C1 controls; in real files these bytes are
    curly quotes, dashes and the euro sign from windows-1252.
    """
    if codec in ("latin_1", "iso8859_1"):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin_1")  # the five bytes cp1252 leaves undefined
    return data.decode(codec)


def _mostly_utf8(data: bytes, name: str) -> Decoded | None:
    """Read slightly broken UTF-8 with replacement characters instead of guessing a code page.

    "Clearly meant as UTF-8": it has several valid multi-byte sequences and few invalid
    bytes (a legacy code page almost never forms valid multi-byte UTF-8 sequences).
    """
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    ascii_chars = len(text.encode("ascii", errors="ignore"))
    valid_multibyte = len(text) - ascii_chars - text.count("\ufffd")
    if valid_multibyte >= 3 and replaced * 4 <= valid_multibyte:
        warning = f"{name}: {replaced} invalid UTF-8 byte sequence(s) replaced with \N{REPLACEMENT CHARACTER}"
        return Decoded(text, "utf-8", (warning,))
    return None


def _detect(data: bytes, name: str) -> Decoded:
    # Imported here: only files that are neither UTF-8 nor UTF-16 need it.
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    codec: str | None = None
    confident = False
    if matches:
        best = matches[0]
        codec = best.encoding
        confident = best.coherence >= _CONFIDENT_COHERENCE
        # Mac code pages win on "language coherence" for short Western texts whose
        # windows-1252 quotes and dashes they read as letters; they are rare for articles,
        # so an equally clean Windows code page is preferred over them.
        mac_first = best.encoding.startswith("mac_")
        tied = [
            m for m in matches if m.chaos <= best.chaos + 0.01 and (mac_first or m.coherence >= best.coherence - 0.05)
        ]
        for preferred in _PREFERRED_LEGACY:
            if any(preferred in m.could_be_from_charset for m in tied):
                codec = preferred
                break
    if codec not in _WESTERN and not confident and _reads_as_western(data):
        # Short texts give charset-normalizer too little to go on (a German sentence with
        # two umlauts may come back as Big5); Western text in windows-1252 is by far the
        # most common legacy file, and the check below rejects other scripts.
        codec = "cp1252"
    if codec is None:
        raise DocumentError(f"{name}: cannot tell which text encoding it uses (undecodable)")
    try:
        text = _fix_latin1(data, codec)
    except (UnicodeDecodeError, LookupError):
        raise DocumentError(f"{name}: cannot tell which text encoding it uses (undecodable)") from None
    return Decoded(text, _web_name(codec))


def _reads_as_western(data: bytes) -> bool:
    """Whether windows-1252 turns every non-ASCII byte into Western letters or typography.

    Other 8-bit scripts (Cyrillic, Greek) also decode to accented Latin letters, but then
    whole words consist of them; in Western text accented letters sit beside ASCII ones.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    letters = inside_words = 0
    for index, char in enumerate(text):
        if char.isascii():
            continue
        if char not in _WESTERN_CHARS:
            return False
        if char.isalpha():
            letters += 1
            neighbours = text[max(index - 1, 0) : index] + text[index + 1 : index + 2]
            inside_words += any(n.isascii() and n.isalpha() for n in neighbours)
    return letters == 0 or inside_words * 2 >= letters


def _looks_binary(text: str) -> bool:
    """Many control characters (other than tab and line ends) mean this is not prose."""
    sample = text[: _SAMPLE * 4]
    return len(_CONTROLS.findall(sample)) > _BINARY_CONTROL_SHARE * len(sample)
