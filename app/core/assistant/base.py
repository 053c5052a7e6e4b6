"""What every assistant provider is: it streams a reply to a list of messages, and can be stopped.

A provider's reply (:class:`RawReply`) yields the text exactly as the provider sends it and
raises a :class:`ProviderError` (one sentence the user can act on) when something goes wrong.
``cancel`` may be called from any thread; the reply then ends quietly, without an error.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from app.core.errors import InputError, KnownError

#: The network log's purpose for every request to an assistant.
PURPOSE = "assistant"
#: The most of an error body we read, and the most of its message we show.
ERROR_BODY_BYTES = 64 * 1024
_ERROR_MESSAGE_CHARS = 160


@dataclass(frozen=True)
class ChatMessage:
    """One message as a provider sees it."""

    role: str
    content: str


class RawReply(Protocol):
    """One reply on its way, as the provider sends it."""

    def __iter__(self) -> Iterator[str]:
        """The reply's text, piece by piece; raises ProviderError on failure."""

    def cancel(self) -> None:
        """Stop the reply now (from any thread); the iteration then ends without an error."""


class Provider(Protocol):
    """An assistant that can answer a conversation."""

    #: ``offline``, ``openai_compat`` or ``anthropic``.
    name: str
    #: What the status bar calls it.
    label: str
    #: Whether it runs on this computer (the offline demo, or a server on loopback).
    local: bool

    def start(self, history: Sequence[ChatMessage]) -> RawReply:
        """Prepare the reply to ``history`` (nothing is sent before it is iterated)."""

    def list_models(self) -> list[str]:
        """The models the provider offers; asking tests the connection and the key."""


# --- errors ---------------------------------------------------------------------------------


class ProviderError(KnownError):
    """The assistant could not answer; the user's message is kept so they can try again."""


class ProviderNotConfigured(InputError):
    """The chosen provider lacks a setting it needs (a base URL, a model, an API key)."""


class ApiKeyRefused(ProviderError):
    """The provider refused the API key (401 or 403)."""


class RateLimited(ProviderError):
    """The provider asked us to slow down (429)."""

    def __init__(self, retry_after: int | None) -> None:
        when = f"in {retry_after} s" if retry_after is not None else "in a little while"
        super().__init__(f"Rate limited; try again {when}.")
        self.retry_after = retry_after


class ProviderUnreachable(ProviderError):
    """The provider could not be reached (refused, unknown host, timeout, TLS)."""


class ReplyCutOff(ProviderError):
    """The reply stopped before the provider said it was complete."""


class MalformedReply(ProviderError):
    """The provider sent something that is not its own wire format."""


class ProviderFailed(ProviderError):
    """The provider answered with an error of its own."""


def cut_off(who: str) -> ReplyCutOff:
    """The error for a stream that ended early."""
    return ReplyCutOff(f"{who}'s reply was cut off before it finished.", hint="Try again.")


def malformed(who: str, what: str) -> MalformedReply:
    """The error for a stream that broke its own format."""
    return MalformedReply(
        f"{who} sent a reply Confidant could not read ({what}).",
        hint="Try again; if it keeps happening, check the provider settings.",
    )


def parse_retry_after(value: str | None, now: dt.datetime | None = None) -> int | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), at least 1."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return max(1, int(value))
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    seconds = (when - (now or dt.datetime.now(dt.UTC))).total_seconds()
    return max(1, int(seconds + 0.999))


def error_message(body: bytes) -> str:
    """The provider's own short error message from an error body, or ''.

    OpenAI and its look-alikes send ``{"error": {"message"}}``, Anthropic
    ``{"type": "error", "error": {"message"}}``, Ollama ``{"error": "…"}``.
    """
    try:
        data = json.loads(body)
    except ValueError:
        return ""
    error = data.get("error") if isinstance(data, dict) else None
    message = error.get("message") if isinstance(error, dict) else error
    if not isinstance(message, str):
        return ""
    line = " ".join(message.split())
    if len(line) > _ERROR_MESSAGE_CHARS:
        line = line[: _ERROR_MESSAGE_CHARS - 1] + "…"
    return line


def error_for_status(who: str, status: int, body: bytes, retry_after: str | None) -> ProviderError:
    """The error for an HTTP status other than 200."""
    said = error_message(body)
    detail = f": {said.rstrip('.')}" if said else ""
    if status in (401, 403):
        return ApiKeyRefused(
            f"{who} refused the API key ({status}).", hint="Check the key in the provider settings."
        )
    if status == 429:
        return RateLimited(parse_retry_after(retry_after))
    if status == 404:
        return ProviderFailed(
            f"{who} answered 404 (not found){detail}.",
            hint="Check the base URL and the model name.",
        )
    if status >= 500:
        return ProviderFailed(
            f"{who} had a problem of its own ({status}){detail}.", hint="Try again later."
        )
    if 300 <= status < 400:
        return ProviderFailed(
            f"{who} answered with a redirect ({status}), which Confidant does not follow.",
            hint="Check the base URL.",
        )
    return ProviderFailed(f"{who} answered {status}{detail}.")
