"""The lock page's controller, the app lock: idle detector, Lock now, unlocking, Preferences.

Locking never cuts work short: while a reply streams or the DB lane is busy (an export, an
import, a background job), the lock waits for it to finish; Lock now stops a streaming reply
first (what arrived is kept, as with Stop). Then input stops, the window shows the lock
screen (the transcript and every page's contents go), and the store is closed on the DB lane,
so the facade no longer holds the key. Unlocking reopens the store on the lane with the
passphrase and attaches the window again, on a new chat.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from app.core.errors import KnownError
from app.gui.controllers.base import ErrorReporter, LaneController
from app.gui.controllers.guardian import GuardianGate
from app.gui.formatting import COUNTS
from app.gui.i18n import follow_language
from app.gui.ops.dialogs import open_dialog
from app.gui.ops.lock import (
    app_lock_status,
    disable_app_lock,
    enable_app_lock,
    lock_service,
    set_idle_minutes,
)
from app.gui.signals import emit
from app.gui.views.lock_page import LockScreen
from app.gui.workers import WorkerPool

if TYPE_CHECKING:
    from app.core.domains.lock import AppLockStatus
    from app.core.service import Confidant
    from app.gui.dialogs.app_lock_dialog import AppLockDialog
    from app.gui.shell_events import LockableShell
    from app.gui.views.preferences_page import PreferencesPage

log = logging.getLogger(__name__)

MINUTE_MS = 60 * 1000
#: How often a postponed lock looks again whether the work it waits for is done.
RETRY_MS = 250
#: What counts as the user being there.
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)

Opener = Callable[["Confidant", str], None]


#: The idle times offered in Preferences, in minutes (0: never).
IDLE_PRESETS = (1, 5, 10, 15, 30, 60, 0)


def idle_text(minutes: int) -> str:
    """An idle time in words, as the Preferences list shows it."""
    if minutes == 0:
        return QCoreApplication.translate("AppLockSettings", "Never lock by itself")
    return QCoreApplication.translate("AppLockSettings", "After {minutes} without use").format(
        minutes=COUNTS.minutes(minutes)
    )


class IdleWatcher(QObject):
    """Emits ``idle`` once no user input has reached the application for ``interval_ms``.

    An application-wide event filter restarts a single-shot timer on each key press, click,
    wheel turn or mouse move, in any window or dialog of the application.
    """

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        self._watching = False
        #: How many input events arrived while watching (a postponed lock compares it).
        self.inputs = 0

    @property
    def watching(self) -> bool:
        """Whether the watcher is counting down."""
        return self._watching

    def start(self, interval_ms: int) -> None:
        """Watch for input; ``idle`` fires after ``interval_ms`` without any."""
        self._timer.setInterval(max(interval_ms, 1))
        if not self._watching:
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._watching = True
        self._timer.start()

    def stop(self) -> None:
        """Stop watching (while locked, or when the lock is off)."""
        self._timer.stop()
        if self._watching:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Restart the countdown on user input; never consume the event."""
        if event.type() in _INPUT_EVENTS and self._watching:
            self.inputs += 1
            self._timer.start()
        return False

    @Slot()
    def _on_timeout(self) -> None:
        emit(self.idle)


class AppLockController(QObject):
    """Locks the window after the idle time or on Lock now, and unlocks it with the passphrase.

    ``locked`` fires once the store is closed, ``unlocked`` once it is open again and the
    window is attached. ``status`` is the last AppLockStatus read from the facade.
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        window: LockableShell,
        service: Confidant,
        db_lane: WorkerPool,
        opener: Opener,
        *,
        idle_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._service = service
        self._db_lane = db_lane
        self._opener = opener
        #: Replaces the idle time of the setting (tests use a short one).
        self.idle_ms = idle_ms
        self.status: AppLockStatus | None = None
        self.screen: LockScreen | None = None
        self.watcher = IdleWatcher(self)
        self.watcher.idle.connect(self._on_idle)
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._try_pending_lock)
        #: A lock is waiting for work to finish: "idle" or "manual" (None: none waits).
        self.pending: str | None = None
        self._inputs_at_request = 0
        self._stopped = False

        self.lock_action = QAction(self)
        self.lock_action.setObjectName("lockNowAction")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setVisible(False)
        self._name_lock_action()
        # The action lives in the window's Chat menu: it follows the window's language.
        follow_language(window, self._name_lock_action)
        self.lock_action.triggered.connect(self.lock_now)
        window.add_lock_action(self.lock_action)
        window.events.appLockChanged.connect(self.apply_status)

    def _name_lock_action(self) -> None:
        self.lock_action.setText(self.tr("&Lock now"))
        self.lock_action.setStatusTip(
            self.tr("Close your data now; opening it again needs the passphrase")
        )

    @property
    def is_locked(self) -> bool:
        """Whether the lock screen is on show."""
        return self.screen is not None

    # --- the status ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read whether the lock is on (and the idle time) on the DB lane, and apply it."""
        if self._db_lane.closed or self._stopped:
            return
        self._db_lane.submit(app_lock_status, self._service, on_result=self.apply_status)

    @Slot(object)
    def apply_status(self, status: AppLockStatus) -> None:
        """Show Lock now when the lock is on, and watch for idleness when it should."""
        self.status = status
        self.lock_action.setVisible(status.enabled)
        self.lock_action.setEnabled(status.enabled and not self.is_locked)
        if status.auto_lock and not self.is_locked and not self._stopped:
            minutes = status.idle_minutes or 0
            self.watcher.start(self.idle_ms if self.idle_ms is not None else minutes * MINUTE_MS)
        else:
            self.watcher.stop()
            if self.pending == "idle":
                self._cancel_pending()

    def stop(self) -> None:
        """The application is closing: watch no more, and lock nothing."""
        self._stopped = True
        self.watcher.stop()
        self._cancel_pending()

    # --- locking ---------------------------------------------------------------------------

    @Slot()
    def lock_now(self) -> None:
        """Lock at once (a reply on its way is stopped first, and kept)."""
        if self.status is None or not self.status.enabled:
            return
        self._request("manual")

    @Slot()
    def _on_idle(self) -> None:
        self._request("idle")

    def _request(self, reason: str) -> None:
        if self.is_locked or self._stopped or self._db_lane.closed:
            return
        if self.pending is None or reason == "manual":
            self.pending = reason
        self._inputs_at_request = self.watcher.inputs
        if reason == "manual" and self._window.reply_busy:
            self._window.stop_reply()
        self._try_pending_lock()

    def _busy(self) -> bool:
        # A streaming reply, an export or import, or any other job still on the DB lane.
        return self._window.reply_busy or self._db_lane.pending > 0

    @Slot()
    def _try_pending_lock(self) -> None:
        reason = self.pending
        if reason is None or self._stopped:
            self._cancel_pending()
            return
        if reason == "idle" and self.watcher.inputs != self._inputs_at_request:
            self._cancel_pending()  # the user came back while the work went on
            return
        if self._busy():
            if not self._retry.isActive():
                self._retry.start()
                if reason == "manual":
                    self._window.show_status_message(
                        self.tr("Confidant will lock as soon as the work under way is done.")
                    )
            return
        self._cancel_pending()
        self._lock(reason)

    def _cancel_pending(self) -> None:
        self.pending = None
        self._retry.stop()

    def _lock(self, reason: str) -> None:
        self.watcher.stop()
        self.lock_action.setEnabled(False)
        screen = LockScreen(reason, self._window)
        screen.unlockRequested.connect(self._unlock)
        screen.quitRequested.connect(self._window.close)
        self.screen = screen
        # Input stops and the transcript goes before the store closes: nothing can reach it.
        self._window.show_lock_screen(screen)
        self._db_lane.submit(
            lock_service, self._service, on_result=self._on_locked, on_error=self._on_lock_failed
        )

    def _on_locked(self, _none: object) -> None:
        if self.screen is not None:
            self.screen.set_ready()
        emit(self.locked)

    def _on_lock_failed(self, exc: object) -> None:
        # The store is still open: give the window back, and say what happened.
        log.warning("Locking failed (%s).", type(exc).__name__)
        self._dismiss_screen()
        self._window.attach(self._service)
        self.refresh()
        if isinstance(exc, Exception):
            self._window.show_error(exc)

    # --- unlocking -------------------------------------------------------------------------

    @Slot(str)
    def _unlock(self, passphrase: str) -> None:
        if self._db_lane.closed:
            return
        self._db_lane.submit(
            self._opener,
            self._service,
            passphrase,
            on_result=self._on_unlocked,
            on_error=self._on_unlock_failed,
        )

    def _on_unlocked(self, _none: object) -> None:
        self._dismiss_screen()
        self._window.attach(self._service)
        self.refresh()
        emit(self.unlocked)

    def _on_unlock_failed(self, exc: object) -> None:
        screen = self.screen
        if screen is None:
            return
        if isinstance(exc, KnownError):
            # A wrong passphrase, a lockout, a locked keyring: said inline, try again.
            screen.show_error(exc.one_line())
            return
        log.error("Unlocking failed with an internal error (%s).", type(exc).__name__)
        screen.show_error(
            self.tr("Something went wrong inside Confidant; your data was not opened.")
        )
        if isinstance(exc, Exception):
            self._window.show_error(exc)

    def _dismiss_screen(self) -> None:
        screen = self.screen
        self.screen = None
        if screen is None:
            return
        screen.clear_secret()
        self._window.hide_lock_screen()
        screen.deleteLater()


class AppLockSettings(LaneController):
    """The app-lock section of the Preferences page: on or off, and the idle time.

    ``changed`` carries the new AppLockStatus after each change, so the window's lock (Lock
    now, the idle detector) follows at once.
    """

    changed = Signal(object)

    def __init__(
        self,
        view: PreferencesPage,
        service: Confidant,
        db_lane: WorkerPool,
        report_error: ErrorReporter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(service, db_lane, report_error, parent)
        self.view = view
        self.status: AppLockStatus | None = None
        self.dialog: AppLockDialog | None = None
        # In child mode the app lock is a guarded setting: the PIN, then the change once more.
        self.guardian = GuardianGate(service, db_lane, report_error, view, self)
        view.app_lock_button.clicked.connect(self.open_dialog)
        view.app_lock_idle_combo.activated.connect(self._on_idle_chosen)

    def refresh(self) -> None:
        """Read the app lock's state again and show it."""
        self.run(app_lock_status, on_result=self._show)

    def _show(self, status: AppLockStatus) -> None:
        self.status = status
        view = self.view
        if status.passphrase_mode:
            state = self.tr(
                "Your profile is in passphrase mode: opening it always needs the passphrase."
            )
        elif status.enabled:
            state = self.tr("The app lock is on: opening Confidant needs your passphrase.")
        else:
            state = self.tr(
                "The app lock is off: anyone using your computer account can open Confidant."
            )
        view.app_lock_state.setText(state)
        view.app_lock_button.setVisible(not status.passphrase_mode)
        view.app_lock_button.setText(
            self.tr("Turn off the app lock…")
            if status.enabled
            else self.tr("Turn on the app lock…")
        )
        combo = view.app_lock_idle_combo
        combo.clear()
        current = status.idle_minutes if status.idle_minutes is not None else -1
        for minutes in sorted({*IDLE_PRESETS, max(current, 0)}, key=lambda m: m or 10**6):
            combo.addItem(idle_text(minutes), minutes)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.setEnabled(status.enabled)

    # --- on and off ------------------------------------------------------------------------

    @Slot()
    def open_dialog(self) -> None:
        """Ask for a new passphrase (twice) to turn the lock on, or the current one for off."""
        if self.status is None or self.status.passphrase_mode or self._db_lane.closed:
            return
        if self.dialog is not None and self.dialog.isVisible():
            return
        from app.gui.dialogs.app_lock_dialog import AppLockDialog

        dialog = AppLockDialog(
            enabling=not self.status.enabled,
            min_length=self._service.min_passphrase_length,
            parent=self.view.window(),
        )
        dialog.passphraseChosen.connect(self._change)
        self.dialog = open_dialog(dialog, self._forget_dialog)

    @Slot()
    def _forget_dialog(self) -> None:
        self.dialog = None

    @Slot(str)
    def _change(self, passphrase: str) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        change = enable_app_lock if dialog.enabling else disable_app_lock
        self.guardian.run(
            change,
            passphrase,
            on_result=self._on_changed,
            on_error=self._on_refused,
            on_cancel=self._on_pin_cancelled,
        )

    def _on_pin_cancelled(self) -> None:
        # The guardian did not enter the PIN: nothing changed; the dialog stays for a retry.
        if self.dialog is not None:
            self.dialog.show_error(
                self.tr("Nothing was changed: child mode needs the guardian's PIN.")
            )
        self.refresh()

    def _on_changed(self, status: AppLockStatus) -> None:
        if self.dialog is not None:
            self.dialog.accept()
        self._show(status)
        self.view.status_label.setText(
            self.tr("The app lock is on.") if status.enabled else self.tr("The app lock is off.")
        )
        emit(self.changed, status)

    def _on_refused(self, exc: object) -> None:
        dialog = self.dialog
        if isinstance(exc, KnownError) and dialog is not None:
            # A wrong passphrase, a lockout, child mode without the PIN: said in the dialog.
            dialog.show_error(exc.one_line())
            return
        if dialog is not None:
            dialog.show_error(
                self.tr("Something went wrong inside Confidant; nothing was changed.")
            )
        self._failed(exc)

    # --- the idle time ---------------------------------------------------------------------

    @Slot(int)
    def _on_idle_chosen(self, index: int) -> None:
        minutes = self.view.app_lock_idle_combo.itemData(index)
        if not isinstance(minutes, int):
            return
        self.guardian.run(
            set_idle_minutes,
            minutes,
            on_result=self._on_idle_saved,
            on_error=self._on_idle_refused,
            on_cancel=self.refresh,
        )

    def _on_idle_saved(self, status: AppLockStatus) -> None:
        self._show(status)
        minutes = status.idle_minutes or 0
        self.view.status_label.setText(self.tr("App lock: {idle}.").format(idle=idle_text(minutes)))
        emit(self.changed, status)

    def _on_idle_refused(self, exc: object) -> None:
        self._failed(exc)
        self.refresh()  # show the idle time that is really set
