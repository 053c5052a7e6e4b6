"""The privacy side's core calls: dashboard, consents, retention, logs, checkup, child mode."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.core.audit import AuditEvent
from app.core.childmode import lockout_seconds
from app.core.consent import Scope
from app.core.domains.dashboard import DashboardSnapshot
from app.gui.core_labels import core_label

if TYPE_CHECKING:
    from app.core.service import Confidant


def load_dashboard(service: Confidant) -> DashboardSnapshot:
    """Read what the dashboard shows. Runs on the DB lane."""
    return service.dashboard.snapshot()


def delete_stored_history(service: Confidant) -> int:
    """Delete every stored conversation after a withdrawal. Runs on the DB lane.

    If the user turned keeping back on in the meantime, nothing is deleted.
    """
    if service.consent.is_granted(Scope.STORE_CONVERSATIONS):
        return 0
    return service.data.delete_history()


def set_retention(service: Confidant, data_class: str, days: int) -> None:
    """Choose a retention preset. Runs on the DB lane."""
    service.data.set_retention(data_class, days)


def explain_sensitivity(service: Confidant, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Which sensitive topics a text touches, and why. Runs on the I/O pool."""
    return service.dashboard.explain_sensitivity(text)


def search_audit(service: Confidant, text: str) -> tuple[str, list[AuditEvent]]:
    """The privacy log, filtered, also by the events' names as shown. Runs on the DB lane.

    The core matches its own (English) words; an event also matches when its name in the
    interface language does, so a German search for "Einwilligung" finds consent events.
    """
    events = service.data.audit_events()
    if not text:
        return text, events
    needle = text.casefold()
    return text, [
        event
        for event in events
        if event.matches(text) or needle in core_label(event.label).casefold()
    ]


def complete_checkup(service: Confidant) -> None:
    """Record that the user did the checkup. Runs on the DB lane."""
    service.data.complete_privacy_checkup()


def lockout_left(service: Confidant) -> int:
    """Seconds until the PIN is checked again (0 if it is now). Runs on the DB lane."""
    status = service.child.status()
    if not status.locked_until:
        return 0
    left = dt.datetime.fromisoformat(status.locked_until) - service.clock.now()
    # A clock moved back would make the wait look longer than the lockout ever is.
    longest = lockout_seconds(status.failed_attempts)
    return max(1, min(math.ceil(left.total_seconds()), longest or 1))


def authorize(service: Confidant, pin: str) -> None:
    """Open a guardian session with ``pin`` (for a change that runs elsewhere next). DB lane."""
    service.child.authorize_guardian(pin)


def authorize_then(service: Confidant, pin: str, change: Callable[..., Any], *args: Any) -> object:
    """Open a guardian session with ``pin``, then run the change once more. DB lane."""
    service.child.authorize_guardian(pin)
    return change(service, *args)


def turn_child_mode_off(service: Confidant, pin: str) -> None:
    """Turn child mode off with the guardian's PIN. Runs on the DB lane."""
    service.child.disable(pin)


def turn_child_mode_on(service: Confidant, pin: str) -> None:
    """Record the guardian's consent, then turn child mode on. Runs on the DB lane."""
    service.child.enable(pin)


def lock_guardian(service: Confidant) -> None:
    """End the guardian's PIN session now. Runs on the DB lane."""
    service.child.lock_guardian()
