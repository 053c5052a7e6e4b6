"""Sensitive-topic classifier for eight languages: a learned model joined with precise rules.

The categories: mental health, relationships, finances, health, sexuality, religion and
politics. A message is judged in three steps:

1. Code and technical text are removed (:mod:`app.core.privacy.technical`): ``np.std``, a
   ``sex`` column or a SQL ``relationship`` table say nothing about the writer.
2. The term rules (:mod:`app.core.privacy.sensitivity_rules`) note precise evidence: strong
   terms ("chemotherapy"), personal terms in a personal context ("my salary") and context that
   cancels them (an economic "depression", a history question).
3. The learned model (:mod:`app.core.privacy.sensitivity_model`) scores each category from
   pretrained word embeddings, so words no rule lists count too ("sciatica", "canvassing"),
   with the rules' findings as features. A category applies when its score passes the
   threshold chosen at training time.

Every decision comes with a reason in words: the rule term and the words that weighed most.
A conversation is sensitive when any of its messages is, and says which message and why.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.core.privacy import sensitivity_model, technical
from app.core.privacy.lexicon import stop_words
from app.core.privacy.sensitivity_rules import CATEGORIES, RuleEvidence, evidence, tokens_of

__all__ = [
    "CATEGORIES",
    "LABELS",
    "Classification",
    "Signals",
    "analyse",
    "classify",
    "classify_conversation",
]

#: Fewer words than this make a short message: the model judges it against thresholds of its
#: own (a mean of a few word scores is noisier than a long message's), chosen with the others
#: by leave-one-writer-out validation. Before, short messages were left to the rules, which
#: find 24% of the short sensitive ones out of fold; their own thresholds find 49%, and raise
#: recall over the seven writers at the same pooled false-positive limits (74.7% -> 78.3%,
#: macro-F1 0.653 -> 0.670; with the long messages' thresholds: 76.1%, 0.670).
SHORT_WORDS = 8

#: A short message with fewer words than this outside the stop words is left to the rules
#: ("thanks!", "And if it rains?"): the scores of "if" and "it" are training accidents, and
#: alone they decide. Leave one writer out, the floor costs nothing (recall 77.9% -> 78.3%,
#: macro-F1 0.669 -> 0.670).
MIN_CONTENT_WORDS = 2

#: A sentence is scored on its own (see ``sensitivity_model.Model.logits``) when it has at
#: least this many words; a shorter one joins its neighbour.
MIN_SENTENCE_WORDS = 4

# The end of a sentence or clause: the punctuation that ends one, or a line break.
_SENTENCE_END = re.compile(r"[.!?;…]+(?=\s|$)|\n+")

#: How each category is named to a person.
LABELS = {
    "mental_health": "mental health",
    "relationships": "relationships",
    "finances": "finances",
    "health": "health",
    "sexuality": "sexuality",
    "religion": "religion",
    "politics": "politics",
}


@dataclass(frozen=True, slots=True)
class Classification:
    """The sensitive categories of a message or conversation (empty when neutral).

    ``reasons`` holds one sentence per category, in the same order, saying why.
    """

    categories: tuple[str, ...]
    reasons: tuple[str, ...] = ()

    @property
    def sensitive(self) -> bool:
        """Whether any category applies."""
        return bool(self.categories)

    @property
    def reason(self) -> str:
        """All the reasons as one text (empty when neutral)."""
        return " ".join(self.reasons)


@dataclass(frozen=True, slots=True)
class Signals:
    """What the model sees of one message (training uses the same)."""

    words: list[str]
    personal: bool
    features: dict[str, float]
    rules: RuleEvidence
    #: A request about code or data tooling ("a Python script that totals my CSV").
    asks_for_code: bool = False
    #: Fewer than ``SHORT_WORDS`` words and no rule term: judged against the short thresholds.
    short: bool = False
    #: Short, and fewer than ``MIN_CONTENT_WORDS`` words outside the stop words.
    brief: bool = False
    #: Where each sentence after the first starts, as an index into ``words`` (empty: one).
    breaks: tuple[int, ...] = ()


# Exclamations that name God say nothing about the writer's faith ("oh my god, it compiles").
_EXCLAMATION = re.compile(
    r"\b(?:oh\s+(?:my\s+)?god|omg|thank\s+god|good\s+lord|oh\s+lord|mein\s+gott|gott\s+sei\s+dank"
    r"|(?:oh\s+)?mon\s+dieu|dieu\s+merci|dios\s+m[ií]o|gracias\s+a\s+dios|oddio|mio\s+dio"
    r"|grazie\s+a\s+dio|(?:o\s+)?mijn\s+god|godzijdank|(?:o\s+)?m[óo]j\s+bo[żz]e|dzi[ęe]ki\s+bogu"
    r"|meu\s+deus|gra[çc]as\s+a\s+deus)\b",
    re.IGNORECASE,
)


# Every exclamation above holds one of these (a substring test is far cheaper than the search).
_EXCLAMATION_HINTS = ("god", "omg", "lord", "gott", "dieu", "dio", "boż", "boz", "bog", "deus")


def feature_names() -> list[str]:
    """The rule features, in the order the head stores them."""
    names = [f"strong:{c}" for c in CATEGORIES] + [f"personal:{c}" for c in CATEGORIES]
    return [*names, "first_person", "people", "educational"]


def analyse(text: str) -> Signals:
    """Remove code, run the rules and cut the words the model scores."""
    clean = technical.prose(text)
    lowered = clean.lower()
    if any(hint in lowered for hint in _EXCLAMATION_HINTS):
        clean = _EXCLAMATION.sub(" ", clean)
        lowered = clean.lower()
    rules = evidence(tokens_of(clean))
    features: dict[str, float] = {}
    for category in rules.strong:
        features[f"strong:{category}"] = 1.0
    for category in rules.personal:
        features[f"personal:{category}"] = 1.0
    if rules.first_person:
        features["first_person"] = 1.0
    if rules.people:
        features["people"] = 1.0
    if rules.educational:
        features["educational"] = 1.0
    words = sensitivity_model.WORD.findall(lowered)
    found = bool(rules.strong or rules.personal)
    short = len(words) < SHORT_WORDS and not found
    brief = short and _content_words(words) < MIN_CONTENT_WORDS
    # Only asked where it can matter (see model_judges): the search costs a pass over the text.
    code = not (found or brief) and technical.asks_for_code(text)
    breaks = _breaks(lowered) if len(words) >= 2 * MIN_SENTENCE_WORDS else ()
    personal = rules.first_person or rules.people
    return Signals(words, personal, features, rules, code, short, brief, breaks)


def _breaks(lowered: str) -> tuple[int, ...]:
    # A sentence shorter than MIN_SENTENCE_WORDS joins the one before (the first: the next).
    sizes: list[int] = []
    for part in _SENTENCE_END.split(lowered):
        n = len(sensitivity_model.WORD.findall(part))
        if sizes and (n < MIN_SENTENCE_WORDS or sizes[-1] < MIN_SENTENCE_WORDS):
            sizes[-1] += n
        elif n:
            sizes.append(n)
    starts = list(itertools.accumulate(sizes[:-1]))
    return tuple(starts)


def _content_words(words: list[str]) -> int:
    stop = stop_words()
    return sum(word not in stop for word in words)


def model_judges(signals: Signals) -> bool:
    """Whether the learned model may judge a message (otherwise the rules alone do).

    A short message with fewer than ``MIN_CONTENT_WORDS`` words outside the stop words, or a
    request about code or data tooling (the labelling policy calls it technical), is left to
    the rules unless a rule finds a term. A short message (``Signals.short``) is judged
    against the head's short thresholds.
    """
    if signals.rules.strong or signals.rules.personal:
        return True
    return not (signals.brief or signals.asks_for_code)


def judges(text: str) -> tuple[bool, bool]:
    """:func:`model_judges` of a raw message, and whether it is short (training uses both)."""
    signals = analyse(text)
    return model_judges(signals), signals.short


def classify(text: str, *, explain: bool = True) -> Classification:
    """The sensitive categories of one message, each with its reason.

    ``explain=False`` leaves the reasons out (the JSON-lines filter has no use for them).
    """
    signals = analyse(text)
    if not model_judges(signals):
        return Classification(())
    model = sensitivity_model.load()
    logits = model.logits(signals.words, signals.personal, signals.features, signals.breaks)
    head = model.head
    categories: list[str] = []
    reasons: list[str] = []
    strong = [category in signals.rules.strong for category in head.categories]
    for k in head.decide(logits, strong, short=signals.short):
        category = head.categories[k]
        categories.append(category)
        if explain:
            shares = model.shares(signals.words, signals.personal, k)
            reasons.append(_reason(category, logits[k], shares, signals.rules))
    if not explain:
        return Classification(tuple(c for c in CATEGORIES if c in categories))
    order = {c: i for i, c in enumerate(CATEGORIES)}
    pairs = sorted(zip(categories, reasons, strict=True), key=lambda p: order[p[0]])
    return Classification(tuple(c for c, _ in pairs), tuple(r for _, r in pairs))


def _reason(
    category: str, logit: float, shares: list[tuple[str, float]], rules: RuleEvidence
) -> str:
    seen: set[str] = set()
    top: list[str] = []
    for word, share in sorted(shares, key=lambda ws: -ws[1]):
        if share <= 0 or len(top) == 3:
            break
        if word not in seen:
            seen.add(word)
            top.append(f"“{word}”")
    parts = []
    term = rules.strong.get(category) or rules.personal.get(category)
    if term:
        parts.append(f"the term “{term.rstrip('*')}”")
    if top:
        parts.append("the words " + ", ".join(top))
    why = " and ".join(parts) if parts else "the message as a whole"
    confidence = round(100 * sensitivity_model.sigmoid(logit))
    return f"{LABELS[category].capitalize()}: {why} ({confidence}% sure)."


def classify_conversation(messages: Iterable[str]) -> Classification:
    """A conversation's categories: those of any of its messages, with the first reason each."""
    reasons: dict[str, str] = {}
    for number, message in enumerate(messages, 1):
        result = classify(message)
        for category, reason in zip(result.categories, result.reasons, strict=True):
            reasons.setdefault(category, f"Message {number}: {reason}")
    ordered = [c for c in CATEGORIES if c in reasons]
    return Classification(tuple(ordered), tuple(reasons[c] for c in ordered))
