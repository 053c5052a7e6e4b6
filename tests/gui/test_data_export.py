"""The export dialog on a real profile: progress to the end, cancel, the plaintext warning."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path

import jsonschema
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.core.resources import resource_path
from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.controllers.data import DataController
from app.gui.dialogs.export_dialog import ExportDialog
from app.gui.pages import PRIVACY_PAGE
from app.gui.views.privacy_dashboard import PrivacyDashboard
from tests.gui.shells import SLOW_MS, ShellFactory, ask, click, click_tab, open_page, ready_shell

PASSPHRASE = "correct horse battery staple"


def _data(shell: Shell) -> DataController:
    data = shell.window.data
    assert data is not None
    return data


def _from_dashboard(qtbot: QtBot, shell: Shell, key: str) -> QDialog:
    """Open a Data dialog the way a user would: Privacy page, Your data tab, its button."""
    page = open_page(qtbot, shell, PRIVACY_PAGE)
    assert isinstance(page, PrivacyDashboard)
    click_tab(qtbot, page.tabs, "Your data")
    click(qtbot, page.data_buttons[key])
    data = _data(shell)
    qtbot.waitUntil(lambda: data.dialog is not None and data.dialog.isVisible(), timeout=SLOW_MS)
    assert data.dialog is not None
    return data.dialog


def _insert_conversations(
    qtbot: QtBot, shell: Shell, count: int, messages: int = 2, size: int = 60
) -> None:
    """Store ``count`` conversations directly, as a long-used profile would hold them."""

    def insert(service: Confidant) -> None:
        now = service.clock.now().isoformat(timespec="seconds")
        text = ("the tide tables for the northern harbour " * 20)[:size]
        with service.database.transaction() as conn:
            for number in range(count):
                conversation_id = str(uuid.uuid4())
                conn.execute(
                    "INSERT INTO conversations(id, title, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?)",
                    (conversation_id, f"Conversation {number}", now, now),
                )
                conn.executemany(
                    "INSERT INTO messages(conversation_id, role, content, created_at) "
                    "VALUES (?, ?, ?, ?)",
                    [
                        (conversation_id, ("user", "assistant")[i % 2], f"{i} {text}", now)
                        for i in range(messages)
                    ],
                )

    ask(qtbot, shell, insert)


def _type_path(qtbot: QtBot, dialog: ExportDialog, path: Path) -> None:
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(path))


def _exports(qtbot: QtBot, shell: Shell) -> list[dict[str, object]]:
    events = ask(qtbot, shell, lambda service: service.data.audit_events("export"))
    return [dict(e.detail) for e in events if e.kind == "export.created"]


def test_an_export_reports_progress_to_the_end_and_writes_a_valid_file(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], tmp_path: Path
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    _insert_conversations(qtbot, shell, 40)
    dialog = _from_dashboard(qtbot, shell, "export")
    assert isinstance(dialog, ExportDialog)
    values: list[int] = []
    dialog.progress_bar.valueChanged.connect(values.append)
    out = tmp_path / "my-export.json"
    _type_path(qtbot, dialog, out)

    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: "Written to" in dialog.status_label.text(), timeout=SLOW_MS)

    assert dialog.progress_bar.maximum() == 40
    assert dialog.progress_bar.value() == 40
    assert values == sorted(values) and len(set(values)) >= 10, "fed step by step"
    assert str(out) in dialog.status_label.text()
    assert "40 conversations, 80 messages, not encrypted" in dialog.status_label.text()
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    document = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads(resource_path("schemas", "export-v1.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema, format_checker=jsonschema.FormatChecker())
    assert len(document["conversations"]) == 40

    # Done: Export is gone and Close is what Enter does.
    assert not dialog.export_button.isVisible()
    assert dialog.cancel_button.text() == "Close" and dialog.cancel_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SLOW_MS)

    # The dashboard shows the last export from the privacy log.
    page = shell.window.pages[PRIVACY_PAGE]
    assert isinstance(page, PrivacyDashboard)
    qtbot.waitUntil(lambda: "JSON" in page.last_export_label.text(), timeout=SLOW_MS)
    text = page.last_export_label.text()
    assert "not encrypted, 40 conversations, 80 messages" in text


def test_cancel_mid_export_leaves_no_file(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], tmp_path: Path
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    _insert_conversations(qtbot, shell, 1500, messages=6, size=400)
    dialog = _from_dashboard(qtbot, shell, "export")
    assert isinstance(dialog, ExportDialog)
    click(qtbot, dialog.format_radios["zip"])
    out = tmp_path / "cancelled.zip"
    _type_path(qtbot, dialog, out)

    click(qtbot, dialog.export_button)
    with qtbot.waitSignal(
        dialog.progress_bar.valueChanged, timeout=SLOW_MS, check_params_cb=lambda v: v > 0
    ):
        pass
    at_cancel = dialog.progress_bar.value()
    assert dialog.cancel_button.isEnabled() and dialog.cancel_button.text() == "Cancel"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=SLOW_MS)

    assert 0 < at_cancel < 1500, "the cancel landed mid-export"
    assert dialog.status_label.text() == "Cancelled. Nothing was written."
    assert dialog.isVisible(), "cancelling stops the export, not the dialog"
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [tmp_path / "profile"], "no partial or temp file"
    assert _exports(qtbot, shell) == []

    # The dialog can start again after a cancel; closing it is Cancel again.
    assert dialog.export_button.isEnabled()
    click(qtbot, dialog.cancel_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SLOW_MS)


def test_the_plaintext_warning_shows_only_without_a_passphrase(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], tmp_path: Path
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    data = _data(shell)
    assert data.menu.title() == "&Data"
    assert data.menu.menuAction() in shell.window.menuBar().actions()
    data.menu.export_action.trigger()  # the menu route opens the same dialog
    qtbot.waitUntil(lambda: isinstance(data.dialog, ExportDialog), timeout=SLOW_MS)
    dialog = data.dialog
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=SLOW_MS)

    assert dialog.plaintext_warning.isVisible()
    assert "NOT protected" in dialog.plaintext_warning.text_label.text()
    assert not dialog.encrypted_note.isVisible()
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    assert not dialog.plaintext_warning.isVisible()
    assert dialog.encrypted_note.isVisible()
    dialog.passphrase_edit.selectAll()
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Delete)
    assert dialog.plaintext_warning.isVisible()

    # A passphrase that is not repeated the same is refused before anything is written.
    out = tmp_path / "never.json"
    _type_path(qtbot, dialog, out)
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(dialog.confirm_edit, PASSPHRASE + "!")
    click(qtbot, dialog.export_button)
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "The two passphrases are different."
    assert not dialog.running and not out.exists()

    # A matching one writes an encrypted file, and says so.
    dialog.confirm_edit.clear()
    qtbot.keyClicks(dialog.confirm_edit, PASSPHRASE)
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: "Written to" in dialog.status_label.text(), timeout=SLOW_MS)
    assert "encrypted with your passphrase" in dialog.status_label.text()
    assert dialog.passphrase_edit.text() == "" and dialog.confirm_edit.text() == ""
    assert out.read_bytes().startswith(b"CONFIDANT-EXPORT-ENCRYPTED\n")
    assert _exports(qtbot, shell)[0]["encrypted"] is True
    dialog.reject()
