"""One turn on its way: private prompts on the way out, the originals put back on the way in.

A :class:`ReplyStream` is made on the database lane (it only gathers what it needs) and
read on a network thread: the first read pseudonymizes the prompt, sends the conversation
as the assistant has seen it so far, and yields the reply with the originals restored, chunk
by chunk. ``cancel`` may be called from any thread. When it is over, the lane records it:
what was shown becomes the turn, and what was sent extends the conversation's
:class:`PrivateSession`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from app.core.assistant.base import ChatMessage, Provider, RawReply
from app.core.privacy.anonymize import Pseudonymizer, StreamRestorer, Vault


@dataclass
class PrivateSession:
    """What the assistant has seen of one conversation, and the vault that maps it back.

    ``sent`` is the conversation exactly as it went out: prompts as sent (pseudonymized, if
    private prompts were on) and replies as received (with placeholders). It lives in memory
    only; the vault is also stored with its conversation when the conversation is kept.
    """

    vault: Vault = field(default_factory=Vault)
    sent: list[ChatMessage] = field(default_factory=list)
    #: A stored conversation taken up again: its (role, text) messages as shown, until the
    #: next turn turns them into ``sent``.
    resumed: list[tuple[str, str]] | None = None


def resumed_history(
    messages: Sequence[tuple[str, str]], vault: Vault, *, private: bool
) -> list[ChatMessage]:
    """A stored conversation as the assistant saw it, rebuilt from the messages as shown.

    With private prompts, each prompt is pseudonymized again with the conversation's vault,
    so every detail gets the placeholder it had before; a reply gets back only the
    placeholders it had (the values the vault knows), since the assistant wrote it.
    """
    if not private:
        return [ChatMessage(role, text) for role, text in messages]
    pseudonymizer = Pseudonymizer(vault)
    known = vault.known_values()
    history = []
    for role, text in messages:
        said = pseudonymizer.pseudonymize(text) if role == "user" else _conceal(text, known, vault)
        history.append(ChatMessage(role, said))
    return history


def _conceal(text: str, known: Sequence[tuple[str, str]], vault: Vault) -> str:
    """``text`` with every value the vault knows replaced by its placeholder (whole words)."""
    low = text.lower()
    if not known or len(low) != len(text):
        return text
    spans: list[tuple[int, int, str]] = []
    for value, kind in known:
        start = low.find(value)
        while start != -1:
            end = start + len(value)
            bounded = (start == 0 or not low[start - 1].isalnum()) and (
                end == len(low) or not low[end].isalnum()
            )
            if bounded and not any(start < e and s < end for s, e, _ in spans):
                spans.append((start, end, vault.placeholder_for(kind, text[start:end])))
            start = low.find(value, end)
    parts: list[str] = []
    cursor = 0
    for start, end, placeholder in sorted(spans):
        parts += [text[cursor:start], placeholder]
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


class ReplyStream:
    """One reply: iterate it for the text to show; it remembers how it ended."""

    def __init__(
        self,
        *,
        conversation_id: str,
        prompt: str,
        provider: Provider,
        history: Sequence[ChatMessage],
        vault: Vault | None,
    ) -> None:
        self.conversation_id = conversation_id
        self.prompt = prompt
        self.provider_name = provider.name
        self.provider_label = provider.label
        self.provider_local = provider.local
        self._provider = provider
        self._history = list(history)
        #: A copy of the conversation's vault, or None when private prompts are off.
        self.vault = vault
        #: The prompt exactly as the assistant received it (known once the stream starts).
        self.sent_prompt: str | None = None
        self.error: Exception | None = None
        self.stopped = False
        self.finished = False
        self._shown: list[str] = []
        self._received: list[str] = []
        self._lock = threading.Lock()
        self._reply: RawReply | None = None
        self._started = False

    @property
    def private(self) -> bool:
        """Whether the prompt was pseudonymized."""
        return self.vault is not None

    @property
    def text(self) -> str:
        """The reply as shown to the user so far (originals restored)."""
        with self._lock:
            return "".join(self._shown)

    @property
    def received(self) -> str:
        """The reply as the assistant sent it so far (placeholders and all)."""
        with self._lock:
            return "".join(self._received)

    @property
    def kept(self) -> bool:
        """Whether this turn is to be recorded: complete, or stopped after some text."""
        return self.finished and self.error is None and (not self.stopped or bool(self.text))

    def vault_items(self) -> Mapping[str, str]:
        """The placeholder pairs this turn knows (empty without private prompts)."""
        return self.vault.items() if self.vault is not None else {}

    def cancel(self) -> None:
        """Stop the reply: what has arrived is kept, the connection is closed at once."""
        with self._lock:
            self.stopped = True
            reply = self._reply
        if reply is not None:
            reply.cancel()

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            if self._started:
                raise RuntimeError("A reply stream can be read only once.")
            self._started = True
        try:
            yield from self._run()
        except Exception as exc:
            self.error = exc
            raise
        finally:
            self.finished = True

    def _run(self) -> Iterator[str]:
        if self.vault is not None:
            self.sent_prompt = Pseudonymizer(self.vault).pseudonymize(self.prompt)
        else:
            self.sent_prompt = self.prompt
        history = [*self._history, ChatMessage("user", self.sent_prompt)]
        if self.stopped:
            return
        reply = self._provider.start(history)
        with self._lock:
            self._reply = reply
            stopped = self.stopped
        if stopped:
            reply.cancel()
        restorer = StreamRestorer(self.vault) if self.vault is not None else None
        holding = False
        for chunk in reply:
            # Most chunks are a word or two with no "[": they pass through as they are,
            # without a call, which keeps private prompts nearly free per streamed token.
            if restorer is not None and (holding or "[" in chunk):
                shown = restorer.feed(chunk)
                holding = restorer.holding
            else:
                shown = chunk
            with self._lock:
                self._received.append(chunk)
                if shown:
                    self._shown.append(shown)
            if shown:
                yield shown
        if restorer is not None:
            tail = restorer.flush()
            if tail:
                with self._lock:
                    self._shown.append(tail)
                yield tail

    def sent_messages(self) -> list[ChatMessage]:
        """The turn as it went out: the prompt as sent, the reply as received."""
        return [
            ChatMessage("user", self.sent_prompt or ""),
            ChatMessage("assistant", self.received),
        ]
