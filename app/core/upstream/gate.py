"""The gate: the only path into the outbox, so the only path off the machine.

An item is admitted only if the scope is granted, child mode is off, the conversation is not
sensitive, and its text has passed the irreversible anonymizer. Every admission and refusal
is written to the audit log.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.core.assistant.offline import LABEL as OFFLINE_LABEL
from app.core.audit import AuditLog
from app.core.clock import Clock
from app.core.consent import ConsentLedger, Scope
from app.core.conversations import Conversation, Message
from app.core.privacy.anonymize import redact
from app.core.privacy.sensitivity import classify
from app.core.store.database import Database
from app.core.upstream import signals
from app.core.upstream.outbox import Outbox, OutboxItem
from app.core.upstream.sealing import collector_key, seal
from app.core.upstream.settings import SettingsStore

Redactor = Callable[[str], str]
SensitivityCheck = Callable[[str], bool]


def default_redactor(text: str) -> str:
    """Irreversible redaction with typed placeholders (the anonymizer)."""
    return redact(text).text


def default_sensitivity(text: str) -> bool:
    """Whether the sensitive-topic classifier flags ``text``."""
    return classify(text).sensitive


def _canned(message: Message) -> bool:
    """Whether a message is the offline demo's fixed reply (the app's words, not a person's).

    Only the user's word count varies in it, so its topic says nothing about the user; the
    classifier judged its wording now and then as mental health, holding back every demo turn.
    """
    return message.role == "assistant" and message.content.startswith(f"[{OFFLINE_LABEL}]")


@dataclass(frozen=True)
class TurnAnalysis:
    """What the gate needs to know of a turn, worked out off the database lane (``analyze``)."""

    #: Some message of the turn touches a sensitive topic (it is then never shared).
    sensitive: bool
    #: The turn's lines, anonymized, as they would be shared ('' if sensitive).
    text: str = ""
    #: The learning signals the anonymized text teaches.
    signals: tuple[str, ...] = ()


@dataclass(frozen=True)
class GateDecision:
    """What the gate did with one candidate item."""

    admitted: bool
    reason: str
    item: OutboxItem | None = None


class UploadGate:
    """Checks consent, child mode, sensitivity and anonymization before queueing anything."""

    def __init__(
        self,
        database: Database,
        clock: Clock,
        ledger: ConsentLedger,
        audit: AuditLog,
        outbox: Outbox,
        settings: SettingsStore,
        *,
        child_mode: Callable[[], bool],
        redactor: Redactor = default_redactor,
        is_sensitive: SensitivityCheck = default_sensitivity,
    ) -> None:
        self._db = database
        self._clock = clock
        self._ledger = ledger
        self._audit = audit
        self._outbox = outbox
        self._settings = settings
        self._child_mode = child_mode
        self._redact = redactor
        self._is_sensitive = is_sensitive

    def analyze(self, turn: Sequence[Message]) -> TurnAnalysis:
        """Classify and anonymize a turn (any thread: it touches no database).

        The classifier and the anonymizer take the most time of the gate's checks, so the GUI
        runs them on the I/O pool and hands the result to ``submit_turn``.
        """
        if any(self._is_sensitive(m.content) for m in turn if not _canned(m)):
            return TurnAnalysis(True)
        text = "\n".join(f"{m.role}: {self._redact(m.content)}" for m in turn)
        return TurnAnalysis(False, text, tuple(signals.derive(text)))

    def submit_turn(
        self,
        conversation: Conversation,
        turn: Sequence[Message],
        language: str = "und",
        analysis: TurnAnalysis | None = None,
    ) -> GateDecision:
        """Offer one completed chat turn for training; queue it only if every check passes.

        ``analysis`` is ``analyze(turn)`` worked out already (off the database lane); without
        it, it is worked out here.
        """
        scope = Scope.SHARE_FOR_TRAINING
        reason = self._refusal(scope, conversation)
        if not reason:
            analysis = analysis if analysis is not None else self.analyze(turn)
            reason = "sensitive" if analysis.sensitive else ""
        if reason or analysis is None:
            self._audit.record("upload.refused", scope=scope.value, reason=reason)
            return GateDecision(False, reason)
        payload = json.dumps(
            {
                "kind": "conversation",
                "text": analysis.text,
                "language": language,
                "created_day": self._clock.now().date().isoformat(),
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
        decision = self._admit(scope, "conversation", payload, conversation.id)
        self._submit_signals(scope, list(analysis.signals), language, conversation.id)
        return decision

    def _submit_signals(
        self, scope: Scope, found: list[str], language: str, conversation_id: str
    ) -> None:
        """Queue what the anonymized turn teaches: new terms and recurring concepts."""
        if not found:
            return
        payload = json.dumps(
            {
                "kind": "learning_signal",
                "signals": found,
                "language": language,
                "created_day": self._clock.now().date().isoformat(),
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
        self._admit(scope, "learning_signal", payload, conversation_id)

    def submit_payload(
        self, scope: Scope, kind: str, payload: dict[str, object], conversation_id: str | None
    ) -> GateDecision:
        """Queue an already-anonymized payload (learning signals), after the same checks."""
        if not self._ledger.is_granted(scope) or self._child_mode():
            reason = "child_mode" if self._child_mode() else "no_consent"
            self._audit.record("upload.refused", scope=scope.value, reason=reason)
            return GateDecision(False, reason)
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        return self._admit(scope, kind, text, conversation_id)

    def _refusal(self, scope: Scope, conversation: Conversation) -> str:
        if not self._ledger.is_granted(scope):
            return "no_consent"
        if self._child_mode():
            return "child_mode"
        if conversation.temporary:
            return "temporary"
        if conversation.sensitive:
            return "sensitive"
        return ""

    def _admit(
        self, scope: Scope, kind: str, payload: str, conversation_id: str | None
    ) -> GateDecision:
        upstream = self._settings.upstream()
        sealed = (
            seal(payload.encode("utf-8"), collector_key(upstream.collector_key))
            if upstream.collector_key
            else None
        )
        with self._db.transaction("queueing an upload") as conn:
            item = self._outbox.add(
                conn,
                scope=scope.value,
                kind=kind,
                payload=payload,
                sealed=sealed,
                review=upstream.review_before_upload,
                conversation_id=conversation_id,
            )
            self._audit.record(
                "upload.admitted", conn, scope=scope.value, kind=kind, sha256=item.payload_sha256
            )
        return GateDecision(True, "admitted", item)
