"""A socket guard: records every TCP connection attempt and refuses those not allowed."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


class ForbiddenConnection(AssertionError):
    """A connection the test did not allow was attempted."""


@dataclass
class Guard:
    """What the guard saw."""

    allowed: set[tuple[str, int]] = field(default_factory=set)
    attempts: list[tuple[str, int]] = field(default_factory=list)
    refused: list[tuple[str, int]] = field(default_factory=list)


@contextmanager
def socket_guard(allowed: set[tuple[str, int]] | None = None) -> Iterator[Guard]:
    """Refuse (and record) any IP connection except to ``allowed`` (host, port) pairs.

    Unix sockets (D-Bus for the keyring) pass untouched.
    """
    guard = Guard(allowed=set(allowed or ()))
    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex

    def check(sock: socket.socket, address: Any) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            target = (str(address[0]), int(address[1]))
            guard.attempts.append(target)
            if target not in guard.allowed:
                guard.refused.append(target)
                raise ForbiddenConnection(f"outbound connection to {target} is not allowed")

    def connect(sock: socket.socket, address: Any) -> None:
        check(sock, address)
        original_connect(sock, address)

    def connect_ex(sock: socket.socket, address: Any) -> int:
        check(sock, address)
        return original_connect_ex(sock, address)

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    try:
        yield guard
    finally:
        socket.socket.connect = original_connect  # type: ignore[method-assign]
        socket.socket.connect_ex = original_connect_ex  # type: ignore[method-assign]
