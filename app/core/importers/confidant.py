"""Confidant's own export (``export.json``, alone, in our zip, or encrypted)."""

from __future__ import annotations

from typing import Any

from app.core.conversations import MAX_SYSTEM_PROMPT_LENGTH
from app.core.errors import InputError
from app.core.importers.common import (
    MAX_TITLE_CHARS,
    ROLES,
    ImportedConversation,
    ParsedImport,
    as_dict,
    as_list,
    moment,
    text,
)

FORMAT = "confidant-export"
#: The longest provider or model name an export may carry (the schema says the same).
MAX_SETTING_CHARS = 200
FORMAT_VERSION = 1


def parse(doc: Any, what: str, result: ParsedImport) -> None:
    """Add our export's conversations and preferences to ``result``."""
    doc = as_dict(doc, what)
    if doc.get("format") != FORMAT:
        raise InputError(f"{what} is not a Confidant export.")
    if doc.get("version") != FORMAT_VERSION:
        raise InputError(
            f"This export has format version {doc.get('version')!r}; this Confidant reads "
            f"version {FORMAT_VERSION}."
        )
    for n, raw in enumerate(as_list(doc.get("conversations"), "conversations"), start=1):
        title = raw.get("title") if isinstance(raw, dict) else None
        where = f"Conversation {n} of {what}"
        result.add(
            where,
            title if isinstance(title, str) else "",
            lambda raw=raw, where=where: _conversation(raw, where),  # type: ignore[misc]
        )
    result.preferences = as_dict(doc.get("preferences", {}), "preferences")


def _conversation(raw: Any, where: str) -> ImportedConversation:
    raw = as_dict(raw, where)
    own_id = raw.get("id")
    conversation = ImportedConversation(
        title=text(raw.get("title", ""), f"{where}'s title", MAX_TITLE_CHARS),
        created_at=moment(raw.get("created_at"), where),
        updated_at=moment(raw.get("updated_at"), where),
        sensitive=bool(raw.get("sensitive", False)),
        sensitive_allowed=bool(raw.get("sensitive_allowed", False)),
        own_id=own_id if isinstance(own_id, str) and 0 < len(own_id) <= 64 else None,
    )
    _settings(raw, where, conversation)
    for m, message in enumerate(as_list(raw.get("messages"), f"{where}'s messages"), start=1):
        what = f"{where}, message {m}"
        message = as_dict(message, what)
        role = message.get("role")
        if role not in ROLES:
            raise InputError(f"{what} has an unknown role {str(role)[:20]!r}.")
        conversation.messages.append(
            (
                role,
                text(message.get("content"), f"{what}'s text"),
                moment(message.get("created_at"), what),
            )
        )
    return conversation


def _settings(raw: dict[str, Any], where: str, conversation: ImportedConversation) -> None:
    """Read the optional settings an export carries (older exports have none)."""
    conversation.title_set = raw.get("title_set") is True and bool(conversation.title.strip())
    if raw.get("system_prompt") is not None:
        prompt = text(raw["system_prompt"], f"{where}'s system prompt", MAX_SYSTEM_PROMPT_LENGTH)
        conversation.system_prompt = prompt.strip() or None
    for key in ("provider", "model"):
        if raw.get(key) is not None:
            value = text(raw[key], f"{where}'s {key}", MAX_SETTING_CHARS).strip()
            setattr(conversation, key, value or None)
