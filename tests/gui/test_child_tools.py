"""The child's own tools (My data, Delete my data) and the helplines in the chat, in child mode."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.core.childmode import GuardianRequired, support_resources_file
from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.controllers.chat_page import CHILD_MODE_REASON
from app.gui.controllers.preferences_page import CHILD_MODE_NO_UPLOAD
from app.gui.dialogs.my_data_dialog import MyDataDialog
from app.gui.pages import PREFERENCES_PAGE
from app.gui.views.preferences_page import PreferencesPage
from app.gui.widgets.support_note import GUARDIAN_LIST
from tests.gui.child_profiles import PIN, assert_badged, make_child_profile, shown_badge
from tests.gui.shells import (
    SLOW_MS,
    ShellFactory,
    ask,
    new_chat,
    open_page,
    ready_shell,
    send_chat,
    settle,
    toolbar_button,
)

SENSITIVE = "My parents are getting divorced and I feel depressed"
ORDINARY = "Can you help me with my maths homework?"


def _as_adult(service: Confidant) -> None:
    """What a profile held before child mode: a kept conversation, a nickname and a fox."""
    service.consent.grant("store_conversations")
    service.chat.send(service.chat.new_conversation(), "what rhymes with orange?")
    service.preferences.set("display_name", "Robin")
    service.preferences.set("avatar", "fox")


class _Clicks:
    """Counts the clicks a test makes, each a real mouse click on a visible widget."""

    def __init__(self, qtbot: QtBot) -> None:
        self._qtbot = qtbot
        self.count = 0

    def click(self, widget: QWidget) -> None:
        self._qtbot.waitUntil(lambda: widget.isVisible() and widget.isEnabled(), timeout=SLOW_MS)
        self._qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.count += 1


def _child_shell(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path, **profile: object
) -> Shell:
    make_child_profile(profile_dir, **profile)  # type: ignore[arg-type]
    shell = ready_shell(qtbot, make_shell, lambda: Confidant(profile_dir))
    qtbot.waitUntil(lambda: shell.window.child_mode, timeout=SLOW_MS)
    return shell


def _my_data_dialog(qtbot: QtBot, shell: Shell) -> MyDataDialog:
    def shown() -> bool:
        dialog = QApplication.activeModalWidget()
        return isinstance(dialog, MyDataDialog) and dialog.isVisible()

    qtbot.waitUntil(shown, timeout=SLOW_MS)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, MyDataDialog)
    return dialog


def test_delete_my_data_takes_two_clicks_and_no_pin(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path
) -> None:
    shell = _child_shell(qtbot, make_shell, profile_dir, before=_as_adult)
    window = shell.window
    clicks = _Clicks(qtbot)

    clicks.click(toolbar_button(window, "chatToolBar", window.my_data_action))
    dialog = _my_data_dialog(qtbot, shell)
    assert_badged(dialog)
    clicks.click(dialog.delete_button)
    qtbot.waitUntil(dialog.result_label.isVisible, timeout=SLOW_MS)
    settle(qtbot, shell)

    assert clicks.count == 2
    assert "deleted 1 kept conversation" in dialog.result_label.text()
    assert not dialog.error_label.isVisible()
    assert ask(qtbot, shell, lambda s: s.chat.stored_message_count()) == 0
    assert ask(qtbot, shell, lambda s: s.preferences.get("display_name")) == ""
    assert ask(qtbot, shell, lambda s: s.preferences.get("avatar")) == "owl"
    # Child mode is still on, and no PIN was entered on the way: settings stay guarded.
    assert ask(qtbot, shell, lambda s: s.child.status().enabled)
    with pytest.raises(GuardianRequired):
        ask(qtbot, shell, lambda s: s.data.set_retention("conversations", 30))
    # The list shows what is left, right away.
    text = dialog.summary_text()
    assert "Your nickname: none" in text and "Conversations kept: 0 conversations" in text
    dialog.close()


def test_my_data_says_plainly_what_is_stored(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path
) -> None:
    shell = _child_shell(qtbot, make_shell, profile_dir, before=_as_adult)
    window = shell.window
    window.my_data_action.trigger()
    dialog = _my_data_dialog(qtbot, shell)
    qtbot.waitUntil(lambda: "Your nickname" in dialog.summary_text(), timeout=SLOW_MS)
    text = dialog.summary_text()
    assert "Your nickname: Robin" in text
    assert "Your picture: Owl (a built-in picture)" in text  # child mode reset the fox
    assert "Voice: Default" in text
    assert "Conversations kept: 1 conversation (in child mode, chats are never kept)" in text
    assert "Messages kept: 2" in text
    assert "Keeping conversations: on; Sharing to train the assistant: off" in text
    assert "never what you wrote" in text
    assert "Child mode: on since" in text
    # That Enter deletes nothing is the controller's and the dialog's: tested against a fake
    # facade in tests/gui/controllers/test_my_data.py.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SLOW_MS)


def test_my_data_is_only_on_the_toolbar_in_child_mode(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    qtbot.waitUntil(lambda: shell.window.child_indicator.enabled is False, timeout=SLOW_MS)
    assert not shell.window.my_data_action.isVisible()


# --- helplines in the chat -----------------------------------------------------------------


def test_a_sensitive_message_brings_the_guardians_helplines(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path
) -> None:
    shell = _child_shell(qtbot, make_shell, profile_dir)
    chat = shell.window.chat

    send_chat(qtbot, shell, ORDINARY)
    assert not chat.support_shown()

    send_chat(qtbot, shell, SENSITIVE)
    qtbot.waitUntil(lambda: chat.support_note is not None and chat.support_note.isVisible())
    note = chat.support_note
    assert note is not None
    assert note.caption_label.text() == GUARDIAN_LIST
    assert "Childline" in note.text_label.text()
    assert "A list the guardian can edit" not in note.text_label.text()  # the comment is not shown
    where = str(support_resources_file("en"))
    assert where in note.where_label.text() and "guardian" in note.where_label.text()
    assert note.hide_button.accessibleName()
    # Nothing was kept, and the note sits in the chat, under the conversation.
    assert shell.window.save_status_label.text() == "Not saved"
    assert chat.save_note.text() == CHILD_MODE_REASON
    assert ask(qtbot, shell, lambda s: s.chat.stored_message_count()) == 0
    assert chat.isAncestorOf(note) and note.y() > chat.transcript.y()
    assert_badged(shell.window)

    new_chat(qtbot, shell)
    assert not chat.support_shown()


def test_the_helplines_follow_the_language(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path
) -> None:
    shell = _child_shell(
        qtbot,
        make_shell,
        profile_dir,
        before=lambda s: s.preferences.set("language", "de"),
    )
    send_chat(qtbot, shell, SENSITIVE)
    chat = shell.window.chat
    qtbot.waitUntil(chat.support_shown, timeout=SLOW_MS)
    assert chat.support_note is not None
    assert "Nummer gegen Kummer" in chat.support_note.text_label.text()
    assert str(support_resources_file("de")) in chat.support_note.where_label.text()


def test_marking_a_chat_sensitive_by_hand_brings_the_helplines_too(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path
) -> None:
    shell = _child_shell(qtbot, make_shell, profile_dir)
    window = shell.window
    window.sensitive_action.trigger()
    qtbot.waitUntil(window.chat.support_shown, timeout=SLOW_MS)
    window.chat.support_note.hide_button.click()  # type: ignore[union-attr]
    assert not window.chat.support_shown()


def test_no_helplines_outside_child_mode(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    ask(qtbot, shell, lambda s: s.consent.grant("store_conversations"))
    new_chat(qtbot, shell)
    send_chat(qtbot, shell, SENSITIVE)
    assert shell.window.save_status_label.text() == "Sensitive — not saved"
    assert not shell.window.chat.support_shown()
    assert shown_badge(shell.window) is None


def test_the_helplines_go_when_child_mode_goes(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path
) -> None:
    shell = _child_shell(qtbot, make_shell, profile_dir)
    send_chat(qtbot, shell, SENSITIVE)
    qtbot.waitUntil(shell.window.chat.support_shown, timeout=SLOW_MS)
    ask(qtbot, shell, lambda s: s.child.disable(PIN))
    with qtbot.waitSignal(shell.window.childModeChanged, timeout=SLOW_MS):
        shell.window.refresh_child_mode()
    assert not shell.window.chat.support_shown()


def test_only_built_in_pictures_can_be_chosen_in_child_mode(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path
) -> None:
    shell = _child_shell(qtbot, make_shell, profile_dir)
    page = open_page(qtbot, shell, PREFERENCES_PAGE)
    assert isinstance(page, PreferencesPage)
    qtbot.waitUntil(lambda: page.choose_image_button.toolTip() != "", timeout=SLOW_MS)
    assert not page.choose_image_button.isEnabled()
    assert page.choose_image_button.toolTip() == CHILD_MODE_NO_UPLOAD
    assert page.avatar_combo.count() > 1, "the built-in pictures stay available"


def test_a_picture_of_your_own_can_be_chosen_outside_child_mode(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = open_page(qtbot, shell, PREFERENCES_PAGE)
    assert isinstance(page, PreferencesPage)
    qtbot.waitUntil(lambda: page.choose_image_button.toolTip() != "", timeout=SLOW_MS)
    assert page.choose_image_button.isEnabled()
