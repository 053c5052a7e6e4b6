"""The periodic privacy checkup: asks the facade whether it is due, and shows the prompt."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.gui.controllers.base import ErrorReporter, LaneController
from app.gui.dialogs.privacy_checkup_dialog import PrivacyCheckupDialog
from app.gui.formatting import COUNTS
from app.gui.ops.dialogs import open_dialog
from app.gui.ops.privacy import complete_checkup
from app.gui.signals import emit
from app.gui.workers import WorkerPool

if TYPE_CHECKING:
    from app.core.service import Confidant


@dataclass(frozen=True)
class CheckupPrompt:
    """What the privacy checkup shows when it is due."""

    stored: str
    consents_on: tuple[str, ...]
    interval_days: int


def checkup_prompt(service: Confidant) -> CheckupPrompt | None:
    """What the privacy checkup should show, or None when it is not due. Runs on the DB lane."""
    if not service.data.privacy_checkup_due():
        return None
    counts = {c.data_class: c.rows for c in service.data.storage_summary().classes}
    stored = QCoreApplication.translate(
        "PrivacyCheckupController",
        "{conversations} ({messages}), your preferences, your consent records and the privacy log",
    ).format(
        conversations=COUNTS.conversations(counts.get("conversations", 0)),
        messages=COUNTS.messages(counts.get("messages", 0)),
    )
    consents_on = tuple(state.text.title for state in service.consent.consents() if state.granted)
    days = int(service.prefs.get("privacy_checkup_days"))
    return CheckupPrompt(stored, consents_on, days)


class PrivacyCheckupController(LaneController):
    """Shows the checkup when it is due; ``reviewRequested`` asks for the privacy page.

    "Review now" records the checkup as done; "Later" records nothing and changes nothing.
    """

    reviewRequested = Signal()

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
        self.dialog: PrivacyCheckupDialog | None = None

    def check(self) -> None:
        """Ask whether the checkup is due; show it if so."""
        self.run(checkup_prompt, on_result=self._show)

    def _show(self, prompt: CheckupPrompt | None) -> None:
        if prompt is None or self._db_lane.closed:
            return
        dialog = PrivacyCheckupDialog(
            prompt.stored, prompt.consents_on, prompt.interval_days, self._parent_window
        )
        dialog.accepted.connect(self._review)
        # Not modal: the user may keep chatting and come back to it.
        self.dialog = open_dialog(dialog, self._forget_dialog, modal=False)

    @Slot()
    def _forget_dialog(self) -> None:
        self.dialog = None

    @Slot()
    def _review(self) -> None:
        emit(self.reviewRequested)
        self.run(complete_checkup)
