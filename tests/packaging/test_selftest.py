"""``--self-test`` run from source: the checks it reports, and that it cleans up after itself."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from app.gui.selftest import MIN_COLOURS, choose_platform, sampled_colours
from tests.packaging.selftest_runs import (
    CHECKS,
    FAILURE_PREFIX,
    assert_left_nothing,
    check_line,
    isolated_places,
    keyring_users,
    passed_checks,
    run_self_test,
)

FROM_SOURCE = (sys.executable, "-m", "app", "--self-test")


def test_self_test_passes_and_leaves_nothing_behind(tmp_path: Path) -> None:
    before = keyring_users()
    result = run_self_test(FROM_SOURCE, set_env=isolated_places(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert passed_checks(result.stdout) == list(CHECKS)
    assert result.stdout.splitlines()[0].startswith("Confidant ")
    assert "(source, " in result.stdout.splitlines()[0]
    assert result.stdout.splitlines()[-1] == f"self-test passed: {len(CHECKS)} checks"
    assert "keyring.backends.SecretService.Keyring" in check_line(result.stdout, "keyring")
    assert "SQLCipher 4." in check_line(result.stdout, "store")
    assert "(offscreen platform)" in check_line(result.stdout, "window")
    assert "removed 1 keyring entry" in check_line(result.stdout, "cleanup")
    assert result.stderr == ""
    assert keyring_users() == before
    assert_left_nothing(tmp_path)


def test_self_test_draws_offscreen_by_itself_without_a_display(tmp_path: Path) -> None:
    result = run_self_test(
        FROM_SOURCE,
        set_env=isolated_places(tmp_path),
        unset=("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(offscreen platform)" in check_line(result.stdout, "window")


def test_a_refused_keyring_fails_in_one_line_and_still_cleans_up(tmp_path: Path) -> None:
    before = keyring_users()
    places = isolated_places(tmp_path)
    result = run_self_test(
        FROM_SOURCE,
        set_env={**places, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"},
    )
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"{FAILURE_PREFIX}keyring: ")
    assert "refused" in errors[0]
    # The checks before it passed; none after it ran, but the clean-up did.
    assert passed_checks(result.stdout) == ["resources", "anonymizer", "cleanup"]
    assert "self-test passed" not in result.stdout
    assert keyring_users() == before
    assert_left_nothing(tmp_path)


def test_the_gui_entry_point_runs_the_self_test_too(tmp_path: Path) -> None:
    # `confidant --self-test` from a pip install goes through app.__main__:gui.
    command = (
        sys.executable,
        "-c",
        "import sys; from app.__main__ import gui; "
        "sys.argv = ['confidant', '--self-test']; sys.exit(gui())",
    )
    result = run_self_test(command, set_env=isolated_places(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert passed_checks(result.stdout) == list(CHECKS)


def test_a_blank_image_counts_as_blank() -> None:
    image = QImage(200, 100, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    assert sampled_colours(image) == 1 < MIN_COLOURS
    image.setPixel(0, 0, 0xFF000000)
    image.setPixel(199, 99, 0xFF0000FF)
    assert sampled_colours(image) == 3


def test_the_platform_is_offscreen_only_without_a_display() -> None:
    environ = {"DISPLAY": ":1"}
    choose_platform(environ)
    assert "QT_QPA_PLATFORM" not in environ
    environ = {"QT_QPA_PLATFORM": "xcb"}
    choose_platform(environ)
    assert environ["QT_QPA_PLATFORM"] == "xcb"
    environ = {}
    choose_platform(environ)  # the tests run on Linux, where no DISPLAY means no display
    assert environ["QT_QPA_PLATFORM"] == "offscreen"
