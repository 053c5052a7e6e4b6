"""The event-stream parser: any split of the bytes gives the same events."""

from __future__ import annotations

import pytest

from app.core.assistant.sse import MAX_EVENT_BYTES, Event, EventParser

STREAM = (
    ": a comment the server sends to keep the line open\n"
    "event: content_block_delta\n"
    'data: {"text": "Grüße, Zoë — 👋"}\n'
    "\n"
    "data: first line\n"
    "data:second line\n"
    "id: 7\n"
    "retry: 1000\n"
    "\n"
    "data: [DONE]\n"
    "\n"
    "data: never dispatched, the stream ends without a blank line"
)
EXPECTED = [
    Event("content_block_delta", '{"text": "Grüße, Zoë — 👋"}'),
    Event("message", "first line\nsecond line"),
    Event("message", "[DONE]"),
]


def _parse(pieces: list[bytes]) -> list[Event]:
    parser = EventParser()
    return [event for piece in pieces for event in parser.feed(piece)]


@pytest.mark.parametrize("line_end", ["\n", "\r\n", "\r"])
def test_every_split_point_gives_the_same_events(line_end: str) -> None:
    data = STREAM.replace("\n", line_end).encode("utf-8")
    assert _parse([data]) == EXPECTED
    # One byte at a time cuts every line, every field name and every UTF-8 character.
    assert _parse([data[i : i + 1] for i in range(len(data))]) == EXPECTED
    for cut in range(1, len(data)):
        assert _parse([data[:cut], data[cut:]]) == EXPECTED, cut


def test_a_crlf_split_between_two_reads_is_one_line_end() -> None:
    parser = EventParser()
    assert parser.feed(b"data: a\r") == []
    # "\n" completes the CRLF (no empty line); the lone "\r" after it is the blank line.
    assert parser.feed(b"\n") == []
    assert parser.feed(b"\r") == [Event("message", "a")]
    assert parser.feed(b"\ndata: b\r\n\r\n") == [Event("message", "b")]


def test_an_event_without_data_is_not_dispatched() -> None:
    assert _parse([b"event: ping\n\n", b": only a comment\n\n"]) == []


def test_a_line_that_never_ends_is_refused() -> None:
    parser = EventParser()
    with pytest.raises(ValueError, match="too long"):
        parser.feed(b"data: " + b"x" * (MAX_EVENT_BYTES + 1))


def test_an_event_that_never_ends_is_refused() -> None:
    parser = EventParser()
    line = b"data: " + b"y" * (1024 * 1024) + b"\n"
    with pytest.raises(ValueError, match="too large"):
        for _ in range(5):
            parser.feed(line)
