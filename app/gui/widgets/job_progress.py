"""The status bar's progress for background jobs, shown only once a job has run a moment."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from app.gui.i18n import follow_language
from app.gui.signals import emit

if TYPE_CHECKING:
    from app.gui.background import BackgroundJobs

#: A job that is over sooner than this never shows a bar (no flicker for quick jobs).
REVEAL_DELAY_MS = 500


@dataclass
class _Job:
    label: str
    cancellable: bool
    tip: str
    done: int = 0
    total: int = 0


class JobProgress(QWidget):
    """A label, a bar and (for a job that may be stopped) a Cancel button.

    ``begin`` starts a delay timer; only if a job is still running when it fires does the
    widget appear, so quick jobs never flicker. With several jobs the latest is shown.
    ``cancelRequested(name)`` asks the job's owner to stop it.
    """

    cancelRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobProgress")
        self.label = QLabel(self)
        self.label.setObjectName("jobProgressLabel")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("jobProgressBar")
        self.bar.setMaximumWidth(self.fontMetrics().averageCharWidth() * 18)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setObjectName("jobCancelButton")
        self.cancel_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._jobs: dict[str, _Job] = {}
        self.delay = QTimer(self)
        self.delay.setObjectName("jobRevealDelay")
        self.delay.setSingleShot(True)
        self.delay.setInterval(REVEAL_DELAY_MS)
        self.delay.timeout.connect(self._reveal)
        self.cancel_button.clicked.connect(self._on_cancel)
        self.hide()
        self.retranslate()
        follow_language(self, self.retranslate)

    def watch(self, jobs: BackgroundJobs) -> None:
        """Show the progress of ``jobs`` (the recurring ones); Cancel asks them to stop."""
        jobs.jobStarted.connect(self.begin)
        jobs.jobProgressed.connect(self.advance)
        jobs.jobEnded.connect(self.end)
        self.cancelRequested.connect(jobs.cancel)

    def retranslate(self) -> None:
        """Set every text in the interface language (a job's own label comes with it)."""
        self.bar.setAccessibleName(self.tr("Background job progress"))
        self.cancel_button.setText(self.tr("Cancel"))
        if self._jobs and self.isVisible():
            self._show_latest()

    @property
    def running(self) -> list[str]:
        """The names of the jobs under way, oldest first."""
        return list(self._jobs)

    @Slot(str, str, bool, str)
    def begin(self, name: str, label: str, cancellable: bool, tip: str = "") -> None:
        """A job started; show it if it is still running after the delay."""
        self._jobs.pop(name, None)
        self._jobs[name] = _Job(label, cancellable, tip)
        if self.isVisible():
            self._show_latest()
        elif not self.delay.isActive():
            self.delay.start()

    @Slot(str, int, int)
    def advance(self, name: str, done: int, total: int) -> None:
        """A job got further."""
        job = self._jobs.get(name)
        if job is None:
            return
        job.done, job.total = done, total
        if self.isVisible() and name == self.running[-1]:
            self._show_latest()

    @Slot(str)
    def end(self, name: str) -> None:
        """A job is over (done, failed or cancelled)."""
        self._jobs.pop(name, None)
        if self._jobs:
            if self.isVisible():
                self._show_latest()
            return
        self.delay.stop()
        self.hide()

    @Slot()
    def _reveal(self) -> None:
        if self._jobs:
            self._show_latest()
            self.show()

    def _show_latest(self) -> None:
        name = self.running[-1]
        job = self._jobs[name]
        self.label.setText(job.label)
        self.setToolTip(job.tip)
        self.bar.setAccessibleDescription(job.label)
        if job.total:
            self.bar.setRange(0, job.total)
            self.bar.setValue(job.done)
        else:
            self.bar.setRange(0, 0)  # busy: how long it takes is not known
        self.cancel_button.setVisible(job.cancellable)
        self.cancel_button.setEnabled(job.cancellable)
        self.cancel_button.setAccessibleName(self.tr("Cancel: {job}").format(job=job.label))

    @Slot()
    def _on_cancel(self) -> None:
        if self._jobs:
            name = self.running[-1]
            self.cancel_button.setEnabled(False)
            emit(self.cancelRequested, name)
