"""Every outbound HTTP request goes through here, and each one is written to the network log.

The log keeps the method, the URL, the bytes sent and received, the status and the time —
never a body. TLS verification is always on; plain HTTP is allowed only to loopback
addresses (local model servers, the test collector).
"""

from __future__ import annotations

import ipaddress
import json
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.core.clock import Clock, iso
from app.core.errors import InputError, KnownError
from app.core.store.database import Database

MAX_RESPONSE_BYTES = 4 * 1024 * 1024
DEFAULT_TIMEOUT = 20.0


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

    def __init__(self, log: NetworkLog, clock: Clock, timeout: float = DEFAULT_TIMEOUT) -> None:
        self._log = log
        self._clock = clock
        self._timeout = timeout
        self._tls = ssl.create_default_context()

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
            with urllib.request.urlopen(  # noqa: S310 - the scheme is checked above
                request, timeout=self._timeout, context=self._tls
            ) as reply:
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
