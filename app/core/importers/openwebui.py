"""Open WebUI's JSON chat export (one chat, or "export all chats"): a list of chat records.

A record has ``id``, ``title``, ``created_at``/``updated_at`` (seconds) and ``chat``, whose
``history`` holds every message by id (``parentId``, ``childrenIds``) and ``currentId``, the
last message of the branch shown. Replies keep reasoning and tool calls inline as
``<details type="reasoning">`` / ``<details type="tool_calls">`` blocks; files and images
are listed in a message's ``files``.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import Any

from app.core.errors import InputError
from app.core.importers.common import (
    MAX_TITLE_CHARS,
    ImportedConversation,
    ParsedImport,
    as_dict,
    as_list,
    current_branch,
    drop_think_tags,
    join_parts,
    marker,
    moment,
    moment_or_none,
    obj,
    one_line,
    ordered_times,
    quoted_attachment,
    text,
)

_DETAILS = re.compile(
    r"<details\b(?P<attrs>[^>]*)>.*?</details>[ \t]*\n?", re.DOTALL | re.IGNORECASE
)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def looks_like(doc: Any) -> bool:
    """Whether a JSON document is an Open WebUI chat export."""
    records = doc if isinstance(doc, list) else [doc]
    first = records[0] if records else None
    if not isinstance(first, dict):
        return False
    chat = first.get("chat", first)
    return isinstance(chat, dict) and isinstance(chat.get("history"), dict)


def parse(doc: Any, what: str, result: ParsedImport) -> None:
    """Add the chats of an Open WebUI export to ``result``."""
    records = doc if isinstance(doc, list) else [doc]
    for n, raw in enumerate(records, start=1):
        title = raw.get("title") if isinstance(raw, dict) else None
        where = f"Chat {n} of {what}"
        result.add(
            where,
            title if isinstance(title, str) else "",
            lambda raw=raw, where=where: _chat(raw, where),  # type: ignore[misc]
        )


def _chat(raw: Any, where: str) -> ImportedConversation:
    record = as_dict(raw, where)
    chat = as_dict(record.get("chat", record), f"{where}'s chat")
    history = as_dict(chat.get("history"), f"{where}'s history")
    by_id = as_dict(history.get("messages", {}), f"{where}'s messages")
    created = moment_or_none(record.get("created_at"), where) or moment_or_none(
        chat.get("timestamp"), where
    )
    branch = current_branch(
        by_id,
        history.get("currentId"),
        where,
        children="childrenIds",
        parent="parentId",
        what="message",
    )
    if created is None:
        stamps = [m.get("timestamp") for m in branch if m.get("timestamp")]
        if not stamps:
            raise InputError(f"{where} has no time at all.")
        created = moment(stamps[0], where)
    chat_id = record.get("id") or chat.get("id")
    conversation = ImportedConversation(
        title=text(
            record.get("title") or chat.get("title") or "", f"{where}'s title", MAX_TITLE_CHARS
        ),
        created_at=created,
        updated_at=moment_or_none(record.get("updated_at"), where) or created,
        source_id=f"openwebui:{chat_id}" if isinstance(chat_id, str) and chat_id else None,
    )
    messages: list[tuple[str, str, str | None]] = []
    for m, message in enumerate(branch, start=1):
        what = f"{where}, message {m}"
        role = message.get("role")
        if role not in ("user", "assistant"):
            continue
        body = _body(message, what, conversation.markers, role)
        if body.strip():
            messages.append((role, body, moment_or_none(message.get("timestamp"), what)))
    conversation.messages = ordered_times(messages, created)
    if conversation.messages:
        conversation.updated_at = max(conversation.updated_at, conversation.messages[-1][2])
    conversation.updated_at = max(conversation.updated_at, created)
    return conversation


def _body(message: dict[str, Any], what: str, markers: Counter[str], role: str) -> str:
    content = text(message.get("content") or "", f"{what}'s text")
    if role == "assistant":
        content = _details(content, markers)
        content = drop_think_tags(content, markers)
    parts = [content]
    for item in as_list(message.get("files") or [], f"{what}'s files"):
        if not isinstance(item, dict):
            continue
        parts.append(_file(item, what, markers))
    return join_parts(parts)


def _details(content: str, markers: Counter[str]) -> str:
    """Reasoning and tool-call blocks become one line each."""

    def line(match: re.Match[str]) -> str:
        attributes = dict(_ATTRIBUTE.findall(match.group("attrs")))
        kind = attributes.get("type", "")
        if kind == "reasoning":
            markers["reasoning"] += 1
            return marker("reasoning") + "\n\n"
        if kind in ("tool_calls", "code_interpreter", "web_search"):
            markers["tool"] += 1
            name = html.unescape(attributes.get("name", "")) or kind.replace("_", " ")
            return f"[tool: {one_line(name, 60)}]\n\n"
        return match.group(0)

    return _DETAILS.sub(line, content)


def _file(item: dict[str, Any], what: str, markers: Counter[str]) -> str:
    inner = obj(item.get("file"))
    name = str(item.get("name") or inner.get("filename") or "file")
    if item.get("type") == "image":
        markers["image"] += 1
        return marker("image", name if name != "file" else "image")
    data = obj(inner.get("data"))
    extracted = data.get("content")
    if isinstance(extracted, str) and extracted.strip():
        return quoted_attachment(name, text(extracted, f"{what}'s attachment"))
    markers["file"] += 1
    return marker("file", name)
