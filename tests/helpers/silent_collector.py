"""A collector that never answers: a real socket on 127.0.0.1 that accepts and stays silent.

It reads nothing and writes nothing; each connection stays open until ``hang_up``, which
closes them all (the client then sees the connection go, at once, instead of its timeout).
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class SilentCollector:
    """Accepts connections on loopback and never says a word (use ``silent_collector``)."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        host, port = self._listener.getsockname()[:2]
        #: The base URL (http on loopback); it stays known after hanging up.
        self.url = f"http://{host}:{port}"
        self._connections: list[socket.socket] = []
        self._lock = threading.Lock()
        #: Set once a client has connected (its request is then on its way, unanswered).
        self.accepted = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="silent-collector", daemon=True)
        self._thread.start()

    @property
    def open_connections(self) -> int:
        """How many connections are held open, unanswered."""
        with self._lock:
            return len(self._connections)

    def _accept(self) -> None:
        while True:
            try:
                connection, _address = self._listener.accept()
            except OSError:
                return  # the listener was closed
            with self._lock:
                self._connections.append(connection)
            self.accepted.set()

    def hang_up(self) -> None:
        """Close every connection held (the clients see them go) and stop listening."""
        # Shutting the listener down wakes the accept() blocked on it (closing alone does not).
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        with self._lock:
            connections, self._connections = self._connections, []
        for connection in connections:
            connection.close()
        self._thread.join(timeout=5)


@contextmanager
def silent_collector() -> Iterator[SilentCollector]:
    """A silent collector for the length of the block; it hangs up at the end."""
    collector = SilentCollector()
    try:
        yield collector
    finally:
        collector.hang_up()
