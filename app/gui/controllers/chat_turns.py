"""One chat turn at a time: prepared on the DB lane, streamed on the I/O pool, recorded on the lane.

The slow checks of a finished turn (the classifier, the anonymizer for sharing) run on the
I/O pool too, right after the stream, so the DB lane only records.

The window asks for a turn and hears back through signals on the GUI thread: each piece of
the reply (``chunk``), then either the recorded turn (``finished``, also after Stop, with the
partial reply), or what went wrong (``failed``), with the prompt, so it can be sent again. A
worker only reads the stream and emits; it never touches a widget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from app.gui.signals import emit
from app.gui.workers import WorkerPool

if TYPE_CHECKING:
    from app.core.assistant.reply import ReplyStream
    from app.core.domains.chat import TurnCheck
    from app.core.service import Confidant


class _Relay(QObject):
    """Carries chunks from the I/O pool to the GUI thread (its slot runs there, queued)."""

    chunk = Signal(int, str)


def read_stream(
    service: Confidant, stream: ReplyStream, relay: _Relay, turn: int
) -> tuple[ReplyStream, TurnCheck]:
    """Read a reply, emitting each piece, then check the turn. I/O pool: no widget, no store."""
    for piece in stream:
        emit(relay.chunk, turn, piece)
    return stream, service.chat.check_turn(stream)


class TurnController(QObject):
    """Runs the window's chat turns, one at a time."""

    #: A piece of the reply to show (GUI thread).
    chunk = Signal(str)
    #: The turn was recorded: a TurnResult (complete, or stopped with a partial reply).
    finished = Signal(object)
    #: The turn failed: (the exception, the prompt). Nothing was recorded.
    failed = Signal(object, str)
    #: The user stopped the turn before anything arrived (the prompt): nothing was recorded.
    stoppedEmpty = Signal(str)

    def __init__(self, db_lane: WorkerPool, io_pool: WorkerPool, parent: QObject | None = None):
        super().__init__(parent)
        self._db_lane = db_lane
        self._io_pool = io_pool
        self._relay = _Relay(self)
        self._relay.chunk.connect(self._on_chunk)
        self._turn = 0
        self._service: Confidant | None = None
        self._prompt = ""
        self._stream: ReplyStream | None = None
        self._stop_asked = False

    @property
    def busy(self) -> bool:
        """Whether a turn is under way."""
        return self._service is not None

    def start(self, service: Confidant, conversation_id: str, prompt: str) -> None:
        """Prepare, stream and record one turn."""
        self._turn += 1
        turn = self._turn
        self._service = service
        self._prompt = prompt
        self._stream = None
        self._stop_asked = False
        self._db_lane.submit(
            service.chat.stream,
            conversation_id,
            prompt,
            on_result=lambda stream: self._on_prepared(turn, service, stream),
            on_error=lambda exc: self._on_error(turn, exc),
        )

    @Slot()
    def stop(self) -> None:
        """Stop the reply: the connection closes now, and what arrived is kept."""
        self._stop_asked = True
        if self._stream is not None:
            self._stream.cancel()

    def abandon(self) -> None:
        """Stop the turn and let it record itself without telling anyone (a new chat)."""
        self.stop()
        self._turn += 1
        self._service = None
        self._stream = None

    def shutdown(self) -> None:
        """The application is closing: stop the turn, wait for the pool, record what came."""
        stream, service = self._stream, self._service
        self.abandon()
        self._io_pool.shutdown()
        recordable = stream is not None and service is not None and stream.finished
        if recordable and not self._db_lane.closed:
            self._db_lane.submit_and_forget(service.chat.finish_turn, stream)

    # --- the steps, on the GUI thread ------------------------------------------------------

    def _on_prepared(self, turn: int, service: Confidant, stream: ReplyStream) -> None:
        if turn != self._turn or self._io_pool.closed:
            return  # abandoned before it started: nothing was sent
        self._stream = stream
        if self._stop_asked:
            stream.cancel()
        self._io_pool.submit(
            read_stream,
            service,
            stream,
            self._relay,
            turn,
            on_result=lambda read: self._on_read(turn, service, *read),
            # Checked on the lane, then (the classifier failed, or the profile was locked).
            on_error=lambda _exc: self._on_read(turn, service, stream, None),
        )

    def _on_read(
        self, turn: int, service: Confidant, stream: ReplyStream, check: TurnCheck | None
    ) -> None:
        if self._db_lane.closed:
            return
        if turn != self._turn:
            # Abandoned mid-way (a new chat): still log its request and keep its partial reply.
            self._db_lane.submit_and_forget(service.chat.finish_turn, stream, check)
            return
        self._db_lane.submit(
            service.chat.finish_turn,
            stream,
            check,
            on_result=lambda result: self._on_finished(turn, stream, result),
            on_error=lambda exc: self._on_error(turn, exc),
        )

    def _on_finished(self, turn: int, stream: ReplyStream, result: object) -> None:
        if turn != self._turn:
            return
        prompt = self._prompt
        self._service = None
        self._stream = None
        if stream.error is not None:
            emit(self.failed, stream.error, prompt)
        elif result is None:
            emit(self.stoppedEmpty, prompt)
        else:
            emit(self.finished, result)

    def _on_error(self, turn: int, exc: object) -> None:
        if turn != self._turn:
            return
        prompt = self._prompt
        self._service = None
        self._stream = None
        emit(self.failed, exc, prompt)

    @Slot(int, str)
    def _on_chunk(self, turn: int, piece: str) -> None:
        if turn == self._turn:
            emit(self.chunk, piece)
