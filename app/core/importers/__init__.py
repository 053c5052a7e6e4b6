"""Importers: conversations from our own export, ChatGPT, Claude, Jan, LM Studio and Open WebUI.

``read_import`` reads a file, a zip or a folder, works out where it came from, and returns
every conversation it could read, checked and normalized, with the ones it could not read
listed by position and reason. Nothing is written here; the service stores the result.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from app.core.errors import InputError
from app.core.importers import chatgpt, claude, confidant, jan, lmstudio, openwebui
from app.core.importers.common import (
    MARKER_LABELS,
    ImportedConversation,
    ParsedImport,
    SkippedConversation,
    prose,
)
from app.core.importers.reading import Entry, Input, load_json, open_input

SOURCES = ("confidant", "chatgpt", "claude", "jan", "lmstudio", "openwebui")
SOURCE_LABELS = {
    "confidant": "Confidant",
    "chatgpt": "ChatGPT",
    "claude": "Claude",
    "jan": "Jan",
    "lmstudio": "LM Studio",
    "openwebui": "Open WebUI",
}
ImportSource = Literal["auto", "confidant", "chatgpt", "claude", "jan", "lmstudio", "openwebui"]

__all__ = [
    "MARKER_LABELS",
    "SOURCES",
    "SOURCE_LABELS",
    "ImportSource",
    "ImportedConversation",
    "ParsedImport",
    "SkippedConversation",
    "check_source",
    "prose",
    "read_import",
]


def check_source(source: str) -> str:
    """``source`` if it is one we import from."""
    if source != "auto" and source not in SOURCES:
        raise InputError(f"Unknown import source {source!r}; use one of: {', '.join(SOURCES)}.")
    return source


def read_import(
    path: Path, source: str = "auto", passphrase: str | None = None, *, strict: bool = False
) -> ParsedImport:
    """Read and check what ``path`` holds. Writes nothing.

    A conversation that cannot be read is skipped and listed; with ``strict`` it fails the
    whole import instead. When nothing at all could be read, that is an error either way.
    """
    check_source(source)
    given = open_input(path, passphrase)
    documents = _Documents(given)
    detected = _detect(given, documents) if source == "auto" else source
    result = ParsedImport(source=detected, label=given.label)
    _PARSERS[detected](given, documents, result)
    if result.skipped and (strict or not result.conversations):
        first = result.skipped[0]
        if strict and result.conversations:
            raise InputError(
                f"{first.position} could not be read: {first.reason} Nothing was imported "
                "(all or nothing was asked)."
            )
        raise InputError(f"{first.position} could not be read: {first.reason}")
    if not result.conversations and not result.preferences and not given.entries:
        raise InputError(f"{given.label} holds nothing to import.")
    shared = {given.container} if given.container is not None else set(documents.used)
    result.shared_origins = shared
    for conversation in result.conversations:
        if not conversation.origins:
            conversation.origins = tuple(sorted(shared))
    return result


class _Documents:
    """Parses each JSON entry once, whoever asks first (detection or the parser)."""

    def __init__(self, given: Input) -> None:
        self._given = given
        self._parsed: dict[str, Any] = {}
        self.used: set[Path] = set()

    def json(self, entry: Entry) -> Any:
        if entry.name not in self._parsed:
            self._parsed[entry.name] = load_json(entry.read(), self._given.where(entry))
        return self._parsed[entry.name]

    def main(self, *names: str) -> tuple[Entry, Any] | None:
        """The shallowest entry named one of ``names`` (or the single file given), parsed."""
        found = self._given.named(*names)
        if not found and len(self._given.entries) == 1:
            only = self._given.entries[0]
            if only.name == only.base and not only.base.endswith(".jsonl"):
                found = [only]
        if not found:
            return None
        entry = found[0]
        if entry.path is not None:
            self.used.add(entry.path)
        if entry.base == "chat.html":
            what = self._given.where(entry)
            data = chatgpt.conversations_in_html(entry.read(), what)
            return entry, load_json(data, what)
        return entry, self.json(entry)


def _detect(given: Input, documents: _Documents) -> str:
    names = {e.base for e in given.entries}
    if "export.json" in names:
        return "confidant"
    if any(e.name.endswith(lmstudio.SUFFIX) for e in given.entries):
        return "lmstudio"
    if "thread.json" in names:
        return "jan"
    if "conversations.json" not in names and "chat.html" in names:
        return "chatgpt"
    found = documents.main("conversations.json")
    if found is None:
        raise InputError(
            f"{given.label} is not an export Confidant knows (Confidant, ChatGPT, Claude, "
            "Jan, LM Studio or Open WebUI)."
        )
    entry, doc = found
    if isinstance(doc, dict) and doc.get("format") == confidant.FORMAT:
        return "confidant"
    if lmstudio.looks_like(doc):
        return "lmstudio"
    if openwebui.looks_like(doc):
        return "openwebui"
    items = (
        claude.conversations_of(doc, given.where(entry))
        if isinstance(doc, dict) and ("chat_messages" in doc or "conversations" in doc)
        else doc
    )
    if isinstance(items, list):
        first = next((i for i in items if isinstance(i, dict)), None)
        if first is None:
            return "claude"  # an empty export imports nothing, whichever it came from
        if "mapping" in first:
            return "chatgpt"
        if "chat_messages" in first:
            return "claude"
    raise InputError(
        f"{given.where(entry)} is not an export Confidant knows (Confidant, ChatGPT, Claude, "
        "Jan, LM Studio or Open WebUI)."
    )


def _document(given: Input, documents: _Documents, *names: str) -> tuple[str, Any]:
    found = documents.main(*names)
    if found is None:
        raise InputError(f"{given.label} has no {' or '.join(names)} inside.")
    entry, doc = found
    return given.where(entry), doc


def _parse_confidant(given: Input, documents: _Documents, result: ParsedImport) -> None:
    what, doc = _document(given, documents, "export.json")
    confidant.parse(doc, what, result)


def _parse_chatgpt(given: Input, documents: _Documents, result: ParsedImport) -> None:
    found = documents.main("conversations.json") or documents.main("chat.html")
    if found is None:
        raise InputError(f"{given.label} has no conversations.json or chat.html inside.")
    entry, doc = found
    chatgpt.parse(doc, given.where(entry), result)


def _parse_claude(given: Input, documents: _Documents, result: ParsedImport) -> None:
    what, doc = _document(given, documents, "conversations.json")
    claude.parse(doc, what, result)


def _parse_openwebui(given: Input, documents: _Documents, result: ParsedImport) -> None:
    found = documents.main()
    if found is None:
        jsons = [e for e in given.entries if e.base.endswith(".json")]
        if not jsons:
            raise InputError(f"{given.label} has no Open WebUI export inside.")
        found = (jsons[0], documents.json(jsons[0]))
        if jsons[0].path is not None:
            documents.used.add(jsons[0].path)
    entry, doc = found
    openwebui.parse(doc, given.where(entry), result)


_PARSERS = {
    "confidant": _parse_confidant,
    "chatgpt": _parse_chatgpt,
    "claude": _parse_claude,
    "jan": lambda given, _documents, result: jan.parse(given, result),
    "lmstudio": lambda given, _documents, result: lmstudio.parse(given, result),
    "openwebui": _parse_openwebui,
}
