"""``python -m app import`` on a folder or zip from each source, and ``retention``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.core.service import Confidant
from tests.core.importers.helpers import FIXTURES, SOURCES, expected, zip_folder
from tests.helpers.files import run_cli


def _grant(profile_dir: Path) -> None:
    result = run_cli("consent", "grant", "store_conversations", "--yes")
    assert result.returncode == 0, result.stderr


def _stored(profile_dir: Path) -> list[dict[str, object]]:
    service = Confidant(profile_dir)
    service.open()
    try:
        found = []
        for summary in service.chat.conversations():
            messages = service.chat.conversation_messages(summary.id)
            found.append(
                {
                    "title": summary.title,
                    "messages": [
                        {"role": m.role, "content": m.content, "created_at": m.created_at}
                        for m in messages
                    ],
                }
            )
        return found
    finally:
        service.close()


def _key(conversation: dict[str, object]) -> str:
    return str(conversation["title"])


@pytest.mark.parametrize("shape", ["folder", "zip"])
@pytest.mark.parametrize("source", SOURCES)
def test_every_fixture_conversation_arrives_byte_identical(
    profile_dir: Path, tmp_path: Path, source: str, shape: str
) -> None:
    _grant(profile_dir)
    given = FIXTURES / source
    if shape == "zip":
        given = zip_folder(given, tmp_path / f"{source}.zip")
    result = run_cli("import", str(given))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    want = expected(source)
    # The summary comes first and says what will happen to conversations past retention.
    assert "older than your retention (90 days)" in lines[1]
    assert "kept for 90 days from today" in lines[1]
    assert any(line.startswith("Marked in the text: ") for line in lines)
    assert sum(line.startswith("Skipped (could not be read)") for line in lines) == len(
        want["skipped"]
    )
    imported = next(line for line in lines if line.startswith("Imported "))
    assert imported.startswith(f"Imported {len(want['conversations'])} conversation")
    stored = sorted(_stored(profile_dir), key=_key)
    assert stored == sorted(want["conversations"], key=_key)


def test_summary_only_imports_nothing(profile_dir: Path) -> None:
    _grant(profile_dir)
    result = run_cli("import", str(FIXTURES / "openwebui"), "--summary-only")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("openwebui (Open WebUI): 2 conversations, 6 messages, from")
    assert _stored(profile_dir) == []


def test_original_dates_and_strict_from_the_command_line(profile_dir: Path) -> None:
    _grant(profile_dir)
    strict = run_cli("import", str(FIXTURES / "claude"), "--strict")
    assert strict.returncode == 2
    assert "Nothing was imported" in strict.stderr and len(strict.stderr.splitlines()) == 1
    original = run_cli("import", str(FIXTURES / "claude"), "--retention-from", "original")
    assert original.returncode == 0, original.stderr
    assert "3 conversations older than your retention were left out." in original.stdout
    assert _stored(profile_dir) == []


def test_retention_show_and_set(profile_dir: Path) -> None:
    shown = run_cli("retention", "show")
    assert shown.returncode == 0, shown.stderr
    assert "conversations: 90 days (choices: 30, 90, 365, 1095)" in shown.stdout
    changed = run_cli("retention", "set", "conversations", "365")
    assert changed.returncode == 0, changed.stderr
    assert "conversations: 365 days" in run_cli("retention", "show").stdout
    refused = run_cli("retention", "set", "conversations", "12")
    assert refused.returncode == 2 and "30, 90, 365, 1095" in refused.stderr


@pytest.mark.parametrize(
    ("make", "words"),
    [
        ("fifo", "pipe (FIFO)"),
        ("device", "is a device"),
        ("deep", "nested too deeply"),
    ],
)
def test_hostile_input_is_one_line_and_exit_2(
    profile_dir: Path, tmp_path: Path, make: str, words: str
) -> None:
    _grant(profile_dir)
    if make == "fifo":
        path = tmp_path / "conversations.json"
        os.mkfifo(path)
    elif make == "device":
        path = Path("/dev/zero")
    else:
        path = tmp_path / "conversations.json"
        path.write_text("[" * 100_000 + "]" * 100_000)
    result = run_cli("import", str(path), timeout=30)
    assert result.returncode == 2, result.stderr
    assert words in result.stderr and len(result.stderr.splitlines()) == 1
    assert "internal error" not in result.stderr


def test_deleting_originals_needs_yes_and_gives_a_receipt(
    profile_dir: Path, tmp_path: Path
) -> None:
    import shutil

    _grant(profile_dir)
    data = tmp_path / "lmstudio"
    shutil.copytree(FIXTURES / "lmstudio", data)
    first = run_cli("import", str(data))
    assert first.returncode == 0, first.stderr
    assert "These plaintext files now hold only conversations verified" in first.stdout
    assert str(data / "conversations" / "1719000000000.conversation.json") in first.stdout
    refused = run_cli("import", str(data), "--delete-originals")
    assert refused.returncode == 2 and "--yes" in refused.stderr
    deleted = run_cli("import", str(data), "--delete-originals", "--yes")
    assert deleted.returncode == 0, deleted.stderr
    assert "2 conversations were already imported and skipped." in deleted.stdout
    assert "Deleted 2 plaintext files (receipt " in deleted.stdout
    assert not list(data.rglob("*.conversation.json"))
    assert len(_stored(profile_dir)) == 2


def test_find_lists_the_local_apps_chats(profile_dir: Path, tmp_path: Path) -> None:
    import shutil

    home = tmp_path / "home"
    shutil.copytree(FIXTURES / "lmstudio" / "conversations", home / ".lmstudio" / "conversations")
    shutil.copytree(FIXTURES / "jan", home / "jan")
    found = run_cli(
        "import", "--find", env={"HOME": str(home), "XDG_CONFIG_HOME": "", "XDG_DATA_HOME": ""}
    )
    assert found.returncode == 0, found.stderr
    assert found.stdout.splitlines() == [
        f"Jan: {home / 'jan'}",
        f"LM Studio: {home / '.lmstudio' / 'conversations'}",
    ]
