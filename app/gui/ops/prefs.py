"""Preferences' core calls (DB lane): reading them, saving one, an avatar from a file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from app.core.errors import InputError
from app.core.preferences import MAX_AVATAR_INPUT_BYTES

if TYPE_CHECKING:
    from app.core.service import Confidant


def set_preference(service: Confidant, name: str, value: Any) -> tuple[str, Any]:
    """Check and store one preference. Runs on the DB lane."""
    return name, service.prefs.set(name, value)


def set_avatar_from_file(service: Confidant, path: Path) -> bytes:
    """Read an image file and store it, cleaned, as the avatar. Runs on the DB lane."""
    try:
        size = path.stat().st_size
        if size > MAX_AVATAR_INPUT_BYTES:
            limit = MAX_AVATAR_INPUT_BYTES // (1024 * 1024)
            raise InputError(
                QCoreApplication.translate(
                    "PreferencesController", "The image is too large (at most {limit} MB)."
                ).format(limit=limit)
            )
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or QCoreApplication.translate(
            "PreferencesController", "unknown error"
        )
        raise InputError(
            QCoreApplication.translate(
                "PreferencesController", "The file could not be read ({reason})."
            ).format(reason=reason)
        ) from None
    return service.prefs.set_avatar_image(data)
