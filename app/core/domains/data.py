"""``service.data``: what is stored, for how long; export, import, deletion and forget me."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from app.core import erasure, portability
from app.core.audit import AuditEvent
from app.core.clock import iso
from app.core.consent import Scope
from app.core.domains.assistant import AssistantSettings
from app.core.domains.consent import Consent
from app.core.erasure import ErasureReceipt
from app.core.errors import BugError, CorruptDatabase, InputError
from app.core.importers import check_source
from app.core.importers.importing import Importer
from app.core.importers.locations import FoundSource, find_sources
from app.core.importers.store import DeletionReceipt, ImportResult, ImportSummary
from app.core.jobs import CancelToken, ProgressCallback, no_progress
from app.core.portability import ExportResult
from app.core.retention import DATA_CLASSES, PurgeResult, Schedule
from app.core.session import Session
from app.core.store.database import database_files
from app.core.upstream.deletions import DeletionRequest
from app.core.upstream.hub import SHARED_SCOPES as SHARED
from app.core.upstream.settings import UpstreamSettings


def _upstream_state(requests: list[DeletionRequest]) -> list[dict[str, str | None]]:
    """The receipt's view of deletion requests: ids, states and the collector's receipts."""
    return [
        {"scope": r.scope, "request_id": r.request_id, "state": r.state, "receipt": r.receipt}
        for r in requests
    ]


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
STORED_CLASSES: tuple[tuple[str, str, str, str], ...] = (
    ("conversations", "Conversations", "conversations", "length(title) + 64"),
    ("messages", "Messages", "messages", "length(CAST(content AS BLOB)) + 32"),
    ("preferences", "Preferences", "preferences", "length(value) + ifnull(length(data), 0)"),
    ("consents", "Consent records", "consents", "96"),
    ("audit", "Privacy log", "audit", "length(kind) + length(detail) + 32"),
    ("vault", "Pseudonym vault", "vault", "length(placeholder) + length(original) + 32"),
)


class Data:
    """The user's data as a whole: its size, its schedule, and taking it out or away."""

    def __init__(self, session: Session, consent: Consent, assistant: AssistantSettings) -> None:
        self._s = session
        self._consent = consent
        self._assistant = assistant

    @property
    def data_classes(self) -> list[str]:
        """The data classes that have a retention schedule."""
        return list(DATA_CLASSES)

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
        s = self._s
        if fmt not in ("json", "zip"):
            raise InputError(f"Unknown export format {fmt!r}; use json or zip.")
        with s.lock:
            return portability.export_profile(
                s.database,
                s.clock,
                s.audit,
                destination,
                fmt=fmt,  # type: ignore[arg-type]
                passphrase=passphrase,
                progress=progress,
                cancel=cancel,
            )

    def _importer(self) -> Importer:
        s = self._s
        if s.child_mode():
            raise InputError("Child mode is on: no conversation is kept, so none can be imported.")
        if not s.ledger.is_granted(Scope.STORE_CONVERSATIONS):
            raise InputError(
                "Importing stores conversations, so it needs your consent to keep them "
                "(consent grant store_conversations)."
            )
        return Importer(s.database, s.clock, s.audit, s.retention, s.is_sensitive, s.lock)

    def import_summary(
        self, path: Path, *, source: str = "auto", passphrase: str | None = None
    ) -> ImportSummary:
        """What a file, zip or folder holds, and what importing it would do; writes nothing."""
        check_source(source)
        return self._importer().summary(path, source=source, passphrase=passphrase)

    def import_file(
        self,
        path: Path,
        *,
        source: str = "auto",
        passphrase: str | None = None,
        include_sensitive: bool = False,
        retention_start: str = "today",
        strict: bool = False,
    ) -> ImportResult:
        """Import conversations (and, from our own format, preferences) in one transaction.

        Importing is the user asking to keep them: by default retention counts from today
        (``retention_start="today"``); ``"original"`` counts from their own dates and leaves
        out what is already past it. Sensitive conversations are left out unless
        ``include_sensitive``. Unreadable conversations are skipped and listed, or with
        ``strict`` fail the whole import. Conversations imported before are not duplicated.
        """
        check_source(source)
        return self._importer().run(
            path,
            source=source,
            passphrase=passphrase,
            include_sensitive=include_sensitive,
            retention_start=retention_start,
            strict=strict,
        )

    def import_locations(self) -> list[FoundSource]:
        """Where Jan, LM Studio and Open WebUI chats are on this computer (to offer them)."""
        return find_sources()

    def delete_import_originals(self, result: ImportResult) -> DeletionReceipt:
        """Delete the plaintext files a verified import offered (the user confirmed)."""
        return self._importer().delete_originals(result)

    def delete_my_data(self) -> MyDataDeleted:
        """The person's own "delete my data": stored conversations and personal preferences.

        Never needs the guardian, also in child mode: deleting is always allowed. What stays
        says nothing the person wrote: the consent records, the guardian's child-mode record
        and the privacy log (which notes that this deletion happened).
        """
        s = self._s
        conversations = self.delete_conversations(everything=True)
        preferences = s.preferences.forget_personal()
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
        s = self._s
        with s.lock:
            deleted = erasure.delete_conversations(
                s.database,
                s.audit,
                conversation_id=conversation_id,
                start=start,
                end=end,
                everything=everything,
            )
        s.forget_stored(None if everything else conversation_id)
        return deleted

    def delete_history(self) -> int:
        """Delete every stored conversation now; return how many went."""
        s = self._s
        with s.lock, s.database.transaction("deleting your conversations") as conn:
            deleted = s.store.delete_all(conn)
            s.audit.record("history.deleted", conn, conversations=deleted)
        s.forget_stored()
        return deleted

    def forget_me(self) -> ErasureReceipt:
        """Erase the whole profile here and upstream; return a receipt of counts.

        Sharing consents are withdrawn (which queues one deletion request each) and the
        requests are sent now. The database, its WAL and shared memory, the profile file and
        the keyring entries all go. If a deletion request could not be delivered, a new empty
        profile keeps it (and the receipt) so it is retried; otherwise nothing is left.
        """
        s = self._s
        with s.lock:
            opened = s.opened
            if opened is None:
                raise BugError("The profile is not open.")
            now = iso(s.clock.now())
            s.database.make_room()  # erasing must work on a full disk too
            damaged = s.database.read_only  # never written to: its files just go
            if not damaged:
                self._consent.withdraw_sharing()
                settings = s.upstream.settings.upstream()
                if settings.configured:
                    s.upstream.send()
                requests = s.upstream.deletion_receipts()
            else:
                requests, settings = self._salvaged_requests(now)
            upstream_state = _upstream_state(requests)
            pending = [r for r in requests if r.state == "pending"]
            try:
                deleted = erasure.count_rows(s.database)
            except CorruptDatabase:
                deleted = {}  # the damaged pages cannot be counted; they go all the same
            self._assistant.forget_provider_keys()
            files, removed_keys = self._remove_profile()
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
                if damaged:
                    receipt = self._send_carried(receipt)
            return receipt

    def _remove_profile(self) -> tuple[int, int]:
        """Close the open profile and remove its files and keyring entries; say how many."""
        s = self._s
        opened = s.opened
        assert opened is not None
        profile_id = opened.profile.profile_id
        key_mode = opened.profile.key_mode
        s.close()
        files = erasure.remove_profile_files(s.directory)
        removed_keys = 0
        if key_mode == "keyring":
            store = s.key_store_factory()
            for user in (profile_id, f"{profile_id}.pending"):
                # get_entry: with the app lock on, the entries hold wrapped keys.
                if store.get_entry(user) is not None:
                    store.delete(user)
                    removed_keys += 1
        return files, removed_keys

    def _salvaged_requests(self, now: str) -> tuple[list[DeletionRequest], UpstreamSettings]:
        """Deletion requests for a damaged store, which can be read but never written.

        Its consents cannot be withdrawn in place, so every contributor id it still holds
        gets a request (asking to delete what was already deleted is harmless; sending
        nothing would break the promise). What cannot be read is left out.
        """
        s = self._s
        try:
            settings = s.upstream.settings.upstream()
            open_requests = {r.contributor: r for r in s.upstream.deletion_receipts()}
            contributors = [(c.value, s.upstream.settings.contributor(c.value)) for c in SHARED]
        except CorruptDatabase:
            return [], UpstreamSettings(None, None, None, True, False)
        requests = []
        for scope, contributor in contributors:
            if contributor is None:
                continue
            known = open_requests.get(contributor)
            if known is not None and known.state == "pending":
                requests.append(known)
                continue
            requests.append(
                DeletionRequest(
                    str(uuid.uuid4()), scope, contributor, now, "pending", 0, now, None, None
                )
            )
        return requests, settings

    def _send_carried(self, receipt: ErasureReceipt) -> ErasureReceipt:
        """Send the requests salvaged from a damaged store from the new profile at once.

        Once every one is answered the new profile has nothing left to keep and goes too.
        """
        s = self._s
        if s.upstream.settings.upstream().configured:
            s.upstream.send()
        requests = s.upstream.deletion_receipts()
        receipt = replace(
            receipt,
            upstream=_upstream_state(requests),
            new_profile=any(r.state == "pending" for r in requests),
        )
        if receipt.new_profile:
            s.upstream.settings.set("erasure.receipt", json.dumps(asdict(receipt)))
        else:
            self._remove_profile()
        return receipt

    def _carry_over(self, receipt: ErasureReceipt, pending: list[Any], settings: Any) -> None:
        """Keep undelivered deletion requests (and the receipt) in a new empty profile."""
        s = self._s
        s.open()
        with s.database.transaction("keeping your deletion requests") as conn:
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
                s.upstream.settings.set(name, value, conn)

    def retention_schedule(self) -> list[Schedule]:
        """Each data class's retention and its next deletion."""
        s = self._s
        return s.retention.schedule()

    def set_retention(self, data_class: str, days: int) -> None:
        """Choose how long a data class is kept (one of its presets)."""
        s = self._s
        s.require_guardian("changing how long data is kept")
        s.retention.set_days(data_class, days)

    def upcoming_deletions(self, data_class: str = "conversations") -> list[tuple[str, int]]:
        """(day, rows) pairs for the timeline of coming deletions."""
        s = self._s
        return s.retention.upcoming(data_class)

    def purge_expired(self) -> PurgeResult:
        """Delete everything past its retention (runs at open and every hour)."""
        s = self._s
        with s.lock:
            return s.retention.purge()

    def audit_events(self, search: str = "") -> list[AuditEvent]:
        """The privacy log, newest first."""
        s = self._s
        return s.audit.events(search)

    def storage_summary(self) -> StorageSummary:
        """What is stored, per class, and the size of the encrypted files."""
        s = self._s
        classes = []
        for name, label, table, size in STORED_CLASSES:
            rows, total = s.database.query(
                f"SELECT count(*), ifnull(sum({size}), 0) FROM {table}"  # noqa: S608
            )[0]
            classes.append(StoredClass(name, label, int(rows), int(total)))
        files = sum(p.stat().st_size for p in database_files(s.database.path))
        return StorageSummary(tuple(classes), files)

    def privacy_checkup_due(self) -> bool:
        """Whether it is time to ask the user to review what is stored and shared."""
        s = self._s
        last = s.preferences.get("last_privacy_checkup")
        if not last:
            return True
        every = dt.timedelta(days=int(s.preferences.get("privacy_checkup_days")))
        return s.clock.now() - dt.datetime.fromisoformat(last) >= every

    def complete_privacy_checkup(self) -> None:
        """Record that the user reviewed their privacy settings now."""
        s = self._s
        s.preferences.set("last_privacy_checkup", iso(s.clock.now()))
