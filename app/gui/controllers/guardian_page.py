"""Fills the guardian page, and turns child mode on (the setup dialog) or off (the PIN)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from app.core.childmode import (
    MIN_PIN_LENGTH,
    ChildModeStatus,
    guardian_consent_text,
    support_resources,
)
from app.core.errors import InputError
from app.core.resources import resource_path
from app.gui.controllers.base import ErrorReporter, PageController
from app.gui.controllers.guardian import GuardianGate
from app.gui.formatting import local_time
from app.gui.i18n import current_language, follow_language
from app.gui.ops.dialogs import open_dialog
from app.gui.ops.privacy import lock_guardian, turn_child_mode_off, turn_child_mode_on
from app.gui.signals import emit
from app.gui.views.guardian_page import GuardianPage
from app.gui.workers import WorkerPool

if TYPE_CHECKING:
    from app.core.service import Confidant
    from app.gui.dialogs.guardian_setup_dialog import GuardianSetupDialog
    from app.gui.shell_events import ShellEvents


@dataclass(frozen=True)
class GuardianSnapshot:
    """What the guardian page shows, read in one go on the DB lane."""

    status: ChildModeStatus
    consent_text: str
    guide: str
    helplines: str
    helplines_file: str


# --- DB lane -------------------------------------------------------------------------------


def load_guardian(service: Confidant, language: str = "en") -> GuardianSnapshot:
    """Child mode's state and the guardian resources. Runs on the DB lane.

    The helplines are those of ``language`` (the interface's), else the English list.
    """
    folder = resource_path("guardian", "helplines")
    helplines_file = folder / f"{language}.md"
    if not helplines_file.exists():
        helplines_file = folder / "en.md"
    return GuardianSnapshot(
        status=service.child.status(),
        consent_text=guardian_consent_text(),
        guide=resource_path("guardian", "guide.md").read_text(encoding="utf-8"),
        helplines=support_resources(language),
        helplines_file=str(helplines_file),
    )


# --- presentation ----------------------------------------------------------------------------


def status_text(status: ChildModeStatus) -> str:
    """One sentence on where child mode stands."""
    if not status.enabled:
        return QCoreApplication.translate(
            "GuardianPageController",
            "Child mode is off. Set it up to keep nothing, share nothing and protect your "
            "child's personal details; its settings then need your PIN.",
        )
    if status.consent_at:
        text = QCoreApplication.translate(
            "GuardianPageController",
            "Child mode is on since {when}. Changing its settings, or turning it off, needs "
            "your PIN.",
        ).format(when=local_time(status.consent_at))
    else:
        text = QCoreApplication.translate(
            "GuardianPageController",
            "Child mode is on. Changing its settings, or turning it off, needs your PIN.",
        )
    if status.locked_until:
        text += " " + QCoreApplication.translate(
            "GuardianPageController",
            "After too many wrong PINs, no PIN is checked until {when}.",
        ).format(when=local_time(status.locked_until))
    return text


class GuardianPageController(PageController):
    """Keeps a GuardianPage in step with child mode.

    ``changed`` fires after child mode was turned on or off (the save status and the
    assistant's private prompts may differ now); ``childModeChanged(on)`` says which.
    """

    changed = Signal()
    childModeChanged = Signal(bool)
    #: The user asked for a Data dialog (``forget``, for a forgotten PIN).
    dataActionRequested = Signal(str)

    def __init__(
        self,
        view: GuardianPage,
        service: Confidant,
        db_lane: WorkerPool,
        report_error: ErrorReporter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(service, db_lane, report_error, parent)
        self.view = view
        self.guardian = GuardianGate(service, db_lane, report_error, view, self)
        self.setup_dialog: GuardianSetupDialog | None = None
        self._snapshot: GuardianSnapshot | None = None
        view.childModeRequested.connect(self.change_child_mode)
        view.lockRequested.connect(self.lock)
        view.dataActionRequested.connect(self.dataActionRequested)
        # The status and the helplines (each language has its own list) are read again.
        follow_language(view, self.refresh)

    @Slot()
    def connect_events(self, events: ShellEvents) -> None:
        """Tell the shell about child mode, and what it changes."""
        self.changed.connect(events.saveStatusChanged)
        self.changed.connect(events.providerChanged)
        self.childModeChanged.connect(events.childModeChanged)
        self.dataActionRequested.connect(events.dataActionRequested)

    def refresh(self) -> None:
        """Read child mode's state and the resources again, and show them."""
        self.run(load_guardian, current_language(), on_result=self._show)

    def _show(self, snapshot: GuardianSnapshot) -> None:
        self._snapshot = snapshot
        self.view.show_child_mode(snapshot.status.enabled, status_text(snapshot.status))
        self.view.show_guide(
            snapshot.guide,
            snapshot.helplines,
            self.tr(
                "When a message touches a sensitive topic, child mode shows your child this "
                "list. It is a list you can edit: change the file {file} to suit your country "
                "and family."
            ).format(file=snapshot.helplines_file),
        )

    # --- child mode on and off ----------------------------------------------------------

    @Slot()
    def change_child_mode(self) -> None:
        """Open the setup dialog when child mode is off; ask for the PIN to turn it off."""
        snapshot = self._snapshot
        if snapshot is None:
            return
        self.view.show_news("")
        if snapshot.status.enabled:
            self.guardian.with_pin(
                self.tr("Turning child mode off needs the guardian's PIN."),
                turn_child_mode_off,
                on_result=lambda _none: self._on_child_mode(False),
                on_cancel=self.refresh,
                title=self.tr("Turn child mode off"),
                ok_text=self.tr("Turn child mode off"),
            )
        else:
            self.open_setup(snapshot.consent_text)

    def open_setup(self, consent_text: str) -> None:
        """Show the setup dialog (window-modal, without blocking)."""
        from app.gui.dialogs.guardian_setup_dialog import GuardianSetupDialog

        if self.setup_dialog is not None:
            self.setup_dialog.close()
        dialog = GuardianSetupDialog(consent_text, MIN_PIN_LENGTH, self.view.window())
        dialog.enableRequested.connect(self._enable)
        self.setup_dialog = dialog
        open_dialog(dialog, lambda: self._forget_setup(dialog), forget_when_closed=True)

    def _forget_setup(self, closed: GuardianSetupDialog) -> None:
        if self.setup_dialog is closed:
            self.setup_dialog = None

    @Slot(str)
    def _enable(self, pin: str) -> None:
        dialog = self.setup_dialog
        self.run(
            turn_child_mode_on,
            pin,
            on_result=lambda _none: self._on_enabled(dialog),
            on_error=lambda exc: self._on_enable_failed(dialog, exc),
        )

    def _on_enabled(self, dialog: GuardianSetupDialog | None) -> None:
        if dialog is not None and dialog is self.setup_dialog:
            dialog.accept()
        self._on_child_mode(True)

    def _on_enable_failed(self, dialog: GuardianSetupDialog | None, exc: object) -> None:
        self.refresh()
        if isinstance(exc, InputError) and dialog is not None and dialog is self.setup_dialog:
            dialog.show_error(exc.message)
            return
        if dialog is not None and dialog is self.setup_dialog:
            dialog.reject()
        self._failed(exc)

    def _on_child_mode(self, on: bool) -> None:
        self.view.show_news(
            self.tr("Child mode is on.")
            if on
            else self.tr("Child mode is off. Settings no longer need a PIN.")
        )
        self.refresh()
        # The window follows (the badge on every screen): MainWindow.set_child_mode.
        emit(self.childModeChanged, on)
        emit(self.changed)

    @Slot()
    def lock(self) -> None:
        """End the guardian's PIN session at once."""
        self.run(lock_guardian, on_result=self._on_locked)

    def _on_locked(self, _none: None) -> None:
        self.view.show_news(self.tr("Settings are locked: the next change needs the PIN."))
