"""Preferences: display name, avatar, voice, theme, language — stored encrypted, no identifiers.

Each option is declared once with its default, its description and how it is checked. A
display name that is an e-mail address, a phone number or a web address is refused, and a
custom avatar is re-encoded to a small PNG so that no metadata (EXIF, GPS, ICC, text chunks)
from the original file survives.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.core.audit import AuditLog
from app.core.errors import BugError, InputError
from app.core.store.database import Database

BUILTIN_AVATARS: Mapping[str, str] = {
    "owl": "Owl",
    "fox": "Fox",
    "cat": "Cat",
    "whale": "Whale",
    "robot": "Robot",
    "leaf": "Leaf",
}
CUSTOM_AVATAR = "custom"
VOICES: Mapping[str, str] = {
    "default": "Default",
    "calm": "Calm",
    "bright": "Bright",
    "warm": "Warm",
    "slow": "Slow and clear",
}
THEMES: Mapping[str, str] = {"system": "Follow the system", "light": "Light", "dark": "Dark"}
#: The interface language: the system's (the default), or one Confidant has a catalog for. The
#: languages are named in their own language, as a language menu shows them.
LANGUAGES: Mapping[str, str] = {"system": "Follow the system", "en": "English", "de": "Deutsch"}

MAX_NAME_LENGTH = 40
MAX_AVATAR_INPUT_BYTES = 8 * 1024 * 1024
MAX_AVATAR_PIXELS = 40_000_000
AVATAR_SIZE = 256

_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
_PHONE_RUN = re.compile(r"\+?\(?\d[\d\s().\-/]{5,}\d")
_URL = re.compile(
    r"(?i)\b(?:[a-z][a-z0-9+.\-]*://|www\.)|"
    r"\b[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.(?:com|org|net|io|ai|dev|app|co|uk|de|fr|info|me|edu"
    r"|gov|xyz|ly|us|ca|eu|nl|ch|es|it|au|jp|in|br|tv|biz)\b"
)


def identifier_kind(text: str) -> str | None:
    """What kind of direct identifier ``text`` contains, if any."""
    if _EMAIL.search(text):
        return "an e-mail address"
    for match in _PHONE_RUN.finditer(text):
        if sum(ch.isdigit() for ch in match.group()) >= 7:
            return "a phone number"
    if _URL.search(text):
        return "a web address"
    return None


def validate_display_name(value: Any) -> str:
    """A display name: short, printable, and not a direct identifier."""
    if not isinstance(value, str):
        raise InputError("The display name must be text.")
    name = unicodedata.normalize("NFC", value).strip()
    if len(name) > MAX_NAME_LENGTH:
        raise InputError(f"The display name can have at most {MAX_NAME_LENGTH} characters.")
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise InputError("The display name cannot contain control characters.")
    kind = identifier_kind(name)
    if kind is not None:
        raise InputError(
            f"The display name looks like {kind}. Confidant never stores direct identifiers; "
            "choose a nickname instead."
        )
    return name


def _choice(options: Mapping[str, str], what: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in options:
            raise InputError(f"Unknown {what} {value!r}; choose one of: {', '.join(options)}.")
        return str(value)

    return check


def _checkup_days(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 7 <= value <= 365:
        raise InputError("The privacy checkup interval must be between 7 and 365 days.")
    return value


def _timestamp(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[0-9T:+\-.Z]{10,40}", value):
        raise InputError("A timestamp preference must be an ISO 8601 time.")
    return value


@dataclass(frozen=True)
class Option:
    """One preference: its default, what it means, and how a value is checked."""

    default: Any
    description: str
    check: Callable[[Any], Any]


def _avatar(value: Any) -> str:
    if value == CUSTOM_AVATAR:
        raise InputError("Set a custom avatar by choosing an image.")
    return _choice(BUILTIN_AVATARS, "avatar")(value)


OPTIONS: Mapping[str, Option] = {
    "display_name": Option("", "What the assistant calls you (a nickname)", validate_display_name),
    "avatar": Option("owl", "Your picture: a built-in one, or your own image", _avatar),
    "voice": Option("default", "The voice used to read replies aloud", _choice(VOICES, "voice")),
    "theme": Option("system", "Light, dark, or the system's theme", _choice(THEMES, "theme")),
    "language": Option("system", "The language of the interface", _choice(LANGUAGES, "language")),
    "privacy_checkup_days": Option(90, "How often the privacy checkup asks", _checkup_days),
    "last_privacy_checkup": Option("", "When the privacy checkup was last done", _timestamp),
}


def reencode_avatar(data: bytes) -> bytes:
    """Decode an image and re-encode it as a small PNG with no metadata at all."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if len(data) > MAX_AVATAR_INPUT_BYTES:
        raise InputError(
            f"The image is too large (at most {MAX_AVATAR_INPUT_BYTES // (1024 * 1024)} MB)."
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as original:
                if original.width * original.height > MAX_AVATAR_PIXELS:
                    raise InputError("The image has too many pixels to use as an avatar.")
                upright = ImageOps.exif_transpose(original)
                upright.thumbnail((AVATAR_SIZE, AVATAR_SIZE))
                pixels = upright.convert("RGBA")
    except InputError:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        SyntaxError,
    ):
        raise InputError(
            "This file is not an image Confidant can read (try PNG or JPEG)."
        ) from None
    # A brand-new image carries none of the original's info (EXIF, GPS, ICC, text chunks).
    clean = Image.frombytes("RGBA", pixels.size, pixels.tobytes())
    out = io.BytesIO()
    clean.save(out, format="PNG", optimize=True)
    return out.getvalue()


class Preferences:
    """Reads and writes preferences in the encrypted store."""

    def __init__(
        self, database: Database, audit: AuditLog, child_mode: Callable[[], bool] = lambda: False
    ) -> None:
        self._db = database
        self._audit = audit
        self._child_mode = child_mode

    def minimize_for_child(self) -> None:
        """Child mode keeps a nickname, a built-in avatar and the default voice, nothing more."""
        with self._db.transaction("minimizing preferences") as conn:
            conn.execute("DELETE FROM preferences WHERE name = 'avatar_image'")
            for name in ("avatar", "voice"):
                conn.execute(
                    "UPDATE preferences SET value = ? WHERE name = ?",
                    (json.dumps(OPTIONS[name].default), name),
                )

    def forget_personal(self) -> int:
        """Back to the defaults for what says something about the person; return how many went.

        The nickname, the avatar (and its image) and the voice; settings such as the theme
        stay. Never needs the guardian: deleting is always allowed.
        """
        with self._db.transaction("deleting your preferences") as conn:
            removed = conn.execute(
                "DELETE FROM preferences WHERE name IN "
                "('display_name', 'avatar', 'avatar_image', 'voice')"
            ).rowcount
            self._audit.record("preferences.changed", conn, deleted=int(removed))
        return int(removed)

    def get(self, name: str) -> Any:
        """A preference's value, or its default."""
        option = self._option(name)
        rows = self._db.query("SELECT value FROM preferences WHERE name = ?", (name,))
        return json.loads(rows[0][0]) if rows else option.default

    def all(self) -> dict[str, Any]:
        """Every declared preference with its current value."""
        return {name: self.get(name) for name in OPTIONS}

    def set(self, name: str, value: Any) -> Any:
        """Check and store a preference; return the value as stored."""
        checked = self._option(name).check(value)
        if self._child_mode() and name == "voice" and checked != OPTIONS["voice"].default:
            raise InputError("In child mode the default voice is used.")
        with self._db.transaction("saving your preferences") as conn:
            conn.execute(
                "INSERT INTO preferences(name, value) VALUES (?, ?) "
                "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                (name, json.dumps(checked)),
            )
            if name == "avatar":
                conn.execute("DELETE FROM preferences WHERE name = 'avatar_image'")
            self._audit.record("preferences.changed", conn, name=name)
        return checked

    def set_avatar_image(self, data: bytes) -> bytes:
        """Use an image as the avatar; stored re-encoded, without metadata."""
        if self._child_mode():
            raise InputError("In child mode only the built-in pictures can be used.")
        png = reencode_avatar(data)
        with self._db.transaction("saving your avatar") as conn:
            conn.execute(
                "INSERT INTO preferences(name, value, data) VALUES ('avatar_image', '\"png\"', ?) "
                "ON CONFLICT(name) DO UPDATE SET data = excluded.data",
                (png,),
            )
            conn.execute(
                "INSERT INTO preferences(name, value) VALUES ('avatar', ?) "
                "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                (json.dumps(CUSTOM_AVATAR),),
            )
            self._audit.record("preferences.changed", conn, name="avatar", bytes=len(png))
        return png

    def avatar_image(self) -> bytes | None:
        """The stored custom avatar PNG, if any."""
        rows = self._db.query("SELECT data FROM preferences WHERE name = 'avatar_image'")
        return bytes(rows[0][0]) if rows and rows[0][0] is not None else None

    @staticmethod
    def _option(name: str) -> Option:
        try:
            return OPTIONS[name]
        except KeyError:
            raise BugError(f"Unknown preference {name!r}.") from None
