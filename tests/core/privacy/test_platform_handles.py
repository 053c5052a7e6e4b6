"""Handles told on a platform, Reddit handles, sudo's refusals and profile or own-site URLs."""

from __future__ import annotations

import pytest

from app.core.privacy.anonymize import detect
from app.core.privacy.features import _declined_first_name
from app.core.privacy.lexicon import lexicon
from tools.anonymizer.train import without_extensions


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("im Forum heiße ich dobesr", "USERNAME", "dobesr"),
        ("sul forum sono N1ghtOwl", "USERNAME", "N1ghtOwl"),
        ("add me on steam, I'm vortex_kid", "USERNAME", "vortex_kid"),
        ("my reddit is u/duckofdoom", "USERNAME", "duckofdoom"),
        ("why does sudo say 'olsons is not in the sudoers file'?", "USERNAME", "olsons"),
        ("schau mal vorbei: https://twitch.tv/hamza416", "URL", "https://twitch.tv/hamza416"),
        (
            "mijn eigen site: https://www.mariekevos.nl, feedback?",
            "URL",
            "https://www.mariekevos.nl",
        ),
        ("mi web personal: https://camacho-jon.es", "URL", "https://camacho-jon.es"),
        ("Website:\nhttps://teja1539.nl", "URL", "https://teja1539.nl"),
    ],
)
def test_the_value_is_found(text, kind, value):
    assert (kind, value) in [(e.type, text[e.start : e.end]) for e in detect(text)]


@pytest.mark.parametrize(
    "text",
    [
        "I'm on reddit, I'm new here",
        "the forum is down again",
        "see the docs website: https://docs.python.org/3/",
        "r/python has a weekly thread",
    ],
)
def test_no_handle_or_url_without_the_cue(text):
    assert [e for e in detect(text) if e.type in ("USERNAME", "URL")] == []


def test_declined_polish_first_names_are_recognised():
    names = lexicon().first_names
    for word in ("grzegorza", "piotrem", "szymonie", "magdę"):
        assert _declined_first_name(word, names), word
    for word in ("tabelle", "kunden", "haben"):
        assert not _declined_first_name(word, names), word


def test_a_phone_extension_is_left_out_of_the_phone_span():
    text = "ring 02 7634 2210 interno 15 tomorrow"
    row = {"text": text, "entities": [{"type": "PHONE", "start": 5, "end": 28}]}
    entity = without_extensions(row)["entities"][0]
    assert text[entity["start"] : entity["end"]] == "02 7634 2210"
