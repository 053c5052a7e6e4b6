"""The offline demo assistant: a clearly labelled local stand-in that never touches the network.

It exists so the app is usable the moment it is installed. It does not understand anything;
it reflects the prompt back with a short, deterministic answer.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

LABEL = "Offline demo (local, no network)"


@dataclass(frozen=True)
class ChatMessage:
    """One message as a provider sees it."""

    role: str
    content: str


class OfflineProvider:
    """A deterministic local assistant for demos and tests."""

    name = "offline"
    label = LABEL

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
