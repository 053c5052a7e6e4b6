"""My data: what is stored about the user and "Delete my data", on the DB lane, with no PIN."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.core.errors import KnownError
from app.gui.controllers.base import ErrorReporter, LaneController
from app.gui.formatting import local_date, plural
from app.gui.signals import emit
from app.gui.workers import WorkerPool

if TYPE_CHECKING:
    from app.core.service import Confidant, MyDataDeleted
    from app.gui.dialogs.my_data_dialog import MyDataDialog

Rows = list[tuple[str, str]]

_SCOPES = {
    "store_conversations": "Keeping conversations",
    "share_for_training": "Sharing to train the assistant",
    "research": "Sharing for research",
}


def about_me(service: Confidant) -> Rows:
    """What is stored about the user, as (what, in words) rows. Runs on the DB lane."""
    from app.core.preferences import BUILTIN_AVATARS, CUSTOM_AVATAR, VOICES

    preferences = service.preferences.all()
    avatar = str(preferences["avatar"])
    if avatar == CUSTOM_AVATAR:
        picture = "your own picture (kept without its hidden details)"
    else:
        picture = f"{BUILTIN_AVATARS.get(avatar, avatar)} (a built-in picture)"
    stored = {c.data_class: c.rows for c in service.storage_summary().classes}
    child = service.child_mode_status()
    conversations = plural(stored.get("conversations", 0), "conversation")
    if child.enabled:
        conversations += " (in child mode, chats are never kept)"
    agreements = "; ".join(
        f"{_SCOPES.get(state.scope.value, state.scope.value)}: {'on' if state.granted else 'off'}"
        for state in service.consents()
    )
    rows: Rows = [
        ("Your nickname", str(preferences["display_name"]) or "none"),
        ("Your picture", picture),
        ("Voice", VOICES.get(str(preferences["voice"]), "Default")),
        ("Conversations kept", conversations),
        ("Messages kept", str(stored.get("messages", 0))),
        ("Notes that hide your details", str(stored.get("vault", 0))),
        ("What was agreed", f"{agreements} ({plural(stored.get('consents', 0), 'record')})"),
        (
            "Privacy log",
            f"{plural(stored.get('audit', 0), 'entry', 'entries')}: what happened and when, "
            "never what you wrote",
        ),
    ]
    if child.enabled:
        rows.append(("Child mode", f"on since {local_date(child.consent_at)}, set by a grown-up"))
    return rows


def delete_my_data(service: Confidant) -> tuple[MyDataDeleted, Rows]:
    """Delete the user's own data (no PIN); return what went and what is stored now. DB lane."""
    deleted = service.delete_my_data()
    return deleted, about_me(service)


def deleted_text(deleted: MyDataDeleted) -> str:
    """What "Delete my data" removed, in one sentence."""
    return (
        f"Done: deleted {plural(deleted.conversations, 'kept conversation')}, and your "
        "nickname, picture and voice are back to how they started."
    )


class MyDataController(LaneController):
    """Opens the My data dialog at once, fills it from the DB lane, and deletes on request.

    ``changed`` fires after a deletion (pages and the save status may show something else).
    """

    changed = Signal()

    def __init__(
        self,
        parent_window: QWidget,
        service: Confidant,
        db_lane: WorkerPool,
        report_error: ErrorReporter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(service, db_lane, report_error, parent)
        self._parent_window = parent_window
        #: The dialog on screen, if any.
        self.dialog: MyDataDialog | None = None

    @Slot()
    def open(self) -> None:
        """Show the dialog now (what is stored follows from the DB lane)."""
        if self._db_lane.closed:
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        from app.gui.dialogs.my_data_dialog import MyDataDialog

        dialog = MyDataDialog(self._parent_window)
        dialog.deleteRequested.connect(self._start_delete)
        dialog.finished.connect(self._forget_dialog)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        # Window-modal, and open() returns at once: no nested event loop.
        dialog.open()
        self.run(about_me, on_result=self._show_summary)

    @Slot()
    def _forget_dialog(self) -> None:
        if self.sender() is self.dialog:
            self.dialog = None

    def _show_summary(self, rows: Rows) -> None:
        if self.dialog is not None:
            self.dialog.show_summary(rows)

    @Slot()
    def _start_delete(self) -> None:
        self.run(delete_my_data, on_result=self._on_deleted, on_error=self._on_delete_failed)

    def _on_deleted(self, outcome: tuple[MyDataDeleted, Rows]) -> None:
        deleted, rows = outcome
        if self.dialog is not None:
            self.dialog.show_summary(rows)
            self.dialog.show_deleted(deleted_text(deleted))
        emit(self.changed)

    def _on_delete_failed(self, exc: object) -> None:
        if self.dialog is not None:
            if isinstance(exc, KnownError):
                self.dialog.show_error(exc.one_line())
                return
            self.dialog.show_error("Nothing was deleted (an internal error).")
        self._failed(exc)
