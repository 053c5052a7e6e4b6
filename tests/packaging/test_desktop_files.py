"""The desktop entry, AppStream metainfo, icons and Flatpak manifest: valid, and in agreement."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from app import __version__
from app.gui.app_icon import APP_ID, WINDOW_ICON_SIZES, app_icon
from tests.helpers.files import REPO_ROOT

PACKAGING = REPO_ROOT / "packaging"
DESKTOP_FILE = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
FLATPAK_MANIFEST = PACKAGING / "flatpak" / f"{APP_ID}.yml"
ICONS = REPO_ROOT / "resources" / "icons" / "hicolor"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.skipif(
    shutil.which("appstreamcli") is None,
    reason="appstreamcli is not installed (apt-get install appstream; CI installs it)",
)
def test_metainfo_passes_appstreamcli() -> None:
    result = run_tool("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate is not installed (apt-get install desktop-file-utils; CI does)",
)
def test_desktop_file_passes_desktop_file_validate() -> None:
    result = run_tool("desktop-file-validate", str(DESKTOP_FILE))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


def test_desktop_file_metainfo_and_app_agree_on_the_id() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "confidant"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE.name
    assert root.findtext("provides/binary") == "confidant"
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert root.findtext("name") == entry["Name"] == "Confidant"


def test_metainfo_has_a_release_entry_for_this_version() -> None:
    root = ET.parse(METAINFO).getroot()
    versions = [release.get("version") for release in root.iter("release")]
    assert __version__ in versions
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", root.find("releases/release").get("date", ""))


def test_png_icons_are_square_at_every_size_and_not_empty() -> None:
    for size in PNG_SIZES:
        path = ICONS / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        image = QImage(str(path))
        assert not image.isNull(), path
        assert (image.width(), image.height()) == (size, size)
        # Transparent in the corner, drawn in the middle (the bubble).
        assert image.pixelColor(0, 0).alpha() == 0
        assert image.pixelColor(size // 2, size // 4).alpha() == 255


def test_svg_icon_renders_and_matches_the_pngs(qapp: QApplication) -> None:
    renderer = QSvgRenderer(str(ICONS / "scalable" / "apps" / f"{APP_ID}.svg"))
    assert renderer.isValid()
    assert renderer.defaultSize() == QSize(128, 128)
    # The committed PNGs come from this SVG (packaging/render_icons.py --check compares bytes;
    # here the pixels are compared loosely, so another Qt version's antialiasing still passes).
    size = 64
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    committed = QImage(str(ICONS / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
    committed = committed.convertToFormat(QImage.Format.Format_ARGB32)
    differing = sum(
        1
        for y in range(size)
        for x in range(size)
        if max(
            abs(a - b)
            for a, b in zip(
                image.pixelColor(x, y).getRgb(), committed.pixelColor(x, y).getRgb(), strict=True
            )
        )
        > 16
    )
    assert differing <= size * size // 100


def test_the_window_icon_offers_every_window_size(qapp: QApplication) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(WINDOW_ICON_SIZES)
    assert not icon.pixmap(QSize(32, 32)).isNull()


def test_flatpak_manifest_names_the_app_and_the_permissions_it_needs() -> None:
    text = FLATPAK_MANIFEST.read_text(encoding="utf-8")
    assert re.search(rf"^app-id: {re.escape(APP_ID)}$", text, re.MULTILINE)
    assert re.search(r"^runtime: org\.kde\.Platform$", text, re.MULTILINE)
    assert re.search(r"^base: io\.qt\.PySide\.BaseApp$", text, re.MULTILINE)
    finish_args = set(re.findall(r"^  - (--[\w-]+(?:=[\w.-]+)?)$", text, re.MULTILINE))
    assert finish_args >= {
        "--socket=wayland",
        "--socket=fallback-x11",
        "--share=ipc",
        "--talk-name=org.freedesktop.secrets",
        "--share=network",
    }
    # No blanket access to the user's files or the session bus.
    assert not any(arg.startswith(("--filesystem", "--socket=session-bus")) for arg in finish_args)
    # It installs the same desktop file and metainfo.
    assert f"packaging/{DESKTOP_FILE.name}" in text
    assert f"packaging/{METAINFO.name}" in text


def test_metainfo_screenshots_are_ones_make_screenshots_draws() -> None:
    images = [element.text or "" for element in ET.parse(METAINFO).getroot().iter("image")]
    assert images
    for url in images:
        name = url.rsplit("/docs/screenshots/", 1)[-1]
        assert (REPO_ROOT / "docs" / "screenshots" / name).is_file(), url
