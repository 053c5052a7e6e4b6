"""The facade: the one object the GUI and the CLI hold. Its domains return frozen dataclasses.

``Confidant`` opens and closes the profile and composes one facade per domain, each over the
same ``Session`` (as Anki's collection composes ``col.decks`` and ``col.models``):

- ``service.chat``: conversations and turns (domains/chat.py);
- ``service.consent``: granting and withdrawing consent (domains/consent.py);
- ``service.data``: storage, retention, export, import, deletion, forget me (domains/data.py);
- ``service.lock``: the app lock (domains/lock.py);
- ``service.child``: child mode and the guardian's PIN (domains/child.py);
- ``service.assistant``: the chosen assistant and private prompts (domains/assistant.py);
- ``service.health``: the doctor and the keyring's status (domains/health.py);
- ``service.dashboard``: the privacy dashboard's snapshot (domains/dashboard.py);
- ``service.outbox``: sharing, the collector and its notices (domains/outbox.py);
- ``service.prefs``: the user's preferences (domains/prefs.py).

The parts behind them (``upstream``, ``ledger``, ``audit``...) stay reachable for the CLI and
the core's tests; the GUI never uses them (tools/check_structure.py checks it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from app.core import keys, profile
from app.core.assistant.hub import Assistant
from app.core.audit import AuditLog
from app.core.clock import Clock
from app.core.consent import ConsentLedger
from app.core.domains.assistant import AssistantSettings
from app.core.domains.chat import Chat
from app.core.domains.child import Child
from app.core.domains.consent import Consent
from app.core.domains.dashboard import Dashboard
from app.core.domains.data import Data
from app.core.domains.health import Health
from app.core.domains.lock import AppLock
from app.core.domains.outbox import Outbox
from app.core.domains.prefs import Prefs
from app.core.errors import DiskFull
from app.core.preferences import Preferences
from app.core.retention import Retention
from app.core.session import KeyStoreFactory, Session
from app.core.store.database import Database, damaged_error
from app.core.upstream.hub import Upstream

log = logging.getLogger(__name__)


class Confidant:
    """One profile: opened and closed here, used through its domain facades."""

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
        self._session = session = Session(
            directory,
            clock=clock,
            key_store_factory=key_store_factory,
            consent_texts=consent_texts,
        )
        self.chat = Chat(session)
        self.consent = Consent(session)
        self.assistant = AssistantSettings(session)
        self.data = Data(session, self.consent, self.assistant)
        self.lock = AppLock(session)
        self.child = Child(session, self.consent)
        self.health = Health(session)
        self.dashboard = Dashboard(session, self.data)
        self.outbox = Outbox(session)
        self.prefs = Prefs(session)

    @property
    def directory(self) -> Path:
        """The profile's folder."""
        return self._session.directory

    @property
    def clock(self) -> Clock:
        """The clock every date in the profile comes from."""
        return self._session.clock

    # --- opening and closing -----------------------------------------------------------------

    def profile_exists(self) -> bool:
        """Whether this profile was created before (the first-run screen shows if not)."""
        return profile.is_created(self.directory)

    def needs_passphrase(self) -> bool:
        """Whether opening the profile needs its passphrase (passphrase mode or the app lock)."""
        loaded = profile.load_profile_file(self.directory)
        return loaded is not None and loaded.needs_passphrase

    def open(self, passphrase: str | None = None, *, purge: bool = True) -> None:
        """Open the profile, creating it on first use; then delete what is past its retention.

        Without a passphrase a new profile keeps its key in the OS keyring (refusing insecure
        backends before any file is written). Passing a passphrase for a new profile is the
        explicit choice of passphrase mode.
        """
        self._session.open(passphrase)
        if purge and not self.database.read_only:
            try:
                self.data.purge_expired()
            except DiskFull:
                # Bookkeeping never blocks an open: the purge runs again at the next one.
                log.debug("The retention purge was skipped: the disk is full.")

    def damage_warning(self) -> str | None:
        """One line when the open store is damaged (then read-only), else None."""
        opened = self._session.opened
        if opened is None or not opened.database.read_only:
            return None
        return damaged_error(opened.database.damaged_pages).one_line()

    def close(self) -> None:
        """Close the store and forget every in-memory conversation."""
        self._session.close()

    @property
    def is_open(self) -> bool:
        """Whether the store is open."""
        return self._session.opened is not None

    @property
    def key_mode(self) -> str:
        """``keyring`` or ``passphrase``."""
        return self._session.require_opened().profile.key_mode

    def rotate_key(self, progress: Callable[[int, int, str], None] | None = None) -> None:
        """Re-encrypt the store under a fresh key (see ``profile.rotate_key``)."""
        session = self._session
        with session.lock:
            session.opened = profile.rotate_key(session.require_opened(), progress)
            session.wire(session.opened.database)
            session.audit.record("key.rotated")

    # --- the parts behind the domains (for the CLI and the core's tests, never the GUI) -------

    @property
    def database(self) -> Database:
        """The open database (raises if the profile is not open)."""
        return self._session.database

    @property
    def upstream(self) -> Upstream:
        """Settings, outbox, uploads, deletion requests and notices of the open profile."""
        return self._session.upstream

    @property
    def audit(self) -> AuditLog:
        """The privacy event log of the open profile."""
        return self._session.audit

    @property
    def ledger(self) -> ConsentLedger:
        """The consent ledger of the open profile."""
        return self._session.ledger

    @property
    def preferences(self) -> Preferences:
        """The preferences of the open profile."""
        return self._session.preferences

    @property
    def retention(self) -> Retention:
        """The retention schedule of the open profile."""
        return self._session.retention

    @property
    def _assistant(self) -> Assistant:
        return self._session.assistant

    @property
    def _profile_id(self) -> str:
        return self._session.profile_id
