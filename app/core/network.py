"""Every outbound HTTP request goes through here, and each one is written to the network log.

The log keeps the method, the URL, the bytes sent and received, the status and the time —
never a body, never a header. TLS verification is always on; plain HTTP is allowed only to
loopback addresses (local model servers, the test collector). Redirects are never followed by
streamed requests, so an answer cannot send a request (or a key) elsewhere.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import json
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from app.core.clock import Clock, iso
from app.core.errors import InputError, KnownError
from app.core.store.database import Database

MAX_RESPONSE_BYTES = 4 * 1024 * 1024
DEFAULT_TIMEOUT = 20.0
#: A streamed answer may pause this long between two reads (a local model loading, say).
STREAM_READ_TIMEOUT = 120.0
#: How much of a streamed answer is read per call.
STREAM_READ_SIZE = 64 * 1024
#: The log's ``error`` for a request the user stopped.
CANCELLED = "cancelled"


class NetworkError(KnownError):
    """A request could not be completed (server down, timeout, refused connection)."""


@dataclass(frozen=True)
class Response:
    """A completed HTTP exchange."""

    status: int
    body: bytes

    def json(self) -> Any:
        """The body parsed as JSON."""
        try:
            return json.loads(self.body)
        except ValueError:
            raise NetworkError("The server's answer was not valid JSON.") from None


@dataclass(frozen=True)
class NetworkLogEntry:
    """One logged request."""

    at: str
    purpose: str
    method: str
    url: str
    bytes_out: int
    bytes_in: int
    status: int | None
    error: str | None
    duration_ms: int


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> str:
    """Accept https anywhere, and http only to loopback; return the URL without a trailing /."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise InputError(f"{url!r} is not an http(s) URL.")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise InputError("Only https URLs are allowed (plain http only to this computer).")
    if parts.username or parts.password:
        raise InputError("Put credentials in the settings, not in the URL.")
    return url.rstrip("/")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to a URL we would have sent the request to in the first place.

    A refused redirect comes back as its own 3xx status, like any other HTTP error status.
    """

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        try:
            check_url(newurl)
        except InputError:
            return None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class RequestLog(Protocol):
    """Where an :class:`HttpClient` records its requests."""

    def add(self, entry: NetworkLogEntry) -> None:
        """Record one request."""


class PendingRequests:
    """Requests made off the database lane, held in memory until that lane logs them.

    Streaming runs on a network thread, and only one lane writes to the database; the lane
    empties this into the :class:`NetworkLog` when the exchange is over.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list[NetworkLogEntry] = []

    def add(self, entry: NetworkLogEntry) -> None:
        """Hold one entry (from any thread)."""
        with self._lock:
            self._entries.append(entry)

    def drain(self) -> list[NetworkLogEntry]:
        """Every entry held so far, oldest first; they are no longer held."""
        with self._lock:
            entries, self._entries = self._entries, []
        return entries

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)


class NetworkLog:
    """The record of every outbound request, shown in the privacy dashboard."""

    def __init__(self, database: Database, clock: Clock) -> None:
        self._db = database
        self._clock = clock

    def add(self, entry: NetworkLogEntry) -> None:
        """Append one entry."""
        with self._db.transaction("logging a network request") as conn:
            conn.execute(
                "INSERT INTO network_log(at, purpose, method, url, bytes_out, bytes_in, status, "
                "error, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    entry.at,
                    entry.purpose,
                    entry.method,
                    entry.url,
                    entry.bytes_out,
                    entry.bytes_in,
                    entry.status,
                    entry.error,
                    entry.duration_ms,
                ),
            )

    def entries(self, limit: int = 500) -> list[NetworkLogEntry]:
        """The newest entries first."""
        rows = self._db.query(
            "SELECT at, purpose, method, url, bytes_out, bytes_in, status, error, duration_ms "
            "FROM network_log ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        return [NetworkLogEntry(*row) for row in rows]

    def count_since(self, since: str, purpose: str) -> int:
        """How many requests for ``purpose`` were made since ``since``."""
        rows = self._db.query(
            "SELECT count(*) FROM network_log WHERE at >= ? AND purpose = ?", (since, purpose)
        )
        return int(rows[0][0])


class HttpClient:
    """A small JSON-over-HTTP client that logs every request and never skips TLS checks."""

    def __init__(self, log: RequestLog, clock: Clock, timeout: float = DEFAULT_TIMEOUT) -> None:
        self._log = log
        self._clock = clock
        self._timeout = timeout
        self._tls = ssl.create_default_context()
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=self._tls), _CheckedRedirects()
        )

    def request(
        self,
        method: str,
        url: str,
        *,
        purpose: str,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        """Send one request; HTTP error statuses are returned, transport failures raised."""
        check_url(url)
        request = urllib.request.Request(url, data=body, method=method)
        request.add_header("User-Agent", "Confidant")
        if body is not None:
            request.add_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        started_at = iso(self._clock.now())
        started = time.monotonic()
        status: int | None = None
        received = b""
        error: str | None = None
        try:
            with self._opener.open(request, timeout=self._timeout) as reply:
                status = int(reply.status)
                received = reply.read(MAX_RESPONSE_BYTES + 1)
        except urllib.error.HTTPError as exc:
            status = int(exc.code)
            received = exc.read(MAX_RESPONSE_BYTES + 1)
            exc.close()
        except (urllib.error.URLError, OSError, TimeoutError) as exc:
            reason = getattr(exc, "reason", exc)
            error = type(reason).__name__ if not isinstance(reason, str) else "URLError"
        finally:
            self._log.add(
                NetworkLogEntry(
                    at=started_at,
                    purpose=purpose,
                    method=method,
                    url=url,
                    bytes_out=len(body or b""),
                    bytes_in=len(received),
                    status=status,
                    error=error,
                    duration_ms=int((time.monotonic() - started) * 1000),
                )
            )
        if status is None:
            host = urllib.parse.urlsplit(url).hostname
            raise NetworkError(f"Could not reach {host} ({error}).", hint="Try again later.")
        if len(received) > MAX_RESPONSE_BYTES:
            raise NetworkError("The server's answer was too large.")
        return Response(status, received)

    def stream(
        self,
        method: str,
        url: str,
        *,
        purpose: str,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        read_timeout: float = STREAM_READ_TIMEOUT,
    ) -> StreamingResponse:
        """A request whose answer is read as it arrives; nothing is sent until ``open``.

        The caller opens it, reads it, and closes it (a ``with`` block does the closing);
        ``cancel`` may be called from any thread, at any point, and ends it at once.
        """
        check_url(url)
        all_headers = {"User-Agent": "Confidant", "Accept-Encoding": "identity"}
        if body is not None:
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        return StreamingResponse(
            log=self._log,
            clock=self._clock,
            tls=self._tls,
            method=method,
            url=url,
            purpose=purpose,
            body=body,
            headers=all_headers,
            connect_timeout=self._timeout,
            read_timeout=read_timeout,
        )


class StreamCancelled(NetworkError):
    """The request was stopped on purpose (by ``cancel``)."""


class StreamingResponse:
    """One streamed HTTP exchange: open it, read it piece by piece, close it.

    It is logged once, when it is closed: method, URL, bytes, status, error and duration.
    """

    def __init__(
        self,
        *,
        log: RequestLog,
        clock: Clock,
        tls: ssl.SSLContext,
        method: str,
        url: str,
        purpose: str,
        body: bytes | None,
        headers: Mapping[str, str],
        connect_timeout: float,
        read_timeout: float,
    ) -> None:
        self._log = log
        self._clock = clock
        self._method = method
        self.url = url
        self._purpose = purpose
        self._body = body
        self._headers = dict(headers)
        self._read_timeout = read_timeout
        parts = urllib.parse.urlsplit(url)
        self.host = parts.hostname or ""
        #: host[:port] as written in the URL (which check_url keeps free of credentials).
        self.address = parts.netloc
        self._target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        self._conn: http.client.HTTPConnection
        if parts.scheme == "https":
            self._conn = http.client.HTTPSConnection(
                self.host, parts.port, timeout=connect_timeout, context=tls
            )
        else:
            self._conn = http.client.HTTPConnection(self.host, parts.port, timeout=connect_timeout)
        self._response: http.client.HTTPResponse | None = None
        #: Kept from the connect: http.client drops its own reference once an answer says
        #: "Connection: close", and cancel must still reach the socket then.
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._cancelled = False
        self._closed = False
        self._started_at = ""
        self._started = 0.0
        self.status: int | None = None
        self.bytes_in = 0
        self.error: str | None = None

    # --- the caller's thread ---------------------------------------------------------------

    def open(self) -> int:
        """Connect, send the request and read the status line; return the status."""
        self._check_cancelled()  # stopped before it was sent: nothing to send, nothing to log
        self._started_at = iso(self._clock.now())
        self._started = time.monotonic()
        try:
            self._conn.connect()
            sock = self._conn.sock
            with self._lock:
                self._sock = sock
            self._check_cancelled()
            if sock is not None:
                sock.settimeout(self._read_timeout)
            self._conn.request(self._method, self._target, body=self._body, headers=self._headers)
            self._response = self._conn.getresponse()
        except StreamCancelled:
            raise
        except (OSError, http.client.HTTPException) as exc:
            raise self._failure(exc) from None
        self.status = int(self._response.status)
        return self.status

    def header(self, name: str) -> str | None:
        """One header of the answer (after ``open``)."""
        return self._response.getheader(name) if self._response is not None else None

    def read(self) -> bytes:
        """The next bytes of the answer as they arrive; ``b""`` once it has ended."""
        if self._response is None:
            raise NetworkError("The request was not sent.")
        try:
            data = self._response.read1(STREAM_READ_SIZE)
        except (OSError, http.client.HTTPException) as exc:
            raise self._failure(exc) from None
        if self._cancelled:
            raise self._failure(None)
        self.bytes_in += len(data)
        return data

    def read_all(self, limit: int = MAX_RESPONSE_BYTES) -> bytes:
        """The rest of the answer (for a short error body), at most ``limit`` bytes."""
        received = bytearray()
        while len(received) <= limit:
            data = self.read()
            if not data:
                break
            received += data
        return bytes(received[:limit])

    def close(self) -> None:
        """Close the connection and log the exchange (once)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            if self._cancelled and self.error is None:
                self.error = CANCELLED
        if self._response is not None:
            self._response.close()
        self._conn.close()
        if not self._started_at:
            return  # never opened: nothing left the machine
        self._log.add(
            NetworkLogEntry(
                at=self._started_at,
                purpose=self._purpose,
                method=self._method,
                url=self.url,
                bytes_out=len(self._body or b""),
                bytes_in=self.bytes_in,
                status=self.status,
                error=self.error,
                duration_ms=int((time.monotonic() - self._started) * 1000),
            )
        )

    def __enter__(self) -> StreamingResponse:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- any thread ------------------------------------------------------------------------

    def cancel(self) -> None:
        """Stop the exchange now: the socket is shut, so a blocked read returns at once."""
        with self._lock:
            self._cancelled = True
            sock = self._sock
            if sock is not None and not self._closed:
                # shutdown, not close: the reading thread still owns the descriptor.
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    @property
    def cancelled(self) -> bool:
        """Whether ``cancel`` was called."""
        return self._cancelled

    # --- helpers ---------------------------------------------------------------------------

    def _check_cancelled(self) -> None:
        if self._cancelled:
            raise self._failure(None)

    def _failure(self, exc: BaseException | None) -> NetworkError:
        if self._cancelled:
            self.error = CANCELLED
            return StreamCancelled("The request was stopped.")
        self.error = type(exc).__name__ if exc is not None else "Error"
        reason = _reason(exc)
        failure = ConnectionFailed(f"Could not reach {self.address} ({reason}).")
        failure.reason = reason
        return failure


class ConnectionFailed(NetworkError):
    """A streamed request failed on the way (``reason`` says how, in a few words)."""

    reason = "the connection failed"


def _reason(exc: BaseException | None) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return "its certificate could not be verified"
    if isinstance(exc, TimeoutError | socket.timeout):
        return "it did not answer in time"
    if isinstance(exc, socket.gaierror):
        return "the address was not found"
    if isinstance(exc, http.client.IncompleteRead | http.client.RemoteDisconnected):
        return "it closed the connection early"
    if isinstance(exc, ConnectionResetError | BrokenPipeError):
        return "the connection was reset"
    return f"the connection failed: {type(exc).__name__}"
