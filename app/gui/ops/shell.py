"""The shell's own core calls (DB lane): the assistant it names, child mode, the theme."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.assistant.hub import ProviderStatus
    from app.core.service import Confidant


def provider_status(service: Confidant) -> ProviderStatus:
    """The assistant the status bar names. Runs on the DB lane."""
    return service.assistant.provider_status()


def child_mode_on(service: Confidant) -> bool:
    """Whether child mode is on, as the store says. Runs on the DB lane."""
    return service.child.status().enabled


def theme_preference(service: Confidant) -> str:
    """The user's theme: "system", "light" or "dark". Runs on the DB lane."""
    return str(service.prefs.get("theme"))


def apply_theme(choice: str) -> None:
    """Apply the theme the user chose (GUI thread)."""
    from app.gui.theme import apply_theme_choice

    apply_theme_choice(choice)
