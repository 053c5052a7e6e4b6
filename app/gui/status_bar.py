"""The shell's status bar: the assistant's name, the save status, Allow saving, messages, jobs.

The window composes one ``ShellStatusBar``; its parts are plain widgets in the window's own
``QStatusBar``. The window's own messages (OPENING, LOCKED, and the chat page's) are marked in
the ``MainWindow`` context and said again in the new language when it changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFrame, QLabel, QMainWindow, QToolButton

from app.gui.widgets.provider_label import ProviderLabel

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from app.core.service import Confidant
    from app.gui.background import BackgroundJobs
    from app.gui.widgets.job_progress import JobProgress
    from app.gui.workers import WorkerPool

# Where the window's own messages are marked for translation.
CONTEXT = "MainWindow"


class ShellStatusBar(QObject):
    """Builds the status bar's permanent parts and says the window's messages in it."""

    def __init__(self, window: QMainWindow, allow_saving_action: QAction) -> None:
        super().__init__(window)
        self._window = window
        self._bar = window.statusBar()
        self.provider_label = ProviderLabel(window)
        self.save_status_label = QLabel(window)
        self.save_status_label.setObjectName("saveStatusLabel")
        self.allow_saving_button = QToolButton(window)
        self.allow_saving_button.setObjectName("allowSavingButton")
        self.allow_saving_button.setDefaultAction(allow_saving_action)
        self.allow_saving_button.setAutoRaise(True)
        self.allow_saving_button.setVisible(False)
        separator = QFrame(window)
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)
        for label in (self.provider_label, self.save_status_label):
            label.setContentsMargins(6, 0, 6, 0)
        for part in (self.provider_label, separator, self.save_status_label):
            self._bar.addPermanentWidget(part)
        self._bar.addPermanentWidget(self.allow_saving_button)
        # The status bar's progress for background jobs (made with the first of them).
        self.job_progress: JobProgress | None = None
        # The message the window itself put up: (marked text, as shown).
        self._said: tuple[str, str] | None = None

    def retranslate(self) -> None:
        """Name the parts again, and say the window's message again, in the new language."""
        self.provider_label.retranslate()
        self.save_status_label.setAccessibleName(
            QCoreApplication.translate("MainWindow", "Save status")
        )
        said = self._said
        if said is not None and self._bar.currentMessage() == said[1]:
            self.say(said[0])

    def say(self, marked: str) -> None:
        """Put one of the window's own messages (marked in ``CONTEXT``) in the status bar."""
        text = QCoreApplication.translate(CONTEXT, marked)
        self._said = (marked, text)
        self._bar.showMessage(text)

    def clear(self) -> None:
        """Take the message away."""
        self._said = None
        self._bar.clearMessage()

    def show_text(self, text: str) -> None:
        """Say ``text`` as it is (it is not said again when the language changes)."""
        self._bar.showMessage(text)

    def watch(self, jobs: BackgroundJobs) -> None:
        """Show the recurring jobs' progress once one runs a moment."""
        from app.gui.widgets.job_progress import JobProgress

        if self.job_progress is None:
            self.job_progress = JobProgress(self._window)
            self._bar.insertPermanentWidget(0, self.job_progress)
        self.job_progress.watch(jobs)

    def name_provider(self, service: Confidant, db_lane: WorkerPool) -> None:
        """Ask (DB lane) which assistant is chosen, and name it, local or remote."""
        if db_lane.closed:
            return
        from app.gui.ops.shell import provider_status

        db_lane.submit(provider_status, service, on_result=self.provider_label.show_status)
