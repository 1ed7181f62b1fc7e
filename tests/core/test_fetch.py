"""Fetching links: a real HTTP server on 127.0.0.1 serves every way a page can misbehave."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from reader.core.model import BlockKind
from reader.core.read.documents import DocumentError
from reader.core.read.fetch import document_name, fetch_url, load_source, looks_like_url

ARTICLE_HTML = """<!doctype html>
<html><head><title>Harbour bridge reopens</title>
<link rel="stylesheet" href="/style.css">
<script src="/app.js"></script>
<script>fetch('/tracker'); document.write('INJECTED BY SCRIPT');</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Harbour bridge reopens</h1>
<p>The old harbour bridge, closed since a storm damaged two of its piers, reopened to traffic
on Monday morning after eight months of repairs.</p>
<img src="/photo.jpg" alt="The bridge at dawn">
<iframe src="/embed/video"></iframe>
<p>Engineers replaced both piers and resurfaced the whole deck. The city says the bill came in
lower than feared, at just under four million euros.</p>
<p>Shop owners on the waterfront welcomed the news, saying the closure had cost them customers
throughout the winter season.</p>
<img src="https://remote.example.invalid/pixel.gif">
</article>
<footer>Copyright the harbour gazette</footer>
</body></html>
"""


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output clean

    def do_GET(self) -> None:
        self.server.paths.append(self.path)
        route = self.path.split("?")[0]
        if route == "/article":
            self._send(200, "text/html; charset=utf-8", ARTICLE_HTML.encode())
        elif route == "/plain":
            self._send(200, "text/plain", b"Plain headline\n\nA plain paragraph of text, served as text/plain.")
        elif route == "/notes.md":
            self._send(200, "text/plain; charset=utf-8", b"# Notes\n\nSome *Markdown* text here.\n\n- one\n- two")
        elif route == "/latin1":
            body = "<html><body><p>Caf\u00e9 cr\u00e8me \u2013 na\u00efve r\u00e9sum\u00e9 costs 5\u20ac.</p></body></html>"
            self._send(200, "text/html; charset=windows-1252", body.encode("cp1252"))
        elif route == "/missing":
            self._send(404, "text/html", b"<h1>Not found</h1>")
        elif route == "/slow":
            time.sleep(self.server.slow_seconds)
            self._send(200, "text/html", ARTICLE_HTML.encode())
        elif route == "/loop":
            self._redirect("/loop")
        elif route.startswith("/hop/"):
            left = int(route.rsplit("/", 1)[1])
            self._redirect(f"/hop/{left - 1}" if left > 0 else "/article")
        elif route == "/to-file":
            self._redirect("file:///etc/passwd")
        elif route == "/image.png":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200))
        elif route in ("/paper.pdf", "/download/paper.pdf"):
            from tests.core.test_doc_office import article_pages, make_pdf

            media = "application/pdf" if route == "/paper.pdf" else "application/octet-stream"
            self._send(200, media, make_pdf(article_pages()))
        elif route == "/blob":
            self._send(200, "application/octet-stream", bytes(range(256)) * 4)
        elif route == "/big-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(10**9))
            self.end_headers()
            self.wfile.write(b"<p>" + b"x" * 1000)
        elif route == "/big-streamed":
            self._stream(b"<p>" + b"word " * 2000, pieces=50, pause=0)
        elif route == "/streamed":
            self._stream(b"<p>A paragraph sent in pieces, one after another.</p>\n" * 200, pieces=20, pause=0.01)
        elif route == "/drip":
            self._stream(b"<p>" + b"slow text " * 1000, pieces=200, pause=0.02)
        else:
            self._send(404, "text/plain", b"no such route")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _stream(self, piece: bytes, *, pieces: int, pause: float) -> None:
        """No Content-Length: the size is only known by reading."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            for _ in range(pieces):
                self.wfile.write(piece)
                self.wfile.flush()
                if pause:
                    time.sleep(pause)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading, as it should


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    paths: list[str]
    slow_seconds: float


@contextmanager
def serving(slow_seconds: float = 3.0) -> Iterator[_Server]:
    """A local HTTP server on a free port of 127.0.0.1; ``server.paths`` logs every request."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.paths = []
    server.slow_seconds = slow_seconds
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def base_url(server: _Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture()
def server() -> Iterator[_Server]:
    with serving() as running:
        yield running


# -- the article ------------------------------------------------------------------


def test_article_is_fetched_and_extracted(server: _Server) -> None:
    url = base_url(server) + "/article"
    document = fetch_url(url)
    assert document.source == url
    assert document.name == "127.0.0.1/article"
    assert document.title == "Harbour bridge reopens"
    assert "Engineers replaced both piers" in document.text
    assert "welcomed the news" in document.text
    for hidden in ("INJECTED", "fetch(", "Home", "Copyright"):
        assert hidden not in document.text


def test_only_the_page_itself_is_requested(server: _Server) -> None:
    """Images, scripts, styles and iframes of the page are never fetched."""
    fetch_url(base_url(server) + "/article")
    assert server.paths == ["/article"]


def test_progress_reports_bytes_and_total(server: _Server) -> None:
    calls: list[tuple[int, int | None]] = []
    fetch_url(base_url(server) + "/article", progress=lambda done, total: calls.append((done, total)))
    assert calls, "progress is reported at least once"
    size = len(ARTICLE_HTML.encode())
    assert calls[-1] == (size, size)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_progress_without_a_declared_length(server: _Server) -> None:
    calls: list[tuple[int, int | None]] = []
    fetch_url(base_url(server) + "/streamed", progress=lambda done, total: calls.append((done, total)))
    assert len(calls) > 1
    assert all(total is None for _, total in calls)
    assert calls[-1][0] == len(b"<p>A paragraph sent in pieces, one after another.</p>\n" * 200) * 20


def test_plain_text_and_markdown_links(server: _Server) -> None:
    plain = fetch_url(base_url(server) + "/plain")
    assert plain.title == "Plain headline"
    notes = fetch_url(base_url(server) + "/notes.md")
    assert notes.title == "Notes"
    assert "*" not in notes.text  # read as Markdown, not as plain text
    assert [b.kind for b in notes.blocks].count(BlockKind.LIST_ITEM) == 2


@pytest.mark.parametrize("route", ["/paper.pdf", "/download/paper.pdf"])
def test_pdf_links_are_read_as_pdf(server: _Server, route: str) -> None:
    """By its content type, or by the link's suffix when the server only says octet-stream."""
    document = fetch_url(base_url(server) + route)
    assert document.title == "Harbour bridge reopens after long repairs"
    assert document.name == "127.0.0.1/paper.pdf"


def test_charset_from_the_header_is_used(server: _Server) -> None:
    document = fetch_url(base_url(server) + "/latin1")
    assert "Café crème – naïve résumé costs 5€." in document.text
    assert document.encoding == "cp1252"


def test_redirects_within_the_limit_are_followed(server: _Server) -> None:
    document = fetch_url(base_url(server) + "/hop/3", max_redirects=5)
    assert "Engineers replaced both piers" in document.text
    assert document.source == base_url(server) + "/hop/3"
    assert any("redirected to" in warning and warning.endswith("/article") for warning in document.warnings)


# -- failures ---------------------------------------------------------------------


def test_404_names_the_status(server: _Server) -> None:
    with pytest.raises(DocumentError, match=r"^127\.0\.0\.1/missing: the server answered 404 \(Not Found\)$"):
        fetch_url(base_url(server) + "/missing")


def test_slow_server_times_out() -> None:
    with serving(slow_seconds=3) as slow:
        started = time.monotonic()
        with pytest.raises(DocumentError, match=r"/slow: timed out"):
            fetch_url(base_url(slow) + "/slow", timeout=0.3)
        assert time.monotonic() - started < 2.5


def test_redirect_loop_is_stopped(server: _Server) -> None:
    with pytest.raises(DocumentError, match=r"too many redirects \(more than 5"):
        fetch_url(base_url(server) + "/loop")
    assert len(server.paths) == 6  # the first request and five redirects, then it stops


def test_too_many_redirects_even_without_a_loop(server: _Server) -> None:
    with pytest.raises(DocumentError, match="too many redirects"):
        fetch_url(base_url(server) + "/hop/4", max_redirects=2)


def test_redirect_to_a_file_link_is_refused(server: _Server) -> None:
    with pytest.raises(DocumentError, match="redirect"):
        fetch_url(base_url(server) + "/to-file")


@pytest.mark.parametrize("route, media", [("/image.png", "image/png"), ("/blob", "application/octet-stream")])
def test_non_article_content_types_are_refused_by_name(server: _Server, route: str, media: str) -> None:
    with pytest.raises(DocumentError, match=f"the link gives {media}"):
        fetch_url(base_url(server) + route)


def test_declared_size_over_the_limit_is_refused_before_reading(server: _Server) -> None:
    with pytest.raises(DocumentError, match=r"too large \(953\.7 MB; the limit is 1\.0 MB\)"):
        fetch_url(base_url(server) + "/big-declared", max_bytes=1024 * 1024)


def test_undeclared_size_is_capped_while_reading(server: _Server) -> None:
    with pytest.raises(DocumentError, match=r"too large \(more than 100000 bytes"):
        fetch_url(base_url(server) + "/big-streamed", max_bytes=100_000)


def test_cancel_stops_the_download(server: _Server) -> None:
    cancel = threading.Event()
    received: list[int] = []

    def on_progress(done: int, _total: int | None) -> None:
        received.append(done)
        cancel.set()  # the user presses Cancel as soon as the first bytes arrive

    started = time.monotonic()
    with pytest.raises(DocumentError, match=r"^127\.0\.0\.1/drip: cancelled$"):
        fetch_url(base_url(server) + "/drip", progress=on_progress, cancel=cancel)
    assert len(received) == 1
    assert time.monotonic() - started < 2  # the whole drip takes 4 s


def test_cancel_before_starting_makes_no_request(server: _Server) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(DocumentError, match="cancelled"):
        fetch_url(base_url(server) + "/article", cancel=cancel)
    assert server.paths == []


@pytest.mark.parametrize(
    "link", ["file:///etc/passwd", "ftp://example.com/a.txt", "javascript:alert(1)", "data:text/html,<p>x</p>"]
)
def test_only_http_and_https_are_fetched(link: str) -> None:
    with pytest.raises(DocumentError, match="only http and https links can be opened"):
        fetch_url(link)
    with pytest.raises(DocumentError, match="only http and https links can be opened"):
        load_source(link)


def test_nothing_listening_is_a_connection_error() -> None:
    with serving() as server:
        port = server.server_address[1]
    with pytest.raises(DocumentError, match=r"^127\.0\.0\.1: cannot connect"):
        fetch_url(f"http://127.0.0.1:{port}/", timeout=2)


# -- load_source and looks_like_url ---------------------------------------------------


def test_load_source_dispatches_links_and_paths(server: _Server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from_link = load_source(base_url(server) + "/plain", timeout=5)
    assert from_link.source.startswith("http://127.0.0.1")
    path = tmp_path / "local.txt"
    path.write_text("A local text.", encoding="utf-8")
    assert load_source(str(path)).text == "A local text."


@pytest.mark.parametrize(
    "text, expected",
    [
        ("https://example.com/news/story.html", "https://example.com/news/story.html"),
        ("  http://example.com  \n", "http://example.com"),
        ("<https://example.com/a>", "https://example.com/a"),
        ("# from Firefox\r\nhttps://example.com/one\r\nhttps://example.com/two\r\n", "https://example.com/one"),
        ("Read this: https://example.com/story", None),
        ("An article that mentions\nhttps://example.com in passing.", None),
        ("ftp://example.com/file.txt", None),
        ("file:///home/me/article.html", None),
        ("javascript:alert(1)", None),
        ("https://", None),
        ("", None),
        ("# only a comment", None),
    ],
)
def test_looks_like_url(text: str, expected: str | None) -> None:
    assert looks_like_url(text) == expected


@pytest.mark.parametrize(
    "url, name",
    [
        ("https://www.example.com/news/2025/bridge-reopens.html", "www.example.com/bridge-reopens.html"),
        ("https://example.com/", "example.com"),
        ("https://example.com/a%20b/", "example.com/a b"),
    ],
)
def test_document_name_is_host_and_path_tail(url: str, name: str) -> None:
    assert document_name(url) == name
