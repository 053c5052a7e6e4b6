"""``service.consent``: what the user agreed to, granting and withdrawing it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.core import erasure
from app.core.childmode import GuardianRequired
from app.core.consent import ConsentReceipt, ConsentState, ConsentText, Scope
from app.core.errors import DiskFull
from app.core.session import Session


@dataclass(frozen=True)
class WithdrawResult:
    """What withdrawing a consent did."""

    receipt: ConsentReceipt
    deleted_conversations: int
    deletion_request_id: str | None = None


def parse_scope(scope: Scope | str) -> Scope:
    """A scope, from itself or its name."""
    return scope if isinstance(scope, Scope) else Scope.parse(scope)


class Consent:
    """The consent ledger, as the user sees it: one click to grant, one to withdraw."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def consents(self) -> list[ConsentState]:
        """Every scope with its text and whether it is granted now."""
        return self._s.ledger.states()

    def is_granted(self, scope: Scope | str) -> bool:
        """Whether ``scope`` is granted now."""
        return self._s.ledger.is_granted(parse_scope(scope))

    def consent_text(self, scope: Scope | str) -> ConsentText:
        """The current text the user is asked to agree to."""
        return self._s.ledger.text(parse_scope(scope))

    def grant(self, scope: Scope | str) -> ConsentReceipt:
        """Give consent to the current text of ``scope``."""
        s = self._s
        chosen = parse_scope(scope)
        if chosen is not Scope.STORE_CONVERSATIONS and s.child_mode():
            raise GuardianRequired("Child mode is on: nothing can be shared, not even with a PIN.")
        s.require_guardian("changing consent")
        with s.lock, s.database.transaction("recording your consent") as conn:
            was_granted = s.ledger.is_granted(chosen)
            receipt = s.ledger.grant(chosen, s.ledger.text(chosen).version, conn)
            s.upstream.on_grant(chosen, was_granted, conn)
        return receipt

    def withdraw(self, scope: Scope | str, *, delete_history: bool = False) -> WithdrawResult:
        """Withdraw ``scope``: one click, and what it covered stops at once.

        For stored conversations the user chooses whether the kept history goes too; for the
        sharing scopes, queued items are purged and exactly one deletion request is persisted
        (sent by the next flush, retried until the collector answers).
        """
        s = self._s
        chosen = parse_scope(scope)
        s.require_guardian("changing consent")
        deleted = 0
        delete_now = chosen is Scope.STORE_CONVERSATIONS and delete_history
        try:
            with s.lock, s.database.transaction("withdrawing your consent") as conn:
                was_granted = s.ledger.is_granted(chosen)
                receipt = s.ledger.withdraw(chosen, conn)
                request_id = s.upstream.on_withdraw(chosen, was_granted, conn)
                if delete_now:
                    deleted = s.store.delete_all(conn)
                    s.audit.record("history.deleted", conn, conversations=deleted)
        except DiskFull:
            if not delete_now:
                raise
            # On a full disk the two go one after the other; deletion in small steps.
            result = self.withdraw(chosen)
            with s.lock:
                deleted = erasure.delete_conversations(s.database, s.audit, everything=True)
            s.forget_stored()
            return replace(result, deleted_conversations=deleted)
        if deleted:
            s.forget_stored()
        return WithdrawResult(receipt, deleted, request_id)

    def withdraw_sharing(self) -> None:
        """Withdraw both sharing scopes that are granted (child mode, forget me)."""
        for scope in (Scope.SHARE_FOR_TRAINING, Scope.RESEARCH):
            if self._s.ledger.is_granted(scope):
                self.withdraw(scope)
