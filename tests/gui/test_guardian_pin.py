"""Child mode in the GUI: every guarded setting is refused without the PIN and works with it."""

from __future__ import annotations

import re
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit
from pytestqt.qtbot import QtBot

from app.core.attempts import BASE_LOCKOUT_SECONDS, FREE_ATTEMPTS
from app.core.consent import Scope
from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.controllers.guardian import GuardianGate
from app.gui.controllers.preferences_page import PreferencesController
from app.gui.controllers.privacy_dashboard import CHILD_MODE_NO_SHARING
from app.gui.controllers.provider_page import ProviderController
from app.gui.dialogs.pin_dialog import PinDialog
from app.gui.pages import ASSISTANT_PAGE, GUARDIAN_PAGE, OUTBOX_PAGE, PREFERENCES_PAGE, PRIVACY_PAGE
from app.gui.signals import emit
from app.gui.views.guardian_page import SET_UP_TEXT, TURN_OFF_TEXT, GuardianPage
from app.gui.views.outbox_page import OutboxPage
from app.gui.views.preferences_page import PreferencesPage
from app.gui.views.privacy_dashboard import PrivacyDashboard
from app.gui.views.provider_page import ProviderPage
from tests.gui.shells import (
    SLOW_MS,
    ShellFactory,
    ask,
    click,
    click_tab,
    open_page,
    ready_shell,
    settle,
)
from tests.helpers.providers import running_provider

PIN = "tulip-472"
WRONG = "daisy-000"


def _child_mode_on(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> Shell:
    shell = ready_shell(qtbot, make_shell, facade)
    ask(qtbot, shell, lambda service: service.child.enable(PIN))
    return shell


def _gate(shell: Shell, page: str) -> GuardianGate:
    gate = getattr(shell.window.controllers[page], "guardian", None)
    assert isinstance(gate, GuardianGate)
    return gate


def _pin_dialog(qtbot: QtBot, gate: GuardianGate) -> PinDialog:
    qtbot.waitUntil(lambda: gate.dialog is not None and gate.dialog.isVisible(), timeout=SLOW_MS)
    dialog = gate.dialog
    assert dialog is not None
    # No nudge: Cancel (nothing changes) is the default, and the field starts empty and masked.
    assert dialog.cancel_button.isDefault()
    assert not dialog.ok_button.isDefault()
    assert dialog.pin_edit.text() == ""
    assert dialog.pin_edit.echoMode() is QLineEdit.EchoMode.Password
    return dialog


def _showing(dialog: PinDialog) -> bool:
    """Whether the dialog is still on screen (a closed one is deleted soon after)."""
    return shiboken6.isValid(dialog) and dialog.isVisible()


def _enter(qtbot: QtBot, shell: Shell, dialog: PinDialog, pin: str) -> None:
    """Type ``pin`` and press the OK button, then wait until the DB lane has answered."""
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=SLOW_MS)
    qtbot.keyClicks(dialog.pin_edit, pin)
    click(qtbot, dialog.ok_button)
    settle(qtbot, shell)
    qtbot.waitUntil(lambda: not _showing(dialog) or dialog.ok_button.isEnabled(), timeout=SLOW_MS)


def _cancel(qtbot: QtBot, shell: Shell, dialog: PinDialog) -> None:
    click(qtbot, dialog.cancel_button)
    settle(qtbot, shell)
    assert not _showing(dialog)


def _granted(qtbot: QtBot, shell: Shell, scope: Scope) -> bool:
    return ask(qtbot, shell, lambda service: service.ledger.is_granted(scope))


def _dashboard(qtbot: QtBot, shell: Shell) -> PrivacyDashboard:
    page = open_page(qtbot, shell, PRIVACY_PAGE)
    assert isinstance(page, PrivacyDashboard)
    return page


# --- consent ---------------------------------------------------------------------------------


def test_a_consent_switch_needs_the_pin_and_snaps_back_on_cancel(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = _child_mode_on(qtbot, make_shell, facade)
    page = _dashboard(qtbot, shell)
    gate = _gate(shell, PRIVACY_PAGE)
    card = page.consent_card(Scope.STORE_CONVERSATIONS.value)
    assert not card.switch.isChecked()

    click(qtbot, card.switch)
    dialog = _pin_dialog(qtbot, gate)
    assert "needs the guardian's PIN" in dialog.reason_label.text()
    _cancel(qtbot, shell, dialog)
    assert not _granted(qtbot, shell, Scope.STORE_CONVERSATIONS)
    qtbot.waitUntil(lambda: card.switch.isEnabled(), timeout=SLOW_MS)
    assert not card.switch.isChecked(), "the switch goes back to what the ledger says"

    click(qtbot, card.switch)
    dialog = _pin_dialog(qtbot, gate)
    _enter(qtbot, shell, dialog, PIN)
    assert not _showing(dialog)
    assert _granted(qtbot, shell, Scope.STORE_CONVERSATIONS)
    qtbot.waitUntil(lambda: card.switch.isChecked() and card.switch.isEnabled(), timeout=SLOW_MS)

    # Withdrawing is a change of consent too; the guardian's session (five minutes) still
    # covers it, so no second PIN is asked for.
    click(qtbot, card.switch)
    settle(qtbot, shell)
    assert gate.dialog is None
    assert not _granted(qtbot, shell, Scope.STORE_CONVERSATIONS)


def test_sharing_switches_are_off_and_unusable_in_child_mode(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = _child_mode_on(qtbot, make_shell, facade)
    page = _dashboard(qtbot, shell)
    for scope in (Scope.SHARE_FOR_TRAINING, Scope.RESEARCH):
        card = page.consent_card(scope.value)
        assert not card.switch.isChecked()
        assert not card.switch.isEnabled(), "the core refuses sharing whatever the PIN"
        assert card.state_label.text() == CHILD_MODE_NO_SHARING
        qtbot.mouseClick(card.switch, Qt.MouseButton.LeftButton)
        settle(qtbot, shell)
        assert _gate(shell, PRIVACY_PAGE).dialog is None
        assert not _granted(qtbot, shell, scope)


# --- retention -------------------------------------------------------------------------------


def _retention_days(qtbot: QtBot, shell: Shell, data_class: str) -> int:
    return ask(
        qtbot,
        shell,
        lambda service: {s.data_class: s.days for s in service.data.retention_schedule()}[
            data_class
        ],
    )


def test_a_retention_change_needs_the_pin(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = _child_mode_on(qtbot, make_shell, facade)
    page = _dashboard(qtbot, shell)
    gate = _gate(shell, PRIVACY_PAGE)
    click_tab(qtbot, page.tabs, "Retention")
    combo = page.retention_rows["conversations"][1]
    assert combo.currentText() == "90 days"

    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # 90 days -> 30 days, as a user would
    dialog = _pin_dialog(qtbot, gate)
    _cancel(qtbot, shell, dialog)
    assert _retention_days(qtbot, shell, "conversations") == 90
    qtbot.waitUntil(lambda: combo.currentText() == "90 days", timeout=SLOW_MS)

    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    dialog = _pin_dialog(qtbot, gate)
    # Enter in the field submits the PIN (it does not press the default, Cancel).
    qtbot.keyClicks(dialog.pin_edit, PIN)
    qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not _showing(dialog), timeout=SLOW_MS)
    settle(qtbot, shell)
    assert _retention_days(qtbot, shell, "conversations") == 30
    qtbot.waitUntil(lambda: combo.currentText() == "30 days", timeout=SLOW_MS)


# --- the assistant -----------------------------------------------------------------------------


def _provider_page(qtbot: QtBot, shell: Shell) -> ProviderPage:
    page = open_page(qtbot, shell, ASSISTANT_PAGE)
    assert isinstance(page, ProviderPage)
    return page


def _fill_local_server(qtbot: QtBot, shell: Shell, page: ProviderPage) -> None:
    combo = page.provider_combo
    combo.setFocus()
    target = combo.findData("openai_compat")
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
    settle(qtbot, shell)
    for edit, text in ((page.base_url_edit, "http://127.0.0.1:11434/v1"), (page.model_edit, "m")):
        edit.selectAll()
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
        qtbot.keyClicks(edit, text)


def _provider(qtbot: QtBot, shell: Shell) -> str:
    return ask(qtbot, shell, lambda service: service.assistant.provider_status().name)


def test_changing_the_assistant_needs_the_pin_and_keeps_the_typed_form_on_cancel(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = _child_mode_on(qtbot, make_shell, facade)
    page = _provider_page(qtbot, shell)
    gate = _gate(shell, ASSISTANT_PAGE)
    _fill_local_server(qtbot, shell, page)

    click(qtbot, page.save_button)
    dialog = _pin_dialog(qtbot, gate)
    _cancel(qtbot, shell, dialog)
    assert _provider(qtbot, shell) == "offline"
    assert page.error_label.isVisible()
    assert page.error_label.text().startswith("Not saved")
    assert page.base_url_edit.text() == "http://127.0.0.1:11434/v1", "nothing typed is lost"
    assert page.save_button.isEnabled()

    click(qtbot, page.save_button)
    dialog = _pin_dialog(qtbot, gate)
    _enter(qtbot, shell, dialog, PIN)
    assert not _showing(dialog)
    assert _provider(qtbot, shell) == "openai_compat"
    qtbot.waitUntil(lambda: page.status_label.text().startswith("Saved."), timeout=SLOW_MS)


def test_testing_the_connection_asks_for_the_pin_like_any_guarded_change(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    """A connection test could send the stored key anywhere: the gate asks, the page does not."""
    with running_provider("openai") as fake:
        shell = _child_mode_on(qtbot, make_shell, facade)
        page = _provider_page(qtbot, shell)
        gate = _gate(shell, ASSISTANT_PAGE)
        _fill_local_server(qtbot, shell, page)
        page.base_url_edit.setText(fake.base_url)

        click(qtbot, page.test_button)
        dialog = _pin_dialog(qtbot, gate)
        assert "needs the guardian's PIN" in dialog.reason_label.text()
        assert dialog.ok_button.text() == "Unlock and test"
        assert not page.error_label.isVisible(), "the refusal is the PIN question, not an error"
        _cancel(qtbot, shell, dialog)
        assert page.error_label.text().startswith("Not tested")
        assert page.test_button.isEnabled()
        assert fake.requests == [], "nothing was sent without the PIN"

        click(qtbot, page.test_button)
        dialog = _pin_dialog(qtbot, gate)
        _enter(qtbot, shell, dialog, PIN)
        assert not _showing(dialog)
        qtbot.waitUntil(lambda: "Connected" in page.status_label.text(), timeout=SLOW_MS)
        assert [r.path for r in fake.requests] == ["/v1/models"]
        assert page.test_button.isEnabled()
        # Testing saves nothing, with the PIN or without.
        assert _provider(qtbot, shell) == "offline"


def test_private_prompts_stay_on_in_child_mode_with_or_without_the_pin(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    """The core forces private prompts on in child mode (issue #7): the PIN does not lift it."""
    shell = _child_mode_on(qtbot, make_shell, facade)
    page = _provider_page(qtbot, shell)
    box = page.private_check
    assert box.isChecked() and not box.isEnabled()
    assert page.private_forced.isVisible()

    # Without the PIN: the box cannot be clicked, and nothing changes.
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    settle(qtbot, shell)
    assert ask(qtbot, shell, lambda s: s.assistant.provider_status().private_prompts) is True

    # With the PIN (a guardian session is open): the page's own path is still refused, said
    # inline, and the box shows what is stored.
    ask(qtbot, shell, lambda s: s.child.authorize_guardian(PIN))
    controller = shell.window.controllers[ASSISTANT_PAGE]
    assert isinstance(controller, ProviderController)
    box.setChecked(False)
    controller._on_private_clicked(False)
    settle(qtbot, shell)
    assert _gate(shell, ASSISTANT_PAGE).dialog is None
    assert ask(qtbot, shell, lambda s: s.assistant.provider_status().private_prompts) is True
    qtbot.waitUntil(lambda: page.error_label.isVisible(), timeout=SLOW_MS)
    assert "stay on in child mode" in page.error_label.text()
    qtbot.waitUntil(box.isChecked, timeout=SLOW_MS)


# --- child mode off ----------------------------------------------------------------------------


def _child_mode(qtbot: QtBot, shell: Shell) -> bool:
    return ask(qtbot, shell, lambda service: service.child.status().enabled)


def test_turning_child_mode_off_needs_the_right_pin(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = _child_mode_on(qtbot, make_shell, facade)
    page = open_page(qtbot, shell, GUARDIAN_PAGE)
    assert isinstance(page, GuardianPage)
    gate = _gate(shell, GUARDIAN_PAGE)
    qtbot.waitUntil(lambda: page.child_mode_button.text() == TURN_OFF_TEXT, timeout=SLOW_MS)

    click(qtbot, page.child_mode_button)
    dialog = _pin_dialog(qtbot, gate)
    _cancel(qtbot, shell, dialog)
    assert _child_mode(qtbot, shell)

    click(qtbot, page.child_mode_button)
    dialog = _pin_dialog(qtbot, gate)
    _enter(qtbot, shell, dialog, WRONG)
    assert _showing(dialog)
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text().startswith("That PIN is wrong")
    assert dialog.pin_edit.text() == "", "a wrong PIN is cleared for the next try"
    assert _child_mode(qtbot, shell)

    _enter(qtbot, shell, dialog, PIN)
    assert not _showing(dialog)
    assert not _child_mode(qtbot, shell)
    qtbot.waitUntil(lambda: page.child_mode_button.text() == SET_UP_TEXT, timeout=SLOW_MS)
    assert page.news_label.text().startswith("Child mode is off")


# --- wrong PINs and the lockout ------------------------------------------------------------------


def test_five_wrong_pins_lock_the_dialog_and_the_right_pin_is_refused(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = _child_mode_on(qtbot, make_shell, facade)
    page = _dashboard(qtbot, shell)
    gate = _gate(shell, PRIVACY_PAGE)
    card = page.consent_card(Scope.STORE_CONVERSATIONS.value)
    click(qtbot, card.switch)
    dialog = _pin_dialog(qtbot, gate)

    for attempt in range(1, FREE_ATTEMPTS + 1):
        _enter(qtbot, shell, dialog, WRONG)
        assert _showing(dialog)
        assert dialog.error_label.isVisible()
        assert "wrong" in dialog.error_label.text()
        assert dialog.locked is (attempt == FREE_ATTEMPTS), attempt
    assert dialog.lockout_label.isVisible()
    lockout = dialog.lockout_label.text()
    assert "Too many wrong PINs" in lockout
    left = re.search(r"Try again in (\d+) seconds", lockout)
    assert left is not None, lockout
    assert 0 < int(left.group(1)) <= BASE_LOCKOUT_SECONDS
    assert "Restarting Confidant" in lockout

    _enter(qtbot, shell, dialog, PIN)
    assert _showing(dialog), "the right PIN is refused while locked"
    assert dialog.lockout_label.isVisible()
    assert "Try again in" in dialog.lockout_label.text()
    assert not dialog.error_label.isVisible(), "a lockout is not called a wrong PIN"
    assert not _granted(qtbot, shell, Scope.STORE_CONVERSATIONS)
    status = ask(qtbot, shell, lambda service: service.child.status())
    assert status.locked_until is not None and status.failed_attempts == FREE_ATTEMPTS

    _cancel(qtbot, shell, dialog)
    qtbot.waitUntil(lambda: card.switch.isEnabled(), timeout=SLOW_MS)
    assert not card.switch.isChecked()


def test_the_lockout_is_still_shown_after_a_restart(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = _child_mode_on(qtbot, make_shell, facade)
    for _ in range(FREE_ATTEMPTS):
        ask(qtbot, shell, _wrong_pin)
    shell.quit()

    shell = ready_shell(qtbot, make_shell, facade)
    page = _dashboard(qtbot, shell)
    click(qtbot, page.consent_card(Scope.STORE_CONVERSATIONS.value).switch)
    dialog = _pin_dialog(qtbot, _gate(shell, PRIVACY_PAGE))
    # The lockout shows as soon as the dialog opens, before any PIN is typed.
    qtbot.waitUntil(dialog.lockout_label.isVisible, timeout=SLOW_MS)
    assert "Too many wrong PINs" in dialog.lockout_label.text()
    _enter(qtbot, shell, dialog, PIN)
    assert _showing(dialog)
    assert "Too many wrong PINs" in dialog.lockout_label.text()
    assert not _granted(qtbot, shell, Scope.STORE_CONVERSATIONS)
    _cancel(qtbot, shell, dialog)


def _wrong_pin(service: Confidant) -> None:
    from app.core.childmode import WrongPin

    try:
        service.child.authorize_guardian(WRONG)
    except WrongPin:
        return
    raise AssertionError("a wrong PIN was accepted")


def test_cancelling_while_the_pin_is_checked_leaves_the_page_showing_the_truth(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = _child_mode_on(qtbot, make_shell, facade)
    page = _dashboard(qtbot, shell)
    card = page.consent_card(Scope.STORE_CONVERSATIONS.value)
    click(qtbot, card.switch)
    dialog = _pin_dialog(qtbot, _gate(shell, PRIVACY_PAGE))
    qtbot.keyClicks(dialog.pin_edit, PIN)
    click(qtbot, dialog.ok_button)
    click(qtbot, dialog.cancel_button)  # whether or not the PIN was checked by now
    settle(qtbot, shell)
    assert not _showing(dialog)
    granted = _granted(qtbot, shell, Scope.STORE_CONVERSATIONS)
    qtbot.waitUntil(lambda: card.switch.isEnabled(), timeout=SLOW_MS)
    assert card.switch.isChecked() is granted


# --- names ---------------------------------------------------------------------------------------


def test_the_pin_dialog_controls_are_named(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = _child_mode_on(qtbot, make_shell, facade)
    page = _dashboard(qtbot, shell)
    click(qtbot, page.consent_card(Scope.STORE_CONVERSATIONS.value).switch)
    dialog = _pin_dialog(qtbot, _gate(shell, PRIVACY_PAGE))
    for widget in [*dialog.findChildren(QAbstractButton), *dialog.findChildren(QLineEdit)]:
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()
    _cancel(qtbot, shell, dialog)


# --- upload settings and the app lock ---------------------------------------------------------


def _review_before_upload(qtbot: QtBot, shell: Shell) -> bool:
    return ask(qtbot, shell, lambda service: service.upstream.status().review_before_upload)


def test_an_upload_setting_needs_the_pin(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = _child_mode_on(qtbot, make_shell, facade)
    page = open_page(qtbot, shell, OUTBOX_PAGE)
    assert isinstance(page, OutboxPage)
    gate = _gate(shell, OUTBOX_PAGE)
    qtbot.waitUntil(lambda: page.review_check.isChecked(), timeout=SLOW_MS)

    page.review_check.click()  # off: items would leave without review
    dialog = _pin_dialog(qtbot, gate)
    _cancel(qtbot, shell, dialog)
    assert _review_before_upload(qtbot, shell)
    qtbot.waitUntil(lambda: page.review_check.isChecked(), timeout=SLOW_MS)

    page.review_check.click()
    dialog = _pin_dialog(qtbot, gate)
    _enter(qtbot, shell, dialog, PIN)
    assert not _showing(dialog)
    assert not _review_before_upload(qtbot, shell)


def test_the_app_lock_idle_time_needs_the_pin(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    ask(qtbot, shell, lambda service: service.lock.enable("correct horse battery"))
    ask(qtbot, shell, lambda service: service.child.enable(PIN))
    page = open_page(qtbot, shell, PREFERENCES_PAGE)
    assert isinstance(page, PreferencesPage)
    controller = shell.window.controllers[PREFERENCES_PAGE]
    assert isinstance(controller, PreferencesController)
    gate = controller.app_lock.guardian
    combo = page.app_lock_idle_combo
    qtbot.waitUntil(combo.isEnabled, timeout=SLOW_MS)
    before = ask(qtbot, shell, lambda service: service.lock.status().idle_minutes)
    other = next(i for i in range(combo.count()) if combo.itemData(i) != before)
    wanted = combo.itemData(other)

    combo.setCurrentIndex(other)
    emit(combo.activated, other)
    dialog = _pin_dialog(qtbot, gate)
    _cancel(qtbot, shell, dialog)
    assert ask(qtbot, shell, lambda service: service.lock.status().idle_minutes) == before
    qtbot.waitUntil(lambda: combo.currentData() == before, timeout=SLOW_MS)

    combo.setCurrentIndex(other)
    emit(combo.activated, other)
    dialog = _pin_dialog(qtbot, gate)
    _enter(qtbot, shell, dialog, PIN)
    assert ask(qtbot, shell, lambda service: service.lock.status().idle_minutes) == wanted
