"""Names in everyday chat: speakers of a pasted chat, rivals of fictional figures, features."""

from __future__ import annotations

import pytest

from app.core.privacy.anonymize import redact
from app.core.privacy.features import word_features
from app.core.privacy.job_titles import job_title
from app.core.privacy.name_edges import bare_speakers
from app.core.privacy.name_lists import list_mates, other_mentions
from app.core.privacy.names import public_spans


def _speakers(text: str) -> list[str]:
    return [text[s:e] for _, s, e in bare_speakers(text, [])]


def test_speakers_of_a_chat_without_times():
    text = "Halima: ok who's doing what\nIdris: i'll do the lamb\nSumaya: desserts\nHalima: ok"
    # "Idris" is also an ordinary word somewhere and speaks once: left to the tagger.
    assert _speakers(text) == ["Halima", "Sumaya", "Halima"]
    text = "Ife: are we still on for brunch\nCarla: yes 11\nIfe: Sven coming?"
    assert _speakers(text) == ["Ife", "Carla", "Ife"]


@pytest.mark.parametrize(
    "text",
    [
        "Name: Anna Kowalska\nTel: 0612345678\nEmail: a@b.pl",
        "Mum: dinner at 6\nDad: ok",
        "Notulen\nAanwezig: Fatima, Ronny\nAfwezig: Matthijs\n- Fatima: offerte opvragen",
    ],
)
def test_labels_and_kin_are_no_speakers(text):
    said = _speakers(text)
    assert not {"Name", "Tel", "Email", "Mum", "Dad", "Aanwezig", "Afwezig"} & set(said)


def test_a_rival_of_a_fictional_figure_is_one_too():
    text = "ok so who would win, Luigi or Walter White? my kid keeps asking"
    assert redact(text).text == text
    # Two private people set against each other stay people.
    assert "Anna" not in redact("is Anna or Maria older?").text
    assert public_spans("is Anna or Maria older?") == []


def test_holidays_at_a_sentence_start_are_kept():
    text = "Silvester mit beiden Familien, wie machen wir alle glücklich?"
    assert redact(text).text == text


def test_genitive_and_polish_surname_features():
    assert "gen" in word_features("Birgits")[0]
    assert "gen" not in word_features("Thomas")[0]  # a first name itself
    assert "psn" in word_features("Kowalskich")[0]
    assert "psn" not in word_features("always")[0]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Soy Scrum Master en Galp, ayúdame con mi perfil", "Scrum Master"),
        ("Je suis Chief Financial Officer chez Coolblue, aide-moi", "Chief Financial Officer"),
        ("Ich bin Teamleiter bei Aldi, hilf mir bei meinem Profiltext", "Teamleiter"),
    ],
)
def test_job_titles_are_no_names(text, title):
    assert job_title(title)
    assert not job_title("Anna Manager")
    assert title in redact(text).text


def test_other_mentions_of_a_name_found_once():
    taken = [("PERSON", 0, 5)]
    text = "kwesi owes femi 20 and femi owes me, so does kwesi pay me"
    assert [text[s:e] for _, s, e in other_mentions(text, taken)] == ["kwesi"]
    # A name that is also a word counts again only as written, and not after an article.
    text = "Penny paid the bill and Penny paid a penny more"
    assert [text[s:e] for _, s, e in other_mentions(text, [("PERSON", 0, 5)])] == ["Penny"]


def test_the_other_names_of_a_list():
    text = "planning a surprise party for Rose, guests so far: Will, Hope, Mark and Joy."
    taken = [("PERSON", text.index(w), text.index(w) + len(w)) for w in ("Hope", "Mark", "Joy")]
    assert [text[s:e] for _, s, e in list_mates(text, taken, [])] == ["Will"]
    text = "Bill to: Cobb, Lewis and John, Accounts Payable"
    taken = [("PERSON", text.index(w), text.index(w) + len(w)) for w in ("Cobb", "Lewis", "John")]
    assert list_mates(text, taken, []) == []
