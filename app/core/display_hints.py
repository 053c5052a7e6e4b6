"""Non-secret display hints beside the encrypted store, for the screens shown before it opens.

``hints.json`` in the profile folder says one thing: that child mode is on. The screens shown
before the database can be read (the passphrase prompt, the lock screen) use it to show the
child-mode badge at once. It is a hint for display only: every child-mode rule is enforced
from the encrypted store, never from this file. Deleting or editing it changes what those first
screens show until the profile opens, nothing else, and opening the profile writes it again.

The file exists only while child mode is on, so a profile without child mode has none. It is
written like every profile file: private temp file (0600), fsync, rename.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from app.core.paths import atomic_write, fsync_dir, os_error

HINTS_FILE_NAME = "hints.json"
HINTS_FORMAT = 1
#: Anything bigger is not a file we wrote; it is ignored rather than parsed.
MAX_HINTS_BYTES = 4096


@dataclass(frozen=True)
class DisplayHints:
    """What the start-up screens may show before the store is open."""

    child_mode: bool = False


def hints_path(directory: Path) -> Path:
    """Where a profile's display hints live."""
    return directory / HINTS_FILE_NAME


def read_hints(directory: Path) -> DisplayHints:
    """The profile's display hints; a missing, unreadable or malformed file means none.

    Never raises: a hint that cannot be read must not keep the profile from opening.
    """
    path = hints_path(directory)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_HINTS_BYTES + 1)
    except OSError:
        return DisplayHints()
    if len(raw) > MAX_HINTS_BYTES:
        return DisplayHints()
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return DisplayHints()
    if not isinstance(data, dict) or data.get("format") != HINTS_FORMAT:
        return DisplayHints()
    return DisplayHints(child_mode=data.get("child_mode") is True)


def write_hints(directory: Path, hints: DisplayHints) -> None:
    """Record ``hints`` for the next start: the file while child mode is on, none otherwise."""
    path = hints_path(directory)
    if hints.child_mode:
        payload = {"format": HINTS_FORMAT, "child_mode": True}
        atomic_write(path, json.dumps(payload, sort_keys=True).encode("utf-8") + b"\n")
        return
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise os_error(exc, f"Could not remove {path.name}.") from exc
    with contextlib.suppress(OSError):
        fsync_dir(directory)


def sync_hints(directory: Path, hints: DisplayHints) -> bool:
    """Write ``hints`` only if the file says otherwise; return whether it was written."""
    if read_hints(directory) == hints and (hints.child_mode or not _exists(directory)):
        return False
    write_hints(directory, hints)
    return True


def _exists(directory: Path) -> bool:
    return os.path.lexists(hints_path(directory))
