"""ChatGPT's export: ``conversations.json`` (alone, in the zip, or inside ``chat.html``).

Each conversation is a tree (``mapping``); the branch shown last runs from ``current_node``
up to the root. Messages carry a ``content_type``: plain text, images, Code Interpreter code
(``code`` addressed to ``python``) and its ``execution_output``, tool calls (``code`` or
text addressed to another recipient), browsing results, and reasoning (``thoughts``).
Only what the person and the assistant said is kept as text; code and outputs become fenced
blocks, and everything else leaves one visible line.
"""

from __future__ import annotations

import json
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
    fenced,
    join_parts,
    marker,
    moment,
    moment_or_none,
    obj,
    one_line,
    ordered_times,
    text,
)

# Citations: private-use brackets around "cite…turn0search4" (2024+), or 【11†source】 (2023).
_CITATION = re.compile(
    r"[ \t]?\ue200(?:cite|filecite|navlist|entity)[^\ue201]*\ue201|【\d+(?::\d+)?†[^】]{0,80}】"
)
_HIDDEN_TYPES = {"user_editable_context", "model_editable_context"}
_BROWSING_TYPES = {"tether_browsing_display", "tether_quote", "sonic_webpage", "system_error"}


def parse(doc: Any, what: str, result: ParsedImport) -> None:
    """Add the conversations of a ``conversations.json`` document to ``result``."""
    for n, raw in enumerate(as_list(doc, what), start=1):
        title = raw.get("title") if isinstance(raw, dict) else None
        where = f"Conversation {n} of {what}"
        result.add(
            where,
            title if isinstance(title, str) else "",
            lambda raw=raw, where=where: _conversation(raw, where),  # type: ignore[misc]
        )


def conversations_in_html(page: bytes, what: str) -> bytes:
    """The JSON array that ``chat.html`` embeds (``var jsonData = [...]``)."""
    start = page.find(b"jsonData")
    if start < 0:
        raise InputError(f"{what} holds no conversations (no jsonData in it).")
    start = page.find(b"[", start)
    if start < 0:
        raise InputError(f"{what} holds no conversations (no jsonData in it).")
    try:
        decoded = page[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{what} is not valid UTF-8 (at byte {start + exc.start}).") from None
    try:
        _, end = json.JSONDecoder().raw_decode(decoded)
    except json.JSONDecodeError as exc:
        raise InputError(f"{what} has invalid conversation data ({exc.msg}).") from None
    except RecursionError:
        raise InputError(f"{what} is nested too deeply.") from None
    return decoded[:end].encode("utf-8")


def _branch(raw: dict[str, Any], where: str) -> list[dict[str, Any]]:
    mapping = as_dict(raw.get("mapping"), f"{where}'s mapping")
    return current_branch(
        mapping, raw.get("current_node"), where, children="children", parent="parent", what="node"
    )


def _conversation(raw: Any, where: str) -> ImportedConversation:
    raw = as_dict(raw, where)
    created = moment(raw.get("create_time"), where)
    updated = moment_or_none(raw.get("update_time"), where) or created
    source_id = raw.get("conversation_id") or raw.get("id")
    conversation = ImportedConversation(
        title=text(raw.get("title") or "", f"{where}'s title", MAX_TITLE_CHARS),
        created_at=created,
        updated_at=max(updated, created),
        source_id=f"chatgpt:{source_id}" if isinstance(source_id, str) and source_id else None,
    )
    turns: list[tuple[str, list[str], str | None]] = []
    for m, node in enumerate(_branch(raw, where), start=1):
        message = node.get("message")
        if not isinstance(message, dict):
            continue
        what = f"{where}, message {m}"
        role, parts = _message(message, what, conversation.markers)
        if role is None:
            continue
        when = moment_or_none(message.get("create_time"), what)
        if turns and turns[-1][0] == role == "assistant":
            turns[-1][1].extend(parts)  # tool traffic and the reply are one assistant turn
        else:
            turns.append((role, parts, when))
    messages = [(role, join_parts(parts), when) for role, parts, when in turns]
    conversation.messages = ordered_times([m for m in messages if m[1].strip()], created)
    if conversation.messages:
        conversation.updated_at = max(conversation.updated_at, conversation.messages[-1][2])
    return conversation


def _message(
    message: dict[str, Any], what: str, markers: Counter[str]
) -> tuple[str | None, list[str]]:
    """The role this message counts as (None: not shown) and its parts as our text."""
    metadata = obj(message.get("metadata"))
    if metadata.get("is_visually_hidden_from_conversation"):
        return None, []
    author = as_dict(message.get("author", {}), f"{what}'s author")
    role = author.get("role")
    content = as_dict(message.get("content", {}), f"{what}'s content")
    kind = content.get("content_type", "text")
    if role == "system" or kind in _HIDDEN_TYPES:
        return None, []
    recipient = message.get("recipient") or "all"
    if role == "user":
        names = _attachment_names(metadata)
        parts = _parts(content, what, markers, names)
        parts += _attachments(metadata, markers, _pointers(content))
        return "user", parts
    if role == "assistant":
        if kind == "thoughts" or kind == "reasoning_recap":
            if kind == "thoughts":
                markers["reasoning"] += 1
                return "assistant", [marker("reasoning")]
            return None, []
        if recipient == "python" and kind == "code":
            code = text(content.get("text", ""), f"{what}'s code")
            return "assistant", [fenced(code, "python", "Code Interpreter")]
        if recipient != "all" or kind == "code":
            markers["tool"] += 1
            return "assistant", [_tool_line(recipient, content)]
        if kind in _BROWSING_TYPES:
            markers["tool"] += 1
            return "assistant", [_browsing_line(content)]
        return "assistant", _parts(content, what, markers)
    if role == "tool":
        name = str(author.get("name") or "tool")
        if kind == "execution_output":
            output = text(content.get("text", ""), f"{what}'s output")
            return "assistant", [fenced(output, "", "Output")] if output else []
        if kind == "multimodal_text":
            return "assistant", _parts(content, what, markers)
        markers["tool"] += 1
        if kind in _BROWSING_TYPES:
            return "assistant", [_browsing_line(content)]
        return "assistant", [f"[tool result not imported: {one_line(name, 60)}]"]
    return None, []


def _parts(
    content: dict[str, Any],
    what: str,
    markers: Counter[str],
    names: dict[str, str] | None = None,
) -> list[str]:
    parts = content.get("parts")
    if parts is None:
        value = content.get("text", "")
        return [_uncite(text(value, f"{what}'s text"), markers)] if value else []
    pieces: list[str] = []
    strings: list[str] = []
    for part in as_list(parts, f"{what}'s parts"):
        if isinstance(part, str):
            strings.append(part)
            continue
        if strings:
            pieces.append(_uncite(text("\n".join(strings), f"{what}'s text"), markers))
            strings = []
        if not isinstance(part, dict):
            continue
        part_type = part.get("content_type", "")
        if part_type == "audio_transcription" and isinstance(part.get("text"), str):
            pieces.append(text(part["text"], f"{what}'s transcript"))
        elif part_type == "image_asset_pointer":
            markers["image"] += 1
            pieces.append(marker("image", _asset_name(part, names or {})))
        elif part_type in ("audio_asset_pointer", "real_time_user_audio_video_asset_pointer"):
            markers["file"] += 1
            pieces.append(marker("file", "audio"))
        else:
            markers["file"] += 1
            pieces.append(marker("file", str(part_type or "part")))
    if strings:
        pieces.append(_uncite(text("\n".join(strings), f"{what}'s text"), markers))
    return pieces


def _asset_id(pointer: Any) -> str:
    return str(pointer or "").rsplit("/", 1)[-1]


def _pointers(content: dict[str, Any]) -> set[str]:
    """The file ids of the images shown in a message's parts."""
    parts = content.get("parts")
    return {
        _asset_id(p.get("asset_pointer"))
        for p in (parts if isinstance(parts, list) else [])
        if isinstance(p, dict) and p.get("asset_pointer")
    }


def _attachment_names(metadata: dict[str, Any]) -> dict[str, str]:
    names = {}
    for attachment in metadata.get("attachments") or []:
        if isinstance(attachment, dict) and attachment.get("id") and attachment.get("name"):
            names[str(attachment["id"])] = str(attachment["name"])
    return names


def _asset_name(part: dict[str, Any], names: dict[str, str]) -> str:
    dalle = obj(obj(part.get("metadata")).get("dalle"))
    if isinstance(dalle.get("prompt"), str):
        return f"generated image, “{one_line(dalle['prompt'], 80)}”"
    asset = _asset_id(part.get("asset_pointer"))
    return names.get(asset) or asset or "image"


def _attachments(metadata: dict[str, Any], markers: Counter[str], shown: set[str]) -> list[str]:
    lines = []
    for attachment in metadata.get("attachments") or []:
        if not isinstance(attachment, dict) or str(attachment.get("id")) in shown:
            continue  # an image already marked where it appears in the message
        name = str(attachment.get("name") or attachment.get("id") or "file")
        mime = str(attachment.get("mime_type") or attachment.get("mimeType") or "")
        kind = "image" if mime.startswith("image/") else "file"
        markers[kind] += 1
        lines.append(marker(kind, name))
    return lines


def _uncite(value: str, markers: Counter[str]) -> str:
    found = _CITATION.findall(value)
    if not found:
        return value
    markers["citation"] += len(found)
    return _CITATION.sub("", value)


def _tool_line(recipient: str, content: dict[str, Any]) -> str:
    """One line for a tool call: the tool, and what it was asked when that is plain."""
    raw = content.get("text")
    if raw is None and isinstance(content.get("parts"), list):
        raw = " ".join(p for p in content["parts"] if isinstance(p, str))
    asked = ""
    if isinstance(raw, str):
        try:
            call = json.loads(raw)
        except ValueError:
            call = None
        asked = _what_was_asked(call) if call is not None else raw
    tool = {"web": "web search", "web.run": "web search", "browser": "browsing"}.get(
        recipient, recipient
    )
    asked = one_line(asked, 80)
    return f"[tool: {one_line(tool, 40)} “{asked}”]" if asked else f"[tool: {one_line(tool, 40)}]"


def _what_was_asked(call: Any) -> str:
    if isinstance(call, dict):
        for key in ("search_query", "query", "q", "prompt", "open", "url"):
            value = call.get(key)
            if isinstance(value, str):
                return value
            if isinstance(value, list) and value:
                first = value[0]
                if isinstance(first, dict):
                    return _what_was_asked(first)
                return "; ".join(str(v) for v in value if isinstance(v, str))
    return ""


def _browsing_line(content: dict[str, Any]) -> str:
    for key in ("title", "url", "domain"):
        value = content.get(key)
        if isinstance(value, str) and value:
            return f"[browsing: {one_line(value, 80)}]"
    return "[browsing]"
