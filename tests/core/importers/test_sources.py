"""Every importer on realistic fixtures of every shape: exact text, markers, skipped parts."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from app.core.errors import InputError
from app.core.importers import read_import
from tests.core.importers.helpers import FIXTURES, SOURCES, as_expected, expected, zip_folder


@pytest.mark.parametrize("source", SOURCES)
def test_each_source_folder_becomes_exactly_the_expected_text(source: str) -> None:
    parsed = read_import(FIXTURES / source)
    assert as_expected(parsed) == expected(source)


@pytest.mark.parametrize("source", SOURCES)
def test_each_source_zipped_reads_the_same(source: str, tmp_path: Path) -> None:
    archive = zip_folder(FIXTURES / source, tmp_path / f"{source}-export.zip")
    parsed = read_import(archive, source)
    want = expected(source)
    # Positions name the zip given instead of the folder.
    for item in want["skipped"]:
        for key in ("position", "reason"):
            item[key] = item[key].replace(f" in {source}", f" in {source}-export.zip")
    assert as_expected(parsed) == want


def test_claude_reasoning_is_left_out_not_glued_to_the_answer() -> None:
    parsed = read_import(FIXTURES / "claude", "claude")
    reply = parsed.conversations[1].messages[1][1]
    assert "The user wants a total" not in reply  # the thinking
    assert reply.startswith("[reasoning not imported]\n\nHere is a script")
    assert "supported on mobile" not in reply
    assert "Artifact: Budget total script\n\n```python\nimport csv" in reply


def test_chatgpt_tool_json_and_citations_do_not_reach_the_text() -> None:
    parsed = read_import(FIXTURES / "chatgpt")
    texts = "\n".join(t for c in parsed.conversations for _, t, _ in c.messages)
    assert "search_query" not in texts and '{"' not in texts
    assert "\ue200" not in texts and "turn0search" not in texts and "†" not in texts


def test_a_chatgpt_answer_without_time_never_precedes_its_question() -> None:
    (lisbon, *_) = read_import(FIXTURES / "chatgpt").conversations
    times = [when for _, _, when in lisbon.messages]
    assert times == sorted(times)
    assert times[1] == times[0]  # the answer had no time: it takes its question's
    assert times[1] > lisbon.created_at


def test_empty_messages_are_skipped_by_both_importers() -> None:
    for source in ("chatgpt", "claude"):
        for conversation in read_import(FIXTURES / source).conversations:
            assert all(text.strip() for _, text, _ in conversation.messages), source


@pytest.mark.parametrize(
    ("name", "titles"),
    [
        ("claude-single.json", ["Wettest month"]),
        ("claude-wrapped.json", ["Sourdough hydration", "Wettest month"]),
    ],
)
def test_every_real_claude_shape_is_read(name: str, titles: list[str]) -> None:
    parsed = read_import(FIXTURES / name)
    assert parsed.source == "claude"
    assert [c.title for c in parsed.conversations] == titles


def test_a_chatgpt_zip_with_only_chat_html_is_read(tmp_path: Path) -> None:
    archive = tmp_path / "chatgpt-2025.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.write(FIXTURES / "chatgpt" / "chat.html", "chat.html")
        handle.write(FIXTURES / "chatgpt" / "user.json", "user.json")
    parsed = read_import(archive)
    assert parsed.source == "chatgpt"
    assert as_expected(parsed)["conversations"] == expected("chatgpt")["conversations"]


def test_messages_name_the_file_actually_given(tmp_path: Path) -> None:
    doc = json.loads((FIXTURES / "claude" / "conversations.json").read_text())
    doc[0]["chat_messages"] = "broken"
    path = tmp_path / "my-claude-backup.json"
    path.write_text(json.dumps(doc[:1]))
    with pytest.raises(InputError) as caught:
        read_import(path)
    assert "my-claude-backup.json" in caught.value.message
    assert "conversations.json" not in caught.value.message


def test_one_broken_conversation_is_skipped_and_strict_refuses_all() -> None:
    parsed = read_import(FIXTURES / "chatgpt")
    assert len(parsed.conversations) == 4 and len(parsed.skipped) == 1
    with pytest.raises(InputError, match="Conversation 5 .* Nothing was imported"):
        read_import(FIXTURES / "chatgpt", strict=True)


def test_a_single_lm_studio_file_and_a_single_jan_thread(tmp_path: Path) -> None:
    one = FIXTURES / "lmstudio" / "conversations" / "1719000000000.conversation.json"
    assert [c.title for c in read_import(one).conversations] == ["Regex for ISO dates"]
    thread = tmp_path / "thread"
    shutil.copytree(FIXTURES / "jan" / "threads" / "01JBX7Q2M4", thread)
    assert [c.title for c in read_import(thread).conversations] == ["Bread maths"]


def test_source_ids_are_stable_and_distinct() -> None:
    ids = [c.source_id for s in SOURCES for c in read_import(FIXTURES / s).conversations]
    assert None not in ids and len(set(ids)) == len(ids)
    again = [c.source_id for s in SOURCES for c in read_import(FIXTURES / s).conversations]
    assert again == ids


def test_unknown_source_is_refused() -> None:
    with pytest.raises(InputError, match="Unknown import source"):
        read_import(FIXTURES / "jan", "gemini")
