"""Conversations: held in memory, and written to the store only when the save policy allows."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field

from app.core.clock import Clock, iso
from app.core.store.database import Database


class SaveStatus(enum.Enum):
    """Whether a conversation is being kept, with the words the status bar shows."""

    SAVED = "Saved, encrypted"
    NOT_SAVED = "Not saved"
    TEMPORARY = "Temporary"
    SENSITIVE = "Sensitive — not saved"


@dataclass(frozen=True)
class SaveContext:
    """Everything the save policy looks at."""

    consent_granted: bool
    child_mode: bool
    temporary: bool
    sensitive: bool
    sensitive_allowed: bool


def save_decision(ctx: SaveContext) -> SaveStatus:
    """The save policy (DESIGN.md §3), as one pure function.

    A conversation is written only if ``store_conversations`` is granted, child mode is off, it
    is not temporary, and it is not sensitive unless the user allowed this one explicitly.
    """
    if ctx.temporary:
        return SaveStatus.TEMPORARY
    if ctx.child_mode or not ctx.consent_granted:
        return SaveStatus.NOT_SAVED
    if ctx.sensitive and not ctx.sensitive_allowed:
        return SaveStatus.SENSITIVE
    return SaveStatus.SAVED


@dataclass(frozen=True)
class Message:
    """One message of a conversation."""

    role: str
    content: str
    created_at: str


@dataclass
class Conversation:
    """A conversation as it lives in memory."""

    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    temporary: bool = False
    sensitive: bool = False
    sensitive_allowed: bool = False
    messages: list[Message] = field(default_factory=list)


class ConversationStore:
    """Reads and writes stored conversations in the encrypted database."""

    def __init__(self, database: Database, clock: Clock) -> None:
        self._db = database
        self._clock = clock

    def append(self, conversation_id: str, messages: list[Message]) -> None:
        """Store ``messages`` (creating the conversation row if needed) in one transaction."""
        now = iso(self._clock.now())
        with self._db.transaction("saving the conversation") as conn:
            conn.execute(
                "INSERT INTO conversations(id, created_at, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at",
                (conversation_id, now, now),
            )
            conn.executemany(
                "INSERT INTO messages(conversation_id, role, content, created_at) "
                "VALUES (?, ?, ?, ?)",
                [(conversation_id, m.role, m.content, m.created_at) for m in messages],
            )

    def message_count(self) -> int:
        """How many messages are stored."""
        return int(self._db.query("SELECT count(*) FROM messages")[0][0])

    def conversation_count(self) -> int:
        """How many conversations are stored."""
        return int(self._db.query("SELECT count(*) FROM conversations")[0][0])
