"""LM Studio's chats, as it keeps them in plaintext: ``conversations/*.conversation.json``.

A file holds ``name``, ``createdAt`` (milliseconds) and ``messages``; each message has
``versions`` (regenerations and edits) and ``currentlySelected``, the one shown. A version is
``singleStep`` (``content`` parts) or, for replies, ``multiStep`` (``steps``: content blocks,
tool status, debug information). Reasoning shows as a content block styled ``thinking`` or as
``<think>`` tags in the text; either way it is left out with a marker.
"""

from __future__ import annotations

from collections import Counter
from pathlib import PurePosixPath
from typing import Any

from app.core.errors import InputError
from app.core.importers.common import (
    MAX_TITLE_CHARS,
    ImportedConversation,
    ParsedImport,
    as_dict,
    as_list,
    drop_think_tags,
    join_parts,
    marker,
    moment,
    obj,
    one_line,
    ordered_times,
    text,
)
from app.core.importers.reading import Entry, Input, load_json

SUFFIX = ".conversation.json"


def looks_like(doc: Any) -> bool:
    """Whether a JSON document is an LM Studio conversation."""
    if not isinstance(doc, dict) or not isinstance(doc.get("messages"), list):
        return False
    first = doc["messages"][0] if doc["messages"] else None
    return (
        isinstance(first, dict)
        and "versions" in first
        or (not doc["messages"] and "createdAt" in doc)
    )


def parse(given: Input, result: ParsedImport) -> None:
    """Add every conversation file of ``given`` to ``result``."""
    entries = [e for e in given.entries if e.name.endswith(SUFFIX)]
    if not entries and len(given.entries) == 1:
        entries = list(given.entries)  # one conversation file, renamed
    for entry in sorted(entries, key=lambda e: e.name):
        where = given.where(entry)
        result.add(
            where,
            entry.base,
            lambda entry=entry, where=where: _conversation(given, entry, where),  # type: ignore[misc]
        )


def _conversation(given: Input, entry: Entry, where: str) -> ImportedConversation:
    doc = as_dict(load_json(entry.read(), where), where)
    if "createdAt" not in doc:
        raise InputError(f"{where} has no creation time (createdAt).")
    created = moment(doc.get("createdAt"), where)
    stem = PurePosixPath(entry.name).name.removesuffix(SUFFIX).removesuffix(".json")
    conversation = ImportedConversation(
        title=text(doc.get("name") or "", f"{where}'s title", MAX_TITLE_CHARS),
        created_at=created,
        updated_at=created,
        source_id=f"lmstudio:{stem}",
        origins=(entry.path,) if entry.path else (),
    )
    messages: list[tuple[str, str, str | None]] = []
    for m, raw in enumerate(as_list(doc.get("messages"), f"{where}'s messages"), start=1):
        what = f"{where}, message {m}"
        version = _selected(as_dict(raw, what), what)
        role = version.get("role")
        if role not in ("user", "assistant"):
            continue
        body = join_parts(_version_parts(version, what, conversation.markers))
        if role == "assistant":
            body = drop_think_tags(body, conversation.markers)
        if body.strip():
            messages.append((role, body, None))
    conversation.messages = ordered_times(messages, created)
    return conversation


def _selected(message: dict[str, Any], what: str) -> dict[str, Any]:
    versions = message.get("versions")
    if versions is None:
        return message  # an older file: the message is its only version
    versions = as_list(versions, f"{what}'s versions")
    if not versions:
        raise InputError(f"{what} has no versions.")
    index = message.get("currentlySelected", 0)
    if not isinstance(index, int) or not 0 <= index < len(versions):
        index = 0
    return as_dict(versions[index], f"{what}'s shown version")


def _version_parts(version: dict[str, Any], what: str, markers: Counter[str]) -> list[str]:
    if version.get("type") == "multiStep" or "steps" in version:
        parts: list[str] = []
        for step in as_list(version.get("steps", []), f"{what}'s steps"):
            if not isinstance(step, dict):
                continue
            kind = step.get("type")
            if kind == "contentBlock":
                style = obj(step.get("style"))
                if style.get("type") == "thinking":
                    markers["reasoning"] += 1
                    parts.append(marker("reasoning"))
                    continue
                parts.extend(_content(step.get("content"), what, markers))
            elif kind == "toolStatus":
                markers["tool"] += 1
                name = step.get("toolName") or step.get("name") or "tool"
                parts.append(f"[tool: {one_line(str(name), 60)}]")
            # debugInfoBlock and the like are the app's own notes, not the conversation
        return parts
    return _content(version.get("content"), what, markers)


def _content(content: Any, what: str, markers: Counter[str]) -> list[str]:
    if isinstance(content, str):
        return [text(content, f"{what}'s text")]
    parts: list[str] = []
    for part in content if isinstance(content, list) else []:
        if not isinstance(part, dict):
            continue
        kind = part.get("type")
        if kind == "text":
            parts.append(text(part.get("text", ""), f"{what}'s text"))
        else:
            name = str(part.get("name") or part.get("fileIdentifier") or kind or "file")
            image = kind == "image" or part.get("fileType") == "image"
            markers["image" if image else "file"] += 1
            parts.append(marker("image" if image else "file", name))
    return parts
