"""One SQLCipher database: opening with a raw key, pragmas, the key check, errors, integrity.

Opening never creates a database over an existing file and never writes to a file it cannot
fully verify: the key, the key-check value, every page's HMAC and the schema version are
checked on a read-only connection first. A file that fails the page check is opened read-only
(reading and exporting what is readable still work; nothing writes to it and no WAL is
checkpointed into it).

A key rotation is a recognised pair: the new key's check value is written as
``key_check_next`` before ``PRAGMA rekey``, so a file found under the new key with the old
``key_check`` still proves the new key right, and the open that finds it finishes the pair.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3

from app.core import keys
from app.core.errors import (
    BugError,
    ConfidantError,
    CorruptDatabase,
    DiskFull,
    StorageError,
    WrongKey,
)
from app.core.paths import FILE_MODE, fsync_dir, os_error
from app.core.store import migrations
from app.core.store.schema import SCHEMA_VERSION

log = logging.getLogger(__name__)

# Pragmas every connection must have, with the value each reads back as.
REQUIRED_PRAGMAS: tuple[tuple[str, str, str], ...] = (
    ("journal_mode", "WAL", "wal"),
    ("synchronous", "FULL", "2"),
    ("foreign_keys", "ON", "1"),
    ("secure_delete", "ON", "1"),
    ("temp_store", "MEMORY", "2"),
)

#: Tables holding what people wrote (or what was derived from it): deleting from any of them
#: empties the WAL at commit.
_PRIVATE_TABLES = ("messages", "conversations", "vault", "outbox", "preferences")

#: Less room than this left on the database's file system counts as a full disk.
_NEARLY_FULL_BYTES = 256 * 1024
#: A file of zeros kept beside the database, given up when the disk is full so that reading
#: and deleting still have room for the WAL and its shared memory (see ``make_room``).
RESERVE_NAME = "space-reserve"
RESERVE_BYTES = 4 * 1024 * 1024

_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_NOTADB = 26
_SQLITE_IOERR = 10
_SQLITE_CANTOPEN = 14
_SQLITE_READONLY = 8
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6


def _silence_sqlcipher_log() -> None:
    # SQLCipher writes "ERROR CORE ..." lines to stderr on a wrong key; we raise a typed error
    # instead. The log level is process-wide, so setting it once on a scratch connection is
    # enough for every later connection.
    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
    finally:
        conn.close()


_silence_sqlcipher_log()


@dataclass(frozen=True)
class IntegrityReport:
    """The result of both integrity checks."""

    cipher_ok: bool
    sqlite_ok: bool
    bad_pages: tuple[int, ...]
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Both checks passed."""
        return self.cipher_ok and self.sqlite_ok

    def summary(self) -> str:
        """One line: ``ok``, the damaged pages, or SQLite's complaints."""
        if self.ok:
            return "ok"
        if self.bad_pages:
            return "damaged pages: " + ", ".join(str(p) for p in self.bad_pages)
        return "; ".join(self.problems)


def damaged_error(pages: Sequence[int], *, untouched: bool = True) -> CorruptDatabase:
    """The error for a database whose pages fail to verify, naming them.

    ``untouched`` is only true when nothing could have written to the file since it was
    opened (it was found damaged before any write, and is then kept read-only).
    """
    listed = ", ".join(str(p) for p in pages)
    if untouched:
        hint = (
            "Nothing was written to it. Export what is readable (confidant export --out FILE), "
            "then restore it from a backup."
        )
    else:
        hint = (
            "Nothing more will be written to it. Export what is readable "
            "(confidant export --out FILE), then restore it from a backup."
        )
    return CorruptDatabase(
        "The database file is damaged" + (f" (damaged pages: {listed})" if listed else "") + ".",
        bad_pages=tuple(pages),
        hint=hint,
    )


def disk_full(doing: str) -> DiskFull:
    """The one message for a full disk, whatever filled it."""
    return DiskFull(
        f"The disk is full, so {doing} did not happen.",
        hint="Free some space and try again; nothing already saved was lost.",
    )


def _no_space(folder: Path | None, below: int = _NEARLY_FULL_BYTES) -> bool:
    """Whether the file system holding ``folder`` has less than ``below`` bytes left."""
    if folder is None:
        return False
    try:
        stats = os.statvfs(folder)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize < below


def translate_error(exc: Exception, doing: str, folder: Path | None = None) -> ConfidantError:
    """Map a SQLCipher exception to a typed error the user can act on.

    An I/O error in ``folder`` while its file system has no room left is a full disk too:
    SQLite reports ENOSPC on some paths (the shared memory, a sync) as a generic I/O error.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == _SQLITE_FULL or (
        primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN) and _no_space(folder)
    ):
        return disk_full(doing)
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return CorruptDatabase(f"The database is damaged ({doing} failed).")
    if primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN, _SQLITE_READONLY, _SQLITE_PERM):
        return StorageError(f"The database could not be read or written while {doing}.")
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return StorageError(
            f"The database is in use by another program while {doing}.",
            hint="Close other copies of Confidant and try again.",
        )
    return BugError(f"Database error while {doing} ({type(exc).__name__}).")


def _check_key(key: bytes, meta: dict[str, str]) -> bool:
    """Whether ``key`` is proven by the meta table; True when it is the rotation's new key.

    During a rotation the new key's check value is stored as ``key_check_next`` before the
    re-encryption, so a file found under the new key (with the old ``key_check`` not yet
    updated) is recognised as the completed first half of the pair.
    """
    check = meta.get("key_check")
    if check is not None and keys.key_matches(key, check):
        return False
    following = meta.get("key_check_next")
    if following is not None and keys.key_matches(key, following):
        return True
    raise CorruptDatabase("The database's key check is missing or does not match.")


def _uri(path: Path, mode: str) -> str:
    return f"file:{urllib.parse.quote(str(path))}?mode={mode}"


def _connect(path: Path, mode: str) -> Any:
    try:
        return sqlcipher3.connect(
            _uri(path, mode), uri=True, isolation_level=None, check_same_thread=False
        )
    except sqlcipher3.Error as exc:
        raise translate_error(exc, "opening the database", path.parent) from None


class Database:
    """An open, verified SQLCipher database. Thread-safe: every call takes one lock.

    A database found damaged when opened is ``read_only``: it keeps the read-only connection
    that verified it, every write is refused with the damage named, and closing it writes
    nothing (no checkpoint).
    """

    def __init__(
        self, conn: Any, path: Path, *, damaged_pages: tuple[int, ...] = (), read_only: bool = False
    ) -> None:
        self._conn = conn
        self.path = path
        self._lock = threading.RLock()
        self._closed = False
        #: Pages whose HMAC failed when the file was opened (then it is read-only).
        self.damaged_pages = damaged_pages
        self._read_only = read_only
        #: Damage found while in use, after the file may have been written (see ``_error``).
        self._damaged_in_use: tuple[int, ...] | None = None
        #: A private row was deleted in the current transaction (see ``_watch_deletions``).
        self._deleted = False
        #: Every page's HMAC was checked at open and nothing was written since.
        self.pages_verified = False
        #: A damaged store's way to a fresh read-only connection (see ``query``).
        self._reconnect: Callable[[], Any] | None = None

    @property
    def read_only(self) -> bool:
        """Whether nothing may be written (the file was found damaged)."""
        return self._read_only or self._damaged_in_use is not None

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, key: bytes) -> Database:
        """Create a new database at ``path``, atomically, then open it.

        The database is built under a temporary name and renamed into place only once it is
        complete, so a crash never leaves a half-made database where the real one belongs.
        """
        if path.exists():
            raise BugError("Refusing to create a database over an existing file.")
        tmp = path.with_name(f".{path.name}.creating")
        for leftover in (tmp, Path(f"{tmp}-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        try:
            fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
        except OSError as exc:
            raise os_error(exc, "Could not create the database.") from None
        os.close(fd)
        conn = _connect(tmp, "rw")
        try:
            conn.execute(keys.key_pragma(key))
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA temp_store = MEMORY")
            migrations.apply(conn, 0)
            conn.execute(
                "INSERT INTO meta(name, value) VALUES ('key_check', ?), ('created_by', ?)",
                (keys.key_check_value(key), _app_version()),
            )
        except sqlcipher3.Error as exc:
            conn.close()
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            raise translate_error(exc, "creating the database", path.parent) from None
        except BaseException:
            conn.close()
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            raise
        conn.close()
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
        return cls.open(path, key, key_verified=True)

    @classmethod
    def open(cls, path: Path, key: bytes, *, key_verified: bool) -> Database:
        """Open an existing database (see ``_open``); on a full disk, after giving up the reserve.

        Reading needs a little room (the WAL's shared memory), so a disk that is full, whatever
        filled it, costs the space reserve rather than the user's access to their data.
        """
        try:
            database = cls._open(path, key, key_verified=key_verified)
        except DiskFull:
            if not release_reserve(path.parent):
                raise
            database = cls._open(path, key, key_verified=key_verified)
        if not database.read_only:
            keep_reserve(path.parent)
        return database

    def make_room(self) -> None:
        """Give up the space reserve if the disk is (nearly) full, so a deletion can commit."""
        make_room(self.path.parent)

    @classmethod
    def _open(cls, path: Path, key: bytes, *, key_verified: bool) -> Database:
        """Open an existing database and verify it before anything can write to it.

        ``key_verified`` says the key already matched the profile's key-check value, so a
        database that still will not decrypt is damaged rather than locked with another key.
        Everything is checked on a read-only connection first: a wrong key or a damaged file
        never gets a connection that could write or checkpoint.
        """
        if not path.is_file():
            raise StorageError("The database file is missing.")
        wal = Path(f"{path}-wal")
        # With no WAL frames to read, the probe opens the file as immutable: it then creates
        # no -wal or -shm either, so a file it finds damaged is left exactly as it was.
        has_wal = wal.exists() and wal.stat().st_size > 0
        probe = _connect(path, "ro" if has_wal else "ro&immutable=1")
        try:
            probe.execute(keys.key_pragma(key))
            meta = cls._read_meta(probe, path, key_verified)
            finish_pair = _check_key(key, meta)
            version = int(meta.get("schema_version", "0"))
            migrations.pending(version)  # raises NewerSchema before anything is written
            bad = _damaged_pages(probe, path)
        except sqlcipher3.Error as exc:
            probe.close()
            raise translate_error(exc, "opening the database", path.parent) from None
        except BaseException:
            probe.close()
            raise
        if bad:
            # Damaged: keep the read-only connection, so what is readable can still be read.
            damaged = cls(probe, path, damaged_pages=bad, read_only=True)
            mode = "ro" if has_wal else "ro&immutable=1"

            def reconnect() -> Any:
                conn = _connect(path, mode)
                conn.execute(keys.key_pragma(key))
                return conn

            damaged._reconnect = reconnect
            return damaged
        probe.close()
        conn = _connect(path, "rw")
        try:
            conn.execute(keys.key_pragma(key))
            cls._apply_pragmas(conn)
            migrations.apply(conn, version)
            if finish_pair or "key_check_next" in meta:
                # The file is under this key: the rotation's pair is complete (or was never
                # started under it), and the key check now names this key alone.
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(
                    "UPDATE meta SET value = ? WHERE name = 'key_check'",
                    (keys.key_check_value(key),),
                )
                conn.execute("DELETE FROM meta WHERE name = 'key_check_next'")
                conn.execute("COMMIT")
                # Fold the re-encrypted pages into the file now that the pair is complete.
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cls._note_version(conn)
            database = cls(conn, path)
            database.pages_verified = True
            database._watch_deletions()
        except sqlcipher3.Error as exc:
            conn.close()
            raise translate_error(exc, "opening the database", path.parent) from None
        except BaseException:
            conn.close()
            raise
        _restrict_files(path)
        return database

    def _watch_deletions(self) -> None:
        """Have every commit that deleted private rows end by emptying the WAL (see ``scrub``).

        Temporary triggers (on this connection only, never stored) note deletions from the
        tables that hold what people wrote; whichever code path deleted them, the commit is
        followed by a checkpoint that truncates the WAL, so the old page images go too.
        """
        self._conn.create_function("confidant_deleted", 0, self._note_deletion)
        for table in _PRIVATE_TABLES:
            self._conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS scrub_{table} AFTER DELETE ON main.{table} "
                "BEGIN SELECT confidant_deleted(); END"
            )

    def _note_deletion(self) -> None:
        if not self._deleted:
            self._deleted = True
            # A delete must work on a full disk: its WAL frames, written at commit, get the
            # reserve's room.
            make_room(self.path.parent)

    @staticmethod
    def _note_version(conn: Any) -> None:
        """Record which version last wrote the file; skipped (not fatal) on a full disk."""
        try:
            conn.execute(
                "INSERT INTO meta(name, value) VALUES ('last_written_by', ?) "
                "ON CONFLICT(name) DO UPDATE SET value = excluded.value "
                "WHERE value != excluded.value",
                (_app_version(),),
            )
        except sqlcipher3.Error as exc:
            code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
            if code != _SQLITE_FULL:
                raise

    @staticmethod
    def _read_meta(conn: Any, path: Path, key_verified: bool) -> dict[str, str]:
        try:
            rows = conn.execute("SELECT name, value FROM meta").fetchall()
        except sqlcipher3.DatabaseError as exc:
            code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
            if code == _SQLITE_NOTADB and not key_verified:
                raise WrongKey(
                    "The key does not open this database.",
                    hint="The keyring entry may have been replaced or deleted; your data file "
                    "was left untouched.",
                ) from None
            if code in (_SQLITE_NOTADB, _SQLITE_CORRUPT):
                raise damaged_error(cipher_bad_pages(conn)) from None
            if "no such table" in str(exc):
                raise CorruptDatabase("The database has no Confidant metadata.") from None
            raise translate_error(exc, "reading the database header", path.parent) from None
        return {str(name): str(value) for name, value in rows}

    @staticmethod
    def _apply_pragmas(conn: Any) -> None:
        for name, value, _ in REQUIRED_PRAGMAS:
            conn.execute(f"PRAGMA {name} = {value}")
        for name, _, expected in REQUIRED_PRAGMAS:
            actual = str(conn.execute(f"PRAGMA {name}").fetchone()[0]).lower()
            if actual != expected:
                raise StorageError(f"The database refused PRAGMA {name} (got {actual}).")
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise StorageError("This SQLite library has no SQLCipher encryption.")

    # --- use --------------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self, doing: str = "saving") -> Iterator[Any]:
        """A write transaction: all of it commits, or none of it does."""
        with self._lock:
            self._require_writable()
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlcipher3.Error as exc:
                raise translate_error(exc, doing, self.path.parent) from None
            self._deleted = False
            self.pages_verified = False
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except sqlcipher3.Error as exc:
                self._rollback()
                raise self._error(exc, doing) from None
            except BaseException:
                self._rollback()
                raise
            if self._deleted:
                self._deleted = False
                self._scrub_quietly()

    def _scrub_quietly(self) -> None:
        """Empty the WAL after a delete; a failure (a reader, a full disk) only delays it."""
        try:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlcipher3.Error:
            log.debug("The WAL could not be emptied after a delete; the next one will.")

    def _rollback(self) -> None:
        if self._conn.in_transaction:
            try:
                self._conn.execute("ROLLBACK")
            except sqlcipher3.Error:  # pragma: no cover - SQLite already rolled back
                log.warning("Rollback after a failed transaction did not succeed.")

    def query(self, sql: str, params: Sequence[Any] = (), doing: str = "reading") -> list[Any]:
        """Run a read-only statement and return all rows."""
        with self._lock:
            self._require_open()
            try:
                return list(self._conn.execute(sql, params).fetchall())
            except sqlcipher3.Error as exc:
                error = self._error(exc, doing)
                if isinstance(error, CorruptDatabase) and self._reconnect is not None:
                    # A connection that met a damaged page fails every later read too; a
                    # fresh one reads the rest (a salvage export needs every readable part).
                    self._conn.close()
                    self._conn = self._reconnect()
                raise error from None

    def _error(self, exc: Exception, doing: str) -> ConfidantError:
        """A typed error; damage found in use is reported with the damaged pages named."""
        error = translate_error(exc, doing, self.path.parent)
        if isinstance(error, CorruptDatabase):
            if self._read_only:
                return damaged_error(self.damaged_pages or _damaged_pages(self._conn, self.path))
            # Found in use: earlier writes may have reached the file, but none will from now.
            self._damaged_in_use = _damaged_pages(self._conn, self.path)
            return damaged_error(self._damaged_in_use, untouched=False)
        return error

    def _require_writable(self) -> None:
        self._require_open()
        if self._read_only:
            raise damaged_error(self.damaged_pages)
        if self._damaged_in_use is not None:
            raise damaged_error(self._damaged_in_use, untouched=False)

    def pragma(self, name: str) -> Any:
        """Read one pragma's value."""
        rows = self.query(f"PRAGMA {name}")
        return rows[0][0] if rows else None

    def meta(self, name: str) -> str | None:
        """One value from the ``meta`` table."""
        rows = self.query("SELECT value FROM meta WHERE name = ?", (name,))
        return str(rows[0][0]) if rows else None

    def schema_version(self) -> int:
        """The schema version this database is at."""
        return int(self.meta("schema_version") or 0)

    def set_max_page_count(self, pages: int) -> int:
        """Cap the database size in pages (how tests and users simulate a small disk)."""
        with self._lock:
            self._require_writable()
            return int(self._conn.execute(f"PRAGMA max_page_count = {int(pages)}").fetchone()[0])

    def integrity_report(self, *, structural: bool = True) -> IntegrityReport:
        """Run SQLCipher's page HMAC check and (unless ``structural`` is off) SQLite's own.

        The HMAC check reads every page and catches any change to the file (about 400 MB/s);
        SQLite's structural check, which also walks the full-text index, costs about four
        times as much, so start-up uses the first alone and ``doctor`` runs both.
        """
        with self._lock:
            self._require_open()
            pages = _damaged_pages(self._conn, self.path)
            problems: list[str] = []
            if not structural:
                return IntegrityReport(not pages, True, pages, ())
            try:
                rows = self._conn.execute("PRAGMA integrity_check").fetchall()
                problems = [str(r[0]) for r in rows if str(r[0]) != "ok"]
            except sqlcipher3.Error as exc:
                problems = [f"integrity_check could not run ({type(exc).__name__})"]
            return IntegrityReport(
                cipher_ok=not pages,
                sqlite_ok=not problems,
                bad_pages=pages,
                problems=tuple(problems),
            )

    def vacuum(self) -> None:
        """Rebuild the file without free pages and fold the WAL in, after a bulk delete."""
        with self._lock:
            self._require_writable()
            try:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self._conn.execute("VACUUM")
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlcipher3.Error as exc:
                raise self._error(exc, "compacting the database") from None

    def scrub(self) -> None:
        """Fold the WAL into the file and truncate it, after a delete.

        The WAL still holds the old images of the pages a delete changed (and ``secure_delete``
        only clears the file's own pages), so deleted text stays readable there until the WAL
        is checkpointed and emptied.
        """
        with self._lock:
            self._require_writable()
            try:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlcipher3.Error as exc:
                raise self._error(exc, "clearing the write-ahead log") from None

    def rekey(self, new_key: bytes, progress: Callable[[str], None] | None = None) -> None:
        """Re-encrypt the whole database under ``new_key``; the key check follows as a pair.

        Order: the new key's check value is stored as ``key_check_next`` (under the old key),
        the WAL is emptied, ``PRAGMA rekey`` rewrites every page, then one transaction makes
        the new check value the only one. A crash after the rekey but before that last step
        leaves a file that the new key opens and ``key_check_next`` proves (see ``open``).
        """
        step = progress or (lambda _what: None)
        new_check = keys.key_check_value(new_key)
        with self._lock:
            self._require_writable()
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.execute(
                    "INSERT INTO meta(name, value) VALUES ('key_check_next', ?) "
                    "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                    (new_check,),
                )
                self._conn.execute("COMMIT")
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                step("re-encrypting")
                self._conn.execute(keys.rekey_pragma(new_key))
                step("recording the new key check")
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.execute(
                    "UPDATE meta SET value = ? WHERE name = 'key_check'", (new_check,)
                )
                self._conn.execute("DELETE FROM meta WHERE name = 'key_check_next'")
                self._conn.execute("COMMIT")
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlcipher3.Error as exc:
                self._rollback()
                raise translate_error(exc, "changing the key", self.path.parent) from None

    def close(self) -> None:
        """Checkpoint and close. Safe to call twice."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            if self._read_only:
                # A damaged file is never written to, not even by a checkpoint.
                self._conn.close()
                return
            try:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlcipher3.Error:
                # Not a problem to report: the WAL keeps the data and the next open folds it in.
                log.debug("The final checkpoint did not complete; the WAL keeps the data.")
            self._conn.close()

    @property
    def closed(self) -> bool:
        """Whether ``close`` was called."""
        return self._closed

    def _require_open(self) -> None:
        if self._closed:
            raise BugError("The database was used after it was closed.")


def cipher_bad_pages(conn: Any) -> tuple[int, ...]:
    """Page numbers whose HMAC does not verify (``PRAGMA cipher_integrity_check``)."""
    pages: list[int] = []
    try:
        rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    except sqlcipher3.Error:
        return ()
    for (line,) in rows:
        text = str(line)
        marker = "page "
        if marker in text:
            digits = text.rsplit(marker, 1)[1].strip().rstrip(".")
            if digits.isdigit():
                pages.append(int(digits))
    return tuple(pages)


def make_room(folder: Path) -> bool:
    """Give up the space reserve in ``folder`` when its disk is (nearly) full; True if freed."""
    if not _no_space(folder, RESERVE_BYTES):
        return False
    return release_reserve(folder)


def release_reserve(folder: Path) -> bool:
    """Delete the space reserve; True if there was one."""
    try:
        (folder / RESERVE_NAME).unlink()
    except OSError:
        return False
    return True


def keep_reserve(folder: Path) -> None:
    """Make the space reserve if it is missing and the disk has plenty of room (best effort)."""
    reserve = folder / RESERVE_NAME
    if reserve.exists() or _no_space(folder, 4 * RESERVE_BYTES):
        return
    try:
        fd = os.open(reserve, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
    except OSError:
        return
    try:
        os.posix_fallocate(fd, 0, RESERVE_BYTES)
    except OSError:
        with contextlib.suppress(OSError):
            reserve.unlink()
    finally:
        os.close(fd)


def _damaged_pages(conn: Any, path: Path) -> tuple[int, ...]:
    """Pages of the file whose HMAC fails and that no committed WAL frame supersedes.

    ``cipher_integrity_check`` reads the main file alone. After a crash (a rekey above all,
    which rewrites every page into the WAL under the new key) the file's copy of a page may be
    stale while the WAL holds the current one; such a page is not damage. The WAL's copies are
    then read through the pager (``quick_check``), which verifies each one's HMAC.
    """
    bad = cipher_bad_pages(conn)
    if not bad:
        return ()
    superseded = wal_committed_pages(Path(f"{path}-wal"))
    left = tuple(page for page in bad if page not in superseded)
    if left or len(left) == len(bad):
        return left
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlcipher3.Error:
        return bad
    return () if [str(r[0]) for r in rows] == ["ok"] else bad


_WAL_MAGIC = (0x377F0682, 0x377F0683)


def wal_committed_pages(wal: Path) -> set[int]:
    """Page numbers that have a committed frame in the WAL file (frame headers are plaintext)."""
    try:
        with open(wal, "rb") as handle:
            header = handle.read(32)
            if len(header) < 32 or int.from_bytes(header[0:4], "big") not in _WAL_MAGIC:
                return set()
            page_size = int.from_bytes(header[8:12], "big")
            salts = header[16:24]
            committed: set[int] = set()
            pending: set[int] = set()
            while True:
                frame = handle.read(24)
                if len(frame) < 24 or frame[8:16] != salts:
                    break
                pending.add(int.from_bytes(frame[0:4], "big"))
                if int.from_bytes(frame[4:8], "big"):  # a commit frame
                    committed |= pending
                    pending = set()
                if len(handle.read(page_size)) < page_size:
                    break
    except OSError:
        return set()
    return committed


def database_files(path: Path) -> list[Path]:
    """The database file and its WAL and shared-memory companions, those that exist."""
    return [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


def _restrict_files(path: Path) -> None:
    for item in database_files(path):
        with contextlib.suppress(OSError):
            item.chmod(FILE_MODE)


def _app_version() -> str:
    from app import __version__

    return __version__


__all__ = [
    "SCHEMA_VERSION",
    "Database",
    "IntegrityReport",
    "cipher_bad_pages",
    "damaged_error",
    "database_files",
    "keep_reserve",
    "make_room",
    "release_reserve",
    "translate_error",
]
