"""Streamed HTTP: checked URLs, no redirects, a log entry per request, and a cancel that works."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from app.core.errors import InputError
from app.core.network import ConnectionFailed, HttpClient, PendingRequests, StreamCancelled
from tests.helpers.network_guard import socket_guard
from tests.helpers.providers import closed_port


@contextmanager
def _redirecting_server(target: str) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            return

        def do_GET(self) -> None:
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_POST = do_GET

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.mark.parametrize(
    "url",
    ["http://example.com/v1", "ftp://127.0.0.1/", "http://user:pw@127.0.0.1:1/", "not a url"],
)
def test_only_https_or_loopback_http_without_credentials(http: HttpClient, url: str) -> None:
    with pytest.raises(InputError):
        http.stream("GET", url, purpose="assistant")


def test_a_streamed_request_never_follows_a_redirect(
    http: HttpClient, requests_log: PendingRequests
) -> None:
    with _redirecting_server("http://example.com/steal") as base, socket_guard() as guard:
        port = int(base.rsplit(":", 1)[1])
        guard.allowed.add(("127.0.0.1", port))
        with http.stream("POST", f"{base}/v1/messages", purpose="assistant", body=b"{}") as reply:
            assert reply.open() == 302
    assert guard.refused == []
    (entry,) = requests_log.drain()
    assert (entry.method, entry.status, entry.bytes_out) == ("POST", 302, 2)


def test_a_plain_request_follows_no_redirect_to_a_forbidden_url(
    http: HttpClient, requests_log: PendingRequests
) -> None:
    with _redirecting_server("http://example.com/steal") as base, socket_guard() as guard:
        port = int(base.rsplit(":", 1)[1])
        guard.allowed.add(("127.0.0.1", port))
        response = http.request("GET", f"{base}/v1/notices", purpose="notices")
    assert response.status == 302
    assert guard.refused == []
    assert [e.url for e in requests_log.drain()] == [f"{base}/v1/notices"]


def test_a_refused_connection_is_logged_and_named(
    http: HttpClient, requests_log: PendingRequests
) -> None:
    port = closed_port()
    with (
        pytest.raises(ConnectionFailed) as caught,
        http.stream("GET", f"http://127.0.0.1:{port}/v1/models", purpose="assistant") as reply,
    ):
        reply.open()
    assert caught.value.reason == "the connection was refused"
    (entry,) = requests_log.drain()
    assert entry.status is None and entry.error == "ConnectionRefusedError"


def test_a_request_cancelled_before_it_is_sent_sends_and_logs_nothing(
    http: HttpClient, requests_log: PendingRequests
) -> None:
    port = closed_port()
    reply = http.stream("GET", f"http://127.0.0.1:{port}/", purpose="assistant")
    reply.cancel()
    with socket_guard() as guard, pytest.raises(StreamCancelled), reply:
        reply.open()
    assert guard.attempts == []
    assert requests_log.drain() == []


def test_a_log_entry_never_holds_a_header(http: HttpClient, requests_log: PendingRequests) -> None:
    port = closed_port()
    secret = "sk-never-logged-42"
    with (
        pytest.raises(ConnectionFailed),
        http.stream(
            "POST",
            f"http://127.0.0.1:{port}/v1/chat/completions",
            purpose="assistant",
            body=b'{"x": 1}',
            headers={"Authorization": f"Bearer {secret}"},
        ) as reply,
    ):
        reply.open()
    (entry,) = requests_log.drain()
    assert secret not in repr(entry)
