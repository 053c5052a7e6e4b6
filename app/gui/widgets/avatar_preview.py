"""A round avatar: the user's own (already cleaned) image, or a built-in drawn as a monogram."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

_COLOURS = ("#5c6bc0", "#26a69a", "#ef6c00", "#8e24aa", "#43a047", "#00838f")


class AvatarPreview(QWidget):
    """Paints a circle: the image if one is set, otherwise a coloured monogram."""

    def __init__(self, size: int = 64, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._size = size
        self._label = ""
        self._image: QImage | None = None
        self.setFixedSize(size, size)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        """Square."""
        return QSize(self._size, self._size)

    def show_builtin(self, label: str) -> None:
        """A built-in avatar, shown as its initial on its own colour."""
        self._label = label
        self._image = None
        self.setAccessibleName(self.tr("Avatar: {name}").format(name=label))
        self.update()

    def show_image(self, png: bytes) -> bool:
        """The user's own avatar; False if the bytes are not an image Qt can read."""
        image = QImage.fromData(png)
        if image.isNull():
            return False
        self._image = image
        self.setAccessibleName(self.tr("Avatar: your image"))
        self.update()
        return True

    @property
    def showing_image(self) -> bool:
        """Whether a custom image is on show."""
        return self._image is not None

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Clip to a circle and paint the image or the monogram."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        circle = QRectF(1, 1, self._size - 2, self._size - 2)
        path = QPainterPath()
        path.addEllipse(circle)
        painter.setClipPath(path)
        if self._image is not None:
            painter.drawImage(circle, self._image)
        else:
            digest = hashlib.sha256(self._label.encode("utf-8")).digest()
            painter.fillRect(circle, QColor(_COLOURS[digest[0] % len(_COLOURS)]))
            font = painter.font()
            font.setPixelSize(max(int(self._size * 0.45), 8))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, self._label[:1].upper())
        painter.end()
