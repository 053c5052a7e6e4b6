"""The issue's targets, measured on the labelled corpora end to end through the CLI."""

from __future__ import annotations

import pytest

from app.core.privacy.evaluation import score_anonymizer, score_classifier
from tests.core.privacy.corpus import GROUPS, SPLITS, rows, run_cli

STRUCTURED = ("EMAIL", "CREDIT_CARD", "IBAN", "IP_ADDRESS", "PHONE")


@pytest.fixture(scope="module")
def anonymized() -> dict[str, tuple[list[dict], dict[str, dict]]]:
    """Every split's PII corpus plus its sensitivity corpus (as PII-free text), one CLI run."""
    corpora = {group: rows("pii", group) for group in GROUPS}
    extra = {group: rows("sensitivity", group) for group in GROUPS}
    everything = [r for group in GROUPS for r in corpora[group] + extra[group]]
    output = {o["id"]: o for o in run_cli("anonymize", everything)}
    assert list(output) == [r["id"] for r in everything], "one output line per input, in order"
    return {
        group: (corpora[group] + [{**r, "entities": []} for r in extra[group]], output)
        for group in GROUPS
    }


@pytest.fixture(scope="module")
def classified() -> dict[str, dict]:
    everything = [r for group in GROUPS for r in rows("sensitivity", group)]
    output = run_cli("classify", everything)
    assert [o["id"] for o in output] == [r["id"] for r in everything]
    return {o["id"]: o for o in output}


def _report(split, anonymized):
    corpus, output = anonymized[split]
    spans = {i: [(e["start"], e["end"]) for e in o["entities"]] for i, o in output.items()}
    texts = {i: o["text"] for i, o in output.items()}
    return score_anonymizer(corpus, spans, texts)


@pytest.mark.parametrize("split", GROUPS)
def test_output_text_is_the_original_with_typed_placeholders(split, anonymized):
    corpus, output = anonymized[split]
    for row in corpus:
        result = output[row["id"]]
        text, rebuilt, cursor = row["text"], [], 0
        for entity in result["entities"]:
            rebuilt += [text[cursor : entity["start"]], f"[{entity['type']}]"]
            cursor = entity["end"]
        assert "".join([*rebuilt, text[cursor:]]) == result["text"]


@pytest.mark.parametrize("split", GROUPS)
def test_pii_leak_rate_meets_the_targets(split, anonymized):
    report = _report(split, anonymized)
    assert report.leak_rate() <= 0.05, report.leaks
    for kind in STRUCTURED:
        assert report.leak_rate(kind) <= 0.01, (kind, [x for x in report.leaks if x[1] == kind])
    assert report.leak_rate("PERSON") <= 0.10


@pytest.mark.parametrize("split", GROUPS)
def test_every_type_is_in_the_corpus_and_found(split, anonymized):
    report = _report(split, anonymized)
    for kind in ("PERSON", "STREET_ADDRESS", "GOV_ID", "DATE_OF_BIRTH", "USERNAME", "URL"):
        assert report.gold.get(kind, 0) >= 8, kind
        assert report.leak_rate(kind) <= 0.25, kind
    for kind in STRUCTURED:
        assert report.gold.get(kind, 0) >= 15, kind


@pytest.mark.parametrize("split", GROUPS)
def test_over_redaction_meets_the_targets(split, anonymized):
    report = _report(split, anonymized)
    assert report.clean_messages >= 150
    assert report.changed_clean_rate <= 0.05, report.false_positives
    assert report.lost_word_rate <= 0.03, report.false_positives


# These 536 messages were written with the old rules in view and are dev now (issue 14): the
# targets that count are held on the independent held-out (test_sensitivity_heldout.py). The
# five-writer model meets them here (split "dev": 96.0% recall, 1.1% of neutral messages
# flagged; "held-out": 99.1%, 2.4%).
@pytest.mark.parametrize("split", GROUPS)
def test_sensitivity_recall_and_false_positive_rate_meet_the_targets(split, classified):
    corpus = rows("sensitivity", split)
    predicted = {i: classified[i]["categories"] for i in (r["id"] for r in corpus)}
    for row in corpus:
        result = classified[row["id"]]
        assert result["sensitive"] is bool(result["categories"])
    report = score_classifier(corpus, predicted)
    assert report.recall >= 0.95, report.misses
    assert report.false_positive_rate <= 0.05, report.false_alarms
    assert report.near_misses >= 10


def test_the_corpora_cover_every_language():
    languages = {"en", "de", "fr", "es", "it", "nl", "pl", "pt"}
    for split in (*SPLITS, *GROUPS):
        assert {r["lang"] for r in rows("pii", split)} == languages
        assert {r["lang"] for r in rows("sensitivity", split)} == languages


def test_a_report_prints_figures_never_the_messages():
    # A failing assertion shows the report's repr: for a held-out set it must not show texts.
    rows = [
        {
            "id": "1",
            "text": "Call Wilhelmina Okonkwo",
            "entities": [{"type": "PERSON", "start": 5, "end": 23}],
        },
        {"id": "2", "text": "a plain request about soup", "entities": []},
    ]
    leak = score_anonymizer(rows, {"1": [], "2": [(2, 7)]}, {"1": rows[0]["text"], "2": "a [X]"})
    assert leak.leaks and leak.false_positives  # the texts are kept for the tools that want them
    topics = [
        {"id": "3", "text": "my knee clicks since the fall", "categories": ["health"]},
        {"id": "4", "text": "soup for six people", "categories": [], "near_miss": False},
    ]
    found = score_classifier(topics, {"3": [], "4": ["finances"]})
    assert found.misses and found.false_alarms
    for report in (leak, found):
        assert not any(word in repr(report) for word in ("Okonkwo", "soup", "knee")), repr(report)
