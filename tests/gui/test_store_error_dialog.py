"""A profile that cannot be opened: a recovery dialog, a dead window, and an untouched file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core import keys, profile
from app.core.errors import CorruptDatabase, KnownError, NewerSchema, WrongKey
from app.core.service import Confidant
from app.gui.dialogs.crash_dialog import CrashDialog
from app.gui.dialogs.known_error_dialog import KnownErrorDialog
from app.gui.dialogs.store_error_dialog import StoreErrorDialog, describe
from tests.gui.shells import SLOW_MS, ShellFactory, button_texts, dialog_text, wait_for_dialog
from tests.helpers.files import PAGE_SIZE, files_under, flip_bytes_in_pages, sha256

WIPING_WORDS = re.compile(r"wipe|reset|erase|delete|remove|start over|new profile|recreate", re.I)


def _filled_profile(service: Confidant) -> Path:
    """Give the store enough pages to damage, then close it; return the database path."""
    with service.database.transaction() as conn:
        conn.executemany(
            "INSERT INTO preferences(name, value) VALUES (?, ?)",
            [(f"filler-{i}", "x" * 300) for i in range(200)],
        )
    path = service.database.path
    service.close()
    return path


def _snapshot(directory: Path) -> dict[str, str]:
    return {str(p.relative_to(directory)): sha256(p) for p in files_under(directory)}


def _assert_dead_end(shell_dialog: StoreErrorDialog) -> None:
    assert shell_dialog.quit_button.isDefault()
    buttons = button_texts(shell_dialog)
    assert "Quit" in buttons
    assert not [text for text in buttons if WIPING_WORDS.search(text)]


# Pages 2-4 hold the schema and metadata, so opening fails; the last pages hold only filler
# rows, so the store opens and the integrity check run before the purge must catch them.
@pytest.mark.parametrize("where", ["first", "last"])
def test_damaged_pages_are_named_and_the_file_is_left_alone(
    qtbot: QtBot, make_shell: ShellFactory, service: Confidant, where: str
) -> None:
    db_path = _filled_profile(service)
    page_count = db_path.stat().st_size // PAGE_SIZE
    pages = (2, 3, 4) if where == "first" else tuple(range(page_count - 2, page_count + 1))
    flip_bytes_in_pages(db_path, pages)
    before = _snapshot(service.directory)

    shell = make_shell(lambda: Confidant(service.directory))
    dialog = wait_for_dialog(qtbot, shell, StoreErrorDialog)
    named = ", ".join(str(page) for page in pages)
    assert f"Your data file is damaged (pages {named})" in dialog.headline_label.text()
    assert "backup" in dialog.advice_label.text()
    assert str(service.directory) in dialog.folder_label.text()
    _assert_dead_end(dialog)
    assert not shell.window.chat.prompt.isEnabled()
    assert not shell.window.chat.send_button.isEnabled()
    assert not shell.window.new_chat_action.isEnabled()
    assert shell.service is not None and not shell.service.is_open

    with qtbot.waitSignal(shell.finished, timeout=SLOW_MS) as finished:
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert finished.args == [1]
    assert _snapshot(service.directory) == before


def test_a_key_missing_from_the_keyring_is_explained(
    qtbot: QtBot, make_shell: ShellFactory, service: Confidant
) -> None:
    directory = service.directory
    _filled_profile(service)
    loaded = profile.load_profile_file(directory)
    assert loaded is not None
    keys.KeyringKeyStore.from_environment().delete(loaded.profile_id)
    before = _snapshot(directory)

    shell = make_shell(lambda: Confidant(directory))
    dialog = wait_for_dialog(qtbot, shell, StoreErrorDialog)
    assert "missing" in dialog.text()
    assert "keyring" in dialog.advice_label.text()
    _assert_dead_end(dialog)
    assert not shell.window.chat.prompt.isEnabled()

    with qtbot.waitSignal(shell.finished, timeout=SLOW_MS) as finished:
        shell.window.close()
    assert finished.args == [1]
    assert _snapshot(directory) == before


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (CorruptDatabase("damaged", bad_pages=(3, 7, 9)), "damaged (pages 3, 7, 9)"),
        (WrongKey("The key is missing."), "key for your data"),
        (NewerSchema("Newer schema."), "newer version"),
    ],
)
def test_each_failure_gets_its_own_explanation(error: KnownError, expected: str) -> None:
    headline, advice = describe(error)
    assert expected in headline
    assert advice


def test_a_known_error_is_one_friendly_sentence(qtbot: QtBot) -> None:
    dialog = KnownErrorDialog(KnownError("The disk is full.", hint="Free some space."))
    qtbot.addWidget(dialog)
    assert dialog.text() == "The disk is full. Free some space."


def test_an_internal_error_shows_no_private_text(qtbot: QtBot) -> None:
    secret = "my diary entry about the lighthouse"
    dialog = CrashDialog(RuntimeError(secret))
    qtbot.addWidget(dialog)
    shown = f"{dialog.windowTitle()} {dialog_text(dialog)} {dialog.report_view.toPlainText()}"
    assert secret not in shown
    assert "internal error" in shown
    assert "RuntimeError" in shown
