"""Reading what the user gave (a file, a folder or a zip) into named entries, defensively.

Only regular files are read: a FIFO would block forever and ``/dev/zero`` never ends, so both
are refused from their ``stat`` alone. Sizes are checked before reading; zips are checked for
bombs and unsafe paths before anything is unpacked; folders are walked without following
links out of them.
"""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from app.core import export_crypto
from app.core.errors import InputError
from app.core.importers.common import (
    MAX_IMPORT_BYTES,
    MAX_ZIP_ENTRIES,
    MAX_ZIP_RATIO,
    check_json_depth,
)

#: Files a folder import may hold before it is refused as not an app's data folder.
MAX_FOLDER_FILES = 20_000
_NOT_CHATS = frozenset(
    {"node_modules", "extensions", "models", "engines", "logs", "cache", ".git", ".internal"}
)


@dataclass(frozen=True)
class Entry:
    """One file of the input: its name relative to what was given, and how to read it."""

    name: str
    size: int
    read: Callable[[], bytes]
    #: The file on disk, when it is one (not inside a zip).
    path: Path | None = None

    @property
    def base(self) -> str:
        """The file's own name, without folders."""
        return PurePosixPath(self.name).name


@dataclass(frozen=True)
class Input:
    """What the user gave, as entries."""

    label: str
    entries: tuple[Entry, ...]
    #: The single file given (an export or a zip); None for a folder.
    container: Path | None

    def named(self, *names: str) -> list[Entry]:
        """The entries whose own name is one of ``names``, shallowest first."""
        found = [e for e in self.entries if e.base in names]
        return sorted(found, key=lambda e: (e.name.count("/"), e.name))

    def where(self, entry: Entry) -> str:
        """How messages name an entry: the file given, or the entry inside it."""
        if self.container is not None and entry.name == self.container.name:
            return self.label
        return f"{entry.name} in {self.label}"


def _refuse_special(path: Path, info: os.stat_result) -> None:
    if stat.S_ISFIFO(info.st_mode):
        raise InputError(f"{path} is a pipe (FIFO), not a file; give an export file.")
    if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
        raise InputError(f"{path} is a device, not a file; give an export file.")
    if stat.S_ISSOCK(info.st_mode):
        raise InputError(f"{path} is a socket, not a file; give an export file.")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path} is not a regular file.")


def read_file(path: Path) -> bytes:
    """A regular file's bytes, refused before reading when it is special or too large."""
    try:
        info = path.stat()
    except OSError as exc:
        raise InputError(f"Could not read {path.name} ({exc.strerror}).") from None
    _refuse_special(path, info)
    if info.st_size > MAX_IMPORT_BYTES:
        raise InputError(f"{path.name} is larger than Confidant imports (512 MB).")
    try:
        # O_NONBLOCK: should the file be swapped for a FIFO after the check, open won't hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InputError(f"{path} is not a regular file.")
            data = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise InputError(f"Could not read {path.name} ({exc.strerror}).") from None
    if len(data) > MAX_IMPORT_BYTES:
        raise InputError(f"{path.name} is larger than Confidant imports (512 MB).")
    return data


def open_input(path: Path, passphrase: str | None = None) -> Input:
    """The entries of a file, a zip or a folder."""
    path = path.expanduser()
    try:
        info = path.stat()
    except OSError as exc:
        raise InputError(f"Could not read {path.name or path} ({exc.strerror}).") from None
    if stat.S_ISDIR(info.st_mode):
        return _folder(path)
    data = read_file(path)
    if export_crypto.is_encrypted(data[:64]):
        data = export_crypto.decrypt(io.BytesIO(data), passphrase, MAX_IMPORT_BYTES)
    if data[:4] == b"PK\x03\x04":
        return _zip(path, data)
    return Input(path.name, (Entry(path.name, len(data), lambda: data, path),), path)


def _folder(root: Path) -> Input:
    entries: list[Entry] = []
    total = 0
    for directory, subdirs, files in os.walk(root, followlinks=False):
        # An app's data folder also holds its models, extensions and caches: never chats.
        subdirs[:] = sorted(d for d in subdirs if d not in _NOT_CHATS)
        for name in sorted(files):
            full = Path(directory, name)
            try:
                info = full.lstat()
            except OSError:
                continue
            if not stat.S_ISREG(info.st_mode):
                continue  # links, pipes and devices inside a data folder are never read
            if not name.endswith((".json", ".jsonl", ".html")):
                continue
            total += info.st_size
            if total > MAX_IMPORT_BYTES:
                raise InputError(f"{root.name} holds more than Confidant imports (512 MB).")
            if len(entries) >= MAX_FOLDER_FILES:
                raise InputError(f"{root.name} holds too many files to import.")
            relative = full.relative_to(root).as_posix()
            entries.append(
                Entry(relative, info.st_size, lambda full=full: read_file(full), full)  # type: ignore[misc]
            )
    return Input(root.name or str(root), tuple(entries), None)


def _zip(path: Path, data: bytes) -> Input:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except zipfile.BadZipFile:
        raise InputError(f"{path.name} is not a readable zip file (truncated?).") from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise InputError(f"{path.name}: the zip file has too many entries.")
    total = 0
    entries: list[Entry] = []
    for info in infos:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in PurePosixPath(name).parts or ":" in name:
            raise InputError(f"{path.name}: the zip file contains an unsafe path ({name!r}).")
        total += info.file_size
        if total > MAX_IMPORT_BYTES:
            raise InputError(
                f"{path.name}: the zip file unpacks to more than Confidant imports (512 MB)."
            )
        if info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO:
            raise InputError(
                f"{path.name}: the zip entry {name!r} is compressed suspiciously well "
                "(a zip bomb?)."
            )
        if info.is_dir():
            continue
        entries.append(Entry(name, info.file_size, _member_reader(archive, info, path.name)))
    return Input(path.name, tuple(entries), path)


def _member_reader(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> Any:
    def read() -> bytes:
        try:
            with archive.open(info) as member:
                data = member.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise InputError(f"{label}: {info.filename} could not be unpacked ({exc}).") from None
        if len(data) > info.file_size:
            raise InputError(f"{label}: the zip entry {info.filename!r} is larger than it says.")
        return data

    return read


def load_json(data: bytes, what: str) -> Any:
    """Parse JSON text, refusing bad encodings and hostile nesting with one clear sentence."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a byte-order mark, as some Windows tools write
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{what} is not valid UTF-8 (at byte {exc.start}).") from None
    check_json_depth(data, what)
    try:
        return json.loads(decoded)
    except json.JSONDecodeError as exc:
        raise InputError(f"{what} is not valid JSON (line {exc.lineno}: {exc.msg}).") from None
    except RecursionError:
        raise InputError(f"{what} is nested too deeply.") from None
