"""OpenAI-compatible chat completions, streamed: OpenAI, Ollama, llama.cpp, LM Studio, vLLM.

``POST {base_url}/chat/completions`` with ``"stream": true``; the answer is server-sent
events whose data is a ``chat.completion.chunk`` (the text is in
``choices[0].delta.content``), ending with ``data: [DONE]``. Some servers end with a
``finish_reason`` and close without ``[DONE]``; that counts as complete too. An error
mid-stream arrives as ``{"error": {...}}``.
"""

from __future__ import annotations

import json
import urllib.parse
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
from app.core.assistant.sse import Event, SseReply, open_checked
from app.core.network import HttpClient, is_loopback

NAME = "openai_compat"
WHO = "The assistant"

ApiKey = Callable[[], str | None]


def _no_key() -> str | None:
    return None


def endpoint_label(base_url: str) -> tuple[str, bool]:
    """``host[:port]`` of a base URL, and whether it is this computer."""
    parts = urllib.parse.urlsplit(base_url)
    return parts.netloc, is_loopback(parts.hostname or "")


class _ChunkReader:
    """Reads ``chat.completion.chunk`` events."""

    def __init__(self) -> None:
        self.done = False

    def text(self, event: Event) -> str | None:
        data = event.data.strip()
        if data == "[DONE]":
            self.done = True
            return None
        try:
            chunk = json.loads(data)
        except ValueError:
            raise malformed(WHO, "invalid JSON in an event") from None
        if not isinstance(chunk, dict):
            raise malformed(WHO, "an event that is not an object")
        if "error" in chunk:
            said = error_message(data.encode("utf-8")) or "no details"
            raise ProviderFailed(f"{WHO} stopped with an error: {said.rstrip('.')}.")
        choices = chunk.get("choices")
        if not isinstance(choices, list):
            raise malformed(WHO, "an event without choices")
        if not choices:
            return None  # usage-only chunks carry no choice
        choice = choices[0]
        if not isinstance(choice, dict):
            raise malformed(WHO, "a choice that is not an object")
        if choice.get("finish_reason"):
            self.done = True
        delta = choice.get("delta")
        content = delta.get("content") if isinstance(delta, dict) else None
        if content is not None and not isinstance(content, str):
            raise malformed(WHO, "content that is not text")
        return content


def _whole_reply(body: bytes) -> str:
    try:
        answer: Any = json.loads(body)
        content = answer["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise malformed(WHO, "an answer without a message") from None
    if not isinstance(content, str):
        raise malformed(WHO, "content that is not text")
    return content


class OpenAICompatProvider:
    """A server that speaks OpenAI's chat completions API."""

    name = NAME

    def __init__(
        self,
        http: HttpClient,
        *,
        base_url: str | None,
        model: str | None,
        api_key: ApiKey = _no_key,
    ) -> None:
        if not base_url:
            raise ProviderNotConfigured(
                "No base URL is set for the OpenAI-compatible assistant.",
                hint="Set one in the provider settings (for Ollama: http://127.0.0.1:11434/v1).",
            )
        if not model:
            raise ProviderNotConfigured(
                "No model is set for the OpenAI-compatible assistant.",
                hint="Set one in the provider settings.",
            )
        self._http = http
        self.base_url = base_url.rstrip("/")
        self.model = model
        self._api_key = api_key
        where, self.local = endpoint_label(self.base_url)
        self.label = f"{model} at {where} ({'local' if self.local else 'remote'})"

    def _headers(self) -> dict[str, str]:
        headers = {}
        key = self._api_key()
        if key:
            headers["Authorization"] = f"Bearer {key}"
        return headers

    def start(self, history: Sequence[ChatMessage]) -> SseReply:
        """The streamed reply to ``history`` (sent when iterated)."""
        body = json.dumps(
            {
                "model": self.model,
                "messages": [{"role": m.role, "content": m.content} for m in history],
                "stream": True,
            },
            ensure_ascii=False,
        ).encode("utf-8")
        response = self._http.stream(
            "POST",
            f"{self.base_url}/chat/completions",
            purpose=PURPOSE,
            body=body,
            headers={"Accept": "text/event-stream", **self._headers()},
        )
        return SseReply(response, _ChunkReader(), who=WHO, fallback=_whole_reply)

    def list_models(self) -> list[str]:
        """The model ids the server offers (``GET {base_url}/models``); tests the connection."""
        return list_models(self._http, f"{self.base_url}/models", self._headers())


def list_models(http: HttpClient, url: str, headers: dict[str, str]) -> list[str]:
    """The ``data[].id`` of a models list, raising the same errors as a reply would."""
    with http.stream("GET", url, purpose=PURPOSE, headers=headers, read_timeout=20) as response:
        body = open_checked(response, WHO)
    try:
        listed = json.loads(body).get("data", [])
    except (ValueError, AttributeError):
        raise malformed(WHO, "a models list that is not JSON") from None
    return [str(m["id"]) for m in listed if isinstance(m, dict) and "id" in m]
