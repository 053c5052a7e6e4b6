"""The reference collector: a real HTTP server on 127.0.0.1 that speaks upstream protocol v1.

It holds the collector's private key and unseals everything it receives, so tests can assert
on exactly what left the machine. It can fail on purpose (5xx, 4xx), sign notices well or
badly, and counts every request.
"""

from __future__ import annotations

import base64
import json
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

VECTORS = Path(__file__).resolve().parents[1] / "data" / "vectors-v1.json"
SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)
INFO = b"confidant-upstream-v1"
PAYLOAD_KEYS = {"kind", "text", "language", "created_day"}
SIGNAL_KEYS = {"kind", "signals", "language", "created_day"}


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


@dataclass
class Received:
    """Everything the collector was sent, already unsealed."""

    requests: list[tuple[str, str, int]] = field(default_factory=list)  # (method, path, bytes)
    items: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> unsealed payload
    duplicates: list[str] = field(default_factory=list)
    batches: list[dict[str, Any]] = field(default_factory=list)
    deletion_requests: list[dict[str, Any]] = field(default_factory=list)
    schema_errors: list[str] = field(default_factory=list)


class Collector:
    """A running reference collector (use ``running_collector``)."""

    def __init__(self) -> None:
        vectors = json.loads(VECTORS.read_text())
        self.private_key = X25519PrivateKey.from_private_bytes(
            base64.b64decode(vectors["sealing"]["collector_private_key_b64"])
        )
        self.notice_private_key = Ed25519PrivateKey.from_private_bytes(
            base64.b64decode(vectors["notices"]["notice_private_key_b64"])
        )
        self.received = Received()
        self.lock = threading.Lock()
        self.fail_with: list[int] = []  # statuses to answer the next contribution posts with
        self.notices: list[dict[str, str]] = []
        self.sign_notices = "good"  # "good", "bad" or "none"
        self.reply_delay = 0.0  # seconds to wait after recording a batch, before answering
        self.server: ThreadingHTTPServer | None = None

    @property
    def collector_key_b64(self) -> str:
        """The public sealing key, as the app is configured with it."""
        raw = self.private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return _b64(raw)

    @property
    def notice_key_b64(self) -> str:
        """The public notice-signing key."""
        raw = self.notice_private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return _b64(raw)

    @property
    def url(self) -> str:
        """The base URL (http on loopback)."""
        assert self.server is not None
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def request_count(self, path: str | None = None) -> int:
        """How many requests arrived (to ``path``, or to any)."""
        with self.lock:
            return sum(1 for _m, p, _b in self.received.requests if path is None or p == path)

    # --- protocol ---------------------------------------------------------------------------

    def handle_contributions(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Check the envelope, unseal each item, dedupe by id."""
        if self.fail_with:
            status = self.fail_with.pop(0)
            return status, {"error": "injected"}
        envelope_ok = (
            isinstance(body.get("batch_id"), str)
            and isinstance(body.get("contributor"), str)
            and isinstance(body.get("consent"), dict)
            and set(body["consent"]) == {"scope", "text_version", "granted_at"}
            and isinstance(body.get("items"), list)
        )
        if not envelope_ok:
            self.received.schema_errors.append("envelope")
            return 400, {"error": "bad envelope"}
        accepted = []
        for item in body["items"]:
            sealed = base64.b64decode(item["sealed"], validate=True)
            plaintext = SUITE.decrypt(sealed, self.private_key, info=INFO)
            payload = json.loads(plaintext.decode("utf-8"))
            keys = SIGNAL_KEYS if item["kind"] == "learning_signal" else PAYLOAD_KEYS
            if set(payload) != keys or payload.get("kind") != item["kind"]:
                self.received.schema_errors.append(item["id"])
            if item["id"] in self.received.items:
                self.received.duplicates.append(item["id"])
            self.received.items[item["id"]] = {**payload, "_contributor": body["contributor"]}
            accepted.append(item["id"])
        self.received.batches.append(body)
        return 200, {"accepted": accepted}

    def handle_deletion(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Record a deletion request and hand back a receipt."""
        if self.fail_with:
            return self.fail_with.pop(0), {"error": "injected"}
        self.received.deletion_requests.append(body)
        return 202, {"receipt": f"rcpt-{uuid.uuid4()}"}

    def notices_response(self) -> dict[str, Any]:
        """The signed (or badly signed, or unsigned) notice list."""
        canonical = json.dumps(self.notices, sort_keys=True, separators=(",", ":")).encode()
        response: dict[str, Any] = {"notices": self.notices}
        if self.sign_notices == "good":
            response["signature"] = _b64(self.notice_private_key.sign(canonical))
        elif self.sign_notices == "bad":
            response["signature"] = _b64(Ed25519PrivateKey.generate().sign(canonical))
        return response


def _handler(collector: Collector) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            return

        def _reply(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            with collector.lock:
                collector.received.requests.append(("GET", self.path, 0))
                if self.path == "/v1/notices":
                    self._reply(200, collector.notices_response())
                else:
                    self._reply(404, {"error": "not found"})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            raw = self.rfile.read(length)
            with collector.lock:
                collector.received.requests.append(("POST", self.path, len(raw)))
                try:
                    body = json.loads(raw)
                except ValueError:
                    self._reply(400, {"error": "not json"})
                    return
                if self.path == "/v1/contributions":
                    answer = collector.handle_contributions(body)
                    time.sleep(collector.reply_delay)
                    self._reply(*answer)
                elif self.path == "/v1/deletion-requests":
                    self._reply(*collector.handle_deletion(body))
                else:
                    self._reply(404, {"error": "not found"})

    return Handler


@contextmanager
def running_collector(port: int = 0, collector: Collector | None = None) -> Iterator[Collector]:
    """Serve a collector on 127.0.0.1 (a given port lets a test bring it back after 'down')."""
    collector = collector or Collector()
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(collector))
    server.daemon_threads = True
    collector.server = server
    thread = threading.Thread(target=server.serve_forever, name="collector", daemon=True)
    thread.start()
    try:
        yield collector
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
