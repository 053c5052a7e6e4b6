"""The database schema, as an ordered list of migrations; the last one's number is current."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    """One step of the schema: the SQL that takes version ``version - 1`` to ``version``."""

    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        version=1,
        description="meta, preferences, conversations, messages and their full-text index",
        statements=(
            """
            CREATE TABLE meta (
                name  TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE preferences (
                name  TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE conversations (
                id         TEXT PRIMARY KEY,
                title      TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE messages (
                id              INTEGER PRIMARY KEY,
                conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                role            TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
                content         TEXT NOT NULL,
                created_at      TEXT NOT NULL
            )
            """,
            "CREATE INDEX messages_by_conversation ON messages(conversation_id, id)",
            """
            CREATE VIRTUAL TABLE messages_fts USING fts5(
                content, content='messages', content_rowid='id', tokenize='unicode61'
            )
            """,
            """
            CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
                INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
            END
            """,
            """
            CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
                INSERT INTO messages_fts(messages_fts, rowid, content)
                VALUES ('delete', old.id, old.content);
            END
            """,
            """
            CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
                INSERT INTO messages_fts(messages_fts, rowid, content)
                VALUES ('delete', old.id, old.content);
                INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
            END
            """,
        ),
    ),
    Migration(
        version=2,
        description="consent ledger, audit log, retention, the vault, avatars, sensitivity",
        statements=(
            """
            CREATE TABLE consents (
                id           INTEGER PRIMARY KEY,
                scope        TEXT NOT NULL,
                granted      INTEGER NOT NULL CHECK (granted IN (0, 1)),
                text_version TEXT NOT NULL,
                at           TEXT NOT NULL,
                receipt_id   TEXT NOT NULL UNIQUE
            )
            """,
            "CREATE INDEX consents_by_scope ON consents(scope, id)",
            # The ledger is append-only: history is never rewritten, only added to.
            """
            CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents BEGIN
                SELECT RAISE(ABORT, 'the consent ledger is append-only');
            END
            """,
            """
            CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents BEGIN
                SELECT RAISE(ABORT, 'the consent ledger is append-only');
            END
            """,
            """
            CREATE TABLE audit (
                id     INTEGER PRIMARY KEY,
                at     TEXT NOT NULL,
                kind   TEXT NOT NULL,
                detail TEXT NOT NULL DEFAULT '{}'
            )
            """,
            "CREATE INDEX audit_by_time ON audit(at)",
            """
            CREATE TABLE retention (
                data_class    TEXT PRIMARY KEY,
                days          INTEGER NOT NULL CHECK (days > 0),
                last_purge_at TEXT
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE vault (
                id              INTEGER PRIMARY KEY,
                conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                placeholder     TEXT NOT NULL,
                original        TEXT NOT NULL,
                created_at      TEXT NOT NULL,
                UNIQUE (conversation_id, placeholder)
            )
            """,
            "ALTER TABLE conversations ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE conversations ADD COLUMN sensitive_allowed INTEGER NOT NULL DEFAULT 0",
            "CREATE INDEX conversations_by_update ON conversations(updated_at)",
            "CREATE INDEX messages_by_time ON messages(created_at)",
            "ALTER TABLE preferences ADD COLUMN data BLOB",
        ),
    ),
    Migration(
        version=3,
        description="upstream: settings, outbox, deletion requests, notices, network log",
        statements=(
            """
            CREATE TABLE settings (
                name  TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE outbox (
                id             TEXT PRIMARY KEY,
                scope          TEXT NOT NULL,
                kind           TEXT NOT NULL CHECK (kind IN ('conversation', 'learning_signal')),
                payload        TEXT NOT NULL,
                payload_sha256 TEXT NOT NULL,
                sealed         TEXT,
                state          TEXT NOT NULL CHECK (state IN ('review', 'approved')),
                attempts       INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL,
                created_at     TEXT NOT NULL,
                conversation_id TEXT
            )
            """,
            "CREATE INDEX outbox_by_time ON outbox(created_at)",
            """
            CREATE TABLE deletion_requests (
                request_id      TEXT PRIMARY KEY,
                scope           TEXT NOT NULL,
                contributor     TEXT NOT NULL,
                created_at      TEXT NOT NULL,
                state           TEXT NOT NULL CHECK (state IN ('pending', 'acknowledged',
                                                               'rejected')),
                attempts        INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL,
                receipt         TEXT,
                finished_at     TEXT
            )
            """,
            """
            CREATE TABLE notices (
                id           TEXT PRIMARY KEY,
                published_at TEXT NOT NULL,
                severity     TEXT NOT NULL,
                title        TEXT NOT NULL,
                body         TEXT NOT NULL,
                received_at  TEXT NOT NULL,
                read_at      TEXT
            )
            """,
            """
            CREATE TABLE network_log (
                id          INTEGER PRIMARY KEY,
                at          TEXT NOT NULL,
                purpose     TEXT NOT NULL,
                method      TEXT NOT NULL,
                url         TEXT NOT NULL,
                bytes_out   INTEGER NOT NULL,
                bytes_in    INTEGER NOT NULL,
                status      INTEGER,
                error       TEXT,
                duration_ms INTEGER NOT NULL
            )
            """,
            "CREATE INDEX network_log_by_time ON network_log(at)",
        ),
    ),
    Migration(
        version=4,
        description="child mode: the guardian's PIN hash, attempts, lockout and consent",
        statements=(
            """
            CREATE TABLE guardian (
                id               INTEGER PRIMARY KEY CHECK (id = 1),
                enabled          INTEGER NOT NULL DEFAULT 0,
                pin_hash         TEXT NOT NULL,
                kdf              TEXT NOT NULL,
                failed_attempts  INTEGER NOT NULL DEFAULT 0,
                lockout_until    TEXT,
                last_attempt_at  TEXT,
                consent_at       TEXT NOT NULL,
                consent_version  TEXT NOT NULL
            )
            """,
        ),
    ),
    Migration(
        version=5,
        description="the full-text index deletes for real (secure-delete), and forgets the past",
        statements=(
            # Without it FTS5 only marks a deleted row's terms as deleted, and the words stay
            # readable in its segments until some later merge (perhaps never).
            "INSERT INTO messages_fts(messages_fts, rank) VALUES ('secure-delete', 1)",
            # Terms of rows deleted before this version are still in the old segments: the
            # index is rebuilt from the messages that exist (secure_delete clears the pages).
            "INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')",
        ),
    ),
    Migration(
        version=6,
        description="imports: the source's stable id, and the day retention counts from",
        statements=(
            # "chatgpt:<id>" and the like: importing the same export again adds no duplicate.
            "ALTER TABLE conversations ADD COLUMN source_id TEXT",
            "CREATE UNIQUE INDEX conversations_by_source ON conversations(source_id) "
            "WHERE source_id IS NOT NULL",
            # An imported conversation kept "for the retention period from today": retention
            # counts from this time instead of its (old) message times.
            "ALTER TABLE conversations ADD COLUMN kept_from TEXT",
        ),
    ),
    Migration(
        version=7,
        description="the everyday client: a conversation's own title, system prompt and model",
        statements=(
            # 1 once the user renamed it: the title is then no longer made from the first prompt.
            "ALTER TABLE conversations ADD COLUMN title_set INTEGER NOT NULL DEFAULT 0",
            # Conversation content like its messages: it goes when the conversation goes.
            "ALTER TABLE conversations ADD COLUMN system_prompt TEXT",
            # The model chosen for this conversation, and the provider it belongs to.
            "ALTER TABLE conversations ADD COLUMN provider TEXT",
            "ALTER TABLE conversations ADD COLUMN model TEXT",
        ),
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version
