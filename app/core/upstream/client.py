"""Sends approved outbox items and pending deletion requests to the configured collector.

Rules (DESIGN.md §4): a 2xx deletes the item; a 4xx drops it and logs it; a 5xx or a network
error retries later with exponential backoff and jitter. No body exceeds 1 MB, and at most 15
requests leave in any minute (counted from the persisted network log, so restarts do not
reset it). Without a configured URL nothing is ever sent.

A flush has three steps, so that no database job waits for the network: ``prepare`` (database
lane: what is due, sealed and batched), ``transmit`` (any thread: the requests, and nothing
else; their log entries are held in memory), ``record`` (database lane: the answers, the log).
``flush`` runs the three in a row.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from dataclasses import dataclass, field

from app.core.audit import AuditLog
from app.core.clock import Clock, iso
from app.core.consent import ConsentLedger, Scope
from app.core.jobs import CancelToken, Progress, ProgressCallback, no_progress
from app.core.network import HttpClient, NetworkError, NetworkLog, PendingRequests, Response
from app.core.upstream.deletions import DeletionRequests
from app.core.upstream.outbox import Outbox, OutboxItem
from app.core.upstream.sealing import collector_key, seal
from app.core.upstream.settings import SettingsStore

MAX_BODY_BYTES = 1_000_000
MAX_REQUESTS_PER_MINUTE = 15
BACKOFF_BASE_SECONDS = 30
BACKOFF_MAX_SECONDS = 6 * 3600
PURPOSE = "upstream"
_SHARED_SCOPES = (Scope.SHARE_FOR_TRAINING, Scope.RESEARCH)


@dataclass
class FlushResult:
    """What one flush did."""

    requests: int = 0
    sent: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    retrying: list[str] = field(default_factory=list)
    deletions_acknowledged: list[str] = field(default_factory=list)
    rate_limited: bool = False
    not_configured: bool = False
    #: Stopped between requests at the user's request; what was not sent waits for later.
    cancelled: bool = False


@dataclass(frozen=True)
class PlannedRequest:
    """One request a flush will make: a deletion request, or a batch of one scope's items."""

    body: bytes
    path: str
    #: A deletion request's id and its attempts so far (None for a batch).
    request_id: str | None = None
    attempts: int = 0
    #: A batch's scope and items (None and () for a deletion request).
    scope: Scope | None = None
    items: tuple[OutboxItem, ...] = ()
    #: Items dropped as too large just before this request (they count as dealt with).
    skipped_before: int = 0

    @property
    def weight(self) -> int:
        """How many of the flush's steps this request deals with."""
        return len(self.items) if self.scope is not None else 1


@dataclass
class FlushPlan:
    """What ``prepare`` found due, ready to send; ``result`` holds what was settled already."""

    url: str | None
    requests: list[PlannedRequest]
    budget: int
    total: int
    result: FlushResult


@dataclass
class Transmission:
    """What ``transmit`` got back: one answer per request made (None: no answer)."""

    answers: list[Response | None] = field(default_factory=list)
    cancelled: bool = False
    rate_limited: bool = False


class UploadClient:
    """Moves items from the outbox to the collector, politely and idempotently."""

    def __init__(
        self,
        *,
        clock: Clock,
        http: HttpClient,
        network_log: NetworkLog,
        settings: SettingsStore,
        outbox: Outbox,
        deletions: DeletionRequests,
        ledger: ConsentLedger,
        audit: AuditLog,
        rng: random.Random | None = None,
        pending: PendingRequests | None = None,
    ) -> None:
        #: Where ``http`` holds its log entries until ``record`` writes them (None: it logs).
        self._pending = pending
        self._clock = clock
        self._http = http
        self._log = network_log
        self._settings = settings
        self._outbox = outbox
        self._deletions = deletions
        self._ledger = ledger
        self._audit = audit
        self._rng = rng or random.Random()

    def backoff(self, attempts: int) -> str:
        """When to try again after ``attempts`` failures: exponential, capped, jittered."""
        delay = min(BACKOFF_BASE_SECONDS * 2**attempts, BACKOFF_MAX_SECONDS)
        delay *= self._rng.uniform(0.5, 1.5)
        return iso(self._clock.now() + dt.timedelta(seconds=delay))

    def _budget(self) -> int:
        since = iso(self._clock.now() - dt.timedelta(minutes=1))
        return MAX_REQUESTS_PER_MINUTE - self._log.count_since(since, PURPOSE)

    def flush(
        self,
        *,
        approve_all: bool = False,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
    ) -> FlushResult:
        """Send what is due: deletion requests first, then approved items in batches.

        ``progress`` hears how many of the due requests and items have been dealt with.
        ``cancel`` is checked between requests, never during one: a request on its way is
        answered and recorded, and what was not sent stays in the outbox for later.
        """
        plan = self.prepare(approve_all=approve_all)
        return self.record(plan, self.transmit(plan, progress=progress, cancel=cancel))

    def prepare(self, *, approve_all: bool = False) -> FlushPlan:
        """What is due, sealed and batched (database lane); nothing is sent yet."""
        result = FlushResult()
        upstream = self._settings.upstream()
        if not upstream.configured or upstream.url is None:
            result.not_configured = True
            return FlushPlan(None, [], 0, 0, result)
        if approve_all:
            self._outbox.approve()
        requests = [
            PlannedRequest(
                _json({"contributor": request.contributor, "request_id": request.request_id}),
                "/v1/deletion-requests",
                request_id=request.request_id,
                attempts=request.attempts,
            )
            for request in self._deletions.due()
        ]
        total = len(requests)
        for scope in _SHARED_SCOPES:
            contributor = self._settings.contributor(scope.value)
            state = self._ledger.state(scope)
            if not state.granted or contributor is None:
                continue  # withdrawal purges the outbox; nothing of this scope may leave
            items = self._outbox.due(scope.value)
            total += len(items)
            batches = self._batches(items, result)
            skipped = len(items) - sum(len(batch) for batch in batches)
            for batch in batches:
                body = self._batch_body(scope, contributor, state.changed_at, batch)
                requests.append(
                    PlannedRequest(
                        body,
                        "/v1/contributions",
                        scope=scope,
                        items=tuple(batch),
                        skipped_before=skipped,
                    )
                )
                skipped = 0
        return FlushPlan(upstream.url, requests, self._budget(), total, result)

    def transmit(
        self,
        plan: FlushPlan,
        *,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
    ) -> Transmission:
        """Make the planned requests (any thread: no database is touched here)."""
        sent = Transmission()
        if plan.url is None:
            return sent
        done = 0
        progress(Progress(done, plan.total, "uploading"))
        for request in plan.requests:
            done += request.skipped_before
            if cancel is not None and cancel.cancelled:
                sent.cancelled = True
                break
            if len(sent.answers) >= plan.budget:
                sent.rate_limited = True
                break
            try:
                answer: Response | None = self._http.request(
                    "POST", f"{plan.url}{request.path}", purpose=PURPOSE, body=request.body
                )
            except NetworkError:
                answer = None
            sent.answers.append(answer)
            done += request.weight
            progress(Progress(done, plan.total, "uploading"))
        return sent

    def record(self, plan: FlushPlan, sent: Transmission) -> FlushResult:
        """Write down what the collector answered (database lane), and the requests made."""
        if self._pending is not None:
            for entry in self._pending.drain():
                self._log.add(entry)
        result = plan.result
        result.cancelled = sent.cancelled
        result.rate_limited = sent.rate_limited
        for request, answer in zip(plan.requests, sent.answers, strict=False):
            result.requests += 1
            if request.scope is None:
                assert request.request_id is not None
                self._record_deletion(request.request_id, answer, result)
                if request.request_id not in result.deletions_acknowledged:
                    self._deletions.reschedule(request.request_id, self.backoff(request.attempts))
            else:
                self._record_batch(request.scope, list(request.items), answer, result)
        return result

    def _sealed(self, item: OutboxItem) -> str:
        if item.sealed:
            return item.sealed
        key = self._settings.upstream().collector_key
        assert key is not None  # flush() only runs when configured
        sealed = seal(item.payload.encode("utf-8"), collector_key(key))
        self._outbox.set_sealed(item.id, sealed)
        return sealed

    def _batches(self, items: list[OutboxItem], result: FlushResult) -> list[list[OutboxItem]]:
        """Group items so that no request body can exceed the limit; drop any that alone do."""
        batches: list[list[OutboxItem]] = []
        current: list[OutboxItem] = []
        size = 1024  # the envelope: batch id, contributor, consent
        for item in items:
            item_size = len(self._sealed(item)) + len(item.id) + 64
            if item_size + 1024 > MAX_BODY_BYTES:
                self._outbox.delete([item.id])
                self._audit.record("upload.dropped", reason="too_large", sha256=item.payload_sha256)
                result.dropped.append(item.id)
                continue
            if current and size + item_size > MAX_BODY_BYTES:
                batches.append(current)
                current, size = [], 1024
            current.append(item)
            size += item_size
        if current:
            batches.append(current)
        return batches

    def _batch_body(
        self, scope: Scope, contributor: str, granted_at: str | None, batch: list[OutboxItem]
    ) -> bytes:
        body = _json(
            {
                "batch_id": str(uuid.uuid4()),
                "contributor": contributor,
                "consent": {
                    "scope": scope.value,
                    "text_version": self._ledger.text(scope).version,
                    "granted_at": granted_at,
                },
                "items": [
                    {"id": item.id, "kind": item.kind, "sealed": self._sealed(item)}
                    for item in batch
                ],
            }
        )
        if len(body) > MAX_BODY_BYTES:  # pragma: no cover - _batches keeps this from happening
            raise AssertionError("An upload body over 1 MB was about to be sent.")
        return body

    def _record_batch(
        self,
        scope: Scope,
        batch: list[OutboxItem],
        response: Response | None,
        result: FlushResult,
    ) -> None:
        ids = [item.id for item in batch]
        if response is None:
            self._retry(batch, result)
        elif 200 <= response.status < 300:
            accepted = set(_accepted_ids(response.json()))
            done = [i for i in ids if i in accepted]
            self._outbox.delete(done)
            result.sent.extend(done)
            if done:
                self._audit.record("upload.sent", scope=scope.value, items=len(done))
            self._retry([item for item in batch if item.id not in accepted], result)
        elif 400 <= response.status < 500:
            self._outbox.delete(ids)
            result.dropped.extend(ids)
            self._audit.record("upload.dropped", reason=f"http_{response.status}", items=len(ids))
        else:
            self._retry(batch, result)

    def _retry(self, items: list[OutboxItem], result: FlushResult) -> None:
        for item in items:
            self._outbox.reschedule([item.id], self.backoff(item.attempts))
            result.retrying.append(item.id)

    def _record_deletion(
        self, request_id: str, response: Response | None, result: FlushResult
    ) -> None:
        if response is None:
            return
        if 200 <= response.status < 300:
            receipt = _receipt(response.json())
            self._deletions.finish(request_id, "acknowledged", receipt)
            self._audit.record("deletion.acknowledged", request=request_id)
            result.deletions_acknowledged.append(request_id)
        elif 400 <= response.status < 500:
            self._deletions.finish(request_id, "rejected", None)
            self._audit.record("deletion.rejected", request=request_id, status=response.status)
            result.deletions_acknowledged.append(request_id)


def _json(value: object) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode("utf-8")


def _accepted_ids(answer: object) -> list[str]:
    if isinstance(answer, dict) and isinstance(answer.get("accepted"), list):
        return [str(i) for i in answer["accepted"]]
    return []


def _receipt(answer: object) -> str | None:
    if isinstance(answer, dict) and isinstance(answer.get("receipt"), str):
        return str(answer["receipt"])[:200]
    return None
