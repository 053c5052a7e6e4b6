"""The model picker on its own: it asks for the list when opened, and says what was chosen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.gui.widgets.model_picker import ModelPicker


@pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the keyboard)$")
def test_the_list_is_asked_for_only_when_opened_and_the_choice_is_said(qtbot: QtBot) -> None:
    picker = ModelPicker()
    qtbot.addWidget(picker)
    picker.show()
    picker.set_current("model-a")
    asked: list[bool] = []
    picker.listRequested.connect(lambda: asked.append(True))
    assert picker.currentText() == "model-a" and asked == []

    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton)
    assert asked == [True]
    picker.set_models(["model-b", "model-a", "model-c"])
    picker.hidePopup()
    assert picker.models() == ["model-b", "model-a", "model-c"]
    assert picker.current_model() == "model-a"  # the list does not change the choice

    with qtbot.waitSignal(picker.modelChosen) as chosen:
        qtbot.keyClick(picker, Qt.Key.Key_Down)
    assert chosen.args == ["model-c"]


def test_a_current_model_the_provider_does_not_list_stays_shown(qtbot: QtBot) -> None:
    picker = ModelPicker()
    qtbot.addWidget(picker)
    picker.set_current("retired-model")
    picker.set_models(["model-a"])
    assert picker.models() == ["retired-model", "model-a"]
    assert picker.currentText() == "retired-model"
    picker.set_current(None)
    picker.forget_models()
    assert picker.currentText() == "Default model" and picker.models() == []
