"""Tests for preferences: identifiers refused, avatars stripped of metadata."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from app.core.errors import BugError, InputError
from app.core.preferences import OPTIONS, identifier_kind, reencode_avatar
from app.core.service import Confidant


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("jane@example.com", "an e-mail address"),
        ("Jane (jane.doe@mail.example.org)", "an e-mail address"),
        ("+44 20 7946 0958", "a phone number"),
        ("(555) 123-4567", "a phone number"),
        ("0171 2345678", "a phone number"),
        ("https://jane.example", "a web address"),
        ("www.janedoe.net", "a web address"),
        ("janedoe.com", "a web address"),
    ],
)
def test_identifiers_are_refused(service: Confidant, name: str, kind: str) -> None:
    assert identifier_kind(name) == kind
    with pytest.raises(InputError, match=kind):
        service.preferences.set("display_name", name)
    assert service.preferences.get("display_name") == ""


@pytest.mark.parametrize("name", ["Jane", "J.R.R. Tolkien fan", "Agent 007", "Zoë", "Captain 42"])
def test_nicknames_are_accepted(service: Confidant, name: str) -> None:
    assert service.preferences.set("display_name", name) == name
    assert service.preferences.get("display_name") == name


def test_every_option_has_a_default_and_description(service: Confidant) -> None:
    values = service.preferences.all()
    assert set(values) == set(OPTIONS)
    assert all(option.description for option in OPTIONS.values())


def test_choices_are_checked(service: Confidant) -> None:
    service.preferences.set("voice", "calm")
    service.preferences.set("theme", "dark")
    assert service.preferences.get("voice") == "calm"
    with pytest.raises(InputError):
        service.preferences.set("voice", "someone-famous")
    with pytest.raises(InputError):
        service.preferences.set("avatar", "custom")
    with pytest.raises(BugError):
        service.preferences.set("shoe_size", 42)


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (800, 600), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "CanaryCameraMaker"  # Make
    exif[0x0131] = "CanarySoftware"  # Software
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (51.0, 30.0, 26.0)
    gps[3] = "W"
    gps[4] = (0.0, 7.0, 39.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, comment=b"CanaryComment")
    data = out.getvalue()
    assert b"CanaryCameraMaker" in data  # the test image really carries metadata
    with Image.open(io.BytesIO(data)) as check:
        assert check.getexif().get_ifd(0x8825)
    return data


def test_avatar_jpeg_with_gps_is_stored_without_metadata(service: Confidant) -> None:
    service.preferences.set_avatar_image(_jpeg_with_gps())
    stored = service.preferences.avatar_image()
    assert stored is not None
    assert service.preferences.get("avatar") == "custom"
    for needle in (b"CanaryCameraMaker", b"CanarySoftware", b"CanaryComment", b"Exif", b"eXIf"):
        assert needle not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "PNG"
        assert max(image.size) <= 256
        assert not image.getexif()
        assert not {k for k in image.info if k not in ("dpi",)}, image.info
    # Choosing a built-in avatar removes the picture.
    service.preferences.set("avatar", "fox")
    assert service.preferences.avatar_image() is None


def test_bad_images_are_clear_errors() -> None:
    with pytest.raises(InputError, match="not an image"):
        reencode_avatar(b"this is not an image")
    with pytest.raises(InputError, match="too large"):
        reencode_avatar(b"\0" * (9 * 1024 * 1024))
