"""The offline demo assistant: a clearly labelled local stand-in that never touches the network.

It exists so the app is usable the moment it is installed. It does not understand anything;
it reflects the prompt back with a short, deterministic answer.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence

from app.core.assistant.base import ChatMessage

__all__ = ["LABEL", "ChatMessage", "OfflineProvider"]

LABEL = "Offline demo (local, no network)"


class _OfflineReply:
    """The demo's reply, which can be stopped between two chunks."""

    def __init__(self, chunks: Iterator[str]) -> None:
        self._chunks = chunks
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def __iter__(self) -> Iterator[str]:
        for chunk in self._chunks:
            if self._stop.is_set():
                return
            yield chunk


class OfflineProvider:
    """A deterministic local assistant for demos and tests."""

    name = "offline"
    label = LABEL
    local = True

    def start(self, history: Sequence[ChatMessage]) -> _OfflineReply:
        """The reply to ``history``, chunk by chunk."""
        return _OfflineReply(self.stream_reply(history))

    def list_models(self) -> list[str]:
        """The demo has no models to choose from."""
        return []

    def stream_reply(self, history: Sequence[ChatMessage]) -> Iterator[str]:
        """Yield the reply to the last user message in small chunks."""
        prompt = next((m.content for m in reversed(history) if m.role == "user"), "")
        words = len(prompt.split())
        reply = (
            f"[{LABEL}] I am a local demo assistant, so I cannot really answer yet. "
            f"Your message had {words} word{'s' if words != 1 else ''}. "
            "Connect a real assistant in the settings when you are ready; "
            "nothing you type here leaves this computer."
        )
        for start in range(0, len(reply), 24):
            yield reply[start : start + 24]

    def reply(self, history: Sequence[ChatMessage]) -> str:
        """The whole reply at once."""
        return "".join(self.stream_reply(history))
