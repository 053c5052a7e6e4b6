"""What every importer shares: the checked reading of untrusted input and the shapes it yields.

Files are refused before they are parsed when they are not regular files, too large, or
nested deeper than any real export is. Every string that reaches the store passes ``clean``,
which replaces lone surrogates (valid JSON, invalid text) instead of failing at the insert.
"""

from __future__ import annotations

import datetime as dt
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

from app.core.clock import iso
from app.core.errors import InputError

MAX_IMPORT_BYTES = 512 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
MAX_ZIP_RATIO = 200
MAX_FIELD_CHARS = 1_000_000
MAX_TITLE_CHARS = 1_000
#: Real exports nest a dozen levels at most; far deeper input is an attack on the parser.
MAX_JSON_DEPTH = 128
ROLES = frozenset({"user", "assistant", "system"})

#: Marker kinds, as the summary names them (the count of each kind is shown).
MARKER_LABELS = {
    "reasoning": "reasoning blocks left out",
    "image": "images not imported",
    "file": "files not imported",
    "tool": "tool calls and browsing (one line each)",
    "citation": "citation markers removed",
}


@dataclass
class ImportedConversation:
    """One conversation read from a file, checked and normalized."""

    title: str
    created_at: str
    updated_at: str
    messages: list[tuple[str, str, str]] = field(default_factory=list)  # role, content, time
    sensitive: bool = False
    sensitive_allowed: bool = False
    #: A stable id from the source ("chatgpt:<id>"), so importing again adds no duplicate.
    source_id: str | None = None
    #: Our own id, from a Confidant export (kept when free, so a round trip is exact).
    own_id: str | None = None
    #: A Confidant export's own settings: the user gave the title, the system prompt, and
    #: the provider and model chosen for this conversation.
    title_set: bool = False
    system_prompt: str | None = None
    provider: str | None = None
    model: str | None = None
    markers: Counter[str] = field(default_factory=Counter)
    #: The plaintext files this conversation came from (offered for deletion afterwards).
    origins: tuple[Path, ...] = ()


@dataclass(frozen=True)
class SkippedConversation:
    """A conversation that could not be read: where it is in the file, and why."""

    position: str
    title: str
    reason: str


@dataclass
class ParsedImport:
    """Everything a file holds, read and checked; nothing written yet."""

    source: str
    label: str
    conversations: list[ImportedConversation] = field(default_factory=list)
    preferences: dict[str, Any] = field(default_factory=dict)
    skipped: list[SkippedConversation] = field(default_factory=list)
    #: Files that hold many conversations (an export, a zip), as opposed to one each.
    shared_origins: set[Path] = field(default_factory=set)

    def add(self, position: str, title: str, read: Callable[[], ImportedConversation]) -> None:
        """Read one conversation; a bad one is skipped with its position and reason."""
        try:
            conversation = read()
            # Ids come from the file too: a lone surrogate in one must not fail the insert.
            if conversation.source_id is not None:
                conversation.source_id = clean(conversation.source_id)[:300]
            if conversation.own_id is not None:
                conversation.own_id = clean(conversation.own_id)
            self.conversations.append(conversation)
        except InputError as exc:
            self.skipped.append(SkippedConversation(position, clean(title)[:80], exc.message))
        except RecursionError:
            self.skipped.append(
                SkippedConversation(position, clean(title)[:80], "It is nested too deeply.")
            )


# --- checked values ------------------------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(value: str) -> str:
    """``value`` without lone surrogates (each becomes U+FFFD), so it can be stored."""
    return _SURROGATE.sub("\ufffd", value)


def count_surrogates(value: str) -> int:
    """How many lone surrogates ``clean`` would replace."""
    return len(_SURROGATE.findall(value))


def text(value: Any, what: str, limit: int = MAX_FIELD_CHARS) -> str:
    """A string field, checked for type and length, lone surrogates replaced."""
    if not isinstance(value, str):
        raise InputError(f"{what} must be text, not {type(value).__name__}.")
    if len(value) > limit:
        raise InputError(f"{what} is too long ({len(value):,} characters; at most {limit:,}).")
    return clean(value)


def as_list(value: Any, what: str) -> list[Any]:
    """``value`` if it is a list."""
    if not isinstance(value, list):
        raise InputError(f"{what} must be a list.")
    return value


def as_dict(value: Any, what: str) -> dict[str, Any]:
    """``value`` if it is an object."""
    if not isinstance(value, dict):
        raise InputError(f"{what} must be an object.")
    return value


def obj(value: Any) -> dict[str, Any]:
    """``value`` if it is an object, else an empty one (for optional parts)."""
    return value if isinstance(value, dict) else {}


def moment(value: Any, what: str) -> str:
    """A timestamp (ISO 8601 text, or seconds or milliseconds since 1970) in our UTC form."""
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            seconds = float(value)
            if seconds > 1e11:  # milliseconds: JavaScript apps (Jan, LM Studio) write these
                seconds /= 1000
            when = dt.datetime.fromtimestamp(seconds, dt.UTC)
        elif isinstance(value, str):
            when = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            if when.tzinfo is None:
                when = when.replace(tzinfo=dt.UTC)
        else:
            raise ValueError
    except (ValueError, OverflowError, OSError):
        raise InputError(f"{what} has an invalid time ({str(value)[:40]!r}).") from None
    return iso(when)


def moment_or_none(value: Any, what: str) -> str | None:
    """Like ``moment``, but a missing time (None, 0, "") is None."""
    if value is None or value == "" or value == 0:
        return None
    return moment(value, what)


def ordered_times(
    messages: list[tuple[str, str, str | None]], start: str
) -> list[tuple[str, str, str]]:
    """Give each message a time that never precedes the one before it.

    A message without a time takes its predecessor's (the message it answers), never the
    conversation's start, which would put an answer before its question.
    """
    result: list[tuple[str, str, str]] = []
    previous = start
    for role, content, when in messages:
        when = when or previous
        when = max(when, previous)
        result.append((role, content, when))
        previous = when
    return result


# --- shaping the text ------------------------------------------------------------------------


def fenced(code: str, language: str = "", title: str | None = None) -> str:
    """A fenced code block holding ``code`` byte for byte, under an optional title line."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    language = re.sub(r"[^\w+.#-]", "", language)[:30]
    block = f"{fence}{language}\n{code}\n{fence}"
    return f"{title}\n\n{block}" if title else block


def quoted_attachment(name: str, extracted: str) -> str:
    """An attachment's extracted text as a quoted block headed by its name."""
    lines = extracted.split("\n")
    body = "\n".join(f"> {line}" if line else ">" for line in lines)
    return f"> Attachment: {one_line(name)}\n>\n{body}"


def marker(kind: str, detail: str = "") -> str:
    """The one visible line left where something could not be imported."""
    words = {
        "image": "image not imported",
        "file": "file not imported",
        "reasoning": "reasoning not imported",
    }.get(kind, kind)
    detail = one_line(detail)
    return f"[{words}: {detail}]" if detail else f"[{words}]"


def one_line(value: str, limit: int = 120) -> str:
    """``value`` on one line, shortened."""
    flat = " ".join(clean(value).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


_THINK = re.compile(r"<think(?:ing)?>.*?</think(?:ing)?>\s*", re.DOTALL)


def drop_think_tags(value: str, markers: Counter[str]) -> str:
    """Reasoning that local models write inline (``<think>…</think>``) becomes a marker."""
    found = _THINK.findall(value)
    if not found:
        return value
    markers["reasoning"] += len(found)
    rest = _THINK.sub("", value)
    return marker("reasoning") + ("\n\n" + rest if rest.strip() else "")


def join_parts(parts: list[str]) -> str:
    """The parts of one message, a blank line between them, empty ones left out."""
    return "\n\n".join(p for p in parts if p.strip())


# --- prose: what the sensitivity classifier may see ------------------------------------------

_FENCE = re.compile(r"^(`{3,}|~{3,})[^\n]*\n.*?^\1[ \t]*$", re.DOTALL | re.MULTILINE)
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_MARKER_LINE = re.compile(
    r"^\[(?:image not imported|file not imported|reasoning not imported|tool|search|browsing"
    r"|code output)[^\n]*\]$",
    re.MULTILINE,
)
_CODE_EXTENSIONS = (
    ".py", ".js", ".ts", ".tsx", ".jsx", ".java", ".c", ".h", ".cpp", ".hpp", ".cs", ".go",
    ".rs", ".rb", ".php", ".swift", ".kt", ".scala", ".sh", ".sql", ".json", ".yaml", ".yml",
    ".toml", ".xml", ".html", ".css", ".ipynb", ".csv", ".tsv", ".r", ".m", ".lua", ".pl",
)  # fmt: skip
_ATTACHMENT = re.compile(r"^> Attachment: ([^\n]*)\n(?:>[^\n]*(?:\n|$))*", re.MULTILINE)


def prose(value: str) -> str:
    """``value`` without code: fenced blocks, inline code, markers, attached code files.

    The sensitivity classifier reads prose; code such as ``np.std(values)`` is not a topic.
    """
    value = _FENCE.sub("", value)

    def attachment(match: re.Match[str]) -> str:
        name = match.group(1).strip().lower()
        return "" if name.endswith(_CODE_EXTENSIONS) else match.group(0)

    value = _ATTACHMENT.sub(attachment, value)
    value = _INLINE_CODE.sub("", value)
    return _MARKER_LINE.sub("", value)


# --- checked reading -------------------------------------------------------------------------


def check_json_depth(data: bytes, what: str, limit: int = MAX_JSON_DEPTH) -> None:
    """Refuse JSON nested deeper than ``limit``, before any parser recurses into it.

    A first count takes every bracket, also those inside strings; it is cheap, and real
    exports pass it. Only when it exceeds the limit are the strings taken out (a slower pass)
    so that text full of brackets is not mistaken for nesting. Brackets in strings could also
    hide nesting from the first count; ``load_json`` still turns the parser's own recursion
    limit into the same clear error.
    """
    if _deepest(data) <= limit:
        return
    outside = b"".join(re.sub(rb"\\.", b"", data).split(b'"')[::2])
    if _deepest(outside) > limit:
        raise InputError(f"{what} is nested too deeply (more than {limit} levels).")


def _deepest(data: bytes) -> int:
    brackets = data.translate(_DEPTH_TABLE, _NOT_BRACKETS)
    return max(accumulate(array("b", brackets))) if brackets else 0


_DEPTH_TABLE = bytes(
    1 if b in b"[{" else (255 if b in b"]}" else 0) for b in range(256)
)  # 255 reads as -1 in a signed byte array
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def iter_lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """The non-empty lines of a JSON Lines file, numbered from 1."""
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.strip():
            yield number, line


def current_branch(
    nodes: dict[str, Any], current: Any, where: str, *, children: str, parent: str, what: str
) -> list[dict[str, Any]]:
    """The messages of the branch shown last in a tree of ``nodes``, oldest first.

    ``current`` names its newest node; without one, the last leaf (a node with no
    ``children``) stands for it. The walk follows ``parent`` links and stops at a loop.
    """
    if not isinstance(current, str) or current not in nodes:
        leaves = [k for k, v in nodes.items() if isinstance(v, dict) and not v.get(children)]
        current = leaves[-1] if leaves else None
    branch: list[dict[str, Any]] = []
    seen: set[str] = set()
    while isinstance(current, str) and current in nodes and current not in seen:
        seen.add(current)
        node = as_dict(nodes[current], f"{where}, {what} {current[:12]}")
        branch.append(node)
        current = node.get(parent)
    branch.reverse()
    return branch
