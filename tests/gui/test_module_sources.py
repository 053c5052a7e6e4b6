"""PySide6's import hook keeps no copy of the modules the GUI imports (it used 8 MB of memory)."""

from __future__ import annotations

import importlib
import linecache
import sys
from pathlib import Path

import pytest

import app.gui  # noqa: F401 - replaces the hook's source check on import
from app.gui.module_sources import stop_keeping_module_sources


def _check():  # type: ignore[no-untyped-def]
    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if check is None:
        pytest.skip("this PySide6 has no source check on imports")
    return check


def _module(directory: Path, name: str, source: str) -> Path:
    path = directory / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    return path


def test_an_imported_module_leaves_no_source_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert getattr(_check(), "reads_without_keeping", False)
    path = _module(tmp_path, "confidant_probe_plain", "VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        importlib.import_module("confidant_probe_plain")
        assert str(path) not in linecache.cache
    finally:
        sys.modules.pop("confidant_probe_plain", None)


def test_the_check_answers_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check = _check()
    monkeypatch.syspath_prepend(str(tmp_path))
    _module(tmp_path, "confidant_probe_qt", "import PySide6.QtCore\n")
    _module(tmp_path, "confidant_probe_none", "# no Qt here\n")
    try:
        with_qt = importlib.import_module("confidant_probe_qt")
        without = importlib.import_module("confidant_probe_none")
        assert check(with_qt) is True
        assert check(without) is False
        assert check(sys) is False  # built in: the original check answers
    finally:
        sys.modules.pop("confidant_probe_qt", None)
        sys.modules.pop("confidant_probe_none", None)


def test_replacing_it_twice_changes_nothing() -> None:
    check = _check()
    stop_keeping_module_sources()
    assert _check() is check
