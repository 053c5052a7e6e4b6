"""The OpenAI-compatible and Anthropic providers against real loopback servers."""

from __future__ import annotations

import datetime as dt
import email.utils
import threading
from collections.abc import Callable

import pytest

from app.core.assistant.anthropic import API_VERSION, AnthropicProvider
from app.core.assistant.base import (
    ApiKeyRefused,
    ChatMessage,
    MalformedReply,
    ProviderFailed,
    ProviderNotConfigured,
    ProviderUnreachable,
    RateLimited,
    ReplyCutOff,
    parse_retry_after,
)
from app.core.assistant.openai_compat import OpenAICompatProvider
from app.core.network import HttpClient, PendingRequests
from tests.core.assistant.conftest import API_KEY, provider_for
from tests.helpers.providers import FakeProvider, Script, closed_port, pieces_of

FLAVOURS = ["openai", "anthropic"]
HISTORY = [ChatMessage("user", "Name three rivers.")]
REPLY = "Rivers: **Nile**, Amazon — and the Yangtze 长江. 🌊"

Serve = Callable[..., FakeProvider]


def _read(provider_reply: object) -> str:
    return "".join(provider_reply)  # type: ignore[call-overload]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(
    ("pieces", "byte_split", "line_end"),
    [(7, None, "\n"), (1, 1, "\n"), (3, 5, "\r\n")],
)
def test_a_stream_arrives_whole_however_it_is_cut(
    serve: Serve,
    http: HttpClient,
    requests_log: PendingRequests,
    flavour: str,
    pieces: int,
    byte_split: int | None,
    line_end: str,
) -> None:
    fake = serve(flavour)
    fake.then(
        Script(reply=REPLY, pieces=pieces_of(pieces), byte_split=byte_split, line_end=line_end)
    )
    chunks = list(provider_for(fake, http).start(HISTORY))
    assert "".join(chunks) == REPLY
    assert len(chunks) == len(pieces_of(pieces)(REPLY))
    (entry,) = requests_log.drain()
    assert entry.purpose == "assistant" and entry.status == 200 and entry.error is None
    assert entry.method == "POST" and entry.bytes_in > len(REPLY) and entry.bytes_out > 0


def test_the_openai_request_is_what_the_api_expects(serve: Serve, http: HttpClient) -> None:
    fake = serve("openai")
    history = [
        ChatMessage("user", "hi"),
        ChatMessage("assistant", "hello"),
        ChatMessage("user", "?"),
    ]
    _read(provider_for(fake, http, model="llama3.2").start(history))
    (request,) = fake.chat_requests()
    assert request.path == "/v1/chat/completions"
    assert request.headers["Authorization"] == f"Bearer {API_KEY}"
    assert request.headers["Accept"] == "text/event-stream"
    assert request.json == {
        "model": "llama3.2",
        "messages": [
            {"role": "user", "content": "hi"},
            {"role": "assistant", "content": "hello"},
            {"role": "user", "content": "?"},
        ],
        "stream": True,
    }


def test_the_anthropic_request_is_what_the_api_expects(serve: Serve, http: HttpClient) -> None:
    fake = serve("anthropic")
    history = [ChatMessage("system", "Be brief."), ChatMessage("user", "hi")]
    _read(provider_for(fake, http, model="claude-test").start(history))
    (request,) = fake.chat_requests()
    assert request.path == "/v1/messages"
    assert request.headers["x-api-key"] == API_KEY
    assert request.headers["anthropic-version"] == API_VERSION
    assert "Authorization" not in request.headers
    body = request.json
    assert body["model"] == "claude-test" and body["stream"] is True
    assert body["max_tokens"] > 0
    assert body["system"] == "Be brief."
    assert body["messages"] == [{"role": "user", "content": "hi"}]


def test_a_local_server_needs_no_key(serve: Serve, http: HttpClient) -> None:
    fake = serve("openai", api_key=None)
    assert _read(provider_for(fake, http, key=None).start(HISTORY)).startswith("You said:")
    assert "Authorization" not in fake.chat_requests()[0].headers


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_wrong_key_is_refused_in_one_sentence(
    serve: Serve, http: HttpClient, requests_log: PendingRequests, flavour: str
) -> None:
    fake = serve(flavour)
    with pytest.raises(ApiKeyRefused) as caught:
        _read(provider_for(fake, http, key="sk-wrong").start(HISTORY))
    assert caught.value.message == "The assistant refused the API key (401)."
    assert "sk-wrong" not in caught.value.one_line()
    assert [e.status for e in requests_log.drain()] == [401]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_rate_limited_says_when_to_try_again(serve: Serve, http: HttpClient, flavour: str) -> None:
    fake = serve(flavour)
    fake.then(Script(status=429, retry_after="20")).then(Script(status=429))
    with pytest.raises(RateLimited) as caught:
        _read(provider_for(fake, http).start(HISTORY))
    assert caught.value.message == "Rate limited; try again in 20 s."
    assert caught.value.retry_after == 20
    with pytest.raises(RateLimited, match="in a little while"):
        _read(provider_for(fake, http).start(HISTORY))


def test_retry_after_as_a_date() -> None:
    now = dt.datetime(2026, 1, 1, 12, 0, 0, tzinfo=dt.UTC)
    later = email.utils.format_datetime(now + dt.timedelta(seconds=90), usegmt=True)
    assert parse_retry_after(later, now) == 90
    assert parse_retry_after("0", now) == 1
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


def test_a_refused_connection_names_the_address(http: HttpClient) -> None:
    port = closed_port()
    provider = OpenAICompatProvider(
        http, base_url=f"http://127.0.0.1:{port}/v1", model="m", api_key=lambda: None
    )
    with pytest.raises(ProviderUnreachable) as caught:
        _read(provider.start(HISTORY))
    assert caught.value.message == (
        f"Could not reach the assistant at 127.0.0.1:{port} (the connection was refused)."
    )


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_stream_cut_mid_way_is_an_error_not_a_short_reply(
    serve: Serve, http: HttpClient, requests_log: PendingRequests, flavour: str
) -> None:
    fake = serve(flavour)
    fake.then(Script(reply=REPLY, pieces=pieces_of(4), cut_after=3))
    received: list[str] = []
    with pytest.raises(ReplyCutOff, match="cut off before it finished"):
        for chunk in provider_for(fake, http).start(HISTORY):
            received.append(chunk)
    assert "".join(received) == REPLY[:12]
    (entry,) = requests_log.drain()
    assert entry.status == 200 and entry.error is not None


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_invalid_json_in_an_event_is_a_clear_error(
    serve: Serve, http: HttpClient, flavour: str
) -> None:
    fake = serve(flavour)
    fake.then(Script(invalid_json_after=2))
    with pytest.raises(MalformedReply) as caught:
        _read(provider_for(fake, http).start(HISTORY))
    assert caught.value.message == (
        "The assistant sent a reply Confidant could not read (invalid JSON in an event)."
    )


def test_an_anthropic_error_event_mid_stream(serve: Serve, http: HttpClient) -> None:
    fake = serve("anthropic")

    def overloaded(text_pieces: list[str], model: str):  # type: ignore[no-untyped-def]
        yield 'event: message_start\ndata: {"type": "message_start", "message": {}}\n\n', False
        yield (
            'event: error\ndata: {"type": "error", "error": {"type": "overloaded_error", '
            '"message": "Overloaded"}}\n\n',
            False,
        )

    fake.events = overloaded  # type: ignore[method-assign]
    with pytest.raises(ProviderFailed, match="overloaded right now"):
        _read(provider_for(fake, http).start(HISTORY))


def test_an_openai_error_event_mid_stream(serve: Serve, http: HttpClient) -> None:
    fake = serve("openai")

    def failing(text_pieces: list[str], model: str):  # type: ignore[no-untyped-def]
        yield 'data: {"error": {"message": "The model crashed."}}\n\n', False

    fake.events = failing  # type: ignore[method-assign]
    with pytest.raises(ProviderFailed) as caught:
        _read(provider_for(fake, http).start(HISTORY))
    assert caught.value.message == "The assistant stopped with an error: The model crashed."


def test_a_missing_model_names_itself(serve: Serve, http: HttpClient) -> None:
    fake = serve("openai")
    fake.then(Script(status=404, error_body={"error": "model 'nope' not found"}))
    with pytest.raises(ProviderFailed) as caught:
        _read(provider_for(fake, http, model="nope").start(HISTORY))
    assert caught.value.message == "The assistant answered 404 (not found): model 'nope' not found."


def test_settings_that_are_missing_say_so(http: HttpClient) -> None:
    with pytest.raises(ProviderNotConfigured, match="No base URL"):
        OpenAICompatProvider(http, base_url=None, model="m")
    with pytest.raises(ProviderNotConfigured, match="No model"):
        OpenAICompatProvider(http, base_url="http://127.0.0.1:1/v1", model=None)
    anthropic = AnthropicProvider(http, model="m", api_key=lambda: None)
    assert anthropic.label == "Anthropic m (remote)" and not anthropic.local
    with pytest.raises(ProviderNotConfigured, match="No API key"):
        anthropic.start(HISTORY)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_server_that_ignores_stream_still_answers(
    serve: Serve, http: HttpClient, flavour: str
) -> None:
    fake = serve(flavour)
    fake.then(Script(reply="All at once.", whole=True))
    assert _read(provider_for(fake, http).start(HISTORY)) == "All at once."


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_an_answer_that_is_not_an_event_stream_names_its_type(
    serve: Serve, http: HttpClient, flavour: str
) -> None:
    fake = serve(flavour)
    fake.then(Script(content_type="text/html; charset=utf-8"))
    with pytest.raises(MalformedReply) as caught:
        _read(provider_for(fake, http).start(HISTORY))
    assert "an answer of type text/html instead of an event stream" in str(caught.value)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_cancel_closes_the_connection_and_ends_quietly(
    serve: Serve, http: HttpClient, requests_log: PendingRequests, flavour: str
) -> None:
    fake = serve(flavour)
    fake.then(Script(reply=REPLY, pieces=pieces_of(5), hold_after=2))
    reply = provider_for(fake, http).start(HISTORY)
    received: list[str] = []
    for chunk in reply:
        received.append(chunk)
        if len(received) == 2:
            # From another thread, as the Stop button does.
            threading.Thread(target=reply.cancel).start()
    assert "".join(received) == REPLY[:10]
    assert fake.client_closed.wait(5), "the server never saw the connection close"
    (entry,) = requests_log.drain()
    assert entry.error == "cancelled" and entry.status == 200


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_models_are_listed_with_the_key(serve: Serve, http: HttpClient, flavour: str) -> None:
    fake = serve(flavour)
    assert provider_for(fake, http).list_models() == ["model-a", "model-b"]
    with pytest.raises(ApiKeyRefused):
        provider_for(fake, http, key="wrong").list_models()


def test_labels_say_local_or_remote(http: HttpClient) -> None:
    local = OpenAICompatProvider(http, base_url="http://localhost:11434/v1", model="llama3.2")
    remote = OpenAICompatProvider(http, base_url="https://api.openai.com/v1", model="gpt-4o")
    assert local.local and local.label == "llama3.2 at localhost:11434 (local)"
    assert not remote.local and remote.label == "gpt-4o at api.openai.com (remote)"
