"""Light and dark schemes, readable colours in both, and drawing for high-DPI screens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.core.service import Confidant
from app.gui.main_window import MainWindow
from app.gui.pages import PREFERENCES_PAGE
from app.gui.signals import emit
from app.gui.theme import (
    MIN_CONTRAST,
    ThemeFollower,
    contrast_ratio,
    dark_palette,
    is_dark,
    relative_luminance,
)
from app.gui.views.preferences_page import PreferencesPage
from app.gui.widgets import notice_banner
from app.gui.widgets.labels import error_label
from app.gui.widgets.warning_note import WarningNote
from app.gui.workers import WorkerPool
from tests.gui.shells import SLOW_MS, ShellFactory, ask, open_page, ready_shell

REPO_ROOT = Path(__file__).resolve().parents[2]
R = QPalette.ColorRole


@pytest.fixture
def restore_palette(qapp: QApplication) -> Iterator[None]:
    yield
    QApplication.setPalette(QPalette())
    QApplication.processEvents()


def _text_contrast(label: QLabel) -> float:
    palette = label.palette()
    return contrast_ratio(palette.color(R.WindowText), palette.color(R.Window))


def _rendered_contrast(label: QLabel) -> float:
    """The contrast between the label's background and its most distinct drawn pixel."""
    image = label.grab().toImage()
    background = image.pixelColor(0, 0)
    return max(
        contrast_ratio(image.pixelColor(x, y), background)
        for x in range(image.width())
        for y in range(image.height())
    )


def test_the_contrast_ratio_is_the_wcag_one() -> None:
    assert contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#777777")) == pytest.approx(1.0)
    assert relative_luminance(QColor("white")) == pytest.approx(1.0)


def test_an_error_label_is_readable_under_a_light_and_a_dark_palette(
    qtbot: QtBot, restore_palette: None
) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    label = error_label(page, "probeError")
    label.setText("That name is an e-mail address.")
    label.show()
    assert not is_dark(label.palette())
    assert _text_contrast(label) >= MIN_CONTRAST
    assert _rendered_contrast(label) >= MIN_CONTRAST

    QApplication.setPalette(dark_palette())
    qtbot.waitUntil(lambda: is_dark(label.palette()))
    assert _text_contrast(label) >= MIN_CONTRAST, label.palette().color(R.WindowText).name()
    # What is drawn, not only what the palette says (a style sheet would override it).
    assert _rendered_contrast(label) >= MIN_CONTRAST

    # A label made while the palette is dark is readable too.
    later = error_label(page, "laterError")
    assert _text_contrast(later) >= MIN_CONTRAST

    QApplication.setPalette(QPalette())
    qtbot.waitUntil(lambda: not is_dark(label.palette()))
    assert _text_contrast(label) >= MIN_CONTRAST


def test_the_dark_palette_keeps_text_and_hints_readable() -> None:
    palette = dark_palette()
    assert is_dark(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Disabled):
        for text, background in (
            (R.WindowText, R.Window),
            (R.Text, R.Base),
            (R.ButtonText, R.Button),
        ):
            ratio = contrast_ratio(palette.color(group, text), palette.color(group, background))
            assert ratio >= MIN_CONTRAST, (group, text)


def test_fixed_colour_pairs_read_well_on_any_scheme() -> None:
    """Notes and banners carry their own background, so they read the same in both schemes."""
    pairs = [*notice_banner._SEVERITY_COLOURS.values(), notice_banner._DEFAULT_COLOURS]
    for background, foreground in pairs:
        assert contrast_ratio(QColor(background), QColor(foreground)) >= MIN_CONTRAST


def test_the_warning_note_text_reads_on_its_own_background(
    qtbot: QtBot, restore_palette: None
) -> None:
    QApplication.setPalette(dark_palette())
    note = WarningNote("Careful.", "probeNote")
    qtbot.addWidget(note)
    note.resize(300, 60)
    note.show()
    qtbot.waitExposed(note)
    image = note.grab().toImage()
    background = image.pixelColor(image.width() - 4, image.height() // 2)
    text = note.text_label.palette().color(R.WindowText)
    assert contrast_ratio(background, text) >= MIN_CONTRAST


def test_following_the_system_scheme(
    qtbot: QtBot, qapp: QApplication, restore_palette: None
) -> None:
    follower = ThemeFollower(qapp)
    try:
        hints = qapp.styleHints()
        emit(hints.colorSchemeChanged, Qt.ColorScheme.Dark)
        assert is_dark(qapp.palette()) and follower.overriding
        emit(hints.colorSchemeChanged, Qt.ColorScheme.Light)
        assert not is_dark(qapp.palette()) and not follower.overriding
        # Offscreen the system's scheme is unknown: the first look changes nothing.
        follower.check()
        assert not is_dark(qapp.palette())
    finally:
        hints.colorSchemeChanged.disconnect(follower.apply_scheme)
        follower.deleteLater()


def test_the_first_look_waits_for_a_window_to_have_the_focus(
    qtbot: QtBot, qapp: QApplication, restore_palette: None
) -> None:
    follower = ThemeFollower(qapp)
    try:
        assert not follower.checked
        window = QWidget()
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: follower.checked, timeout=5000)
    finally:
        qapp.styleHints().colorSchemeChanged.disconnect(follower.apply_scheme)
        follower.deleteLater()


def test_the_sidebar_follows_the_palette(
    qtbot: QtBot, lane: WorkerPool, restore_palette: None
) -> None:
    window = MainWindow(lane)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    QApplication.setPalette(dark_palette())
    qtbot.waitUntil(lambda: is_dark(window.navigation.palette()))
    viewport = window.navigation.viewport()
    image = viewport.grab().toImage()
    corner = image.pixelColor(image.width() - 3, image.height() - 3)
    assert corner == dark_palette().color(R.Window)
    window.close()


def _probe(scale: str, tmp_path: Path) -> dict[str, float]:
    env = {
        **os.environ,
        "QT_SCALE_FACTOR": scale,
        "QT_QPA_PLATFORM": "offscreen",
        "CONFIDANT_HOME": str(tmp_path / f"profile-{scale}"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.helpers.dpi_probe"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    last = done.stdout.strip().splitlines()[-1]
    return json.loads(last)  # type: ignore[no-any-return]


def test_at_twice_the_scale_layout_is_the_same_and_drawing_uses_every_pixel(
    tmp_path: Path,
) -> None:
    single = _probe("1", tmp_path)
    double = _probe("2", tmp_path)
    assert single["dpr"] == 1.0 and double["dpr"] == 2.0
    # Logical sizes do not depend on the scale: nothing is sized in device pixels.
    for key in ("navigation_width", "prompt_height", "icon_logical", "avatar_logical"):
        assert single[key] == double[key], key
    assert double["navigation_width"] > double["widest_label"]
    assert double["prompt_lines"] >= 3
    # Icons and the avatar are drawn at the device's resolution, not blown up from 1x.
    assert double["icon_device"] == 2 * double["icon_logical"]
    assert double["icon_dpr"] == 2.0
    assert double["avatar_device"] == 2 * double["avatar_logical"]
    # One-pixel stripes in the image survive only if it is drawn at device resolution.
    assert double["avatar_sharp_edges"] > double["avatar_row"] / 4


def test_a_chosen_theme_wins_over_the_system_and_system_follows_again(
    qtbot: QtBot, qapp: QApplication, restore_palette: None
) -> None:
    follower = ThemeFollower(qapp)
    try:
        hints = qapp.styleHints()
        follower.set_choice("dark")
        assert is_dark(qapp.palette())
        emit(hints.colorSchemeChanged, Qt.ColorScheme.Light)
        assert is_dark(qapp.palette()), "the user's dark theme stays"
        follower.set_choice("light")
        assert not is_dark(qapp.palette())
        emit(hints.colorSchemeChanged, Qt.ColorScheme.Dark)
        assert not is_dark(qapp.palette()), "the user's light theme stays"
        follower.set_choice("system")
        emit(hints.colorSchemeChanged, Qt.ColorScheme.Dark)
        assert is_dark(qapp.palette())
    finally:
        hints.colorSchemeChanged.disconnect(follower.apply_scheme)
        follower.deleteLater()


def test_the_theme_preference_is_applied_when_the_profile_opens_and_when_chosen(
    qtbot: QtBot,
    qapp: QApplication,
    restore_palette: None,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
) -> None:
    follower = ThemeFollower(qapp)
    try:
        shell = ready_shell(qtbot, make_shell, facade)
        assert not is_dark(qapp.palette())
        # Chosen on the Preferences page, as a user would.
        page = open_page(qtbot, shell, PREFERENCES_PAGE)
        assert isinstance(page, PreferencesPage)
        combo = page.theme_combo
        index = combo.findData("dark")
        combo.setCurrentIndex(index)
        emit(combo.activated, index)
        qtbot.waitUntil(lambda: is_dark(qapp.palette()), timeout=SLOW_MS)
        assert ask(qtbot, shell, lambda service: service.preferences.get("theme")) == "dark"
    finally:
        qapp.styleHints().colorSchemeChanged.disconnect(follower.apply_scheme)
        follower.deleteLater()


def test_a_stored_theme_is_used_at_start(
    qtbot: QtBot,
    qapp: QApplication,
    restore_palette: None,
    make_shell: ShellFactory,
    profile_dir: Path,
) -> None:
    service = Confidant(profile_dir)
    service.open()
    service.preferences.set("theme", "dark")
    service.close()
    follower = ThemeFollower(qapp)
    try:
        ready_shell(qtbot, make_shell, lambda: Confidant(profile_dir))
        qtbot.waitUntil(lambda: is_dark(qapp.palette()), timeout=SLOW_MS)
        assert follower.choice == "dark"
    finally:
        qapp.styleHints().colorSchemeChanged.disconnect(follower.apply_scheme)
        follower.deleteLater()
