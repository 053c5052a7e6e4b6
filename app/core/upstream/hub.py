"""One object for everything upstream: settings, gate, outbox, client, deletions, notices."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.audit import AuditLog
from app.core.clock import Clock, iso
from app.core.consent import ConsentLedger, Scope
from app.core.conversations import Conversation, Message
from app.core.errors import InputError
from app.core.jobs import CancelToken, ProgressCallback, no_progress
from app.core.network import (
    HttpClient,
    NetworkError,
    NetworkLog,
    NetworkLogEntry,
    PendingRequests,
    Response,
)
from app.core.store.database import Database
from app.core.upstream import notices as notice_rules
from app.core.upstream.client import PURPOSE, FlushPlan, FlushResult, Transmission, UploadClient
from app.core.upstream.deletions import DeletionRequest, DeletionRequests
from app.core.upstream.gate import (
    GateDecision,
    Redactor,
    TurnAnalysis,
    UploadGate,
    default_redactor,
)
from app.core.upstream.notices import Notice, NoticeBoard
from app.core.upstream.outbox import Outbox, OutboxItem
from app.core.upstream.sealing import collector_key, seal
from app.core.upstream.settings import SettingsStore, UpstreamSettings

SHARED_SCOPES = (Scope.SHARE_FOR_TRAINING, Scope.RESEARCH)


@dataclass(frozen=True)
class UpstreamStatus:
    """What ``upstream status`` shows."""

    configured: bool
    url: str | None
    review_before_upload: bool
    consents: dict[str, bool]
    outbox: dict[str, int]
    last_send_at: str | None
    pending_deletions: int


@dataclass(frozen=True)
class NoticePoll:
    """The outcome of one notice poll."""

    polled: bool
    new: int
    rejected: str | None


@dataclass(frozen=True)
class NoticeRequest:
    """A notice poll that is due: where to ask, and the key the answer must be signed with."""

    url: str
    notice_key: str


@dataclass(frozen=True)
class NoticeAnswer:
    """What the collector answered to a notice poll (``response`` None: no answer)."""

    request: NoticeRequest
    response: Response | None


class Upstream:
    """Everything that may leave the machine for the collector, behind one gate."""

    def __init__(
        self,
        database: Database,
        clock: Clock,
        ledger: ConsentLedger,
        audit: AuditLog,
        *,
        child_mode: Callable[[], bool],
        guard: Callable[[str], None] = lambda _change: None,
        redactor: Redactor = default_redactor,
        rng: random.Random | None = None,
    ) -> None:
        self._guard = guard
        self._db = database
        self._clock = clock
        self._ledger = ledger
        self._audit = audit
        self.settings = SettingsStore(database)
        self.outbox = Outbox(database, clock)
        self.deletions = DeletionRequests(database, clock)
        self.notices = NoticeBoard(database, clock)
        self.network_log = NetworkLog(database, clock)
        # Requests may be made off the database lane: their log entries wait in memory until
        # the lane records the answers (``record_flush``, ``record_notices``).
        self.pending_requests = PendingRequests()
        self._http = HttpClient(self.pending_requests, clock)
        self._redact = redactor
        self.gate = UploadGate(
            database,
            clock,
            ledger,
            audit,
            self.outbox,
            self.settings,
            child_mode=child_mode,
            redactor=redactor,
        )
        self.client = UploadClient(
            clock=clock,
            http=self._http,
            network_log=self.network_log,
            settings=self.settings,
            outbox=self.outbox,
            deletions=self.deletions,
            ledger=ledger,
            audit=audit,
            rng=rng,
            pending=self.pending_requests,
        )

    # --- consent hooks (called inside the consent transaction) ------------------------------

    def on_grant(self, scope: Scope, was_granted: bool, conn: Any) -> None:
        """A fresh grant gets a fresh random contributor id (Glean's rule)."""
        if scope in SHARED_SCOPES and not was_granted:
            self.settings.new_contributor(scope.value, conn)

    def on_withdraw(self, scope: Scope, was_granted: bool, conn: Any) -> str | None:
        """Purge the scope's outbox and queue exactly one deletion request."""
        if scope not in SHARED_SCOPES or not was_granted:
            return None
        purged = self.outbox.purge_scope(scope.value, conn)
        contributor = self.settings.contributor(scope.value)
        if contributor is None:
            return None
        request_id = self.deletions.queue(scope.value, contributor, conn)
        self._audit.record(
            "deletion.requested", conn, scope=scope.value, request=request_id, purged=purged
        )
        return request_id

    # --- items ----------------------------------------------------------------------------

    def submit_turn(
        self,
        conversation: Conversation,
        turn: Sequence[Message],
        analysis: TurnAnalysis | None = None,
    ) -> GateDecision:
        """Offer a completed chat turn to the gate (``analysis``: see ``UploadGate.analyze``)."""
        return self.gate.submit_turn(conversation, turn, analysis=analysis)

    def items(self, state: str | None = None) -> list[OutboxItem]:
        """Outbox items for review."""
        return self.outbox.items(state)

    def approve(self, item_ids: list[str] | None = None) -> int:
        """Let items leave."""
        return self.outbox.approve(item_ids)

    def discard(self, item_id: str) -> None:
        """Remove an item; it never leaves."""
        item = self.outbox.get(item_id)
        with self._db.transaction("discarding an upload item") as conn:
            self.outbox.delete([item_id], conn)
            self._audit.record("upload.discarded", conn, sha256=item.payload_sha256)

    def edit(self, item_id: str, new_text: str) -> OutboxItem:
        """Replace an item's text with the user's further-redacted version."""
        import json

        item = self.outbox.get(item_id)
        payload = json.loads(item.payload)
        if "text" not in payload:
            raise InputError("Only conversation items can be edited.")
        # The user's edit passes the anonymizer again: editing can only ever remove more.
        payload["text"] = self._redact(new_text)
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        key = self.settings.upstream().collector_key
        sealed = seal(text.encode("utf-8"), collector_key(key)) if key else None
        return self.outbox.replace_payload(item_id, text, sealed)

    # --- sending --------------------------------------------------------------------------

    def configure(self, url: str, collector_key_b64: str, notice_key_b64: str | None) -> None:
        """Set the collector's URL and keys."""
        self._guard("changing the upload settings")
        self.settings.configure(url, collector_key_b64, notice_key_b64)
        self._audit.record("upstream.configured")

    def set_review(self, review: bool) -> None:
        """Whether each item waits for the user's approval before it leaves (guarded)."""
        self._guard("changing the upload settings")
        self.settings.set_review(review)

    def set_check_notices(self, check: bool) -> None:
        """Whether security notices are fetched even when nothing is shared (guarded)."""
        self._guard("changing the upload settings")
        self.settings.set_check_notices(check)

    def send(
        self,
        *,
        approve_all: bool = False,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
    ) -> FlushResult:
        """Flush what is due, reporting ``progress``; ``cancel`` stops it between requests."""
        return self.client.flush(approve_all=approve_all, progress=progress, cancel=cancel)

    def prepare_flush(self, *, approve_all: bool = False) -> FlushPlan:
        """What a flush would send (database lane); see ``UploadClient``."""
        return self.client.prepare(approve_all=approve_all)

    def transmit(
        self,
        plan: FlushPlan,
        *,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
    ) -> Transmission:
        """Send a prepared flush (any thread: it touches no database)."""
        return self.client.transmit(plan, progress=progress, cancel=cancel)

    def record_flush(self, plan: FlushPlan, sent: Transmission) -> FlushResult:
        """Record what a flush's requests got back (database lane)."""
        return self.client.record(plan, sent)

    def status(self) -> UpstreamStatus:
        """Consent, outbox, last send and pending deletions."""
        upstream: UpstreamSettings = self.settings.upstream()
        sent = [e for e in self.network_log.entries() if e.purpose == PURPOSE and e.status]
        return UpstreamStatus(
            configured=upstream.configured,
            url=upstream.url,
            review_before_upload=upstream.review_before_upload,
            consents={s.value: self._ledger.is_granted(s) for s in SHARED_SCOPES},
            outbox=self.outbox.counts(),
            last_send_at=sent[0].at if sent else None,
            pending_deletions=sum(1 for r in self.deletions.all() if r.state == "pending"),
        )

    def deletion_receipts(self) -> list[DeletionRequest]:
        """Every deletion request with its receipt."""
        return self.deletions.all()

    def log(self) -> list[NetworkLogEntry]:
        """The network log, newest first."""
        return self.network_log.entries()

    # --- notices --------------------------------------------------------------------------

    def may_poll_notices(self) -> bool:
        """Polling is a request too: only with a configured collector and the user's say-so.

        Notices are checked when a sharing scope is granted (the user already talks to the
        collector) or when the user turned on "check for security notices" on its own.
        """
        upstream = self.settings.upstream()
        if not upstream.url or not upstream.notice_key:
            return False
        return upstream.check_notices or any(self._ledger.is_granted(s) for s in SHARED_SCOPES)

    def poll_notices(self, *, force: bool = False) -> NoticePoll:
        """Fetch and verify notices if due (at start, then every 12 hours)."""
        request = self.prepare_notices(force=force)
        if request is None:
            return NoticePoll(False, 0, None)
        return self.record_notices(self.fetch_notices(request))

    def prepare_notices(self, *, force: bool = False) -> NoticeRequest | None:
        """The notice poll to make now, if one is allowed and due (database lane)."""
        if not self.may_poll_notices():
            return None
        last = self.settings.get("notices.last_poll")
        interval = dt.timedelta(hours=notice_rules.POLL_INTERVAL_HOURS)
        if not force and last and self._clock.now() - dt.datetime.fromisoformat(last) < interval:
            return None
        upstream = self.settings.upstream()
        assert upstream.url is not None and upstream.notice_key is not None
        self.settings.set("notices.last_poll", iso(self._clock.now()))
        return NoticeRequest(upstream.url, upstream.notice_key)

    def fetch_notices(self, request: NoticeRequest) -> NoticeAnswer:
        """Ask the collector for its notices (any thread: it touches no database)."""
        try:
            response = self._http.request("GET", f"{request.url}/v1/notices", purpose="notices")
        except NetworkError:
            return NoticeAnswer(request, None)
        return NoticeAnswer(request, response)

    def record_notices(self, answer: NoticeAnswer) -> NoticePoll:
        """Verify and keep what a notice poll got back (database lane)."""
        for entry in self.pending_requests.drain():
            self.network_log.add(entry)
        response = answer.response
        if response is None:
            return NoticePoll(True, 0, "unreachable")
        try:
            if response.status != 200:
                raise notice_rules.BadNotices(f"http_{response.status}")
            verified = notice_rules.verify(response.json(), answer.request.notice_key)
        except NetworkError:
            return NoticePoll(True, 0, "unreachable")
        except notice_rules.BadNotices as exc:
            self._audit.record("notices.rejected", reason=str(exc))
            return NoticePoll(True, 0, str(exc))
        new = self.notices.store(verified)
        if new:
            self._audit.record("notices.received", new=new)
        return NoticePoll(True, new, None)

    def unread_notices(self) -> list[Notice]:
        """Verified notices not yet seen."""
        return self.notices.unread()
