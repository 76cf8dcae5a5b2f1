"""Smaller hardening (issue 15, finding 6): Permissions-Policy, no-store on personal downloads,
TRACE and OPTIONS refused, action point texts bounded."""

import pytest
from django.db import DataError, IntegrityError, transaction
from django.urls import reverse

from accounts.models import Role
from tests.panel.factories import PanelMemberFactory
from tests.training.factories import make_module
from tests.werkgroep.factories import ActionPointFactory
from training import services as training_services
from werkgroep.models import ActionPoint


def test_every_page_carries_a_permissions_policy(client, db):
    policy = client.get("/")["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


@pytest.mark.parametrize("method", ["TRACE", "OPTIONS"])
@pytest.mark.parametrize("path", ["/", "/sociale-kaart/", "/werkgroep/", "/accounts/login/"])
def test_trace_and_options_are_not_allowed(client, db, method, path):
    response = client.generic(method, path)
    assert response.status_code == 405
    assert b"<html" not in response.content
    assert "GET" in response["Allow"]


def _no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_my_data_downloads_are_not_stored_by_caches(client, caregiver):
    PanelMemberFactory(user=caregiver)
    client.force_login(caregiver)
    for name in ("panel:export_json", "panel:export_csv"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert _no_store(response), name


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_werkgroep_exports_are_not_stored_by_caches(client, werkgroep_user, fmt):
    ActionPointFactory()
    client.force_login(werkgroep_user)
    response = client.get(reverse("werkgroep:export_actions", args=[fmt]))
    assert response.status_code == 200
    assert _no_store(response)


def test_the_certificate_pdf_is_not_stored_by_caches(client, professional):
    module = make_module(lessons=1, questions=1, slug="kop", pass_mark=50)
    question = module.questions.get()
    progress = training_services.start_module(user=professional, module=module)
    training_services.finish_lessons(progress=progress)
    training_services.answer_question(
        progress=progress,
        question=question,
        option_ids=[question.options.get(is_correct=True).pk],
    )
    client.force_login(professional)
    code = professional.certificates.get().code
    response = client.get(reverse("training:certificate_pdf", args=[code]))
    assert response.status_code == 200
    assert _no_store(response)


LIMITS = {"title": 200, "description": 5000, "said": 1000, "done": 1000}


@pytest.mark.parametrize(("field", "limit"), LIMITS.items())
def test_action_point_texts_are_bounded_in_the_form(client, login_as, field, limit):
    login_as(client, Role.WERKGROEP)
    data = {"title": "Folder", field: "x" * (limit + 1)}
    response = client.post(reverse("werkgroep:action_new"), data)
    assert response.status_code == 200
    assert not ActionPoint.objects.exists()
    assert f"niet meer dan {limit} tekens" in response.content.decode()


@pytest.mark.parametrize(("field", "limit"), LIMITS.items())
def test_action_point_texts_are_bounded_in_the_model(db, field, limit):
    assert ActionPoint._meta.get_field(field).max_length == limit
    point = ActionPointFactory(**{field: "x" * limit})
    # SQLite enforces the length with a check constraint, PostgreSQL with the column type.
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        ActionPoint.objects.filter(pk=point.pk).update(**{field: "x" * (limit + 1)})


def test_the_not_feasible_reason_is_bounded(client, werkgroep_user):
    point = ActionPointFactory()
    client.force_login(werkgroep_user)
    response = client.post(
        reverse("werkgroep:action", args=[point.pk]),
        {"action": "status", "status-status": "not_feasible", "status-reason": "x" * 1001},
    )
    assert response.status_code == 200
    point.refresh_from_db()
    assert point.status != "not_feasible"
