"""The import dialog on a real profile: our encrypted export, ChatGPT, Claude, bad files."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.dialogs.export_dialog import ExportDialog
from app.gui.dialogs.import_dialog import ImportDialog
from app.gui.pages import PRIVACY_PAGE
from app.gui.views.privacy_dashboard import PrivacyDashboard
from tests.gui.shells import (
    SLOW_MS,
    ShellFactory,
    ask,
    click,
    click_tab,
    open_page,
    ready_shell,
    send_chat,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
PASSPHRASE = "correct horse battery staple"


def _from_dashboard(qtbot: QtBot, shell: Shell, key: str) -> QDialog:
    """Open a Data dialog the way a user would: Privacy page, Your data tab, its button."""
    page = open_page(qtbot, shell, PRIVACY_PAGE)
    assert isinstance(page, PrivacyDashboard)
    click_tab(qtbot, page.tabs, "Your data")
    click(qtbot, page.data_buttons[key])
    data = shell.window.data
    assert data is not None
    qtbot.waitUntil(lambda: data.dialog is not None and data.dialog.isVisible(), timeout=SLOW_MS)
    assert data.dialog is not None
    return data.dialog


def _import_dialog(qtbot: QtBot, shell: Shell) -> ImportDialog:
    dialog = _from_dashboard(qtbot, shell, "import")
    assert isinstance(dialog, ImportDialog)
    return dialog


def _import(
    qtbot: QtBot, dialog: ImportDialog, path: Path, *, passphrase: str = "", source: str = ""
) -> None:
    """Fill in the dialog as a user would, see the summary, click Import, wait for its answer."""
    _summary(qtbot, dialog, path, passphrase=passphrase, source=source)
    if dialog.error_label.isVisible():
        return
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(
        lambda: (
            not dialog.busy and (dialog.result_label.isVisible() or dialog.error_label.isVisible())
        ),
        timeout=SLOW_MS,
    )


def _summary(
    qtbot: QtBot, dialog: ImportDialog, path: Path, *, passphrase: str = "", source: str = ""
) -> None:
    """Fill in the dialog, click "Show what's inside", and wait for the summary or an error."""
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(path))
    if source:
        dialog.source_combo.setFocus()
        qtbot.keyClicks(dialog.source_combo, source)
    if passphrase:
        qtbot.keyClicks(dialog.passphrase_edit, passphrase)
    assert not dialog.import_button.isEnabled(), "no import before the summary"
    click(qtbot, dialog.summary_button)
    qtbot.waitUntil(
        lambda: (
            not dialog.busy and (dialog.summary_label.isVisible() or dialog.error_label.isVisible())
        ),
        timeout=SLOW_MS,
    )


def _grant_storing(qtbot: QtBot, shell: Shell) -> None:
    ask(qtbot, shell, lambda service: service.consent.grant("store_conversations"))


def _titles(qtbot: QtBot, shell: Shell) -> list[str]:
    return sorted(c.title for c in ask(qtbot, shell, lambda service: service.chat.conversations()))


def _store_hash(qtbot: QtBot, shell: Shell) -> str:
    def dump(service: Confidant) -> str:
        tables = ("conversations", "messages", "preferences", "consents", "vault", "outbox")
        rows = {t: service.database.query(f"SELECT * FROM {t} ORDER BY 1") for t in tables}  # noqa: S608
        return hashlib.sha256(json.dumps(rows, default=str).encode()).hexdigest()

    return ask(qtbot, shell, dump)


def _messages(qtbot: QtBot, shell: Shell) -> list[tuple[str, str, str]]:
    def read(service: Confidant) -> list[tuple[str, str, str]]:
        return sorted(
            (c.title, m.role, m.content)
            for c in service.chat.conversations()
            for m in service.chat.conversation_messages(c.id)
        )

    return ask(qtbot, shell, read)


def test_an_encrypted_export_imports_back_through_the_dialogs(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], tmp_path: Path
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    _grant_storing(qtbot, shell)
    send_chat(qtbot, shell, "how do tides work")
    before = _messages(qtbot, shell)
    assert len(before) == 2

    export = _from_dashboard(qtbot, shell, "export")
    assert isinstance(export, ExportDialog)
    out = tmp_path / "backup.json"
    export.path_edit.clear()
    qtbot.keyClicks(export.path_edit, str(out))
    qtbot.keyClicks(export.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(export.confirm_edit, PASSPHRASE)
    click(qtbot, export.export_button)
    qtbot.waitUntil(lambda: "Written to" in export.status_label.text(), timeout=SLOW_MS)
    export.reject()
    assert b"tides" not in out.read_bytes()

    assert (
        ask(qtbot, shell, lambda service: service.data.delete_conversations(everything=True)) == 1
    )
    dialog = _import_dialog(qtbot, shell)
    _import(qtbot, dialog, out, passphrase="not the passphrase")
    assert dialog.error_label.isVisible() and not dialog.result_label.isVisible()
    assert "passphrase is wrong" in dialog.error_label.text()
    assert _messages(qtbot, shell) == []
    assert dialog.passphrase_edit.text() == "", "the passphrase does not linger"

    _import(qtbot, dialog, out, passphrase=PASSPHRASE)
    assert not dialog.error_label.isVisible()
    assert dialog.result_label.text().startswith(
        "Imported 1 conversation (2 messages) from a Confidant export."
    )
    assert _messages(qtbot, shell) == before
    assert not dialog.import_button.isEnabled(), "the same file is not imported twice by accident"
    click(qtbot, dialog.close_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SLOW_MS)


def test_chatgpt_and_claude_exports_import_through_the_dialog(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    _grant_storing(qtbot, shell)
    # The ChatGPT fixture is a year old: keep conversations long enough for it to count.
    ask(qtbot, shell, lambda service: service.data.set_retention("conversations", 1095))

    dialog = _import_dialog(qtbot, shell)
    assert dialog.source == "auto"
    _import(qtbot, dialog, FIXTURES / "chatgpt_conversations.json")
    assert dialog.result_label.text() == (
        "Imported 2 conversations (6 messages) from a ChatGPT export.\n"
        "Left out as sensitive: 0.\n"
        "Left out as expired (older than you keep conversations): 0."
    )
    assert _titles(qtbot, shell) == ["Bike chain", "Sourdough starter help"]
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SLOW_MS)

    dialog = _import_dialog(qtbot, shell)
    _import(qtbot, dialog, FIXTURES / "claude_conversations.json", source="Claude")
    assert dialog.source == "claude"
    assert dialog.result_label.text().startswith(
        "Imported 1 conversation (4 messages) from a Claude export."
    )
    assert _titles(qtbot, shell) == [
        "Bike chain",
        "Planning a herb garden",
        "Sourdough starter help",
    ]

    # The dashboard counts what came in.
    page = shell.window.pages[PRIVACY_PAGE]
    assert isinstance(page, PrivacyDashboard)
    dialog.reject()
    qtbot.waitUntil(lambda: page.storage_rows["conversations"][1].text() == "3", timeout=SLOW_MS)


def test_a_malformed_file_shows_the_error_and_changes_nothing(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], tmp_path: Path
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    good = (FIXTURES / "claude_conversations.json").read_bytes()
    truncated = tmp_path / "conversations.json"
    truncated.write_bytes(good[: len(good) // 2])

    dialog = _import_dialog(qtbot, shell)
    # Without consent to keep conversations, importing is refused, and says why.
    _import(qtbot, dialog, FIXTURES / "claude_conversations.json")
    assert "needs your consent" in dialog.error_label.text()
    assert _titles(qtbot, shell) == []

    _grant_storing(qtbot, shell)
    send_chat(qtbot, shell, "a conversation that must survive")
    before = _store_hash(qtbot, shell)
    _import(qtbot, dialog, truncated)
    assert dialog.error_label.isVisible() and not dialog.result_label.isVisible()
    assert "not valid JSON" in dialog.error_label.text()
    assert _store_hash(qtbot, shell) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["conversations.json", "profile"]

    # A file that does not exist says so too, and the dialog stays usable.
    _import(qtbot, dialog, tmp_path / "missing.json")
    assert "missing.json" in dialog.error_label.text()
    assert dialog.summary_button.isEnabled() and dialog.isVisible()
    assert not dialog.import_button.isEnabled()
    assert _store_hash(qtbot, shell) == before
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SLOW_MS)


def test_sensitive_conversations_stay_out_unless_the_box_is_ticked(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], tmp_path: Path
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    _grant_storing(qtbot, shell)
    document = json.loads((FIXTURES / "claude_conversations.json").read_text(encoding="utf-8"))
    words = "I have been feeling depressed and hopeless for weeks"
    document[0]["chat_messages"][0]["text"] = words
    document[0]["chat_messages"][0]["content"][0]["text"] = words
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps(document), encoding="utf-8")

    dialog = _import_dialog(qtbot, shell)
    assert not dialog.sensitive_check.isChecked()
    _import(qtbot, dialog, path)
    assert "Imported 0 conversations" in dialog.result_label.text()
    assert "Left out as sensitive: 1." in dialog.result_label.text()
    assert _titles(qtbot, shell) == []
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SLOW_MS)

    dialog = _import_dialog(qtbot, shell)
    assert not dialog.sensitive_check.isChecked(), "each import starts unticked"
    click(qtbot, dialog.sensitive_check)
    assert dialog.sensitive_check.isChecked()
    _import(qtbot, dialog, path)
    assert "Imported 1 conversation (4 messages)" in dialog.result_label.text()
    (stored,) = ask(qtbot, shell, lambda service: service.chat.conversations())
    assert stored.sensitive
    dialog.reject()


def test_the_summary_comes_first_and_a_2023_export_is_kept_from_today(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    _grant_storing(qtbot, shell)
    dialog = _import_dialog(qtbot, shell)
    _summary(qtbot, dialog, FIXTURES / "claude")
    text = dialog.summary_label.text()
    assert text.startswith("claude: 3 conversations (10 messages).")
    assert "From 2023-05-02 to 2025-03-03." in text
    assert "Older than your retention period (90 days): 3." in text
    assert "Cannot be read, skipped: Conversation 4 of conversations.json in claude" in text
    assert dialog.keep_today_radio.isVisible() and dialog.keep_today_radio.isChecked()
    assert dialog.keep_original_radio.isVisible() and not dialog.keep_original_radio.isChecked()
    assert dialog.retention_start == "today"
    assert _titles(qtbot, shell) == [], "the summary stores nothing"

    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.result_label.isVisible(), timeout=SLOW_MS)
    assert dialog.result_label.text().startswith("Imported 3 conversations (10 messages)")
    assert "Could not be read, skipped: 1." in dialog.result_label.text()
    assert _titles(qtbot, shell) == ["Budget total script", "Sourdough hydration", "Wettest month"]
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SLOW_MS)


def test_counting_from_original_dates_is_the_users_choice(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    _grant_storing(qtbot, shell)
    dialog = _import_dialog(qtbot, shell)
    _summary(qtbot, dialog, FIXTURES / "openwebui")
    click(qtbot, dialog.keep_original_radio)
    assert dialog.retention_start == "original"
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.result_label.isVisible(), timeout=SLOW_MS)
    assert "Left out as expired (older than you keep conversations): 2." in (
        dialog.result_label.text()
    )
    assert _titles(qtbot, shell) == []
    # Another file needs its own summary before Import is possible again.
    _summary(qtbot, dialog, FIXTURES / "lmstudio")
    assert dialog.summary_label.text().startswith("lmstudio: 2 conversations (6 messages).")
    dialog.reject()


def test_plaintext_originals_are_offered_and_deleted_only_when_confirmed(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], tmp_path: Path
) -> None:
    import shutil

    shell = ready_shell(qtbot, make_shell, facade)
    _grant_storing(qtbot, shell)
    data = tmp_path / "jan-data"
    shutil.copytree(FIXTURES / "jan", data)
    dialog = _import_dialog(qtbot, shell)
    _import(qtbot, dialog, data)
    assert dialog.originals_label.isVisible()
    listed = dialog.originals_label.text()
    assert str(data / "threads" / "01JBX7Q2M4" / "thread.json") in listed
    assert "jan_1720000000" not in listed, "the unreadable thread's files are not offered"
    assert not dialog.delete_originals_check.isChecked()
    assert not dialog.delete_originals_button.isEnabled(), "deleting needs the explicit tick"
    # Ticked from the keyboard: a click in the middle of a wide check box misses its text.
    dialog.delete_originals_check.setFocus()
    qtbot.keyClick(dialog.delete_originals_check, Qt.Key.Key_Space)
    assert dialog.delete_originals_check.isChecked()
    click(qtbot, dialog.delete_originals_button)
    qtbot.waitUntil(lambda: dialog.receipt_label.isVisible(), timeout=SLOW_MS)
    assert dialog.receipt_label.text().startswith("Deleted 4 file(s). Receipt ")
    assert not (data / "threads" / "01JBX7Q2M4").exists()
    assert (data / "threads" / "jan_1720000000" / "thread.json").exists()
    assert len(_titles(qtbot, shell)) == 2
    dialog.reject()


def test_chats_found_on_this_computer_fill_in_the_file_and_source(qtbot: QtBot) -> None:
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.found_combo.isEnabled()
    dialog.set_found(
        [
            ("Jan", "/home/robin/.config/Jan/data", "jan"),
            ("LM Studio", "/home/robin/.lmstudio/conversations", "lmstudio"),
        ]
    )
    assert dialog.found_combo.isEnabled() and dialog.found_combo.count() == 3
    dialog.found_combo.setFocus()
    qtbot.keyClick(dialog.found_combo, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.found_combo, Qt.Key.Key_Down)
    assert dialog.path_edit.text() == "/home/robin/.lmstudio/conversations"
    assert dialog.source == "lmstudio"
    assert not dialog.import_button.isEnabled(), "a found folder is summarized before import"
