"""``service.dashboard``: everything the privacy dashboard shows, read in one go."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.core.audit import AuditEvent
from app.core.consent import ConsentState
from app.core.domains.data import Data, StorageSummary
from app.core.network import NetworkLogEntry
from app.core.retention import Schedule
from app.core.session import Session
from app.core.upstream.deletions import DeletionRequest
from app.core.upstream.notices import Notice

#: The privacy-log event of an export.
EXPORTED = "export.created"
#: The privacy-log events that record a deletion on this computer.
LOCAL_DELETIONS = frozenset({"conversation.deleted", "history.deleted", "retention.purged"})
#: Where forget-me leaves its receipt when it had to keep a new profile.
ERASURE_RECEIPT = "erasure.receipt"


@dataclass(frozen=True)
class DashboardSnapshot:
    """Everything the dashboard shows, read in one go on the DB lane."""

    today: dt.date
    storage: StorageSummary
    consents: tuple[ConsentState, ...]
    schedule: tuple[Schedule, ...]
    upcoming: dict[str, tuple[tuple[str, int], ...]]
    network: tuple[NetworkLogEntry, ...]
    receipts: tuple[DeletionRequest, ...]
    notices: tuple[Notice, ...]
    last_export: AuditEvent | None = None
    deletions: tuple[AuditEvent, ...] = ()
    erasure_receipt: str | None = None
    child_mode: bool = False


class Dashboard:
    """The privacy dashboard's view of the profile."""

    def __init__(self, session: Session, data: Data) -> None:
        self._s = session
        self._data = data

    def snapshot(self) -> DashboardSnapshot:
        """What is stored and shared, the schedule, the logs and receipts, all at once."""
        s, data = self._s, self._data
        schedule = tuple(data.retention_schedule())
        upstream = s.upstream
        return DashboardSnapshot(
            today=s.clock.now().date(),
            storage=data.storage_summary(),
            consents=tuple(s.ledger.states()),
            schedule=schedule,
            upcoming={c.data_class: tuple(data.upcoming_deletions(c.data_class)) for c in schedule},
            network=tuple(upstream.log()),
            receipts=tuple(upstream.deletion_receipts()),
            notices=tuple(upstream.notices.all()),
            last_export=next((e for e in data.audit_events("export") if e.kind == EXPORTED), None),
            deletions=tuple(e for e in data.audit_events("deleted") if e.kind in LOCAL_DELETIONS),
            erasure_receipt=upstream.settings.get(ERASURE_RECEIPT),
            child_mode=s.child_mode(),
        )

    def explain_sensitivity(self, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The sensitive categories of ``text`` and, for each, why (nothing stored or logged).

        It touches no database, so it may run on the I/O pool.
        """
        from app.core.privacy.sensitivity import classify

        result = classify(text)
        return result.categories, result.reasons
