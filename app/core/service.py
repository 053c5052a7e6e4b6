"""The facade: the one object the GUI and the CLI hold. It returns frozen dataclasses."""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3

from app.core import keys, paths, profile
from app.core.assistant.offline import ChatMessage, OfflineProvider
from app.core.clock import Clock, SystemClock, iso
from app.core.conversations import (
    Conversation,
    ConversationStore,
    Message,
    SaveContext,
    SaveStatus,
    save_decision,
)
from app.core.errors import (
    BugError,
    ConfidantError,
    CorruptDatabase,
    KeyringUnavailable,
    KnownError,
)
from app.core.store.database import Database, damaged_error
from app.core.store.schema import SCHEMA_VERSION

log = logging.getLogger(__name__)

KeyStoreFactory = Callable[[], keys.KeyringKeyStore]


@dataclass(frozen=True)
class KeyringStatus:
    """What the environment's keyring backend is, and whether we accept it."""

    backend: str
    secure: bool
    detail: str


@dataclass(frozen=True)
class TurnResult:
    """The outcome of one chat turn."""

    conversation_id: str
    reply: str
    status: SaveStatus
    provider_label: str


@dataclass(frozen=True)
class DoctorCheck:
    """One line of the health report."""

    name: str
    ok: bool
    detail: str


@dataclass(frozen=True)
class DoctorReport:
    """The health of the store, the keyring, the files and the schema."""

    profile_dir: str
    sqlcipher_version: str
    keyring_backend: str
    keyring_secure: bool
    store_exists: bool
    schema_version: int | None
    code_schema_version: int
    bad_pages: tuple[int, ...]
    checks: tuple[DoctorCheck, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        """Every check passed."""
        return all(check.ok for check in self.checks)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form of the report."""
        data = asdict(self)
        data["bad_pages"] = list(self.bad_pages)
        data["ok"] = self.ok
        return data


def sqlcipher_version() -> str:
    """The SQLCipher version the bundled library reports."""
    conn = sqlcipher3.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else ""


class Confidant:
    """One profile: its store, its in-memory conversations and the assistant."""

    def __init__(
        self,
        directory: Path | None = None,
        *,
        clock: Clock | None = None,
        key_store_factory: KeyStoreFactory = keys.KeyringKeyStore.from_environment,
    ) -> None:
        self.directory = directory if directory is not None else paths.profile_dir()
        self.clock: Clock = clock or SystemClock()
        self._key_store_factory = key_store_factory
        self._opened: profile.OpenProfile | None = None
        self._conversations: dict[str, Conversation] = {}
        self._provider = OfflineProvider()
        self._lock = threading.RLock()

    # --- the profile ---------------------------------------------------------------------------

    def profile_exists(self) -> bool:
        """Whether this profile was created before (the first-run screen shows if not)."""
        return profile.is_created(self.directory)

    def needs_passphrase(self) -> bool:
        """Whether the profile is in passphrase mode and must be unlocked with it."""
        loaded = profile.load_profile_file(self.directory)
        return loaded is not None and loaded.key_mode == "passphrase"

    def keyring_status(self) -> KeyringStatus:
        """The keyring backend the environment selects, and whether it is acceptable."""
        try:
            info = keys.vet_backend(keys.detect_backend())
        except KeyringUnavailable as exc:
            return KeyringStatus("unavailable", False, exc.message)
        return KeyringStatus(info.name, info.secure, info.reason)

    def open(self, passphrase: str | None = None) -> None:
        """Open the profile, creating it on first use.

        Without a passphrase a new profile keeps its key in the OS keyring (refusing insecure
        backends before any file is written). Passing a passphrase for a new profile is the
        explicit choice of passphrase mode.
        """
        paths.restrict_umask()
        with self._lock:
            if self._opened is not None:
                return
            existing = profile.load_profile_file(self.directory)
            if passphrase is not None and existing is None:
                keys.validate_passphrase(passphrase)
            source = profile.source_for(
                existing, passphrase=passphrase, key_store_factory=self._key_store_factory
            )
            if existing is None and not profile.is_created(self.directory):
                self._opened = profile.create_profile(self.directory, source)
            else:
                self._opened = profile.open_profile(self.directory, source)

    @property
    def is_open(self) -> bool:
        """Whether the store is open."""
        return self._opened is not None

    @property
    def database(self) -> Database:
        """The open database (raises if the profile is not open)."""
        if self._opened is None:
            raise BugError("The profile is not open.")
        return self._opened.database

    @property
    def key_mode(self) -> str:
        """``keyring`` or ``passphrase``."""
        if self._opened is None:
            raise BugError("The profile is not open.")
        return self._opened.profile.key_mode

    def verify_integrity(self) -> None:
        """Check every page of the open store; raise CorruptDatabase naming damaged pages."""
        report = self.database.integrity_report()
        if not report.ok:
            raise damaged_error(report.bad_pages)

    def rotate_key(self) -> None:
        """Re-encrypt the store under a fresh key (see ``profile.rotate_key``)."""
        with self._lock:
            if self._opened is None:
                raise BugError("The profile is not open.")
            self._opened = profile.rotate_key(self._opened)

    def close(self) -> None:
        """Close the store and forget every in-memory conversation."""
        with self._lock:
            self._conversations.clear()
            if self._opened is not None:
                self._opened.database.close()
                self._opened = None

    # --- conversations ---------------------------------------------------------------------

    @property
    def provider_label(self) -> str:
        """How the current assistant is labelled in the UI."""
        return self._provider.label

    def new_conversation(self, *, temporary: bool = False) -> str:
        """Start a conversation in memory and return its id."""
        conversation = Conversation(id=str(uuid.uuid4()), temporary=temporary)
        with self._lock:
            self._conversations[conversation.id] = conversation
        return conversation.id

    def save_status(self, conversation_id: str) -> SaveStatus:
        """Whether this conversation is being kept, by the save policy."""
        return save_decision(self._save_context(self._conversation(conversation_id)))

    def send(self, conversation_id: str, prompt: str) -> TurnResult:
        """Run one turn through the assistant; store it only if the save policy allows."""
        return self._finish_turn(
            conversation_id, prompt, "".join(self.stream(conversation_id, prompt))
        )

    def stream(self, conversation_id: str, prompt: str) -> Iterator[str]:
        """The assistant's reply to ``prompt`` in chunks (the turn is not recorded)."""
        conversation = self._conversation(conversation_id)
        history = [ChatMessage(m.role, m.content) for m in conversation.messages]
        history.append(ChatMessage("user", prompt))
        return self._provider.stream_reply(history)

    def _finish_turn(self, conversation_id: str, prompt: str, reply: str) -> TurnResult:
        conversation = self._conversation(conversation_id)
        now = iso(self.clock.now())
        turn = [Message("user", prompt, now), Message("assistant", reply, now)]
        conversation.messages.extend(turn)
        status = save_decision(self._save_context(conversation))
        if status is SaveStatus.SAVED:
            self._conversation_store().append(conversation.id, turn)
        return TurnResult(conversation.id, reply, status, self._provider.label)

    def stored_message_count(self) -> int:
        """How many messages the store holds."""
        return self._conversation_store().message_count()

    def _conversation(self, conversation_id: str) -> Conversation:
        with self._lock:
            try:
                return self._conversations[conversation_id]
            except KeyError:
                raise BugError("Unknown conversation id.") from None

    def _save_context(self, conversation: Conversation) -> SaveContext:
        return SaveContext(
            consent_granted=self._store_conversations_granted(),
            child_mode=False,
            temporary=conversation.temporary,
            sensitive=conversation.sensitive,
            sensitive_allowed=conversation.sensitive_allowed,
        )

    def _store_conversations_granted(self) -> bool:
        # There is no consent ledger yet, so ``store_conversations`` cannot have been granted:
        # every conversation stays in memory only.
        return False

    def _conversation_store(self) -> ConversationStore:
        return ConversationStore(self.database, self.clock)

    # --- health ----------------------------------------------------------------------------

    def doctor(self, passphrase: str | None = None) -> DoctorReport:
        """Check the store, the keyring, the file permissions and the schema.

        A profile that does not exist yet is not created; the keyring is then checked with a
        throwaway entry instead.
        """
        checks: list[DoctorCheck] = []
        # Looked at first: opening the store would quietly tighten loose file modes.
        problems = paths.permission_problems(self.directory)
        version = sqlcipher_version()
        checks.append(DoctorCheck("sqlcipher", bool(version), version or "no SQLCipher"))
        existing = profile.load_profile_file(self.directory)
        uses_keyring = existing is None or existing.key_mode == "keyring"
        status = self.keyring_status()
        if uses_keyring:
            checks.append(
                DoctorCheck("keyring", status.secure, f"{status.backend}: {status.detail}")
            )
        else:
            checks.append(DoctorCheck("keyring", True, "not used: the profile uses a passphrase"))

        store_exists = profile.is_created(self.directory)
        schema: int | None = None
        bad_pages: tuple[int, ...] = ()
        if not store_exists:
            checks.append(DoctorCheck("store", True, "no profile yet; it is created on first use"))
            if status.secure:
                checks.append(self._keyring_probe())
        else:
            schema, bad_pages, store_checks = self._doctor_store(passphrase)
            checks.extend(store_checks)

        checks.append(DoctorCheck("permissions", not problems, "; ".join(problems) or "700 / 600"))
        return DoctorReport(
            profile_dir=str(self.directory),
            sqlcipher_version=version,
            keyring_backend=status.backend,
            keyring_secure=status.secure,
            store_exists=store_exists,
            schema_version=schema,
            code_schema_version=SCHEMA_VERSION,
            bad_pages=bad_pages,
            checks=tuple(checks),
        )

    def _doctor_store(
        self, passphrase: str | None
    ) -> tuple[int | None, tuple[int, ...], list[DoctorCheck]]:
        checks: list[DoctorCheck] = []
        opened_here = False
        try:
            if self._opened is None:
                if not profile.database_path(self.directory).exists():
                    return None, (), [DoctorCheck("store", False, "the database file is missing")]
                self.open(passphrase)
                opened_here = True
            schema = self.database.schema_version()
            report = self.database.integrity_report()
        except CorruptDatabase as exc:
            checks.append(DoctorCheck("store", True, "opened"))
            checks.append(DoctorCheck("integrity", False, exc.message))
            return None, exc.bad_pages, checks
        except KnownError as exc:
            return None, (), [DoctorCheck("store", False, exc.one_line())]
        finally:
            if opened_here:
                self.close()
        checks.append(DoctorCheck("store", True, f"opened ({self.directory.name})"))
        checks.append(DoctorCheck("integrity", report.ok, report.summary()))
        checks.append(
            DoctorCheck(
                "schema",
                schema == SCHEMA_VERSION,
                f"version {schema} (this Confidant writes {SCHEMA_VERSION})",
            )
        )
        return schema, report.bad_pages, checks

    def _keyring_probe(self) -> DoctorCheck:
        user = f"doctor-probe-{uuid.uuid4()}"
        try:
            store = self._key_store_factory()
            store.put(user, keys.new_data_key())
            store.delete(user)
        except ConfidantError as exc:
            return DoctorCheck("keyring round trip", False, exc.one_line())
        return DoctorCheck("keyring round trip", True, "stored and removed a test entry")
