"""Carries the outcome of core calls from worker threads to the GUI thread as Qt signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ResultBridge(QObject):
    """Lives on the GUI thread; workers emit on it, so every slot runs on the GUI thread.

    A signal emitted from a worker thread on an object owned by the GUI thread is queued, which
    makes this the one place where results cross threads. Each outcome is tagged with the id of
    the job that produced it.
    """

    succeeded = Signal(int, object)
    failed = Signal(int, object)
