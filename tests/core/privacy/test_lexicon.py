"""The word lists as the lexicon reads them: comment lines out, every word lower case."""

from __future__ import annotations

import pytest

from app.core.privacy import lexicon


def _line_by_line(text: str) -> frozenset[str]:
    """The reading of a word list by lines (str.splitlines), which ``_words`` must equal."""
    kept = [line for line in text.splitlines() if not line.startswith("#")]
    return frozenset("\n".join(kept).lower().split())


def test_every_shipped_word_list_reads_as_line_by_line():
    for path in sorted(lexicon.DATA.glob("*.txt")):
        assert lexicon._words(path.name) == _line_by_line(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        "# head\nAnna Bo\n#x y\nCleo\n",
        "#only a comment",
        "Anna\n# c\n\n  Dora  Eva\n#",
        "Anna\r\n# c d\r\nBo\r\n",
        "Anna\u2028# c d\u2028Bo",
        "Anna\x85#c\x0cBo #d\n#e",
        "ÀNGEL\n# Ä\nÖMER",
        "#a\n#b\nCleo\n#c",
        "Anna\n#b",
        "Anna\n#b\n",
        "Anna #b\nBo#c\n\n#\n##\nDora",
        "#",
        "\n",
        "",
    ],
)
def test_comments_and_line_breaks_of_any_kind(tmp_path, monkeypatch, text):
    (tmp_path / "list.txt").write_text(text, encoding="utf-8", newline="")
    monkeypatch.setattr(lexicon, "DATA", tmp_path)
    assert lexicon._words("list.txt") == _line_by_line(text)
