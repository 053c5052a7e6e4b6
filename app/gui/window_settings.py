"""The one thing kept in plain, unencrypted settings: the main window's size, place and layout.

Everything else the user chooses lives in the encrypted profile. This file holds exactly two
keys, ``MainWindow/geometry`` and ``MainWindow/state`` (Qt's own opaque blobs: position, size,
maximised, toolbar layout), and nothing is ever added to it. It lives in the platform's config
folder, or, when ``CONFIDANT_HOME`` points at a profile (tests, portable use), beside that
profile folder, so a test never touches the real home.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths
from PySide6.QtWidgets import QMainWindow

log = logging.getLogger(__name__)

GEOMETRY_KEY = "MainWindow/geometry"
STATE_KEY = "MainWindow/state"
#: Every key this file may ever hold.
KEYS = (GEOMETRY_KEY, STATE_KEY)
FILE_NAME = "window.ini"
#: Bump when the toolbars change so much that an old saved layout no longer fits.
STATE_VERSION = 1


def settings_path() -> Path:
    """Where the window settings live (``CONFIDANT_HOME``'s sibling when that is set)."""
    override = os.environ.get("CONFIDANT_HOME")
    if override:
        profile = Path(override).expanduser().absolute()
        return profile.parent / f"{profile.name}.{FILE_NAME}"
    config = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(config) / "confidant" / FILE_NAME


class WindowSettings:
    """Restores a main window's geometry and toolbar state, and saves them when it closes."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else settings_path()
        #: After "Forget me" nothing of the user's is written again, not even the geometry.
        self.forgotten = False

    def forget(self) -> None:
        """Delete the saved geometry and save no more (the user asked to be forgotten)."""
        self.forgotten = True
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def _open(self) -> QSettings:
        return QSettings(str(self.path), QSettings.Format.IniFormat)

    def restore(self, window: QMainWindow) -> bool:
        """Put ``window`` back where it was; False if nothing usable was saved.

        Call it before ``show()``: the window then appears at its place and size at once.
        """
        if not self.path.is_file():
            return False
        settings = self._open()
        geometry = settings.value(GEOMETRY_KEY)
        state = settings.value(STATE_KEY)
        restored = isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            window.restoreState(state, STATE_VERSION)
        return bool(restored)

    def save(self, window: QMainWindow) -> None:
        """Write ``window``'s geometry and state (and nothing else), readable only by the user."""
        if self.forgotten:
            return
        settings = self._open()
        settings.setValue(GEOMETRY_KEY, window.saveGeometry())
        settings.setValue(STATE_KEY, window.saveState(STATE_VERSION))
        # A key some other version left behind goes: this file holds the two keys, no more.
        for key in settings.allKeys():
            if key not in KEYS:
                settings.remove(key)
        settings.sync()
        if settings.status() != QSettings.Status.NoError:
            log.warning("The window's size could not be saved (%s).", settings.status().name)
            return
        with contextlib.suppress(OSError):
            self.path.chmod(0o600)
