"""Loopback assistant servers that speak the real wire formats: OpenAI and Anthropic SSE.

Each is a real HTTP/1.1 server on 127.0.0.1 that answers with chunked transfer encoding, the
way the real services do. A test scripts each answer: how the reply text is cut into
deltas, how the event bytes are cut into writes (in the middle of a line, a field name, a
UTF-8 character), and what goes wrong: an error status (401, 429 with Retry-After), a
connection dropped mid-stream, an event that is not JSON, or a stream held open until the
client goes away (``client_closed`` is then set, which is how a test sees a Stop arrive
on the server's side).
"""

from __future__ import annotations

import json
import re
import select
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

Flavour = Literal["openai", "anthropic"]
PLACEHOLDER = re.compile(r"\[[A-Z_]+_\d+\]")
#: How long a held stream waits for the client to leave before it finishes on its own.
HOLD_LIMIT_S = 10.0


def pieces_of(size: int) -> Callable[[str], list[str]]:
    """Cut a reply into deltas of ``size`` characters (placeholders fall across them)."""
    return lambda text: [text[i : i + size] for i in range(0, len(text), size)] or [""]


def echo(messages: list[dict[str, Any]]) -> str:
    """The default reply: the last user message, said back."""
    last = next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")
    return f"You said: {last}"


@dataclass
class Script:
    """How one answer goes."""

    reply: str | Callable[[list[dict[str, Any]]], str] = echo
    pieces: Callable[[str], list[str]] = field(default_factory=lambda: pieces_of(7))
    #: Write the event bytes in pieces of this many bytes (None: one write per event).
    byte_split: int | None = None
    line_end: str = "\n"
    status: int = 200
    retry_after: str | None = None
    error_body: dict[str, Any] | None = None
    #: Drop the connection after this many text deltas (no end marker, no final chunk).
    cut_after: int | None = None
    #: Send an event that is not JSON after this many text deltas.
    invalid_json_after: int | None = None
    #: After this many text deltas, send keep-alives until the client goes away.
    hold_after: int | None = None
    #: Ignore "stream" and answer the whole completion as one JSON body (either flavour).
    whole: bool = False
    #: Answer 200 with a body of this media type instead (a captive portal's HTML, say).
    content_type: str | None = None
    #: After this many text deltas, wait for ``resume`` to be set before going on.
    pause_after: int | None = None
    resume: threading.Event = field(default_factory=threading.Event)


@dataclass
class Request:
    """One request the server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        """The body, parsed."""
        return json.loads(self.body) if self.body else None


class FakeProvider:
    """A running loopback provider (use ``running_provider``)."""

    def __init__(self, flavour: Flavour, *, api_key: str | None = None) -> None:
        self.flavour = flavour
        self.api_key = api_key
        self.models = ["model-a", "model-b"]
        self.default = Script()
        self.scripts: list[Script] = []
        self.requests: list[Request] = []
        self.deltas_sent = 0
        self.client_closed = threading.Event()
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None

    @property
    def port(self) -> int:
        """The port it listens on."""
        assert self.server is not None
        return int(self.server.server_address[1])

    @property
    def base_url(self) -> str:
        """The base URL the app is configured with (OpenAI's includes ``/v1``)."""
        root = f"http://127.0.0.1:{self.port}"
        return f"{root}/v1" if self.flavour == "openai" else root

    def then(self, script: Script) -> FakeProvider:
        """Answer the next chat request this way (then the default again)."""
        with self.lock:
            self.scripts.append(script)
        return self

    def next_script(self) -> Script:
        with self.lock:
            return self.scripts.pop(0) if self.scripts else self.default

    def chat_requests(self) -> list[Request]:
        """The chat requests received so far."""
        with self.lock:
            return [r for r in self.requests if r.method == "POST"]

    # --- the wire formats ------------------------------------------------------------------

    def events(self, text_pieces: list[str], model: str) -> Iterator[tuple[str, bool]]:
        """(event text, is it a text delta) for one reply, in the flavour's format."""
        if self.flavour == "openai":
            yield from self._openai_events(text_pieces, model)
        else:
            yield from self._anthropic_events(text_pieces, model)

    @staticmethod
    def _openai_events(text_pieces: list[str], model: str) -> Iterator[tuple[str, bool]]:
        def chunk(delta: dict[str, Any], finish: str | None) -> str:
            body = {
                "id": "chatcmpl-test",
                "object": "chat.completion.chunk",
                "created": 1_700_000_000,
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }
            return "data: " + json.dumps(body, ensure_ascii=False) + "\n\n"

        yield chunk({"role": "assistant", "content": ""}, None), False
        for piece in text_pieces:
            yield chunk({"content": piece}, None), True
        yield chunk({}, "stop"), False
        yield "data: [DONE]\n\n", False

    @staticmethod
    def _anthropic_events(text_pieces: list[str], model: str) -> Iterator[tuple[str, bool]]:
        def event(name: str, data: dict[str, Any]) -> str:
            return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"

        message = {
            "id": "msg_test",
            "type": "message",
            "role": "assistant",
            "content": [],
            "model": model,
            "stop_reason": None,
            "usage": {"input_tokens": 10, "output_tokens": 1},
        }
        yield event("message_start", {"type": "message_start", "message": message}), False
        block = {"type": "text", "text": ""}
        yield (
            event(
                "content_block_start",
                {"type": "content_block_start", "index": 0, "content_block": block},
            ),
            False,
        )
        yield event("ping", {"type": "ping"}), False
        for piece in text_pieces:
            delta = {"type": "text_delta", "text": piece}
            yield (
                event(
                    "content_block_delta",
                    {"type": "content_block_delta", "index": 0, "delta": delta},
                ),
                True,
            )
        yield event("content_block_stop", {"type": "content_block_stop", "index": 0}), False
        yield (
            event(
                "message_delta",
                {
                    "type": "message_delta",
                    "delta": {"stop_reason": "end_turn"},
                    "usage": {"output_tokens": len(text_pieces)},
                },
            ),
            False,
        )
        yield event("message_stop", {"type": "message_stop"}), False

    def error_body(self, status: int) -> dict[str, Any]:
        kinds = {401: "authentication_error", 429: "rate_limit_error", 404: "not_found_error"}
        kind = kinds.get(status, "api_error")
        if self.flavour == "anthropic":
            return {"type": "error", "error": {"type": kind, "message": f"test {kind}"}}
        return {"error": {"message": f"test {kind}", "type": kind, "code": None}}


def _handler(provider: FakeProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            return

        # --- plumbing -----------------------------------------------------------------

        def _record(self, body: bytes) -> None:
            with provider.lock:
                provider.requests.append(
                    Request(self.command, self.path, dict(self.headers.items()), body)
                )

        def _json(self, status: int, body: dict[str, Any], extra: dict[str, str]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Connection", "close")
            for name, value in extra.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
            self.close_connection = True

        def _chunk(self, data: bytes) -> None:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

        def _authorized(self) -> bool:
            if provider.api_key is None:
                return True
            if provider.flavour == "openai":
                return self.headers.get("Authorization") == f"Bearer {provider.api_key}"
            return self.headers.get("x-api-key") == provider.api_key

        def _client_gone(self) -> bool:
            readable, _w, _x = select.select([self.connection], [], [], 0.02)
            if not readable:
                return False
            try:
                return self.connection.recv(1, socket.MSG_PEEK) == b""
            except OSError:
                return True

        # --- requests -----------------------------------------------------------------

        def do_GET(self) -> None:
            self._record(b"")
            if not self._authorized():
                self._json(401, provider.error_body(401), {})
                return
            if self.path.rstrip("/").endswith("/models"):
                listed = [{"id": m, "object": "model"} for m in provider.models]
                self._json(200, {"data": listed, "object": "list"}, {})
            else:
                self._json(404, provider.error_body(404), {})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            self._record(body)
            expected = "/v1/chat/completions" if provider.flavour == "openai" else "/v1/messages"
            if self.path != expected:
                self._json(404, provider.error_body(404), {})
                return
            if not self._authorized():
                self._json(401, provider.error_body(401), {})
                return
            script = provider.next_script()
            if script.status != 200:
                extra = {"Retry-After": script.retry_after} if script.retry_after else {}
                self._json(
                    script.status, script.error_body or provider.error_body(script.status), extra
                )
                return
            request = json.loads(body)
            assert request.get("stream") is True, "the app must ask for a stream"
            if script.content_type is not None:
                page = b"<html><body>Sign in to continue.</body></html>"
                self.send_response(200)
                self.send_header("Content-Type", script.content_type)
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)
                return
            reply = (
                script.reply if isinstance(script.reply, str) else script.reply(request["messages"])
            )
            model = str(request.get("model", ""))
            if script.whole and provider.flavour == "anthropic":
                # The Messages API's non-streamed answer: content blocks, text among them.
                blocks = [
                    {"type": "thinking", "thinking": "Not shown.", "signature": "sig"},
                    {"type": "text", "text": reply},
                ]
                answer = {"id": "msg_1", "type": "message", "role": "assistant", "model": model}
                self._json(200, {**answer, "content": blocks, "stop_reason": "end_turn"}, {})
                return
            if script.whole:
                message = {"role": "assistant", "content": reply}
                choice = {"index": 0, "message": message, "finish_reason": "stop"}
                self._json(
                    200, {"object": "chat.completion", "model": model, "choices": [choice]}, {}
                )
                return
            self._stream(script, script.pieces(reply), model)

        def _stream(self, script: Script, pieces: list[str], model: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream; charset=utf-8")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Transfer-Encoding", "chunked")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            deltas = 0
            try:
                for text, is_delta in provider.events(pieces, model):
                    if script.cut_after is not None and deltas >= script.cut_after:
                        self.wfile.flush()
                        self.connection.shutdown(socket.SHUT_RDWR)
                        return
                    if (
                        script.invalid_json_after is not None
                        and deltas == script.invalid_json_after
                    ):
                        self._write(script, 'data: {"choices": [ {not json\n\n')
                        deltas += 1  # send it once
                    if script.hold_after is not None and deltas >= script.hold_after:
                        self._hold()
                        return
                    if script.pause_after is not None and deltas == script.pause_after:
                        while not script.resume.wait(0.02):
                            if provider.stopping.is_set() or self._client_gone():
                                provider.client_closed.set()
                                return
                        script.pause_after = None
                    self._write(script, text)
                    if is_delta:
                        deltas += 1
                        with provider.lock:
                            provider.deltas_sent += 1
                self._chunk(b"")  # the last chunk: the stream ended properly
            except (BrokenPipeError, ConnectionResetError):
                provider.client_closed.set()

        def _write(self, script: Script, text: str) -> None:
            data = text.replace("\n", script.line_end).encode("utf-8")
            step = script.byte_split or len(data)
            for start in range(0, len(data), step):
                self._chunk(data[start : start + step])

        def _hold(self) -> None:
            deadline = time.monotonic() + HOLD_LIMIT_S
            while time.monotonic() < deadline and not provider.stopping.is_set():
                if self._client_gone():
                    provider.client_closed.set()
                    return
                try:
                    self._chunk(b": keep-alive\n\n")
                except OSError:
                    provider.client_closed.set()
                    return
            self._chunk(b"")  # nobody stopped it: end the stream (the test then fails)

    return Handler


@contextmanager
def running_provider(
    flavour: Flavour, *, api_key: str | None = None, port: int = 0
) -> Iterator[FakeProvider]:
    """Serve a fake provider on 127.0.0.1 (at ``port``; 0: any free one) for the block."""
    provider = FakeProvider(flavour, api_key=api_key)
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(provider))
    # Handler threads are joined on close, so a test leaves no thread behind.
    server.daemon_threads = False
    server.block_on_close = True
    provider.server = server
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.02},
        name="fake-provider",
        daemon=True,
    )
    thread.start()
    try:
        yield provider
    finally:
        provider.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port() -> int:
    """A loopback port nothing listens on (connections to it are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def provider_on_a_known_port() -> Iterator[FakeProvider]:
    """A fake OpenAI-compatible server on the first local-server port free here.

    The ports are the ones "Find assistants on this computer" probes; one where something real
    listens is left alone. Skips the test when every one is taken.
    """
    import pytest

    from app.core.assistant.discovery import KNOWN_PORTS

    for port, _name in KNOWN_PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                continue
        try:
            server = running_provider("openai", port=port)
            fake = server.__enter__()
        except OSError:
            continue
        try:
            yield fake
        finally:
            server.__exit__(None, None, None)
        return
    pytest.skip("every known port is taken on this machine")
