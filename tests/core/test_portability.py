"""Export and import: our format round-trips, ChatGPT and Claude import, hostile files fail."""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import zipfile
from pathlib import Path

import jsonschema
import pytest

from app.core.errors import InputError, WrongKey
from app.core.jobs import Cancelled, CancelToken
from app.core.resources import resource_path
from app.core.service import Confidant

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def _populate(service: Confidant) -> None:
    service.consent.grant("store_conversations")
    service.preferences.set("display_name", "Robin")
    service.preferences.set("voice", "warm")
    for words in ("tides and moons", "knots for sailing", "a pasta recipe"):
        conversation = service.chat.new_conversation()
        service.chat.send(conversation, words)
        service.chat.send(conversation, f"more about {words}")


def _content_hash(service: Confidant) -> str:
    rows = service.database.query(
        "SELECT c.title, c.created_at, c.updated_at, m.role, m.content, m.created_at "
        "FROM messages m JOIN conversations c ON c.id = m.conversation_id "
        "ORDER BY c.created_at, c.title, m.id"
    )
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()


def _store_hash(service: Confidant) -> str:
    tables = ["conversations", "messages", "preferences", "consents", "vault", "outbox"]
    dump = {t: service.database.query(f"SELECT * FROM {t} ORDER BY 1") for t in tables}
    return hashlib.sha256(json.dumps(dump, default=str).encode()).hexdigest()


def _fresh(tmp_path: Path, name: str) -> Confidant:
    other = Confidant(tmp_path / name)
    other.open()
    other.consent.grant("store_conversations")
    return other


def test_export_validates_and_round_trips(service: Confidant, tmp_path: Path) -> None:
    _populate(service)
    out = tmp_path / "export.json"
    result = service.data.export(out)
    assert (result.conversations, result.messages) == (3, 12)
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    document = json.loads(out.read_text())
    schema = json.loads(resource_path("schemas", "export-v1.json").read_text())
    jsonschema.validate(document, schema, format_checker=jsonschema.FormatChecker())
    assert document["preferences"]["display_name"] == "Robin"
    assert [c["scope"] for c in document["consents"]] == ["store_conversations"]
    assert any(e["kind"] == "consent.granted" for e in document["audit"])

    other = _fresh(tmp_path, "other")
    try:
        imported = other.data.import_file(out)
        assert (imported.source, imported.conversations, imported.messages) == ("confidant", 3, 12)
        assert _content_hash(other) == _content_hash(service)
        assert other.preferences.get("display_name") == "Robin"
        assert other.preferences.get("voice") == "warm"
    finally:
        other.close()


def test_a_conversations_own_settings_survive_export_and_import(
    service: Confidant, tmp_path: Path
) -> None:
    _populate(service)
    (plain, *_) = service.chat.conversation_list()
    conversation = service.chat.new_conversation()
    service.chat.send(conversation, "plan the garden beds")
    service.chat.rename_conversation(conversation, "Allotment 2027")
    service.chat.set_system_prompt(conversation, "Answer like a patient gardener.")
    service.chat.set_conversation_model(conversation, "gardener-7b")
    expected = service.chat.open_conversation(conversation)
    out = tmp_path / "export.json"
    service.data.export(out)
    document = json.loads(out.read_text())
    schema = json.loads(resource_path("schemas", "export-v1.json").read_text())
    jsonschema.validate(document, schema, format_checker=jsonschema.FormatChecker())
    by_id = {c["id"]: c for c in document["conversations"]}
    assert by_id[conversation]["system_prompt"] == "Answer like a patient gardener."
    # A conversation with no settings of its own is written as before they existed.
    assert {"title_set", "system_prompt", "provider", "model"}.isdisjoint(by_id[plain.id])

    other = _fresh(tmp_path, "other")
    try:
        other.data.import_file(out)
        again = other.chat.open_conversation(conversation)
        assert (again.title, again.system_prompt, again.provider, again.model) == (
            "Allotment 2027",
            "Answer like a patient gardener.",
            expected.provider,
            "gardener-7b",
        )
        assert expected.provider is not None
        assert other.chat.open_conversation(plain.id).title == plain.title
    finally:
        other.close()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("system_prompt", 42, "system prompt must be text"),
        ("model", "m" * 201, "model is too long"),
        ("system_prompt", "s" * 20_001, "system prompt is too long"),
    ],
)
def test_bad_settings_in_an_export_are_refused_clearly(
    service: Confidant, tmp_path: Path, field: str, value: object, message: str
) -> None:
    _populate(service)
    out = tmp_path / "export.json"
    service.data.export(out)
    document = json.loads(out.read_text())
    document["conversations"][0][field] = value
    out.write_text(json.dumps(document))
    other = _fresh(tmp_path, "other")
    try:
        with pytest.raises(InputError, match=message):
            other.data.import_file(out, strict=True)
        assert other.chat.conversations() == []
    finally:
        other.close()


def test_zip_export_has_readable_copies(service: Confidant, tmp_path: Path) -> None:
    _populate(service)
    out = tmp_path / "export.zip"
    service.data.export(out, fmt="zip")
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        assert "export.json" in names and "export-v1.json" in names
        pages = [n for n in names if n.startswith("conversations/")]
        assert len(pages) == 3
        texts = [archive.read(page).decode() for page in pages]
        assert any(t.startswith("# tides and moons") and "## You" in t for t in texts)
    other = _fresh(tmp_path, "other")
    try:
        assert other.data.import_file(out).conversations == 3
    finally:
        other.close()


def test_encrypted_export_round_trips_and_refuses_a_wrong_passphrase(
    service: Confidant, tmp_path: Path
) -> None:
    _populate(service)
    out = tmp_path / "export.enc"
    service.data.export(out, fmt="zip", passphrase="correct horse battery staple")
    raw = out.read_bytes()
    assert b"tides" not in raw and b"Robin" not in raw and b"PK" not in raw[:200]
    other = _fresh(tmp_path, "other")
    try:
        with pytest.raises(InputError, match="encrypted"):
            other.data.import_file(out)
        with pytest.raises(WrongKey, match="passphrase is wrong"):
            other.data.import_file(out, passphrase="not the passphrase")
        assert other.data.import_file(out, passphrase="correct horse battery staple").messages == 12
        truncated = tmp_path / "truncated.enc"
        truncated.write_bytes(raw[:-40])
        with pytest.raises(InputError, match="truncated|damaged|changed"):
            other.data.import_file(truncated, passphrase="correct horse battery staple")
    finally:
        other.close()


def test_cancelled_export_leaves_no_file(service: Confidant, tmp_path: Path) -> None:
    _populate(service)
    token = CancelToken()
    seen = []

    def progress(step: object) -> None:
        seen.append(step)
        token.cancel()

    out = tmp_path / "cancelled.json"
    with pytest.raises(Cancelled):
        service.data.export(out, progress=progress, cancel=token)
    assert seen and not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile"]


def test_chatgpt_export_imports_the_current_branch(service: Confidant) -> None:
    service.consent.grant("store_conversations")
    service.data.set_retention("conversations", 1095)
    result = service.data.import_file(FIXTURES / "chatgpt_conversations.json")
    assert (result.source, result.conversations, result.messages) == ("chatgpt", 2, 6)
    by_title = {c.title: c for c in service.chat.conversations()}
    assert set(by_title) == {"Sourdough starter help", "Bike chain"}
    messages = service.chat.conversation_messages(by_title["Sourdough starter help"].id)
    assert [m.role for m in messages] == ["user", "assistant", "user", "assistant"]
    assert "abandoned branch" not in " ".join(m.content for m in messages)
    assert messages[-1].content == "Equal weights of flour and water, \nfor example 50 g each."
    assert messages[0].created_at == "2025-11-24T08:00:10+00:00"
    assert by_title["Sourdough starter help"].created_at == "2025-11-24T08:00:00+00:00"


def test_chatgpt_zip_imports_too(service: Confidant, tmp_path: Path) -> None:
    service.consent.grant("store_conversations")
    service.data.set_retention("conversations", 1095)
    archive_path = tmp_path / "chatgpt-export.zip"
    with zipfile.ZipFile(archive_path, "w") as archive:
        archive.write(FIXTURES / "chatgpt_conversations.json", "conversations.json")
        archive.writestr("chat.html", "<html></html>")
    assert service.data.import_file(archive_path, source="chatgpt").conversations == 2


def test_claude_export_imports(service: Confidant) -> None:
    service.consent.grant("store_conversations")
    result = service.data.import_file(FIXTURES / "claude_conversations.json")
    assert (result.source, result.conversations, result.messages) == ("claude", 1, 4)
    (conversation,) = service.chat.conversations()
    assert conversation.title == "Planning a herb garden"
    messages = service.chat.conversation_messages(conversation.id)
    assert [m.role for m in messages] == ["user", "assistant", "user", "assistant"]
    assert messages[2].content == "And basil?"  # text empty: taken from the content blocks
    assert messages[3].created_at == "2026-11-20T10:05:30+00:00"


def test_import_needs_consent(service: Confidant) -> None:
    with pytest.raises(InputError, match="consent"):
        service.data.import_file(FIXTURES / "claude_conversations.json")
    assert service.chat.conversations() == []


def test_sensitive_conversations_need_permission(service: Confidant, tmp_path: Path) -> None:
    service.consent.grant("store_conversations")
    doc = json.loads((FIXTURES / "claude_conversations.json").read_text())
    words = "I have been feeling depressed and hopeless for weeks"
    doc[0]["chat_messages"][0]["text"] = words
    doc[0]["chat_messages"][0]["content"][0]["text"] = words
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps(doc))
    assert service.data.import_file(path).skipped_sensitive == 1
    assert service.chat.conversations() == []
    assert service.data.import_file(path, include_sensitive=True).conversations == 1
    assert service.chat.conversations()[0].sensitive


def _hostile(tmp_path: Path, case: str) -> Path:
    path = tmp_path / f"{case}.bin"
    good = (FIXTURES / "claude_conversations.json").read_bytes()
    if case == "zip_bomb":
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("conversations.json", b" " * (60 * 1024 * 1024))
    elif case == "path_traversal":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("../../etc/evil.json", b"[]")
            archive.writestr("conversations.json", good)
    elif case == "huge_field":
        doc = json.loads(good)
        doc[0]["chat_messages"][0]["text"] = "x" * (50 * 1024 * 1024)
        doc[0]["chat_messages"][0]["content"][0]["text"] = "x" * (50 * 1024 * 1024)
        path.write_text(json.dumps(doc))
    elif case == "invalid_utf8":
        path.write_bytes(good.replace(b"Mint", b"M\xffnt"))
    elif case == "wrong_version":
        path.write_text(json.dumps({"format": "confidant-export", "version": 99}))
    elif case == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif case == "wrong_types":
        doc = json.loads(good)
        doc[0]["chat_messages"] = {"not": "a list"}
        path.write_text(json.dumps(doc))
    return path


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("zip_bomb", "zip bomb"),
        ("path_traversal", "unsafe path"),
        ("huge_field", "too long"),
        ("invalid_utf8", "not valid UTF-8"),
        ("wrong_version", "format version 99"),
        ("truncated", "not valid JSON"),
        ("wrong_types", "must be a list"),
    ],
)
def test_hostile_files_fail_clearly_and_change_nothing(
    service: Confidant,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    message: str,
) -> None:
    _populate(service)
    before = _store_hash(service)
    # This process's temp folder, private to the test: another process (a second test run)
    # making temp files in /tmp at the same moment must not look like ours.
    private_temp = tmp_path_factory.mktemp("process-temp")
    monkeypatch.setattr(tempfile, "tempdir", str(private_temp))
    path = _hostile(tmp_path, case)
    with pytest.raises(InputError, match=message):
        service.data.import_file(path)
    assert _store_hash(service) == before
    assert os.listdir(tempfile.gettempdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["profile", path.name])


def test_a_half_valid_file_imports_the_valid_half_or_with_strict_nothing(
    service: Confidant, tmp_path: Path
) -> None:
    service.consent.grant("store_conversations")
    doc = json.loads((FIXTURES / "claude_conversations.json").read_text())
    broken = json.loads(json.dumps(doc[0]))
    broken["chat_messages"][1]["sender"] = "narrator"
    broken["uuid"] = "another-conversation"
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps([doc[0], broken]))
    with pytest.raises(InputError, match="unknown sender"):
        service.data.import_file(path, strict=True)
    assert service.chat.conversations() == []
    result = service.data.import_file(path)
    assert result.conversations == 1
    (skipped,) = result.skipped
    assert skipped.position == "Conversation 2 of conversations.json"
    assert "unknown sender 'narrator'" in skipped.reason


def test_export_document_streams(service: Confidant, tmp_path: Path) -> None:
    _populate(service)
    out = tmp_path / "e.json"
    service.data.export(out)
    text = out.read_text()
    assert json.load(io.StringIO(text))["version"] == 1
