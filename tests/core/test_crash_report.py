"""Crash reports: versions and a traceback, with no message text, locals or personal data."""

from __future__ import annotations

import sysconfig
from pathlib import Path

import pytest

from app.core import crash_report
from app.core.crash_report import WITHHELD, Scrubber, build_report, runtime_versions
from app.core.errors import StorageError

EMAIL = "anna.kowalska@example.org"
NAME = "Anna Kowalska"
HOME = "/home/akowalska"
DIARY = f"{HOME}/Documents/diary-akowalska.txt"
PLANTED = (EMAIL, NAME, "Kowalska", "akowalska", HOME, DIARY, "the lighthouse")


def _scrubber() -> Scrubber:
    return Scrubber(home=HOME, user_names=["akowalska", "Anna", "Kowalska"])


def _leaky(note: str) -> None:
    diary_entry = f"{NAME} <{EMAIL}> wrote {note} in {DIARY}"
    raise ValueError(f"could not parse {diary_entry}")


def _caught(fn: object, *args: object) -> BaseException:
    try:
        fn(*args)  # type: ignore[operator]
    except BaseException as exc:  # noqa: BLE001 - the test wants whatever it raised
        return exc
    raise AssertionError("nothing was raised")


def _report(error: BaseException) -> str:
    return build_report(error, versions={"Confidant": "9.9"}, scrubber=_scrubber())


def test_an_unexpected_message_and_the_locals_are_left_out() -> None:
    report = _report(_caught(_leaky, "about the lighthouse"))
    for planted in PLANTED:
        assert planted not in report
    assert f"ValueError: {WITHHELD}" in report
    assert "Error: ValueError" in report
    # The frames are there: file relative to the project, line, function and code.
    assert 'File "tests/core/test_crash_report.py", line' in report
    assert "in _leaky" in report
    assert 'raise ValueError(f"could not parse {diary_entry}")' in report


def test_our_typed_message_is_shown_with_private_parts_redacted() -> None:
    def store() -> None:
        try:
            _leaky("x")
        except ValueError as exc:
            raise StorageError(f"Could not write {DIARY} for {EMAIL}.") from exc

    report = _report(_caught(store))
    for planted in PLANTED:
        assert planted not in report
    assert "app.core.errors.StorageError: Could not write ~/Documents/diary-<user>.txt" in report
    assert "[EMAIL]" in report
    assert "The above exception was the direct cause of the following exception:" in report
    # Oldest first, as Python prints it.
    assert report.index("ValueError") < report.index("The above") < report.rindex("StorageError")


def test_a_context_exception_is_followed_too() -> None:
    def handling() -> None:
        try:
            {}["missing"]
        except KeyError:
            raise RuntimeError(EMAIL)  # noqa: B904 - the implicit context is what is tested

    report = _report(_caught(handling))
    assert "During handling of the above exception, another exception occurred:" in report
    assert "KeyError" in report and "RuntimeError" in report
    assert EMAIL not in report


def test_paths_are_reduced_to_package_relative() -> None:
    scrub = _scrubber()
    own = Path(crash_report.__file__)
    assert scrub.path(str(own)) == "app/core/crash_report.py"
    site = f"{HOME}/.venv/lib/python3.11/site-packages/PySide6/__init__.py"
    assert scrub.path(site) == "PySide6/__init__.py"
    stdlib = Path(sysconfig.get_paths()["stdlib"]) / "threading.py"
    assert scrub.path(str(stdlib)) == "<python>/threading.py"
    assert scrub.path(f"{HOME}/scripts/plot_tools.py") == "<elsewhere>/plot_tools.py"
    # The user's name in a file name outside every package is replaced: by the anonymizer (the
    # tagger reads "akowalska_tools.py" as a handle since session 10) or else by the user-name
    # pass ("<user>_tools.py"). Which of the two catches it is the model's business.
    elsewhere = scrub.path(f"{HOME}/scripts/akowalska_tools.py")
    assert elsewhere.startswith("<elsewhere>/")
    assert "kowalska" not in elsewhere
    assert scrub.path("<frozen importlib._bootstrap>") == "<frozen importlib._bootstrap>"
    assert scrub.path("app/gui/main_window.py") == "app/gui/main_window.py"


def test_the_home_folder_and_user_names_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HOME", HOME)
    monkeypatch.setenv("USER", "akowalska")
    monkeypatch.setenv("LOGNAME", "akowalska")
    scrub = Scrubber()
    assert scrub.text(f"open {DIARY}") == "open ~/Documents/diary-<user>.txt"


def test_the_versions_are_named() -> None:
    versions = runtime_versions(qt="6.11.3 (PySide6 6.11.3)")
    assert list(versions) == ["Confidant", "Python", "Qt", "SQLCipher", "Platform"]
    assert versions["SQLCipher"][0].isdigit()
    report = build_report(_caught(_leaky, "x"), versions=versions, where="the main thread")
    assert "Qt: 6.11.3 (PySide6 6.11.3)" in report
    assert "Where: the main thread" in report
    assert crash_report.NOTHING_SENT in report
