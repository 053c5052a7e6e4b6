"""``service.outbox``: what waits to be shared, sending it, the collector, and its notices.

Sending and polling for notices each come in three steps, so that no database job waits for
the network: ``prepare_*`` and ``record_*`` run on the database lane, ``transmit`` and
``fetch_notices`` on the I/O pool (they touch no database). ``send`` and ``poll_notices`` run
the three in a row, for the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.jobs import CancelToken, ProgressCallback, no_progress
from app.core.network import NetworkLogEntry
from app.core.session import Session
from app.core.upstream.client import PURPOSE, FlushPlan, FlushResult, Transmission
from app.core.upstream.deletions import DeletionRequest
from app.core.upstream.hub import (
    NoticeAnswer,
    NoticePoll,
    NoticeRequest,
    Upstream,
    UpstreamStatus,
)
from app.core.upstream.notices import Notice
from app.core.upstream.outbox import OutboxItem
from app.core.upstream.settings import UpstreamSettings


@dataclass(frozen=True)
class OutboxSnapshot:
    """What the outbox page shows, read in one go on the DB lane."""

    status: UpstreamStatus
    settings: UpstreamSettings
    items: tuple[OutboxItem, ...]
    sent: tuple[NetworkLogEntry, ...]
    receipts: tuple[DeletionRequest, ...]


@dataclass(frozen=True)
class Sending:
    """A prepared flush, and the profile's upstream it belongs to."""

    upstream: Upstream
    plan: FlushPlan


@dataclass(frozen=True)
class NoticeFetch:
    """A prepared notice poll (None: none is due), and the upstream it belongs to."""

    upstream: Upstream
    request: NoticeRequest | None


class Outbox:
    """Sharing with the collector: the outbox, its settings, sending, and security notices."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def snapshot(self) -> OutboxSnapshot:
        """The outbox, its history and the upload settings."""
        upstream = self._s.upstream
        return OutboxSnapshot(
            status=upstream.status(),
            settings=upstream.settings.upstream(),
            items=tuple(upstream.items("review") + upstream.items("approved")),
            sent=tuple(e for e in upstream.log() if e.purpose == PURPOSE),
            receipts=tuple(upstream.deletion_receipts()),
        )

    def approve(self, item_id: str) -> int:
        """Let one item leave."""
        return self._s.upstream.approve([item_id])

    def discard(self, item_id: str) -> None:
        """Delete one item; it never leaves."""
        self._s.upstream.discard(item_id)

    def edit(self, item_id: str, text: str) -> OutboxItem:
        """Store the user's further-redacted text."""
        return self._s.upstream.edit(item_id, text)

    def send(
        self, *, progress: ProgressCallback = no_progress, cancel: CancelToken | None = None
    ) -> FlushResult:
        """Send what is approved and due, item by item in progress."""
        return self._s.upstream.send(progress=progress, cancel=cancel)

    def prepare_send(self, *, approve_all: bool = False) -> Sending:
        """What is approved and due, sealed and batched (database lane)."""
        upstream = self._s.upstream
        return Sending(upstream, upstream.prepare_flush(approve_all=approve_all))

    @staticmethod
    def transmit(
        sending: Sending,
        *,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
    ) -> Transmission:
        """Send a prepared flush (I/O pool); ``cancel`` stops it between requests."""
        return sending.upstream.transmit(sending.plan, progress=progress, cancel=cancel)

    def record_send(self, sending: Sending, sent: Transmission) -> FlushResult:
        """Record the collector's answers and the requests made (database lane).

        If the profile was locked or closed meanwhile, nothing can be recorded: the items stay
        in the outbox, due, and go again with the next send.
        """
        if self._s.parts is None or self._s.upstream is not sending.upstream:
            return sending.plan.result
        return sending.upstream.record_flush(sending.plan, sent)

    def prepare_notices(self, *, force: bool = False) -> NoticeFetch:
        """The notice poll to make, if one is allowed and due (database lane)."""
        upstream = self._s.upstream
        return NoticeFetch(upstream, upstream.prepare_notices(force=force))

    @staticmethod
    def fetch_notices(fetch: NoticeFetch) -> NoticeAnswer | None:
        """Ask the collector for its notices (I/O pool); None if none was due."""
        if fetch.request is None:
            return None
        return fetch.upstream.fetch_notices(fetch.request)

    def record_notices(self, answer: NoticeAnswer | None) -> NoticePoll:
        """Verify and keep the notices fetched (database lane)."""
        if answer is None or self._s.parts is None:
            return NoticePoll(False, 0, None)
        return self._s.upstream.record_notices(answer)

    def configure(self, url: str, collector_key: str, notice_key: str | None) -> None:
        """Store the collector's address and keys (blank notice key: none)."""
        self._s.upstream.configure(
            url.strip(), collector_key.strip(), (notice_key or "").strip() or None
        )

    def set_review(self, review: bool) -> None:
        """Whether each item waits for approval."""
        self._s.upstream.set_review(review)

    def set_check_notices(self, check: bool) -> None:
        """Whether notices are fetched even when nothing is shared."""
        self._s.upstream.set_check_notices(check)

    def poll_notices(self, *, force: bool = False) -> NoticePoll:
        """Fetch and verify security notices if allowed and due (or now, if ``force``)."""
        return self._s.upstream.poll_notices(force=force)

    def unread_notices(self) -> list[Notice]:
        """Verified notices the user has not dismissed."""
        return self._s.upstream.unread_notices()

    def mark_notice_read(self, notice_id: str) -> None:
        """Record that the user dismissed a notice."""
        self._s.upstream.notices.mark_read(notice_id)
