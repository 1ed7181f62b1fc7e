"""Links -> Documents: fetch one web page (or PDF, Word file...) and read it like a saved file.

Only the page itself is downloaded: its HTML goes to the same readers as a saved page,
which never follow references, so images, scripts, styles and frames are never requested.
The download is bounded every way a server can misbehave: a timeout on each network wait
and one deadline for the whole transfer (connecting, every redirect, headers and body: a
watchdog shuts the socket when it passes, so headers trickled a line at a time or endless
``100 Continue`` replies cannot hold a link open), a size cap (from Content-Length and while
reading), a redirect limit, and a content-type check before the body is read. Progress is reported per chunk
and a cancel event is checked between chunks.

The network modules (urllib, http.client, ssl) are imported inside the functions: opening a
local file must not pay for them.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any, NamedTuple
from urllib.parse import unquote, urljoin, urlsplit

from reader.core.model import Document
from reader.core.read.documents import SUPPORTED_SUFFIXES, document_from_bytes, load_document
from reader.core.read.formats.errors import DocumentError

__all__ = ["MAX_DOWNLOAD_BYTES", "fetch_url", "load_source", "looks_like_url"]

# The same ceiling as a file on disk: nothing bigger is an article.
MAX_DOWNLOAD_BYTES = 50 * 1024 * 1024
_CHUNK = 64 * 1024
# The whole transfer may take this many times the per-wait timeout (a server that drips a
# byte every few seconds never trips the per-wait timeout).
_TOTAL_TIME_FACTOR = 4
_USER_AGENT = "Tandem/0.1 (article comparison; fetches one page, no sub-resources)"
_ACCEPT = (
    "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,application/pdf;q=0.8,"
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.8,"
    "application/vnd.oasis.opendocument.text;q=0.8"
)

# Content type -> the suffix whose reader handles it.
_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "application/pdf": ".pdf",
    "application/x-pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
}
# Sent for any file the server knows nothing about: only the link's own suffix can say more.
_UNKNOWN_TYPES = frozenset({"application/octet-stream", "binary/octet-stream", "application/download"})
_WHAT_WE_READ = "web pages, text, Markdown, PDF, Word (.docx) and OpenDocument (.odt)"

_URL_IN_TEXT = re.compile(r"^<?(https?://[^\s<>\"]+)>?$", re.IGNORECASE)
# Schemes that mark a source as a link rather than a path (Windows drive letters are one letter).
_LINK_SCHEME = re.compile(
    r"^(?:https?|ftps?|file|javascript|data|mailto|about|sftp|wss?|blob|vbscript):", re.IGNORECASE
)


def load_source(
    spec: str,
    *,
    timeout: float = 15,
    progress: Callable[[int, int | None], None] | None = None,
    cancel: threading.Event | None = None,
    total_timeout: float | None = None,
) -> Document:
    """A Document from what a user typed, dropped or pasted: a path or an http(s) link.

    Other link schemes (file:, ftp:, javascript:...) are refused by :func:`fetch_url` with a
    clear message rather than read as odd file names; the keyword arguments are fetch_url's.
    """
    text = spec.strip()
    if _LINK_SCHEME.match(text) and not os.path.exists(spec):
        return fetch_url(text, timeout=timeout, progress=progress, cancel=cancel, total_timeout=total_timeout)
    return load_document(spec)


def looks_like_url(text: str) -> str | None:
    """The http(s) link that dropped or pasted ``text`` consists of, or None.

    Understands text/uri-list (one link per line, "#" lines are comments; the first link
    wins) and plain text that is nothing but a link, maybe in angle brackets. Text that
    merely *contains* a link (an article quoting one) is not a link.
    """
    lines = [line.strip() for line in text.replace("\r", "\n").split("\n")]
    links = [line for line in lines if line and not line.startswith("#")]
    if not links:
        return None
    found: list[str] = []
    for line in links:
        match = _URL_IN_TEXT.match(line)
        if match is None:
            return None
        found.append(match.group(1))
    url = found[0]
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def document_name(url: str) -> str:
    """A short name for the page: host plus the last part of the path ("example.com/story")."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return url[:80]
    segments = [segment for segment in parts.path.split("/") if segment]
    tail = unquote(segments[-1]) if segments else ""
    name = f"{host}/{tail}" if tail else host or url
    return name if len(name) <= 80 else name[:79] + "…"


def fetch_url(
    url: str,
    *,
    timeout: float = 15,
    max_bytes: int = MAX_DOWNLOAD_BYTES,
    max_redirects: int = 5,
    progress: Callable[[int, int | None], None] | None = None,
    cancel: threading.Event | None = None,
    total_timeout: float | None = None,
) -> Document:
    """Download ``url`` and read it into a Document named after the page, ``source`` = ``url``.

    ``timeout`` bounds each network wait (connect, each read) in seconds, and the whole
    transfer (connecting, redirects, headers, body) to ``total_timeout``, by default
    ``4 * timeout``. ``progress(received, total)`` is called after every chunk
    (``total`` is None when the server does not say). Setting ``cancel`` stops the transfer
    at the next chunk. Every failure is a DocumentError naming the page.
    """
    url = url.strip()
    name = document_name(url)
    _check_scheme(url, name)
    if cancel is not None and cancel.is_set():
        raise DocumentError(f"{name}: cancelled")
    total = _TOTAL_TIME_FACTOR * timeout if total_timeout is None else total_timeout
    limits = _Limits(timeout, total, max_bytes, max_redirects)
    data, suffix, charset, final_url = _download(_Download(url, name, limits, progress, cancel))
    document = document_from_bytes(data, name, suffix, charset=charset)
    warnings = document.warnings
    if final_url != url:
        warnings = (f"{name}: the link redirected to {final_url}",) + warnings
    return replace(document, source=url, warnings=warnings)


def _check_scheme(url: str, name: str) -> None:
    try:
        parts = urlsplit(url)
    except ValueError:
        raise DocumentError(f"{name}: not a valid link") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"{scheme}:" if scheme else "without a scheme"
        raise DocumentError(f"{name}: only http and https links can be opened (this one is {shown})")
    if not parts.hostname:
        raise DocumentError(f"{name}: not a valid link (no host name)")


class _Limits(NamedTuple):
    timeout: float  # each network wait
    total: float  # the whole transfer
    max_bytes: int
    max_redirects: int


class _Download(NamedTuple):
    url: str
    name: str  # the page as messages name it
    limits: _Limits
    progress: Callable[[int, int | None], None] | None
    cancel: threading.Event | None


class _Watchdog:
    """Shuts the current connection's socket once the whole transfer's deadline has passed.

    Per-wait timeouts cannot bound a server that answers just often enough (a header line
    every few seconds, ``100 Continue`` forever, inside http.client where no loop of ours
    runs); shutting the socket from a timer thread wakes the blocked read, which then fails.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.expired = False
        self._lock = threading.Lock()
        self._sockets: list[Any] = []
        self._connections: list[Any] = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return max(self.deadline - time.monotonic(), 0.001)

    def adopt(self, connection: Any) -> Any:
        """Watch an http.client connection: its raw socket while connecting, ``.sock`` after."""
        import socket

        def create_connection(address: Any, timeout: Any = None, *args: Any, **kwargs: Any) -> Any:
            wait = self.remaining() if not isinstance(timeout, (int, float)) else min(timeout, self.remaining())
            sock = socket.create_connection(address, wait, *args, **kwargs)
            self._watch(self._sockets, sock)
            return sock

        connection._create_connection = create_connection
        self._watch(self._connections, connection)
        return connection

    def stop(self) -> None:
        self._timer.cancel()

    def _watch(self, into: list[Any], item: Any) -> None:
        with self._lock:
            into.append(item)
            expired = self.expired
        if expired:
            self._shut()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
        self._shut()

    def _shut(self) -> None:
        import socket

        with self._lock:
            targets = list(self._sockets) + [getattr(c, "sock", None) for c in self._connections]
        for sock in targets:
            if sock is None:
                continue
            # The plain socket's shutdown, also for TLS sockets: it only wakes the reader. It
            # fails when the socket is already closed, or was detached when TLS wrapped it.
            with contextlib.suppress(OSError, TypeError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _download(job: _Download) -> tuple[bytes, str, str | None, str]:
    """The body, the suffix of the reader for it, the declared charset and the final URL."""
    import http.client
    import urllib.error

    name, limits = job.name, job.limits
    watchdog = _Watchdog(limits.total)
    too_long = f"{name}: timed out (the download took longer than {_seconds(limits.total)} in all)"
    try:
        result = _transfer(job, watchdog)
    except DocumentError:
        if watchdog.expired:
            raise DocumentError(too_long) from None
        raise
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
        if watchdog.expired:  # whatever the shut socket made the reader raise
            raise DocumentError(too_long) from None
        raise _failure(error, name, limits.timeout) from None
    finally:
        watchdog.stop()
    if watchdog.expired:  # a shut socket can also look like the end of the body
        raise DocumentError(too_long)
    return result


def _transfer(job: _Download, watchdog: _Watchdog) -> tuple[bytes, str, str | None, str]:
    import urllib.request

    url, name, limits, progress, cancel = job
    opener = urllib.request.build_opener(_redirect_handler(name, limits.max_redirects), *_handlers(watchdog))
    request = urllib.request.Request(
        url, headers={"User-Agent": _USER_AGENT, "Accept": _ACCEPT, "Accept-Encoding": "identity"}
    )
    max_bytes = limits.max_bytes
    with opener.open(request, timeout=limits.timeout) as response:
        final_url = response.geturl()
        suffix = _suffix_for(response.headers.get("Content-Type"), final_url, name)
        total = _declared_length(response.headers.get("Content-Length"))
        if total is not None and total > max_bytes:
            raise DocumentError(f"{name}: the page is too large ({_size(total)}; the limit is {_size(max_bytes)})")
        charset = response.headers.get_content_charset()
        # One growing buffer: a list of tiny chunks costs ~40 bytes of overhead per chunk.
        body = bytearray()
        while True:
            if cancel is not None and cancel.is_set():
                raise DocumentError(f"{name}: cancelled")
            if watchdog.expired:
                raise DocumentError(f"{name}: timed out")
            chunk = response.read1(_CHUNK)
            if not chunk:
                break
            if len(body) + len(chunk) > max_bytes:
                raise DocumentError(f"{name}: the page is too large (more than {_size(max_bytes)}, the limit)")
            body += chunk
            if progress is not None:
                progress(len(body), total)
        if cancel is not None and cancel.is_set():
            raise DocumentError(f"{name}: cancelled")
    return bytes(body), suffix, charset, final_url


def _handlers(watchdog: _Watchdog) -> list[Any]:
    """HTTP and HTTPS handlers whose connections the watchdog can shut."""
    import urllib.request

    def watched(http_class: Any) -> Callable[..., Any]:
        return lambda *args, **kwargs: watchdog.adopt(http_class(*args, **kwargs))

    class WatchedHTTP(urllib.request.HTTPHandler):
        def do_open(self, http_class: Any, req: Any, **kwargs: Any) -> Any:
            return super().do_open(watched(http_class), req, **kwargs)

    class WatchedHTTPS(urllib.request.HTTPSHandler):
        def do_open(self, http_class: Any, req: Any, **kwargs: Any) -> Any:
            return super().do_open(watched(http_class), req, **kwargs)

    return [WatchedHTTP(), WatchedHTTPS()]


def _failure(error: Exception, name: str, timeout: float) -> DocumentError:
    """One sentence for a network failure."""
    import socket
    import ssl
    import urllib.error

    if isinstance(error, urllib.error.HTTPError):
        return DocumentError(f"{name}: the server answered {error.code} ({_reason(error.reason)})")
    if isinstance(error, urllib.error.URLError):
        reason = error.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            return DocumentError(f"{name}: timed out (no answer within {_seconds(timeout)})")
        if isinstance(reason, ssl.SSLError):
            return DocumentError(f"{name}: the secure connection failed ({_reason(reason)})")
        if isinstance(reason, socket.gaierror):
            return DocumentError(f"{name}: the server's name could not be found (offline?)")
        return DocumentError(f"{name}: cannot connect ({_reason(reason)})")
    if isinstance(error, (TimeoutError, socket.timeout)):
        return DocumentError(f"{name}: timed out (no answer within {_seconds(timeout)})")
    if isinstance(error, ssl.SSLError):
        return DocumentError(f"{name}: the secure connection failed ({_reason(error)})")
    if isinstance(error, ValueError):  # malformed URLs that urlsplit let through (bad ports, ...)
        return DocumentError(f"{name}: not a valid link ({_reason(error)})")
    return DocumentError(f"{name}: the connection failed ({_reason(error)})")


def _redirect_handler(name: str, limit: int) -> Any:
    import urllib.request

    class CountingRedirects(urllib.request.HTTPRedirectHandler):
        """Follows at most ``limit`` redirects, to http(s) only."""

        # urllib's own loop guard would answer with a vague HTTP error before ours.
        max_repeats = max_redirections = 1_000_000

        def __init__(self) -> None:
            super().__init__()
            self.count = 0

        def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
            self.count += 1
            if self.count > limit:
                raise DocumentError(f"{name}: too many redirects (more than {limit}; a redirect loop?)")
            if urlsplit(newurl).scheme.lower() not in ("http", "https"):
                raise DocumentError(f"{name}: refused a redirect to a non-web link ({newurl[:80]})")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

        def http_error_302(self, req: Any, fp: Any, code: int, msg: str, headers: Any) -> Any:
            # urllib refuses file: and ftp: targets itself, but with a vague HTTP error.
            location = headers.get("location") or headers.get("uri") or ""
            target = urljoin(req.full_url, location)
            if urlsplit(target).scheme.lower() not in ("http", "https"):
                raise DocumentError(f"{name}: refused a redirect to a non-web link ({target[:80]})")
            return super().http_error_302(req, fp, code, msg, headers)

        http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    return CountingRedirects()


def _suffix_for(content_type: str | None, url: str, name: str) -> str:
    """The reader suffix for the response; refuses images, video and unknown binaries."""
    media = (content_type or "").split(";")[0].strip().lower()
    path = urlsplit(url).path.lower()
    link_suffix = "." + path.rsplit(".", 1)[1] if "." in path.rsplit("/", 1)[-1] else ""
    if media in _TYPES:
        suffix = _TYPES[media]
        # Servers send Markdown files as text/plain.
        return ".md" if suffix == ".txt" and link_suffix in (".md", ".markdown") else suffix
    if not media or media in _UNKNOWN_TYPES:
        if link_suffix in SUPPORTED_SUFFIXES:
            return link_suffix
        if not media:
            return ".html"  # no type at all: the readers fall back to visible text
        raise DocumentError(
            f"{name}: the link gives {media} (unknown binary data), not an article ({_WHAT_WE_READ} can be read)"
        )
    raise DocumentError(f"{name}: the link gives {media}, not an article ({_WHAT_WE_READ} can be read)")


# Content-Length digits beyond which a header is not believed (10^18 bytes is an exabyte):
# int() refuses strings of over 4,300 digits, and the body is bounded as it is read anyway.
_MAX_LENGTH_DIGITS = 18


def _declared_length(value: str | None) -> int | None:
    """The Content-Length in ASCII digits, or None when absent or not believable."""
    digits = (value or "").strip()
    # isdigit() alone passes "²", which int() rejects; headers are decoded as Latin-1.
    if not digits or not (digits.isascii() and digits.isdigit()) or len(digits) > _MAX_LENGTH_DIGITS:
        return None
    return int(digits)


def _reason(reason: object) -> str:
    text = " ".join(str(reason).split()) or type(reason).__name__
    return text[:120]


def _seconds(value: float) -> str:
    return f"{value:g} s"


def _size(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size} bytes"
