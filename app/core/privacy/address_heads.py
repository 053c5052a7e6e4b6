"""The postcode, city and ward written before a Japanese or Korean address block.

"530-0001 Osaka, Kita-ku, Umeda 2-7-12": in these formats the postcode and city come first
and the street part last, so a block found from its street part ("Umeda 2-7-12") takes in
the postcode (three digits, a dash, four), the city and the wards ("Kita-ku", "Chuo-shi",
"Gangnam-gu") written before it on its line.
"""

from __future__ import annotations

import re

_HEAD = re.compile(
    r"(?:〒[ \t]*)?\d{3}-\d{4}[ \t]+[A-Z][\w'’-]*"
    r"(?:[ \t]*,[ \t]*[A-Z][\w'’]*-(?:ku|shi|gun|machi|cho|chō|mura|gu|si|dong))*[ \t]*,[ \t]*$"
)


def with_heads(text: str, candidates: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``candidates`` with each address block grown back over a postcode-and-city head."""
    out = []
    for kind, start, end in candidates:
        if kind == "STREET_ADDRESS":
            line_start = text.rfind("\n", 0, start) + 1
            head = _HEAD.search(text, line_start, start)
            if head is not None:
                start = head.start()
        out.append((kind, start, end))
    return out
