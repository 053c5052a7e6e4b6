"""Export, import, delete and forget me: the Data dialogs and their facade calls on the DB lane."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from app.core.errors import KnownError
from app.core.jobs import Cancelled, CancelToken
from app.gui.controllers.base import ErrorReporter, LaneController
from app.gui.formatting import COUNTS, approx_bytes, local_time
from app.gui.ops.data import (
    delete_chosen,
    delete_import_originals,
    export_profile,
    found_import_sources,
    import_data,
    key_mode,
    rotate_key,
    stored_conversations,
    stored_summary,
    summarize_import,
)
from app.gui.ops.dialogs import open_dialog
from app.gui.progress import ProgressRelay
from app.gui.signals import emit
from app.gui.widgets.data_menu import DataMenu
from app.gui.workers import WorkerPool

if TYPE_CHECKING:
    # Only for annotations: each dialog is loaded when the user first opens it, so none of
    # them holds back the window becoming ready.
    from app.core.conversations import ConversationSummary
    from app.core.erasure import ErasureReceipt
    from app.core.importers.store import DeletionReceipt, ImportResult, ImportSummary
    from app.core.portability import ExportResult
    from app.core.service import Confidant
    from app.gui.dialogs.delete_dialog import DeleteDialog, DeletionChoice
    from app.gui.dialogs.export_dialog import ExportDialog
    from app.gui.dialogs.forget_me_dialog import ForgetMeDialog
    from app.gui.dialogs.import_dialog import ImportDialog
    from app.gui.dialogs.rekey_dialog import RekeyDialog

EXPORT = "export"
IMPORT = "import"
DELETE = "delete"
FORGET = "forget"
REKEY = "rekey"
#: The reason the main window gives once the profile is gone (translated when shown).
ERASED_REASON = QT_TRANSLATE_NOOP(
    "DataController", "Your profile was erased. Start Confidant again for a fresh one."
)

#: Names of what the texts below speak of, by key (each translated where it is shown).
_SOURCE_NAMES = {
    "confidant": QT_TRANSLATE_NOOP("DataController", "a Confidant export"),
    "chatgpt": QT_TRANSLATE_NOOP("DataController", "a ChatGPT export"),
    "claude": QT_TRANSLATE_NOOP("DataController", "a Claude export"),
    "jan": QT_TRANSLATE_NOOP("DataController", "Jan's chats"),
    "lmstudio": QT_TRANSLATE_NOOP("DataController", "LM Studio's chats"),
    "openwebui": QT_TRANSLATE_NOOP("DataController", "an Open WebUI export"),
}
_RECEIPT_LABELS = {
    "conversations": QT_TRANSLATE_NOOP("DataController", "Conversations"),
    "messages": QT_TRANSLATE_NOOP("DataController", "Messages"),
    "preferences": QT_TRANSLATE_NOOP("DataController", "Preferences"),
    "consent_records": QT_TRANSLATE_NOOP("DataController", "Consent records"),
    "privacy_log_events": QT_TRANSLATE_NOOP("DataController", "Privacy log events"),
    "outbox_items": QT_TRANSLATE_NOOP("DataController", "Outbox items"),
    "vault_entries": QT_TRANSLATE_NOOP("DataController", "Anonymization notes"),
    "network_log_entries": QT_TRANSLATE_NOOP("DataController", "Network log entries"),
    "security_notices": QT_TRANSLATE_NOOP("DataController", "Security notices"),
}
_SCOPE_LABELS = {
    "share_for_training": QT_TRANSLATE_NOOP("DataController", "sharing for training"),
    "research": QT_TRANSLATE_NOOP("DataController", "research"),
}


def _tr(marked: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP above, in the interface language."""
    return QCoreApplication.translate("DataController", marked)


def summary_text(summary: ImportSummary) -> str:
    """What the file holds, before anything is stored."""
    lines = [
        QCoreApplication.translate(
            "DataController", "{label}: {conversations} ({messages})."
        ).format(
            label=summary.label,
            conversations=COUNTS.conversations(summary.conversations),
            messages=COUNTS.messages(summary.messages),
        )
    ]
    if summary.first_at and summary.last_at:
        lines.append(
            QCoreApplication.translate("DataController", "From {first} to {last}.").format(
                first=summary.first_at[:10], last=summary.last_at[:10]
            )
        )
    lines.append(
        QCoreApplication.translate(
            "DataController",
            "Older than your retention period ({days} days): {count}.",
        ).format(days=summary.retention_days, count=summary.older_than_retention)
    )
    lines.append(
        QCoreApplication.translate("DataController", "On sensitive topics: {count}.").format(
            count=summary.sensitive
        )
    )
    if summary.already_imported:
        lines.append(
            QCoreApplication.translate(
                "DataController", "Imported before (skipped, no duplicates): {count}."
            ).format(count=summary.already_imported)
        )
    if summary.markers:
        lines.append(
            QCoreApplication.translate(
                "DataController", "Parts that could not be imported leave a marker: {count}."
            ).format(count=sum(count for _kind, count in summary.markers))
        )
    for skipped in summary.skipped:
        lines.append(
            QCoreApplication.translate(
                "DataController", "Cannot be read, skipped: {position} ({reason})"
            ).format(position=skipped.position, reason=skipped.reason)
        )
    return "\n".join(lines)


def originals_receipt_text(receipt: DeletionReceipt) -> str:
    """The receipt of deleting the plaintext originals."""
    lines = [
        QCoreApplication.translate(
            "DataController", "Deleted {count} file(s). Receipt {receipt}, {at}."
        ).format(count=len(receipt.deleted), receipt=receipt.receipt_id, at=receipt.at)
    ]
    lines += [str(path) for path in receipt.deleted]
    lines += [
        QCoreApplication.translate("DataController", "Kept {path}: {why}").format(
            path=path, why=why
        )
        for path, why in receipt.kept
    ]
    return "\n".join(lines)


class ErasureIncomplete(Exception):
    """Forget-me failed part way; ``profile_open`` says whether the store can still be used."""

    def __init__(self, cause: Exception, *, profile_open: bool) -> None:
        super().__init__(type(cause).__name__)
        self.cause = cause
        self.profile_open = profile_open


def forget_me(service: Confidant) -> ErasureReceipt:
    """Erase the profile here and upstream. Runs on the DB lane."""
    try:
        return service.data.forget_me()
    except Exception as exc:
        # It may have failed after closing the store: the window must know which it is.
        raise ErasureIncomplete(exc, profile_open=service.is_open) from exc


# --- presentation ----------------------------------------------------------------------------


def export_summary(result: ExportResult) -> str:
    """Where the export went and what it holds."""
    protection = (
        QCoreApplication.translate("DataController", "encrypted with your passphrase")
        if result.encrypted
        else QCoreApplication.translate("DataController", "not encrypted")
    )
    return QCoreApplication.translate(
        "DataController", "Written to {path}\n{size}, {conversations}, {messages}, {protection}."
    ).format(
        path=result.path,
        size=approx_bytes(result.bytes),
        conversations=COUNTS.conversations(result.conversations),
        messages=COUNTS.messages(result.messages),
        protection=protection,
    )


def import_summary(result: ImportResult) -> str:
    """What came in, and what was left out and why."""
    source = _tr(_SOURCE_NAMES[result.source]) if result.source in _SOURCE_NAMES else result.source
    lines = [
        QCoreApplication.translate(
            "DataController", "Imported {conversations} ({messages}) from {source}."
        ).format(
            conversations=COUNTS.conversations(result.conversations),
            messages=COUNTS.messages(result.messages),
            source=source,
        ),
        QCoreApplication.translate("DataController", "Left out as sensitive: {count}.").format(
            count=result.skipped_sensitive
        ),
        QCoreApplication.translate(
            "DataController", "Left out as expired (older than you keep conversations): {count}."
        ).format(count=result.skipped_expired),
    ]
    if result.preferences:
        lines.append(
            QCoreApplication.translate("DataController", "Preferences restored: {count}.").format(
                count=result.preferences
            )
        )
    if result.already_imported:
        lines.append(
            QCoreApplication.translate(
                "DataController", "Already imported before, skipped: {count}."
            ).format(count=result.already_imported)
        )
    if result.skipped:
        lines.append(
            QCoreApplication.translate(
                "DataController", "Could not be read, skipped: {count}."
            ).format(count=len(result.skipped))
        )
    return "\n".join(lines)


def receipt_rows(receipt: ErasureReceipt) -> list[tuple[str, str]]:
    """What forget-me deleted, as (what, how many): counts only."""
    rows = [
        (
            _tr(_RECEIPT_LABELS[name])
            if name in _RECEIPT_LABELS
            else name.replace("_", " ").capitalize(),
            str(count),
        )
        for name, count in receipt.deleted.items()
    ]
    rows.append(
        (
            QCoreApplication.translate("DataController", "Files in the profile folder"),
            str(receipt.files_removed),
        )
    )
    rows.append(
        (
            QCoreApplication.translate("DataController", "Keys in the system keyring"),
            str(receipt.keyring_entries_removed),
        )
    )
    return rows


def receipt_upstream(receipt: ErasureReceipt) -> str:
    """What the collector answered to each deletion request."""
    if not receipt.upstream:
        return QCoreApplication.translate(
            "DataController",
            "Upstream: nothing had been shared, so there was nothing to delete there.",
        )
    lines = []
    for request in receipt.upstream:
        key = str(request.get("scope"))
        scope = _tr(_SCOPE_LABELS[key]) if key in _SCOPE_LABELS else key
        state = request.get("state")
        if state == "acknowledged":
            answer = QCoreApplication.translate(
                "DataController", "deletion confirmed by the collector (receipt {receipt})"
            ).format(receipt=request.get("receipt"))
        elif state == "rejected":
            answer = QCoreApplication.translate(
                "DataController", "the collector refused the deletion request"
            )
        else:
            answer = QCoreApplication.translate(
                "DataController", "deletion requested; not confirmed yet, it will be sent again"
            )
        lines.append(
            QCoreApplication.translate("DataController", "Upstream, {scope}: {answer}.").format(
                scope=scope, answer=answer
            )
        )
    return "\n".join(lines)


def receipt_text(receipt: ErasureReceipt) -> str:
    """The whole receipt as plain text, to copy and keep."""
    lines = [
        QCoreApplication.translate("DataController", "Confidant erasure receipt, {when}").format(
            when=receipt.at
        )
    ]
    lines += [f"{what}: {count}" for what, count in receipt_rows(receipt)]
    lines.append(receipt_upstream(receipt))
    for request in receipt.upstream:
        lines.append(
            QCoreApplication.translate("DataController", "Request {id}: {state}").format(
                id=request.get("request_id"), state=request.get("state")
            )
        )
    return "\n".join(lines)


def default_export_path(today: dt.date) -> str:
    """Where an export goes unless the user says otherwise."""
    folder = Path.home() / "Documents"
    if not folder.is_dir():
        folder = Path.home()
    return str(folder / f"confidant-export-{today.isoformat()}.json")


class DataController(LaneController):
    """Opens the Data dialogs and runs what they ask for on the DB lane.

    ``changed`` fires after an export, import or deletion (pages and the save status may
    show something else now). After forget-me, ``profileErased(reason)`` fires if nothing is
    left (nothing may use the store any more), or ``profileRenewed`` if a new empty profile
    is open; ``quitRequested`` fires when the user leaves the receipt of an erased profile.
    """

    changed = Signal()
    profileErased = Signal(str)
    # Forget me finished (with or without a new empty profile): the window forgets its size.
    forgotten = Signal()
    profileRenewed = Signal()
    quitRequested = Signal()

    def __init__(
        self,
        menu: DataMenu,
        parent_window: QWidget,
        service: Confidant,
        db_lane: WorkerPool,
        report_error: ErrorReporter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(service, db_lane, report_error, parent)
        self.menu = menu
        self._parent_window = parent_window
        #: The Data dialog on screen, if any, and which one it is.
        self.dialog: QDialog | None = None
        self._kind = ""
        self._cancel: CancelToken | None = None
        self._opening = False
        self._erased = False
        menu.export_action.triggered.connect(self.open_export)
        menu.import_action.triggered.connect(self.open_import)
        menu.delete_action.triggered.connect(self.open_delete)
        menu.forget_action.triggered.connect(self.open_forget_me)
        menu.rekey_action.triggered.connect(self.open_rekey)

    @Slot(str)
    def open(self, which: str) -> None:
        """Open the dialog called ``which``: export, import, delete or forget."""
        {
            EXPORT: self.open_export,
            IMPORT: self.open_import,
            DELETE: self.open_delete,
            FORGET: self.open_forget_me,
            REKEY: self.open_rekey,
        }[which]()

    def _can_open(self) -> bool:
        visible = self.dialog is not None and self.dialog.isVisible()
        return not (visible or self._opening or self._erased or self._db_lane.closed)

    def _show(self, kind: str, dialog: QDialog) -> None:
        self.dialog = dialog
        self._kind = kind
        open_dialog(dialog, self._forget_dialog, forget_when_closed=True)

    @Slot()
    def _forget_dialog(self) -> None:
        # A closed dialog hears nothing more; a later one may already have taken its place.
        if self.sender() is self.dialog:
            self.dialog = None
            self._kind = ""

    def _showing(self, kind: str) -> Any:
        """The dialog of ``kind`` if it is still open, else None (its answer is dropped)."""
        return self.dialog if self._kind == kind else None

    def _report_unexpected(self, exc: object, dialog: Any, text: str) -> None:
        """A KnownError goes in the dialog; anything else there briefly, and to the report."""
        if isinstance(exc, KnownError) and dialog is not None:
            dialog.show_error(exc.one_line())
            return
        if dialog is not None:
            dialog.show_error(text)
        self._failed(exc)

    # --- export ----------------------------------------------------------------------------

    @Slot()
    def open_export(self) -> None:
        """Show the export dialog."""
        if not self._can_open():
            return
        # Each dialog is imported when first shown: none is needed for the window to start.
        from app.gui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(
            default_export_path(dt.date.today()),
            self._service.min_passphrase_length,
            self._parent_window,
        )
        dialog.exportRequested.connect(self._start_export)
        dialog.cancelRequested.connect(self.cancel_export)
        self._show(EXPORT, dialog)

    @Slot(str, str, str)
    def _start_export(self, path: str, fmt: str, passphrase: str) -> None:
        token = CancelToken()
        relay = ProgressRelay(self)
        relay.advanced.connect(self._on_export_progress)
        self._cancel = token

        def finished(_value: object) -> None:
            relay.deleteLater()
            if self._cancel is token:
                self._cancel = None

        job = self.run(
            export_profile,
            Path(path),
            fmt,
            passphrase or None,
            relay,
            token,
            on_result=self._on_exported,
            on_error=self._on_export_failed,
        )
        if job is None:
            relay.deleteLater()
            return
        job.result.connect(finished)
        job.failed.connect(finished)

    @Slot()
    def cancel_export(self) -> None:
        """Stop the running export; it removes what it had written."""
        if self._cancel is not None:
            self._cancel.cancel()

    @Slot(int, int)
    def _on_export_progress(self, done: int, total: int) -> None:
        dialog: ExportDialog | None = self._showing(EXPORT)
        if dialog is not None:
            dialog.show_progress(done, total)

    def _on_exported(self, result: ExportResult) -> None:
        dialog: ExportDialog | None = self._showing(EXPORT)
        if dialog is not None:
            dialog.show_written(export_summary(result))
        emit(self.changed)

    def _on_export_failed(self, exc: object) -> None:
        dialog: ExportDialog | None = self._showing(EXPORT)
        if isinstance(exc, Cancelled):
            if dialog is not None:
                dialog.show_cancelled(self.tr("Cancelled. Nothing was written."))
            return
        self._report_unexpected(exc, dialog, self.tr("The export failed. Nothing was written."))

    # --- import ----------------------------------------------------------------------------

    @Slot()
    def open_import(self) -> None:
        """Show the import dialog."""
        if not self._can_open():
            return
        from app.gui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self._parent_window)
        dialog.summaryRequested.connect(self._start_summary)
        dialog.importRequested.connect(self._start_import)
        dialog.deleteOriginalsRequested.connect(self._start_delete_originals)
        self._show(IMPORT, dialog)
        self.run(found_import_sources, on_result=self._on_found, on_error=lambda _exc: None)

    def _on_found(self, found: list[tuple[str, str, str]]) -> None:
        dialog: ImportDialog | None = self._showing(IMPORT)
        if dialog is not None:
            dialog.set_found(found)

    @Slot(str, str, str)
    def _start_summary(self, path: str, source: str, passphrase: str) -> None:
        self.run(
            summarize_import,
            Path(path).expanduser(),
            source,
            passphrase or None,
            on_result=self._on_summarized,
            on_error=self._on_import_failed,
        )

    def _on_summarized(self, summary: ImportSummary) -> None:
        dialog: ImportDialog | None = self._showing(IMPORT)
        if dialog is not None:
            dialog.show_summary(summary_text(summary))

    @Slot(str, str, str, bool, str)
    def _start_import(
        self,
        path: str,
        source: str,
        passphrase: str,
        include_sensitive: bool,
        retention_start: str,
    ) -> None:
        self.run(
            import_data,
            Path(path).expanduser(),
            source,
            passphrase or None,
            include_sensitive,
            retention_start,
            on_result=self._on_imported,
            on_error=self._on_import_failed,
        )

    def _on_imported(self, result: ImportResult) -> None:
        self._last_import = result
        dialog: ImportDialog | None = self._showing(IMPORT)
        if dialog is not None:
            dialog.show_result(import_summary(result), [str(o.path) for o in result.originals])
        emit(self.changed)

    @Slot()
    def _start_delete_originals(self) -> None:
        result = getattr(self, "_last_import", None)
        if result is None:
            return
        self.run(
            delete_import_originals,
            result,
            on_result=self._on_originals_deleted,
            on_error=self._on_import_failed,
        )

    def _on_originals_deleted(self, receipt: DeletionReceipt) -> None:
        self._last_import = None
        dialog: ImportDialog | None = self._showing(IMPORT)
        if dialog is not None:
            dialog.show_receipt(originals_receipt_text(receipt))

    def _on_import_failed(self, exc: object) -> None:
        dialog: ImportDialog | None = self._showing(IMPORT)
        self._report_unexpected(exc, dialog, self.tr("The import failed. Nothing was changed."))

    # --- delete ----------------------------------------------------------------------------

    @Slot()
    def open_delete(self) -> None:
        """List what is stored, then show the delete dialog."""
        if not self._can_open():
            return
        self._opening = True
        job = self.run(
            stored_conversations, on_result=self._show_delete, on_error=self._on_open_failed
        )
        if job is None:
            self._opening = False

    def _show_delete(self, listed: tuple[dt.date, list[ConversationSummary]]) -> None:
        self._opening = False
        if self._db_lane.closed:
            return
        from app.gui.dialogs.delete_dialog import DeleteDialog

        today, conversations = listed
        dialog = DeleteDialog(conversations, today, self._parent_window)
        dialog.deleteRequested.connect(self._start_delete)
        self._show(DELETE, dialog)

    def _on_open_failed(self, exc: object) -> None:
        self._opening = False
        self._failed(exc)

    @Slot(object)
    def _start_delete(self, choice: DeletionChoice) -> None:
        self.run(delete_chosen, choice, on_result=self._on_deleted, on_error=self._on_delete_failed)

    def _on_deleted(self, outcome: tuple[int, list[ConversationSummary]]) -> None:
        deleted, remaining = outcome
        dialog: DeleteDialog | None = self._showing(DELETE)
        if dialog is not None:
            dialog.set_conversations(remaining)
            dialog.show_deleted(self.tr("Deleted %n conversation(s), for good.", "", deleted))
        emit(self.changed)

    def _on_delete_failed(self, exc: object) -> None:
        dialog: DeleteDialog | None = self._showing(DELETE)
        self._report_unexpected(exc, dialog, self.tr("Nothing was deleted."))

    # --- a new encryption key --------------------------------------------------------------

    @Slot()
    def open_rekey(self) -> None:
        """Explain changing the encryption key; it starts only when the user confirms."""
        if not self._can_open():
            return
        self._opening = True
        job = self.run(key_mode, on_result=self._show_rekey, on_error=self._on_open_failed)
        if job is None:
            self._opening = False

    def _show_rekey(self, mode: str) -> None:
        self._opening = False
        if self._db_lane.closed:
            return
        from app.gui.dialogs.rekey_dialog import RekeyDialog

        dialog = RekeyDialog(mode, self._parent_window)
        dialog.rekeyRequested.connect(self._start_rekey)
        self._show(REKEY, dialog)

    @Slot()
    def _start_rekey(self) -> None:
        self.run(rotate_key, on_result=self._on_rekeyed, on_error=self._on_rekey_failed)

    def _on_rekeyed(self, _none: None) -> None:
        dialog: RekeyDialog | None = self._showing(REKEY)
        if dialog is not None:
            dialog.show_done()
        emit(self.changed)

    def _on_rekey_failed(self, exc: object) -> None:
        dialog: RekeyDialog | None = self._showing(REKEY)
        self._report_unexpected(
            exc,
            dialog,
            self.tr(
                "Changing the key did not finish. Nothing was lost: the next start opens the "
                "store with whichever key works."
            ),
        )

    # --- forget me -------------------------------------------------------------------------

    @Slot()
    def open_forget_me(self) -> None:
        """Say what is stored, then show the forget-me dialog."""
        if not self._can_open():
            return
        self._opening = True
        job = self.run(
            stored_summary, on_result=self._show_forget_me, on_error=self._on_open_failed
        )
        if job is None:
            self._opening = False

    def _show_forget_me(self, stored: str) -> None:
        self._opening = False
        if self._db_lane.closed:
            return
        from app.gui.dialogs.forget_me_dialog import ForgetMeDialog

        dialog = ForgetMeDialog(str(self._service.directory), stored, self._parent_window)
        dialog.forgetRequested.connect(self._start_forget_me)
        self._show(FORGET, dialog)

    @Slot()
    def _start_forget_me(self) -> None:
        self.run(forget_me, on_result=self._on_forgotten, on_error=self._on_forget_failed)

    def _on_forgotten(self, receipt: ErasureReceipt) -> None:
        emit(self.forgotten)
        dialog: ForgetMeDialog | None = self._showing(FORGET)
        if dialog is not None:
            dialog.show_receipt(
                local_time(receipt.at),
                receipt_rows(receipt),
                receipt_upstream(receipt),
                receipt_text(receipt),
                new_profile=receipt.new_profile,
            )
        if receipt.new_profile:
            emit(self.profileRenewed)
            emit(self.changed)
            return
        self._stop_using_the_store()
        if dialog is not None:
            # The receipt stays until the user leaves it; then Confidant quits.
            dialog.finished.connect(self._request_quit)
        else:
            self._request_quit()

    def _on_forget_failed(self, exc: object) -> None:
        dialog: ForgetMeDialog | None = self._showing(FORGET)
        cause = exc.cause if isinstance(exc, ErasureIncomplete) else exc
        self._report_unexpected(
            cause, dialog, self.tr("Forget me did not complete (an internal error).")
        )
        if isinstance(exc, ErasureIncomplete) and not exc.profile_open:
            # It failed after closing the store, part of which may be gone: stop using it,
            # as after a complete erasure. The next start finds out what is left.
            self._stop_using_the_store()

    def _stop_using_the_store(self) -> None:
        self._erased = True
        self.menu.setEnabled(False)
        emit(self.profileErased, _tr(ERASED_REASON))

    @Slot()
    def _request_quit(self) -> None:
        emit(self.quitRequested)
