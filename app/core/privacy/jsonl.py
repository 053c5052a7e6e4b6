"""The JSON-lines filters behind ``confidant anonymize --jsonl`` and ``classify --jsonl``.

One output line per input line, in order. This module and what it imports stay light: no
store, no keyring, no cryptography, so the commands start in well under 100 ms.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import IO

from app.core.errors import InputError


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


def _run(
    stdin: IO[str], stdout: IO[str], handle: Callable[[object, str], dict[str, object]]
) -> None:
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    write = stdout.write
    for number, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        ident, text = _parse(line, number)
        write(dumps(handle(ident, text)))
        write("\n")
    stdout.flush()


def anonymize_stream(stdin: IO[str], stdout: IO[str]) -> None:
    """Redact each ``{"id","text"}`` line to ``{"id","text","entities"}``.

    Raises:
        InputError: a line is not a JSON object with a "text" string (names the line).
    """
    from app.core.privacy.anonymize import redact

    def handle(ident: object, text: str) -> dict[str, object]:
        result = redact(text)
        return {
            "id": ident,
            "text": result.text,
            "entities": [entity.to_dict() for entity in result.entities],
        }

    _run(stdin, stdout, handle)


def classify_stream(stdin: IO[str], stdout: IO[str]) -> None:
    """Classify each ``{"id","text"}`` line to ``{"id","sensitive","categories"}``.

    Raises:
        InputError: a line is not a JSON object with a "text" string (names the line).
    """
    from app.core.privacy.sensitivity import classify

    def handle(ident: object, text: str) -> dict[str, object]:
        result = classify(text, explain=False)
        return {"id": ident, "sensitive": result.sensitive, "categories": list(result.categories)}

    _run(stdin, stdout, handle)
