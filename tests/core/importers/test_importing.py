"""Importing through the facade: summary first, retention from today, no duplicates, originals."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.clock import FixedClock
from app.core.errors import InputError
from app.core.service import Confidant
from tests.core.importers.helpers import FIXTURES, expected

NOW = dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def importing(profile_dir: Path, clock: FixedClock) -> Iterator[Confidant]:
    service = Confidant(profile_dir, clock=clock)
    service.open()
    service.consent.grant("store_conversations")
    yield service
    service.close()


def _stored(service: Confidant) -> list[dict[str, object]]:
    result = []
    for summary in sorted(service.chat.conversations(), key=lambda c: c.created_at):
        messages = service.chat.conversation_messages(summary.id)
        result.append(
            {
                "title": summary.title,
                "messages": [
                    {"role": m.role, "content": m.content, "created_at": m.created_at}
                    for m in messages
                ],
            }
        )
    return result


def _by_time(conversations: list[dict[str, object]]) -> list[dict[str, object]]:
    return sorted(conversations, key=lambda c: c["messages"][0]["created_at"])  # type: ignore[index]


def test_a_2023_export_imports_whole_with_default_settings(importing: Confidant) -> None:
    summary = importing.data.import_summary(FIXTURES / "claude")
    assert (summary.conversations, summary.messages) == (3, 10)
    assert summary.first_at is not None and summary.first_at.startswith("2023-05-02")
    assert summary.older_than_retention == 3 and summary.retention_days == 90
    assert summary.sensitive == 0 and summary.already_imported == 0
    assert [s.position for s in summary.skipped] == [
        "Conversation 4 of conversations.json in claude"
    ]
    result = importing.data.import_file(FIXTURES / "claude")
    assert (result.conversations, result.skipped_expired) == (3, 0)
    assert _stored(importing) == _by_time(expected("claude")["conversations"])


def test_kept_from_today_survives_the_purge_for_the_retention_period(
    importing: Confidant, clock: FixedClock
) -> None:
    importing.data.import_file(FIXTURES / "chatgpt")
    importing.data.purge_expired()
    assert len(importing.chat.conversations()) == 4
    clock.advance(dt.timedelta(days=89))
    importing.data.purge_expired()
    assert len(importing.chat.conversations()) == 4
    clock.advance(dt.timedelta(days=2))
    importing.data.purge_expired()
    assert importing.chat.conversations() == []


def test_counting_from_original_dates_leaves_out_what_is_past_retention(
    importing: Confidant,
) -> None:
    importing.data.set_retention("conversations", 1095)
    result = importing.data.import_file(FIXTURES / "chatgpt", retention_start="original")
    # 2023-03-14 is past three years on 2026-12-06; the 2024 and 2025 ones are not.
    assert (result.conversations, result.skipped_expired) == (3, 1)
    assert "Packing list for Lisbon" not in {c.title for c in importing.chat.conversations()}


def test_importing_the_same_export_twice_adds_no_duplicate(importing: Confidant) -> None:
    first = importing.data.import_file(FIXTURES / "jan")
    again = importing.data.import_file(FIXTURES / "jan")
    assert (first.conversations, first.already_imported) == (2, 0)
    assert (again.conversations, again.already_imported) == (0, 2)
    assert importing.data.import_summary(FIXTURES / "jan").already_imported == 2
    assert len(importing.chat.conversations()) == 2


def test_strict_imports_nothing_when_one_conversation_is_bad(importing: Confidant) -> None:
    with pytest.raises(InputError, match="Nothing was imported"):
        importing.data.import_file(FIXTURES / "openwebui_broken.json", strict=True)
    assert importing.chat.conversations() == []
    result = importing.data.import_file(FIXTURES / "openwebui_broken.json")
    assert result.conversations == 1 and len(result.skipped) == 1


def test_coding_conversations_are_not_left_out_as_sensitive(importing: Confidant) -> None:
    result = importing.data.import_file(FIXTURES / "chatgpt")
    assert result.skipped_sensitive == 0
    titles = {c.title for c in importing.chat.conversations()}
    assert "Standard deviation of my readings" in titles


def test_the_summary_counts_every_marker(importing: Confidant) -> None:
    summary = importing.data.import_summary(FIXTURES / "chatgpt")
    assert dict(summary.markers) == expected("chatgpt")["markers"]
    result = importing.data.import_file(FIXTURES / "chatgpt")
    assert dict(result.markers) == expected("chatgpt")["markers"]


def test_export_import_export_is_identical(
    importing: Confidant, tmp_path: Path, clock: FixedClock
) -> None:
    importing.data.import_file(FIXTURES / "claude")
    importing.data.import_file(FIXTURES / "openwebui")
    first = tmp_path / "first.json"
    importing.data.export(first)
    other = Confidant(tmp_path / "other", clock=clock)
    other.open()
    try:
        other.consent.grant("store_conversations")
        result = other.data.import_file(first)
        assert result.conversations == 5
        second = tmp_path / "second.json"
        other.data.export(second)
    finally:
        other.close()
    before = json.loads(first.read_text())["conversations"]
    after = json.loads(second.read_text())["conversations"]
    assert after == before


def test_verified_originals_are_offered_and_deleted_with_a_receipt(
    importing: Confidant, tmp_path: Path
) -> None:
    data = tmp_path / "jan-data"
    shutil.copytree(FIXTURES / "jan", data)
    result = importing.data.import_file(data)
    offered = sorted(o.path.relative_to(data).as_posix() for o in result.originals)
    # The broken thread's files are not offered: its conversation is not in Confidant.
    assert offered == [
        "threads/01JBX7Q2M4/messages.jsonl",
        "threads/01JBX7Q2M4/thread.json",
        "threads/jan_1717000000/messages.jsonl",
        "threads/jan_1717000000/thread.json",
    ]
    receipt = importing.data.delete_import_originals(result)
    assert sorted(p.relative_to(data).as_posix() for p in receipt.deleted) == offered
    assert not (data / "threads" / "01JBX7Q2M4").exists()
    assert (data / "threads" / "jan_1720000000" / "thread.json").exists()
    events = [e for e in importing.audit.events() if e.kind == "import.originals_deleted"]
    assert events and events[0].detail["files"] == 4


def test_a_file_changed_after_the_import_is_not_deleted(
    importing: Confidant, tmp_path: Path
) -> None:
    data = tmp_path / "lms"
    shutil.copytree(FIXTURES / "lmstudio", data)
    result = importing.data.import_file(data)
    assert len(result.originals) == 2
    changed = result.originals[0].path
    changed.write_text(changed.read_text() + " ")
    receipt = importing.data.delete_import_originals(result)
    assert len(receipt.deleted) == 1 and receipt.kept[0][0] == changed
    assert changed.exists()


def test_a_shared_export_with_an_unreadable_conversation_is_not_offered(
    importing: Confidant, tmp_path: Path
) -> None:
    copy = tmp_path / "conversations.json"
    shutil.copyfile(FIXTURES / "chatgpt" / "conversations.json", copy)
    result = importing.data.import_file(copy)
    assert result.conversations == 4 and result.originals == ()


def test_nothing_is_stored_from_a_file_that_fails(importing: Confidant, tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    digest = hashlib.sha256(json.dumps(_stored(importing)).encode()).hexdigest()
    with pytest.raises(InputError, match="nested too deeply"):
        importing.data.import_file(path)
    assert hashlib.sha256(json.dumps(_stored(importing)).encode()).hexdigest() == digest


def test_lone_surrogates_are_stored_replaced(importing: Confidant, tmp_path: Path) -> None:
    raw = (FIXTURES / "claude-single.json").read_text()
    raw = raw.replace("Which month was wettest?", "Which month \\ud800 was wettest?")
    raw = raw.replace("00000000c003", "00000000c003\\udc01", 1)
    path = tmp_path / "odd.json"
    path.write_text(raw)
    result = importing.data.import_file(path)
    assert result.conversations == 1
    (conversation,) = importing.chat.conversations()
    first = importing.chat.conversation_messages(conversation.id)[0]
    assert first.content == "Rainfall was 12, 30 and 8 mm. Which month \ufffd was wettest?"


def test_the_schedule_shows_when_imports_kept_from_today_will_go(importing: Confidant) -> None:
    importing.data.import_file(FIXTURES / "claude")  # 2023 to 2025, kept from today
    (conversations,) = [
        s for s in importing.data.retention_schedule() if s.data_class == "conversations"
    ]
    assert conversations.next_deletion_at is not None
    assert conversations.next_deletion_at.startswith("2027-03-06")  # today + 90 days
    assert importing.data.upcoming_deletions() == [("2027-03-06", 10)]
