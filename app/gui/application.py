"""The GUI entry point: the QApplication, the start-up flow (first run, key, open) and main()."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QApplication, QDialog

from app.core.errors import KnownError, ProfileLocked, WrongKey
from app.gui.app_icon import APP_ID, install_window_icon
from app.gui.i18n import SYSTEM, use_preference
from app.gui.main_window import MainWindow
from app.gui.signals import emit
from app.gui.workers import WorkerPool, db_lane, io_pool

if TYPE_CHECKING:
    # Only for annotations: the store is imported on the DB lane, after the first paint, and
    # the recurring jobs once the profile is open.
    from app.core.service import Confidant
    from app.gui.background import BackgroundJobs, Timings
    from app.gui.controllers.lock_page import AppLockController

# The dialogs are imported where they are shown, after the first paint: none can be needed
# sooner, and loading their Qt classes would hold the window back.

log = logging.getLogger(__name__)

ServiceFactory = Callable[[], "Confidant"]

#: Start opening even if the window was never painted (minimised, or no compositor).
OPEN_FALLBACK_MS = 500
#: Exit status when the user quits from a dialog, and when the profile cannot be opened.
EXIT_OK = 0
EXIT_PROFILE_ERROR = 1
#: What the window says when the profile cannot be opened (translated when shown).
UNUSABLE_TEXT = QT_TRANSLATE_NOOP("Shell", "Confidant could not open your profile.")


class StartupFacts(NamedTuple):
    """What the start-up flow needs to know before opening anything."""

    profile_dir: Path
    profile_exists: bool
    needs_passphrase: bool
    keyring_secure: bool
    keyring_detail: str
    min_passphrase_length: int
    provider_label: str


def default_service() -> Confidant:
    """The facade on the default profile (``CONFIDANT_HOME`` or the platform data folder)."""
    from app.core.service import Confidant

    return Confidant()


def gather_facts(service: Confidant) -> StartupFacts:
    """Look at the profile and the keyring, creating nothing. Runs on the DB lane."""
    keyring = service.health.keyring_status()
    return StartupFacts(
        profile_dir=service.directory,
        profile_exists=service.profile_exists(),
        needs_passphrase=service.needs_passphrase(),
        keyring_secure=keyring.secure,
        keyring_detail=keyring.sentence,
        min_passphrase_length=service.min_passphrase_length,
        provider_label=service.assistant.provider_label,
    )


def open_and_verify(service: Confidant, passphrase: str | None) -> None:
    """Open the profile, check every page of its store, then purge. Runs on the DB lane.

    The integrity check comes before the retention purge, the first thing that writes, so a
    damaged store is reported (naming its pages) and closed again without being written to.
    """
    try:
        service.open(passphrase, purge=False)
        service.health.verify_integrity()
        service.data.purge_expired()
    except BaseException:
        close_quietly(service)
        raise


def open_and_read_language(service: Confidant, passphrase: str | None) -> str:
    """``open_and_verify``, then read the Language preference. Runs on the DB lane."""
    open_and_verify(service, passphrase)
    try:
        return str(service.prefs.get("language"))
    except BaseException:
        close_quietly(service)
        raise


def close_service(service: Confidant) -> None:
    """Close the store. Runs on the DB lane."""
    service.close()


def close_quietly(service: Confidant) -> None:
    """Close the store after a failure, keeping that failure the one the user hears about."""
    try:
        service.close()
    except Exception as exc:  # noqa: BLE001 - the first error is the one that matters
        log.warning("Closing the store after a failure failed too (%s).", type(exc).__name__)


class Shell(QObject):
    """The application's wiring: the window, the worker pools and the start-up flow.

    Everything the facade does runs on ``db_lane``. The dialog on screen, if any, is
    ``current_dialog``. ``finished`` carries the exit status once the shell has shut down.
    """

    #: The profile is open and the first conversation can take input.
    ready = Signal()
    #: The shell has shut down; the argument is the exit status.
    finished = Signal(int)

    def __init__(
        self,
        service_factory: ServiceFactory,
        parent: QObject | None = None,
        *,
        timings: Timings | None = None,
    ) -> None:
        super().__init__(parent)
        self._service_factory = service_factory
        self._timings = timings
        #: The hourly purge, the outbox flush and the notice poll, once the profile is open.
        self.background: BackgroundJobs | None = None
        self.service: Confidant | None = None
        self.facts: StartupFacts | None = None
        self.current_dialog: QDialog | None = None
        self.db_lane: WorkerPool = db_lane(self)
        self.io_pool: WorkerPool = io_pool(self)
        # The system's language until the profile, which holds the preference, is open.
        use_preference(SYSTEM)
        self.window = MainWindow(self.db_lane, network_pool=self.io_pool)
        #: The app lock (idle detector, Lock now, lock screen), once the profile is open.
        self.app_lock: AppLockController | None = None
        #: Overrides the app lock's idle time, in milliseconds (tests set a short one).
        self.idle_ms: int | None = None
        self.window.closing.connect(self._on_window_closing)
        self.window.conversationStarted.connect(self._on_conversation_started)
        self._began = False
        self._became_ready = False
        self._shut_down = False
        self._quitting = False
        self._exit_code = EXIT_OK
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.timeout.connect(self._begin)

    # --- start-up --------------------------------------------------------------------------

    def start(self) -> None:
        """Show the window, then open the profile once it has painted."""
        self.window.show_opening()
        # The store is opened after the first paint, so the user sees the window at once
        # instead of waiting for the store code to load and the keyring to answer.
        self.window.installEventFilter(self)
        self.window.show()
        self._fallback.start(OPEN_FALLBACK_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Start opening the profile once the window's first paint is under way."""
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            # Queued, so this paint completes before any work is started.
            QTimer.singleShot(0, self._begin)
        return False

    @Slot()
    def _begin(self) -> None:
        if self._began or self._shut_down:
            return
        self._began = True
        self._fallback.stop()
        # Reading the icon is kept out of the first paint too; the window system shows it now.
        install_window_icon()
        self.db_lane.submit(
            self._service_factory, on_result=self._on_service, on_error=self._on_open_failed
        )

    @Slot(object)
    def _on_service(self, service: Confidant) -> None:
        self.service = service
        self.db_lane.submit(
            gather_facts, service, on_result=self._on_facts, on_error=self._on_open_failed
        )

    @Slot(object)
    def _on_facts(self, facts: StartupFacts) -> None:
        self.facts = facts
        self.window.provider_label.set_label(facts.provider_label)
        # The child-mode badge before the store opens: from the hint of the profile being
        # opened, wherever the service factory put it.
        self.window.child_indicator.use_hints_from(facts.profile_dir)
        if facts.profile_exists:
            self._choose_key()
            return
        from app.gui.dialogs.first_run_dialog import FirstRunDialog

        dialog = FirstRunDialog(self.window)
        dialog.accepted.connect(self._choose_key)
        dialog.rejected.connect(self._quit_by_choice)
        self._show_dialog(dialog)

    @Slot()
    def _choose_key(self) -> None:
        facts = self.facts
        assert facts is not None
        if facts.needs_passphrase:
            self._ask_passphrase(creating=False)
        elif not facts.profile_exists and not facts.keyring_secure:
            from app.gui.dialogs.keyring_dialog import KeyringDialog

            dialog = KeyringDialog(facts.keyring_detail, self.window)
            dialog.accepted.connect(self._ask_new_passphrase)
            dialog.rejected.connect(self._quit_by_choice)
            self._show_dialog(dialog)
        else:
            self._open(None)

    @Slot()
    def _ask_new_passphrase(self) -> None:
        self._ask_passphrase(creating=True)

    def _ask_passphrase(self, *, creating: bool) -> None:
        assert self.facts is not None
        from app.gui.dialogs.passphrase_dialog import PassphraseDialog

        dialog = PassphraseDialog(
            creating=creating, min_length=self.facts.min_passphrase_length, parent=self.window
        )
        dialog.passphraseChosen.connect(self._open)
        dialog.rejected.connect(self._quit_by_choice)
        self._show_dialog(dialog)

    @Slot(str)
    def _open(self, passphrase: str | None) -> None:
        assert self.service is not None
        self.db_lane.submit(
            open_and_read_language,
            self.service,
            passphrase,
            on_result=self._on_opened,
            on_error=self._on_open_failed,
        )

    @Slot(object)
    def _on_opened(self, language: object) -> None:
        assert self.service is not None
        self._dismiss_dialog(accepted=True)
        # The chosen language before anything of the profile is shown.
        use_preference(str(language))
        self.window.attach(self.service)
        self._start_background(self.service)
        self._start_app_lock(self.service)

    def _start_app_lock(self, service: Confidant) -> None:
        from app.gui.controllers.lock_page import AppLockController

        lock = AppLockController(
            self.window, service, self.db_lane, open_and_verify, idle_ms=self.idle_ms, parent=self
        )
        # Nothing runs on the closed store: the recurring jobs pause while it is locked.
        lock.locked.connect(self._pause_background)
        lock.unlocked.connect(self._resume_background)
        if self.window.data is not None:
            self.window.data.profileRenewed.connect(lock.refresh)
            self.window.data.profileErased.connect(lock.stop)
        self.app_lock = lock
        lock.refresh()

    @Slot()
    def _pause_background(self) -> None:
        if self.background is not None:
            self.background.stop()

    @Slot()
    def _resume_background(self) -> None:
        if self.background is not None and not self._shut_down:
            self.background.start()

    def _start_background(self, service: Confidant) -> None:
        from app.gui.background import BackgroundJobs

        jobs = BackgroundJobs(service, self.db_lane, self._timings, self, io_pool=self.io_pool)
        jobs.noticesPolled.connect(self.window.refresh_notices)
        jobs.purged.connect(self.window.refresh_current_page)
        jobs.flushed.connect(self.window.refresh_current_page)
        self.window.status.watch(jobs)
        self.background = jobs
        jobs.start()

    @Slot(str)
    def _on_conversation_started(self, _conversation_id: str) -> None:
        if not self._became_ready:
            self._became_ready = True
            emit(self.ready)

    @Slot(object)
    def _on_open_failed(self, exc: Exception) -> None:
        # Imported here: the attempt limits (datetime, dataclasses) would hold the first paint.
        from app.core.attempts import LockedOut
        from app.gui.dialogs.crash_dialog import CrashDialog
        from app.gui.dialogs.passphrase_dialog import PassphraseDialog
        from app.gui.dialogs.store_error_dialog import StoreErrorDialog

        dialog = self.current_dialog
        unlocking = isinstance(dialog, PassphraseDialog) and not dialog.creating
        if unlocking and isinstance(exc, WrongKey | LockedOut):
            # A mistyped passphrase, or too many: say so in the dialog; the user may try again.
            dialog.show_error(exc.one_line())
            return
        if isinstance(exc, ProfileLocked) and dialog is None:
            # The keyring holds a locked key that profile.json did not know of yet (an app lock
            # turned on just before a crash): ask for the passphrase after all.
            self._ask_passphrase(creating=False)
            return
        self._exit_code = EXIT_PROFILE_ERROR
        self.window.show_unusable(QCoreApplication.translate("Shell", UNUSABLE_TEXT))
        replacement: QDialog
        if isinstance(exc, KnownError):
            profile_dir = self.facts.profile_dir if self.facts else self._service_dir()
            replacement = StoreErrorDialog(exc, profile_dir, self.window)
        else:
            log.error("Opening the profile failed with an internal error (%s).", type(exc).__name__)
            replacement = CrashDialog(exc, self.window)
        replacement.finished.connect(self._quit_after_error)
        self._show_dialog(replacement)

    def _service_dir(self) -> Path | None:
        return self.service.directory if self.service is not None else None

    # --- dialogs ---------------------------------------------------------------------------

    def _show_dialog(self, dialog: QDialog) -> None:
        self._dismiss_dialog(accepted=True)
        self.current_dialog = dialog
        # open() is window-modal and returns at once: nothing blocks in a nested event loop.
        dialog.open()

    def _dismiss_dialog(self, *, accepted: bool) -> None:
        dialog = self.current_dialog
        if dialog is None:
            return
        self.current_dialog = None
        # The dialog is done (or being replaced): no signal of it may make a second decision.
        dialog.blockSignals(True)
        from app.gui.dialogs.passphrase_dialog import PassphraseDialog

        if isinstance(dialog, PassphraseDialog):
            dialog.clear_secrets()
        dialog.done(QDialog.DialogCode.Accepted if accepted else QDialog.DialogCode.Rejected)
        dialog.deleteLater()

    # --- quitting --------------------------------------------------------------------------

    @Slot()
    def _quit_by_choice(self) -> None:
        self.quit(EXIT_OK)

    @Slot(int)
    def _quit_after_error(self, _result: int) -> None:
        self.quit(EXIT_PROFILE_ERROR)

    @Slot()
    def _on_window_closing(self) -> None:
        self.quit()

    def quit(self, code: int | None = None) -> None:
        """Close any dialog and the window, shut down, and emit ``finished``.

        Without ``code`` the exit status says whether the profile failed to open.
        """
        if self._quitting:
            return
        self._quitting = True
        self._dismiss_dialog(accepted=False)
        self.shutdown()
        self.window.close()
        emit(self.finished, self._exit_code if code is None else code)

    @Slot()
    def shutdown(self) -> None:
        """Stop input, close the store on the DB lane and wait for both pools. Idempotent."""
        if self._shut_down:
            return
        self._shut_down = True
        self._fallback.stop()
        if self.background is not None:
            self.background.stop()
        if self.app_lock is not None:
            self.app_lock.stop()
        self.window.stop_input()
        if self.service is not None:
            self.db_lane.submit_and_forget(close_service, self.service)
        self.db_lane.shutdown()
        self.io_pool.shutdown()


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication, named for settings paths and the desktop environment."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(list(argv if argv is not None else sys.argv))
    app.setApplicationName("Confidant")
    app.setOrganizationName("Confidant")
    # The desktop file's id (packaging/), so a Wayland compositor finds its name and icon.
    app.setDesktopFileName(APP_ID)
    from app.gui.theme import follow_system_theme

    # Follows the system's light or dark scheme (first look once the window has painted).
    follow_system_theme(app)
    return app


def build_shell(app: QApplication, service_factory: ServiceFactory = default_service) -> Shell:
    """The shell, wired to ``app``: its end ends the event loop, and quitting closes the store."""
    shell = Shell(service_factory)
    shell.finished.connect(app.exit)
    # Whatever ends the event loop, the store is closed on its lane before the process exits.
    app.aboutToQuit.connect(shell.shutdown)
    return shell


def main() -> int:
    """Run the GUI until the window closes; return the exit status."""
    logging.basicConfig(level=logging.WARNING, format="confidant: %(levelname)s: %(message)s")
    app = create_application()
    from app.gui.crash_handler import install_crash_handler

    # Any uncaught exception ends in the crash dialog, with a redacted report; none is sent.
    install_crash_handler(app)
    shell = build_shell(app)
    shell.start()
    status = app.exec()
    shell.shutdown()
    return status


if __name__ == "__main__":
    sys.exit(main())
