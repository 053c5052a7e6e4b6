"""The line-head context feature: rosters and chat logs of people against bots' logs."""

from __future__ import annotations

from app.core.privacy.features import message_context, pieces


def _heads(text: str) -> dict[str, list[str]]:
    cut = pieces(text)
    feats = message_context(text, cut, None, text == text.lower())
    return {
        word: [f for f in fs if f.startswith("li=")] for word, fs in zip(cut[0], feats, strict=True)
    }


def test_a_roster_marks_each_head_by_the_names_heading_the_other_lines():
    heads = _heads("Anna: bring the salad\nTomasz: chairs\nMarek: drinks")
    assert heads["Anna"] == ["li=n2"] and heads["Marek"] == ["li=n2"]
    assert heads["salad"] == [] and heads["chairs"] == []


def test_a_bots_log_heads_are_marked_as_among_no_names():
    # Times and their digits are skipped: the head is the bot's or the department's word.
    heads = _heads("[8:20] Jira: sala Kyoto zamknięta\n[8:25] Accueil: ok\n[9:00] Ops: deploy done")
    assert heads["Jira"] == heads["Accueil"] == heads["Ops"] == ["li=n0"]
    assert heads["Kyoto"] == []


def test_one_named_head_among_others_counts_the_others_only():
    heads = _heads("Anna: hi\nJira: ticket moved\nOps: deploy done")
    assert heads["Anna"] == ["li=n0"]  # neither other head is a name
    assert heads["Jira"] == heads["Ops"] == ["li=n1"]


def test_two_lines_or_a_single_line_get_no_line_head_feature():
    assert not any(_heads("Anna: bring the salad\nTomasz: chairs").values())
    assert not any(_heads("Anna, Tomasz and Marek are coming").values())
