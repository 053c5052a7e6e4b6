"""Pets with people's names are not PII; their owners still are (pets.py)."""

from __future__ import annotations

import pytest

from app.core.privacy.anonymize import redact
from app.core.privacy.pets import pet_names


@pytest.mark.parametrize(
    ("text", "pets"),
    [
        ("our rabbit Clive has been sneezing all week", {"clive"}),
        ("nuestro cachorro Anselmo no come nada", {"anselmo"}),
        ("Trevor the guinea pig has started barking", {"trevor"}),
        ("we have two cats, Mabel and Oscar. Mabel bullies Oscar.", {"mabel", "oscar"}),
        ("la gata se llama Doña Rosa y tiene 14 años", {"rosa"}),
        ("Luna and Max (our labradors) need a sitter", {"luna", "max"}),
        # A person beside the animal is no pet.
        ("my dog and my neighbour are both called June", set()),
        ("I met Anna the dog walker yesterday", set()),
        ("our dog walker Anna is off this week", set()),
        ("the vet, dr moreau, said the cat is overweight", set()),
        # "loro" is Italian for "they": an animal only after a determiner.
        ("sono andati con loro Marco e Anna", set()),
    ],
)
def test_pet_names(text, pets):
    assert pet_names(text) == pets


def test_a_pet_is_kept_and_its_owner_redacted():
    out = redact("Anna's dog Rex keeps barking at the postman, what do I do?").text
    assert "Rex" in out
    assert "Anna" not in out


def test_pets_named_like_people_are_kept():
    for text in (
        "notre chien Gaston a mangé une chaussette, faut appeler le véto ?",
        "unser Hamster Helmut frisst nicht mehr. muss ich zum Tierarzt?",
        "we called the new kitten Trevor. the kids love it.",
    ):
        assert redact(text).text == text
