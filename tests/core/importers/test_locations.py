"""The local apps' data folders are found on each platform, and only when they hold chats."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.core.importers.locations import candidates, find_sources
from tests.core.importers.helpers import FIXTURES


@pytest.mark.parametrize(
    ("platform", "env", "jan_folder"),
    [
        ("linux", {}, ".config/Jan/data"),
        ("linux", {"XDG_DATA_HOME": "{home}/xdg-data"}, "xdg-data/Jan/data"),
        ("darwin", {}, "Library/Application Support/Jan/data"),
        ("win32", {"APPDATA": "{home}/AppData/Roaming"}, "AppData/Roaming/Jan/data"),
    ],
)
def test_each_platforms_folders_are_found(
    tmp_path: Path, platform: str, env: dict[str, str], jan_folder: str
) -> None:
    home = tmp_path / "home"
    environment = {k: v.format(home=home) for k, v in env.items()}
    shutil.copytree(FIXTURES / "jan", home / jan_folder)
    shutil.copytree(FIXTURES / "lmstudio" / "conversations", home / ".lmstudio" / "conversations")
    downloads = home / "Downloads"
    downloads.mkdir()
    shutil.copy(FIXTURES / "openwebui" / "chat-export-1733200000000.json", downloads)
    (downloads / "holiday.json").write_text("{}")
    found = [(f.source, f.path) for f in find_sources(platform, home, environment)]
    assert found == [
        ("jan", home / jan_folder),
        ("lmstudio", home / ".lmstudio" / "conversations"),
        ("openwebui", downloads / "chat-export-1733200000000.json"),
    ]


def test_empty_or_missing_folders_are_not_offered(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "jan" / "threads").mkdir(parents=True)  # Jan installed, never used
    (home / ".lmstudio" / "conversations").mkdir(parents=True)
    assert find_sources("linux", home, {}) == []


def test_the_legacy_jan_folder_and_old_lm_studio_cache_are_candidates(tmp_path: Path) -> None:
    places = candidates("linux", tmp_path, {})
    assert ("jan", tmp_path / "jan") in places
    assert ("lmstudio", tmp_path / ".cache" / "lm-studio" / "conversations") in places
