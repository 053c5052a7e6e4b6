"""Logins given in words: "log in as …", "aka …", "my … account (handle)"."""

from __future__ import annotations

import pytest

from app.core.privacy.anonymize import detect


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Ik log in als vrolijk_pad7 en krijg een fout.", "vrolijk_pad7"),
        ("Marta aka martaflux on Slack fixed it", "martaflux"),
        ("Someone used my Vinted account (lunaretro) last night", "lunaretro"),
        ("j'ai essayé de me log in comme benoitc42 sans succès", "benoitc42"),
    ],
)
def test_a_login_given_in_words_is_a_username(text, handle):
    found = [(e.type, text[e.start : e.end]) for e in detect(text)]
    assert ("USERNAME", handle) in found


@pytest.mark.parametrize(
    "text",
    ["I logged in as admin yesterday and it worked.", "She is aka the boss around here."],
)
def test_ordinary_words_after_the_cue_are_left(text):
    assert [e for e in detect(text) if e.type == "USERNAME"] == []
