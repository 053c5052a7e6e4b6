"""The CLI's everyday-client commands: ``chat --continue ID`` and ``conversations show ID``."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.files import run_cli
from tests.helpers.providers import Script, running_provider

REPLY = "| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\nprint('hi')\n```"


def test_continue_sends_the_earlier_turns_and_show_prints_markdown_as_is(
    profile_dir: Path,
) -> None:
    with running_provider("openai") as fake:
        assert run_cli("consent", "grant", "store_conversations", "--yes").returncode == 0
        setup = run_cli(
            "provider", "set", "openai_compat", "--base-url", fake.base_url, "--model", "model-a"
        )
        assert setup.returncode == 0, setup.stderr
        fake.then(Script(reply=REPLY))
        first = run_cli("chat", "Show me a table")
        assert first.returncode == 0, first.stderr
        listed = json.loads(run_cli("conversations", "list", "--json").stdout)
        (conversation,) = listed

        again = run_cli("chat", "--continue", conversation["id"], "And now a list")
        assert again.returncode == 0, again.stderr
        messages = fake.chat_requests()[-1].json["messages"]
        assert [m["role"] for m in messages] == ["user", "assistant", "user"]
        assert messages[0]["content"] == "Show me a table"
        assert messages[1]["content"] == REPLY

    shown = run_cli("conversations", "show", conversation["id"])
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("# Show me a table\n")
    assert REPLY in shown.stdout  # Markdown as is
    assert shown.stdout.count("[user ·") == 2 and shown.stdout.count("[assistant ·") == 2


def test_an_unknown_conversation_is_bad_input_in_one_line(profile_dir: Path) -> None:
    for args in (("chat", "--continue", "nope", "hi"), ("conversations", "show", "nope")):
        result = run_cli(*args)
        assert result.returncode == 2
        assert result.stderr.strip() == "confidant: There is no stored conversation 'nope'."
