"""Text from outside (a prompt, an argument): it must be encodable, or it is refused cleanly."""

from __future__ import annotations

from app.core.errors import InputError


def check_text(value: str, what: str) -> str:
    """Return ``value`` if it is valid Unicode text; refuse lone surrogates with InputError.

    Python keeps undecodable bytes of arguments and files as lone surrogates, which no UTF-8
    encoder (SQLite's included) accepts; they are refused here, with nothing stored or sent.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            f"{what} contains bytes that are not valid text (UTF-8); nothing was sent or saved."
        ) from None
    return value
