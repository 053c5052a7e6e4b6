"""Where a profile lives on disk, and how files in it are written (0700 dirs, 0600 files)."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

import platformdirs

from app.core.errors import DiskFull, KnownError, StorageError

APP_NAME = "confidant"
DIR_MODE = 0o700
FILE_MODE = 0o600
DATABASE_NAME = "confidant.db"
PROFILE_FILE_NAME = "profile.json"


def profile_dir() -> Path:
    """The active profile directory: ``CONFIDANT_HOME`` if set, else the platform data dir."""
    override = os.environ.get("CONFIDANT_HOME")
    if override:
        return Path(override).expanduser().absolute()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "profiles" / "default"


def restrict_umask() -> None:
    """Make every file this process creates private to the user, before any data exists."""
    os.umask(0o077)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make sure the leaf is mode 0700."""
    try:
        path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        if stat.S_IMODE(path.stat().st_mode) != DIR_MODE:
            path.chmod(DIR_MODE)
    except OSError as exc:
        raise os_error(exc, "Could not create the profile folder.") from exc
    return path


def os_error(exc: OSError, message: str) -> KnownError:
    """Turn an ``OSError`` into a typed error, telling a full disk apart."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(
            "The disk is full.", hint="Free some space and try again; nothing was lost."
        )
    reason = os.strerror(exc.errno) if exc.errno else type(exc).__name__
    return StorageError(f"{message} ({reason})")


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: private temp file, fsync, rename, fsync dir."""
    ensure_private_dir(path.parent)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), FILE_MODE)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise os_error(exc, f"Could not write {path.name}.") from exc


def fsync_dir(path: Path) -> None:
    """Flush a directory entry so a rename inside it survives a crash."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def permission_problems(directory: Path) -> list[str]:
    """List the files and folders of a profile whose modes are wider than 0600 / 0700."""
    problems: list[str] = []
    if not directory.exists():
        return problems
    candidates = [directory, *sorted(directory.rglob("*"))]
    for item in candidates:
        mode = stat.S_IMODE(item.lstat().st_mode)
        if item.is_dir():
            if mode & 0o077:
                problems.append(f"{item.name or item}: folder mode {mode:o}, expected 700")
        elif mode & 0o077:
            problems.append(f"{item.name}: file mode {mode:o}, expected 600")
    return problems
