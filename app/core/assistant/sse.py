"""Server-sent events: an incremental parser, and a reply streamed as events over one request.

The parser follows the WHATWG rules: lines end in CR, LF or CRLF (also when a CRLF is split
between two reads), ``:`` starts a comment, ``data`` lines of one event are joined with a
newline, and a blank line dispatches the event. Reads may split a line, or a UTF-8
character, anywhere; lines are only decoded once complete.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from app.core.assistant.base import (
    ERROR_BODY_BYTES,
    ProviderUnreachable,
    cut_off,
    error_for_status,
    malformed,
)
from app.core.network import (
    ConnectionFailed,
    NetworkError,
    StreamCancelled,
    StreamingResponse,
)

#: An event's data may not grow beyond this (a stream that never ends its lines).
MAX_EVENT_BYTES = 4 * 1024 * 1024
_LINE_END = re.compile(rb"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Event:
    """One dispatched event: its type (``message`` unless named) and its data."""

    name: str
    data: str


class EventParser:
    """Turns the bytes of an event stream, in pieces of any size, into events."""

    def __init__(self) -> None:
        self._buffer = b""
        self._after_cr = False
        self._name = ""
        self._data: list[str] = []
        self._size = 0

    def feed(self, data: bytes) -> list[Event]:
        """The events completed by ``data``."""
        if not data:
            return []
        if self._after_cr and data.startswith(b"\n"):
            data = data[1:]  # the second half of a CRLF split between two reads
        buffer = self._buffer + data
        lines = _LINE_END.split(buffer)
        rest = lines.pop()
        # A CR at the very end ends its line, but may be the first half of a CRLF.
        self._after_cr = buffer.endswith(b"\r")
        self._buffer = rest
        if len(rest) > MAX_EVENT_BYTES:
            raise ValueError("an event stream line is too long")
        events: list[Event] = []
        for raw in lines:
            event = self._line(raw)
            if event is not None:
                events.append(event)
        return events

    def _line(self, raw: bytes) -> Event | None:
        if not raw:
            return self._dispatch()
        if raw.startswith(b":"):
            return None
        line = raw.decode("utf-8", errors="replace")
        field, _colon, value = line.partition(":")
        if value.startswith(" "):
            value = value[1:]
        if field == "data":
            self._data.append(value)
            self._size += len(value)
            if self._size > MAX_EVENT_BYTES:
                raise ValueError("an event is too large")
        elif field == "event":
            self._name = value
        # "id" and "retry" matter only to a browser that reconnects; we never do.
        return None

    def _dispatch(self) -> Event | None:
        if not self._data:
            self._name = ""
            return None
        event = Event(self._name or "message", "\n".join(self._data))
        self._name = ""
        self._data = []
        self._size = 0
        return event


class EventReader(Protocol):
    """One provider's reading of its events."""

    #: Whether the provider has said the reply is complete.
    done: bool

    def text(self, event: Event) -> str | None:
        """The text an event adds, if any; raises ProviderError for an error or bad event."""


class SseReply:
    """A reply streamed as server-sent events over one HTTP request.

    Nothing is sent until it is iterated. ``cancel`` shuts the connection, so the server sees
    it closed at once, and the iteration ends without an error.
    """

    def __init__(
        self,
        response: StreamingResponse,
        reader: EventReader,
        *,
        who: str = "The assistant",
        fallback: Callable[[bytes], str] | None = None,
    ) -> None:
        self._response = response
        self._reader = reader
        self._who = who
        self._fallback = fallback
        self._lock = threading.Lock()
        self._iterated = False

    def cancel(self) -> None:
        """Stop the reply now, from any thread."""
        self._response.cancel()

    @property
    def cancelled(self) -> bool:
        """Whether ``cancel`` was called."""
        return self._response.cancelled

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            if self._iterated:
                raise RuntimeError("A reply can be read only once.")
            self._iterated = True
        with self._response as response:
            try:
                yield from self._events(response)
            except StreamCancelled:
                return

    def _events(self, response: StreamingResponse) -> Iterator[str]:
        open_response(response, self._who)
        kind = (response.header("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/json" and self._fallback is not None:
            # A server that ignored "stream": the whole answer in one JSON body.
            yield self._fallback(self._read(response, whole=True))
            return
        if kind and kind != "text/event-stream":
            raise malformed(self._who, f"an answer of type {kind} instead of an event stream")
        parser = EventParser()
        while not self._reader.done:
            data = self._read(response)
            if not data:
                raise cut_off(self._who)
            try:
                events = parser.feed(data)
            except ValueError as exc:
                raise malformed(self._who, str(exc)) from None
            for event in events:
                text = self._reader.text(event)
                if text:
                    yield text
                if self._reader.done:
                    break

    def _read(self, response: StreamingResponse, *, whole: bool = False) -> bytes:
        try:
            return response.read_all() if whole else response.read()
        except StreamCancelled:
            raise
        except NetworkError:
            raise cut_off(self._who) from None


def open_response(response: StreamingResponse, who: str) -> None:
    """Send the request; raise the error the user should see unless the answer is a 200."""
    try:
        status = response.open()
    except StreamCancelled:
        raise
    except NetworkError as exc:
        reason = exc.reason if isinstance(exc, ConnectionFailed) else "the connection failed"
        raise ProviderUnreachable(
            f"Could not reach {who.lower()} at {response.address} ({reason}).",
            hint="Check that it is running and that the base URL is right.",
        ) from None
    if status != 200:
        try:
            body = response.read_all(ERROR_BODY_BYTES)
        except NetworkError:
            body = b""
        raise error_for_status(who, status, body, response.header("Retry-After"))


def open_checked(response: StreamingResponse, who: str, limit: int = ERROR_BODY_BYTES) -> bytes:
    """Send a short request and return its whole (200) answer, or raise the user's error."""
    open_response(response, who)
    try:
        return response.read_all(limit)
    except NetworkError:
        raise cut_off(who) from None
