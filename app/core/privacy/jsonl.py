"""The JSON-lines filters behind ``confidant anonymize --jsonl`` and ``classify --jsonl``.

One output line per input line, in order. This module and what it imports stay light: no
store, no keyring, no cryptography, so the commands start in well under 100 ms.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from json.encoder import encode_basestring as _encode_string  # what _dumps writes for a str
from typing import IO

from app.core.errors import ConfidantError, InputError


def _parse(line: str, number: int) -> tuple[object, str]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"Line {number} is not valid JSON ({exc.msg}).") from None
    if not isinstance(record, dict):
        raise InputError(f'Line {number} is not a JSON object with "id" and "text".')
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(f'Line {number} has no "text" string.')
    return record.get("id"), text


# Output lines are compact JSON, non-ASCII characters written as they are.
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _run(stdin: IO[str], stdout: IO[str], handle: Callable[[object, str], str]) -> None:
    write = stdout.write
    for number, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        ident, text = _parse(line, number)
        write(handle(ident, text))
        write("\n")
    stdout.flush()


def _run_batched(
    stdin: IO[str],
    stdout: IO[str],
    handle: Callable[[object, str], str],
    processes: int,
) -> None:
    """As :func:`_run`, a batch of lines at a time, large batches shared among processes."""
    from app.core.privacy import fanout

    def render(record: tuple[object, str]) -> str:
        return handle(*record)

    number = 0
    warm = False
    for lines in fanout.batches(stdin):
        records: list[tuple[object, str]] = []
        error: InputError | None = None
        for line in lines:
            number += 1
            if not line.strip():
                continue
            try:
                records.append(_parse(line, number))
            except InputError as exc:
                error = exc
                break
        if not warm and records:
            # The first line loads the model here, before any fork, so it is loaded once.
            stdout.write(render(records.pop(0)) + "\n")
            warm = True
        if len(records) >= fanout.MIN_LINES:
            weights = [len(text) for _, text in records]
            fanout.map_ordered(render, records, weights, processes, stdout.write, stdout.flush)
        else:
            for record in records:
                stdout.write(render(record) + "\n")
        if error is not None:
            raise error
    stdout.flush()


def anonymize_stream(stdin: IO[str], stdout: IO[str]) -> None:
    """Redact each ``{"id","text"}`` line to ``{"id","text","entities"}``.

    Raises:
        InputError: a line is not a JSON object with a "text" string (names the line).
    """
    import gc

    from app.core.privacy import deferred, fanout, regex_cache

    # Start-up allocates much and frees little: no collection until the model is in, and
    # then none that walks it again (it lives as long as the process).
    collecting = gc.isenabled()
    gc.disable()
    warm: list[bool] = []
    try:
        regex_cache.install()  # before the import below compiles its expressions
        deferred.defer()  # python-stdnum's unused imports
        from app.core.privacy.anonymize import redact

        def handle(ident: object, text: str) -> str:
            result = redact(text)
            if not warm:
                warm.append(True)
                gc.freeze()
                if collecting:
                    gc.enable()
            # What _dumps makes of {"id", "text", "entities"}, character for character
            # (tests/core/privacy/test_jsonl.py), without building the dictionaries: the
            # types are ASCII capitals, the offsets integers.
            entities = ",".join(
                [f'{{"type":"{e.type}","start":{e.start},"end":{e.end}}}' for e in result.entities]
            )
            return (
                f'{{"id":{_dumps(ident)},"text":{_encode_string(result.text)},'
                f'"entities":[{entities}]}}'
            )

        processes = fanout.jobs()
        if processes > 1 and fanout.batchable(stdin):
            _run_batched(stdin, stdout, handle, processes)
        else:
            _run(stdin, stdout, handle)
    finally:
        if collecting:
            gc.enable()


def classify_stream(stdin: IO[str], stdout: IO[str]) -> None:
    """Classify each ``{"id","text"}`` line to ``{"id","sensitive","categories"}``.

    Raises:
        InputError: a line is not a JSON object with a "text" string (names the line).
    """
    from app.core.privacy.sensitivity import classify

    def handle(ident: object, text: str) -> str:
        result = classify(text, explain=False)
        return _dumps(
            {"id": ident, "sensitive": result.sensitive, "categories": list(result.categories)}
        )

    _run(stdin, stdout, handle)


def run_command(command: str) -> int:
    """``confidant anonymize --jsonl`` / ``classify --jsonl`` on this process's standard streams.

    The whole command as ``app.cli`` runs it (an error is one line on standard error, and
    its exit status), reached from ``python -m app`` without importing ``app.cli``: its
    argument parser, logging and the rest of the command line cost a filter about as much
    start-up time as a few dozen messages.
    """
    run = anonymize_stream if command == "anonymize" else classify_stream
    try:
        run(sys.stdin, sys.stdout)
    except ConfidantError as exc:
        sys.stdout.flush()
        print(f"confidant: {exc.one_line()}", file=sys.stderr)
        return exc.exit_code
    return 0
