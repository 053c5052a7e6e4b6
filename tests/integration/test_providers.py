"""Assistant providers end to end: the real keyring, store, CLI processes and loopback servers."""

from __future__ import annotations

import logging
import os
import select
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from app.core.assistant.secrets import SECRETS_SERVICE
from app.core.consent import Scope
from app.core.keys import detect_backend
from app.core.service import Confidant
from tests.helpers.files import REPO_ROOT, files_containing, files_under, run_cli
from tests.helpers.providers import (
    FakeProvider,
    Flavour,
    Script,
    closed_port,
    pieces_of,
    running_provider,
)

API_KEY = "sk-acceptance-3f9d2c7e81b4"
PROMPT = "Please ask Margaret Thornton (margaret.thornton@example.org) about the boat."
REPLY = "Ahoy! The **boat** is ready — see you at the harbour."


@pytest.fixture
def serve() -> Iterator[Callable[..., FakeProvider]]:
    with ExitStack() as stack:

        def start(flavour: Flavour, *, api_key: str | None = API_KEY) -> FakeProvider:
            return stack.enter_context(running_provider(flavour, api_key=api_key))

        yield start


def _name(fake: FakeProvider) -> str:
    return "openai_compat" if fake.flavour == "openai" else "anthropic"


# --- the API key ----------------------------------------------------------------------------


def _every_row(service: Confidant) -> str:
    tables = [
        row[0]
        for row in service.database.query("SELECT name FROM sqlite_master WHERE type = 'table'")
    ]
    assert {"settings", "network_log", "messages", "vault"} <= set(tables)
    dump = []
    for table in tables:
        dump.append(repr(service.database.query(f'SELECT * FROM "{table}"')))  # noqa: S608
    return "\n".join(dump)


@pytest.mark.parametrize("flavour", ["openai", "anthropic"])
def test_the_api_key_is_in_the_keyring_and_nowhere_else(
    profile_dir: Path,
    serve: Callable[..., FakeProvider],
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
    flavour: Flavour,
) -> None:
    caplog.set_level(logging.DEBUG)
    fake = serve(flavour)
    service = Confidant(profile_dir)
    service.open()
    try:
        service.consent.grant(Scope.STORE_CONVERSATIONS)
        service.assistant.set_provider(
            _name(fake), base_url=fake.base_url, model="model-a", api_key=API_KEY
        )
        assert service.assistant.test_connection(
            _name(fake), base_url=fake.base_url, model="model-a"
        ).ok
        service.assistant.log_assistant_requests()
        fake.then(Script(reply=REPLY))
        result = service.chat.send(service.chat.new_conversation(), PROMPT)
        assert result.reply == REPLY
        fake.then(Script(status=401))
        with pytest.raises(Exception, match="refused the API key"):
            service.chat.send(service.chat.new_conversation(), "again")

        # The server did get the key, in a header: it was really used.
        headers = fake.chat_requests()[0].headers
        assert API_KEY in headers.get("Authorization", "") + headers.get("x-api-key", "")
        profile_id = service._profile_id
        assert detect_backend().get_password(SECRETS_SERVICE, f"{profile_id}/{_name(fake)}") == (
            API_KEY
        )
        assert API_KEY not in _every_row(service)
        log = service.upstream.log()
        assert len(log) == 3 and {e.purpose for e in log} == {"assistant"}
        assert API_KEY not in repr(log)
        assert all(API_KEY not in r.path for r in fake.requests)
        assert API_KEY not in repr(service.assistant.provider_status())
    finally:
        service.close()
    assert files_under(profile_dir)
    assert files_containing(files_under(profile_dir), [API_KEY.encode()]) == []
    out, err = capfd.readouterr()
    assert API_KEY not in out + err
    assert API_KEY not in caplog.text
    assert all(API_KEY not in repr(record.__dict__) for record in caplog.records)


# --- errors: a clear sentence, nothing recorded, the prompt can be sent again ------------------


ERRORS = [
    ("401", Script(status=401), "The assistant refused the API key (401)."),
    ("429", Script(status=429, retry_after="20"), "Rate limited; try again in 20 s."),
    (
        "cut",
        Script(reply=REPLY, cut_after=3),
        "The assistant's reply was cut off before it finished.",
    ),
    (
        "json",
        Script(reply=REPLY, invalid_json_after=1),
        "The assistant sent a reply Confidant could not read (invalid JSON in an event).",
    ),
]


@pytest.mark.parametrize("flavour", ["openai", "anthropic"])
def test_each_failure_is_one_sentence_and_the_prompt_can_be_retried(
    service: Confidant, serve: Callable[..., FakeProvider], flavour: Flavour
) -> None:
    fake = serve(flavour)
    service.consent.grant(Scope.STORE_CONVERSATIONS)
    service.assistant.set_provider(
        _name(fake), base_url=fake.base_url, model="model-a", api_key=API_KEY
    )
    conversation = service.chat.new_conversation()
    for label, script, message in ERRORS:
        fake.then(script)
        stream = service.chat.stream(conversation, PROMPT)
        with pytest.raises(Exception) as caught:
            list(stream)
        assert getattr(caught.value, "message", None) == message, label
        assert service.chat.finish_turn(stream) is None
        assert service.chat.stored_message_count() == 0, label

    # Connection refused: the server is gone.
    refused = closed_port()
    service.assistant.set_provider(_name(fake), base_url=f"http://127.0.0.1:{refused}/v1")
    with pytest.raises(Exception, match=f"127.0.0.1:{refused} \\(the connection was refused\\)"):
        service.chat.send(conversation, PROMPT)

    service.assistant.set_provider(_name(fake), base_url=fake.base_url)
    fake.then(Script(reply=REPLY))
    assert service.chat.send(conversation, PROMPT).reply == REPLY
    assert [m.role for m in service.chat.conversation_messages(conversation)] == [
        "user",
        "assistant",
    ]
    statuses = [e.status for e in reversed(service.upstream.log())]
    assert statuses == [401, 429, 200, 200, None, 200]


# --- the CLI --------------------------------------------------------------------------------


def _key_file(tmp_path: Path) -> Path:
    path = tmp_path / "api-key"
    path.write_text(API_KEY + "\n")
    return path


def _read_until(process: subprocess.Popen[bytes], marker: bytes) -> bytes:
    assert process.stdout is not None
    seen = b""
    fd = process.stdout.fileno()
    while marker not in seen:
        ready, _w, _x = select.select([fd], [], [], 15)
        assert ready, f"no output; so far {seen!r}"
        chunk = os.read(fd, 4096)
        assert chunk, f"the CLI ended; so far {seen!r}"
        seen += chunk
    return seen


def _chat_process(*args: str) -> subprocess.Popen[bytes]:
    # A suite started in the background (`bash .ci/run &`, nohup) runs with SIGINT ignored,
    # and a child inherits an ignored signal: Python would install no KeyboardInterrupt
    # handler and the Ctrl+C test would measure the launcher, not the CLI. A handled signal
    # is reset to the default in the child, as a terminal's CLI has it.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "app", "chat", *args],
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    finally:
        signal.signal(signal.SIGINT, previous)


def test_cli_sets_shows_and_streams_an_openai_compatible_provider(
    profile_dir: Path, tmp_path: Path, serve: Callable[..., FakeProvider]
) -> None:
    fake = serve("openai")
    result = run_cli(
        "provider", "set", "openai_compat", "--base-url", fake.base_url,
        "--model", "model-a", "--api-key-file", str(_key_file(tmp_path)),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.strip() == f"The assistant is now model-a at 127.0.0.1:{fake.port} (local)."
    )

    shown = run_cli("provider", "show")
    assert shown.returncode == 0, shown.stderr
    assert "API key: kept in the system keyring" in shown.stdout
    assert "private prompts: on" in shown.stdout
    assert API_KEY not in shown.stdout + shown.stderr
    as_json = run_cli("provider", "show", "--json")
    assert '"has_api_key": true' in as_json.stdout and API_KEY not in as_json.stdout

    # The reply is printed as it streams: the first half shows while the server waits.
    gate = Script(reply=REPLY, pieces=pieces_of(6), pause_after=3)
    fake.then(gate)
    process = _chat_process(PROMPT)
    try:
        early = _read_until(process, REPLY[:18].encode())
        assert REPLY[18:].encode() not in early
        gate.resume.set()
        rest, err = process.communicate(timeout=30)
    finally:
        process.kill() if process.poll() is None else None
    assert process.returncode == 0, err
    assert (early + rest).decode() == REPLY + "\n"
    assert err.decode().strip() == "[Not saved]"
    sent = fake.chat_requests()[0].json["messages"][-1]["content"]
    assert sent == "Please ask [PERSON_1] ([EMAIL_1]) about the boat."


def test_cli_chat_with_anthropic_and_per_turn_overrides(
    profile_dir: Path, tmp_path: Path, serve: Callable[..., FakeProvider]
) -> None:
    fake = serve("anthropic")
    result = run_cli(
        "provider", "set", "anthropic", "--base-url", fake.base_url,
        "--model", "claude-a", "--api-key-file", str(_key_file(tmp_path)),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    fake.then(Script(reply=REPLY, pieces=pieces_of(2), byte_split=7))
    chat = run_cli("chat", "--model", "claude-b", "Is the boat ready?")
    assert chat.returncode == 0, chat.stderr
    assert chat.stdout == REPLY + "\n"
    assert fake.chat_requests()[0].json["model"] == "claude-b"

    offline = run_cli("chat", "--provider", "offline", "Is the boat ready?")
    assert offline.returncode == 0 and "Offline demo" in offline.stdout
    assert len(fake.chat_requests()) == 1


def test_cli_errors_and_ctrl_c(
    profile_dir: Path, tmp_path: Path, serve: Callable[..., FakeProvider]
) -> None:
    fake = serve("openai", api_key="sk-the-server-wants-another-key")
    run_cli(
        "provider", "set", "openai_compat", "--base-url", fake.base_url,
        "--model", "model-a", "--api-key-file", str(_key_file(tmp_path)),
    )  # fmt: skip
    refused = run_cli("chat", "hello")
    assert refused.returncode == 1
    assert refused.stderr == (
        "confidant: The assistant refused the API key (401). "
        "Check the key in the provider settings.\n"
    )
    unknown = run_cli("chat", "--provider", "nope", "hello")
    assert unknown.returncode == 2 and "no provider called 'nope'" in unknown.stderr

    fake.api_key = API_KEY
    fake.then(Script(reply=REPLY, pieces=pieces_of(5), hold_after=2))
    process = _chat_process(PROMPT)
    try:
        early = _read_until(process, REPLY[:10].encode())
        process.send_signal(signal.SIGINT)
        rest, err = process.communicate(timeout=30)
    finally:
        process.kill() if process.poll() is None else None
    assert process.returncode == 130, err.decode()
    assert (early + rest).decode() == REPLY[:10] + "\n"
    assert err.decode().strip() == "[Stopped; Not saved]"
    assert fake.client_closed.wait(5)
