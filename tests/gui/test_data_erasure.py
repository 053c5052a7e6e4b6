"""Deleting conversations and forget-me through their dialogs, on a real profile and keyring."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from app.core import keys, profile
from app.core.service import Confidant
from app.gui.application import EXIT_OK, Shell
from app.gui.dialogs.delete_dialog import DeleteDialog
from app.gui.dialogs.forget_me_dialog import ForgetMeDialog
from app.gui.pages import CHAT_PAGE, PRIVACY_PAGE
from app.gui.views.privacy_dashboard import PrivacyDashboard
from app.gui.window_settings import settings_path
from tests.gui.shells import (
    SLOW_MS,
    ShellFactory,
    ask,
    click,
    click_tab,
    new_chat,
    open_page,
    ready_shell,
    send_chat,
)
from tests.helpers.collector import running_collector
from tests.helpers.files import files_containing, files_under


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


def _stored(qtbot: QtBot, shell: Shell) -> list[str]:
    return sorted(c.title for c in ask(qtbot, shell, lambda service: service.chat.conversations()))


def _chats(qtbot: QtBot, shell: Shell, *prompts: str) -> None:
    ask(qtbot, shell, lambda service: service.consent.grant("store_conversations"))
    for prompt in prompts:
        new_chat(qtbot, shell)
        send_chat(qtbot, shell, prompt)


def _delete(qtbot: QtBot, dialog: DeleteDialog) -> None:
    click(qtbot, dialog.confirm_check)
    click(qtbot, dialog.delete_button)
    qtbot.waitUntil(lambda: dialog.result_label.isVisible(), timeout=SLOW_MS)


def test_deleting_needs_confirmation_and_cancel_is_the_default(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    _chats(qtbot, shell, "knots for sailing", "a pasta recipe", "tides and moons")
    titles = _stored(qtbot, shell)
    assert len(titles) == 3

    dialog = _from_dashboard(qtbot, shell, "delete")
    assert isinstance(dialog, DeleteDialog)
    assert dialog.cancel_button.isDefault() and not dialog.delete_button.isDefault()
    assert dialog.one_radio.isChecked() and dialog.conversation_combo.count() == 3
    assert not dialog.delete_button.isEnabled(), "nothing is deleted before it is confirmed"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter means Cancel
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SLOW_MS)
    assert _stored(qtbot, shell) == titles

    # One conversation: the one picked in the list.
    dialog = _from_dashboard(qtbot, shell, "delete")
    assert isinstance(dialog, DeleteDialog)
    dialog.conversation_combo.setFocus()
    qtbot.keyClick(dialog.conversation_combo, Qt.Key.Key_Down)
    picked = dialog.conversation_combo.currentText().split(" — ")[0]
    _delete(qtbot, dialog)
    assert dialog.result_label.text() == "Deleted 1 conversation, for good."
    assert _stored(qtbot, shell) == sorted(t for t in titles if t != picked)
    assert dialog.conversation_combo.count() == 2
    assert not dialog.confirm_check.isChecked(), "each deletion is confirmed again"

    # A date range: none last active a year ago; both of them this month.
    click(qtbot, dialog.range_radio)
    year_ago = QDate.currentDate().addYears(-1)
    dialog.from_date.setDate(year_ago.addDays(-7))
    dialog.to_date.setDate(year_ago)
    assert dialog.matching() == 0
    assert "nothing would be deleted" in dialog.summary_label.text()
    click(qtbot, dialog.confirm_check)
    assert not dialog.delete_button.isEnabled()
    click(qtbot, dialog.confirm_check)
    dialog.from_date.setDate(QDate.currentDate().addDays(-30))
    dialog.to_date.setDate(QDate.currentDate())
    assert "This deletes 2 conversations last active from" in dialog.summary_label.text()
    _delete(qtbot, dialog)
    assert dialog.result_label.text() == "Deleted 2 conversations, for good."
    assert _stored(qtbot, shell) == []
    click(qtbot, dialog.cancel_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SLOW_MS)

    # The dashboard lists both deletions (from the privacy log: counts, never titles).
    page = shell.window.pages[PRIVACY_PAGE]
    assert isinstance(page, PrivacyDashboard)
    qtbot.waitUntil(lambda: page.deletions_table.rowCount() == 2, timeout=SLOW_MS)
    rows = page.deletions_table.row_texts()
    assert [row[2] for row in rows] == [
        "conversations: 2, scope: range",
        "conversations: 1, scope: one",
    ]
    assert not any(title in " ".join(map(" ".join, rows)) for title in titles)


def test_delete_all(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    _chats(qtbot, shell, "knots for sailing", "a pasta recipe")
    dialog = _from_dashboard(qtbot, shell, "delete")
    assert isinstance(dialog, DeleteDialog)
    click(qtbot, dialog.all_radio)
    assert dialog.summary_label.text() == "This deletes all 2 stored conversations."
    _delete(qtbot, dialog)
    assert dialog.result_label.text() == "Deleted 2 conversations, for good."
    assert _stored(qtbot, shell) == []
    assert not dialog.one_radio.isEnabled() and not dialog.delete_button.isEnabled()
    dialog.reject()


def _forget_dialog(qtbot: QtBot, shell: Shell) -> ForgetMeDialog:
    dialog = _from_dashboard(qtbot, shell, "forget")
    assert isinstance(dialog, ForgetMeDialog)
    return dialog


def _type(qtbot: QtBot, dialog: ForgetMeDialog, text: str) -> None:
    dialog.confirm_edit.selectAll()
    qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(dialog.confirm_edit, text)


def test_forget_me_needs_delete_typed_exactly_then_shows_the_receipt_and_quits(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
    profile_dir: Path,
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    canary = f"CANARY{uuid.uuid4().hex}"
    _chats(qtbot, shell, f"please forget {canary}")
    loaded = profile.load_profile_file(profile_dir)
    assert loaded is not None

    shell.window.window_settings.save(shell.window)  # as an earlier session's close did
    assert settings_path().exists()
    dialog = _forget_dialog(qtbot, shell)
    assert dialog.cancel_button.isDefault() and not dialog.forget_button.isDefault()
    assert str(profile_dir) in dialog.findChild(QLabel, "forgetProfileDir").text()
    assert not dialog.forget_button.isEnabled()
    for almost in ("delete", "DELETE ", " DELETE", "DELET", "Delete"):
        _type(qtbot, dialog, almost)
        assert not dialog.forget_button.isEnabled(), repr(almost)
    qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Return)  # Enter is Cancel, even now
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SLOW_MS)
    assert profile_dir.exists()

    dialog = _forget_dialog(qtbot, shell)
    _type(qtbot, dialog, "DELETE")
    assert dialog.forget_button.isEnabled()
    finished: list[int] = []
    shell.finished.connect(finished.append)
    click(qtbot, dialog.forget_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=SLOW_MS)

    # Gone: the folder, the key in the keyring, the window's remembered size.
    assert not profile_dir.exists()
    assert not settings_path().exists()
    store = keys.KeyringKeyStore.from_environment()
    assert store.get(loaded.profile_id) is None
    # The receipt: counts and the time, never content.
    counts = dict(dialog.receipt_table.row_texts())
    assert counts["Conversations"] == "1" and counts["Messages"] == "2"
    assert counts["Keys in the system keyring"] == "1"
    assert int(counts["Files in the profile folder"]) >= 2
    assert dialog.receipt_time.text().startswith(f"Erased on {dt.date.today().isoformat()}")
    assert "nothing had been shared" in dialog.upstream_label.text()
    shown = "\n".join([dialog.receipt_time.text(), dialog.upstream_label.text()])
    assert canary not in shown and canary not in str(dialog.receipt_table.row_texts())
    click(qtbot, dialog.copy_button)
    copied = QGuiApplication.clipboard().text()
    assert "Conversations: 1" in copied and canary not in copied

    # The window no longer uses the closed store, and nothing was recreated on disk.
    window = shell.window
    assert window.current_page() == CHAT_PAGE
    assert not window.navigation.isEnabled() and not window.chat.prompt.isEnabled()
    assert shell.window.data is not None and not shell.window.data.menu.isEnabled()
    assert not profile_dir.exists()
    assert finished == [], "the receipt stays until the user leaves it"

    assert dialog.done_button.text() == "Quit Confidant" and dialog.done_button.isDefault()
    with qtbot.waitSignal(shell.finished, timeout=SLOW_MS):
        click(qtbot, dialog.done_button)
    assert finished == [EXIT_OK]
    assert not profile_dir.exists()
    assert not settings_path().exists(), "closing after forget me saves no geometry"
    assert files_containing(files_under(profile_dir.parent), [canary.encode()]) == []


def test_forget_me_offline_keeps_a_new_profile_with_the_request(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    with running_collector() as collector:
        url, key = collector.url, collector.collector_key_b64
    # The collector is down from here on: the deletion request cannot be delivered.
    shell = ready_shell(qtbot, make_shell, facade)

    def share(service: Confidant) -> None:
        service.upstream.configure(url, key, None)
        service.consent.grant("share_for_training")

    ask(qtbot, shell, share)
    dialog = _forget_dialog(qtbot, shell)
    _type(qtbot, dialog, "DELETE")
    with qtbot.waitSignal(shell.window.conversationStarted, timeout=SLOW_MS):
        click(qtbot, dialog.forget_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=SLOW_MS)
    assert "not confirmed yet" in dialog.upstream_label.text()
    assert "new, empty profile keeps it" in dialog.next_label.text()
    assert dialog.done_button.text() == "Continue"
    click(qtbot, dialog.done_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SLOW_MS)

    # The new profile is usable, and the dashboard shows the receipt and the pending request.
    window = shell.window
    assert window.navigation.isEnabled() and window.chat.prompt.isEnabled()
    page = open_page(qtbot, shell, PRIVACY_PAGE)
    assert isinstance(page, PrivacyDashboard)
    click_tab(qtbot, page.tabs, "Your data")
    assert page.erasure_label.isVisible()
    assert page.erasure_label.text().startswith("Your previous profile was erased on")
    assert "1 deletion request waiting" in page.erasure_label.text()
    assert [row[2] for row in page.receipts_table.row_texts()] == ["Waiting to be sent"]
    assert ask(qtbot, shell, lambda service: service.chat.conversations()) == []
