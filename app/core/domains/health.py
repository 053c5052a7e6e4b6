"""``service.health``: the doctor's checks (store, keyring, files, schema), the keyring."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlcipher3

from app.core import keys, paths, profile
from app.core.errors import ConfidantError, CorruptDatabase, KeyringUnavailable, KnownError
from app.core.session import Session
from app.core.store.database import damaged_error
from app.core.store.schema import SCHEMA_VERSION


@dataclass(frozen=True)
class KeyringStatus:
    """What the environment's keyring backend is, and whether we accept it."""

    backend: str
    secure: bool
    detail: str

    @property
    def sentence(self) -> str:
        """One sentence for the user."""
        if self.secure:
            return "Your data key is kept in your system keyring."
        if self.backend == "unavailable":
            return f"No keyring could be used: {self.detail.rstrip('.')}."
        return f"The keyring on this computer cannot be used, because {self.detail}."


@dataclass(frozen=True)
class DoctorCheck:
    """One line of the health report."""

    name: str
    ok: bool
    detail: str


@dataclass(frozen=True)
class DoctorReport:
    """The health of the store, the keyring, the files and the schema."""

    profile_dir: str
    sqlcipher_version: str
    keyring_backend: str
    keyring_secure: bool
    store_exists: bool
    schema_version: int | None
    code_schema_version: int
    bad_pages: tuple[int, ...]
    checks: tuple[DoctorCheck, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        """Every check passed."""
        return all(check.ok for check in self.checks)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form of the report."""
        data = asdict(self)
        data["bad_pages"] = list(self.bad_pages)
        data["ok"] = self.ok
        return data


def sqlcipher_version() -> str:
    """The SQLCipher version the bundled library reports."""
    conn = sqlcipher3.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else ""


def keyring_status() -> KeyringStatus:
    """The keyring backend the environment selects, and whether it is acceptable."""
    try:
        info = keys.vet_backend(keys.detect_backend())
    except KeyringUnavailable as exc:
        return KeyringStatus("unavailable", False, exc.message)
    return KeyringStatus(info.name, info.secure, info.reason)


class Health:
    """Whether the profile, its store and its keyring are in order."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def keyring_status(self) -> KeyringStatus:
        """The keyring backend the environment selects, and whether it is acceptable."""
        return keyring_status()

    def verify_integrity(self, *, structural: bool = False) -> None:
        """Check every page's HMAC (and optionally SQLite's structure); name damaged pages."""
        database = self._s.database
        if database.read_only:
            raise damaged_error(database.damaged_pages)
        if database.pages_verified and not structural:
            return  # the open just checked every page, and nothing was written since
        report = database.integrity_report(structural=structural)
        if not report.ok:
            raise damaged_error(report.bad_pages)

    def doctor(self, passphrase: str | None = None) -> DoctorReport:
        """Check the store, the keyring, the file permissions and the schema.

        A profile that does not exist yet is not created; the keyring is then checked with a
        throwaway entry instead.
        """
        checks: list[DoctorCheck] = []
        # Looked at first: opening the store would quietly tighten loose file modes.
        problems = paths.permission_problems(self._s.directory)
        version = sqlcipher_version()
        checks.append(DoctorCheck("sqlcipher", bool(version), version or "no SQLCipher"))
        try:
            existing = profile.load_profile_file(self._s.directory)
        except KnownError as exc:
            # A damaged profile.json is a finding of the report, not the end of it.
            existing = None
            checks.append(DoctorCheck("profile file", False, exc.one_line()))
        uses_keyring = existing is None or existing.key_mode == "keyring"
        status = keyring_status()
        if uses_keyring:
            checks.append(
                DoctorCheck("keyring", status.secure, f"{status.backend}: {status.detail}")
            )
        else:
            checks.append(DoctorCheck("keyring", True, "not used: the profile uses a passphrase"))

        store_exists = profile.is_created(self._s.directory)
        schema: int | None = None
        bad_pages: tuple[int, ...] = ()
        if not store_exists:
            checks.append(DoctorCheck("store", True, "no profile yet; it is created on first use"))
            if status.secure:
                checks.append(self._keyring_probe())
        else:
            schema, bad_pages, store_checks = self._doctor_store(passphrase)
            checks.extend(store_checks)

        checks.append(DoctorCheck("permissions", not problems, "; ".join(problems) or "700 / 600"))
        return DoctorReport(
            profile_dir=str(self._s.directory),
            sqlcipher_version=version,
            keyring_backend=status.backend,
            keyring_secure=status.secure,
            store_exists=store_exists,
            schema_version=schema,
            code_schema_version=SCHEMA_VERSION,
            bad_pages=bad_pages,
            checks=tuple(checks),
        )

    def _doctor_store(
        self, passphrase: str | None
    ) -> tuple[int | None, tuple[int, ...], list[DoctorCheck]]:
        checks: list[DoctorCheck] = []
        opened_here = False
        try:
            if self._s.opened is None:
                if not profile.database_path(self._s.directory).exists():
                    return None, (), [DoctorCheck("store", False, "the database file is missing")]
                self._s.open(passphrase)
                opened_here = True
            schema = self._s.database.schema_version()
            report = self._s.database.integrity_report()
        except CorruptDatabase as exc:
            checks.append(DoctorCheck("store", True, "opened"))
            checks.append(DoctorCheck("integrity", False, exc.message))
            return None, exc.bad_pages, checks
        except KnownError as exc:
            return None, (), [DoctorCheck("store", False, exc.one_line())]
        finally:
            if opened_here:
                self._s.close()
        checks.append(DoctorCheck("store", True, f"opened ({self._s.directory.name})"))
        checks.append(DoctorCheck("integrity", report.ok, report.summary()))
        checks.append(
            DoctorCheck(
                "schema",
                schema == SCHEMA_VERSION,
                f"version {schema} (this Confidant writes {SCHEMA_VERSION})",
            )
        )
        return schema, report.bad_pages, checks

    def _keyring_probe(self) -> DoctorCheck:
        user = f"doctor-probe-{uuid.uuid4()}"
        try:
            store = self._s.key_store_factory()
            store.put(user, keys.new_data_key())
            store.delete(user)
        except ConfidantError as exc:
            return DoctorCheck("keyring round trip", False, exc.one_line())
        return DoctorCheck("keyring round trip", True, "stored and removed a test entry")
