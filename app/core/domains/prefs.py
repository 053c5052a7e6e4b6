"""``service.prefs``: the user's preferences (name, avatar, theme, language...), checked."""

from __future__ import annotations

from typing import Any

from app.core.session import Session


class Prefs:
    """Reading and changing preferences; each value is checked by its declared option."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, name: str) -> Any:
        """One preference's value."""
        return self._s.preferences.get(name)

    def all(self) -> dict[str, Any]:
        """Every preference, by name."""
        return self._s.preferences.all()

    def set(self, name: str, value: Any) -> Any:
        """Check and store one preference; return the value as stored."""
        return self._s.preferences.set(name, value)

    def avatar_image(self) -> bytes | None:
        """The user's own avatar picture, if any."""
        return self._s.preferences.avatar_image()

    def set_avatar_image(self, data: bytes) -> bytes:
        """Store a picture (cleaned and re-encoded) as the avatar; return what was stored."""
        return self._s.preferences.set_avatar_image(data)
