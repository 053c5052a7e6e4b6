"""The outbox's core calls: review on the DB lane; a send or a notice poll sent on the I/O pool."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.domains.outbox import OutboxSnapshot
from app.core.jobs import CancelToken
from app.core.upstream.client import FlushResult
from app.core.upstream.hub import NoticePoll
from app.core.upstream.outbox import OutboxItem
from app.gui.progress import ProgressRelay

if TYPE_CHECKING:
    from app.core.domains.outbox import NoticeFetch, Sending
    from app.core.service import Confidant
    from app.core.upstream.client import Transmission
    from app.core.upstream.hub import NoticeAnswer
    from app.core.upstream.notices import Notice


def load_outbox(service: Confidant) -> OutboxSnapshot:
    """Read the outbox, its history and the upload settings. Runs on the DB lane."""
    return service.outbox.snapshot()


def approve_item(service: Confidant, item_id: str) -> int:
    """Let one item leave. Runs on the DB lane."""
    return service.outbox.approve(item_id)


def discard_item(service: Confidant, item_id: str) -> None:
    """Delete one item; it never leaves. Runs on the DB lane."""
    service.outbox.discard(item_id)


def edit_item(service: Confidant, item_id: str, text: str) -> OutboxItem:
    """Store the user's further-redacted text. Runs on the DB lane."""
    return service.outbox.edit(item_id, text)


def prepare_send(service: Confidant) -> Sending:
    """What is approved and due, sealed and batched. Runs on the DB lane."""
    return service.outbox.prepare_send()


def transmit(
    service: Confidant, sending: Sending, progress: ProgressRelay, cancel: CancelToken
) -> Transmission:
    """Send it, item by item in progress. Runs on the I/O pool: it touches no database."""
    return service.outbox.transmit(sending, progress=progress.report, cancel=cancel)


def record_send(service: Confidant, sending: Sending, sent: Transmission) -> FlushResult:
    """Record what the collector answered. Runs on the DB lane."""
    return service.outbox.record_send(sending, sent)


def configure_upload(service: Confidant, url: str, collector_key: str, notice_key: str) -> None:
    """Store the collector's address and keys. Runs on the DB lane."""
    service.outbox.configure(url, collector_key, notice_key)


def set_review(service: Confidant, review: bool) -> None:
    """Whether each item waits for approval. Runs on the DB lane."""
    service.outbox.set_review(review)


def set_check_notices(service: Confidant, check: bool) -> None:
    """Whether notices are fetched even when nothing is shared. Runs on the DB lane."""
    service.outbox.set_check_notices(check)


def unread_notices(service: Confidant) -> list[Notice]:
    """Verified notices the user has not dismissed. Runs on the DB lane."""
    return service.outbox.unread_notices()


def mark_notice_read(service: Confidant, notice_id: str) -> None:
    """Record that the user dismissed a notice. Runs on the DB lane."""
    service.outbox.mark_notice_read(notice_id)


def prepare_notices_now(service: Confidant) -> NoticeFetch:
    """The notice poll the user asked for (if one is allowed). Runs on the DB lane."""
    return service.outbox.prepare_notices(force=True)


def fetch_notices(service: Confidant, fetch: NoticeFetch) -> NoticeAnswer | None:
    """Ask the collector for its notices. Runs on the I/O pool: it touches no database."""
    return service.outbox.fetch_notices(fetch)


def record_notices(service: Confidant, answer: NoticeAnswer | None) -> NoticePoll:
    """Verify and keep the notices fetched. Runs on the DB lane."""
    return service.outbox.record_notices(answer)
