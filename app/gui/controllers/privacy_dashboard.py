"""Fills the privacy dashboard from the facade, and turns its switches and combos into calls."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal, Slot

from app.core.audit import AuditEvent
from app.core.consent import ConsentState, Scope
from app.core.domains.dashboard import DashboardSnapshot
from app.core.network import NetworkLogEntry
from app.core.upstream.deletions import DeletionRequest
from app.core.upstream.hub import NoticePoll
from app.gui.controllers.base import ErrorReporter, PageController
from app.gui.controllers.guardian import GuardianGate
from app.gui.core_labels import core_label
from app.gui.formatting import (
    COUNTS,
    approx_bytes,
    due_in,
    local_date,
    local_time,
    retention_label,
)
from app.gui.i18n import follow_language
from app.gui.ops.dialogs import open_dialog
from app.gui.ops.outbox import fetch_notices, prepare_notices_now, record_notices
from app.gui.ops.privacy import (
    delete_stored_history,
    explain_sensitivity,
    load_dashboard,
    search_audit,
    set_retention,
)
from app.gui.signals import emit
from app.gui.views.privacy_dashboard import PrivacyDashboard
from app.gui.widgets.deletion_timeline import TimelineLane
from app.gui.workers import WorkerPool

if TYPE_CHECKING:
    from typing import Self

    from PySide6.QtWidgets import QWidget

    from app.core.domains.outbox import NoticeFetch
    from app.core.service import Confidant
    from app.core.upstream.hub import NoticeAnswer
    from app.gui.controllers.base import PageContext
    from app.gui.dialogs.withdraw_dialog import WithdrawDialog
    from app.gui.shell_events import ShellEvents

#: How long typing in the audit search waits before it searches.
AUDIT_SEARCH_DELAY_MS = 150
TIMELINE_DAYS = 365
#: What each consent scope is called in the receipts' table (translated when shown).
_SCOPE_LABELS = {
    "store_conversations": QT_TRANSLATE_NOOP("PrivacyDashboardController", "Keeping conversations"),
    "share_for_training": QT_TRANSLATE_NOOP("PrivacyDashboardController", "Sharing for training"),
    "research": QT_TRANSLATE_NOOP("PrivacyDashboardController", "Research"),
}
#: What a deletion request's state is called (translated when shown).
_REQUEST_STATES = {
    "pending": QT_TRANSLATE_NOOP("PrivacyDashboardController", "Waiting to be sent"),
    "acknowledged": QT_TRANSLATE_NOOP("PrivacyDashboardController", "Confirmed"),
    "rejected": QT_TRANSLATE_NOOP("PrivacyDashboardController", "Refused"),
}
#: Why a sharing switch cannot be used in child mode, not even with the PIN (translated when
#: shown).
CHILD_MODE_NO_SHARING = QT_TRANSLATE_NOOP(
    "PrivacyDashboardController", "Off: child mode keeps sharing off, and it cannot be turned on."
)


def _tr(marked: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP above, in the interface language."""
    return QCoreApplication.translate("PrivacyDashboardController", marked)


@dataclass(frozen=True)
class ConsentChange:
    """What one click on a consent switch did."""

    scope: str
    granted: bool
    stored_conversations: int


# --- DB lane -------------------------------------------------------------------------------


def change_consent(service: Confidant, scope: str, granted: bool) -> ConsentChange:
    """Grant or withdraw ``scope``; a withdrawal keeps stored history. Runs on the DB lane."""
    if granted:
        service.consent.grant(scope)
        return ConsentChange(scope, True, 0)
    service.consent.withdraw(scope, delete_history=False)
    stored = len(service.chat.conversations()) if scope == Scope.STORE_CONVERSATIONS.value else 0
    return ConsentChange(scope, False, stored)


# --- presentation ----------------------------------------------------------------------------


def consent_detail(state: ConsentState) -> str:
    """One line saying where a consent stands."""
    if state.granted:
        return QCoreApplication.translate(
            "PrivacyDashboardController", "On since {when} (you agreed to version {version})."
        ).format(when=local_time(state.changed_at), version=state.text.version)
    if state.needs_renewal:
        return QCoreApplication.translate(
            "PrivacyDashboardController",
            "Off: this text changed since you agreed. Turn it on to agree to this version.",
        )
    if state.changed_at:
        return QCoreApplication.translate("PrivacyDashboardController", "Off since {when}.").format(
            when=local_time(state.changed_at)
        )
    return QCoreApplication.translate(
        "PrivacyDashboardController", "Off. Nothing is done with this until you turn it on."
    )


def audit_row(event: AuditEvent) -> tuple[str, str, str]:
    """Time, what happened, and its counts and ids (as the log records them)."""
    details = ", ".join(f"{key}: {value}" for key, value in sorted(event.detail.items()))
    return local_time(event.at), core_label(event.label), details


def network_row(entry: NetworkLogEntry) -> tuple[str, ...]:
    """One request as the network log shows it (never a body: the log has none)."""
    status = (
        str(entry.status)
        if entry.status is not None
        else (entry.error or QCoreApplication.translate("PrivacyDashboardController", "failed"))
    )
    return (
        local_time(entry.at),
        entry.purpose,
        entry.method,
        entry.url,
        approx_bytes(entry.bytes_out),
        approx_bytes(entry.bytes_in),
        status,
    )


def receipt_row(request: DeletionRequest) -> tuple[str, ...]:
    """One deletion request and its receipt."""
    return (
        local_time(request.created_at),
        _tr(_SCOPE_LABELS[request.scope]) if request.scope in _SCOPE_LABELS else request.scope,
        _tr(_REQUEST_STATES[request.state]) if request.state in _REQUEST_STATES else request.state,
        request.receipt or "—",
        local_time(request.finished_at),
    )


def last_export_text(event: AuditEvent | None) -> str:
    """When the last export was made, in which format, and what it held."""
    if event is None:
        return QCoreApplication.translate(
            "PrivacyDashboardController", "You have not exported your data yet."
        )
    detail = event.detail
    fmt = str(detail.get("format", "")).upper() or QCoreApplication.translate(
        "PrivacyDashboardController", "Unknown format"
    )
    protection = (
        QCoreApplication.translate("PrivacyDashboardController", "encrypted")
        if detail.get("encrypted")
        else QCoreApplication.translate("PrivacyDashboardController", "not encrypted")
    )
    conversations = COUNTS.conversations(int(detail.get("conversations", 0)))
    messages = COUNTS.messages(int(detail.get("messages", 0)))
    return QCoreApplication.translate(
        "PrivacyDashboardController",
        "{when}: {format}, {protection}, {conversations}, {messages}. (Where the file went is "
        "not recorded.)",
    ).format(
        when=local_time(event.at),
        format=fmt,
        protection=protection,
        conversations=conversations,
        messages=messages,
    )


class PrivacyDashboardController(PageController):
    """Keeps a PrivacyDashboard in step with the facade.

    ``changed`` fires after a consent, retention or history change (the chat's save status
    may differ now); ``noticesChanged`` after notices were fetched.
    """

    changed = Signal()
    noticesChanged = Signal()
    #: The user asked for a Data dialog: ``export``, ``import``, ``delete`` or ``forget``.
    dataActionRequested = Signal(str)

    def __init__(
        self,
        view: PrivacyDashboard,
        service: Confidant,
        db_lane: WorkerPool,
        report_error: ErrorReporter,
        parent: QObject | None = None,
        *,
        io_pool: WorkerPool | None = None,
    ) -> None:
        super().__init__(service, db_lane, report_error, parent)
        self.view = view
        # The notice check talks to the collector off the DB lane (on it, if there is no pool).
        self._io_pool = io_pool if io_pool is not None else db_lane
        self.withdraw_dialog: WithdrawDialog | None = None
        # Consent and retention changes need the guardian's PIN in child mode.
        self.guardian = GuardianGate(service, db_lane, report_error, view, self)
        self._audit_timer = QTimer(self)
        self._audit_timer.setSingleShot(True)
        self._audit_timer.setInterval(AUDIT_SEARCH_DELAY_MS)
        self._audit_timer.timeout.connect(self.search_audit)
        view.audit_search.textChanged.connect(self._audit_timer.start)
        view.retentionChosen.connect(self._on_retention_chosen)
        view.consentToggled.connect(self._on_consent_toggled)
        view.check_notices_button.clicked.connect(self._on_check_notices)
        view.dataActionRequested.connect(self.dataActionRequested)
        view.sensitivity_check.checkRequested.connect(self._on_sensitivity_check)
        # The controller's own texts are composed from what it reads: read and show again.
        follow_language(view, self.refresh)

    def erasure_text(self, stored: str | None, pending: int) -> str:
        """The receipt of the forget-me that left this profile, if there was one.

        ``pending`` is how many deletion requests are still unanswered now (the receipt itself
        only knows how things stood when it was written).
        """
        if not stored:
            return ""
        try:
            receipt = json.loads(stored)
            deleted = receipt["deleted"]
            conversations = COUNTS.conversations(int(deleted.get("conversations", 0)))
            messages = COUNTS.messages(int(deleted.get("messages", 0)))
            at = local_time(str(receipt["at"]))
        except (ValueError, KeyError, TypeError, AttributeError):
            return QCoreApplication.translate(
                "PrivacyDashboardController",
                "Your previous profile was erased (its receipt could not be read).",
            )
        text = QCoreApplication.translate(
            "PrivacyDashboardController",
            "Your previous profile was erased on {when}: {conversations} and {messages} deleted.",
        ).format(when=at, conversations=conversations, messages=messages)
        if pending:
            text += " " + self.tr(
                "%n deletion request(s) waiting to be confirmed upstream.", "", pending
            )
        return text

    # --- reading ---------------------------------------------------------------------------

    @Slot()
    @classmethod
    def for_page(cls, view: QWidget, context: PageContext) -> Self:
        """The controller of ``view``; the notice check talks to the collector on the I/O pool."""
        controller = cls(
            view,  # type: ignore[arg-type]
            context.service,
            context.db_lane,
            context.report_error,
            context.parent,
            io_pool=context.io_pool,
        )
        controller.connect_events(context.events)
        return controller

    def connect_events(self, events: ShellEvents) -> None:
        """Tell the shell when the save status, the notices or a data action are asked for."""
        self.changed.connect(events.saveStatusChanged)
        self.noticesChanged.connect(events.noticesChanged)
        self.dataActionRequested.connect(events.dataActionRequested)

    def refresh(self) -> None:
        """Read everything again and show it."""
        self.run(load_dashboard, on_result=self._show)
        self.search_audit()

    @Slot(str)
    def _on_sensitivity_check(self, text: str) -> None:
        check = self.view.sensitivity_check
        # The classifier touches no database: it runs on the I/O pool (STYLE habit 3).
        if not self._io_pool.closed:
            self._io_pool.submit(
                explain_sensitivity,
                self._service,
                text,
                on_result=lambda found: check.show_result(*found),
                on_error=self._report_error,
            )

    @Slot()
    def search_audit(self) -> None:
        """Filter the privacy log by what is in the search box."""
        self._audit_timer.stop()
        self.run(search_audit, self.view.audit_search.text(), on_result=self._show_audit)

    def _show(self, snapshot: DashboardSnapshot) -> None:
        view = self.view
        view.set_storage_rows(
            [
                (c.data_class, core_label(c.label), str(c.rows), approx_bytes(c.approx_bytes))
                for c in snapshot.storage.classes
            ],
            self.tr("Encrypted database files on disk: {size}").format(
                size=approx_bytes(snapshot.storage.encrypted_file_bytes)
            ),
        )
        for state in snapshot.consents:
            card = view.consent_card(state.scope.value)
            if (card.title_label.text(), card.body_label.text()) != (
                state.text.title,
                state.text.body,
            ):
                card.show_text(state.text.title, state.text.body)
            card.show_state(state.granted, consent_detail(state))
            if snapshot.child_mode and state.scope is not Scope.STORE_CONVERSATIONS:
                # The core refuses sharing in child mode whatever the PIN: say so, not ask.
                card.switch.setEnabled(False)
                card.state_label.setText(_tr(CHILD_MODE_NO_SHARING))
        self._show_schedule(snapshot)
        view.network_table.fill([network_row(e) for e in snapshot.network])
        view.receipts_table.fill([receipt_row(r) for r in snapshot.receipts])
        view.last_export_label.setText(last_export_text(snapshot.last_export))
        view.deletions_table.fill([audit_row(e) for e in snapshot.deletions])
        pending = sum(1 for r in snapshot.receipts if r.state == "pending")
        view.erasure_label.setText(self.erasure_text(snapshot.erasure_receipt, pending))
        view.erasure_label.setVisible(bool(snapshot.erasure_receipt))
        view.notices_table.fill(
            [
                (
                    local_date(n.published_at),
                    n.severity,
                    n.title,
                    self.tr("Yes") if n.read_at else self.tr("No"),
                )
                for n in snapshot.notices
            ]
        )

    def _show_schedule(self, snapshot: DashboardSnapshot) -> None:
        lanes = []
        last_purge = None
        for schedule in snapshot.schedule:
            presets = [(days, retention_label(days)) for days in schedule.presets]
            label = core_label(schedule.label)
            combo, due = self.view.retention_row(schedule.data_class, label, presets)
            index = combo.findData(schedule.days)
            if index < 0:  # a stored value that is no longer a preset: show it as it is
                combo.addItem(retention_label(schedule.days), schedule.days)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
            due.setText(due_in(schedule.next_deletion_at, snapshot.today))
            plan = tuple(
                (dt.date.fromisoformat(day), rows)
                for day, rows in snapshot.upcoming.get(schedule.data_class, ())
            )
            lanes.append(TimelineLane(label, plan))
            last_purge = max(filter(None, (last_purge, schedule.last_purge_at)), default=None)
        self.view.timeline.set_plan(snapshot.today, lanes, TIMELINE_DAYS)
        self.view.timeline_caption.setText(
            self.tr(
                "Each bar is a day on which stored items reach the end of the time you chose and "
                "are deleted; a taller bar deletes more that day."
            )
        )
        self.view.purge_note.setText(
            self.tr(
                "Expired data is deleted when Confidant starts and every hour after that. Last "
                "run: {when}."
            ).format(when=local_time(last_purge, empty=self.tr("not yet")))
        )

    def _show_audit(self, found: tuple[str, list[AuditEvent]]) -> None:
        text, events = found
        if text != self.view.audit_search.text():
            return  # the user typed on; a newer search is on its way
        self.view.audit_table.fill([audit_row(e) for e in events])
        shown = len(events)
        self.view.audit_count.setText(
            self.tr("%n matching event(s)", "", shown)
            if text
            else self.tr("%n event(s) (newest first)", "", shown)
        )

    # --- changing --------------------------------------------------------------------------

    @Slot(str, bool)
    def _on_consent_toggled(self, scope: str, granted: bool) -> None:
        self.guardian.run(
            change_consent,
            scope,
            granted,
            on_result=self._on_consent_changed,
            on_error=self._on_change_failed,
            on_cancel=self.refresh,  # the switch goes back to where the ledger says it is
        )

    def _on_consent_changed(self, change: ConsentChange) -> None:
        self.refresh()
        emit(self.changed)
        if not change.granted and change.stored_conversations:
            self._ask_about_history(change.stored_conversations)

    def _on_change_failed(self, exc: object) -> None:
        self.refresh()  # puts every switch back where the ledger says it is
        self._failed(exc)

    def _ask_about_history(self, stored: int) -> None:
        from app.gui.dialogs.withdraw_dialog import WithdrawDialog

        if self.withdraw_dialog is not None:
            self.withdraw_dialog.close()
        dialog = WithdrawDialog(stored, self.view.window())
        dialog.accepted.connect(self._delete_history)
        # Window-modal but not blocking: the withdrawal itself is already done.
        self.withdraw_dialog = open_dialog(dialog, self._forget_withdraw_dialog)

    @Slot()
    def _forget_withdraw_dialog(self) -> None:
        self.withdraw_dialog = None

    @Slot()
    def _delete_history(self) -> None:
        self.run(delete_stored_history, on_result=self._on_history_deleted)

    def _on_history_deleted(self, _deleted: int) -> None:
        self.refresh()
        emit(self.changed)

    @Slot(str, int)
    def _on_retention_chosen(self, data_class: str, days: int) -> None:
        self.guardian.run(
            set_retention,
            data_class,
            days,
            on_result=lambda _none: self._on_retention_changed(),
            on_error=self._on_change_failed,
            on_cancel=self.refresh,  # the combo shows the stored preset again
        )

    def _on_retention_changed(self) -> None:
        self.refresh()
        emit(self.changed)

    def _on_notices_changed(self) -> None:
        self.refresh()
        emit(self.noticesChanged)

    @Slot()
    def _on_check_notices(self) -> None:
        self.view.check_notices_button.setEnabled(False)
        self.view.notices_status.setText(self.tr("Checking…"))
        # Prepared and recorded on the DB lane; the request itself waits on the I/O pool, so a
        # collector slow to answer holds up no database job.
        failed = self._on_poll_failed

        def record(answer: NoticeAnswer | None) -> None:
            self.run(record_notices, answer, on_result=self._on_polled, on_error=failed)

        def fetch(prepared: NoticeFetch) -> None:
            if not self._io_pool.closed:
                self._io_pool.submit(
                    fetch_notices, self._service, prepared, on_result=record, on_error=failed
                )

        self.run(prepare_notices_now, on_result=fetch, on_error=failed)

    def _on_polled(self, poll: NoticePoll) -> None:
        self.view.check_notices_button.setEnabled(True)
        if not poll.polled:
            text = self.tr(
                "Notices are checked only when an upload collector is set up (Outbox page) and "
                "you share data or turned on checking for notices."
            )
        elif poll.rejected == "unreachable":
            text = self.tr("The collector could not be reached. Nothing changed.")
        elif poll.rejected:
            text = self.tr("The notices were not signed correctly, so they were ignored.")
        else:
            text = (
                self.tr("Checked: %n new.", "", poll.new)
                if poll.new
                else self.tr("Checked: nothing new.")
            )
        self.view.notices_status.setText(text)
        self._on_notices_changed()

    def _on_poll_failed(self, exc: object) -> None:
        self.view.check_notices_button.setEnabled(True)
        self.view.notices_status.setText("")
        self._failed(exc)
