"""Sends approved outbox items and pending deletion requests to the configured collector.

Rules (DESIGN.md §4): a 2xx deletes the item; a 4xx drops it and logs it; a 5xx or a network
error retries later with exponential backoff and jitter. No body exceeds 1 MB, and at most 15
requests leave in any minute (counted from the persisted network log, so restarts do not
reset it). Without a configured URL nothing is ever sent.
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
from app.core.network import HttpClient, NetworkError, NetworkLog
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
    ) -> None:
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
        result = FlushResult()
        upstream = self._settings.upstream()
        if not upstream.configured or upstream.url is None:
            result.not_configured = True
            return result
        if approve_all:
            self._outbox.approve()
        deletions = self._deletions.due()
        shares = []
        for scope in _SHARED_SCOPES:
            contributor = self._settings.contributor(scope.value)
            state = self._ledger.state(scope)
            if not state.granted or contributor is None:
                continue  # withdrawal purges the outbox; nothing of this scope may leave
            shares.append((scope, contributor, state.changed_at, self._outbox.due(scope.value)))
        total = len(deletions) + sum(len(items) for *_, items in shares)
        done = 0
        progress(Progress(done, total, "uploading"))
        for request in deletions:
            if self._should_stop(cancel, result):
                return result
            self._send_deletion(upstream.url, request.request_id, request.contributor, result)
            if request.request_id not in result.deletions_acknowledged:
                self._deletions.reschedule(request.request_id, self.backoff(request.attempts))
            done += 1
            progress(Progress(done, total, "uploading"))
        for scope, contributor, granted_at, items in shares:
            batches = self._batches(items, result)
            done += len(items) - sum(len(batch) for batch in batches)  # dropped as too large
            for batch in batches:
                if self._should_stop(cancel, result):
                    return result
                self._send_batch(upstream.url, scope, contributor, granted_at, batch, result)
                done += len(batch)
                progress(Progress(done, total, "uploading"))
        return result

    def _should_stop(self, cancel: CancelToken | None, result: FlushResult) -> bool:
        """Whether to stop before the next request: cancelled, or out of this minute's budget."""
        if cancel is not None and cancel.cancelled:
            result.cancelled = True
            return True
        if self._budget() <= 0:
            result.rate_limited = True
            return True
        return False

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

    def _send_batch(
        self,
        url: str,
        scope: Scope,
        contributor: str,
        granted_at: str | None,
        batch: list[OutboxItem],
        result: FlushResult,
    ) -> None:
        body = json.dumps(
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
            },
            separators=(",", ":"),
        ).encode("utf-8")
        ids = [item.id for item in batch]
        if len(body) > MAX_BODY_BYTES:  # pragma: no cover - _batches keeps this from happening
            raise AssertionError("An upload body over 1 MB was about to be sent.")
        result.requests += 1
        try:
            response = self._http.request(
                "POST", f"{url}/v1/contributions", purpose=PURPOSE, body=body
            )
        except NetworkError:
            self._retry(batch, result)
            return
        if 200 <= response.status < 300:
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

    def _send_deletion(
        self, url: str, request_id: str, contributor: str, result: FlushResult
    ) -> None:
        body = json.dumps(
            {"contributor": contributor, "request_id": request_id}, separators=(",", ":")
        ).encode("utf-8")
        result.requests += 1
        try:
            response = self._http.request(
                "POST", f"{url}/v1/deletion-requests", purpose=PURPOSE, body=body
            )
        except NetworkError:
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


def _accepted_ids(answer: object) -> list[str]:
    if isinstance(answer, dict) and isinstance(answer.get("accepted"), list):
        return [str(i) for i in answer["accepted"]]
    return []


def _receipt(answer: object) -> str | None:
    if isinstance(answer, dict) and isinstance(answer.get("receipt"), str):
        return str(answer["receipt"])[:200]
    return None
