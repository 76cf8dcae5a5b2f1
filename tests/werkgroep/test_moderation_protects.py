"""Moderation that protects: personal details in free text are flagged, can be blacked out
(the original is gone), a decision can be undone, and approved answers (as redacted) are in
the poll's exports."""

import re

import pytest
from django.urls import reverse

from panel.models import Answer, ModerationStatus, QuestionKind
from panel.personal_data import BLACKOUT
from panel.services.polls import moderate_answer
from tests.accounts.factories import UserFactory
from tests.panel.factories import PanelMemberFactory
from tests.werkgroep.factories import make_poll
from tests.werkgroep.tables import csv_sections, xlsx_sections

pytestmark = pytest.mark.django_db

TEXT = "Bel Annelies op 06-12345678, ze woont op de Kerkstraat 12 in 7941 AB."


@pytest.fixture
def poll(db):
    return make_poll(with_text=True)


@pytest.fixture
def answer(poll):
    member_user = UserFactory(first_name="Annelies", last_name="Vos")
    PanelMemberFactory(user=member_user)
    question = poll.questions.get(kind=QuestionKind.TEXT)
    return Answer.objects.create(question=question, text=TEXT, status=ModerationStatus.PENDING)


def _moderation(client, poll, data=None):
    url = reverse("werkgroep:moderation", args=[poll.pk])
    return client.post(url, data) if data is not None else client.get(url)


def test_the_queue_flags_phone_address_postcode_and_a_member_name(
    client, werkgroep_user, poll, answer
):
    client.force_login(werkgroep_user)
    html = _moderation(client, poll).content.decode()
    for label, text in (
        ("naam van een panellid", "Annelies"),
        ("telefoonnummer", "06-12345678"),
        ("adres met huisnummer", "Kerkstraat 12"),
        ("postcode", "7941 AB"),
    ):
        assert f"{label}: “{text}”" in html
    # The blackout field is filled in with what was found, ready to confirm.
    textarea = re.search(r'<textarea name="parts"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    assert textarea.split() == ["Annelies", "06-12345678", "Kerkstraat", "12", "7941", "AB"]


def test_blacking_out_removes_the_text_from_the_database_and_the_exports(
    client, werkgroep_user, poll, answer
):
    client.force_login(werkgroep_user)
    response = _moderation(
        client,
        poll,
        {
            "action": "redact",
            "answer_id": answer.pk,
            "parts": "Annelies\n06-12345678\nKerkstraat 12",
        },
    )
    assert response.status_code == 302
    answer.refresh_from_db()
    assert "06-12345678" not in answer.text and "Annelies" not in answer.text
    assert answer.text.count(BLACKOUT) == 3
    assert not Answer.objects.filter(text__contains="12345678").exists()
    _moderation(client, poll, {"answer_id": answer.pk, "decision": "approve", "reason": ""})
    for fmt, read in (("csv", csv_sections), ("xlsx", xlsx_sections)):
        body = client.get(reverse("werkgroep:export_poll", args=[poll.pk, fmt])).content
        sections = read(body)
        rows = sections["Open antwoorden"]
        assert any(answer.text in row for row in rows), rows
        flat = repr(sections)
        assert "12345678" not in flat and "Annelies" not in flat


def test_only_approved_free_text_is_exported(client, werkgroep_user, poll, answer):
    question = poll.questions.get(kind=QuestionKind.TEXT)
    hidden = Answer.objects.create(question=question, text="Verborgen zin", status="pending")
    moderate_answer(answer_id=hidden.pk, approve=False, reason="Kwetsend", by=werkgroep_user)
    client.force_login(werkgroep_user)
    body = client.get(reverse("werkgroep:export_poll", args=[poll.pk, "csv"])).content
    flat = repr(csv_sections(body)["Open antwoorden"])
    assert "Verborgen zin" not in flat and "Kerkstraat" not in flat  # hidden, and pending


def test_blacking_out_something_that_is_not_there_changes_nothing(
    client, werkgroep_user, poll, answer
):
    client.force_login(werkgroep_user)
    response = _moderation(
        client, poll, {"action": "redact", "answer_id": answer.pk, "parts": "Pietje Puk"}
    )
    assert response.status_code == 200
    assert "Dit staat niet in het antwoord: Pietje Puk" in response.content.decode()
    answer.refresh_from_db()
    assert answer.text == TEXT


@pytest.mark.parametrize("decision", ["approve", "hide"])
def test_a_decision_can_be_undone(client, werkgroep_user, poll, answer, decision):
    client.force_login(werkgroep_user)
    _moderation(client, poll, {"answer_id": answer.pk, "decision": decision, "reason": "Naam"})
    answer.refresh_from_db()
    assert answer.status != ModerationStatus.PENDING
    page = _moderation(client, poll).content.decode()
    assert "Zet terug" in page
    if decision == "hide":
        assert TEXT not in page  # hidden text is not shown again, even to undo it
    response = _moderation(client, poll, {"action": "undo", "answer_id": answer.pk})
    assert response.status_code == 302
    answer.refresh_from_db()
    assert (answer.status, answer.hidden_reason) == (ModerationStatus.PENDING, "")


def test_undo_only_works_on_a_decided_answer_of_this_poll(client, werkgroep_user, poll, answer):
    other = make_poll(with_text=True)
    client.force_login(werkgroep_user)
    response = client.post(
        reverse("werkgroep:moderation", args=[other.pk]), {"action": "undo", "answer_id": answer.pk}
    )
    assert response.status_code == 404
