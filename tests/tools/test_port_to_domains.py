"""Porting calls of the old flat facade to its domains."""

from __future__ import annotations

from tools.port_to_domains import port


def test_old_facade_calls_are_ported_to_their_domains() -> None:
    old = (
        "service.grant('x')\n"
        "cid = app.new_conversation()\n"
        "status = locked.app_lock_status()\n"
        "service.lock()\n"
        "service.upstream.send()\n"  # a part, not the facade's send: left alone
        "self.send(x)\n"  # not a receiver named here
        "service.conversations = []\n"  # an assignment: left alone
    )
    ported, count = port(old, ["service", "app", "locked"])
    assert ported == (
        "service.consent.grant('x')\n"
        "cid = app.chat.new_conversation()\n"
        "status = locked.lock.status()\n"
        "service.lock.lock_now()\n"
        "service.upstream.send()\n"
        "self.send(x)\n"
        "service.conversations = []\n"
    )
    assert count == 4
