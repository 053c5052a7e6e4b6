from __future__ import annotations

import pytest

from app.core.privacy.sensitivity import CATEGORIES, classify, classify_conversation


@pytest.mark.parametrize(
    "text",
    [
        "Explain the causes of the Great Depression.",
        "How do I model a relationship between two SQL tables?",
        "Which Python finance library is best for stock prices?",
        "Any plans for the bank holiday weekend?",
        "Summarise the history of the Reformation.",
        "Give me a recipe for lentil soup.",
        "Was war die Weltwirtschaftskrise 1929?",
        "Comment créer une relation entre deux tables SQL ?",
        "Receta de paella valenciana.",
        "Convert this string to an int, I keep getting a ValueError.",
        "Oh my god, my build finally passed!",
    ],
)
def test_near_misses_are_neutral(text):
    assert classify(text).categories == ()
    assert not classify(text).sensitive


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I've been feeling depressed for weeks.", "mental_health"),
        ("Meine Frau will die Scheidung.", "relationships"),
        ("Tengo muchas deudas y no llego a fin de mes.", "finances"),
        ("Mi hanno diagnosticato il diabete.", "health"),
        ("Ik ben homo en durf het niet te vertellen.", "sexuality"),
        ("Chcę dokonać apostazji.", "religion"),
        ("Em quem votar nas legislativas?", "politics"),
    ],
)
def test_each_category_is_found(text, category):
    result = classify(text)
    assert category in result.categories
    assert result.sensitive


def test_categories_come_in_canonical_order_and_a_conversation_is_their_union():
    result = classify_conversation(["My chronic pain is making me depressed.", "Hi!", ""])
    assert result.categories == ("mental_health", "health")
    assert set(result.categories) <= set(CATEGORIES)
    assert classify_conversation([]).categories == ()
