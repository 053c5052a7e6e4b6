"""The preferences page: identifiers refused inline, choices stored, a cleaned avatar image."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.controllers.preferences_page import PreferencesController
from app.gui.pages import PREFERENCES_PAGE
from app.gui.views.preferences_page import PreferencesPage
from tests.gui.shells import SLOW_MS, ShellFactory, ask, click, open_page, ready_shell, settle


def _page(qtbot: QtBot, shell: Shell) -> PreferencesPage:
    page = open_page(qtbot, shell, PREFERENCES_PAGE)
    assert isinstance(page, PreferencesPage)
    return page


def _stored(qtbot: QtBot, shell: Shell, name: str) -> object:
    return ask(qtbot, shell, lambda service: service.preferences.get(name))


def test_an_email_display_name_is_refused_inline_and_not_stored(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = _page(qtbot, shell)
    assert page.name_error.isHidden()

    qtbot.keyClicks(page.name_edit, "jane@example.com")
    click(qtbot, page.save_name_button)
    settle(qtbot, shell)
    assert page.name_error.isVisible()
    assert "e-mail address" in page.name_error.text()
    assert shell.window.error_dialog is None, "the refusal is shown inline, not in a dialog"
    assert _stored(qtbot, shell, "display_name") == ""

    page.name_edit.clear()
    qtbot.keyClicks(page.name_edit, "+44 20 7946 0958")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    settle(qtbot, shell)
    assert "phone number" in page.name_error.text()
    assert _stored(qtbot, shell, "display_name") == ""

    page.name_edit.clear()
    qtbot.keyClicks(page.name_edit, "Sam")
    click(qtbot, page.save_name_button)
    settle(qtbot, shell)
    assert page.name_error.isHidden()
    assert _stored(qtbot, shell, "display_name") == "Sam"


def test_choices_are_stored_as_they_are_made(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = _page(qtbot, shell)
    assert page.theme_combo.currentText() == "Follow the system"
    assert page.checkup_combo.currentText() == "Every 90 days"
    for combo in (page.theme_combo, page.voice_combo, page.checkup_combo, page.avatar_combo):
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        settle(qtbot, shell)
    stored = ask(qtbot, shell, lambda service: service.preferences.all())
    assert stored["theme"] == "light"
    assert stored["voice"] == "calm"
    assert stored["privacy_checkup_days"] == 180
    assert stored["avatar"] == "fox"
    assert page.avatar_preview.accessibleName() == "Avatar: Fox"


def _jpeg_with_gps(path: Path) -> None:
    image = Image.new("RGB", (640, 480), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "CanaryCam"  # Make
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}  # GPS
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    path.write_bytes(out.getvalue())


def test_choose_image_stores_a_clean_avatar(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], tmp_path: Path
) -> None:
    photo = tmp_path / "holiday.jpg"
    _jpeg_with_gps(photo)
    assert b"CanaryCam" in photo.read_bytes()
    shell = ready_shell(qtbot, make_shell, facade)
    page = _page(qtbot, shell)
    controller = shell.window.controllers[PREFERENCES_PAGE]
    assert isinstance(controller, PreferencesController)

    click(qtbot, page.choose_image_button)
    dialog = controller.file_dialog
    assert isinstance(dialog, QFileDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=SLOW_MS)
    dialog.selectFile(str(photo))
    dialog.accept()
    settle(qtbot, shell)

    png = ask(qtbot, shell, lambda service: service.preferences.avatar_image())
    assert png is not None and png.startswith(b"\x89PNG")
    assert b"CanaryCam" not in png and b"Exif" not in png
    assert _stored(qtbot, shell, "avatar") == "custom"
    assert page.avatar_preview.showing_image
    assert page.avatar_combo.currentText() == "Your own image"

    click(qtbot, page.choose_image_button)
    dialog = controller.file_dialog
    assert isinstance(dialog, QFileDialog)
    not_an_image = tmp_path / "notes.png"
    not_an_image.write_text("just text")
    dialog.selectFile(str(not_an_image))
    dialog.accept()
    settle(qtbot, shell)
    assert page.avatar_error.isVisible() and "not an image" in page.avatar_error.text()
    assert ask(qtbot, shell, lambda service: service.preferences.avatar_image()) == png
