"""The app lock in the window: start-up, idle auto-lock, the lock screen, Lock now, Preferences."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QMenu, QWidget
from pytestqt.qtbot import QtBot

from app.core import keys, profile
from app.core.clock import FixedClock
from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.controllers.lock_page import MINUTE_MS
from app.gui.dialogs.app_lock_dialog import AppLockDialog
from app.gui.dialogs.passphrase_dialog import PassphraseDialog
from app.gui.pages import PREFERENCES_PAGE
from app.gui.views.lock_page import LockScreen
from tests.gui.shells import (
    SLOW_MS,
    ShellFactory,
    ask,
    click,
    open_page,
    ready_shell,
    send_chat,
    settle,
    wait_for_dialog,
)
from tests.helpers.memory import reachable_secrets
from tests.helpers.providers import Script, running_provider

PASSPHRASE = "correct horse battery"
WRONG = "not the passphrase at all"
SECRET_TEXT = "my locker code is 4417"
LEFT = Qt.MouseButton.LeftButton
#: Long enough that nothing locks while a test is still setting up.
LONG_IDLE_MS = 10 * MINUTE_MS
SHORT_IDLE_MS = 50


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC))


@pytest.fixture
def locked_facade(profile_dir: Path, clock: FixedClock) -> Callable[[], Confidant]:
    """A keyring profile with the app lock on (closed), and a factory for its facade."""
    service = Confidant(profile_dir, clock=clock)
    service.open()
    service.lock.enable(PASSPHRASE)
    service.close()
    return lambda: Confidant(profile_dir, clock=clock)


def _data_key(directory: Path) -> bytes:
    loaded = profile.load_profile_file(directory)
    assert loaded is not None
    entry = keys.KeyringKeyStore.from_environment().get_entry(loaded.profile_id)
    assert isinstance(entry, dict)
    return keys.unwrap_key(entry, PASSPHRASE, loaded.profile_id)


def _unlock_at_start(
    qtbot: QtBot, make_shell: ShellFactory, factory: Callable[[], Confidant]
) -> Shell:
    shell = make_shell(factory, start=False)
    shell.idle_ms = LONG_IDLE_MS
    shell.start()
    dialog = wait_for_dialog(qtbot, shell, PassphraseDialog)
    assert not dialog.creating
    with qtbot.waitSignal(shell.ready, timeout=SLOW_MS):
        qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
        qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    settle(qtbot, shell)
    assert shell.app_lock is not None
    qtbot.waitUntil(lambda: shell.app_lock.status is not None, timeout=SLOW_MS)  # type: ignore[union-attr]
    return shell


def _set_idle(shell: Shell, idle_ms: int) -> None:
    lock = shell.app_lock
    assert lock is not None and lock.status is not None
    lock.idle_ms = idle_ms
    lock.apply_status(lock.status)


def _screen(shell: Shell) -> LockScreen:
    screen = shell.window.centralWidget()
    assert isinstance(screen, LockScreen)
    return screen


def _wait_locked(qtbot: QtBot, shell: Shell) -> LockScreen:
    service = shell.service
    assert service is not None and shell.app_lock is not None
    qtbot.waitUntil(
        lambda: shell.app_lock.is_locked and not service.is_open,  # type: ignore[union-attr]
        timeout=SLOW_MS,
    )
    screen = _screen(shell)
    qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=SLOW_MS)
    return screen


def _type_and_unlock(qtbot: QtBot, screen: LockScreen, passphrase: str) -> None:
    screen.passphrase_edit.clear()
    qtbot.keyClicks(screen.passphrase_edit, passphrase)
    qtbot.keyClick(screen.passphrase_edit, Qt.Key.Key_Return)


def _menus(shell: Shell, name: str) -> list[QMenu]:
    return [menu for menu in shell.window.findChildren(QMenu) if menu.objectName() == name]


# --- start-up -------------------------------------------------------------------------------


def test_a_lock_turned_on_just_before_a_crash_still_asks_for_the_passphrase(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], profile_dir: Path
) -> None:
    service = facade()
    service.open()
    service.close()
    loaded = profile.load_profile_file(profile_dir)
    assert loaded is not None
    store = keys.KeyringKeyStore.from_environment()
    key = store.get(loaded.profile_id)
    assert key is not None
    # The keyring holds the wrapped key, but profile.json was never told the lock is on.
    store.put_wrapped(loaded.profile_id, keys.wrap_key(key, PASSPHRASE, loaded.profile_id))

    shell = make_shell(facade)
    dialog = wait_for_dialog(qtbot, shell, PassphraseDialog)
    assert not dialog.creating
    with qtbot.waitSignal(shell.ready, timeout=SLOW_MS):
        qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
        qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    reloaded = profile.load_profile_file(profile_dir)
    assert reloaded is not None and reloaded.app_lock


def test_start_up_asks_for_the_passphrase_and_says_when_it_is_locked_out(
    qtbot: QtBot,
    make_shell: ShellFactory,
    locked_facade: Callable[[], Confidant],
    clock: FixedClock,
) -> None:
    shell = make_shell(locked_facade)
    dialog = wait_for_dialog(qtbot, shell, PassphraseDialog)
    for tries_left in (4, 3, 2, 1):
        dialog.passphrase_edit.clear()
        qtbot.keyClicks(dialog.passphrase_edit, WRONG)
        qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.passphrase_edit.isEnabled(), timeout=SLOW_MS)
        assert f"wrong ({tries_left} more tries before a pause)" in dialog.error_label.text()
    dialog.passphrase_edit.clear()
    qtbot.keyClicks(dialog.passphrase_edit, WRONG)
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Try again in 30 seconds" in dialog.error_label.text(), timeout=SLOW_MS)

    # The right passphrase is refused during the lockout, in the dialog; the app runs on.
    dialog.passphrase_edit.clear()
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: "Too many wrong passphrases" in dialog.error_label.text(), timeout=SLOW_MS
    )
    assert "Restarting does not help" in dialog.error_label.text()
    assert shell.current_dialog is dialog and dialog.isVisible()
    assert shell.service is not None and not shell.service.is_open

    clock.advance(dt.timedelta(seconds=31))
    with qtbot.waitSignal(shell.ready, timeout=SLOW_MS):
        qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert shell.window.chat.prompt.isEnabled()


# --- idle auto-lock and the lock screen -----------------------------------------------------


def test_idle_locks_the_app_drops_the_key_and_unlocks_with_the_passphrase(
    qtbot: QtBot,
    make_shell: ShellFactory,
    locked_facade: Callable[[], Confidant],
    profile_dir: Path,
) -> None:
    shell = _unlock_at_start(qtbot, make_shell, locked_facade)
    service = shell.service
    assert service is not None
    key = _data_key(profile_dir)
    window = shell.window
    send_chat(qtbot, shell, SECRET_TEXT)
    assert SECRET_TEXT in window.chat.transcript.toPlainText()
    open_page(qtbot, shell, PREFERENCES_PAGE)
    lock_action = shell.app_lock.lock_action  # type: ignore[union-attr]
    assert lock_action.isVisible() and lock_action.shortcut().toString() == "Ctrl+L"
    notices, checkup, data = window.notices, window.checkup, window.data

    _set_idle(shell, SHORT_IDLE_MS)
    screen = _wait_locked(qtbot, shell)
    # The facade holds neither the key, nor the passphrase, nor the conversation.
    assert reachable_secrets(service, (key, key.hex(), PASSPHRASE, SECRET_TEXT)) == []
    assert SECRET_TEXT not in window.chat.transcript.toPlainText()
    assert screen.isVisible() and window.lock_screen_shown
    assert "not used for a while" in screen.reason_label.text()
    assert "not saved were closed" in screen.reason_label.text()
    assert screen.unlock_button.isDefault()
    assert not window.menuBar().isEnabled() and not lock_action.isEnabled()
    assert list(window.pages) == ["chat"]  # the other pages go, with what they showed
    for control in screen.findChildren(QLineEdit) + screen.findChildren(QAbstractButton):
        assert control.accessibleName() and control.objectName()

    shell.app_lock.idle_ms = LONG_IDLE_MS  # type: ignore[union-attr]
    _type_and_unlock(qtbot, screen, WRONG)
    qtbot.waitUntil(screen.error_label.isVisible, timeout=SLOW_MS)
    assert "The passphrase is wrong (4 more tries" in screen.error_label.text()
    assert window.isVisible() and window.lock_screen_shown and not service.is_open

    with qtbot.waitSignal(window.conversationStarted, timeout=SLOW_MS):
        _type_and_unlock(qtbot, screen, PASSPHRASE)
    settle(qtbot, shell)
    assert service.is_open and not window.lock_screen_shown
    assert window.centralWidget() is not screen and window.chat.prompt.isEnabled()
    assert window.menuBar().isEnabled() and lock_action.isEnabled()
    # Attached again, without a second Data menu, banner or checkup.
    assert (window.notices, window.checkup, window.data) == (notices, checkup, data)
    assert len(_menus(shell, "dataMenu")) == 1
    assert [a for a in window.chat_menu.actions() if a is lock_action] == [lock_action]
    send_chat(qtbot, shell, "hello again")
    open_page(qtbot, shell, PREFERENCES_PAGE)


def test_the_lock_waits_for_a_streaming_reply(
    qtbot: QtBot, make_shell: ShellFactory, locked_facade: Callable[[], Confidant]
) -> None:
    shell = _unlock_at_start(qtbot, make_shell, locked_facade)
    lock = shell.app_lock
    assert lock is not None and shell.service is not None
    with running_provider("openai") as fake:
        script = Script(reply="one two three four five six seven", pause_after=1)
        fake.then(script)
        ask(
            qtbot,
            shell,
            lambda s: s.assistant.set_provider(
                "openai_compat", base_url=fake.base_url, model="model-a"
            ),
        )
        window = shell.window
        qtbot.keyClicks(window.chat.prompt, "count for me")
        qtbot.keyClick(window.chat.prompt, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "one two" in window.chat.transcript.toPlainText(), timeout=SLOW_MS)
        assert window.chat_page.turns.busy  # the reply is held half-way by the server

        _set_idle(shell, SHORT_IDLE_MS)
        qtbot.waitUntil(lambda: lock.pending == "idle", timeout=SLOW_MS)
        assert window.chat_page.turns.busy and shell.service.is_open and not lock.is_locked
        script.resume.set()
        screen = _wait_locked(qtbot, shell)
    assert not window.chat_page.turns.busy
    # Quit works from the lock screen too.
    with qtbot.waitSignal(shell.finished, timeout=SLOW_MS) as finished:
        click(qtbot, screen.quit_button)
    assert finished.args == [0]


def test_the_lock_waits_for_work_on_the_db_lane(
    qtbot: QtBot, make_shell: ShellFactory, locked_facade: Callable[[], Confidant]
) -> None:
    shell = _unlock_at_start(qtbot, make_shell, locked_facade)
    lock = shell.app_lock
    assert lock is not None and shell.service is not None
    # Any job on the lane holds the lock back, as an export or an import running there would;
    # this one waits for the test, so the lock is sure to come while it runs.
    release = threading.Event()
    shell.db_lane.submit(release.wait, SLOW_MS / 1000)
    _set_idle(shell, SHORT_IDLE_MS)
    qtbot.waitUntil(lambda: lock.pending == "idle", timeout=SLOW_MS)
    assert shell.service.is_open and not lock.is_locked and shell.db_lane.pending == 1
    release.set()
    _wait_locked(qtbot, shell)


def test_lock_now_stops_a_streaming_reply_first(
    qtbot: QtBot, make_shell: ShellFactory, locked_facade: Callable[[], Confidant]
) -> None:
    shell = _unlock_at_start(qtbot, make_shell, locked_facade)
    lock = shell.app_lock
    assert lock is not None and shell.service is not None
    with running_provider("openai") as fake:
        script = Script(reply="one two three four five six seven", pause_after=1)
        fake.then(script)
        ask(
            qtbot,
            shell,
            lambda s: s.assistant.set_provider(
                "openai_compat", base_url=fake.base_url, model="model-a"
            ),
        )
        window = shell.window
        qtbot.keyClicks(window.chat.prompt, "count for me")
        qtbot.keyClick(window.chat.prompt, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "one two" in window.chat.transcript.toPlainText(), timeout=SLOW_MS)
        lock.lock_action.trigger()
        _wait_locked(qtbot, shell)
        script.resume.set()
    assert not window.chat_page.turns.busy


def test_lock_now_and_the_preferences_section(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    service = shell.service
    assert service is not None and shell.app_lock is not None
    lock_action = shell.app_lock.lock_action
    assert not lock_action.isVisible()  # the lock is off
    page = open_page(qtbot, shell, PREFERENCES_PAGE)
    button = page.findChild(QAbstractButton, "appLockButton")
    combo = page.findChild(QComboBox, "appLockIdleCombo")
    state = page.findChild(QLabel, "appLockState")
    assert button is not None and combo is not None and state is not None
    qtbot.waitUntil(lambda: "app lock is off" in state.text(), timeout=SLOW_MS)
    assert button.text() == "Turn on the app lock…" and not combo.isEnabled()

    click(qtbot, button)
    qtbot.waitUntil(lambda: _dialog(shell) is not None, timeout=SLOW_MS)
    dialog = _dialog(shell)
    assert dialog is not None and dialog.enabling
    assert dialog.cancel_button.isDefault() and not dialog.ok_button.isDefault()
    for control in dialog.findChildren(QLineEdit) + dialog.findChildren(QAbstractButton):
        assert control.accessibleName() and control.objectName()
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(dialog.confirm_edit, PASSPHRASE + "!")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert "different" in dialog.error_label.text()
    qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Backspace)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: _dialog(shell) is None, timeout=SLOW_MS)
    settle(qtbot, shell)
    assert ask(qtbot, shell, lambda s: s.lock.status()).enabled
    assert "app lock is on" in state.text()
    assert button.text() == "Turn off the app lock…" and combo.isEnabled()
    assert lock_action.isVisible()
    assert shell.app_lock.watcher.watching

    combo.setCurrentIndex(combo.findData(5))
    combo.activated.emit(combo.currentIndex())
    settle(qtbot, shell)
    assert ask(qtbot, shell, lambda s: s.lock.status()).idle_minutes == 5

    lock_action.trigger()
    screen = _wait_locked(qtbot, shell)
    assert "You locked Confidant" in screen.reason_label.text()
    with qtbot.waitSignal(shell.window.conversationStarted, timeout=SLOW_MS):
        _type_and_unlock(qtbot, screen, PASSPHRASE)
    settle(qtbot, shell)

    page = open_page(qtbot, shell, PREFERENCES_PAGE)  # built afresh after the lock
    button = page.findChild(QAbstractButton, "appLockButton")
    assert button is not None
    qtbot.waitUntil(lambda: button.text() == "Turn off the app lock…", timeout=SLOW_MS)
    click(qtbot, button)
    qtbot.waitUntil(lambda: _dialog(shell) is not None, timeout=SLOW_MS)
    dialog = _dialog(shell)
    assert dialog is not None and not dialog.enabling and dialog.cancel_button.isDefault()
    qtbot.keyClicks(dialog.passphrase_edit, WRONG)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=SLOW_MS)
    assert "passphrase is wrong" in dialog.error_label.text()
    dialog.passphrase_edit.clear()
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: _dialog(shell) is None, timeout=SLOW_MS)
    settle(qtbot, shell)
    assert not ask(qtbot, shell, lambda s: s.lock.status()).enabled
    assert not lock_action.isVisible() and not shell.app_lock.watcher.watching
    assert button.text() == "Turn on the app lock…"


def test_child_mode_asks_the_guardian_pin_to_turn_the_lock_on(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    ask(qtbot, shell, lambda s: s.child.enable("482913"))
    page = open_page(qtbot, shell, PREFERENCES_PAGE)
    button = page.findChild(QAbstractButton, "appLockButton")
    assert button is not None
    state = page.findChild(QLabel, "appLockState")
    assert state is not None
    qtbot.waitUntil(lambda: "app lock is off" in state.text(), timeout=SLOW_MS)
    click(qtbot, button)
    qtbot.waitUntil(lambda: _dialog(shell) is not None, timeout=SLOW_MS)
    dialog = _dialog(shell)
    assert dialog is not None
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(dialog.confirm_edit, PASSPHRASE)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    # The guardian's PIN is asked for; cancelling it changes nothing.
    controller = shell.window.controllers[PREFERENCES_PAGE]
    gate = controller.app_lock.guardian  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: gate.dialog is not None and gate.dialog.isVisible(), timeout=SLOW_MS)
    assert "guardian's PIN" in gate.dialog.reason_label.text()
    gate.dialog.reject()
    settle(qtbot, shell)
    assert not ask(qtbot, shell, lambda s: s.lock.status()).enabled
    # With the PIN, the same change goes through.
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: gate.dialog is not None and gate.dialog.isVisible(), timeout=SLOW_MS)
    qtbot.keyClicks(gate.dialog.pin_edit, "482913")
    qtbot.mouseClick(gate.dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: ask(qtbot, shell, lambda s: s.lock.status()).enabled, timeout=SLOW_MS)


def _dialog(shell: Shell) -> AppLockDialog | None:
    found = [
        widget
        for widget in shell.window.findChildren(QWidget)
        if isinstance(widget, AppLockDialog) and widget.isVisible()
    ]
    return found[0] if found else None
