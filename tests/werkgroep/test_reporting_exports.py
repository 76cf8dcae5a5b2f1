"""Exports that hold everything: approved (and only approved) open answers, counts that say
what they count, and the action point and referral exports for a chosen period."""

import pytest
from django.urls import reverse

from panel.models import Answer, ModerationStatus, QuestionKind
from panel.services.polls import moderate_answer
from tests.training.factories import ReferralFactory
from tests.werkgroep.factories import make_poll, random_votes
from tests.werkgroep.reporting_data import actions, at
from tests.werkgroep.tables import csv_sections, xlsx_sections

pytestmark = pytest.mark.django_db

HIDDEN = "Mijn buurman Piet Jansen slaat zijn moeder"
APPROVED = "Ik wil graag een vaste contactpersoon"
PENDING = "Wanneer komt de folder er"


@pytest.fixture
def poll(werkgroep_user):
    poll = make_poll()
    random_votes(poll, 20)
    text_q = poll.questions.get(kind=QuestionKind.TEXT)
    answers = [
        Answer.objects.create(question=text_q, text=t, status=ModerationStatus.PENDING)
        for t in (HIDDEN, APPROVED, PENDING)
    ]
    moderate_answer(answer_id=answers[0].pk, approve=False, reason="Herkenbaar", by=werkgroep_user)
    moderate_answer(answer_id=answers[1].pk, approve=True, reason="", by=werkgroep_user)
    return poll


def _sections(client, poll, fmt):
    body = client.get(reverse("werkgroep:export_poll", args=[poll.pk, fmt])).content
    return csv_sections(body) if fmt == "csv" else xlsx_sections(body)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_open_answer_count_counts_only_approved_answers(client, werkgroep_user, poll, fmt):
    client.force_login(werkgroep_user)
    overall = _sections(client, poll, fmt)["Uitslag"]
    row = next(r for r in overall if r and r[0] == "Wilt u nog iets zeggen?")
    assert row[1] == "Open antwoorden, goedgekeurd na controle"
    assert int(row[2]) == 1


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_approved_and_only_approved_open_answers_are_in_the_poll_export(
    client, werkgroep_user, poll, fmt
):
    client.force_login(werkgroep_user)
    sections = _sections(client, poll, fmt)
    texts = sections["Open antwoorden"]
    flat = repr(texts)
    assert APPROVED in flat
    assert PENDING not in flat and HIDDEN not in flat
    assert HIDDEN not in repr(sections) and PENDING not in repr(sections)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_counts_say_what_they_count(client, werkgroep_user, poll, fmt):
    client.force_login(werkgroep_user)
    overall = _sections(client, poll, fmt)["Uitslag"]
    assert [str(c) for c in overall[0][:4]] == [
        "Vraag",
        "Antwoord",
        "Aantal mensen",
        "Procent van wie de vraag beantwoordde",
    ]
    multiple = next(r for r in overall if r and r[0] == "Wat helpt u het meest?")
    assert multiple is not None
    assert any("meer dan één antwoord" in str(r) for r in overall)
    respondents = next(
        r
        for r in overall
        if r and r[1] == "Mensen die de vraag beantwoordden" and r[0] == "Hoe gaat het met u?"
    )
    assert int(respondents[2]) == 20


def test_the_referral_export_covers_a_chosen_period(client, werkgroep_user):
    ReferralFactory(created_at=at(2025, 12, 1))
    ReferralFactory(created_at=at(2026, 2, 1))
    client.force_login(werkgroep_user)
    body = client.get(
        reverse("werkgroep:export_referrals", args=["csv"]),
        {"date_from": "2026-01-01", "date_to": "2026-06-30"},
    ).content.decode("utf-8-sig")
    assert "2026-02;1" in body
    assert "2025-12" not in body
    assert "Periode: 2026-01-01 tot en met 2026-06-30" in body


def test_the_action_point_export_covers_a_chosen_period(client, werkgroep_user):
    actions()  # A: done in Nov 2025; B: Jan–Mar 2026; C: May 2026
    client.force_login(werkgroep_user)
    sections = xlsx_sections(
        client.get(
            reverse("werkgroep:export_actions", args=["xlsx"]),
            {"date_from": "2026-01-01", "date_to": "2026-03-31"},
        ).content
    )
    titles = [row[0] for row in sections["Actiepunten"][2:]]
    assert titles == ["B"]
