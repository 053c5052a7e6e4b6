"""The chat's core calls (DB lane): conversations, their save status, the list, rewinds, prompts."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.assistant.hub import ProviderStatus
    from app.core.chat_library import ChatListEntry, OpenedConversation
    from app.core.conversations import SaveStatus
    from app.core.service import Confidant


def start_conversation(service: Confidant, temporary: bool = False) -> tuple[str, SaveStatus]:
    """Start a conversation; return its id and its save status. Runs on the DB lane."""
    conversation_id = service.chat.new_conversation(temporary=temporary)
    return conversation_id, service.chat.save_status(conversation_id)


def save_status(service: Confidant, conversation_id: str) -> tuple[str, SaveStatus]:
    """The save status of a conversation. Runs on the DB lane."""
    return conversation_id, service.chat.save_status(conversation_id)


def mark_sensitive(
    service: Confidant, conversation_id: str, sensitive: bool
) -> tuple[str, SaveStatus]:
    """Flag a conversation as sensitive, or not. Runs on the DB lane."""
    return conversation_id, service.chat.mark_sensitive(conversation_id, sensitive)


def allow_saving(service: Confidant, conversation_id: str) -> tuple[str, SaveStatus]:
    """Keep this sensitive conversation after all, as the user asked. Runs on the DB lane."""
    return conversation_id, service.chat.allow_saving_sensitive(conversation_id)


def stored_conversation(
    service: Confidant, conversation_id: str
) -> tuple[OpenedConversation, SaveStatus]:
    """A conversation taken up again to continue it, and its save status. Runs on the DB lane."""
    opened = service.chat.open_conversation(conversation_id)
    return opened, service.chat.save_status(conversation_id)


def support_resources(language: str) -> tuple[str, str]:
    """The helplines for the interface ``language``, and the file they come from. DB lane."""
    from app.core.childmode import support_resources_file

    path = support_resources_file(language)
    return path.read_text(encoding="utf-8"), str(path)


def list_conversations(service: Confidant, filter_text: str) -> list[ChatListEntry]:
    """The sidebar's rows. Runs on the DB lane."""
    return service.chat.conversation_list(filter_text)


def header_state(
    service: Confidant, conversation_id: str
) -> tuple[OpenedConversation, ProviderStatus]:
    """The conversation on show and the chosen provider. Runs on the DB lane."""
    return service.chat.conversation_state(conversation_id), service.assistant.provider_status()


def rewind_for_edit(service: Confidant, conversation_id: str, keep: int) -> OpenedConversation:
    """Drop the turns from message ``keep`` on. Runs on the DB lane."""
    service.chat.rewind_conversation(conversation_id, keep)
    return service.chat.conversation_state(conversation_id)


def rewind_for_regenerate(
    service: Confidant, conversation_id: str
) -> tuple[OpenedConversation, str]:
    """Drop the last turn; return the conversation and the prompt to send again."""
    prompt = service.chat.regenerate_prompt(conversation_id)
    return service.chat.conversation_state(conversation_id), prompt


def load_default(service: Confidant) -> str:
    """The default system prompt ('' for none). Runs on the DB lane."""
    return service.chat.default_system_prompt() or ""


def save_default(service: Confidant, text: str) -> str:
    """Store the default system prompt. Runs on the DB lane."""
    return service.chat.set_default_system_prompt(text) or ""
