"""Fills the outbox page and carries out review, sending and the upload settings."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal, Slot

from app.core.consent import Scope
from app.core.domains.outbox import OutboxSnapshot
from app.core.errors import InputError
from app.core.jobs import CancelToken
from app.core.upstream.client import FlushResult
from app.core.upstream.hub import UpstreamStatus
from app.core.upstream.outbox import OutboxItem
from app.gui.controllers.base import ErrorReporter, PageController
from app.gui.controllers.guardian import GuardianGate
from app.gui.controllers.privacy_dashboard import receipt_row
from app.gui.formatting import approx_bytes, local_time
from app.gui.i18n import follow_language
from app.gui.ops.dialogs import open_dialog
from app.gui.ops.outbox import (
    approve_item,
    configure_upload,
    discard_item,
    edit_item,
    load_outbox,
    prepare_send,
    record_send,
    set_check_notices,
    set_review,
    transmit,
)
from app.gui.progress import ProgressRelay
from app.gui.signals import emit
from app.gui.views.outbox_page import OutboxPage
from app.gui.workers import WorkerPool

if TYPE_CHECKING:
    from typing import Self

    from PySide6.QtWidgets import QWidget

    from app.core.domains.outbox import Sending
    from app.core.service import Confidant
    from app.core.upstream.client import Transmission
    from app.gui.controllers.base import PageContext
    from app.gui.dialogs.outbox_edit_dialog import OutboxEditDialog

#: What an item's state and kind are called in the table (translated when shown).
STATE_LABELS = {
    "review": QT_TRANSLATE_NOOP("OutboxController", "To review"),
    "approved": QT_TRANSLATE_NOOP("OutboxController", "Approved"),
}
KIND_LABELS = {
    "conversation": QT_TRANSLATE_NOOP("OutboxController", "Conversation"),
    "learning_signal": QT_TRANSLATE_NOOP("OutboxController", "Learning signal"),
}


def _label(labels: dict[str, str], key: str) -> str:
    """The translated label of ``key``, or the key itself if it has none."""
    return QCoreApplication.translate("OutboxController", labels[key]) if key in labels else key


# --- presentation ----------------------------------------------------------------------------


def item_text(item: OutboxItem) -> str | None:
    """The editable text of a conversation item (None for other kinds)."""
    try:
        payload = json.loads(item.payload)
    except ValueError:
        return None
    text = payload.get("text") if isinstance(payload, dict) else None
    return text if isinstance(text, str) else None


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
        *,
        io_pool: WorkerPool | None = None,
    ) -> None:
        super().__init__(service, db_lane, report_error, parent)
        self.view = view
        # Sending talks to the collector off the DB lane (on it, if there is no pool).
        self._io_pool = io_pool if io_pool is not None else db_lane
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
        # The controller's own texts are composed from what it reads: read and show again.
        follow_language(view, self.refresh)

    # --- reading ---------------------------------------------------------------------------

    @Slot()
    @classmethod
    def for_page(cls, view: QWidget, context: PageContext) -> Self:
        """The controller of ``view``; sending talks to the collector on the I/O pool."""
        return cls(
            view,  # type: ignore[arg-type]
            context.service,
            context.db_lane,
            context.report_error,
            context.parent,
            io_pool=context.io_pool,
        )

    def refresh(self) -> None:
        """Read the outbox again and show it."""
        self.run(load_outbox, on_result=self._show)

    def _show(self, snapshot: OutboxSnapshot) -> None:
        view = self.view
        self._items = {item.id: item for item in snapshot.items}
        view.status_label.setText(self.status_text(snapshot.status))
        view.items_table.fill(
            [
                (
                    _label(STATE_LABELS, item.state),
                    _label(KIND_LABELS, item.kind),
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
                    str(e.status) if e.status is not None else (e.error or self.tr("failed")),
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

    def status_text(self, status: UpstreamStatus) -> str:
        """Where uploads stand, in a few sentences."""
        training = bool(status.consents.get(Scope.SHARE_FOR_TRAINING.value))
        research = bool(status.consents.get(Scope.RESEARCH.value))
        if training and research:
            consent = self.tr("You agreed to sharing for training and research.")
        elif training:
            consent = self.tr("You agreed to sharing for training.")
        elif research:
            consent = self.tr("You agreed to research.")
        else:
            consent = self.tr(
                "You share nothing: no item is prepared until you agree on the Privacy page."
            )
        where = (
            self.tr("Uploads go to {url}.").format(url=status.url)
            if status.configured
            else self.tr("No collector is set up, so nothing is ever sent; items wait here.")
        )
        counts = self.tr("{review} waiting for review, {approved} approved.").format(
            review=status.outbox.get("review", 0), approved=status.outbox.get("approved", 0)
        )
        parts = [consent, where, counts]
        if status.last_send_at:
            parts.append(
                self.tr("Last upload: {when}.").format(when=local_time(status.last_send_at))
            )
        if status.pending_deletions:
            parts.append(
                self.tr("%n deletion request(s) still to be sent.", "", status.pending_deletions)
            )
        return " ".join(parts)

    def flush_text(self, result: FlushResult, waiting_for_review: int) -> str:
        """What one "Send now" did."""
        if result.not_configured:
            return self.tr("No collector is set up, so nothing was sent.")
        parts = []
        if result.sent:
            parts.append(self.tr("Sent %n item(s).", "", len(result.sent)))
        if result.deletions_acknowledged:
            parts.append(
                self.tr("%n deletion request(s) answered.", "", len(result.deletions_acknowledged))
            )
        if result.dropped:
            parts.append(
                self.tr("%n item(s) refused by the collector and dropped.", "", len(result.dropped))
            )
        if result.retrying:
            parts.append(self.tr("%n item(s) will be retried later.", "", len(result.retrying)))
        if result.cancelled:
            parts.append(self.tr("Stopped; what was not sent waits here."))
        elif result.rate_limited:
            parts.append(self.tr("The rest waits a minute (at most 15 requests a minute)."))
        if not parts:
            parts.append(self.tr("Nothing was due to be sent."))
        if waiting_for_review:
            parts.append(
                self.tr("%n item(s) still wait(s) for your review.", "", waiting_for_review)
            )
        return " ".join(parts)

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
        self.edit_dialog = open_dialog(dialog, self._forget_edit_dialog)

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

        def failed(exc: object) -> None:
            relay.deleteLater()
            self._on_send_failed(exc)

        def sent(result: FlushResult) -> None:
            relay.deleteLater()
            self._on_sent(result)

        def record(sending: Sending, answers: Transmission) -> None:
            if self.run(record_send, sending, answers, on_result=sent, on_error=failed) is None:
                relay.deleteLater()

        def send(sending: Sending) -> None:
            if self._io_pool.closed:
                relay.deleteLater()
                return
            self._io_pool.submit(
                transmit,
                self._service,
                sending,
                relay,
                token,
                on_result=lambda answers: record(sending, answers),
                on_error=failed,
            )

        if self.run(prepare_send, on_result=send, on_error=failed) is None:
            relay.deleteLater()
            return
        self._sending = token
        self.view.show_sending(True)
        self.view.send_result.setText(self.tr("Sending…"))

    @Slot()
    def cancel_send(self) -> None:
        """Stop sending before the next request (one on its way is finished)."""
        if self._sending is not None:
            self._sending.cancel()
            self.view.cancel_send_button.setEnabled(False)
            self.view.send_result.setText(self.tr("Stopping after the request on its way…"))

    def _on_sent(self, result: FlushResult) -> None:
        self._sending = None
        waiting = sum(1 for item in self._items.values() if item.state == "review")
        self.view.show_sending(False)
        self.view.send_result.setText(self.flush_text(result, waiting))
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
        self.view.send_result.setText(self.tr("Upload settings saved."))
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
