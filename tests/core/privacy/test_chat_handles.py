"""Gamer tags and handles beside the handles found (chat_handles.py)."""

from __future__ import annotations

import pytest

from app.core.privacy.anonymize import redact


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # A Discord number belongs to its handle.
        ("dodajcie LuckyLynx_668 i NeonYeti653#9075 do drużyny", ["NeonYeti653", "9075"]),
        # A handle listed with a handle.
        ("mettete ToxicTaco980 e theromandev in squadra", ["ToxicTaco980", "theromandev"]),
        # "… mine is …" answers a handle.
        ("her xbox tag is sanjayx68, mine is wiremux71. add us both", ["wiremux71"]),
        # A platform named with "as".
        ("o Hugo está no discord como hugoram", ["hugoram"]),
        # In brackets after a name, in a chat about games.
        ("our fortnite squad is me, Zeke (zekeyboi), and Ossie (0ss13_gg)", ["zekeyboi"]),
    ],
)
def test_handles_beside_handles_are_redacted(text, gone):
    out = redact(text).text
    for value in gone:
        assert value not in out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A word after a comma is a handle only when shaped like one.
        ("su PSN sono tina_photo, aggiungimi", "aggiungimi"),
        # A capitalized name beside a handle stays a name (redacted as one, not a tag).
        ("add xX_Fenrir_Xx and Luca to the squad", "to the squad"),
        # A host name in a log line is no gamer tag.
        ("Dec  6 14:51:59 web01 sshd[19762]: Failed password, is our server hacked?", "web01"),
        # A domain after a user setting is no handle.
        ("user = novaesma\nsmtp = smtp.office365.com", "smtp.office365.com"),
    ],
)
def test_words_beside_handles_stay(text, kept):
    assert kept in redact(text).text
