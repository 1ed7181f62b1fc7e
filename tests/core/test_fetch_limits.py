"""The whole-transfer deadline and the download buffer, against raw sockets on 127.0.0.1.

http.server cannot misbehave the ways that matter here (headers a line at a time, endless
``100 Continue``, a body in one-byte HTTP chunks), so each case writes its bytes by hand.
"""

from __future__ import annotations

import socket
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from reader.core.read.documents import DocumentError
from reader.core.read.fetch import fetch_url

Reply = Callable[[socket.socket], None]


@contextmanager
def raw_server(reply: Reply) -> Iterator[str]:
    """Serves ``reply(connection)`` to every request; yields the base URL."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    stop = threading.Event()

    def handle(conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)  # the request; its content does not matter
                reply(conn)
            except OSError:
                pass  # the client hung up, as it should when it gives up

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(2)
        listener.close()


def _forever(conn: socket.socket, first: bytes, again: bytes, pause: float = 0.05) -> None:
    conn.sendall(first)
    for _ in range(2000):  # 100 s: far past any deadline the tests set
        time.sleep(pause)
        conn.sendall(again)


def trickled_headers(conn: socket.socket) -> None:
    _forever(conn, b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n", b"X-Padding: more\r\n")


def endless_continue(conn: socket.socket) -> None:
    _forever(conn, b"HTTP/1.1 100 Continue\r\n\r\n", b"HTTP/1.1 100 Continue\r\n\r\n")


def trickled_status_line(conn: socket.socket) -> None:
    _forever(conn, b"H", b"T")


def trickled_body(conn: socket.socket) -> None:
    # No Content-Length: when the watchdog shuts the socket the body merely seems to end,
    # and a cut-off page must still not be read as the whole one.
    _forever(conn, b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nA", b"a")


@pytest.mark.parametrize(
    "reply", [trickled_headers, endless_continue, trickled_status_line, trickled_body], ids=lambda r: r.__name__
)
def test_the_deadline_covers_connecting_headers_and_body(reply: Reply) -> None:
    with raw_server(reply) as url:
        started = time.monotonic()
        with pytest.raises(
            DocumentError, match=r"^127\.0\.0\.1/page: timed out \(the download took longer than 1 s in all\)$"
        ):
            fetch_url(url + "/page", timeout=0.5, total_timeout=1.0)
        elapsed = time.monotonic() - started
    assert 0.9 < elapsed < 1.8


def test_the_default_deadline_is_four_waits() -> None:
    with raw_server(trickled_headers) as url, pytest.raises(DocumentError, match=r"longer than 1 s in all"):
        fetch_url(url + "/page", timeout=0.25)


def test_a_prompt_server_is_not_cut_off_by_the_watchdog() -> None:
    body = b"A short text served at once, well within the deadline."
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % len(body)
    with raw_server(lambda conn: conn.sendall(head + body)) as url:
        document = fetch_url(url + "/page", timeout=0.5, total_timeout=0.6)
        time.sleep(0.8)  # the timer has fired by now, and must have been stopped
    assert "well within the deadline" in document.text


def one_byte_chunks(size: int) -> Reply:
    def reply(conn: socket.socket) -> None:
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        conn.sendall(b"1\r\nx\r\n" * size + b"0\r\n\r\n")

    return reply


def test_one_byte_chunks_cost_about_their_size_in_memory() -> None:
    size = 200_000
    with raw_server(one_byte_chunks(size)) as url:
        tracemalloc.start()
        try:
            document = fetch_url(url + "/page", timeout=5)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert len(document.text) == size
    # Kept as a list of one-byte bytes objects the download cost 89 bytes a byte; as one
    # buffer, with the bytes made from it and the reading of the text, about 12.
    assert peak < 25 * size, f"{peak / size:.0f} bytes of memory per byte received"
