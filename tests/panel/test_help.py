"""Help when it goes badly: a low answer on a well-being question, or asking to be contacted,
leads to who to call now; a request to be contacted reaches the contact point and is kept
apart from the answers."""

import pytest
from django.urls import reverse

from accounts.models import Role
from panel.models import Answer, ContactPoint, ContactRequest, QuestionKind
from sociale_kaart.models import HelpNow, Wijk
from tests.panel.factories import make_poll
from tests.panel.readability import flesch_douma
from tests.sociale_kaart.factories import OfferFactory

pytestmark = pytest.mark.django_db


def answer(client, poll, *, scale_value=3, text="", contact_me=False):
    for number, question in enumerate(poll.questions.order_by("order"), 1):
        if question.kind == QuestionKind.TEXT:
            data = {"answer": text}
            if contact_me:
                data["contact_me"] = "on"
        elif question.kind == QuestionKind.SCALE:
            data = {"answer": str(question.choices.get(value=scale_value).pk)}
        elif question.kind == QuestionKind.MULTIPLE:
            data = {"answer": [str(question.choices.order_by("order").first().pk)]}
        else:
            data = {"answer": str(question.choices.order_by("order").first().pk)}
        response = client.post(reverse("panel:poll_question", args=[poll.pk, number]), data)
        assert response.status_code == 302, response.content.decode()[:1500]
    return client.post(reverse("panel:poll_review", args=[poll.pk]))


@pytest.fixture
def wellbeing_poll(db):
    poll = make_poll()
    poll.questions.filter(kind=QuestionKind.SCALE).update(wellbeing=True)
    return poll


@pytest.fixture
def help_lines(wijk):
    other = Wijk.objects.create(name="Elders", slug="elders")
    OfferFactory(
        name="Consulent Centrum", help_now=HelpNow.CONSULENT, wijken=[wijk], phone="0522-111111"
    )
    OfferFactory(
        name="Consulent Elders", help_now=HelpNow.CONSULENT, wijken=[other], phone="0522-222222"
    )
    OfferFactory(
        name="Crisislijn", help_now=HelpNow.CRISIS, whole_municipality=True, phone="0800-0000"
    )


@pytest.fixture
def contact_point(db):
    return ContactPoint.objects.create(name="Steunpunt Mantelzorg", email="steunpunt@example.org")


@pytest.mark.parametrize("value", [1, 2])
def test_one_of_the_two_lowest_points_on_a_wellbeing_question_leads_to_help(
    client, member, wellbeing_poll, value
):
    client.force_login(member.user)
    response = answer(client, wellbeing_poll, scale_value=value)
    assert response.url == reverse("panel:help")


def test_a_middle_answer_gets_the_plain_thank_you(client, member, wellbeing_poll):
    client.force_login(member.user)
    response = answer(client, wellbeing_poll, scale_value=3)
    assert response.url == reverse("panel:poll_thanks", args=[wellbeing_poll.pk])


def test_a_low_answer_on_an_ordinary_question_gets_the_plain_thank_you(client, member):
    poll = make_poll()  # the scale question is not marked as a well-being question
    client.force_login(member.user)
    assert answer(client, poll, scale_value=1).url == reverse("panel:poll_thanks", args=[poll.pk])


def test_asking_to_be_contacted_with_a_free_text_answer_leads_to_help(client, member):
    poll = make_poll()
    client.force_login(member.user)
    response = answer(client, poll, text="ik kan bijna niet meer", contact_me=True)
    assert response.url == reverse("panel:help")
    # The wish to be contacted is not part of the answer that was stored.
    assert Answer.objects.get(question__poll=poll, choice=None).text == "ik kan bijna niet meer"


def test_the_help_page_shows_the_numbers_for_the_members_wijk(client, member, help_lines):
    client.force_login(member.user)
    html = client.get(reverse("panel:help")).content.decode()
    assert "Consulent Centrum" in html and 'href="tel:0522111111"' in html
    assert "Crisislijn" in html and "0800-0000" in html
    assert "Consulent Elders" not in html


def test_a_contact_request_reaches_the_contact_point_and_is_then_wiped(
    client, member, contact_point, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(member.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("panel:help"), {"name": "Joke de Boer", "phone": "06-12345678"}
        )
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["steunpunt@example.org"]
    assert "Joke de Boer" in mail.body and "06-12345678" in mail.body
    request = ContactRequest.objects.get()
    assert (request.name, request.phone, request.email) == ("", "", "")
    assert request.sent_at is not None
    assert request.month.day == 1


def test_no_row_links_a_contact_request_to_a_poll_answer(
    client, member, wellbeing_poll, contact_point, django_capture_on_commit_callbacks
):
    client.force_login(member.user)
    answer(client, wellbeing_poll, scale_value=1, text="Het is te veel")
    with django_capture_on_commit_callbacks(execute=False):
        client.post(reverse("panel:help"), {"name": "Joke", "email": "joke@example.org"})
    request = ContactRequest.objects.get()
    # No foreign key at all, and nothing that holds an id or a moment to match on.
    assert not [f.name for f in ContactRequest._meta.get_fields() if f.is_relation]
    assert {f.name for f in ContactRequest._meta.get_fields()} == {
        "id",
        "month",
        "name",
        "phone",
        "email",
        "sent_at",
    }
    # And nothing on the answer side points at the request.
    for model in (Answer,):
        assert not [
            f
            for f in model._meta.get_fields()
            if f.is_relation and f.related_model is ContactRequest
        ]
    assert request.name == "Joke"  # not sent yet (the mail waits for the commit)


def test_a_request_needs_a_phone_number_or_an_email_address(client, member, contact_point):
    client.force_login(member.user)
    response = client.post(reverse("panel:help"), {"name": "Joke"})
    assert response.status_code == 200
    assert "Vul een telefoonnummer of een e-mailadres in." in response.content.decode()
    assert not ContactRequest.objects.exists()


def test_without_a_contact_point_the_page_offers_only_the_numbers(client, member, help_lines):
    client.force_login(member.user)
    html = client.get(reverse("panel:help")).content.decode()
    assert "Wilt u dat iemand u belt?" not in html
    client.post(reverse("panel:help"), {"name": "Joke", "phone": "0612345678"})
    assert not ContactRequest.objects.exists()


def test_the_werkgroep_sees_only_the_number_of_requests_per_month(client, login_as, contact_point):
    from panel.services.help import request_contact

    request_contact(name="Joke Geheim", phone="0611111111")
    request_contact(name="Piet Geheim", email="piet@example.org")
    login_as(client, Role.WERKGROEP)
    html = client.get(reverse("werkgroep:dashboard")).content.decode()
    assert "Vragen om contact" in html
    assert '<td class="mk-num">2</td>' in html
    assert "Geheim" not in html and "0611111111" not in html


def test_the_help_page_is_plain_dutch(client, member, help_lines, contact_point):
    client.force_login(member.user)
    assert flesch_douma(client.get(reverse("panel:help")).content.decode()) >= 65


def test_someone_who_is_not_a_member_is_sent_to_log_in(client, db):
    response = client.get(reverse("panel:help"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_a_member_who_answered_through_an_invitation_link_also_gets_help(
    client, member, wellbeing_poll, help_lines
):
    from panel.tokens import make_invitation_token

    token = make_invitation_token(member=member, poll=wellbeing_poll)
    client.get(reverse("panel:invitation", args=[wellbeing_poll.pk, token]))
    response = answer(client, wellbeing_poll, scale_value=1)
    assert response.url == reverse("panel:help")
    html = client.get(reverse("panel:help")).content.decode()
    assert "Consulent Centrum" in html  # the member's wijk, from the session


def test_one_browser_cannot_flood_the_contact_point(client, member, contact_point):
    client.force_login(member.user)
    for _ in range(5):
        client.post(reverse("panel:help"), {"name": "Joke", "phone": "0612345678"})
    assert ContactRequest.objects.count() == 3
