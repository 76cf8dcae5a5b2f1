"""The scan for personal details in free text, and blacking parts out."""

import pytest

from panel.personal_data import BLACKOUT, find_personal_data, redact


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("Bel me op 06-12345678 graag", "phone", "06-12345678"),
        ("mijn nummer is 0522 123456.", "phone", "0522 123456"),
        ("of +31 6 1234 5678", "phone", "+31 6 1234 5678"),
        ("mail naar joke.jansen@example.nl aub", "email", "joke.jansen@example.nl"),
        ("ik woon in 7941 AB Meppel", "postcode", "7941 AB"),
        ("postcode 7941AB", "postcode", "7941AB"),
        ("kom langs op de Kerkstraat 12a", "address", "Kerkstraat 12a"),
        ("mijn buurman op nummer 12 helpt", "address", "op nummer 12"),
        ("Ik zorg met Annelies voor mijn moeder", "name", "Annelies"),
    ],
)
def test_personal_details_are_found(text, kind, found):
    findings = find_personal_data(text, names=["Annelies", "Bakker"])
    assert [(f.kind, f.text) for f in findings] == [(kind, found)]


@pytest.mark.parametrize(
    "text",
    [
        "Ik heb 3 kinderen en zorg 20 uur per week.",
        "Het gaat 1 keer per week mis, al 12 jaar.",
        "De dagbesteding is fijn. Meer van dat!",
        "Ik zorg voor mijn moeder van 84.",
    ],
)
def test_ordinary_text_is_not_flagged(text):
    assert find_personal_data(text, names=["Annelies", "de", "Van"]) == []


def test_an_email_address_with_a_name_in_it_is_one_finding():
    findings = find_personal_data("annelies@example.nl", names=["Annelies"])
    assert [f.kind for f in findings] == ["email"]


def test_redact_blacks_out_every_occurrence_and_keeps_the_rest():
    text = "Annelies belt 06-12345678. Annelies is moe."
    result = redact(text, parts=["annelies", "06-12345678", " "])
    assert result == f"{BLACKOUT} belt {BLACKOUT}. {BLACKOUT} is moe."
    assert "Annelies" not in result and "1234" not in result
