"""Keeping a dialog tall enough for what it shows now, when wrapped text comes and goes."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def grow_to_fit(window: QWidget) -> None:
    """Make ``window`` tall enough for its layout at its current width; never shrink it.

    A dialog with a minimum width does not raise its own minimum height when wrapped labels
    appear, so Qt would squeeze the rows together instead.
    """
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    wanted = (
        window.heightForWidth(window.width())
        if layout.hasHeightForWidth()
        else layout.totalSizeHint().height()
    )
    if wanted > window.height():
        window.resize(window.width(), wanted)
