"""Hostile input is refused before parsing, in one sentence, and odd text is stored safely."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.core.errors import InputError
from app.core.importers import common, read_import
from tests.core.importers.helpers import FIXTURES


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "conversations.json"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="pipe"):
        read_import(fifo)


def test_a_device_is_refused() -> None:
    with pytest.raises(InputError, match="device"):
        read_import(Path("/dev/zero"))


def test_a_file_too_large_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.importers import reading

    path = tmp_path / "conversations.json"
    path.write_text("[" + "1," * 600 + "1]")
    monkeypatch.setattr(reading, "MAX_IMPORT_BYTES", 1000)
    with pytest.raises(InputError, match="larger than Confidant imports"):
        read_import(path)


def test_deep_nesting_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "conversations.json"
    path.write_text("[" * 200_000 + "]" * 200_000)
    with pytest.raises(InputError, match="nested too deeply"):
        read_import(path)


def test_brackets_inside_strings_do_not_count_as_nesting(tmp_path: Path) -> None:
    doc = json.loads((FIXTURES / "claude-single.json").read_text())
    doc["chat_messages"][0]["text"] = "[" * 500 + ' "quoted" ' + "{" * 500
    doc["chat_messages"][0]["content"] = []
    path = tmp_path / "one.json"
    path.write_text(json.dumps(doc))
    (conversation,) = read_import(path).conversations
    assert conversation.messages[0][1].startswith("[[[")


def test_lone_surrogates_are_replaced_not_crashed_on(tmp_path: Path) -> None:
    raw = (FIXTURES / "claude-single.json").read_text()
    raw = raw.replace("Wettest month", "Wettest \\ud83d month", 1)
    raw = raw.replace("00000000c003", "00000000c003\\udfff", 1)
    raw = raw.replace("Which month was wettest?", "Which month \\udc00 was wettest?")
    path = tmp_path / "one.json"
    path.write_text(raw)
    (conversation,) = read_import(path).conversations
    assert conversation.title == "Wettest \ufffd month"
    assert "month \ufffd was" in conversation.messages[0][1]
    conversation.messages[0][1].encode("utf-8")  # storable: no lone surrogate left
    assert conversation.source_id == "claude:2b1d5e10-0000-4000-8000-00000000c003\ufffd"


def test_the_depth_check_counts_real_depth() -> None:
    common.check_json_depth(b'{"a": [[1, {"b": "]]]]"}]]}', "x", limit=4)
    with pytest.raises(InputError):
        common.check_json_depth(b"[[[[[1]]]]]", "x", limit=4)


def test_nesting_hidden_behind_brackets_in_a_string_still_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "conversations.json"
    path.write_text('["' + "]" * 50_000 + '", ' + "[" * 50_000 + "]" * 50_000 + "]")
    with pytest.raises(InputError, match="nested too deeply"):
        read_import(path)


def test_an_apps_whole_data_folder_is_read_without_its_extensions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from app.core.importers import reading

    data = tmp_path / "Jan" / "data"
    shutil.copytree(FIXTURES / "jan", data)
    modules = data / "extensions" / "@janhq" / "node_modules"
    for n in range(30):
        (modules / f"pkg{n}").mkdir(parents=True)
        (modules / f"pkg{n}" / "package.json").write_text('{"name": "x"}')
    (data / "models" / "llama").mkdir(parents=True)
    (data / "models" / "llama" / "model.json").write_text("{}")
    monkeypatch.setattr(reading, "MAX_FOLDER_FILES", 10)
    parsed = read_import(data)
    assert parsed.source == "jan" and len(parsed.conversations) == 2
