"""Anthropic's Messages API, streamed.

``POST {base_url}/v1/messages`` with ``"stream": true``; the answer is named server-sent
events: ``message_start``, ``content_block_start``, ``content_block_delta`` (text in
``delta.text`` of a ``text_delta``), ``content_block_stop``, ``message_delta``, ``ping``
and, last, ``message_stop``. An ``error`` event reports a failure mid-stream (an overloaded
server, say). Only text deltas are shown; other block types are skipped.

A server that ignores ``"stream"`` and answers with one JSON message (some proxies and
compatible servers do) is read whole: the text blocks of its ``content``, in order.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from app.core.assistant.base import (
    PURPOSE,
    ChatMessage,
    ProviderFailed,
    ProviderNotConfigured,
    error_message,
    malformed,
)
from app.core.assistant.openai_compat import endpoint_label
from app.core.assistant.sse import Event, SseReply, open_checked
from app.core.network import HttpClient

NAME = "anthropic"
DEFAULT_BASE_URL = "https://api.anthropic.com"
API_VERSION = "2023-06-01"
#: The Messages API needs a ceiling on the reply's length.
MAX_TOKENS = 4096
WHO = "The assistant"

ApiKey = Callable[[], str | None]


class _MessageReader:
    """Reads the Messages API's named events."""

    def __init__(self) -> None:
        self.done = False
        self.started = False

    def text(self, event: Event) -> str | None:
        try:
            data = json.loads(event.data)
        except ValueError:
            raise malformed(WHO, "invalid JSON in an event") from None
        if not isinstance(data, dict):
            raise malformed(WHO, "an event that is not an object")
        kind = data.get("type", event.name)
        if kind == "error" or event.name == "error":
            said = error_message(event.data.encode("utf-8")) or "no details"
            error = data.get("error")
            if isinstance(error, dict) and error.get("type") == "overloaded_error":
                raise ProviderFailed(f"{WHO} is overloaded right now.", hint="Try again later.")
            raise ProviderFailed(f"{WHO} stopped with an error: {said.rstrip('.')}.")
        if kind == "message_start":
            self.started = True
        elif kind == "message_stop":
            self.done = True
        elif kind == "content_block_delta":
            delta = data.get("delta")
            if not isinstance(delta, dict):
                raise malformed(WHO, "a delta that is not an object")
            if delta.get("type") == "text_delta":
                text = delta.get("text")
                if not isinstance(text, str):
                    raise malformed(WHO, "text that is not text")
                return text
        return None


def _whole_reply(body: bytes) -> str:
    """The text of a non-streamed Messages API answer."""
    try:
        answer: Any = json.loads(body)
    except ValueError:
        raise malformed(WHO, "an answer that is not JSON") from None
    if not isinstance(answer, dict):
        raise malformed(WHO, "an answer that is not an object")
    if answer.get("type") == "error":
        said = error_message(body) or "no details"
        raise ProviderFailed(f"{WHO} stopped with an error: {said.rstrip('.')}.")
    content = answer.get("content")
    if not isinstance(content, list):
        raise malformed(WHO, "an answer without content")
    texts = []
    for block in content:
        if isinstance(block, dict) and block.get("type") == "text":
            text = block.get("text")
            if not isinstance(text, str):
                raise malformed(WHO, "text that is not text")
            texts.append(text)
    return "".join(texts)


class AnthropicProvider:
    """Claude, through the Messages API."""

    name = NAME

    def __init__(
        self,
        http: HttpClient,
        *,
        model: str | None,
        api_key: ApiKey,
        base_url: str | None = None,
        max_tokens: int = MAX_TOKENS,
    ) -> None:
        if not model:
            raise ProviderNotConfigured(
                "No model is set for Anthropic.", hint="Set one in the provider settings."
            )
        self._http = http
        self.base_url = (base_url or DEFAULT_BASE_URL).rstrip("/")
        self.model = model
        self._api_key = api_key
        self._max_tokens = max_tokens
        where, self.local = endpoint_label(self.base_url)
        place = "local" if self.local else "remote"
        self.label = (
            f"Anthropic {model} ({place})"
            if self.base_url == DEFAULT_BASE_URL
            else f"Anthropic {model} at {where} ({place})"
        )

    def _headers(self) -> dict[str, str]:
        key = self._api_key()
        if not key:
            raise ProviderNotConfigured(
                "No API key is set for Anthropic.",
                hint="Add one in the provider settings; it is kept in your system keyring.",
            )
        return {"x-api-key": key, "anthropic-version": API_VERSION}

    def start(self, history: Sequence[ChatMessage]) -> SseReply:
        """The streamed reply to ``history`` (sent when iterated)."""
        system = "\n\n".join(m.content for m in history if m.role == "system")
        payload: dict[str, object] = {
            "model": self.model,
            "max_tokens": self._max_tokens,
            "messages": [
                {"role": m.role, "content": m.content} for m in history if m.role != "system"
            ],
            "stream": True,
        }
        if system:
            payload["system"] = system
        response = self._http.stream(
            "POST",
            f"{self.base_url}/v1/messages",
            purpose=PURPOSE,
            body=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
            headers={"Accept": "text/event-stream", **self._headers()},
        )
        return SseReply(response, _MessageReader(), who=WHO, fallback=_whole_reply)

    def list_models(self) -> list[str]:
        """The model ids the API offers (``GET /v1/models``); tests the key and the network."""
        with self._http.stream(
            "GET",
            f"{self.base_url}/v1/models",
            purpose=PURPOSE,
            headers=self._headers(),
            read_timeout=20,
        ) as response:
            body = open_checked(response, WHO)
        try:
            listed = json.loads(body).get("data", [])
        except (ValueError, AttributeError):
            raise malformed(WHO, "a models list that is not JSON") from None
        return [str(m["id"]) for m in listed if isinstance(m, dict) and "id" in m]
