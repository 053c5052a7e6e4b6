"""The everyday client's conversations: list, open and continue, rename, rewind, per-chat settings.

Stored conversations come from the encrypted store; those of this run that are not kept
(temporary, not allowed by the save policy, not yet answered) live in memory only and are
listed too, marked as such, until the app quits. Opening a stored conversation takes it up
again where it stopped: its messages become the history the assistant is sent, and its
pseudonym vault is reloaded, so a name gets the same placeholder it had before.

Rewinding (edit a prompt, regenerate a reply) drops the turns after a point in memory, in
what the assistant saw and in the store alike, so the transcript and the store agree.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass

from app.core.assistant.hub import Assistant
from app.core.assistant.registry import ProviderSettingsStore, clean_model
from app.core.audit import AuditLog
from app.core.conversations import (
    Conversation,
    ConversationStore,
    Message,
    clean_system_prompt,
    clean_title,
)
from app.core.errors import InputError
from app.core.store.database import Database
from app.core.upstream.settings import SettingsStore

#: Where the default system prompt of new conversations is kept (encrypted, like all settings).
DEFAULT_SYSTEM_PROMPT_SETTING = "chat.default_system_prompt"
#: How many full-text hits a sidebar filter looks through.
FILTER_HITS = 500


@dataclass(frozen=True)
class ChatListEntry:
    """One conversation as the sidebar lists it."""

    id: str
    title: str
    updated_at: str
    message_count: int
    #: In the encrypted store (False: in memory only, gone at quit).
    kept: bool
    temporary: bool
    sensitive: bool


@dataclass(frozen=True)
class OpenedConversation:
    """A conversation taken up again: what the chat page shows and sends with."""

    id: str
    title: str
    messages: tuple[Message, ...]
    kept: bool
    temporary: bool
    sensitive: bool
    system_prompt: str | None
    provider: str | None
    model: str | None


class ChatLibrary:
    """Operations on conversations for the sidebar, the chat header and ``chat --continue``.

    It is built for one call by the facade, from the open profile's parts; it keeps nothing.
    """

    def __init__(
        self,
        *,
        database: Database,
        store: ConversationStore,
        audit: AuditLog,
        assistant: Assistant,
        provider_settings: ProviderSettingsStore,
        settings: SettingsStore,
        memory: MutableMapping[str, Conversation],
        lock: threading.RLock,
        is_sensitive: Callable[[str], bool],
    ) -> None:
        self._db = database
        self._store = store
        self._audit = audit
        self._assistant = assistant
        self._provider_settings = provider_settings
        self._settings = settings
        self._memory = memory
        self._lock = lock
        self._is_sensitive = is_sensitive

    # --- the list ---------------------------------------------------------------------------

    def entries(self, filter_text: str = "") -> list[ChatListEntry]:
        """Stored conversations and this run's unkept ones, newest first, optionally filtered.

        A filter matches a stored conversation through the full-text index (every word, as a
        prefix) or its title; an unkept one by the same words in its title or messages.
        """
        words = filter_text.casefold().split()
        stored = every_stored = self._store.summaries()
        if words:
            hits = {h.conversation_id for h in self._store.search(filter_text, FILTER_HITS)}
            stored = [
                s for s in stored if s.id in hits or all(w in s.title.casefold() for w in words)
            ]
        entries = [
            ChatListEntry(s.id, s.title, s.updated_at, s.message_count, True, False, s.sensitive)
            for s in stored
        ]
        stored_ids = {s.id for s in every_stored}
        with self._lock:
            unkept = [
                c
                for c in self._memory.values()
                if c.messages and c.id not in stored_ids and c.stored_count == 0
            ]
        for conversation in unkept:
            if words:
                text = " ".join([conversation.title, *(m.content for m in conversation.messages)])
                if not all(w in text.casefold() for w in words):
                    continue
            entries.append(
                ChatListEntry(
                    conversation.id,
                    conversation.title,
                    conversation.messages[-1].created_at,
                    len(conversation.messages),
                    False,
                    conversation.temporary,
                    conversation.sensitive,
                )
            )
        entries.sort(key=lambda e: (e.updated_at, e.id), reverse=True)
        return entries

    # --- opening and continuing ---------------------------------------------------------------

    def open(self, conversation_id: str) -> OpenedConversation:
        """The conversation, taken up again: from memory if it is there, else from the store."""
        with self._lock:
            conversation = self._memory.get(conversation_id)
        if conversation is None:
            conversation = self._store.load(conversation_id)
            if conversation is None:
                raise InputError(f"There is no stored conversation {conversation_id!r}.")
            vault = self._store.vault_items(conversation_id)
            self._assistant.resume(
                conversation_id, vault, [(m.role, m.content) for m in conversation.messages]
            )
            with self._lock:
                self._memory[conversation_id] = conversation
        return self.describe(conversation)

    def describe(self, conversation: Conversation) -> OpenedConversation:
        """The conversation as the chat page takes it."""
        return OpenedConversation(
            id=conversation.id,
            title=conversation.title,
            messages=tuple(conversation.messages),
            kept=conversation.stored_count > 0,
            temporary=conversation.temporary,
            sensitive=conversation.sensitive,
            system_prompt=conversation.system_prompt,
            provider=conversation.provider,
            model=conversation.model,
        )

    def turn_options(
        self, conversation: Conversation, provider: str | None, model: str | None
    ) -> tuple[str | None, str | None]:
        """The provider and model for a turn: as asked, or the conversation's own model.

        A conversation's model is used only while its provider is the chosen one: a model
        name means nothing to another provider.
        """
        if model is None and conversation.model is not None:
            chosen = provider or self._provider_settings.load().name
            if conversation.provider == chosen:
                model = conversation.model
        return provider, model

    # --- settings of one conversation -------------------------------------------------------

    def rename(self, conversation: Conversation, title: str) -> str:
        """Give the conversation the user's own title (stored at once if it is kept)."""
        conversation.custom_title = clean_title(title)
        if conversation.stored_count:
            self._store.update_settings(conversation)
        return conversation.title

    def set_system_prompt(self, conversation: Conversation, text: str | None) -> str | None:
        """What is said to the assistant before this conversation (None or '': nothing)."""
        conversation.system_prompt = clean_system_prompt(text)
        if conversation.stored_count:
            self._store.update_settings(conversation)
        return conversation.system_prompt

    def set_model(self, conversation: Conversation, model: str | None) -> str | None:
        """Remember the model for this conversation, with the provider chosen now."""
        if model is None or not model.strip():
            conversation.provider = conversation.model = None
        else:
            conversation.model = clean_model(model)
            conversation.provider = self._provider_settings.load().name
        if conversation.stored_count:
            self._store.update_settings(conversation)
        return conversation.model

    def default_system_prompt(self) -> str | None:
        """The system prompt new conversations start with (None: none)."""
        return self._settings.get(DEFAULT_SYSTEM_PROMPT_SETTING) or None

    def set_default_system_prompt(self, text: str | None) -> str | None:
        """Choose the system prompt new conversations start with."""
        cleaned = clean_system_prompt(text)
        self._settings.set(DEFAULT_SYSTEM_PROMPT_SETTING, cleaned)
        return cleaned

    # --- rewinding ----------------------------------------------------------------------------

    def rewind(self, conversation: Conversation, keep: int) -> int:
        """Drop every message after the first ``keep``, in memory and in the store alike.

        The assistant forgets them too. A stored copy loses the same messages in one
        transaction, with a privacy-log event (counts only); return how many went.
        """
        if not 0 <= keep <= len(conversation.messages):
            raise InputError("There is no such message in this conversation.")
        removed = len(conversation.messages) - keep
        if not removed:
            return 0
        with self._lock:
            if conversation.stored_count > keep:
                with self._db.transaction("replacing the conversation's last turns") as conn:
                    if keep == 0:
                        self._store.delete(conversation.id, conn)
                    else:
                        self._store.truncate(conversation.id, keep, conn)
                    self._audit.record("conversation.rewound", conn, messages=removed)
                conversation.stored_count = keep
            del conversation.messages[keep:]
        self._assistant.rewind(conversation.id, keep)
        return removed

    def last_prompt_index(self, conversation: Conversation) -> int:
        """Where the last prompt is (regenerating its reply starts there)."""
        for index in range(len(conversation.messages) - 1, -1, -1):
            if conversation.messages[index].role == "user":
                return index
        raise InputError("There is no reply to regenerate yet.")

    def forget(self, conversation_id: str) -> None:
        """Drop a conversation from memory (it was deleted)."""
        with self._lock:
            self._memory.pop(conversation_id, None)
        self._assistant.forget_conversation(conversation_id)
