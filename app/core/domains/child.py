"""``service.child``: child mode, turned on and off by a guardian with a PIN."""

from __future__ import annotations

import time

from app.core.childmode import ChildModeStatus
from app.core.domains.consent import Consent
from app.core.session import GUARDIAN_SESSION_SECONDS, Session


class Child:
    """Child mode and the guardian's short sessions."""

    def __init__(self, session: Session, consent: Consent) -> None:
        self._s = session
        self._consent = consent

    def status(self) -> ChildModeStatus:
        """Whether child mode is on, and the PIN's attempt limit."""
        return self._s.require_parts().childmode.status()

    def enable(self, pin: str) -> None:
        """Turn child mode on (a guardian sets the PIN); sharing is withdrawn and stays off."""
        childmode = self._s.require_parts().childmode
        self._consent.withdraw_sharing()
        childmode.enable(pin)
        self._s.preferences.minimize_for_child()
        self._s.guardian_until = 0.0
        self._s.update_display_hints()

    def disable(self, pin: str) -> None:
        """Turn child mode off; only with the PIN."""
        self._s.require_parts().childmode.disable(pin)
        self._s.guardian_until = 0.0
        self._s.update_display_hints()

    def authorize_guardian(self, pin: str) -> None:
        """Check the guardian's PIN; settings may then change for a few minutes."""
        self._s.require_parts().childmode.verify(pin)
        self._s.guardian_until = time.monotonic() + GUARDIAN_SESSION_SECONDS

    def lock_guardian(self) -> None:
        """End the guardian's session at once."""
        self._s.guardian_until = 0.0

    def require_guardian(self, change: str) -> None:
        """Refuse ``change`` while child mode is on, unless a guardian entered the PIN."""
        self._s.require_guardian(change)
