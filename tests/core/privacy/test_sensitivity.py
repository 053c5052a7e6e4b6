from __future__ import annotations

import pytest

from app.core.privacy.sensitivity import CATEGORIES, classify, classify_conversation
from app.core.privacy.sensitivity_rules import evidence, tokens_of


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


@pytest.mark.parametrize(
    "text",
    [
        "std = np.std(values)",
        "print(np.std(values, ddof=1))",
        "sex = df['sex'].map({'M': 0, 'F': 1})",
        "df.groupby('sex').mean() returns NaN for one group, why?",
        "if sex == 'F':\n    count += 1",
        "CREATE TABLE relationship (id INTEGER PRIMARY KEY, person_id INTEGER);",
        "SELECT * FROM relationship JOIN person ON person.id = relationship.person_id;",
        'Traceback (most recent call last):\n  File "app.py", line 3, in <module>\n'
        "    main()\nRuntimeError: depression_score out of range",
        "```python\ndef abortion_rate(x):\n    return x.debt / x.income\n```",
        "Why does `user.sexuality` come back as None?",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.",
    ],
)
def test_code_and_technical_text_are_not_sensitive(text):
    result = classify(text)
    assert result.categories == (), result.reason


def test_prose_around_code_still_counts():
    text = "My therapist says my depression is getting worse.\n```\nx = np.std(v)\n```"
    assert "mental_health" in classify(text).categories


def test_each_category_comes_with_a_reason_in_words():
    result = classify("I've been feeling depressed and hopeless for weeks.")
    assert result.categories
    assert len(result.reasons) == len(result.categories)
    assert result.reasons[0].startswith("Mental health:")
    assert "“" in result.reasons[0]
    assert result.reason == " ".join(result.reasons)
    assert classify("Give me a recipe for lentil soup.").reason == ""


def test_a_conversation_says_which_message_and_why():
    result = classify_conversation(
        ["How do I sort a list in Python?", "Also, my divorce papers came today and I feel awful."]
    )
    assert "relationships" in result.categories
    reason = result.reasons[result.categories.index("relationships")]
    assert reason.startswith("Message 2: Relationships:")


def test_the_model_loads_on_first_use_and_never_needs_numpy():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from app.core.privacy import sensitivity, sensitivity_model\n"
        "assert sensitivity_model.load.cache_info().currsize == 0\n"
        "assert sensitivity.classify('My knee hurts since the fall.').sensitive\n"
        "assert sensitivity_model.load.cache_info().currsize == 1\n"
        "assert 'numpy' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_leaving_the_reasons_out_gives_the_same_categories():
    for text in ("My knee hurts since the fall.", "My wife wants a divorce.", "Soup recipe?"):
        assert classify(text, explain=False).categories == classify(text).categories
        assert classify(text, explain=False).reasons == ()


def test_a_category_far_below_the_leading_one_does_not_apply_unless_a_rule_found_it():
    from app.core.privacy.sensitivity_model import Head

    head = Head(("a", "b", "c"), (0.0, 0.0, 0.0), {}, (0.0, 1.0, 2.0), margin=1.0)
    assert head.decide([3.0, 1.5, 2.0]) == [0]
    assert head.decide([3.0, 3.5, 2.0]) == [0, 1]
    assert head.decide([3.0, 1.5, 2.0], [False, True, False]) == [0, 1]
    # Below its threshold a category never applies, found by a rule or not.
    assert head.decide([3.0, 0.5, 1.0], [False, True, True]) == [0]
    assert head.decide([-1.0, 0.5, 1.0]) == []


def test_a_short_message_is_held_to_the_short_thresholds():
    from app.core.privacy.sensitivity_model import Head

    head = Head(("a", "b"), (0.0, 0.0), {}, (1.0, 1.0), short_thresholds=(2.0, 0.5))
    assert head.decide([1.5, 0.7]) == [0]
    assert head.decide([1.5, 0.7], short=True) == [1]
    # A head trained without short thresholds holds short messages to the others.
    plain = Head(("a", "b"), (0.0, 0.0), {}, (1.0, 1.0))
    assert plain.decide([1.5, 0.7], short=True) == [0]


def test_the_model_judges_short_messages_but_not_stop_words_or_code():
    from app.core.privacy.sensitivity import analyse, model_judges

    short = analyse("haven't left my room in days")
    assert short.short and model_judges(short)
    assert not model_judges(analyse("shorter"))
    assert not model_judges(analyse("And if it rains?"))
    assert not model_judges(analyse("fix this pandas KeyError"))
    # A rule's term makes a message long enough: the long thresholds hold.
    found = analyse("my divorce")
    assert model_judges(found) and not found.short


@pytest.mark.parametrize(
    "text",
    [
        "make it shorter",
        "and in french?",
        "And if it rains?",
        "thanks, that works",
        "now as a table please",
        "std = np.std(x)?",
        "df['sex'].value_counts()",
        "rename the relationship column",
    ],
)
def test_short_follow_ups_and_short_code_are_not_sensitive(text):
    assert classify(text).categories == (), classify(text).reason


def test_a_long_message_is_cut_into_sentences_and_short_ones_join_a_neighbour():
    from app.core.privacy.sensitivity import analyse

    signals = analyse(
        "Hi there. I need a checklist for moving flat next month please. "
        "Also my wife left me last week and I cannot sleep."
    )
    # "Hi there" (two words) joins the sentence after it.
    assert [signals.words[i] for i in signals.breaks] == ["also"]
    # A decimal point or a short message ends no sentence.
    assert analyse("The rate went from 3.5 to 4.25 percent over the last two years").breaks == ()
    assert analyse("Fine. Thanks. Bye.").breaks == ()


def test_the_best_sentence_is_mixed_into_a_long_messages_logits():
    import array
    import dataclasses

    from app.core.privacy.sensitivity_model import Head, Model, Pieces

    # Two categories; "▁sad" scores 4 for the first, every other piece 0 (personal half 0).
    pieces = Pieces(["▁sad", "▁a", "▁b", "▁c"])
    table = array.array("f", [4.0, 0, 0, 0] + [0.0] * 12)
    head = Head(("x", "y"), (0.0, 0.0), {}, (1.0, 1.0), pooling=1.0, sentence_mix=0.5)
    model = Model(pieces, [], table, head)
    words = ["a", "b", "c", "a", "b", "c", "sad", "a"]
    whole = model.logits(words, False, {})
    assert whole == pytest.approx([4 / 8, 0.0])
    # Sentences "a b c a b c" and "sad a": the best one scores 4 / 2 for the first category.
    mixed = model.logits(words, False, {}, breaks=(6,))
    assert mixed == pytest.approx([0.5 * 4 / 8 + 0.5 * 4 / 2, 0.0])
    off = Model(pieces, [], table, dataclasses.replace(head, sentence_mix=0.0))
    assert off.logits(words, False, {}, breaks=(6,)) == pytest.approx(whole)


# Ordinary errands that name a person and an everyday object: the kind of text the GUI suite
# sends ("Also tell Margaret Thornton the mast is fixed." was flagged as sexuality, 38% sure, by
# a candidate model whose sexuality cut sat far below even odds; see FLOOR in
# tools/train_sensitivity.py). Names and nouns split into word pieces whose scores are noise to
# the model, so a whole family is checked, not one sentence. Written before any model was
# scored on them; never used in training.
_ERRANDS = (
    "Also tell {name} the {thing} is fixed.",
    "Please ask {name} to bring the {thing} back on Monday.",
    "{name} says the {thing} arrived this morning.",
    "Remind {name} that the {thing} needs a new coat of paint.",
    "Could you let {name} know the {thing} is in the garage?",
    "Send {name} a note that the {thing} was delivered.",
)
_NAMES = (
    "Margaret Thornton",
    "David Okafor",
    "Priya Raman",
    "Lukas Becker",
    "Sofia Moreno",
    "Tomasz Nowak",
    "Chloé Martin",
    "Jan de Vries",
    "Giulia Rossi",
    "Ana Ferreira",
)
_THINGS = ("mast", "boiler", "printer", "bike", "gate", "fridge", "ladder", "van")


def test_ordinary_errands_with_names_and_everyday_nouns_are_not_sensitive():
    texts = [
        template.format(name=name, thing=thing)
        for template in _ERRANDS
        for name in _NAMES
        for thing in _THINGS
    ]
    flagged = [(t, classify(t).reason) for t in texts if classify(t, explain=False).sensitive]
    # 480 texts; none is about the writer's life, so at most a stray one of them may be flagged
    # (the neutral-FPR target is 5%).
    assert len(flagged) <= len(texts) // 200, flagged


# False positives of sessions 8 and 9's models (issue 14), found when a GUI test's follow-up
# message ("the mast is fixed") cost its conversation its place in the store: a short errand
# naming a full name scored as sexuality or health. Held as strict known failures until the
# seventeen-writer model (classify12, writer q's everyday messages naming people) stopped
# flagging them; now plain guards.
@pytest.mark.parametrize(
    "text",
    [
        "Also tell Margaret Thornton the mast is fixed.",
        "Also tell Margaret Thornton the trailer is booked.",
    ],
)
def test_a_short_errand_naming_someone_is_not_sensitive(text):
    assert not classify(text, explain=False).sensitive, classify(text).reason


# Writer s's everyday neutral messages: sleepless from joy, not from worry. The personal
# mental-health sleep terms stand down when excitement is named within the same few words.
@pytest.mark.parametrize(
    "text",
    [
        "My wife is presenting at a conference for the first time. Can't sleep, I'm too excited.",
        "Mi padre tiene una entrevista el lunes. No puedo dormir de la emoción.",
        "no puedo dormir, mañana salimos para Asturias a las 5 y estoy emocionadísimo jaja",
        "Moja przyjaciółka ma szczeniaka. Nie mogę spać z ekscytacji.",
        "Mio marito ha un colloquio lunedì. Non riesco a dormire dall'emozione.",
    ],
)
def test_sleepless_from_excitement_is_no_mental_health_term(text):
    assert "mental_health" not in evidence(tokens_of(text)).personal


@pytest.mark.parametrize(
    "text",
    [
        "I can't sleep since my father died, I keep going over it.",
        "No puedo dormir desde que perdí el trabajo, estoy agotada.",
        "Nie mogę spać od tygodni, ciągle myślę o długach.",
    ],
)
def test_sleepless_from_worry_is_still_a_mental_health_term(text):
    assert "mental_health" in evidence(tokens_of(text)).personal
