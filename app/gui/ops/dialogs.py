"""Opening a dialog the one way: non-modal, deleted once closed, forgotten by its owner."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

D = TypeVar("D", bound="QDialog")


def open_dialog(
    dialog: D,
    forget: Callable[[], object] | None = None,
    *,
    modal: bool = True,
    forget_when_closed: bool = False,
) -> D:
    """Open ``dialog``; it is deleted once it closes, and ``forget`` runs when it is gone.

    Window-modal (``open``: no nested event loop), or not at all (``modal=False``: the user
    may go on chatting). The owner keeps a reference while it is open (tests and re-opening
    use it); ``forget`` drops it, so nothing points at a deleted dialog. It runs once the
    dialog is destroyed, or, with ``forget_when_closed``, as soon as it closes (for an owner
    that may open the next one at once, or that asks ``sender()`` which one closed).
    """
    dialog.finished.connect(dialog.deleteLater)
    if forget is not None:
        # Connected as given: a slot of the owner goes with the owner, if it goes first.
        if forget_when_closed:
            dialog.finished.connect(forget)
        else:
            dialog.destroyed.connect(forget)
    if modal:
        dialog.open()
    else:
        dialog.show()
    return dialog


def close_open_dialogs(parent: QWidget) -> None:
    """Close every dialog of ``parent`` on show (the window locks or closes: none stays)."""
    from PySide6.QtWidgets import QDialog

    for dialog in parent.findChildren(QDialog):
        if dialog.isVisible():
            dialog.close()


def error_dialog(exc: Exception, parent: QWidget, previous: QDialog | None = None) -> QDialog:
    """Say what went wrong: one sentence for a KnownError, the crash dialog for a bug.

    ``previous`` (the last one shown) is closed first, so errors never stack up.
    """
    # Imported here: error dialogs are rare, and the window paints sooner without them.
    from app.core.errors import KnownError
    from app.gui.dialogs.crash_dialog import CrashDialog
    from app.gui.dialogs.known_error_dialog import KnownErrorDialog

    if previous is not None:
        previous.close()
    dialog: QDialog = (
        KnownErrorDialog(exc, parent) if isinstance(exc, KnownError) else CrashDialog(exc, parent)
    )
    dialog.open()
    return dialog
