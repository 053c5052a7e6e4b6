"""Conversations: held in memory, and written to the store only when the save policy allows."""

from __future__ import annotations

import enum
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from app.core.clock import Clock, iso
from app.core.store.database import Database

TITLE_LENGTH = 60


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
    # How many of ``messages`` are already in the store.
    stored_count: int = 0

    @property
    def title(self) -> str:
        """The first words of the first user message."""
        first = next((m.content for m in self.messages if m.role == "user"), "")
        words = " ".join(first.split())
        return words if len(words) <= TITLE_LENGTH else words[: TITLE_LENGTH - 1] + "…"


@dataclass(frozen=True)
class ConversationSummary:
    """A stored conversation, as listed."""

    id: str
    title: str
    created_at: str
    updated_at: str
    message_count: int
    sensitive: bool


@dataclass(frozen=True)
class SearchHit:
    """One message that matches a full-text search."""

    conversation_id: str
    title: str
    role: str
    snippet: str
    created_at: str


def fts_query(text: str) -> str:
    """Turn what the user typed into a safe FTS5 query: every word must match, as a prefix."""
    words = [w for w in re.findall(r"\w+", text, flags=re.UNICODE) if w]
    return " ".join(f'"{w}"*' for w in words)


class ConversationStore:
    """Reads and writes stored conversations in the encrypted database."""

    def __init__(self, database: Database, clock: Clock) -> None:
        self._db = database
        self._clock = clock

    def save(self, conversation: Conversation, conn: Any = None) -> int:
        """Store the messages of ``conversation`` not stored yet; return how many."""
        pending = conversation.messages[conversation.stored_count :]
        if conn is None:
            with self._db.transaction("saving the conversation") as own:
                self._write(conversation, pending, own)
        else:
            self._write(conversation, pending, conn)
        conversation.stored_count = len(conversation.messages)
        return len(pending)

    def _write(self, conversation: Conversation, pending: list[Message], conn: Any) -> None:
        now = iso(self._clock.now())
        conn.execute(
            "INSERT INTO conversations(id, title, created_at, updated_at, sensitive, "
            "sensitive_allowed) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, "
            "title = excluded.title, sensitive = excluded.sensitive, "
            "sensitive_allowed = excluded.sensitive_allowed",
            (
                conversation.id,
                conversation.title,
                pending[0].created_at if conversation.stored_count == 0 and pending else now,
                now,
                int(conversation.sensitive),
                int(conversation.sensitive_allowed),
            ),
        )
        self._insert(conn, conversation.id, pending)

    def append(self, conversation_id: str, messages: list[Message]) -> None:
        """Store ``messages`` (creating the conversation row if needed) in one transaction."""
        now = iso(self._clock.now())
        with self._db.transaction("saving the conversation") as conn:
            conn.execute(
                "INSERT INTO conversations(id, created_at, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at",
                (conversation_id, now, now),
            )
            self._insert(conn, conversation_id, messages)

    @staticmethod
    def _insert(conn: Any, conversation_id: str, messages: list[Message]) -> None:
        conn.executemany(
            "INSERT INTO messages(conversation_id, role, content, created_at) VALUES (?, ?, ?, ?)",
            [(conversation_id, m.role, m.content, m.created_at) for m in messages],
        )

    def delete(self, conversation_id: str, conn: Any = None) -> int:
        """Delete one stored conversation (messages, index and vault go with it)."""
        sql = "DELETE FROM conversations WHERE id = ?"
        if conn is not None:
            return int(conn.execute(sql, (conversation_id,)).rowcount)
        with self._db.transaction("deleting the conversation") as own:
            return int(own.execute(sql, (conversation_id,)).rowcount)

    def delete_all(self, conn: Any) -> int:
        """Delete every stored conversation; return how many."""
        return int(conn.execute("DELETE FROM conversations").rowcount)

    def summaries(self) -> list[ConversationSummary]:
        """Stored conversations, most recently updated first."""
        rows = self._db.query(
            "SELECT c.id, c.title, c.created_at, c.updated_at, "
            "(SELECT count(*) FROM messages m WHERE m.conversation_id = c.id), c.sensitive "
            "FROM conversations c ORDER BY c.updated_at DESC, c.id"
        )
        return [ConversationSummary(r[0], r[1], r[2], r[3], int(r[4]), bool(r[5])) for r in rows]

    def messages(self, conversation_id: str) -> list[Message]:
        """The stored messages of one conversation, in order."""
        rows = self._db.query(
            "SELECT role, content, created_at FROM messages WHERE conversation_id = ? ORDER BY id",
            (conversation_id,),
        )
        return [Message(r[0], r[1], r[2]) for r in rows]

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Messages matching every word of ``text`` (prefixes), best matches first."""
        query = fts_query(text)
        if not query:
            return []
        rows = self._db.query(
            "SELECT m.conversation_id, c.title, m.role, "
            "snippet(messages_fts, 0, '[', ']', '…', 12), m.created_at "
            "FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
            "JOIN conversations c ON c.id = m.conversation_id "
            "WHERE messages_fts MATCH ? ORDER BY rank LIMIT ?",
            (query, limit),
            doing="searching",
        )
        return [SearchHit(*r) for r in rows]

    def message_count(self) -> int:
        """How many messages are stored."""
        return int(self._db.query("SELECT count(*) FROM messages")[0][0])

    def conversation_count(self) -> int:
        """How many conversations are stored."""
        return int(self._db.query("SELECT count(*) FROM conversations")[0][0])
