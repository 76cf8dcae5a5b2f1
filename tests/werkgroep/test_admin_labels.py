"""Beheer reads the action point form in the admin in Dutch: no English field or inline names
that Django makes up from the code."""

import pytest
from django.urls import reverse

from werkgroep import services
from werkgroep.models import ActionStatus

pytestmark = pytest.mark.django_db


def test_the_action_point_form_in_the_admin_is_dutch(admin_client, admin_user):
    point = services.create_action_point(title="Vervoer naar de dagopvang", by=admin_user)
    services.change_status(action_point=point, status=ActionStatus.PLANNED, by=admin_user)
    page = admin_client.get(reverse("admin:werkgroep_actionpoint_change", args=[point.pk]))
    html = page.content.decode()
    for dutch in ("Gemaakt door", "Gemaakt op", "Onderbouwing", "Statuswijzigingen", "Van", "Door"):
        assert dutch in html
    for english in (
        "Created by",
        "Created at",
        "Evidences",
        "Action status changes",
        "From status",
    ):
        assert english not in html
