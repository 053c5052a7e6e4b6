"""Usernames in shell prompts, login log lines and settings (log_handles.py)."""

from __future__ import annotations

import pytest

from app.core.privacy.anonymize import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hkoenig@server01:/var/www$ touch a.txt", "[USERNAME]@server01:/var/www$ touch a.txt"),
        (
            "échec de connexion pour l'utilisateur cat_pixel depuis 192.168.131.169",
            "échec de connexion pour l'utilisateur [USERNAME] depuis [IP_ADDRESS]",
        ),
        (
            "nieudane logowanie użytkownika xrobertx z adresu 32.198.88.47",
            "nieudane logowanie użytkownika [USERNAME] z adresu [IP_ADDRESS]",
        ),
        ("DB_USER=wp_shop\nDB_PORT=5432", "DB_USER=[USERNAME]\nDB_PORT=5432"),
    ],
)
def test_a_username_given_by_its_place_in_a_log_or_setting(text, expected):
    assert redact(text).text == expected


def test_an_e_mail_address_is_not_a_prompt():
    assert redact("write to anna@web.de: ~ is home").text == "write to [EMAIL]: ~ is home"
