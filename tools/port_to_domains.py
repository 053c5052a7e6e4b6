"""Rewrites calls of the old flat facade (``service.grant(...)``) into its domains.

Issue 15 split ``Confidant``'s 86 methods into domain facades (``service.consent.grant``).
Code written against the old facade on another branch can be ported with::

    python -m tools.port_to_domains service,app,s FILE...

The first argument names the variables that hold a ``Confidant`` in those files (a comma
list); each ``<name>.<old method>`` becomes ``<name>.<domain>.<new method>``. Review the diff:
a variable of another type with the same name and method would be rewritten too.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

#: Old method -> (domain, new method).
MOVED: dict[str, tuple[str, str]] = {}


def _add(domain: str, names: list[str | tuple[str, str]]) -> None:
    for name in names:
        old, new = name if isinstance(name, tuple) else (name, name)
        MOVED[old] = (domain, new)


_add(
    "chat",
    [
        "new_conversation",
        "save_status",
        "send",
        "stream",
        "finish_turn",
        "record_turn",
        "mark_sensitive",
        "allow_saving_sensitive",
        "stored_message_count",
        "conversations",
        "conversation_messages",
        "search",
    ],
)
_add("consent", ["consents", "consent_text", "grant", "withdraw"])
_add(
    "data",
    [
        "export",
        "import_file",
        "delete_my_data",
        "delete_conversations",
        "delete_history",
        "forget_me",
        "retention_schedule",
        "set_retention",
        "upcoming_deletions",
        "purge_expired",
        "audit_events",
        "storage_summary",
        "privacy_checkup_due",
        "complete_privacy_checkup",
        "data_classes",
    ],
)
_add(
    "lock",
    [
        ("app_lock_status", "status"),
        ("enable_app_lock", "enable"),
        ("disable_app_lock", "disable"),
        ("set_app_lock_idle_minutes", "set_idle_minutes"),
        ("lock", "lock_now"),
    ],
)
_add(
    "child",
    [
        ("child_mode_status", "status"),
        ("enable_child_mode", "enable"),
        ("disable_child_mode", "disable"),
        "authorize_guardian",
        "lock_guardian",
        "require_guardian",
    ],
)
_add(
    "assistant",
    [
        "provider_label",
        "provider_status",
        "set_provider",
        "set_private_prompts",
        "test_connection",
        "log_assistant_requests",
        "forget_provider_keys",
    ],
)
_add("health", ["keyring_status", "doctor", "verify_integrity"])


def port(text: str, receivers: list[str]) -> tuple[str, int]:
    """``text`` with every ``<receiver>.<old method>`` moved to its domain, and how many."""
    names = "|".join(re.escape(r) for r in sorted(receivers, key=len, reverse=True))
    methods = "|".join(sorted(MOVED, key=len, reverse=True))
    # Not an assignment to an attribute of that name, and not part of a longer dotted name.
    pattern = re.compile(rf"(?<![\w.])({names})\.({methods})\b(?!\s*=[^=])")

    def moved(match: re.Match[str]) -> str:
        domain, method = MOVED[match.group(2)]
        return f"{match.group(1)}.{domain}.{method}"

    return pattern.subn(moved, text)


def main(argv: list[str]) -> int:
    """Port the files named in ``argv`` (after the receivers) in place."""
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    receivers = argv[0].split(",")
    for name in argv[1:]:
        path = Path(name)
        text, count = port(path.read_text(encoding="utf-8"), receivers)
        if count:
            path.write_text(text, encoding="utf-8")
            print(f"{count:4} {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
