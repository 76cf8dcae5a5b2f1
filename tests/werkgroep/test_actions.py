import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from sociale_kaart.models import Vraaggebied
from tests.werkgroep.factories import ActionPointFactory, closed_gesprek, make_poll
from werkgroep.exceptions import QuoteWithoutConsent, ReasonRequired, SameStatus
from werkgroep.models import ActionPoint, ActionStatus, ActionStatusChange, OutcomeItem
from werkgroep.services import (
    add_poll_evidence,
    change_status,
    create_action_point,
    record_outcome,
)


def test_a_new_action_point_starts_its_history_with_who_made_it(werkgroep_user):
    point = create_action_point(title="Folder over vervanging", by=werkgroep_user)
    (change,) = point.status_changes.all()
    assert (change.from_status, change.to_status, change.changed_by) == (
        "",
        ActionStatus.IDEA,
        werkgroep_user,
    )


def test_a_status_change_is_recorded_with_who_and_when(werkgroep_user, admin_user):
    point = create_action_point(title="Folder", by=werkgroep_user)
    change_status(action_point=point, status=ActionStatus.PLANNED, by=werkgroep_user)
    change_status(
        action_point=point,
        status=ActionStatus.DONE,
        by=admin_user,
        reason="Folder ligt bij de huisarts",
    )
    history = list(point.status_changes.order_by("changed_at", "pk"))
    assert [(h.from_status, h.to_status, h.changed_by) for h in history] == [
        ("", "idea", werkgroep_user),
        ("idea", "planned", werkgroep_user),
        ("planned", "done", admin_user),
    ]
    assert history[0].changed_at <= history[1].changed_at <= history[2].changed_at
    point.refresh_from_db()
    assert point.status == ActionStatus.DONE


def test_not_feasible_needs_a_reason(werkgroep_user):
    point = create_action_point(title="Gratis taxi", by=werkgroep_user)
    with pytest.raises(ReasonRequired):
        change_status(
            action_point=point, status=ActionStatus.NOT_FEASIBLE, by=werkgroep_user, reason="  "
        )
    change_status(
        action_point=point,
        status=ActionStatus.NOT_FEASIBLE,
        by=werkgroep_user,
        reason="Geen budget",
    )
    point.refresh_from_db()
    assert point.not_feasible_reason == "Geen budget"


def test_the_database_refuses_not_feasible_without_reason(db):
    point = ActionPointFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionPoint.objects.filter(pk=point.pk).update(
            status=ActionStatus.NOT_FEASIBLE, not_feasible_reason=""
        )


def test_moving_to_the_same_status_is_refused(werkgroep_user):
    point = create_action_point(title="Folder", by=werkgroep_user)
    with pytest.raises(SameStatus):
        change_status(action_point=point, status=ActionStatus.IDEA, by=werkgroep_user)


def test_the_status_form_shows_a_dutch_error_without_reason(client, werkgroep_user):
    point = create_action_point(title="Folder", by=werkgroep_user)
    client.force_login(werkgroep_user)
    response = client.post(
        reverse("werkgroep:action", args=[point.pk]),
        {"action": "status", "status-status": "not_feasible", "status-reason": ""},
    )
    assert response.status_code == 200
    assert "Zeg waarom dit niet haalbaar is." in response.content.decode()
    assert ActionStatusChange.objects.filter(action_point=point).count() == 1


def test_the_status_form_records_the_change(client, werkgroep_user):
    point = create_action_point(title="Folder", by=werkgroep_user)
    client.force_login(werkgroep_user)
    response = client.post(
        reverse("werkgroep:action", args=[point.pk]),
        {"action": "status", "status-status": "in_progress", "status-reason": "Gestart"},
    )
    assert response.status_code == 302
    page = client.get(reverse("werkgroep:action", args=[point.pk])).content.decode()
    assert "Bezig" in page and werkgroep_user.email in page and "Gestart" in page


def test_creating_an_action_point_through_the_form(client, werkgroep_user):
    client.force_login(werkgroep_user)
    vraaggebied = Vraaggebied.objects.get(code="respijtzorg")
    response = client.post(
        reverse("werkgroep:action_new"),
        {
            "title": "Logeerhuis in Noord",
            "vraaggebieden": [vraaggebied.pk],
            "said": "Wij willen even rust.",
            "done": "We zoeken een plek.",
            "is_public": "on",
        },
    )
    point = ActionPoint.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "werkgroep:action", args=[point.pk]
    )
    assert (
        point.is_public
        and list(point.vraaggebieden.all()) == [vraaggebied]
        and point.created_by == werkgroep_user
    )


def test_a_public_action_point_needs_the_public_texts(client, werkgroep_user):
    client.force_login(werkgroep_user)
    response = client.post(
        reverse("werkgroep:action_new"), {"title": "Zonder tekst", "is_public": "on"}
    )
    assert response.status_code == 200
    assert "Een openbaar actiepunt heeft tekst nodig" in response.content.decode()
    assert not ActionPoint.objects.exists()


def test_an_empty_title_gets_a_dutch_error(client, werkgroep_user):
    client.force_login(werkgroep_user)
    response = client.post(reverse("werkgroep:action_new"), {"title": ""})
    assert "Vul dit in." in response.content.decode()


def test_only_public_action_points_show_on_wij_deden(client, db):
    ActionPointFactory(title="Openbaar punt", is_public=True)
    ActionPointFactory(title="Intern punt", is_public=False, said="Geheim intern", done="Nog niet")
    page = client.get(reverse("wij_deden")).content.decode()
    assert "Openbaar punt" in page
    assert "Intern punt" not in page and "Geheim intern" not in page


def test_wij_deden_shows_figures_and_only_consented_quotes(client, werkgroep_user):
    poll = make_poll()
    question = poll.questions.get(order=1)
    gesprek = closed_gesprek()
    quote = record_outcome(
        gesprek_id=gesprek.pk,
        kind="quote",
        text="Ik heb nooit even vrij",
        by=werkgroep_user,
        speaker_consent=True,
    )
    theme = record_outcome(
        gesprek_id=gesprek.pk, kind="theme", text="Intern thema over respijt", by=werkgroep_user
    )
    point = create_action_point(
        title="Vrije middag",
        by=werkgroep_user,
        said="Jullie willen rust.",
        done="We regelen vervanging.",
        is_public=True,
        outcomes=[quote, theme],
    )
    add_poll_evidence(
        action_point=point, question_id=question.pk, choice_id=question.choices.first().pk
    )
    page = client.get(reverse("wij_deden")).content.decode()
    assert "Ik heb nooit even vrij" in page
    assert "Intern thema over respijt" not in page
    assert "mensen kozen" in page and "&lt;5" in page  # 0 answers: shown as <5


def test_a_quote_without_consent_is_refused_by_service_and_database(werkgroep_user):
    gesprek = closed_gesprek()
    with pytest.raises(QuoteWithoutConsent):
        record_outcome(
            gesprek_id=gesprek.pk, kind="quote", text="Zonder toestemming", by=werkgroep_user
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        OutcomeItem.objects.create(gesprek_id=gesprek.pk, kind="quote", text="Zonder toestemming")


def test_the_outcome_form_asks_for_consent_for_a_quote(client, werkgroep_user):
    gesprek = closed_gesprek()
    client.force_login(werkgroep_user)
    response = client.post(
        reverse("werkgroep:gesprek", args=[gesprek.pk]), {"kind": "quote", "text": "Iets"}
    )
    assert "Een citaat mag alleen als de spreker dat goed vindt" in response.content.decode()
    vraaggebied = Vraaggebied.objects.get(code="informatie")
    response = client.post(
        reverse("werkgroep:gesprek", args=[gesprek.pk]),
        {
            "kind": "theme",
            "text": "Informatie is moeilijk te vinden",
            "vraaggebieden": [vraaggebied.pk],
        },
    )
    assert response.status_code == 302
    item = OutcomeItem.objects.get()
    assert list(item.vraaggebieden.all()) == [vraaggebied] and item.created_by == werkgroep_user


def test_outcomes_only_for_a_gesprek_that_took_place(client, werkgroep_user):
    from tests.panel.factories import SpiegelgesprekFactory

    future = SpiegelgesprekFactory()
    client.force_login(werkgroep_user)
    assert client.get(reverse("werkgroep:gesprek", args=[future.pk])).status_code == 404
