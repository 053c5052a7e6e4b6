"""Uncaught exceptions, wherever they happen, end in the crash dialog on the GUI thread.

Three ways in: ``sys.excepthook`` (an exception escaping a slot or an event handler on the
GUI thread), ``threading.excepthook`` (one escaping a Python thread), and the worker pools'
unexpected-failure hook (a job that failed with a bug and had no failure handler). None of
them prints the exception's message or its locals anywhere: the log gets the type only.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from app.gui import workers
from app.gui.signals import emit

log = logging.getLogger(__name__)

GUI_THREAD = "the main (GUI) thread"


class CrashHandler(QObject):
    """Installs the hooks and shows one crash dialog at a time (later crashes are logged).

    ``crashed`` is emitted from whichever thread the exception reached; being connected to a
    slot of this object, which lives on the GUI thread, it is delivered there.
    """

    crashed = Signal(object, str)
    #: Emitted with the dialog once it is on screen (tests wait for it).
    dialogShown = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashHandler")
        self.dialog: QWidget | None = None
        self._previous_sys: Any = None
        self._previous_threading: Any = None
        self._previous_workers: workers.FailureHook | None = None
        self._installed = False
        self.crashed.connect(self._show)

    def install(self) -> None:
        """Take over the three hooks (``uninstall`` gives them back)."""
        if self._installed:
            return
        self._installed = True
        self._previous_sys = sys.excepthook
        self._previous_threading = threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        self._previous_workers = workers.set_unexpected_failure_hook(self.job_failed)

    def uninstall(self) -> None:
        """Put back the hooks that were there before ``install``."""
        if not self._installed:
            return
        self._installed = False
        sys.excepthook = self._previous_sys
        threading.excepthook = self._previous_threading
        workers.set_unexpected_failure_hook(self._previous_workers)

    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """``sys.excepthook``: an exception nobody caught."""
        if exc is None:
            exc = exc_type()
        if isinstance(exc, KeyboardInterrupt) and self._previous_sys is not None:
            self._previous_sys(exc_type, exc, tb)
            return
        if tb is not None and exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        where = (
            GUI_THREAD
            if threading.current_thread() is threading.main_thread()
            else f"thread {threading.current_thread().name}"
        )
        self._report(exc, where)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        """``threading.excepthook``: an exception that ended a Python thread."""
        exc = args.exc_value if args.exc_value is not None else args.exc_type()
        if args.exc_traceback is not None and exc.__traceback__ is None:
            exc = exc.with_traceback(args.exc_traceback)
        name = args.thread.name if args.thread is not None else "unknown"
        self._report(exc, f"thread {name}")

    def job_failed(self, exc: BaseException, where: str) -> None:
        """The worker pools' hook: a job failed with a bug that nobody else reports."""
        # The pools have logged its type already.
        emit(self.crashed, exc, where)

    def _report(self, exc: BaseException, where: str) -> None:
        # The type only: an unexpected exception's message may carry private text.
        log.error("Uncaught %s in %s.", type(exc).__name__, where)
        emit(self.crashed, exc, where)

    @Slot(object, str)
    def _show(self, exc: BaseException, where: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # one report at a time; the first is the one that explains the rest
        # Imported here: the dialog (and the anonymizer it uses) is needed only on a crash.
        from app.gui.dialogs.crash_dialog import CrashDialog
        from app.gui.ops.dialogs import open_dialog

        dialog = CrashDialog(exc, _main_window(), where=where)
        self.dialog = dialog
        open_dialog(dialog, lambda: self._forget_dialog(dialog), forget_when_closed=True)
        emit(self.dialogShown, dialog)

    def _forget_dialog(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None


def _main_window() -> QWidget | None:
    """The window a crash dialog belongs to: the visible main window, else the active one.

    Not a dialog if it can be helped: the dialog that crashed may be closed, and would take
    the report with it.
    """
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            return widget
    return QApplication.activeWindow()


def install_crash_handler(app: QApplication) -> CrashHandler:
    """Route every uncaught exception of ``app``'s process to the crash dialog."""
    handler = CrashHandler(app)
    handler.install()
    app.aboutToQuit.connect(handler.uninstall)
    return handler
