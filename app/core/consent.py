"""The consent ledger: append-only rows, versioned consent texts, and the state derived from them.

A scope counts as granted only when its latest row grants it *and* that grant was given to the
current version of the scope's consent text. A new text version therefore asks again.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.audit import AuditLog
from app.core.clock import Clock, iso
from app.core.errors import BugError, InputError
from app.core.resources import resource_path
from app.core.store.database import Database


class Scope(enum.Enum):
    """What a consent is for."""

    STORE_CONVERSATIONS = "store_conversations"
    SHARE_FOR_TRAINING = "share_for_training"
    RESEARCH = "research"

    @classmethod
    def parse(cls, text: str) -> Scope:
        """The scope named ``text``, or a clear input error."""
        try:
            return cls(text)
        except ValueError:
            names = ", ".join(s.value for s in cls)
            raise InputError(f"Unknown consent scope {text!r}; use one of: {names}.") from None


@dataclass(frozen=True)
class ConsentText:
    """One versioned consent text."""

    scope: Scope
    version: str
    title: str
    body: str


@dataclass(frozen=True)
class ConsentState:
    """Where a scope stands now."""

    scope: Scope
    granted: bool
    text: ConsentText
    granted_version: str | None
    needs_renewal: bool
    changed_at: str | None
    receipt_id: str | None


@dataclass(frozen=True)
class ConsentReceipt:
    """What the user gets back when a consent is given or withdrawn."""

    scope: Scope
    granted: bool
    text_version: str
    at: str
    receipt_id: str


def default_texts_dir() -> Path:
    """Where the bundled consent texts live."""
    return resource_path("consent")


def load_text(directory: Path, scope: Scope) -> ConsentText:
    """Read ``<scope>.md``: a small front-matter block (scope, version, title) and the body."""
    path = directory / f"{scope.value}.md"
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BugError(f"The consent text for {scope.value} is missing ({exc.strerror}).") from None
    head, sep, body = raw.removeprefix("---\n").partition("\n---\n")
    if not raw.startswith("---\n") or not sep:
        raise BugError(f"The consent text for {scope.value} has no front matter.")
    fields = dict(line.split(":", 1) for line in head.splitlines() if ":" in line)
    fields = {k.strip(): v.strip() for k, v in fields.items()}
    if fields.get("scope") != scope.value or not fields.get("version"):
        raise BugError(f"The consent text for {scope.value} names the wrong scope or no version.")
    return ConsentText(scope, fields["version"], fields.get("title", scope.value), body.strip())


class ConsentLedger:
    """Grants and withdrawals, recorded append-only in the encrypted store."""

    def __init__(
        self, database: Database, clock: Clock, audit: AuditLog, texts_dir: Path | None = None
    ) -> None:
        self._db = database
        self._clock = clock
        self._audit = audit
        self._texts_dir = texts_dir or default_texts_dir()

    def text(self, scope: Scope) -> ConsentText:
        """The current consent text of ``scope``."""
        return load_text(self._texts_dir, scope)

    def state(self, scope: Scope) -> ConsentState:
        """The scope's state, derived from its latest ledger row and the current text."""
        text = self.text(scope)
        rows = self._db.query(
            "SELECT granted, text_version, at, receipt_id FROM consents "
            "WHERE scope = ? ORDER BY id DESC LIMIT 1",
            (scope.value,),
        )
        if not rows:
            return ConsentState(scope, False, text, None, False, None, None)
        granted, version, at, receipt = rows[0]
        current = version == text.version
        return ConsentState(
            scope=scope,
            granted=bool(granted) and current,
            text=text,
            granted_version=version if granted else None,
            needs_renewal=bool(granted) and not current,
            changed_at=at,
            receipt_id=receipt,
        )

    def states(self) -> list[ConsentState]:
        """Every scope's state, in a fixed order."""
        return [self.state(scope) for scope in Scope]

    def is_granted(self, scope: Scope) -> bool:
        """Whether ``scope`` may be used now."""
        return self.state(scope).granted

    def grant(self, scope: Scope, text_version: str, conn: Any = None) -> ConsentReceipt:
        """Record that the user agreed to ``text_version`` of the scope's text."""
        current = self.text(scope).version
        if text_version != current:
            raise InputError(
                f"Consent must be given to the current text (version {current}) of {scope.value}."
            )
        return self._append(scope, True, current, conn)

    def withdraw(self, scope: Scope, conn: Any = None) -> ConsentReceipt:
        """Record that the user withdrew ``scope``."""
        return self._append(scope, False, self.text(scope).version, conn)

    def has_ever_been_granted(self, scope: Scope) -> bool:
        """Whether the ledger holds any grant of ``scope`` (for rotating contributor ids)."""
        rows = self._db.query(
            "SELECT 1 FROM consents WHERE scope = ? AND granted = 1 LIMIT 1", (scope.value,)
        )
        return bool(rows)

    def _append(self, scope: Scope, granted: bool, version: str, conn: Any) -> ConsentReceipt:
        receipt = ConsentReceipt(scope, granted, version, iso(self._clock.now()), str(uuid.uuid4()))
        if conn is None:
            with self._db.transaction("recording your consent") as own:
                self._write(receipt, own)
        else:
            self._write(receipt, conn)
        return receipt

    def _write(self, receipt: ConsentReceipt, conn: Any) -> None:
        conn.execute(
            "INSERT INTO consents(scope, granted, text_version, at, receipt_id) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                receipt.scope.value,
                int(receipt.granted),
                receipt.text_version,
                receipt.at,
                receipt.receipt_id,
            ),
        )
        self._audit.record(
            "consent.granted" if receipt.granted else "consent.withdrawn",
            conn,
            scope=receipt.scope.value,
            text_version=receipt.text_version,
            receipt=receipt.receipt_id,
        )
