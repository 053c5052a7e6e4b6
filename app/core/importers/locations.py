"""Where the local apps keep chats in plaintext, on Linux, macOS and Windows, to offer them.

Jan keeps a data folder with ``threads/`` (``~/jan`` before 0.5; since then under the
platform's application-data folder). LM Studio keeps ``conversations/`` in ``~/.lmstudio``
(``~/.cache/lm-studio`` in older versions) on every platform. Open WebUI is a server that
keeps chats in its own database; what the user can import is its JSON export, which a browser
saves to the Downloads folder as ``chat-export-<time>.json``.

Only candidates that exist and hold what the importer reads are offered; nothing is read here
beyond the folder listing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FoundSource:
    """A place on this computer that an importer can read."""

    source: str
    label: str
    path: Path


def candidates(
    platform: str | None = None,
    home: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> list[tuple[str, Path]]:
    """(source, path) pairs where each app keeps its chats on ``platform``."""
    platform = platform or sys.platform
    home = home or Path.home()
    env = os.environ if env is None else env
    found: list[tuple[str, Path]] = [("jan", home / "jan")]
    if platform.startswith("win"):
        roaming = Path(env.get("APPDATA") or home / "AppData" / "Roaming")
        local = Path(env.get("LOCALAPPDATA") or home / "AppData" / "Local")
        found += [("jan", roaming / "Jan" / "data"), ("jan", local / "Jan" / "data")]
    elif platform == "darwin":
        found.append(("jan", home / "Library" / "Application Support" / "Jan" / "data"))
    else:
        config = Path(env.get("XDG_CONFIG_HOME") or home / ".config")
        data = Path(env.get("XDG_DATA_HOME") or home / ".local" / "share")
        found += [("jan", config / "Jan" / "data"), ("jan", data / "Jan" / "data")]
    found += [
        ("lmstudio", home / ".lmstudio" / "conversations"),
        ("lmstudio", home / ".cache" / "lm-studio" / "conversations"),
        ("openwebui", home / "Downloads"),
    ]
    return found


def find_sources(
    platform: str | None = None,
    home: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> list[FoundSource]:
    """The places that exist and hold chats, each once."""
    found: list[FoundSource] = []
    seen: set[Path] = set()
    for source, path in candidates(platform, home, env):
        for place in _holding(source, path):
            if place not in seen:
                seen.add(place)
                found.append(FoundSource(source, _LABELS[source], place))
    return found


_LABELS = {"jan": "Jan", "lmstudio": "LM Studio", "openwebui": "Open WebUI export"}


def _holding(source: str, path: Path) -> list[Path]:
    try:
        if source == "jan":
            threads = path / "threads"
            return [path] if threads.is_dir() and any(threads.glob("*/thread.json")) else []
        if source == "lmstudio":
            return [path] if path.is_dir() and any(path.rglob("*.conversation.json")) else []
        if source == "openwebui" and path.is_dir():
            return sorted(path.glob("chat-export-*.json"))
    except OSError:
        return []
    return []
