"""Child mode end to end: a chat turn stores nothing, shares nothing, and hides personal details.

Issue #7's acceptance: with ``store_conversations`` granted before child mode, a turn through a
loopback provider stores 0 rows, the loopback collector (configured, reachable) receives no
request at all, and the prompt the provider receives carries none of the planted details.
"""

from __future__ import annotations

from pathlib import Path

from app.core.service import Confidant
from tests.helpers.collector import running_collector
from tests.helpers.providers import running_provider

PIN = "482913"
NAME, EMAIL = "Margaret Thornton", "margaret.thornton@example.org"
PHONE, IBAN = "+44 20 7946 0958", "GB82 WEST 1234 5698 7654 32"
PROMPT = f"Tell {NAME} ({EMAIL}, {PHONE}) that my pocket money goes into {IBAN}."


def _rows(service: Confidant) -> int:
    conversations = service.database.query("SELECT count(*) FROM conversations")[0][0]
    messages = service.database.query("SELECT count(*) FROM messages")[0][0]
    return int(conversations) + int(messages)


def test_a_chat_turn_in_child_mode_stores_nothing_sends_nothing_and_hides_pii(
    profile_dir: Path,
) -> None:
    with running_collector() as collector, running_provider("openai", api_key=None) as provider:
        service = Confidant(profile_dir)
        service.open()
        try:
            service.upstream.configure(
                collector.url, collector.collector_key_b64, collector.notice_key_b64
            )
            service.consent.grant("store_conversations")  # granted earlier: must not matter
            service.assistant.set_provider("openai_compat", base_url=provider.base_url, model="m")
            service.child.enable(PIN)
            before = _rows(service)

            conversation = service.chat.new_conversation()
            turn = service.chat.send(conversation, PROMPT)
            assert turn.reply  # the child got an answer
            # Whatever the app would try to upload or fetch afterwards.
            service.upstream.send(approve_all=True)
            service.upstream.poll_notices()

            assert _rows(service) == before == 0
            assert service.chat.stored_message_count() == 0
            assert collector.request_count() == 0
            bodies = [request.body.decode("utf-8") for request in provider.chat_requests()]
            assert len(bodies) == 1
            for planted in (NAME, EMAIL, PHONE, IBAN, "Thornton", "7946"):
                assert planted not in bodies[0]
        finally:
            service.close()
