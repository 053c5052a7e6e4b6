"""The privacy dashboard says which sensitive topic a message touches, and why."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from app.core.service import Confidant
from app.gui.main_window import PRIVACY_PAGE
from app.gui.views.privacy_dashboard import PrivacyDashboard
from tests.gui.shells import SLOW_MS, ShellFactory, open_page, ready_shell


def test_the_dashboard_names_the_topic_and_the_words_behind_it(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = open_page(qtbot, shell, PRIVACY_PAGE)
    assert isinstance(page, PrivacyDashboard)
    check = page.sensitivity_check
    assert check.result_label.text() == ""

    check.input.setText("My therapist thinks my depression is getting worse.")
    check.button.click()
    qtbot.waitUntil(lambda: check.result_label.text() != "", timeout=SLOW_MS)
    assert check.result_label.text().startswith("Mental health:")
    assert "“" in check.result_label.text()
    assert check.button.isEnabled()

    check.input.setText("std = np.std(values)")
    check.button.click()
    qtbot.waitUntil(
        lambda: check.result_label.text() == "No sensitive topic found.", timeout=SLOW_MS
    )
