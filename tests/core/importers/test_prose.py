"""Only prose reaches the sensitivity classifier: code, markers and attached code files don't."""

from __future__ import annotations

from app.core.importers import prose
from app.core.importers.common import ImportedConversation, quoted_attachment
from app.core.importers.store import is_sensitive_conversation

CODE = "Why does this fail?\n\n```python\nimport numpy as np\nprint(np.std(values))\n```"


def test_fenced_and_inline_code_are_not_prose() -> None:
    text = prose(CODE + "\n\nAlso `np.std(values)` here.")
    assert "np.std" not in text
    assert "Why does this fail?" in text and "Also" in text


def test_markers_and_attached_code_files_are_not_prose() -> None:
    text = prose(
        "[image not imported: x.png]\n\nPlease check.\n\n"
        + quoted_attachment("analysis.py", "import numpy as np\nnp.std(values)")
        + "\n\n"
        + quoted_attachment("letter.txt", "Dear doctor")
    )
    assert "np.std" not in text and "image not imported" not in text
    assert "Please check." in text and "Dear doctor" in text


def test_a_conversation_is_judged_on_the_users_prose_only() -> None:
    seen: list[str] = []

    def classify(text: str) -> bool:
        seen.append(text)
        return "np.std" in text

    conversation = ImportedConversation(
        "t",
        "2024-01-01T00:00:00+00:00",
        "2024-01-01T00:00:00+00:00",
        [
            ("user", CODE, "2024-01-01T00:00:00+00:00"),
            ("assistant", "np.std divides by n", "2024-01-01T00:00:00+00:00"),
        ],
    )
    assert not is_sensitive_conversation(conversation, classify)
    assert seen == ["Why does this fail?\n\n"]
