"""The substring gates in front of slow patterns never skip a message the pattern would match."""

from __future__ import annotations

import functools
import gzip
import json
import re
import string
import sys
from pathlib import Path

import pytest

from app.core.privacy import anonymize, chat_handles, names, patterns
from app.core.privacy.anonymize import detect
from app.core.privacy.prefilter import (
    FOLDS_ONTO_ASCII,
    digit_runs,
    holds_word,
    may_contain,
    may_hold_word,
    stems_pattern,
)

DATA = Path(__file__).resolve().parents[2] / "data"


def test_the_characters_that_fold_onto_ascii_letters_are_all_listed():
    every = "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp < 0xE000)
    unexpected = {
        c
        for letter in string.ascii_lowercase
        for c in re.findall(letter, every, re.IGNORECASE)
        if c.lower() != letter
    }
    assert unexpected == set(FOLDS_ONTO_ASCII)


def test_may_contain_is_case_blind_and_never_skips_a_folding_character():
    assert may_contain("Mein SITIO web", ("sitio",))
    assert not may_contain("nothing to see", ("sitio", "born"))
    assert may_contain("İnstagram: lale", ("insta",))  # İ folds onto i for the pattern
    assert patterns.speaks_of_birth("BORN on the 4th")
    assert not patterns.speaks_of_birth("the meeting is on the 4th")


@functools.cache
def _texts() -> tuple[str, ...]:
    out = []
    for path in sorted(DATA.glob("pii_train_[a-z].jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            out += [json.loads(line)["text"] for line in stream if line.strip()]
    for name in ("pii_dev.jsonl", "pii_train_sample.jsonl", "sensitivity_dev.jsonl"):
        with (DATA / name).open(encoding="utf-8") as stream:
            out += [json.loads(line)["text"] for line in stream if line.strip()]
    return tuple(out)


GATES = [
    ("login in words", chat_handles._LOGIN_STEMS, chat_handles._LOGIN_AS),
    ("handle by its verb", chat_handles._BY_VERB_STEMS, chat_handles._BY_VERB),
    ("birth words", patterns._BIRTH_WORD_STEMS, patterns._BIRTH_WORDS),
    ("birth cue", patterns._BIRTH_CUE_STEMS, patterns._BIRTH_CUE_RE),
    ("birth date after a cue", patterns._BIRTH_CUE_STEMS, patterns._DOB_AFTER),
    ("birth date before 'born'", ("born", "geboren"), patterns._DOB_BEFORE),
    ("site word", patterns._SITE_STEMS, patterns._SITE_WORD),
    ("answer to a who question", anonymize._WHO_STEMS, anonymize._WHO_ANSWER),
]


def test_every_question_word_of_the_who_answer_holds_a_gate_stem():
    # The question words as the pattern spells them: each one must reach the scan.
    words = "who whom whose wer wen wem qui quién quien quiénes chi wie kto komu kogo quem"
    for word in words.split():
        question = f"{word.upper()} signs it? Kowalczyk."
        assert anonymize._WHO_ANSWER.search(question), word
        assert may_contain(question, anonymize._WHO_STEMS), word


@pytest.mark.parametrize(("name", "stems", "pattern"), GATES, ids=[g[0] for g in GATES])
def test_no_message_the_pattern_matches_is_skipped_by_its_gate(name, stems, pattern):
    matched = [t for t in _texts() if pattern.search(t)]
    assert matched, f"the corpus has no {name} at all: the test would prove nothing"
    assert [t for t in matched if not may_contain(t, stems)] == []


WORD_GATES = [
    ("date in words", patterns._MONTH_WORDS, (), patterns._word_date()),
    (
        "platform handle",
        chat_handles._PLATFORM_HANDLE_WORDS,
        chat_handles._PREFIXED_PLATFORMS,
        chat_handles._PLATFORM_HANDLE,
    ),
    ("platform user", patterns._PLATFORM_USER_WORDS, (), patterns._PLATFORM_USER),
    (
        "chat about games",
        chat_handles._GAMING_WHOLE_WORDS,
        chat_handles._GAMING_PREFIXES,
        chat_handles._GAMING,
    ),
    ("question about a public figure", names._PUBLIC_CUE_WORDS, (), names._PUBLIC_CUE),
]


@pytest.mark.parametrize(
    ("name", "words", "prefixes", "pattern"), WORD_GATES, ids=[g[0] for g in WORD_GATES]
)
def test_no_message_the_pattern_matches_is_skipped_by_its_word_gate(name, words, prefixes, pattern):
    matched = [t for t in _texts() if pattern.search(t)]
    assert matched, f"the corpus has no {name} at all: the test would prove nothing"
    assert [t for t in matched if not holds_word(t, words, prefixes)] == []
    if not prefixes:
        assert [t for t in matched if not may_hold_word(t, words)] == []


def test_every_platform_and_field_word_passes_the_word_gates_where_its_pattern_matches():
    # Each word the patterns spell out, in a message of its own: the gate must let it through.
    spelled = [
        *["discord", "discordzie", "twitch", "twitchtv", "insta", "instagram", "snapchat"],
        *["battle.net", "battlenet", "gamer tag", "gamertag", "epic games", "xbox live"],
        *chat_handles._PLATFORM_WORDS,
        *chat_handles._FIELD_WORDS,
    ]
    for word in spelled:
        for text in (f"my {word}: kowal_99", f"my {word.upper()} = kowal_99"):
            if chat_handles._PLATFORM_HANDLE.search(text):
                assert holds_word(
                    text, chat_handles._PLATFORM_HANDLE_WORDS, chat_handles._PREFIXED_PLATFORMS
                ), text
            if chat_handles._GAMING.search(text):
                assert holds_word(
                    text, chat_handles._GAMING_WHOLE_WORDS, chat_handles._GAMING_PREFIXES
                ), text
    for word in ["drużyna", "jugadores", "giocatori", "gracze", "jogadores", "spelers", "teams"]:
        text = f"the {word} tonight"
        assert chat_handles._GAMING.search(text), word
        assert holds_word(text, chat_handles._GAMING_WHOLE_WORDS, chat_handles._GAMING_PREFIXES)
    assert not holds_word("a teammate", chat_handles._GAMING_WHOLE_WORDS, ("drużyn",))


def test_the_word_gate_takes_whole_words_in_any_case_and_folding_characters():
    months = patterns._MONTH_WORDS
    assert may_hold_word("born on the 3rd of MARCH", months)
    assert may_hold_word("am 3. März", months)
    assert not may_hold_word("the market in Marchena, on Mayday", months)
    assert not may_hold_word("12march", months)
    assert may_hold_word("ıanuary", frozenset(["january"]))  # ı folds onto i for the pattern
    assert not patterns.dates_in("the market in Marchena, on Mayday")
    assert patterns.dates_in("the 3rd of MARCH") == [(0, 16)]


def test_the_stems_pattern_finds_any_stem_as_a_substring_search_would():
    stems = ("born", "birth", "bday", "b-day", "bi", " id", "id", "ur.")
    for text in ("reborn", "a bit", "b-day!", "did it", "our.", "nothing here", "", "birthday"):
        expected = any(stem in text for stem in stems)
        assert (stems_pattern(stems).search(text) is not None) is expected, text
    assert stems_pattern(()).search("anything") is None


def test_identity_numbers_gated_by_their_runs_of_digits_are_still_found():
    text = (
        "NI number QQ 12 34 56 C, codice fiscale RSSMRA85T10A562S, DNI 48291573Z, "
        "PAN ABCPE1234F, CPF 529.982.247-25."
    )
    found = {text[e.start : e.end] for e in detect(text) if e.type == "GOV_ID"}
    assert {"QQ 12 34 56 C", "RSSMRA85T10A562S", "48291573Z", "ABCPE1234F"} <= found
    assert "529.982.247-25" in found


def test_every_public_figure_cue_passes_its_word_gate():
    # Each cue the pattern spells out, in a message of its own and in capitals: the gate
    # must let it through, and the message's public spans are found as before the gate.
    cues = [
        *["who was", "wer ist", "qui était", "quién fue", "chi era", "wie is", "kim był"],
        *["quem foi", "biography of", "biografía de", "life of", "vida de", "życiorys"],
        *["quand est née", "cuándo nació", "quando è nata", "kiedy urodziła się"],
        *["which books did", "welche bücher hat", "jakie książki napisała", "wanneer is"],
    ]
    for cue in cues:
        for text in (f"{cue} Ada Lovelace geboren?", f"{cue.upper()} ADA LOVELACE GEBOREN?"):
            assert names._PUBLIC_CUE.search(text), text
            assert holds_word(text, names._PUBLIC_CUE_WORDS), text
            assert names.public_spans(text), text
    assert not holds_word("whom to ask, whoever", names._PUBLIC_CUE_WORDS)
    folded = "KİM BYŁ Ada"  # "İ" matches "i" for the pattern: the gate lets it through
    assert names._PUBLIC_CUE.search(folded)
    assert names.public_spans(folded) == [(8, 9)]


def test_digit_runs_counts_every_digit_and_the_lengths_of_their_runs():
    assert digit_runs("") == (0, frozenset())
    assert digit_runs("call 06 12 34 56 78 or +49 30 123456") == (20, frozenset({2, 6}))
    assert digit_runs("١٢٣ and 4") == (4, frozenset({3, 1}))  # any script's digits, as \\d
    assert digit_runs("AB-1234-x") == (4, frozenset({4}))


def test_the_prefix_gate_passes_exactly_the_messages_with_a_word_starting_with_a_prefix():
    prefixes = chat_handles._GAMING_PREFIXES
    with (DATA / "pii_dev.jsonl").open(encoding="utf-8") as stream:
        texts = [json.loads(line)["text"] for line in stream]
    texts += ["Discordzie: x", "my DISCORD", "twitch.tv/x", "jugadora", "", "!!", "un gracz"]
    texts += ["undiscordant", "ex-twitcher", "a_discord"]
    passed = 0
    for text in texts:
        words = frozenset(re.findall(r"\w+", text.lower()))
        expected = any(word.startswith(prefixes) for word in words)
        expected = expected or (not text.isascii() and any(c in text for c in FOLDS_ONTO_ASCII))
        assert holds_word(text, frozenset(), prefixes) is expected, text[:40]
        passed += expected
    assert 7 <= passed < len(texts)
    assert not holds_word("", frozenset(), ("",))
    assert holds_word("a b", frozenset(), ("",))
