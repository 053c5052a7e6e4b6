"""``service.chat``: conversations in memory, turns with the assistant, and the stored ones."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from app.core import erasure
from app.core.assistant.reply import ReplyStream
from app.core.chat_library import ChatLibrary, ChatListEntry, OpenedConversation
from app.core.clock import iso
from app.core.consent import Scope
from app.core.conversations import (
    Conversation,
    ConversationSummary,
    Message,
    SaveContext,
    SaveStatus,
    SearchHit,
    save_decision,
)
from app.core.errors import BugError
from app.core.session import Session
from app.core.text import check_text
from app.core.upstream.gate import TurnAnalysis


@dataclass(frozen=True)
class TurnResult:
    """The outcome of one chat turn."""

    conversation_id: str
    reply: str
    status: SaveStatus
    provider_label: str
    #: The prompt exactly as the assistant received it (pseudonymized if ``private``).
    sent_prompt: str | None = None
    private: bool = False
    #: The user stopped the reply; ``reply`` is what had arrived.
    stopped: bool = False
    #: ``offline``, ``openai_compat`` or ``anthropic``.
    provider: str = "offline"
    #: The conversation touches a sensitive topic (the classifier, or the user said so).
    sensitive: bool = False


@dataclass(frozen=True)
class TurnCheck:
    """The slow checks of a finished turn, worked out off the database lane (``check_turn``)."""

    #: The prompt touches a sensitive topic (the classifier).
    prompt_sensitive: bool
    #: The gate's analysis for sharing (None: sharing was off when the turn began).
    share: TurnAnalysis | None = None


@dataclass(frozen=True)
class StoredConversation:
    """A stored conversation, to read: its title and messages."""

    conversation_id: str
    title: str
    messages: tuple[Message, ...]


class Chat:
    """Conversations and turns; each turn is kept only as the save policy allows."""

    def __init__(self, session: Session) -> None:
        self._s = session
        #: Whether sharing was on when each conversation's last turn began (see check_turn).
        self._sharing: dict[str, bool] = {}

    def new_conversation(self, *, temporary: bool = False) -> str:
        """Start a conversation in memory and return its id."""
        conversation = Conversation(id=str(uuid.uuid4()), temporary=temporary)
        conversation.system_prompt = self._library.default_system_prompt()
        with self._s.lock:
            self._s.conversations[conversation.id] = conversation
        return conversation.id

    def save_status(self, conversation_id: str) -> SaveStatus:
        """Whether this conversation is being kept, by the save policy."""
        return save_decision(self._save_context(self._s.conversation(conversation_id)))

    def send(
        self,
        conversation_id: str,
        prompt: str,
        *,
        provider: str | None = None,
        model: str | None = None,
    ) -> TurnResult:
        """Run one turn through the assistant; store it only if the save policy allows."""
        stream = self.stream(conversation_id, prompt, provider=provider, model=model)
        try:
            for _chunk in stream:
                pass
        finally:
            result = self.finish_turn(stream)
        if result is None:  # pragma: no cover - only a stopped, empty reply is not kept
            raise BugError("A reply that was not stopped came back empty-handed.")
        return result

    def stream(
        self,
        conversation_id: str,
        prompt: str,
        *,
        provider: str | None = None,
        model: str | None = None,
    ) -> ReplyStream:
        """Prepare one turn (database lane); iterate the stream for the reply, elsewhere.

        Iterating it (on a network thread) pseudonymizes the prompt when private prompts are
        on, sends it with the conversation as the assistant has seen it, and yields the reply
        with the originals put back. It may be cancelled from any thread. Hand it to
        ``finish_turn`` once it has ended, however it ended. ``provider`` and ``model``
        override the settings for this turn only.
        """
        conversation = self._s.conversation(conversation_id)
        check_text(prompt, "The prompt")
        if provider is not None or model is not None:
            # Choosing the assistant for one turn is choosing the assistant.
            self._s.require_guardian("choosing the assistant or its model")
        # The model remembered for this conversation (chosen with the guardian's PIN, if any).
        provider, model = self._library.turn_options(conversation, provider, model)
        self._sharing[conversation_id] = self._s.ledger.is_granted(Scope.SHARE_FOR_TRAINING)
        return self._s.assistant.start_turn(
            self._s.provider_settings,
            self._s.profile_id,
            conversation_id,
            prompt,
            provider=provider,
            model=model,
            system_prompt=conversation.system_prompt,
        )

    def check_turn(self, stream: ReplyStream) -> TurnCheck:
        """Classify a finished turn, and anonymize it if it may be shared (any thread).

        It touches no database, so the GUI runs it on the I/O pool, where the reply streamed,
        and hands the result to ``finish_turn``: the classifier and the anonymizer never hold
        up the database lane.
        """
        prompt_sensitive = self._s.is_sensitive(stream.prompt)
        share = None
        if self._sharing.get(stream.conversation_id) and stream.kept:
            turn = [Message("user", stream.prompt, ""), Message("assistant", stream.text, "")]
            share = self._s.upstream.gate.analyze(turn)
        return TurnCheck(prompt_sensitive, share)

    def finish_turn(self, stream: ReplyStream, check: TurnCheck | None = None) -> TurnResult | None:
        """Record a stream that ended (database lane): log its request, keep the turn.

        A complete reply, or a stopped one with some text, is recorded like any turn. A failed
        one is not (None): the prompt stays with the user, to send again. ``check`` is
        ``check_turn(stream)`` worked out already; without it, it is worked out here.
        """
        self._s.assistant.write_pending(self._s.upstream.network_log)
        if not stream.kept:
            return None
        self._s.assistant.end_turn(stream)
        result = self.record_turn(stream.conversation_id, stream.prompt, stream.text, check=check)
        return replace(
            result,
            provider_label=stream.provider_label,
            sent_prompt=stream.sent_prompt,
            private=stream.private,
            stopped=stream.stopped,
            provider=stream.provider_name,
        )

    def record_turn(
        self, conversation_id: str, prompt: str, reply: str, *, check: TurnCheck | None = None
    ) -> TurnResult:
        """Record a finished turn (streamed elsewhere): save it and offer it upstream as allowed."""
        conversation = self._s.conversation(conversation_id)
        now = iso(self._s.clock.now())
        turn = [Message("user", prompt, now), Message("assistant", reply, now)]
        conversation.messages.extend(turn)
        if not conversation.sensitive and (
            check.prompt_sensitive if check is not None else self._s.is_sensitive(prompt)
        ):
            # Once a conversation touches a sensitive topic, all of it is treated as sensitive.
            conversation.sensitive = True
        status = self._apply_save_policy(conversation)
        if self._s.ledger.is_granted(Scope.SHARE_FOR_TRAINING):
            analysis = check.share if check is not None else None
            self._s.upstream.submit_turn(conversation, turn, analysis)
        return TurnResult(
            conversation.id,
            reply,
            status,
            self._s.assistant.label,
            sensitive=conversation.sensitive,
        )

    def _apply_save_policy(self, conversation: Conversation) -> SaveStatus:
        """Store what the policy allows; drop the stored copy of a conversation gone sensitive."""
        status = save_decision(self._save_context(conversation))
        s = self._s
        with s.lock:
            if status is SaveStatus.SAVED:
                first = conversation.stored_count == 0
                with s.database.transaction("saving the conversation") as conn:
                    count = s.store.save(conversation, conn)
                    # The pseudonym vault is kept with its conversation, and goes with it.
                    s.assistant.save_vault(conversation.id, conn)
                    if first:
                        s.audit.record("conversation.saved", conn, messages=count)
            elif status is SaveStatus.SENSITIVE and conversation.stored_count:
                # A conversation that turned sensitive is not retained. (Withdrawing consent
                # is different: the user chose then whether to keep what was stored.)
                with s.database.transaction("removing the conversation") as conn:
                    s.store.delete(conversation.id, conn)
                    s.audit.record(
                        "conversation.deleted", conn, reason=status.name.lower(), conversations=1
                    )
                conversation.stored_count = 0
        return status

    def mark_sensitive(self, conversation_id: str, sensitive: bool = True) -> SaveStatus:
        """Flag a conversation as sensitive (or not); a stored copy goes unless allowed."""
        conversation = self._s.conversation(conversation_id)
        conversation.sensitive = sensitive
        return self._apply_save_policy(conversation)

    def allow_saving_sensitive(self, conversation_id: str, allowed: bool = True) -> SaveStatus:
        """The user's explicit permission to keep this one sensitive conversation."""
        conversation = self._s.conversation(conversation_id)
        conversation.sensitive_allowed = allowed
        return self._apply_save_policy(conversation)

    def stored_message_count(self) -> int:
        """How many messages the store holds."""
        return self._s.store.message_count()

    def conversations(self) -> list[ConversationSummary]:
        """The stored conversations, most recent first."""
        return self._s.store.summaries()

    def conversation_messages(self, conversation_id: str) -> list[Message]:
        """The stored messages of one conversation."""
        return self._s.store.messages(conversation_id)

    def stored_conversation(self, conversation_id: str) -> StoredConversation:
        """A stored conversation's title and messages, to show it as it was kept."""
        title = next((c.title for c in self.conversations() if c.id == conversation_id), "")
        messages = tuple(self.conversation_messages(conversation_id))
        return StoredConversation(conversation_id, title, messages)

    def search(self, text: str) -> list[SearchHit]:
        """Full-text search over the stored conversations."""
        return self._s.store.search(text)

    def _save_context(self, conversation: Conversation) -> SaveContext:
        return SaveContext(
            consent_granted=self._s.ledger.is_granted(Scope.STORE_CONVERSATIONS),
            child_mode=self._s.child_mode(),
            temporary=conversation.temporary,
            sensitive=conversation.sensitive,
            sensitive_allowed=conversation.sensitive_allowed,
        )

    # --- the everyday client: the sidebar, continuing, editing, per-conversation settings -----
    # The logic lives in app/core/chat_library.py; these methods hand it the open profile.

    @property
    def _library(self) -> ChatLibrary:
        s = self._s
        return ChatLibrary(
            database=s.database,
            store=s.store,
            audit=s.audit,
            assistant=s.assistant,
            provider_settings=s.provider_settings,
            settings=s.settings,
            memory=s.conversations,
            lock=s.lock,
            is_sensitive=s.is_sensitive,
        )

    def conversation_list(self, filter_text: str = "") -> list[ChatListEntry]:
        """Stored conversations and this run's unkept ones, newest first (filtered in place)."""
        return self._library.entries(filter_text)

    def open_conversation(self, conversation_id: str) -> OpenedConversation:
        """Take a conversation up again (its history and vault): the next turn continues it."""
        return self._library.open(conversation_id)

    def rename_conversation(self, conversation_id: str, title: str) -> str:
        """Give a conversation its own title; return it."""
        return self._library.rename(self._conversation_or_stored(conversation_id), title)

    def delete_conversation(self, conversation_id: str) -> int:
        """Delete one conversation, stored or not, with the same erasure as "delete one"."""
        s = self._s
        with s.lock:
            deleted = erasure.delete_conversations(
                s.database, s.audit, conversation_id=conversation_id
            )
        s.forget_stored(conversation_id)
        self._library.forget(conversation_id)
        return deleted

    def set_system_prompt(self, conversation_id: str, text: str | None) -> str | None:
        """The system prompt of one conversation (None or '': none)."""
        return self._library.set_system_prompt(self._s.conversation(conversation_id), text)

    def default_system_prompt(self) -> str | None:
        """The system prompt new conversations start with."""
        return self._library.default_system_prompt()

    def set_default_system_prompt(self, text: str | None) -> str | None:
        """Choose the system prompt new conversations start with (None or '': none)."""
        return self._library.set_default_system_prompt(text)

    def set_conversation_model(self, conversation_id: str, model: str | None) -> str | None:
        """Remember the model chosen for one conversation (with the chosen provider)."""
        # Choosing a model is choosing the assistant: in child mode only with the PIN.
        self._s.require_guardian("choosing the assistant or its model")
        return self._library.set_model(self._s.conversation(conversation_id), model)

    def conversation_state(self, conversation_id: str) -> OpenedConversation:
        """One conversation of this run as the chat page shows it (messages, settings)."""
        return self._library.describe(self._s.conversation(conversation_id))

    def rewind_conversation(self, conversation_id: str, keep: int) -> int:
        """Drop the messages after the first ``keep`` (memory, assistant, store); how many."""
        return self._library.rewind(self._s.conversation(conversation_id), keep)

    def regenerate_prompt(self, conversation_id: str) -> str:
        """Drop the last turn and return its prompt, to send again for a new reply."""
        conversation = self._s.conversation(conversation_id)
        library = self._library
        index = library.last_prompt_index(conversation)
        prompt = conversation.messages[index].content
        library.rewind(conversation, index)
        return prompt

    def _conversation_or_stored(self, conversation_id: str) -> Conversation:
        with self._s.lock:
            known = conversation_id in self._s.conversations
        if not known:
            self._library.open(conversation_id)
        return self._s.conversation(conversation_id)
