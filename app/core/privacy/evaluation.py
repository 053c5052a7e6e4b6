"""Scoring of the anonymizer and the classifier on a labelled corpus (tests and benchmarks).

Definitions (also in docs/anonymizer.md):

* **Leak rate**: the share of gold PII values not fully covered by redacted spans. A value
  counts as leaked if any of its letters or digits is left in the output, so a name with
  only its first half redacted is a leak.
* **Partial leak**: the share of gold values that were redacted only in part (some of
  their letters or digits redacted, some left): a subset of the leaks, the ones where the
  detector saw the value but not its whole extent (a street without its postcode).
* **Changed clean messages**: the share of PII-free messages whose output differs at all.
* **Lost words**: in messages with PII, the share of words outside every gold span that
  were (partly) redacted.
* **Recall / false-positive rate** of the classifier: a message counts as found when it is
  flagged sensitive at all; the false-positive rate is over neutral messages (near-misses
  included).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

_WORD = re.compile(r"\w+")


@dataclass
class LeakReport:
    """Anonymizer scores on a corpus."""

    gold: dict[str, int] = field(default_factory=dict)
    leaked: dict[str, int] = field(default_factory=dict)
    partial: dict[str, int] = field(default_factory=dict)
    clean_messages: int = 0
    clean_changed: int = 0
    other_words: int = 0
    other_words_lost: int = 0
    # The texts themselves stay out of repr(): a failing test's report must not print a
    # held-out set's messages.
    leaks: list[tuple[str, str, str]] = field(default_factory=list, repr=False)
    false_positives: list[tuple[str, str, str]] = field(default_factory=list, repr=False)

    def leak_rate(self, kind: str | None = None) -> float:
        """The leak rate of one type, or overall."""
        if kind is None:
            total = sum(self.gold.values())
            return sum(self.leaked.values()) / total if total else 0.0
        count = self.gold.get(kind, 0)
        return self.leaked.get(kind, 0) / count if count else 0.0

    def partial_rate(self, kind: str | None = None) -> float:
        """The partial-leak rate of one type, or overall."""
        if kind is None:
            total = sum(self.gold.values())
            return sum(self.partial.values()) / total if total else 0.0
        count = self.gold.get(kind, 0)
        return self.partial.get(kind, 0) / count if count else 0.0

    @property
    def changed_clean_rate(self) -> float:
        """Share of PII-free messages changed at all."""
        return self.clean_changed / self.clean_messages if self.clean_messages else 0.0

    @property
    def lost_word_rate(self) -> float:
        """Share of non-PII words lost in messages with PII."""
        return self.other_words_lost / self.other_words if self.other_words else 0.0


def score_anonymizer(
    rows: Iterable[Mapping[str, object]],
    predictions: Mapping[str, Sequence[tuple[int, int]]],
    outputs: Mapping[str, str],
) -> LeakReport:
    """Score predicted spans and output texts against gold rows of the corpus.

    Args:
        rows: corpus rows with ``id``, ``text`` and ``entities`` (gold spans).
        predictions: id → redacted ``(start, end)`` spans in the original text.
        outputs: id → output text (to check that PII-free messages come back unchanged).
    """
    report = LeakReport()
    for row in rows:
        ident, text = str(row["id"]), str(row["text"])
        gold = row["entities"]
        assert isinstance(gold, list)
        spans = predictions.get(ident, ())
        covered = bytearray(len(text))
        for start, end in spans:
            covered[start:end] = b"\x01" * (end - start)
        if not gold:
            report.clean_messages += 1
            if outputs.get(ident, text) != text:
                report.clean_changed += 1
                report.false_positives.append((ident, text, ", ".join(text[s:e] for s, e in spans)))
            continue
        in_gold = bytearray(len(text))
        for entity in gold:
            kind, start, end = str(entity["type"]), int(entity["start"]), int(entity["end"])
            in_gold[start:end] = b"\x01" * (end - start)
            report.gold[kind] = report.gold.get(kind, 0) + 1
            if any(text[i].isalnum() and not covered[i] for i in range(start, end)):
                report.leaked[kind] = report.leaked.get(kind, 0) + 1
                report.leaks.append((ident, kind, text[start:end]))
                if any(text[i].isalnum() and covered[i] for i in range(start, end)):
                    report.partial[kind] = report.partial.get(kind, 0) + 1
        for match in _WORD.finditer(text):
            if any(in_gold[match.start() : match.end()]):
                continue
            report.other_words += 1
            if any(covered[match.start() : match.end()]):
                report.other_words_lost += 1
                report.false_positives.append((ident, text, match.group()))
    return report


@dataclass
class SensitivityReport:
    """Classifier scores on a corpus."""

    sensitive: int = 0
    found: int = 0
    neutral: int = 0
    flagged: int = 0
    near_misses: int = 0
    near_flagged: int = 0
    category_hits: int = 0
    category_total: int = 0
    # The texts themselves stay out of repr(): a failing test's report must not print a
    # held-out set's messages.
    misses: list[tuple[str, str]] = field(default_factory=list, repr=False)
    false_alarms: list[tuple[str, str]] = field(default_factory=list, repr=False)
    #: Per category: [true positives, false positives, false negatives].
    per_category: dict[str, list[int]] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        """Share of sensitive messages flagged sensitive."""
        return self.found / self.sensitive if self.sensitive else 1.0

    @property
    def false_positive_rate(self) -> float:
        """Share of neutral messages (near-misses included) flagged sensitive."""
        return self.flagged / self.neutral if self.neutral else 0.0

    @property
    def category_recall(self) -> float:
        """Share of gold categories that were also predicted."""
        return self.category_hits / self.category_total if self.category_total else 1.0

    @property
    def neutral_fpr(self) -> float:
        """Share of plain neutral messages (not near-misses) flagged sensitive."""
        plain = self.neutral - self.near_misses
        return (self.flagged - self.near_flagged) / plain if plain else 0.0

    @property
    def near_miss_fpr(self) -> float:
        """Share of near-misses flagged sensitive."""
        return self.near_flagged / self.near_misses if self.near_misses else 0.0

    def f1(self, category: str) -> float:
        """F1 of one category over all messages (multi-label)."""
        tp, fp, fn = self.per_category.get(category, [0, 0, 0])
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    def macro_f1(self, categories: Sequence[str]) -> float:
        """Mean F1 over the categories."""
        return sum(self.f1(c) for c in categories) / len(categories) if categories else 0.0

    def category_recall_of(self, category: str) -> float:
        """Share of messages with this gold category that were given it."""
        tp, _, fn = self.per_category.get(category, [0, 0, 0])
        return tp / (tp + fn) if tp + fn else 1.0


def score_classifier(
    rows: Iterable[Mapping[str, object]], predicted: Mapping[str, Sequence[str]]
) -> SensitivityReport:
    """Score predicted categories (id → categories, empty when neutral) against gold rows."""
    report = SensitivityReport()
    for row in rows:
        ident, text = str(row["id"]), str(row["text"])
        gold = row["categories"]
        assert isinstance(gold, list)
        got = set(predicted.get(ident, ()))
        for category in got | set(gold):
            counts = report.per_category.setdefault(category, [0, 0, 0])
            if category in got and category in gold:
                counts[0] += 1
            elif category in got:
                counts[1] += 1
            else:
                counts[2] += 1
        if gold:
            report.sensitive += 1
            report.category_total += len(gold)
            report.category_hits += len(got & set(gold))
            if got:
                report.found += 1
            else:
                report.misses.append((ident, text))
        else:
            report.neutral += 1
            report.near_misses += bool(row.get("near_miss"))
            if got:
                report.flagged += 1
                report.near_flagged += bool(row.get("near_miss"))
                report.false_alarms.append((ident, text))
    return report
