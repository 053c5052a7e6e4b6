"""Find assistant servers already running on this computer, only when the user asks.

Each well-known port of a local model server is asked once, on 127.0.0.1 only, for its
OpenAI-compatible models list (``GET http://127.0.0.1:PORT/v1/models``), which Ollama,
LM Studio, llama.cpp's server, Jan and vLLM all serve. Every probe, answered or not, is an
entry in the network log. Nothing here runs on its own: there is no probing at start-up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from app.core.clock import Clock
from app.core.network import HttpClient, NetworkError, RequestLog

#: The network log's purpose for a probe.
PURPOSE = "local-discovery"
#: A local server answers at once or not at all; a port held by something else must not
#: keep the user waiting.
PROBE_TIMEOUT_S = 2.0

#: (port, the server usually found there), in the order they are asked.
KNOWN_PORTS: tuple[tuple[int, str], ...] = (
    (11434, "Ollama"),
    (1234, "LM Studio"),
    (8080, "llama.cpp server"),
    (1337, "Jan"),
    (8000, "vLLM"),
)


@dataclass(frozen=True)
class LocalServer:
    """A server that answered: where it is, what it usually is, and its models."""

    port: int
    name: str
    base_url: str
    models: tuple[str, ...]


def probe_url(port: int) -> str:
    """The one URL asked at ``port``."""
    return f"http://127.0.0.1:{port}/v1/models"


def find_local_servers(
    log: RequestLog,
    clock: Clock,
    ports: tuple[tuple[int, str], ...] = KNOWN_PORTS,
) -> list[LocalServer]:
    """Ask each port of ``ports`` on 127.0.0.1 for its models; return those that answered.

    A port that refuses, times out or answers with something other than a models list is
    left out. Every request is recorded in ``log`` (the network log, or what feeds it).
    """
    http = HttpClient(log, clock, timeout=PROBE_TIMEOUT_S)
    found: list[LocalServer] = []
    for port, name in ports:
        try:
            response = http.request("GET", probe_url(port), purpose=PURPOSE)
        except NetworkError:
            continue
        if response.status != 200:
            continue
        models = _model_ids(response.body)
        if models is None:
            continue
        found.append(LocalServer(port, name, f"http://127.0.0.1:{port}/v1", models))
    return found


def _model_ids(body: bytes) -> tuple[str, ...] | None:
    """The ``data[].id`` of an OpenAI-style models list, or None if it is not one."""
    try:
        listed = json.loads(body)
    except ValueError:
        return None
    data = listed.get("data") if isinstance(listed, dict) else None
    if not isinstance(data, list):
        return None
    return tuple(str(m["id"]) for m in data if isinstance(m, dict) and "id" in m)
