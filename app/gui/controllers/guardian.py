"""Guarded changes in child mode: ask for the guardian's PIN, then retry the change once.

Child mode is enforced in the core: a change of consent, assistant or retention raises
``GuardianRequired`` until a guardian has entered the PIN (``authorize_guardian`` opens a
short session). Every page routes such changes through one ``GuardianGate``: when the DB lane
answers ``GuardianRequired``, the gate shows the PIN dialog, checks the PIN on the DB lane, and
runs the original change once more, in the same job. Cancel changes nothing, and the page reads
the true state again. A wrong PIN is said in the dialog; a lockout shows its time left.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QWidget

from app.core.childmode import GuardianLocked, GuardianRequired, WrongPin
from app.gui.controllers.base import ErrorReporter
from app.gui.dialogs.pin_dialog import PinDialog
from app.gui.ops import CoreOp, Lanes
from app.gui.ops.dialogs import open_dialog
from app.gui.ops.privacy import authorize, authorize_then, lockout_left
from app.gui.workers import Handler, WorkerPool

if TYPE_CHECKING:
    from app.core.service import Confidant

#: What a PIN dialog asks when it guards a change the core refused (translated when shown).
GUARDED_TITLE = QT_TRANSLATE_NOOP("GuardianGate", "Guardian PIN needed")
Cancelled = Callable[[], object]


@dataclass(frozen=True)
class PinRefused:
    """The PIN was not accepted: why, and how many seconds of lockout are left (0 if none).

    ``checked`` is False when a lockout meant the PIN was not even compared.
    """

    message: str
    locked_seconds: int = 0
    checked: bool = True


@dataclass(frozen=True)
class PinAccepted:
    """The PIN was right, and this is what the change returned."""

    value: object


# --- DB lane -------------------------------------------------------------------------------


def attempt_with_pin(
    service: Confidant, pin: str, fn: Callable[..., Any], args: tuple[Any, ...]
) -> PinAccepted | PinRefused:
    """Run ``fn(service, pin, *args)``; a wrong PIN or a lockout is an answer, not a failure.

    Runs on the DB lane. Any other error (a refusal that no PIN lifts) is raised as it is.
    """
    try:
        return PinAccepted(fn(service, pin, *args))
    except GuardianLocked as exc:
        return PinRefused(exc.message, exc.seconds, checked=False)
    except WrongPin as exc:
        return PinRefused(exc.message, lockout_left(service))


# --- the gate --------------------------------------------------------------------------------


class _PinRequest(QObject):
    """One PIN dialog and what happens once the PIN is accepted, refused or cancelled."""

    def __init__(
        self,
        gate: GuardianGate,
        dialog: PinDialog,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        on_result: Handler,
        on_error: Handler,
        on_cancel: Cancelled | None,
    ) -> None:
        super().__init__(dialog)
        self._gate = gate
        self.dialog = dialog
        self._fn = fn
        self._args = args
        self._on_result = on_result
        self._on_error = on_error
        self._on_cancel = on_cancel
        self._settled = False
        dialog.pinEntered.connect(self._check)
        dialog.rejected.connect(self._cancelled)

    @Slot(str)
    def _check(self, pin: str) -> None:
        if not self._gate.submit(
            attempt_with_pin,
            pin,
            self._fn,
            self._args,
            on_result=self._answered,
            on_error=self._failed,
        ):
            self.dialog.reject()

    def _answered(self, outcome: PinAccepted | PinRefused) -> None:
        if self._settled:
            return  # cancelled meanwhile: the page has already read the true state again
        if isinstance(outcome, PinRefused):
            if outcome.checked:
                self.dialog.show_wrong(outcome.message)
            else:
                self.dialog.hide_error()
            if outcome.locked_seconds:
                self.dialog.show_locked(outcome.locked_seconds)
            return
        self._settled = True
        self.dialog.accept()
        self._on_result(outcome.value)

    def _failed(self, exc: object) -> None:
        if self._settled:
            return
        self._settled = True
        self.dialog.accept()
        self._on_error(exc)

    @Slot()
    def _cancelled(self) -> None:
        if self._settled:
            return
        self._settled = True
        if self._on_cancel is not None:
            self._on_cancel()


class GuardianGate(QObject):
    """Runs changes child mode may guard; asks for the PIN when the core says so.

    ``run`` is a drop-in for a controller's ``run``: when the change fails with
    ``GuardianRequired``, the PIN dialog opens, and the change is retried once after the PIN
    is accepted (a second refusal is an ordinary error). ``with_pin`` asks for the PIN first,
    for changes that take it themselves, such as turning child mode off.
    """

    def __init__(
        self,
        service: Confidant,
        db_lane: WorkerPool,
        report_error: ErrorReporter,
        dialog_parent: QWidget,
        parent: QObject | None = None,
        io_pool: WorkerPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._db_lane = db_lane
        self._io_pool = io_pool
        self._report_error = report_error
        self._dialog_parent = dialog_parent
        self.dialog: PinDialog | None = None

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Handler,
        on_error: Handler,
        network: bool = False,
    ) -> bool:
        """Call ``fn(service, *args)`` on the DB lane (``network``: the I/O pool).

        False if the application is closing.
        """
        lanes = Lanes(self._service, self._db_lane, self._report_error, self._io_pool)
        op = CoreOp(fn, *args, success=on_result, network=network).failure(on_error)
        return op.run(lanes) is not None

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Handler,
        on_error: Handler | None = None,
        on_cancel: Cancelled | None = None,
        network: bool = False,
    ) -> None:
        """Call ``fn(service, *args)``; if child mode wants the PIN, ask, then retry once.

        ``network`` work (it touches no database: a connection test) runs on the I/O pool
        (the gate needs one); the PIN is still checked on the DB lane, and the retry goes back
        to the I/O pool.
        """
        failure = on_error or self._report

        def refused(exc: object) -> None:
            if isinstance(exc, GuardianRequired) and network:
                self._ask(
                    exc.message,
                    authorize,
                    (),
                    lambda _none: self.submit(
                        fn, *args, on_result=on_result, on_error=failure, network=True
                    ),
                    failure,
                    on_cancel,
                    title=QCoreApplication.translate("GuardianGate", GUARDED_TITLE),
                    ok_text=self.tr("Unlock and test"),
                )
            elif isinstance(exc, GuardianRequired):
                self._ask(
                    exc.message,
                    authorize_then,
                    (fn, *args),
                    on_result,
                    failure,
                    on_cancel,
                    title=QCoreApplication.translate("GuardianGate", GUARDED_TITLE),
                    ok_text=self.tr("Unlock and save"),
                )
            else:
                failure(exc)

        self.submit(fn, *args, on_result=on_result, on_error=refused, network=network)

    def with_pin(
        self,
        reason: str,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Handler,
        on_error: Handler | None = None,
        on_cancel: Cancelled | None = None,
        title: str = "",
        ok_text: str = "",
    ) -> None:
        """Ask for the PIN now, then call ``fn(service, pin, *args)`` on the DB lane.

        Without ``title`` the dialog says "Guardian PIN"; without ``ok_text``, "OK".
        """
        self._ask(
            reason,
            fn,
            args,
            on_result,
            on_error or self._report,
            on_cancel,
            title=title or self.tr("Guardian PIN"),
            ok_text=ok_text or self.tr("OK"),
        )

    def _ask(
        self,
        reason: str,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        on_result: Handler,
        on_error: Handler,
        on_cancel: Cancelled | None,
        *,
        title: str,
        ok_text: str,
    ) -> None:
        if self.dialog is not None:
            self.dialog.reject()  # one PIN question at a time; the older change waits no more
        dialog = PinDialog(reason, self._dialog_parent.window(), title=title, ok_text=ok_text)
        _PinRequest(self, dialog, fn, args, on_result, on_error, on_cancel)
        self.dialog = dialog
        open_dialog(dialog, lambda: self._forget_dialog(dialog), forget_when_closed=True)
        # A lockout from earlier (even before a restart) shows before anything is typed.
        self.submit(
            lockout_left,
            on_result=lambda seconds, asked=dialog: self._show_lockout(asked, seconds),
            on_error=self._report,
        )

    def _show_lockout(self, dialog: PinDialog, seconds: int) -> None:
        if seconds and dialog is self.dialog:
            dialog.show_locked(seconds)

    def _forget_dialog(self, closed: PinDialog) -> None:
        # A newer dialog may already have taken the closed one's place.
        if self.dialog is closed:
            self.dialog = None

    def _report(self, exc: object) -> None:
        if isinstance(exc, Exception):
            self._report_error(exc)
