"""Fills the outbox page and carries out review, sending and the upload settings."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from app.core.consent import Scope
from app.core.errors import InputError
from app.core.jobs import CancelToken
from app.core.network import NetworkLogEntry
from app.core.upstream.client import PURPOSE, FlushResult
from app.core.upstream.deletions import DeletionRequest
from app.core.upstream.hub import UpstreamStatus
from app.core.upstream.outbox import OutboxItem
from app.core.upstream.settings import UpstreamSettings
from app.gui.controllers.base import ErrorReporter, PageController
from app.gui.controllers.guardian import GuardianGate
from app.gui.controllers.privacy_dashboard import receipt_row
from app.gui.formatting import approx_bytes, local_time, plural
from app.gui.progress import ProgressRelay
from app.gui.signals import emit
from app.gui.views.outbox_page import OutboxPage
from app.gui.workers import WorkerPool

if TYPE_CHECKING:
    from app.core.service import Confidant
    from app.gui.dialogs.outbox_edit_dialog import OutboxEditDialog

STATE_LABELS = {"review": "To review", "approved": "Approved"}
KIND_LABELS = {"conversation": "Conversation", "learning_signal": "Learning signal"}


@dataclass(frozen=True)
class OutboxSnapshot:
    """What the outbox page shows, read in one go on the DB lane."""

    status: UpstreamStatus
    settings: UpstreamSettings
    items: tuple[OutboxItem, ...]
    sent: tuple[NetworkLogEntry, ...]
    receipts: tuple[DeletionRequest, ...]


# --- DB lane -------------------------------------------------------------------------------


def load_outbox(service: Confidant) -> OutboxSnapshot:
    """Read the outbox, its history and the upload settings. Runs on the DB lane."""
    upstream = service.upstream
    return OutboxSnapshot(
        status=upstream.status(),
        settings=upstream.settings.upstream(),
        items=tuple(upstream.items("review") + upstream.items("approved")),
        sent=tuple(e for e in upstream.log() if e.purpose == PURPOSE),
        receipts=tuple(upstream.deletion_receipts()),
    )


def approve_item(service: Confidant, item_id: str) -> int:
    """Let one item leave. Runs on the DB lane."""
    return service.upstream.approve([item_id])


def discard_item(service: Confidant, item_id: str) -> None:
    """Delete one item; it never leaves. Runs on the DB lane."""
    service.upstream.discard(item_id)


def edit_item(service: Confidant, item_id: str, text: str) -> OutboxItem:
    """Store the user's further-redacted text. Runs on the DB lane."""
    return service.upstream.edit(item_id, text)


def send_now(service: Confidant, progress: ProgressRelay, cancel: CancelToken) -> FlushResult:
    """Send what is approved and due, item by item in progress. Runs on the DB lane."""
    return service.upstream.send(progress=progress.report, cancel=cancel)


def configure_upload(service: Confidant, url: str, collector_key: str, notice_key: str) -> None:
    """Store the collector's address and keys. Runs on the DB lane."""
    service.upstream.configure(url.strip(), collector_key.strip(), notice_key.strip() or None)


def set_review(service: Confidant, review: bool) -> None:
    """Whether each item waits for approval. Runs on the DB lane."""
    service.upstream.set_review(review)


def set_check_notices(service: Confidant, check: bool) -> None:
    """Whether notices are fetched even when nothing is shared. Runs on the DB lane."""
    service.upstream.set_check_notices(check)


# --- presentation ----------------------------------------------------------------------------


def item_text(item: OutboxItem) -> str | None:
    """The editable text of a conversation item (None for other kinds)."""
    try:
        payload = json.loads(item.payload)
    except ValueError:
        return None
    text = payload.get("text") if isinstance(payload, dict) else None
    return text if isinstance(text, str) else None


def status_text(status: UpstreamStatus) -> str:
    """Where uploads stand, in a few sentences."""
    shared = [
        label
        for scope, label in (
            (Scope.SHARE_FOR_TRAINING.value, "sharing for training"),
            (Scope.RESEARCH.value, "research"),
        )
        if status.consents.get(scope)
    ]
    consent = (
        f"You agreed to {' and '.join(shared)}."
        if shared
        else "You share nothing: no item is prepared until you agree on the Privacy page."
    )
    where = (
        f"Uploads go to {status.url}."
        if status.configured
        else "No collector is set up, so nothing is ever sent; items wait here."
    )
    review = status.outbox.get("review", 0)
    approved = status.outbox.get("approved", 0)
    counts = f"{review} waiting for review, {approved} approved."
    last = f" Last upload: {local_time(status.last_send_at)}." if status.last_send_at else ""
    pending = (
        f" {plural(status.pending_deletions, 'deletion request')} still to be sent."
        if status.pending_deletions
        else ""
    )
    return f"{consent} {where} {counts}{last}{pending}"


def flush_text(result: FlushResult, waiting_for_review: int) -> str:
    """What one "Send now" did."""
    if result.not_configured:
        return "No collector is set up, so nothing was sent."
    parts = []
    if result.sent:
        parts.append(f"Sent {plural(len(result.sent), 'item')}.")
    if result.deletions_acknowledged:
        parts.append(f"{plural(len(result.deletions_acknowledged), 'deletion request')} answered.")
    if result.dropped:
        parts.append(f"{plural(len(result.dropped), 'item')} refused by the collector and dropped.")
    if result.retrying:
        parts.append(f"{plural(len(result.retrying), 'item')} will be retried later.")
    if result.cancelled:
        parts.append("Stopped; what was not sent waits here.")
    elif result.rate_limited:
        parts.append("The rest waits a minute (at most 15 requests a minute).")
    if not parts:
        parts.append("Nothing was due to be sent.")
    if waiting_for_review:
        parts.append(f"{plural(waiting_for_review, 'item')} still waits for your review.")
    return " ".join(parts)


class OutboxController(PageController):
    """Keeps an OutboxPage in step with the outbox; ``changed`` fires after each change."""

    changed = Signal()

    def __init__(
        self,
        view: OutboxPage,
        service: Confidant,
        db_lane: WorkerPool,
        report_error: ErrorReporter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(service, db_lane, report_error, parent)
        self.view = view
        self.edit_dialog: OutboxEditDialog | None = None
        self._items: dict[str, OutboxItem] = {}
        self._settings_loaded = False
        #: The send under way, if any, by the token that stops it.
        self._sending: CancelToken | None = None
        # Upload settings are guarded in child mode: the PIN, then the change once more.
        self.guardian = GuardianGate(service, db_lane, report_error, view, self)
        view.items_table.itemSelectionChanged.connect(self._show_selected)
        view.approve_button.clicked.connect(self.approve_selected)
        view.discard_button.clicked.connect(self.discard_selected)
        view.edit_button.clicked.connect(self.edit_selected)
        view.send_button.clicked.connect(self.send_now)
        view.cancel_send_button.clicked.connect(self.cancel_send)
        view.save_settings_button.clicked.connect(self.save_settings)
        view.review_check.clicked.connect(self._on_review_clicked)
        view.notices_check.clicked.connect(self._on_check_notices_clicked)
        self._show_selected()

    # --- reading ---------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Read the outbox again and show it."""
        self.run(load_outbox, on_result=self._show)

    def _show(self, snapshot: OutboxSnapshot) -> None:
        view = self.view
        self._items = {item.id: item for item in snapshot.items}
        view.status_label.setText(status_text(snapshot.status))
        view.items_table.fill(
            [
                (
                    STATE_LABELS.get(item.state, item.state),
                    KIND_LABELS.get(item.kind, item.kind),
                    local_time(item.created_at),
                    approx_bytes(len(item.payload.encode("utf-8"))),
                )
                for item in snapshot.items
            ],
            keys=[item.id for item in snapshot.items],
        )
        if view.items_table.selected_key() is None and snapshot.items:
            view.items_table.selectRow(0)
        self._show_selected()
        view.sent_table.fill(
            [
                (
                    local_time(e.at),
                    e.method,
                    e.url,
                    approx_bytes(e.bytes_out),
                    approx_bytes(e.bytes_in),
                    str(e.status) if e.status is not None else (e.error or "failed"),
                )
                for e in snapshot.sent
            ]
        )
        view.receipts_table.fill([receipt_row(r) for r in snapshot.receipts])
        settings = snapshot.settings
        if not self._settings_loaded:
            view.url_edit.setText(settings.url or "")
            view.collector_key_edit.setText(settings.collector_key or "")
            view.notice_key_edit.setText(settings.notice_key or "")
            self._settings_loaded = True
        view.review_check.setChecked(settings.review_before_upload)
        view.notices_check.setChecked(settings.check_notices)

    def selected_item(self) -> OutboxItem | None:
        """The item selected in the table."""
        key = self.view.items_table.selected_key()
        return self._items.get(key) if key else None

    @Slot()
    def _show_selected(self) -> None:
        view = self.view
        item = self.selected_item()
        # The exact payload string, as stored: what is sealed and sent, byte for byte.
        view.payload_view.setPlainText(item.payload if item else "")
        view.approve_button.setEnabled(item is not None and item.state == "review")
        view.edit_button.setEnabled(item is not None and item_text(item) is not None)
        view.discard_button.setEnabled(item is not None)

    # --- acting on items -------------------------------------------------------------------

    @Slot()
    def approve_selected(self) -> None:
        """Approve the selected item."""
        item = self.selected_item()
        if item is not None:
            self.view.approve_button.setEnabled(False)
            self.run(approve_item, item.id, on_result=self._after_change)

    @Slot()
    def discard_selected(self) -> None:
        """Discard the selected item."""
        item = self.selected_item()
        if item is not None:
            self.view.discard_button.setEnabled(False)
            self.run(discard_item, item.id, on_result=self._after_change)

    @Slot()
    def edit_selected(self) -> None:
        """Open the editor on the selected item's text."""
        from app.gui.dialogs.outbox_edit_dialog import OutboxEditDialog

        item = self.selected_item()
        text = item_text(item) if item is not None else None
        if item is None or text is None:
            return
        if self.edit_dialog is not None:
            self.edit_dialog.close()
        dialog = OutboxEditDialog(text, self.view.window())
        dialog.accepted.connect(lambda item_id=item.id: self._save_edit(item_id))
        dialog.finished.connect(dialog.deleteLater)
        dialog.destroyed.connect(self._forget_edit_dialog)
        self.edit_dialog = dialog
        dialog.open()

    @Slot()
    def _forget_edit_dialog(self) -> None:
        self.edit_dialog = None

    def _save_edit(self, item_id: str) -> None:
        if self.edit_dialog is None:
            return
        self.run(edit_item, item_id, self.edit_dialog.text(), on_result=self._after_change)

    def _after_change(self, _result: object) -> None:
        self.refresh()
        emit(self.changed)

    @Slot()
    def send_now(self) -> None:
        """Send the approved items now, showing how far it got; Stop sending stops it."""
        if self._sending is not None:
            return
        token = CancelToken()
        relay = ProgressRelay(self)
        relay.advanced.connect(self.view.show_send_progress)
        job = self.run(
            send_now, relay, token, on_result=self._on_sent, on_error=self._on_send_failed
        )
        if job is None:
            relay.deleteLater()
            return
        job.finished.connect(relay.deleteLater)
        self._sending = token
        self.view.show_sending(True)
        self.view.send_result.setText("Sending…")

    @Slot()
    def cancel_send(self) -> None:
        """Stop sending before the next request (one on its way is finished)."""
        if self._sending is not None:
            self._sending.cancel()
            self.view.cancel_send_button.setEnabled(False)
            self.view.send_result.setText("Stopping after the request on its way…")

    def _on_sent(self, result: FlushResult) -> None:
        self._sending = None
        waiting = sum(1 for item in self._items.values() if item.state == "review")
        self.view.show_sending(False)
        self.view.send_result.setText(flush_text(result, waiting))
        self._after_change(result)

    def _on_send_failed(self, exc: object) -> None:
        self._sending = None
        self.view.show_sending(False)
        self.view.send_result.setText("")
        self._failed(exc)

    # --- settings --------------------------------------------------------------------------

    @Slot()
    def save_settings(self) -> None:
        """Store the collector's address and keys, or say why they were refused."""
        view = self.view
        view.show_settings_error("")
        self.guardian.run(
            configure_upload,
            view.url_edit.text(),
            view.collector_key_edit.text(),
            view.notice_key_edit.text(),
            on_result=self._on_settings_saved,
            on_error=self._on_settings_refused,
            on_cancel=self.refresh,
        )

    def _on_settings_saved(self, _none: None) -> None:
        self.view.show_settings_error("")
        self.view.send_result.setText("Upload settings saved.")
        self._after_change(None)

    def _on_settings_refused(self, exc: object) -> None:
        if isinstance(exc, InputError):
            self.view.show_settings_error(exc.message)
        else:
            self._failed(exc)

    @Slot(bool)
    def _on_review_clicked(self, review: bool) -> None:
        self.guardian.run(set_review, review, on_result=self._after_change, on_cancel=self.refresh)

    @Slot(bool)
    def _on_check_notices_clicked(self, check: bool) -> None:
        self.guardian.run(
            set_check_notices, check, on_result=self._after_change, on_cancel=self.refresh
        )
