"""Batches of JSON lines from standard input, worked on by forked processes, output in order.

``confidant anonymize --jsonl`` spends about half of a 1,500-line run on start-up and the
other half on the messages, one core busy. This module reads what standard input holds at
once as one batch of lines and, when the batch is large enough and a second core is free,
forks one worker per extra core *after* the anonymizer and its model are loaded (the
children share them copy-on-write, nothing is loaded twice). With two processes (the
default), the parent takes lines from the front of the batch and the child from the back,
each marking in a shared page how far it got, until they meet: neither waits for the other
when one runs slower (a busy core, a part with longer or harder lines). With more, each
process takes one contiguous part of about equal length. The parent writes its own lines,
then each child's, so the output is line for line what the single-process loop writes.

Results travel through pipes only: nothing is written to a temporary file. A child that
fails for any reason is not trusted: the parent redoes its part itself, so an error is
raised exactly where the single-process loop would raise it.

``CONFIDANT_ANONYMIZE_JOBS`` sets the number of processes (``1``: no fork). By default it is
two when this process may run on two cores or more, on Linux, and one elsewhere.
"""

from __future__ import annotations

import codecs
import functools
import gc
import mmap
import os
import select
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import IO, NoReturn, TypeVar

T = TypeVar("T")

ENVIRONMENT = "CONFIDANT_ANONYMIZE_JOBS"
#: Fewer lines than this in a batch are not worth a fork (a fork and its copy-on-write
#: faults cost a few milliseconds; a line about half a millisecond).
MIN_LINES = 64
_MAX_JOBS = 8
# How long to wait for more input before a batch is closed: a writer feeding a pipe may be
# a moment behind; a person typing lines gets each answer after this delay at most.
_MORE_WITHIN = 0.02
_CHUNK = 1 << 16
_MAX_BATCH = 1 << 23


def jobs() -> int:
    """How many processes a large batch is shared among."""
    if not hasattr(os, "fork"):
        return 1
    value = os.environ.get(ENVIRONMENT, "").strip()
    if value:
        try:
            return max(1, min(_MAX_JOBS, int(value)))
        except ValueError:
            return 1
    # fork() is safe here on Linux (no threads, no GUI toolkit); elsewhere one by default.
    if not sys.platform.startswith("linux"):
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(2, cores))


def batchable(stream: IO[str]) -> bool:
    """Whether ``stream`` is a UTF-8 file descriptor that :func:`batches` can read."""
    try:
        stream.fileno()
        buffer = stream.buffer  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False
    encoding = getattr(stream, "encoding", None)
    return (
        hasattr(buffer, "read1")
        and isinstance(encoding, str)
        and codecs.lookup(encoding).name == "utf-8"
    )


def batches(stream: IO[str]) -> Iterator[list[str]]:
    """The lines of ``stream`` (each with its newline), in batches of what arrives at once.

    A batch closes when nothing more arrives within a few milliseconds, so a program that
    writes one line and waits for its answer gets it; a file or a fast pipe gives one
    large batch. Lines are decoded as the text stream would decode them.
    """
    buffer = stream.buffer  # type: ignore[attr-defined]
    fd = stream.fileno()
    errors = getattr(stream, "errors", None) or "strict"
    decoder = codecs.getincrementaldecoder("utf-8")(errors)
    pending = ""
    eof = False
    while not eof:
        data = buffer.read1(_CHUNK)
        eof = not data
        size = len(data)
        chunks = [data]
        while not eof and size < _MAX_BATCH and _readable(fd):
            data = buffer.read1(_CHUNK)
            eof = not data
            size += len(data)
            chunks.append(data)
        text = pending + decoder.decode(b"".join(chunks), final=eof)
        # Cut after each "\n" alone, as standard input's text stream cuts on Linux
        # (str.splitlines would also cut at "\r", U+2028 and others, which JSON allows).
        lines = _split(text)
        pending = "" if eof or not lines or lines[-1].endswith("\n") else lines.pop()
        if eof and pending:
            lines.append(pending)
            pending = ""
        if lines:
            yield lines


def _split(text: str) -> list[str]:
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def _readable(fd: int) -> bool:
    try:
        ready, _, _ = select.select([fd], [], [], _MORE_WITHIN)
    except (OSError, ValueError):
        return False
    return bool(ready)


def shares(weights: Sequence[int], parts: int) -> list[tuple[int, int]]:
    """Cut ``range(len(weights))`` into ``parts`` contiguous ranges of about equal weight."""
    total = sum(weights)
    bounds = [0]
    running = 0
    k = 1
    for i, weight in enumerate(weights):
        # A cut goes before the item whose middle crosses the next k-th of the total.
        while k < parts and (2 * running + weight) * parts > 2 * total * k:
            bounds.append(i)
            k += 1
        running += weight
    while len(bounds) < parts:
        bounds.append(len(weights))
    bounds.append(len(weights))
    return [(bounds[i], bounds[i + 1]) for i in range(parts)]


def map_ordered(
    render: Callable[[T], str],
    items: Sequence[T],
    weights: Sequence[int],
    processes: int,
    write: Callable[[str], object],
    flush: Callable[[], object],
) -> None:
    """Write each item's ``render`` and a newline, in order, the work shared among processes.

    ``render``'s output must hold no line break, and must depend on the item only (where
    two processes meet, both may render the same item; the parent's is written). The
    parent renders from the front while the children render theirs; ``flush`` runs before
    forking so that nothing buffered is written twice.
    """
    parts = shares(weights, processes)
    flush()
    # The loaded model and word lists are never freed: keep the collector from walking
    # (and so copying) their pages in each child.
    frozen = gc.get_freeze_count()
    gc.freeze()
    children: list[tuple[int, int, int, int]] = []
    try:
        if processes == 2:
            _meet_and_write(render, items, children, write)
        else:
            _fork_and_write(render, items, parts, children, write)
    finally:
        for pid, reader, _, _ in children:  # only left after an error in the parent
            os.close(reader)
            os.waitpid(pid, 0)
        if not frozen:
            gc.unfreeze()


def _fork_and_write(
    render: Callable[[T], str],
    items: Sequence[T],
    parts: list[tuple[int, int]],
    children: list[tuple[int, int, int, int]],
    write: Callable[[str], object],
) -> None:
    for start, end in parts[1:]:
        if start == end:
            continue
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: render its part, send it, leave without cleanup
            os.close(reader)
            _send_and_exit(writer, functools.partial(_rendered, render, items, start, end))
        os.close(writer)
        children.append((pid, reader, start, end))
    first_start, first_end = parts[0]
    for i in range(first_start, first_end):
        write(render(items[i]) + "\n")
    while children:
        pid, reader, start, end = children.pop(0)
        try:
            received = _read_all(reader)
        finally:
            _, status = os.waitpid(pid, 0)
        if status == 0 and received.count(b"\n") == end - start:
            write(received.decode("utf-8", "surrogatepass"))
        else:
            for i in range(start, end):
                write(render(items[i]) + "\n")


def _meet_and_write(
    render: Callable[[T], str],
    items: Sequence[T],
    children: list[tuple[int, int, int, int]],
    write: Callable[[str], object],
) -> None:
    """Two processes: the parent renders from the front, the child from the back.

    A shared page holds two marks: how far the parent got (the item after the one it
    took last) and the last item the child took. Each takes an item only while the other
    has not, and marks it before rendering it, so every item is taken by one of them, or
    by both where they meet (each read of a mark sees a value the other wrote). The child
    sends its lines, first item first, after the number of its first item.
    """
    page = mmap.mmap(-1, mmap.PAGESIZE)  # shared with the child (MAP_SHARED)
    marks = memoryview(page).cast("q")
    try:
        _meet(render, items, children, write, marks)
    finally:
        marks.release()
        page.close()


def _rendered(render: Callable[[T], str], items: Sequence[T], start: int, end: int) -> str:
    return "".join(render(items[i]) + "\n" for i in range(start, end))


def _send_and_exit(writer: int, produce: Callable[[], str]) -> NoReturn:
    """In a forked child: write what ``produce`` returns to the pipe, then leave at once.

    Exit status 0 only when everything was sent; on any error the parent redoes the part.
    """
    status = 1
    try:
        view = memoryview(produce().encode("utf-8", "surrogatepass"))
        while view:
            view = view[os.write(writer, view) :]
        status = 0
    except BaseException:  # noqa: BLE001, S110 - the parent redoes this part
        pass
    finally:
        os._exit(status)


def _meet(
    render: Callable[[T], str],
    items: Sequence[T],
    children: list[tuple[int, int, int, int]],
    write: Callable[[str], object],
    marks: memoryview,
) -> None:
    count = len(items)
    marks[0], marks[1] = 0, count
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: render from the back, send, leave without cleanup

        def from_the_back() -> str:
            lines: list[str] = []
            k = count - 1
            while k >= marks[0]:
                marks[1] = k
                lines.append(render(items[k]))
                k -= 1
            lines.append(str(k + 1))
            lines.reverse()
            return "\n".join(lines) + "\n"

        os.close(reader)
        _send_and_exit(writer, from_the_back)
    os.close(writer)
    children.append((pid, reader, 0, count))
    done = 0
    while done < count and done < marks[1]:
        marks[0] = done + 1
        write(render(items[done]) + "\n")
        done += 1
    children.pop()
    try:
        received = _read_all(reader)
    finally:
        _, status = os.waitpid(pid, 0)
    head, _, rest = received.partition(b"\n")
    if status == 0 and head.isdigit() and rest.count(b"\n") == count - int(head):
        first = int(head)
        if first < done:  # both rendered the items from first to done: the parent's are out
            rest = rest.split(b"\n", done - first)[-1]
        if first <= done:
            write(rest.decode("utf-8", "surrogatepass"))
            return
    for i in range(done, count):
        write(render(items[i]) + "\n")


def _read_all(fd: int) -> bytes:
    chunks = []
    try:
        while True:
            data = os.read(fd, _CHUNK)
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(fd)
    return b"".join(chunks)
