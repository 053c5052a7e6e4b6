"""Resources are found next to the source tree, and inside a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.core import resources
from tests.helpers.files import REPO_ROOT


def test_from_source_resources_are_beside_the_code() -> None:
    assert resources.RESOURCES_DIR == REPO_ROOT / "resources"
    assert resources.resource_path("consent", "research.md").is_file()


def test_inside_a_bundle_resources_are_in_its_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A real bundle is built and run in tests/packaging; this pins down the rule alone.
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources._resources_dir() == tmp_path / "resources"


def test_a_meipass_without_frozen_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources._resources_dir() == REPO_ROOT / "resources"
