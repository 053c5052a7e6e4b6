"""The facade: the one object the GUI and the CLI hold. It returns frozen dataclasses."""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, NoReturn

import sqlcipher3

from app.core import display_hints, erasure, keys, paths, portability, profile
from app.core.assistant.hub import Assistant, ConnectionReport, ProviderStatus
from app.core.assistant.offline import LABEL as OFFLINE_LABEL
from app.core.assistant.registry import PROVIDER_NAMES, ProviderSettingsStore
from app.core.assistant.reply import ReplyStream
from app.core.attempts import AttemptRecord, LockedOut, duration_text
from app.core.audit import AuditEvent, AuditLog
from app.core.childmode import ChildMode, ChildModeStatus, GuardianRequired
from app.core.clock import Clock, SystemClock, iso
from app.core.consent import ConsentLedger, ConsentReceipt, ConsentState, ConsentText, Scope
from app.core.conversations import (
    Conversation,
    ConversationStore,
    ConversationSummary,
    Message,
    SaveContext,
    SaveStatus,
    SearchHit,
    save_decision,
)
from app.core.erasure import ErasureReceipt
from app.core.errors import (
    BugError,
    ConfidantError,
    CorruptDatabase,
    InputError,
    KeyringUnavailable,
    KnownError,
)
from app.core.jobs import CancelToken, ProgressCallback, no_progress
from app.core.portability import ExportResult, ImportResult
from app.core.preferences import OPTIONS, Preferences
from app.core.retention import DATA_CLASSES, PurgeResult, Retention, Schedule
from app.core.store.database import Database, damaged_error, database_files
from app.core.store.schema import SCHEMA_VERSION
from app.core.upstream.hub import Upstream
from app.core.upstream.settings import SettingsStore

log = logging.getLogger(__name__)

KeyStoreFactory = Callable[[], keys.KeyringKeyStore]
#: How long a guardian's PIN unlocks settings in child mode.
GUARDIAN_SESSION_SECONDS = 300
#: Minutes without input before the app lock closes the store (0: never), and the longest.
APP_LOCK_IDLE_DEFAULT = 10
APP_LOCK_IDLE_MAX = 24 * 60
_APP_LOCK_IDLE_SETTING = "app_lock.idle_minutes"


class PassphraseLocked(LockedOut):
    """Too many wrong passphrases: none is accepted until the lockout ends."""


@dataclass(frozen=True)
class AppLockStatus:
    """Whether opening the profile needs a passphrase, and how soon an idle app locks itself."""

    #: Opening needs a passphrase: the app lock is on, or the profile is in passphrase mode.
    enabled: bool
    #: Passphrase mode: the passphrase is always needed, so the lock cannot be turned off.
    passphrase_mode: bool
    #: Minutes without input before the app locks itself (0: never); None while locked.
    idle_minutes: int | None
    failed_attempts: int
    locked_until: str | None

    @property
    def auto_lock(self) -> bool:
        """Whether an idle app should lock itself."""
        return self.enabled and bool(self.idle_minutes)


@dataclass(frozen=True)
class KeyringStatus:
    """What the environment's keyring backend is, and whether we accept it."""

    backend: str
    secure: bool
    detail: str

    @property
    def sentence(self) -> str:
        """One sentence for the user."""
        if self.secure:
            return "Your data key is kept in your system keyring."
        if self.backend == "unavailable":
            return f"No keyring could be used: {self.detail.rstrip('.')}."
        return f"The keyring on this computer cannot be used, because {self.detail}."


@dataclass(frozen=True)
class TurnResult:
    """The outcome of one chat turn."""

    conversation_id: str
    reply: str
    status: SaveStatus
    provider_label: str
    #: The prompt exactly as the assistant received it (pseudonymized if ``private``).
    sent_prompt: str | None = None
    private: bool = False
    #: The user stopped the reply; ``reply`` is what had arrived.
    stopped: bool = False
    #: ``offline``, ``openai_compat`` or ``anthropic``.
    provider: str = "offline"
    #: The conversation touches a sensitive topic (the classifier, or the user said so).
    sensitive: bool = False


@dataclass(frozen=True)
class WithdrawResult:
    """What withdrawing a consent did."""

    receipt: ConsentReceipt
    deleted_conversations: int
    deletion_request_id: str | None = None


@dataclass(frozen=True)
class MyDataDeleted:
    """What "delete my data" removed."""

    conversations: int
    preferences: int


@dataclass(frozen=True)
class StoredClass:
    """How much of one kind of data is stored (all of it encrypted)."""

    data_class: str
    label: str
    rows: int
    approx_bytes: int


@dataclass(frozen=True)
class StorageSummary:
    """What is stored, per data class, and the size of the encrypted files."""

    classes: tuple[StoredClass, ...]
    encrypted_file_bytes: int


# (data class, label, table, expression summing the bytes of one row)
_STORED_CLASSES: tuple[tuple[str, str, str, str], ...] = (
    ("conversations", "Conversations", "conversations", "length(title) + 64"),
    ("messages", "Messages", "messages", "length(CAST(content AS BLOB)) + 32"),
    ("preferences", "Preferences", "preferences", "length(value) + ifnull(length(data), 0)"),
    ("consents", "Consent records", "consents", "96"),
    ("audit", "Privacy log", "audit", "length(kind) + length(detail) + 32"),
    ("vault", "Pseudonym vault", "vault", "length(placeholder) + length(original) + 32"),
)


@dataclass(frozen=True)
class _Parts:
    """The pieces of an open profile, built once its database is open."""

    audit: AuditLog
    ledger: ConsentLedger
    preferences: Preferences
    retention: Retention
    store: ConversationStore
    upstream: Upstream
    childmode: ChildMode


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

    #: The shortest passphrase accepted for passphrase mode.
    min_passphrase_length = keys.MIN_PASSPHRASE_LENGTH

    def __init__(
        self,
        directory: Path | None = None,
        *,
        clock: Clock | None = None,
        key_store_factory: KeyStoreFactory = keys.KeyringKeyStore.from_environment,
        consent_texts: Path | None = None,
    ) -> None:
        self.directory = directory if directory is not None else paths.profile_dir()
        self.clock: Clock = clock or SystemClock()
        self._key_store_factory = key_store_factory
        self._consent_texts = consent_texts
        self._opened: profile.OpenProfile | None = None
        self._parts: _Parts | None = None
        self._guardian_until = 0.0
        self._conversations: dict[str, Conversation] = {}
        self._assistant = Assistant(self.clock, child_mode=self._child_mode)
        self._lock = threading.RLock()

    # --- the profile ---------------------------------------------------------------------------

    def profile_exists(self) -> bool:
        """Whether this profile was created before (the first-run screen shows if not)."""
        return profile.is_created(self.directory)

    def needs_passphrase(self) -> bool:
        """Whether opening the profile needs its passphrase (passphrase mode or the app lock)."""
        loaded = profile.load_profile_file(self.directory)
        return loaded is not None and loaded.needs_passphrase

    def keyring_status(self) -> KeyringStatus:
        """The keyring backend the environment selects, and whether it is acceptable."""
        try:
            info = keys.vet_backend(keys.detect_backend())
        except KeyringUnavailable as exc:
            return KeyringStatus("unavailable", False, exc.message)
        return KeyringStatus(info.name, info.secure, info.reason)

    def open(self, passphrase: str | None = None, *, purge: bool = True) -> None:
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
            elif existing is not None and (existing.needs_passphrase or passphrase is not None):
                record = self._passphrase_attempt_allowed()
                try:
                    self._opened = profile.open_profile(self.directory, source)
                except keys.WrongPassphrase:
                    self._wrong_passphrase(record)
                self._right_passphrase(record)
            else:
                self._opened = profile.open_profile(self.directory, source)
            self._wire(self._opened.database)
            if self._opened.created:
                self.preferences.set("last_privacy_checkup", iso(self.clock.now()))
            self._update_display_hints(sync=True)
        if purge:
            self.purge_expired()

    def _wire(self, database: Database) -> None:
        audit = AuditLog(database, self.clock)
        ledger = ConsentLedger(database, self.clock, audit, self._consent_texts)
        self._parts = _Parts(
            audit=audit,
            ledger=ledger,
            preferences=Preferences(database, audit, child_mode=self._child_mode),
            retention=Retention(database, self.clock, audit),
            store=ConversationStore(database, self.clock),
            upstream=Upstream(
                database,
                self.clock,
                ledger,
                audit,
                child_mode=self._child_mode,
                guard=self.require_guardian,
            ),
            childmode=ChildMode(database, self.clock, audit),
        )

    def _is_sensitive(self, text: str) -> bool:
        from app.core.privacy.sensitivity import classify

        return classify(text).sensitive

    def explain_sensitivity(self, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The sensitive categories of ``text`` and, for each, why (nothing stored or logged)."""
        from app.core.privacy.sensitivity import classify

        result = classify(text)
        return result.categories, result.reasons

    def _child_mode(self) -> bool:
        return self._require_parts().childmode.is_on()

    # --- child mode ---------------------------------------------------------------------------

    def child_mode_status(self) -> ChildModeStatus:
        """Whether child mode is on, and the PIN's attempt limit."""
        return self._require_parts().childmode.status()

    def enable_child_mode(self, pin: str) -> None:
        """Turn child mode on (a guardian sets the PIN); sharing is withdrawn and stays off."""
        childmode = self._require_parts().childmode
        for scope in (Scope.SHARE_FOR_TRAINING, Scope.RESEARCH):
            if self.ledger.is_granted(scope):
                self.withdraw(scope)
        childmode.enable(pin)
        self.preferences.minimize_for_child()
        self._guardian_until = 0.0
        self._update_display_hints()

    def disable_child_mode(self, pin: str) -> None:
        """Turn child mode off; only with the PIN."""
        self._require_parts().childmode.disable(pin)
        self._guardian_until = 0.0
        self._update_display_hints()

    def _update_display_hints(self, *, sync: bool = False) -> None:
        """Tell the start-up screens whether child mode is on (display only, see display_hints).

        A hint that cannot be written is logged, never raised: the policy lives in the store,
        so the only loss is the badge on the screens shown before it opens.
        """
        hints = display_hints.DisplayHints(child_mode=self._child_mode())
        try:
            if sync:
                display_hints.sync_hints(self.directory, hints)
            else:
                display_hints.write_hints(self.directory, hints)
        except KnownError as exc:
            log.warning("Could not update the display hints (%s).", type(exc).__name__)

    def authorize_guardian(self, pin: str) -> None:
        """Check the guardian's PIN; settings may then change for a few minutes."""
        self._require_parts().childmode.verify(pin)
        self._guardian_until = time.monotonic() + GUARDIAN_SESSION_SECONDS

    def lock_guardian(self) -> None:
        """End the guardian's session at once."""
        self._guardian_until = 0.0

    def require_guardian(self, change: str) -> None:
        """Refuse ``change`` while child mode is on, unless a guardian entered the PIN."""
        if self._child_mode() and time.monotonic() >= self._guardian_until:
            raise GuardianRequired(
                f"Child mode is on: {change} needs the guardian's PIN.",
                hint="Ask your parent or guardian.",
            )

    # --- the app lock ---------------------------------------------------------------------------

    def app_lock_status(self) -> AppLockStatus:
        """Whether opening needs a passphrase, the idle time, and the passphrase's attempt limit.

        It works while the profile is locked too; the idle time is then unknown (None).
        """
        loaded = profile.load_profile_file(self.directory)
        if loaded is None:
            return AppLockStatus(False, False, None, 0, None)
        record = loaded.passphrase_attempts
        now = self.clock.now()
        return AppLockStatus(
            enabled=loaded.needs_passphrase,
            passphrase_mode=loaded.key_mode == "passphrase",
            idle_minutes=self._idle_minutes() if self._opened is not None else None,
            failed_attempts=record.failed_attempts,
            locked_until=record.locked_until(now),
        )

    def enable_app_lock(self, passphrase: str, *, idle_minutes: int | None = None) -> AppLockStatus:
        """Turn the app lock on: the keyring then holds the key wrapped under ``passphrase``."""
        self.require_guardian("changing the app lock")
        if idle_minutes is not None:
            _check_idle_minutes(idle_minutes)
        with self._lock:
            opened = self._require_opened()
            profile.enable_app_lock(opened, passphrase)
            if idle_minutes is not None:
                self._settings.set(_APP_LOCK_IDLE_SETTING, str(idle_minutes))
            self.audit.record("applock.changed", enabled=True)
        return self.app_lock_status()

    def disable_app_lock(self, passphrase: str) -> AppLockStatus:
        """Turn the app lock off (the raw key goes back in the keyring); only with the passphrase.

        A wrong passphrase counts against the same attempt limit as opening.
        """
        self.require_guardian("changing the app lock")
        with self._lock:
            opened = self._require_opened()
            record = self._passphrase_attempt_allowed()
            try:
                profile.disable_app_lock(opened, passphrase)
            except keys.WrongPassphrase:
                self._wrong_passphrase(record)
            self._right_passphrase(record)
            self.audit.record("applock.changed", enabled=False)
        return self.app_lock_status()

    def set_app_lock_idle_minutes(self, minutes: int) -> int:
        """After how many minutes without input the app locks itself (0: never)."""
        self.require_guardian("changing the app lock")
        _check_idle_minutes(minutes)
        self._settings.set(_APP_LOCK_IDLE_SETTING, str(minutes))
        return minutes

    def lock(self) -> None:
        """Close the store and let go of the key: opening again needs the passphrase.

        The store, the key source (with the passphrase it was opened with), the guardian's
        session and every in-memory conversation are dropped, as by ``close``.
        """
        with self._lock:
            opened = self._opened
            if opened is not None and not opened.profile.needs_passphrase:
                raise InputError("The app lock is off, so Confidant cannot lock itself.")
            self._guardian_until = 0.0
            self.close()

    def _idle_minutes(self) -> int:
        value = self._settings.get(_APP_LOCK_IDLE_SETTING)
        try:
            return _check_idle_minutes(int(value)) if value is not None else APP_LOCK_IDLE_DEFAULT
        except (ValueError, InputError):
            return APP_LOCK_IDLE_DEFAULT

    @property
    def _settings(self) -> SettingsStore:
        return SettingsStore(self.database)

    def _require_opened(self) -> profile.OpenProfile:
        if self._opened is None:
            raise BugError("The profile is not open.")
        return self._opened

    def _passphrase_attempt_allowed(self) -> AttemptRecord:
        """The passphrase's attempt record; PassphraseLocked while a lockout runs."""
        loaded = profile.load_profile_file(self.directory)
        record = loaded.passphrase_attempts if loaded is not None else AttemptRecord()
        wait = record.seconds_left(self.clock.now())
        if wait:
            raise PassphraseLocked(
                f"Too many wrong passphrases. Try again in {duration_text(wait)}.", seconds=wait
            )
        return record

    def _wrong_passphrase(self, record: AttemptRecord) -> NoReturn:
        record = record.after_failure(self.clock.now())
        profile.record_attempts(self.directory, record, self._opened)
        raise keys.WrongPassphrase(record.wrong_message("The passphrase")) from None

    def _right_passphrase(self, record: AttemptRecord) -> None:
        if record.failed_attempts or record.lockout_until:
            profile.record_attempts(
                self.directory, record.after_success(self.clock.now()), self._opened
            )

    @property
    def upstream(self) -> Upstream:
        """Settings, outbox, uploads, deletion requests and notices of the open profile."""
        return self._require_parts().upstream

    @property
    def audit(self) -> AuditLog:
        """The privacy event log of the open profile."""
        return self._require_parts().audit

    @property
    def ledger(self) -> ConsentLedger:
        """The consent ledger of the open profile."""
        return self._require_parts().ledger

    @property
    def preferences(self) -> Preferences:
        """The preferences of the open profile."""
        return self._require_parts().preferences

    @property
    def retention(self) -> Retention:
        """The retention schedule of the open profile."""
        return self._require_parts().retention

    @property
    def _store(self) -> ConversationStore:
        return self._require_parts().store

    def _require_parts(self) -> _Parts:
        if self._parts is None:
            raise BugError("The profile is not open.")
        return self._parts

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

    def verify_integrity(self, *, structural: bool = False) -> None:
        """Check every page's HMAC (and optionally SQLite's structure); name damaged pages."""
        report = self.database.integrity_report(structural=structural)
        if not report.ok:
            raise damaged_error(report.bad_pages)

    @property
    def data_classes(self) -> list[str]:
        """The data classes that have a retention schedule."""
        return list(DATA_CLASSES)

    def rotate_key(self) -> None:
        """Re-encrypt the store under a fresh key (see ``profile.rotate_key``)."""
        with self._lock:
            if self._opened is None:
                raise BugError("The profile is not open.")
            self._opened = profile.rotate_key(self._opened)
            self._wire(self._opened.database)
            self.audit.record("key.rotated")

    def close(self) -> None:
        """Close the store and forget every in-memory conversation."""
        with self._lock:
            self._conversations.clear()
            self._assistant.reset()
            if self._opened is not None:
                self._opened.database.close()
                self._opened = None
                self._parts = None

    # --- the assistant ---------------------------------------------------------------------

    @property
    def provider_label(self) -> str:
        """How the assistant is labelled in the UI ('' until an existing profile is open)."""
        if self._opened is None:
            return "" if self.profile_exists() else OFFLINE_LABEL
        self._assistant.config(self._provider_settings)
        return self._assistant.label

    def provider_status(self, name: str | None = None) -> ProviderStatus:
        """The chosen assistant (or ``name``): its settings, never its key; local or not."""
        return self._assistant.status(self._provider_settings, self._profile_id, name)

    def set_provider(
        self,
        name: str,
        *,
        base_url: str | None = None,
        model: str | None = None,
        api_key: str | None = None,
        forget_api_key: bool = False,
    ) -> ProviderStatus:
        """Choose the assistant and its settings; an API key goes to the keyring, only there."""
        self.require_guardian("changing the assistant")
        store = self._provider_settings
        try:
            with self._lock, self.database.transaction("saving the assistant settings") as conn:
                chosen_before = self._assistant.config(store).name
                before = store.load(name) if name in PROVIDER_NAMES else None
                after = self._assistant.configure(
                    store,
                    self._profile_id,
                    name,
                    base_url=base_url,
                    model=model,
                    api_key=api_key,
                    forget_api_key=forget_api_key,
                    conn=conn,
                )
                key = "stored" if api_key is not None else "unchanged"
                if forget_api_key and api_key is None and after.kind.uses_api_key:
                    key = "removed"
                changed = before is None or (before.base_url, before.model) != (
                    after.base_url,
                    after.model,
                )
                if after.name != chosen_before or changed or key != "unchanged":
                    # Which provider and whether it is local, what changed: never the URL,
                    # the model name or the key itself.
                    self.audit.record(
                        "assistant.changed",
                        conn,
                        provider=after.name,
                        local=after.local,
                        base_url_changed=before is None or before.base_url != after.base_url,
                        model_changed=before is None or before.model != after.model,
                        api_key=key,
                    )
        except BaseException:
            self._assistant.forget_config()  # the cache may hold what was not committed
            raise
        return self.provider_status()

    def set_private_prompts(self, on: bool) -> bool:
        """Turn private prompts on or off; return whether they are on (child mode forces them)."""
        if not on and self._child_mode():
            raise InputError("Private prompts stay on in child mode.")
        store = self._provider_settings
        try:
            with (
                self._lock,
                self.database.transaction("saving the private prompts setting") as conn,
            ):
                was_on = store.load().private_prompts
                self._assistant.set_private_prompts(store, on, conn)
                if was_on != on:
                    self.audit.record("private_prompts.changed", conn, on=on)
        finally:
            self._assistant.forget_config()
        return self._assistant.private_prompts(store)

    def test_connection(
        self,
        name: str,
        *,
        base_url: str | None = None,
        model: str | None = None,
        api_key: str | None = None,
    ) -> ConnectionReport:
        """Ask a provider for its models with these settings (the key: given, or stored).

        It touches no database, so it may run on a network thread; its request is logged by
        the next ``log_assistant_requests`` (or ``finish_turn``) on the database lane.
        """
        return self._assistant.test_connection(
            self._profile_id, name, base_url=base_url, model=model, api_key=api_key
        )

    def log_assistant_requests(self) -> int:
        """Write the assistant requests made off the database lane to the network log."""
        return self._assistant.write_pending(self.upstream.network_log)

    def forget_provider_keys(self) -> None:
        """Remove every API key of this profile from the keyring (for erasing the profile)."""
        self._assistant.forget_keys(self._profile_id)

    @property
    def _provider_settings(self) -> ProviderSettingsStore:
        return ProviderSettingsStore(self.upstream.settings)

    @property
    def _profile_id(self) -> str:
        if self._opened is None:
            raise BugError("The profile is not open.")
        return self._opened.profile.profile_id

    # --- conversations ---------------------------------------------------------------------

    def new_conversation(self, *, temporary: bool = False) -> str:
        """Start a conversation in memory and return its id."""
        conversation = Conversation(id=str(uuid.uuid4()), temporary=temporary)
        with self._lock:
            self._conversations[conversation.id] = conversation
        return conversation.id

    def save_status(self, conversation_id: str) -> SaveStatus:
        """Whether this conversation is being kept, by the save policy."""
        return save_decision(self._save_context(self._conversation(conversation_id)))

    def send(
        self,
        conversation_id: str,
        prompt: str,
        *,
        provider: str | None = None,
        model: str | None = None,
    ) -> TurnResult:
        """Run one turn through the assistant; store it only if the save policy allows."""
        stream = self.stream(conversation_id, prompt, provider=provider, model=model)
        try:
            for _chunk in stream:
                pass
        finally:
            result = self.finish_turn(stream)
        if result is None:  # pragma: no cover - only a stopped, empty reply is not kept
            raise BugError("A reply that was not stopped came back empty-handed.")
        return result

    def stream(
        self,
        conversation_id: str,
        prompt: str,
        *,
        provider: str | None = None,
        model: str | None = None,
    ) -> ReplyStream:
        """Prepare one turn (database lane); iterate the stream for the reply, elsewhere.

        Iterating it (on a network thread) pseudonymizes the prompt when private prompts are
        on, sends it with the conversation as the assistant has seen it, and yields the reply
        with the originals put back. It may be cancelled from any thread. Hand it to
        ``finish_turn`` once it has ended, however it ended. ``provider`` and ``model``
        override the settings for this turn only.
        """
        self._conversation(conversation_id)
        return self._assistant.start_turn(
            self._provider_settings,
            self._profile_id,
            conversation_id,
            prompt,
            provider=provider,
            model=model,
        )

    def finish_turn(self, stream: ReplyStream) -> TurnResult | None:
        """Record a stream that ended (database lane): log its request, keep the turn.

        A complete reply, or a stopped one with some text, is recorded like any turn. A failed
        one is not (None): the prompt stays with the user, to send again.
        """
        self.log_assistant_requests()
        if not stream.kept:
            return None
        self._assistant.end_turn(stream)
        result = self.record_turn(stream.conversation_id, stream.prompt, stream.text)
        return replace(
            result,
            provider_label=stream.provider_label,
            sent_prompt=stream.sent_prompt,
            private=stream.private,
            stopped=stream.stopped,
            provider=stream.provider_name,
        )

    def record_turn(self, conversation_id: str, prompt: str, reply: str) -> TurnResult:
        """Record a finished turn (streamed elsewhere): save it and offer it upstream as allowed."""
        conversation = self._conversation(conversation_id)
        now = iso(self.clock.now())
        turn = [Message("user", prompt, now), Message("assistant", reply, now)]
        conversation.messages.extend(turn)
        if not conversation.sensitive and self._is_sensitive(prompt):
            # Once a conversation touches a sensitive topic, all of it is treated as sensitive.
            conversation.sensitive = True
        status = self._apply_save_policy(conversation)
        if self.ledger.is_granted(Scope.SHARE_FOR_TRAINING):
            self.upstream.submit_turn(conversation, turn)
        return TurnResult(
            conversation.id, reply, status, self._assistant.label, sensitive=conversation.sensitive
        )

    def _apply_save_policy(self, conversation: Conversation) -> SaveStatus:
        """Store what the policy allows; drop the stored copy of a conversation gone sensitive."""
        status = save_decision(self._save_context(conversation))
        with self._lock:
            if status is SaveStatus.SAVED:
                first = conversation.stored_count == 0
                with self.database.transaction("saving the conversation") as conn:
                    count = self._store.save(conversation, conn)
                    # The pseudonym vault is kept with its conversation, and goes with it.
                    self._assistant.save_vault(conversation.id, conn)
                    if first:
                        self.audit.record("conversation.saved", conn, messages=count)
            elif status is SaveStatus.SENSITIVE and conversation.stored_count:
                # A conversation that turned sensitive is not retained. (Withdrawing consent
                # is different: the user chose then whether to keep what was stored.)
                with self.database.transaction("removing the conversation") as conn:
                    self._store.delete(conversation.id, conn)
                    self.audit.record(
                        "conversation.deleted", conn, reason=status.name.lower(), conversations=1
                    )
                conversation.stored_count = 0
        return status

    def mark_sensitive(self, conversation_id: str, sensitive: bool = True) -> SaveStatus:
        """Flag a conversation as sensitive (or not); a stored copy goes unless allowed."""
        conversation = self._conversation(conversation_id)
        conversation.sensitive = sensitive
        return self._apply_save_policy(conversation)

    def allow_saving_sensitive(self, conversation_id: str, allowed: bool = True) -> SaveStatus:
        """The user's explicit permission to keep this one sensitive conversation."""
        conversation = self._conversation(conversation_id)
        conversation.sensitive_allowed = allowed
        return self._apply_save_policy(conversation)

    def stored_message_count(self) -> int:
        """How many messages the store holds."""
        return self._store.message_count()

    def conversations(self) -> list[ConversationSummary]:
        """The stored conversations, most recent first."""
        return self._store.summaries()

    def conversation_messages(self, conversation_id: str) -> list[Message]:
        """The stored messages of one conversation."""
        return self._store.messages(conversation_id)

    def search(self, text: str) -> list[SearchHit]:
        """Full-text search over the stored conversations."""
        return self._store.search(text)

    def _conversation(self, conversation_id: str) -> Conversation:
        with self._lock:
            try:
                return self._conversations[conversation_id]
            except KeyError:
                raise BugError("Unknown conversation id.") from None

    def _save_context(self, conversation: Conversation) -> SaveContext:
        return SaveContext(
            consent_granted=self.ledger.is_granted(Scope.STORE_CONVERSATIONS),
            child_mode=self._child_mode(),
            temporary=conversation.temporary,
            sensitive=conversation.sensitive,
            sensitive_allowed=conversation.sensitive_allowed,
        )

    # --- consent ---------------------------------------------------------------------------

    def consents(self) -> list[ConsentState]:
        """Every scope with its text and whether it is granted now."""
        return self.ledger.states()

    def consent_text(self, scope: Scope | str) -> ConsentText:
        """The current text the user is asked to agree to."""
        return self.ledger.text(_scope(scope))

    def grant(self, scope: Scope | str) -> ConsentReceipt:
        """Give consent to the current text of ``scope``."""
        chosen = _scope(scope)
        if chosen is not Scope.STORE_CONVERSATIONS and self._child_mode():
            raise GuardianRequired("Child mode is on: nothing can be shared, not even with a PIN.")
        self.require_guardian("changing consent")
        with self._lock, self.database.transaction("recording your consent") as conn:
            was_granted = self.ledger.is_granted(chosen)
            receipt = self.ledger.grant(chosen, self.ledger.text(chosen).version, conn)
            self.upstream.on_grant(chosen, was_granted, conn)
        return receipt

    def withdraw(self, scope: Scope | str, *, delete_history: bool = False) -> WithdrawResult:
        """Withdraw ``scope``: one click, and what it covered stops at once.

        For stored conversations the user chooses whether the kept history goes too; for the
        sharing scopes, queued items are purged and exactly one deletion request is persisted
        (sent by the next flush, retried until the collector answers).
        """
        chosen = _scope(scope)
        self.require_guardian("changing consent")
        deleted = 0
        with self._lock, self.database.transaction("withdrawing your consent") as conn:
            was_granted = self.ledger.is_granted(chosen)
            receipt = self.ledger.withdraw(chosen, conn)
            request_id = self.upstream.on_withdraw(chosen, was_granted, conn)
            if chosen is Scope.STORE_CONVERSATIONS and delete_history:
                deleted = self._store.delete_all(conn)
                self.audit.record("history.deleted", conn, conversations=deleted)
        if deleted:
            for conversation in self._conversations.values():
                conversation.stored_count = 0
        return WithdrawResult(receipt, deleted, request_id)

    def delete_history(self) -> int:
        """Delete every stored conversation now; return how many went."""
        with self._lock, self.database.transaction("deleting your conversations") as conn:
            deleted = self._store.delete_all(conn)
            self.audit.record("history.deleted", conn, conversations=deleted)
        for conversation in self._conversations.values():
            conversation.stored_count = 0
        return deleted

    # --- portability and erasure ------------------------------------------------------------

    def export(
        self,
        destination: Path,
        *,
        fmt: str = "json",
        passphrase: str | None = None,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
    ) -> ExportResult:
        """Export everything the profile holds (never keys or secrets)."""
        if fmt not in ("json", "zip"):
            raise InputError(f"Unknown export format {fmt!r}; use json or zip.")
        with self._lock:
            return portability.export_profile(
                self.database,
                self.clock,
                self.audit,
                destination,
                fmt=fmt,  # type: ignore[arg-type]
                passphrase=passphrase,
                progress=progress,
                cancel=cancel,
            )

    def import_file(
        self,
        path: Path,
        *,
        source: str = "auto",
        passphrase: str | None = None,
        include_sensitive: bool = False,
    ) -> ImportResult:
        """Import conversations (and, from our own format, preferences) in one transaction.

        Importing stores data, so it needs ``store_conversations``. Sensitive conversations are
        left out unless ``include_sensitive`` (the user's explicit permission); conversations
        already past their retention are left out too, rather than purged an hour later.
        """
        if source not in ("auto", "confidant", "chatgpt", "claude"):
            raise InputError(f"Unknown import source {source!r}; use confidant, chatgpt or claude.")
        if self._child_mode():
            raise InputError("Child mode is on: no conversation is kept, so none can be imported.")
        if not self.ledger.is_granted(Scope.STORE_CONVERSATIONS):
            raise InputError(
                "Importing stores conversations, so it needs your consent to keep them "
                "(consent grant store_conversations)."
            )
        detected, conversations, preferences = portability.read_import(
            path,
            source,  # type: ignore[arg-type]
            passphrase,
        )
        restored = 0
        with self._lock, self.database.transaction("importing") as conn:
            stored, messages, sensitive, expired = portability.store_imported(
                conn,
                conversations,
                self.retention.cutoff("conversations"),
                include_sensitive,
                self._is_sensitive,
            )
            for name, value in preferences.items():
                if name in ("last_privacy_checkup",):
                    continue
                try:
                    checked = OPTIONS[name].check(value)
                except (KeyError, KnownError):
                    continue  # unknown or no longer valid: keep the current value
                conn.execute(
                    "INSERT INTO preferences(name, value) VALUES (?, ?) "
                    "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                    (name, json.dumps(checked)),
                )
                restored += 1
            self.audit.record(
                "import.completed",
                conn,
                source=detected,
                conversations=stored,
                messages=messages,
                skipped_sensitive=sensitive,
                skipped_expired=expired,
            )
        return ImportResult(detected, stored, messages, sensitive, expired, restored)

    def delete_my_data(self) -> MyDataDeleted:
        """The person's own "delete my data": stored conversations and personal preferences.

        Never needs the guardian, also in child mode: deleting is always allowed. What stays
        says nothing the person wrote: the consent records, the guardian's child-mode record
        and the privacy log (which notes that this deletion happened).
        """
        conversations = self.delete_conversations(everything=True)
        preferences = self.preferences.forget_personal()
        return MyDataDeleted(conversations, preferences)

    def delete_conversations(
        self,
        *,
        conversation_id: str | None = None,
        start: str | None = None,
        end: str | None = None,
        everything: bool = False,
    ) -> int:
        """Delete stored conversations for real (rows, index, vault, derived outbox items)."""
        with self._lock:
            deleted = erasure.delete_conversations(
                self.database,
                self.audit,
                conversation_id=conversation_id,
                start=start,
                end=end,
                everything=everything,
            )
        for conversation in self._conversations.values():
            if everything or conversation.id == conversation_id:
                conversation.stored_count = 0
        return deleted

    def forget_me(self) -> ErasureReceipt:
        """Erase the whole profile here and upstream; return a receipt of counts.

        Sharing consents are withdrawn (which queues one deletion request each) and the
        requests are sent now. The database, its WAL and shared memory, the profile file and
        the keyring entries all go. If a deletion request could not be delivered, a new empty
        profile keeps it (and the receipt) so it is retried; otherwise nothing is left.
        """
        with self._lock:
            opened = self._opened
            if opened is None:
                raise BugError("The profile is not open.")
            now = iso(self.clock.now())
            for scope in (Scope.SHARE_FOR_TRAINING, Scope.RESEARCH):
                if self.ledger.is_granted(scope):
                    self.withdraw(scope)
            if self.upstream.settings.upstream().configured:
                self.upstream.send()
            requests = self.upstream.deletion_receipts()
            upstream_state = [
                {
                    "scope": r.scope,
                    "request_id": r.request_id,
                    "state": r.state,
                    "receipt": r.receipt,
                }
                for r in requests
            ]
            pending = [r for r in requests if r.state == "pending"]
            settings = self.upstream.settings.upstream()
            deleted = erasure.count_rows(self.database)
            profile_id = opened.profile.profile_id
            key_mode = opened.profile.key_mode
            self.forget_provider_keys()
            self.close()
            files = erasure.remove_profile_files(self.directory)
            removed_keys = 0
            if key_mode == "keyring":
                store = self._key_store_factory()
                for user in (profile_id, f"{profile_id}.pending"):
                    # get_entry: with the app lock on, the entries hold wrapped keys.
                    if store.get_entry(user) is not None:
                        store.delete(user)
                        removed_keys += 1
            receipt = ErasureReceipt(
                at=now,
                deleted=deleted,
                files_removed=files,
                keyring_entries_removed=removed_keys,
                upstream=upstream_state,
                new_profile=bool(pending),
            )
            if pending:
                self._carry_over(receipt, pending, settings)
            return receipt

    def _carry_over(self, receipt: ErasureReceipt, pending: list[Any], settings: Any) -> None:
        """Keep undelivered deletion requests (and the receipt) in a new empty profile."""
        self.open(purge=False)
        with self.database.transaction("keeping your deletion requests") as conn:
            for request in pending:
                conn.execute(
                    "INSERT INTO deletion_requests(request_id, scope, contributor, created_at, "
                    "state, attempts, next_attempt_at) VALUES (?, ?, ?, ?, 'pending', 0, ?)",
                    (
                        request.request_id,
                        request.scope,
                        request.contributor,
                        request.created_at,
                        request.created_at,
                    ),
                )
            for name, value in (
                ("upstream.url", settings.url),
                ("upstream.collector_key", settings.collector_key),
                ("upstream.notice_key", settings.notice_key),
                ("erasure.receipt", json.dumps(asdict(receipt))),
            ):
                self.upstream.settings.set(name, value, conn)

    # --- retention, audit, dashboard ----------------------------------------------------------

    def retention_schedule(self) -> list[Schedule]:
        """Each data class's retention and its next deletion."""
        return self.retention.schedule()

    def set_retention(self, data_class: str, days: int) -> None:
        """Choose how long a data class is kept (one of its presets)."""
        self.require_guardian("changing how long data is kept")
        self.retention.set_days(data_class, days)

    def upcoming_deletions(self, data_class: str = "conversations") -> list[tuple[str, int]]:
        """(day, rows) pairs for the timeline of coming deletions."""
        return self.retention.upcoming(data_class)

    def purge_expired(self) -> PurgeResult:
        """Delete everything past its retention (runs at open and every hour)."""
        with self._lock:
            return self.retention.purge()

    def audit_events(self, search: str = "") -> list[AuditEvent]:
        """The privacy log, newest first."""
        return self.audit.events(search)

    def storage_summary(self) -> StorageSummary:
        """What is stored, per class, and the size of the encrypted files."""
        classes = []
        for name, label, table, size in _STORED_CLASSES:
            rows, total = self.database.query(
                f"SELECT count(*), ifnull(sum({size}), 0) FROM {table}"  # noqa: S608
            )[0]
            classes.append(StoredClass(name, label, int(rows), int(total)))
        files = sum(p.stat().st_size for p in database_files(self.database.path))
        return StorageSummary(tuple(classes), files)

    def privacy_checkup_due(self) -> bool:
        """Whether it is time to ask the user to review what is stored and shared."""
        last = self.preferences.get("last_privacy_checkup")
        if not last:
            return True
        every = dt.timedelta(days=int(self.preferences.get("privacy_checkup_days")))
        return self.clock.now() - dt.datetime.fromisoformat(last) >= every

    def complete_privacy_checkup(self) -> None:
        """Record that the user reviewed their privacy settings now."""
        self.preferences.set("last_privacy_checkup", iso(self.clock.now()))

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
                self.open(passphrase, purge=False)
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


def _scope(scope: Scope | str) -> Scope:
    return scope if isinstance(scope, Scope) else Scope.parse(scope)


def _check_idle_minutes(minutes: int) -> int:
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise InputError("The idle time must be a whole number of minutes.")
    if not 0 <= minutes <= APP_LOCK_IDLE_MAX:
        raise InputError(
            f"The idle time must be between 0 (never lock) and {APP_LOCK_IDLE_MAX} minutes."
        )
    return minutes
