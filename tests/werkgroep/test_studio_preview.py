"""Preview as a caregiver: the caregiver's own screens at phone width with a "voorbeeld"
banner; answering the preview stores nothing."""

import re

import pytest
from django.urls import reverse

from panel.models import Answer, Participation, Poll, ResultTally
from tests.panel.factories import make_poll

pytestmark = pytest.mark.django_db

ENGLISH = re.compile(
    r"\b(Select|Submit|Save|Poll|Question|Choice|This field|required|Enter a|Cancel|Delete|"
    r"Preview|Publish|Close|Repeat|Yes|No|Back|Next)\b"
)


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r'<button[^>]*name="language"[^>]*>.*?</button>', " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def assert_dutch(html: str) -> None:
    found = ENGLISH.findall(visible_text(html))
    assert not found, found


@pytest.fixture
def wg(client, werkgroep_user):
    client.force_login(werkgroep_user)
    return client


@pytest.fixture
def concept(db):
    return make_poll(published_at=None)


def test_the_preview_walks_the_caregivers_screens_and_stores_nothing(wg, concept):
    questions = list(concept.questions.order_by("order"))
    start = wg.get(reverse("werkgroep:studio_preview", args=[concept.pk]))
    html = start.content.decode()
    assert "Voorbeeld" in html and "studio-phone" in html
    assert "Er wordt niets bewaard" in html
    assert reverse("werkgroep:studio_preview_question", args=[concept.pk, 1]) in html
    assert_dutch(html)
    for number, question in enumerate(questions, 1):
        url = reverse("werkgroep:studio_preview_question", args=[concept.pk, number])
        page = wg.get(url).content.decode()
        assert question.text in page and "Voorbeeld" in page
        assert_dutch(page)
        if question.kind == "text":
            data = {"answer": "Fijn"}
        elif question.kind == "multiple":
            data = {"answer": [str(question.choices.order_by("order").first().pk)]}
        else:
            data = {"answer": str(question.choices.order_by("order").first().pk)}
        assert wg.post(url, data).status_code == 302
    review = wg.get(reverse("werkgroep:studio_preview_review", args=[concept.pk]))
    assert "Klopt dit?" in review.content.decode() and "Fijn" in review.content.decode()
    done = wg.post(reverse("werkgroep:studio_preview_review", args=[concept.pk]), follow=True)
    assert "Dank u wel!" in done.content.decode()
    assert not Participation.objects.exists()
    assert not Answer.objects.exists()
    assert not ResultTally.objects.exists()
    assert Poll.objects.get(pk=concept.pk).published_at is None


def test_a_wrong_preview_answer_shows_the_caregivers_error(wg, concept):
    url = reverse("werkgroep:studio_preview_question", args=[concept.pk, 1])
    response = wg.post(url, {"answer": "999999"})
    assert response.status_code == 200
    assert "Dit antwoord kunnen we niet gebruiken" in response.content.decode()


def test_a_preview_question_beyond_the_last_is_not_found(wg, concept):
    url = reverse("werkgroep:studio_preview_question", args=[concept.pk, 9])
    assert wg.get(url).status_code == 404


@pytest.mark.parametrize("status", ["draft", "open"])
def test_the_studio_pages_are_dutch(wg, concept, status):
    poll = concept if status == "draft" else make_poll()
    for url in (
        reverse("werkgroep:studio"),
        reverse("werkgroep:studio_new"),
        reverse("werkgroep:studio_edit", args=[poll.pk]),
    ):
        assert_dutch(wg.get(url).content.decode())
    # and with every form error shown
    errors = wg.post(
        reverse("werkgroep:studio_edit", args=[poll.pk]),
        {"do": "settings", "s-opens_at": "x", "s-audience": "?", "s-anonymous": "?"},
    )
    assert errors.status_code == 200
    assert_dutch(errors.content.decode())
    assert_dutch(wg.post(reverse("werkgroep:studio_new"), {}).content.decode())
