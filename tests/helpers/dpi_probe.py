"""Builds the main window and our drawn widgets at whatever scale the environment sets.

Usage: QT_SCALE_FACTOR=2 python -m tests.helpers.dpi_probe
Prints one JSON object: the device pixel ratio, logical sizes (which must not depend on the
scale), and what was drawn in device pixels (which must).
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from app.gui.main_window import MainWindow
from app.gui.pages import PAGES
from app.gui.widgets.avatar_preview import AvatarPreview
from app.gui.widgets.warning_note import WarningNote
from app.gui.workers import db_lane

AVATAR = 56


def _striped_png(size: int) -> bytes:
    """An image of one-pixel vertical stripes, black and white: detail only a sharp draw keeps."""
    image = QImage(size, size, QImage.Format.Format_RGB32)
    for x in range(size):
        colour = QColor("black") if x % 2 else QColor("white")
        for y in range(size):
            image.setPixelColor(x, y, colour)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    """Build, show, measure, print."""
    app = QApplication(sys.argv)
    lane = db_lane()
    window = MainWindow(lane)
    window.show()
    note = WarningNote("Careful.", "probeWarning")
    note.show()
    avatar = AvatarPreview(AVATAR)
    avatar.show_image(_striped_png(AVATAR * 2))
    avatar.show()
    app.processEvents()

    metrics = window.navigation.fontMetrics()
    widest = max(metrics.horizontalAdvance(f"  {label}") for _key, label, _keys in PAGES)
    icon = note.icon.pixmap()
    grab = avatar.grab().toImage()
    middle = grab.height() // 2
    # Across the middle row of the drawn avatar: how often neighbouring device pixels differ.
    row = [
        grab.pixelColor(x, middle).lightness()
        for x in range(grab.width() // 4, grab.width() * 3 // 4)
    ]
    changes = sum(1 for a, b in zip(row, row[1:], strict=False) if abs(a - b) > 100)
    print(
        json.dumps(
            {
                "dpr": window.devicePixelRatioF(),
                "navigation_width": window.navigation.width(),
                "widest_label": widest,
                "prompt_height": window.chat.prompt.height(),
                "prompt_lines": window.chat.prompt.height()
                // window.chat.prompt.fontMetrics().lineSpacing(),
                "icon_logical": note.icon.width(),
                "icon_device": icon.width(),
                "icon_dpr": icon.devicePixelRatio(),
                "avatar_logical": avatar.width(),
                "avatar_device": grab.width(),
                "avatar_sharp_edges": changes,
                "avatar_row": len(row),
            }
        ),
        flush=True,
    )
    window.close()
    note.close()
    avatar.close()
    lane.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
