"""Looking for secrets an object still holds: a key, a passphrase, a message's text."""

from __future__ import annotations

import dataclasses
from typing import Any


def reachable_secrets(root: object, needles: tuple[bytes | str, ...]) -> list[str]:
    """Paths from ``root`` to any bytes or text containing one of ``needles``.

    The walk follows the attributes of Confidant's own objects (classes under ``app.``) and
    the items of containers; a library object (a SQLCipher connection, a lock) is a leaf.
    """
    found: list[str] = []
    seen: set[int] = set()
    stack: list[tuple[object, str]] = [(root, "root")]
    while stack:
        value, path = stack.pop()
        # Every path to a secret counts (one string may be shared), so values are not deduped.
        if isinstance(value, bytes | bytearray | str):
            if any(
                needle in value  # type: ignore[operator]
                for needle in needles
                if isinstance(value, str) == isinstance(needle, str)
            ):
                found.append(path)
            continue
        if id(value) in seen:
            continue
        seen.add(id(value))
        children: list[tuple[object, str]] = []
        if isinstance(value, dict):
            children = [(v, f"{path}[{k!r}]") for k, v in value.items()]
            children += [(k, f"{path}.key") for k in value]
        elif isinstance(value, list | tuple | set | frozenset):
            children = [(v, f"{path}[{i}]") for i, v in enumerate(value)]
        elif type(value).__module__.startswith("app."):
            if dataclasses.is_dataclass(value):
                names: Any = [f.name for f in dataclasses.fields(value)]
            else:
                names = list(getattr(value, "__dict__", {}))
            children = [(getattr(value, n), f"{path}.{n}") for n in names if hasattr(value, n)]
        stack.extend(children)
    return found
