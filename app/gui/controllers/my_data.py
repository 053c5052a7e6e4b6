"""My data: what is stored about the user and "Delete my data", on the DB lane, with no PIN."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.core.errors import KnownError
from app.gui.controllers.base import ErrorReporter, LaneController
from app.gui.core_labels import core_label
from app.gui.formatting import COUNTS, local_date
from app.gui.ops.dialogs import open_dialog
from app.gui.signals import emit
from app.gui.workers import WorkerPool

if TYPE_CHECKING:
    from app.core.domains.data import MyDataDeleted
    from app.core.service import Confidant
    from app.gui.dialogs.my_data_dialog import MyDataDialog

Rows = list[tuple[str, str]]

#: What each consent is called (translated when shown).
_SCOPES = {
    "store_conversations": QT_TRANSLATE_NOOP("MyDataController", "Keeping conversations"),
    "share_for_training": QT_TRANSLATE_NOOP("MyDataController", "Sharing to train the assistant"),
    "research": QT_TRANSLATE_NOOP("MyDataController", "Sharing for research"),
}


@dataclass(frozen=True)
class AboutMe:
    """What is stored about the user, as read on the DB lane (put into words on the GUI's)."""

    display_name: str
    #: The built-in picture's name (the core's, in English), or None for the user's own.
    builtin_picture: str | None
    voice: str
    conversations: int
    messages: int
    vault_entries: int
    consent_records: int
    audit_entries: int
    #: (scope, granted) for each consent.
    consents: tuple[tuple[str, bool], ...]
    child_mode: bool
    child_mode_since: str | None


def about_me(service: Confidant) -> AboutMe:
    """What is stored about the user. Runs on the DB lane."""
    from app.core.preferences import BUILTIN_AVATARS, CUSTOM_AVATAR, VOICES

    preferences = service.prefs.all()
    avatar = str(preferences["avatar"])
    stored = {c.data_class: c.rows for c in service.data.storage_summary().classes}
    child = service.child.status()
    return AboutMe(
        display_name=str(preferences["display_name"]),
        builtin_picture=None if avatar == CUSTOM_AVATAR else BUILTIN_AVATARS.get(avatar, avatar),
        voice=VOICES.get(str(preferences["voice"]), "Default"),
        conversations=stored.get("conversations", 0),
        messages=stored.get("messages", 0),
        vault_entries=stored.get("vault", 0),
        consent_records=stored.get("consents", 0),
        audit_entries=stored.get("audit", 0),
        consents=tuple((state.scope.value, state.granted) for state in service.consent.consents()),
        child_mode=child.enabled,
        child_mode_since=child.consent_at,
    )


def delete_my_data(service: Confidant) -> tuple[MyDataDeleted, AboutMe]:
    """Delete the user's own data (no PIN); return what went and what is stored now. DB lane."""
    deleted = service.data.delete_my_data()
    return deleted, about_me(service)


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
        self.dialog = dialog
        open_dialog(dialog, self._forget_dialog, forget_when_closed=True)
        self.run(about_me, on_result=self._show_summary)

    @Slot()
    def _forget_dialog(self) -> None:
        if self.sender() is self.dialog:
            self.dialog = None

    def _show_summary(self, facts: AboutMe) -> None:
        if self.dialog is not None:
            self.dialog.show_summary(self.summary(facts))

    def summary(self, facts: AboutMe) -> Rows:
        """What is stored about the user, as (what, in words) rows."""
        if facts.builtin_picture is None:
            picture = self.tr("your own picture (kept without its hidden details)")
        else:
            picture = self.tr("{picture} (a built-in picture)").format(
                picture=core_label(facts.builtin_picture)
            )
        conversations = COUNTS.conversations(facts.conversations)
        if facts.child_mode:
            conversations = self.tr("{conversations} (in child mode, chats are never kept)").format(
                conversations=conversations
            )
        agreements = "; ".join(
            self.tr("{consent}: {state}").format(
                consent=QCoreApplication.translate("MyDataController", _SCOPES[scope])
                if scope in _SCOPES
                else scope,
                state=self.tr("on") if granted else self.tr("off"),
            )
            for scope, granted in facts.consents
        )
        rows: Rows = [
            (self.tr("Your nickname"), facts.display_name or self.tr("none")),
            (self.tr("Your picture"), picture),
            (self.tr("Voice"), core_label(facts.voice)),
            (self.tr("Conversations kept"), conversations),
            (self.tr("Messages kept"), str(facts.messages)),
            (self.tr("Notes that hide your details"), str(facts.vault_entries)),
            (
                self.tr("What was agreed"),
                self.tr("{agreements} ({records})").format(
                    agreements=agreements,
                    records=self.tr("%n record(s)", "", facts.consent_records),
                ),
            ),
            (
                self.tr("Privacy log"),
                self.tr(
                    "%n entry(s): what happened and when, never what you wrote",
                    "",
                    facts.audit_entries,
                ),
            ),
        ]
        if facts.child_mode:
            rows.append(
                (
                    self.tr("Child mode"),
                    self.tr("on since {day}, set by a grown-up").format(
                        day=local_date(facts.child_mode_since)
                    ),
                )
            )
        return rows

    def deleted_text(self, deleted: MyDataDeleted) -> str:
        """What "Delete my data" removed, in one sentence."""
        return self.tr(
            "Done: deleted %n kept conversation(s), and your nickname, picture and voice are "
            "back to how they started.",
            "",
            deleted.conversations,
        )

    @Slot()
    def _start_delete(self) -> None:
        self.run(delete_my_data, on_result=self._on_deleted, on_error=self._on_delete_failed)

    def _on_deleted(self, outcome: tuple[MyDataDeleted, AboutMe]) -> None:
        deleted, facts = outcome
        if self.dialog is not None:
            self.dialog.show_summary(self.summary(facts))
            self.dialog.show_deleted(self.deleted_text(deleted))
        emit(self.changed)

    def _on_delete_failed(self, exc: object) -> None:
        if self.dialog is not None:
            if isinstance(exc, KnownError):
                self.dialog.show_error(exc.one_line())
                return
            self.dialog.show_error(self.tr("Nothing was deleted (an internal error)."))
        self._failed(exc)
