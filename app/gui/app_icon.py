"""The application's icon (resources/icons), and the desktop entry it belongs to.

Nothing here is imported or read before the main window's first paint: the icon is set once
the window is on screen, and the window system picks it up then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

#: The reverse-DNS id shared by the desktop file, the AppStream metainfo and the icon's name.
APP_ID = "org.confidant.Confidant"
#: The PNG sizes handed to the window system (the 512 px one is for app stores, not windows).
WINDOW_ICON_SIZES = (16, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The icon at every window size; Qt reads a file only when a size is first drawn."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from app.core.resources import resource_path

    icon = QIcon()
    for size in WINDOW_ICON_SIZES:
        path = resource_path("icons", "hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png")
        # With the size given, addFile only records the path: nothing is read yet.
        icon.addFile(str(path), QSize(size, size))
    return icon


def install_window_icon() -> None:
    """Give every window of the application the icon (call after the first paint)."""
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.setWindowIcon(app_icon())
