"""Streamed HTTP: checked URLs, no redirects, a log entry per request, and a cancel that works."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

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


def _self_signed(directory: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that no authority signed, and its key."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@contextmanager
def _server(
    handler: type[BaseHTTPRequestHandler], tls: ssl.SSLContext | None = None
) -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02})
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


class _Answering(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        return

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")


def test_tls_is_verified_and_an_untrusted_certificate_is_refused(
    http: HttpClient, requests_log: PendingRequests, tmp_path: Path
) -> None:
    cert, key = _self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with _server(_Answering, context) as port:
        # The same server answers a client that trusts its certificate: TLS itself works.
        trusting = ssl.create_default_context(cafile=str(cert))
        with urllib.request.urlopen(f"https://127.0.0.1:{port}/", context=trusting) as answer:
            assert answer.status == 200
        with (
            pytest.raises(ConnectionFailed) as caught,
            http.stream("GET", f"https://127.0.0.1:{port}/v1/models", purpose="assistant") as reply,
        ):
            reply.open()
    assert caught.value.reason == "its certificate could not be verified"
    (entry,) = requests_log.drain()
    assert entry.status is None and entry.error == "SSLCertVerificationError"


def test_a_server_that_never_answers_times_out(
    http: HttpClient, requests_log: PendingRequests
) -> None:
    release = threading.Event()

    class Silent(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            return

        def do_GET(self) -> None:
            release.wait(10)  # reads the request, then says nothing

    with _server(Silent) as port:
        try:
            with (
                pytest.raises(ConnectionFailed) as caught,
                http.stream(
                    "GET",
                    f"http://127.0.0.1:{port}/v1/models",
                    purpose="assistant",
                    read_timeout=0.2,
                ) as reply,
            ):
                reply.open()
        finally:
            release.set()
    assert caught.value.reason == "it did not answer in time"
    (entry,) = requests_log.drain()
    assert entry.status is None and entry.error == "TimeoutError"
