"""The Guardian page: the setup dialog, the guide and helplines, and the forgotten-PIN link."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QTextBrowser
from pytestqt.qtbot import QtBot

from app.core.consent import Scope
from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.controllers.guardian_page import GuardianPageController
from app.gui.dialogs.forget_me_dialog import ForgetMeDialog
from app.gui.dialogs.guardian_setup_dialog import AGREE_TEXT, GuardianSetupDialog
from app.gui.pages import GUARDIAN_PAGE
from app.gui.views.guardian_page import SET_UP_TEXT, TURN_OFF_TEXT, GuardianPage
from tests.gui.child_profiles import assert_badged, shown_badge
from tests.gui.shells import SLOW_MS, ShellFactory, ask, click, open_page, ready_shell, settle

PIN = "tulip-472"


def _page(qtbot: QtBot, shell: Shell) -> GuardianPage:
    page = open_page(qtbot, shell, GUARDIAN_PAGE)
    assert isinstance(page, GuardianPage)
    qtbot.waitUntil(page.child_mode_button.isEnabled, timeout=SLOW_MS)
    return page


def _controller(shell: Shell) -> GuardianPageController:
    controller = shell.window.controllers[GUARDIAN_PAGE]
    assert isinstance(controller, GuardianPageController)
    return controller


def _open_setup(qtbot: QtBot, shell: Shell, page: GuardianPage) -> GuardianSetupDialog:
    assert page.child_mode_button.text() == SET_UP_TEXT
    click(qtbot, page.child_mode_button)
    controller = _controller(shell)
    qtbot.waitUntil(
        lambda: controller.setup_dialog is not None and controller.setup_dialog.isVisible(),
        timeout=SLOW_MS,
    )
    dialog = controller.setup_dialog
    assert dialog is not None
    return dialog


def _showing(dialog: GuardianSetupDialog) -> bool:
    return shiboken6.isValid(dialog) and dialog.isVisible()


def _type(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def _child_mode(qtbot: QtBot, shell: Shell) -> tuple[bool, str | None]:
    status = ask(qtbot, shell, lambda service: service.child.status())
    return status.enabled, status.consent_at


def test_the_setup_dialog_nudges_nowhere_and_finishes_only_when_complete(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = _page(qtbot, shell)
    dialog = _open_setup(qtbot, shell, page)

    # What child mode does and does not do, and the guardian's agreement in full.
    assert "no conversation is kept" in dialog.findChild(object, "childModeDoes").text()
    assert "does **not**" in dialog.findChild(object, "childModeDoesNot").text()
    consent = dialog.consent_view.toPlainText()
    assert "I am this child's parent or legal guardian" in consent
    assert "**" not in consent, "the agreement is rendered, not shown as Markdown source"

    # Nothing pre-checked, Cancel is the default, Finish waits.
    assert dialog.agree_check.text() == AGREE_TEXT
    assert not dialog.agree_check.isChecked()
    assert dialog.cancel_button.isDefault()
    assert not dialog.finish_button.isDefault()
    assert not dialog.finish_button.isEnabled()
    assert dialog.pin_edit.echoMode() is QLineEdit.EchoMode.Password
    assert dialog.repeat_edit.echoMode() is QLineEdit.EchoMode.Password
    assert not dialog.error_label.isVisible(), "an empty form is not an error"

    # Matching, long PINs but no agreement: still disabled.
    _type(qtbot, dialog.pin_edit, PIN)
    _type(qtbot, dialog.repeat_edit, PIN)
    assert not dialog.finish_button.isEnabled()
    assert not dialog.error_label.isVisible()

    click(qtbot, dialog.agree_check)
    assert dialog.agree_check.isChecked()
    assert dialog.finish_button.isEnabled()

    # Too short: an inline error, and no finishing.
    _type(qtbot, dialog.pin_edit, "12345")
    _type(qtbot, dialog.repeat_edit, "12345")
    assert not dialog.finish_button.isEnabled()
    assert dialog.error_label.isVisible()
    assert "at least 6" in dialog.error_label.text()

    # Different: an inline error, and no finishing.
    _type(qtbot, dialog.pin_edit, PIN)
    _type(qtbot, dialog.repeat_edit, PIN + "x")
    assert not dialog.finish_button.isEnabled()
    assert dialog.error_label.text() == "The two PINs are different."

    # Unticking the agreement takes Finish away again.
    _type(qtbot, dialog.repeat_edit, PIN)
    assert dialog.finish_button.isEnabled() and not dialog.error_label.isVisible()
    click(qtbot, dialog.agree_check)
    assert not dialog.finish_button.isEnabled()
    click(qtbot, dialog.agree_check)

    assert _child_mode(qtbot, shell) == (False, None)
    click(qtbot, dialog.finish_button)
    qtbot.waitUntil(lambda: not _showing(dialog), timeout=SLOW_MS)
    settle(qtbot, shell)

    enabled, consent_at = _child_mode(qtbot, shell)
    assert enabled
    assert consent_at is not None, "the guardian's consent is recorded"
    qtbot.waitUntil(lambda: page.child_mode_button.text() == TURN_OFF_TEXT, timeout=SLOW_MS)
    assert page.status_label.text().startswith("Child mode is on since")
    assert page.lock_button.isVisible()
    # The window shows the child-mode badge at once, without a restart.
    qtbot.waitUntil(lambda: shown_badge(shell.window) is not None, timeout=SLOW_MS)
    assert_badged(shell.window)
    # The PIN is the one chosen: a guarded change goes through with it.
    ask(qtbot, shell, lambda service: service.child.authorize_guardian(PIN))


def test_cancelling_the_setup_dialog_leaves_child_mode_off(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = _page(qtbot, shell)
    dialog = _open_setup(qtbot, shell, page)
    click(qtbot, dialog.agree_check)
    _type(qtbot, dialog.pin_edit, PIN)
    _type(qtbot, dialog.repeat_edit, PIN)
    click(qtbot, dialog.cancel_button)
    settle(qtbot, shell)
    assert not _showing(dialog)
    assert _child_mode(qtbot, shell) == (False, None)
    assert page.child_mode_button.text() == SET_UP_TEXT


def test_enter_in_the_pin_fields_never_cancels_and_finishes_when_ready(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = _page(qtbot, shell)
    dialog = _open_setup(qtbot, shell, page)
    _type(qtbot, dialog.pin_edit, PIN)
    qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
    assert _showing(dialog) and dialog.focusWidget() is dialog.repeat_edit
    _type(qtbot, dialog.repeat_edit, PIN)
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)  # no agreement yet: nothing
    assert _showing(dialog)
    click(qtbot, dialog.agree_check)
    dialog.repeat_edit.setFocus()
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not _showing(dialog), timeout=SLOW_MS)
    settle(qtbot, shell)
    assert _child_mode(qtbot, shell)[0]


def test_setting_up_child_mode_withdraws_sharing_and_stops_keeping(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    ask(qtbot, shell, lambda service: service.consent.grant(Scope.STORE_CONVERSATIONS))
    ask(qtbot, shell, lambda service: service.consent.grant(Scope.RESEARCH))
    page = _page(qtbot, shell)
    dialog = _open_setup(qtbot, shell, page)
    click(qtbot, dialog.agree_check)
    _type(qtbot, dialog.pin_edit, PIN)
    _type(qtbot, dialog.repeat_edit, PIN)
    click(qtbot, dialog.finish_button)
    qtbot.waitUntil(lambda: not _showing(dialog), timeout=SLOW_MS)
    settle(qtbot, shell)
    assert not ask(qtbot, shell, lambda service: service.ledger.is_granted(Scope.RESEARCH))
    # The chat's status bar says the conversation is not kept any more.
    qtbot.waitUntil(lambda: shell.window.save_status_label.text() != "Saved", timeout=SLOW_MS)
    conversation = shell.window.chat_page.conversation_id
    assert conversation is not None
    status = ask(qtbot, shell, lambda service: service.chat.save_status(conversation))
    assert status.name != "SAVED"


def test_the_page_renders_the_guide_and_the_editable_helplines(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = _page(qtbot, shell)
    guide = page.guide_view.toPlainText()
    for heading in (
        "Protecting a child's privacy with Confidant",
        "What child mode does",
        "What child mode does not do",
        "Reviewing your child's data",
        "Exporting your child's data",
        "Deleting your child's data",
        "If you forget the PIN",
    ):
        assert heading in guide
    # Rendered Markdown: headings and emphasis are formatting, not '#' and '**' characters.
    assert "## " not in guide and "**" not in guide
    assert page.guide_view.document().toMarkdown().count("#") >= 7

    helplines = page.helplines_view.toPlainText()
    assert "Childline" in helplines
    note = page.helplines_note.text()
    assert "list you can edit" in note
    assert note.endswith("to suit your country and family.")
    assert "helplines/en.md" in note
    assert page.status_label.text().startswith("Child mode is off")
    assert not page.lock_button.isVisible()


def test_a_forgotten_pin_leads_to_forget_me_which_needs_no_pin(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], profile_dir: Path
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    ask(qtbot, shell, lambda service: service.child.enable(PIN))
    page = _page(qtbot, shell)
    assert "Nothing can bypass it" in page.recovery_label.text()
    assert "Forget me" in page.recovery_label.text()
    click(qtbot, page.forget_button)
    data = shell.window.data
    assert data is not None
    qtbot.waitUntil(
        lambda: isinstance(data.dialog, ForgetMeDialog) and data.dialog.isVisible(),
        timeout=SLOW_MS,
    )
    dialog = data.dialog
    assert isinstance(dialog, ForgetMeDialog)
    qtbot.keyClicks(dialog.confirm_edit, "DELETE")
    click(qtbot, dialog.forget_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=SLOW_MS)
    # Erased without the PIN: the profile (and its guardian record) is gone.
    assert not profile_dir.exists()
    with qtbot.waitSignal(shell.finished, timeout=SLOW_MS):
        click(qtbot, dialog.done_button)


def test_lock_settings_now_ends_the_guardian_session(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    ask(qtbot, shell, lambda service: service.child.enable(PIN))
    ask(qtbot, shell, lambda service: service.child.authorize_guardian(PIN))
    page = _page(qtbot, shell)
    assert page.lock_button.isVisible()
    ask(
        qtbot, shell, lambda service: service.child.require_guardian("a test")
    )  # the session is open

    click(qtbot, page.lock_button)
    settle(qtbot, shell)
    assert page.news_label.text().startswith("Settings are locked")
    from app.core.childmode import GuardianRequired

    try:
        ask(qtbot, shell, lambda service: service.child.require_guardian("a test"))
    except GuardianRequired:
        pass
    else:
        raise AssertionError("the guardian session was still open")


def test_the_page_and_setup_dialog_controls_are_named(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = _page(qtbot, shell)
    dialog = _open_setup(qtbot, shell, page)
    for root in (page, dialog):
        for widget in [
            *root.findChildren(QAbstractButton),
            *root.findChildren(QLineEdit),
            *root.findChildren(QTextBrowser),
        ]:
            if widget.parent() is not None and widget.parent().inherits("QTabBar"):
                continue  # the tab bar's own scroll buttons
            assert widget.objectName(), widget
            assert widget.accessibleName(), widget.objectName()
    click(qtbot, dialog.cancel_button)
    settle(qtbot, shell)
