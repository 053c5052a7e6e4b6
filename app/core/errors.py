"""Typed errors, sorted by who is to blame: the environment (KnownError) or us (BugError).

Every message here is meant to be shown to the user as one sentence. Messages never contain
key material, message text or other private data: callers pass only what is safe to show.
"""

from __future__ import annotations


class ConfidantError(Exception):
    """Base of every error Confidant raises on purpose."""

    #: Exit status the CLI uses for this error.
    exit_code = 1

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def one_line(self) -> str:
        """The message and its hint as a single line, for the CLI and logs."""
        return f"{self.message} {self.hint}".strip()


class KnownError(ConfidantError):
    """Something in the environment is wrong: the user can act on it, it is not our bug."""


class InputError(KnownError):
    """The user's input or command line is invalid."""

    exit_code = 2


class KeyringUnavailable(KnownError):
    """No usable OS keyring: it is missing, locked, or refused as insecure."""


class InsecureKeyring(KeyringUnavailable):
    """The selected keyring backend would keep the key in plaintext, or not at all."""


class WrongKey(KnownError):
    """The key (from the keyring or the passphrase) is missing or does not open the database."""


class CorruptDatabase(KnownError):
    """The key is right but the database file is damaged."""

    def __init__(self, message: str, *, bad_pages: tuple[int, ...] = (), hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.bad_pages = bad_pages


class NewerSchema(KnownError):
    """The database was written by a newer version of Confidant."""


class DiskFull(KnownError):
    """The disk (or the store's size limit) is full; the last change was not saved."""


class StorageError(KnownError):
    """Reading or writing the profile failed for an environmental reason (I/O, permissions)."""


class ProfileLocked(KnownError):
    """The profile needs a passphrase to open."""


class BugError(ConfidantError):
    """An internal error: a bug in Confidant, never the user's fault."""
