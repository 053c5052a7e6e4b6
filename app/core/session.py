"""One open profile's state, shared by the facade's domains: the store, its parts, the key.

``Confidant`` (service.py) composes the domain facades (``service.chat``, ``service.consent``...)
over one ``Session``. The session opens and closes the store, wires its parts, and holds what
several domains need: the in-memory conversations, the assistant, the guardian's session and
the passphrase's attempt record.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from app.core import display_hints, keys, paths, portability, profile
from app.core.assistant.hub import Assistant
from app.core.assistant.registry import ProviderSettingsStore
from app.core.attempts import AttemptRecord, LockedOut, duration_text
from app.core.audit import AuditLog
from app.core.childmode import ChildMode, GuardianRequired, ProfileFileMirror
from app.core.clock import Clock, SystemClock, iso, monotonic_mark
from app.core.consent import ConsentLedger
from app.core.conversations import Conversation, ConversationStore
from app.core.errors import BugError, DiskFull, KnownError
from app.core.preferences import Preferences
from app.core.retention import Retention
from app.core.store.database import Database
from app.core.upstream.hub import Upstream
from app.core.upstream.settings import SettingsStore

log = logging.getLogger(__name__)

KeyStoreFactory = Callable[[], keys.KeyringKeyStore]
#: How long a guardian's PIN unlocks settings in child mode.
GUARDIAN_SESSION_SECONDS = 300


class PassphraseLocked(LockedOut):
    """Too many wrong passphrases: none is accepted until the lockout ends."""


@dataclass(frozen=True)
class Parts:
    """The pieces of an open profile, built once its database is open."""

    audit: AuditLog
    ledger: ConsentLedger
    preferences: Preferences
    retention: Retention
    store: ConversationStore
    upstream: Upstream
    childmode: ChildMode


class Session:
    """The state of one profile, open or not; the domains share it."""

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
        self.key_store_factory = key_store_factory
        self._consent_texts = consent_texts
        self.opened: profile.OpenProfile | None = None
        self.parts: Parts | None = None
        self.guardian_until = 0.0
        self.conversations: dict[str, Conversation] = {}
        self.assistant = Assistant(self.clock, child_mode=self.child_mode)
        self.lock = threading.RLock()

    # --- opening and closing ---------------------------------------------------------------

    def open(self, passphrase: str | None = None) -> None:
        """Open the profile, creating it on first use (see ``Confidant.open``)."""
        paths.restrict_umask()
        with self.lock:
            if self.opened is not None:
                return
            existing = profile.load_profile_file(self.directory)
            if passphrase is not None and existing is None:
                keys.validate_passphrase(passphrase)
            source = profile.source_for(
                existing, passphrase=passphrase, key_store_factory=self.key_store_factory
            )
            if existing is None and not profile.is_created(self.directory):
                self.opened = profile.create_profile(self.directory, source)
            elif existing is not None and (existing.needs_passphrase or passphrase is not None):
                record = self.passphrase_attempt_allowed()
                try:
                    self.opened = profile.open_profile(self.directory, source)
                except keys.WrongPassphrase:
                    self.wrong_passphrase(record)
                self.right_passphrase(record)
            else:
                self.opened = profile.open_profile(self.directory, source)
            self.wire(self.opened.database)
            if self.opened.created:
                self.preferences.set("last_privacy_checkup", iso(self.clock.now()))
            self.update_display_hints(sync=True)
            portability.remove_leftover_exports(self.directory)

    def wire(self, database: Database) -> None:
        """Build the parts of the profile over its open database."""
        audit = AuditLog(database, self.clock)
        ledger = ConsentLedger(database, self.clock, audit, self._consent_texts)
        self.parts = Parts(
            audit=audit,
            ledger=ledger,
            preferences=Preferences(database, audit, child_mode=self.child_mode),
            retention=Retention(database, self.clock, audit),
            store=ConversationStore(database, self.clock),
            upstream=Upstream(
                database,
                self.clock,
                ledger,
                audit,
                child_mode=self.child_mode,
                guard=self.require_guardian,
            ),
            childmode=ChildMode(database, self.clock, audit, ProfileFileMirror(self.directory)),
        )

    def close(self) -> None:
        """Close the store and forget every in-memory conversation."""
        with self.lock:
            self.conversations.clear()
            self.assistant.reset()
            if self.opened is not None:
                self.opened.database.close()
                self.opened = None
                self.parts = None

    # --- the parts of the open profile ------------------------------------------------------

    def require_parts(self) -> Parts:
        """The parts; BugError if the profile is not open."""
        if self.parts is None:
            raise BugError("The profile is not open.")
        return self.parts

    def require_opened(self) -> profile.OpenProfile:
        """The open profile; BugError if it is not open."""
        if self.opened is None:
            raise BugError("The profile is not open.")
        return self.opened

    @property
    def database(self) -> Database:
        """The open database (raises if the profile is not open)."""
        return self.require_opened().database

    @property
    def audit(self) -> AuditLog:
        """The privacy event log."""
        return self.require_parts().audit

    @property
    def ledger(self) -> ConsentLedger:
        """The consent ledger."""
        return self.require_parts().ledger

    @property
    def preferences(self) -> Preferences:
        """The preferences."""
        return self.require_parts().preferences

    @property
    def retention(self) -> Retention:
        """The retention schedule."""
        return self.require_parts().retention

    @property
    def store(self) -> ConversationStore:
        """The stored conversations."""
        return self.require_parts().store

    @property
    def upstream(self) -> Upstream:
        """Settings, outbox, uploads, deletion requests and notices."""
        return self.require_parts().upstream

    @property
    def settings(self) -> SettingsStore:
        """The profile's plain settings table."""
        return SettingsStore(self.database)

    @property
    def provider_settings(self) -> ProviderSettingsStore:
        """The assistants' settings (never their keys)."""
        return ProviderSettingsStore(self.upstream.settings)

    @property
    def profile_id(self) -> str:
        """The open profile's id (its keyring entries are named after it)."""
        return self.require_opened().profile.profile_id

    # --- what several domains need -------------------------------------------------------

    def is_sensitive(self, text: str) -> bool:
        """Whether ``text`` touches a sensitive topic (the classifier)."""
        from app.core.privacy.sensitivity import classify

        return classify(text).sensitive

    def child_mode(self) -> bool:
        """Whether child mode is on, as the store says."""
        return self.require_parts().childmode.is_on()

    def require_guardian(self, change: str) -> None:
        """Refuse ``change`` while child mode is on, unless a guardian entered the PIN."""
        if self.child_mode() and time.monotonic() >= self.guardian_until:
            raise GuardianRequired(
                f"Child mode is on: {change} needs the guardian's PIN.",
                hint="Ask your parent or guardian.",
            )

    def update_display_hints(self, *, sync: bool = False) -> None:
        """Tell the start-up screens whether child mode is on (display only, see display_hints).

        A hint that cannot be written is logged, never raised: the policy lives in the store,
        so the only loss is the badge on the screens shown before it opens.
        """
        hints = display_hints.DisplayHints(child_mode=self.child_mode())
        try:
            if sync:
                display_hints.sync_hints(self.directory, hints)
            else:
                display_hints.write_hints(self.directory, hints)
        except DiskFull:
            log.debug("Could not update the display hints: the disk is full.")
        except KnownError as exc:
            log.warning("Could not update the display hints (%s).", type(exc).__name__)

    def conversation(self, conversation_id: str) -> Conversation:
        """An in-memory conversation; BugError if there is none by that id."""
        with self.lock:
            try:
                return self.conversations[conversation_id]
            except KeyError:
                raise BugError("Unknown conversation id.") from None

    def forget_stored(self, conversation_id: str | None = None) -> None:
        """The in-memory conversations (or one) are no longer stored."""
        for conversation in self.conversations.values():
            if conversation_id is None or conversation.id == conversation_id:
                conversation.stored_count = 0

    # --- the passphrase's attempt limit -------------------------------------------------------

    def passphrase_attempt_allowed(self) -> AttemptRecord:
        """The passphrase's attempt record; PassphraseLocked while a lockout runs."""
        loaded = profile.load_profile_file(self.directory)
        record = loaded.passphrase_attempts if loaded is not None else AttemptRecord()
        wait = record.seconds_left(self.clock.now(), monotonic_mark(self.clock))
        if wait:
            raise PassphraseLocked(
                f"Too many wrong passphrases. Try again in {duration_text(wait)}.", seconds=wait
            )
        return record

    def wrong_passphrase(self, record: AttemptRecord) -> NoReturn:
        """Count a wrong passphrase, and raise WrongPassphrase."""
        record = record.after_failure(self.clock.now(), monotonic_mark(self.clock))
        profile.record_attempts(self.directory, record, self.opened)
        raise keys.WrongPassphrase(record.wrong_message("The passphrase")) from None

    def right_passphrase(self, record: AttemptRecord) -> None:
        """A right passphrase resets the count."""
        if record.failed_attempts or record.lockout_until:
            profile.record_attempts(
                self.directory, record.after_success(self.clock.now()), self.opened
            )
