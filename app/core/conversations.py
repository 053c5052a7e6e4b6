"""Conversations: held in memory, and written to the store only when the save policy allows."""

from __future__ import annotations

import enum
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from app.core.clock import Clock, iso
from app.core.errors import InputError
from app.core.store.database import Database

TITLE_LENGTH = 60
#: The longest title a user may give a conversation, and the longest system prompt.
MAX_TITLE_LENGTH = 200
MAX_SYSTEM_PROMPT_LENGTH = 20_000
# Markdown marks at the start of a line that say nothing about the subject ("# ", "> ", "- ").
_LEADING_MARKS = re.compile(r"^(?:[#>*\-+`~|]+\s*|\d+[.)]\s+)+")


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


def title_from_prompt(prompt: str) -> str:
    """A short title made here, from the first prompt: its first line, without Markdown marks.

    Nothing is sent anywhere to make it. A long line is cut at a word where it can be.
    """
    line = next((part for part in prompt.splitlines() if part.strip()), "")
    words = " ".join(_LEADING_MARKS.sub("", line.strip()).split()) or " ".join(line.split())
    if len(words) <= TITLE_LENGTH:
        return words
    cut = words[: TITLE_LENGTH - 1]
    space = cut.rfind(" ")
    if space >= TITLE_LENGTH // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def clean_title(title: str) -> str:
    """A title the user typed: one line, trimmed, not empty, not too long."""
    cleaned = " ".join(title.split())
    if not cleaned:
        raise InputError("The title is empty.")
    if len(cleaned) > MAX_TITLE_LENGTH:
        raise InputError(f"A title can have at most {MAX_TITLE_LENGTH} characters.")
    return cleaned


def clean_system_prompt(text: str | None) -> str | None:
    """A system prompt as stored: None when empty; refused when too long."""
    if text is None or not text.strip():
        return None
    if len(text) > MAX_SYSTEM_PROMPT_LENGTH:
        raise InputError(
            f"A system prompt can have at most {MAX_SYSTEM_PROMPT_LENGTH:,} characters."
        )
    return text.strip()


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
    #: The title the user gave it (None: made from the first prompt).
    custom_title: str | None = None
    #: Said to the assistant before the conversation (None: no system prompt).
    system_prompt: str | None = None
    #: The model chosen for this conversation, and the provider it belongs to.
    provider: str | None = None
    model: str | None = None
    #: When it was started (in memory) or first stored.
    created_at: str = ""

    @property
    def title(self) -> str:
        """The user's title, or one made from the first user message."""
        if self.custom_title:
            return self.custom_title
        first = next((m.content for m in self.messages if m.role == "user"), "")
        return title_from_prompt(first)


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
            "sensitive_allowed, title_set, system_prompt, provider, model) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, "
            "title = excluded.title, sensitive = excluded.sensitive, "
            "sensitive_allowed = excluded.sensitive_allowed, title_set = excluded.title_set, "
            "system_prompt = excluded.system_prompt, provider = excluded.provider, "
            "model = excluded.model",
            (
                conversation.id,
                conversation.title,
                pending[0].created_at if conversation.stored_count == 0 and pending else now,
                now,
                int(conversation.sensitive),
                int(conversation.sensitive_allowed),
                int(conversation.custom_title is not None),
                conversation.system_prompt,
                conversation.provider,
                conversation.model,
            ),
        )
        self._insert(conn, conversation.id, pending)

    def load(self, conversation_id: str) -> Conversation | None:
        """A stored conversation, whole, as it lives in memory (None if it is not stored)."""
        rows = self._db.query(
            "SELECT title, title_set, system_prompt, provider, model, sensitive, "
            "sensitive_allowed, created_at FROM conversations WHERE id = ?",
            (conversation_id,),
        )
        if not rows:
            return None
        title, title_set, system_prompt, provider, model, sensitive, allowed, created = rows[0]
        messages = self.messages(conversation_id)
        return Conversation(
            id=conversation_id,
            sensitive=bool(sensitive),
            sensitive_allowed=bool(allowed),
            messages=messages,
            stored_count=len(messages),
            custom_title=title if title_set else None,
            system_prompt=system_prompt,
            provider=provider,
            model=model,
            created_at=created,
        )

    def vault_items(self, conversation_id: str) -> dict[str, str]:
        """The stored placeholder pairs of one conversation."""
        rows = self._db.query(
            "SELECT placeholder, original FROM vault WHERE conversation_id = ? ORDER BY id",
            (conversation_id,),
        )
        return {str(r[0]): str(r[1]) for r in rows}

    def update_settings(self, conversation: Conversation, conn: Any = None) -> bool:
        """Write the title, system prompt and model of a stored conversation; say if stored."""
        sql = (
            "UPDATE conversations SET title = ?, title_set = ?, system_prompt = ?, "
            "provider = ?, model = ? WHERE id = ?"
        )
        values = (
            conversation.title,
            int(conversation.custom_title is not None),
            conversation.system_prompt,
            conversation.provider,
            conversation.model,
            conversation.id,
        )
        if conn is not None:
            return bool(conn.execute(sql, values).rowcount)
        with self._db.transaction("saving the conversation's settings") as own:
            return bool(own.execute(sql, values).rowcount)

    def truncate(self, conversation_id: str, keep: int, conn: Any) -> int:
        """Delete the stored messages after the first ``keep``; return how many went."""
        return int(
            conn.execute(
                "DELETE FROM messages WHERE conversation_id = ? AND id NOT IN ("
                "SELECT id FROM messages WHERE conversation_id = ? ORDER BY id LIMIT ?)",
                (conversation_id, conversation_id, max(keep, 0)),
            ).rowcount
        )

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
