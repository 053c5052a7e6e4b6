"""Claude's export: a list, ``{"conversations": [...]}`` or one conversation; alone or zipped.

A message's ``content`` blocks are the truth: ``text``, ``thinking`` (the hidden reasoning),
``tool_use`` (artifacts, the analysis tool, web search) and ``tool_result``. The flat ``text``
field beside them is the thinking and the answer run together, with a "not supported on
mobile" placeholder where an artifact was, so it is read only when there are no blocks.
"""

from __future__ import annotations

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
    fenced,
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

_SENDERS = {"human": "user", "assistant": "assistant"}
# The placeholder Claude's export writes where an artifact was shown.
_MOBILE_PLACEHOLDER = re.compile(
    r"(?:```\n)?[^\n]*isn[’']t yet supported on mobile\.?[^\n]*(?:\n```)?\n?"
)
_LANGUAGE_OF_TYPE = {
    "text/markdown": "markdown",
    "text/html": "html",
    "image/svg+xml": "svg",
    "application/vnd.ant.react": "jsx",
    "application/vnd.ant.mermaid": "mermaid",
}
_IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".heic", ".bmp")


def conversations_of(doc: Any, what: str) -> list[Any]:
    """The conversation objects, whichever of the three real shapes ``doc`` has."""
    if isinstance(doc, dict):
        if "chat_messages" in doc:
            return [doc]
        if isinstance(doc.get("conversations"), list):
            return list(doc["conversations"])
        raise InputError(f"{what} is not a Claude export (no conversations in it).")
    return as_list(doc, what)


def parse(doc: Any, what: str, result: ParsedImport) -> None:
    """Add the conversations of a Claude export document to ``result``."""
    for n, raw in enumerate(conversations_of(doc, what), start=1):
        title = raw.get("name") if isinstance(raw, dict) else None
        where = f"Conversation {n} of {what}"
        result.add(
            where,
            title if isinstance(title, str) else "",
            lambda raw=raw, where=where: _conversation(raw, where),  # type: ignore[misc]
        )


def _conversation(raw: Any, where: str) -> ImportedConversation:
    raw = as_dict(raw, where)
    created = moment(raw.get("created_at"), where)
    updated = moment_or_none(raw.get("updated_at"), where) or created
    uuid = raw.get("uuid")
    conversation = ImportedConversation(
        title=text(raw.get("name") or "", f"{where}'s title", MAX_TITLE_CHARS),
        created_at=created,
        updated_at=max(updated, created),
        source_id=f"claude:{uuid}" if isinstance(uuid, str) and uuid else None,
    )
    messages: list[tuple[str, str, str | None]] = []
    for m, message in enumerate(as_list(raw.get("chat_messages"), f"{where}'s messages"), 1):
        what = f"{where}, message {m}"
        message = as_dict(message, what)
        sender = message.get("sender")
        role = _SENDERS.get(str(sender))
        if role is None:
            raise InputError(f"{what} has an unknown sender {str(sender)[:20]!r}.")
        parts = _blocks(message, what, conversation.markers)
        parts += _attached(message, what, conversation.markers)
        body = join_parts(parts)
        if body.strip():
            messages.append((role, body, moment_or_none(message.get("created_at"), what)))
    conversation.messages = ordered_times(messages, created)
    if conversation.messages:
        conversation.updated_at = max(conversation.updated_at, conversation.messages[-1][2])
    return conversation


def _blocks(message: dict[str, Any], what: str, markers: Counter[str]) -> list[str]:
    content = message.get("content")
    if not isinstance(content, list) or not content:
        flat = message.get("text")
        return [_without_placeholder(text(flat, f"{what}'s text"))] if flat else []
    parts: list[str] = []
    for b, block in enumerate(content, start=1):
        if not isinstance(block, dict):
            raise InputError(f"{what}, block {b} must be an object.")
        kind = block.get("type")
        if kind == "text":
            parts.append(_without_placeholder(text(block.get("text", ""), f"{what}'s text")))
        elif kind in ("thinking", "redacted_thinking"):
            markers["reasoning"] += 1
            parts.append(marker("reasoning"))
        elif kind == "tool_use":
            parts.append(_tool_use(block, what, markers))
        elif kind == "tool_result":
            parts.extend(_tool_result(block, what, markers))
        elif kind == "image":
            markers["image"] += 1
            parts.append(marker("image", str(block.get("file_name") or "image")))
        else:
            markers["file"] += 1
            parts.append(marker("file", str(kind or "block")))
    return parts


def _without_placeholder(value: str) -> str:
    return _MOBILE_PLACEHOLDER.sub("", value) if "yet supported on mobile" in value else value


def _tool_use(block: dict[str, Any], what: str, markers: Counter[str]) -> str:
    name = str(block.get("name") or "tool")
    given = obj(block.get("input"))
    if name == "artifacts":
        title = one_line(str(given.get("title") or given.get("id") or "untitled"), 100)
        language = str(given.get("language") or _LANGUAGE_OF_TYPE.get(str(given.get("type")), ""))
        command = given.get("command")
        if command == "update" and isinstance(given.get("new_str"), str):
            changed = text(given["new_str"], f"{what}'s artifact")
            return fenced(changed, language, f"Artifact: {title} (changed part)")
        if isinstance(given.get("content"), str):
            return fenced(
                text(given["content"], f"{what}'s artifact"), language, f"Artifact: {title}"
            )
        markers["tool"] += 1
        return f"[artifact not imported: {title}]"
    if name == "repl" and isinstance(given.get("code"), str):
        return fenced(text(given["code"], f"{what}'s code"), "javascript", "Analysis code")
    markers["tool"] += 1
    asked = next(
        (given[k] for k in ("query", "url", "prompt") if isinstance(given.get(k), str)), ""
    )
    label = {"web_search": "web search", "web_fetch": "browsing"}.get(name, name)
    if asked:
        return f"[tool: {one_line(label, 40)} “{one_line(asked, 80)}”]"
    return f"[tool: {one_line(label, 40)}]"


def _tool_result(block: dict[str, Any], what: str, markers: Counter[str]) -> list[str]:
    name = str(block.get("name") or "tool")
    if name == "artifacts":
        return []  # only the tool's "OK": the artifact itself is kept from its tool_use
    if name == "repl":
        outputs = [
            text(part["text"], f"{what}'s output")
            for part in block.get("content") or []
            if isinstance(part, dict) and isinstance(part.get("text"), str)
        ]
        output = "\n".join(outputs)
        return [fenced(output, "", "Output")] if output else []
    markers["tool"] += 1
    label = {"web_search": "web search", "web_fetch": "browsing"}.get(name, name)
    return [f"[tool result not imported: {one_line(label, 60)}]"]


def _attached(message: dict[str, Any], what: str, markers: Counter[str]) -> list[str]:
    parts: list[str] = []
    for attachment in message.get("attachments") or []:
        if not isinstance(attachment, dict):
            continue
        name = str(attachment.get("file_name") or "attachment")
        extracted = attachment.get("extracted_content")
        if isinstance(extracted, str) and extracted:
            parts.append(quoted_attachment(name, text(extracted, f"{what}'s attachment")))
        else:
            markers["file"] += 1
            parts.append(marker("file", name))
    for key in ("files", "files_v2"):
        for item in message.get(key) or []:
            if not isinstance(item, dict):
                continue
            name = str(item.get("file_name") or "file")
            if key == "files" and message.get("files_v2"):
                continue  # newer exports list each file twice; count it once
            image = item.get("file_kind") == "image" or name.lower().endswith(_IMAGE_EXTENSIONS)
            kind = "image" if image else "file"
            markers[kind] += 1
            parts.append(marker(kind, name))
    return parts
