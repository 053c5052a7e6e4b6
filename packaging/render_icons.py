"""Renders the app icon's PNG sizes from its SVG with Qt's own SVG renderer (QtSvg).

Run it after changing the SVG, and commit the PNGs: ``python packaging/render_icons.py``.
``--check`` renders into memory and fails if a committed PNG differs, so a stale one is noticed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons" / "hicolor"
ICON_NAME = "org.confidant.Confidant"
SVG = ICONS / "scalable" / "apps" / f"{ICON_NAME}.svg"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def png_path(size: int) -> Path:
    """Where the PNG of one size lives (the freedesktop icon theme layout)."""
    return ICONS / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"


def render(renderer: QSvgRenderer, size: int) -> bytes:
    """The icon at ``size`` x ``size`` pixels, as PNG bytes (no metadata, so reproducible)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG"):
        raise SystemExit(f"could not encode the {size}px PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    """Render every size; with --check, compare instead of writing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a committed PNG is stale")
    args = parser.parse_args()
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not an SVG Qt can draw")
    stale = []
    for size in SIZES:
        target = png_path(size)
        png = render(renderer, size)
        if args.check:
            if not target.is_file() or target.read_bytes() != png:
                stale.append(str(target.relative_to(ROOT)))
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png)
        print(f"{target.relative_to(ROOT)}: {len(png)} bytes")
    if stale:
        print("stale icons (run packaging/render_icons.py):", ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
