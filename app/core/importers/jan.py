"""Jan's threads, kept in plaintext: one folder per thread with thread.json and messages.jsonl.

Each thread folder under ``threads/`` holds ``thread.json`` (id, title, times) and
``messages.jsonl`` (one message per line).

A message's ``content`` is a list of parts: ``{"type": "text", "text": {"value": ...}}`` and
``{"type": "image_url", ...}``. Times are seconds or (in newer versions) milliseconds.
Reasoning models write their thinking inline as ``<think>…</think>``, left out with a marker.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import PurePosixPath
from typing import Any

from app.core.errors import InputError
from app.core.importers.common import (
    MAX_TITLE_CHARS,
    ImportedConversation,
    ParsedImport,
    as_dict,
    check_json_depth,
    drop_think_tags,
    iter_lines,
    join_parts,
    marker,
    moment_or_none,
    ordered_times,
    quoted_attachment,
    text,
)
from app.core.importers.reading import Entry, Input, load_json


def parse(given: Input, result: ParsedImport) -> None:
    """Add every thread folder of ``given`` to ``result``."""
    by_folder = {str(PurePosixPath(e.name).parent): e for e in given.named("messages.jsonl")}
    for entry in given.named("thread.json"):
        folder = str(PurePosixPath(entry.name).parent)
        where = f"Thread folder {folder if folder != '.' else given.label} in {given.label}"
        result.add(
            where,
            folder,
            lambda entry=entry, folder=folder, where=where: _thread(  # type: ignore[misc]
                given, entry, by_folder.get(folder), where
            ),
        )


def _thread(
    given: Input, entry: Entry, messages_entry: Entry | None, where: str
) -> ImportedConversation:
    thread = as_dict(load_json(entry.read(), given.where(entry)), where)
    created = moment_or_none(thread.get("created"), where)
    updated = moment_or_none(thread.get("updated"), where)
    thread_id = thread.get("id") or PurePosixPath(entry.name).parent.name
    conversation = ImportedConversation(
        title=text(thread.get("title") or "", f"{where}'s title", MAX_TITLE_CHARS),
        created_at=created or "",
        updated_at=updated or created or "",
        source_id=f"jan:{thread_id}" if isinstance(thread_id, str) and thread_id else None,
        origins=tuple(p for p in (entry.path, messages_entry and messages_entry.path) if p),
    )
    messages: list[tuple[str, str, str | None]] = []
    if messages_entry is not None:
        data = messages_entry.read()
        check_json_depth(data, given.where(messages_entry))
        for number, line in iter_lines(data):
            what = f"line {number} of {given.where(messages_entry)}"
            try:
                raw = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                raise InputError(f"{what} is not a valid JSON line.") from None
            message = _message(as_dict(raw, what), what, conversation.markers)
            if message is not None:
                messages.append(message)
    first = next((when for _, _, when in messages if when), None)
    start = conversation.created_at or first
    if not start:
        raise InputError(f"{where} has no time at all (no creation time, no message times).")
    conversation.created_at = start
    conversation.messages = ordered_times(messages, start)
    last = conversation.messages[-1][2] if conversation.messages else start
    conversation.updated_at = max(conversation.updated_at or start, last)
    return conversation


def _message(
    raw: dict[str, Any], what: str, markers: Counter[str]
) -> tuple[str, str, str | None] | None:
    role = raw.get("role")
    if role not in ("user", "assistant"):
        return None  # system prompts and tool messages are the app's, not the conversation
    content = raw.get("content")
    parts: list[str] = []
    if isinstance(content, str):
        parts.append(text(content, f"{what}'s text"))
    elif isinstance(content, list):
        for part in content:
            if not isinstance(part, dict):
                continue
            kind = part.get("type")
            if kind == "text":
                value = part.get("text")
                if isinstance(value, dict):
                    value = value.get("value", "")
                parts.append(text(value or "", f"{what}'s text"))
            elif kind in ("image_url", "image_file", "image"):
                markers["image"] += 1
                parts.append(marker("image", _name(part) or "image"))
            else:
                markers["file"] += 1
                parts.append(marker("file", _name(part) or str(kind or "part")))
    body = join_parts(parts)
    for attachment in (
        (raw.get("attachments") or []) if isinstance(raw.get("attachments"), list) else []
    ):
        if isinstance(attachment, dict) and isinstance(attachment.get("content"), str):
            name = str(attachment.get("name") or "attachment")
            body = join_parts([body, quoted_attachment(name, text(attachment["content"], what))])
    if role == "assistant":
        body = drop_think_tags(body, markers)
    if not body.strip():
        return None
    return role, body, moment_or_none(raw.get("created_at") or raw.get("created"), what)


def _name(part: dict[str, Any]) -> str:
    for key in ("name", "file_name", "filename"):
        if isinstance(part.get(key), str):
            return str(part[key])
    inner = part.get("image_url")
    if isinstance(inner, dict) and isinstance(inner.get("url"), str):
        url = str(inner["url"])
        return "inline image" if url.startswith("data:") else url.rsplit("/", 1)[-1][:80]
    return ""
