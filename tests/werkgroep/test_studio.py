"""The poll studio: the werkgroep makes, checks and publishes polls; every refused publish
says why in Dutch and changes nothing; a poll with answers keeps its meaning."""

import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from panel import poll_editing, publishing
from panel.models import Choice, Poll, PollInvitation, PollStatus, Question, QuestionKind
from panel.publishing import PollLocked, PublishRefused
from panel.services.mailings import send_poll_invitations
from panel.services.polls import cast_vote
from tests.panel.factories import PanelMemberFactory, answers_for, make_poll
from werkgroep.studio import problem_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(caregiver):
    return PanelMemberFactory(user=caregiver)


@pytest.fixture
def wg(client, werkgroep_user):
    client.force_login(werkgroep_user)
    return client


def concept_with(*kinds, **settings) -> Poll:
    poll = poll_editing.create_poll(title="Hoe gaat het met de dagopvang?")
    for kind in kinds:
        question = poll_editing.add_question(poll_id=poll.pk, kind=kind, text=f"Vraag {kind}?")
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            for text in ("Ja", "Nee", "Weet ik niet"):
                poll_editing.add_choice(question_id=question.pk, text=text)
    if settings:
        Poll.objects.filter(pk=poll.pk).update(**settings)
        poll.refresh_from_db()
    return poll


def edit_url(poll) -> str:
    return reverse("werkgroep:studio_edit", args=[poll.pk])


def settings_data(poll, **changes) -> dict:
    data = {
        "s-title": poll.title,
        "s-intro": poll.intro,
        "s-opens_at": timezone.localtime(poll.opens_at).strftime("%Y-%m-%dT%H:%M"),
        "s-closes_at": timezone.localtime(poll.closes_at).strftime("%Y-%m-%dT%H:%M"),
        "s-audience": poll.audience,
        "s-anonymous": "yes" if poll.anonymous else "no",
        "s-results_visibility": poll.results_visibility,
        "do": "settings",
    }
    data.update({f"s-{k}": v for k, v in changes.items()})
    return data


# Making a poll ---------------------------------------------------------------------------


def test_a_new_poll_from_the_studio_is_a_concept(wg):
    response = wg.post(reverse("werkgroep:studio_new"), {"title": "Vervoer", "intro": ""})
    poll = Poll.objects.get(title="Vervoer")
    assert response.url == edit_url(poll)
    assert poll.status == PollStatus.DRAFT


def test_the_list_shows_polls_by_status(wg):
    draft = concept_with(QuestionKind.SINGLE)
    published = make_poll(title="Al open")
    html = wg.get(reverse("werkgroep:studio")).content.decode()
    for heading in ("Concept", "Gepland", "Open", "Gesloten"):
        assert heading in html
    assert draft.title in html and published.title in html
    assert html.index(draft.title) < html.index(published.title)


def test_a_scale_question_gets_the_five_standard_options_with_faces(wg):
    poll = concept_with()
    wg.post(
        edit_url(poll),
        {"do": "add-question", "add-kind": "scale", "add-text": "Hoe gaat het met u?"},
    )
    question = poll.questions.get()
    assert [(c.value, c.text, c.face) for c in question.choices.order_by("order")] == [
        (1, "Heel slecht", "😞"),
        (2, "Slecht", "😟"),
        (3, "Gaat wel", "😐"),
        (4, "Goed", "😊"),
        (5, "Heel goed", "😄"),
    ]


def test_the_werkgroep_marks_a_scale_question_as_a_wellbeing_question_in_the_studio(wg):
    poll = concept_with()
    wg.post(
        edit_url(poll),
        {
            "do": "add-question",
            "add-kind": "scale",
            "add-text": "Hoe gaat het met u?",
            "add-wellbeing": "on",
        },
    )
    question = poll.questions.get()
    assert question.wellbeing
    prefix = f"q{question.pk}"
    choices = {f"{prefix}-choice_{c.pk}": c.text for c in question.choices.all()}
    wg.post(
        edit_url(poll), {"do": f"save:{question.pk}", f"{prefix}-text": question.text, **choices}
    )
    question.refresh_from_db()
    assert not question.wellbeing  # the box was left empty: no longer a wellbeing question


def test_only_a_scale_question_can_be_a_wellbeing_question(wg):
    poll = concept_with()
    wg.post(
        edit_url(poll),
        {
            "do": "add-question",
            "add-kind": "text",
            "add-text": "Wat mist u?",
            "add-wellbeing": "on",
        },
    )
    assert not poll.questions.get().wellbeing


def test_options_are_added_inline_and_reordered_without_javascript(wg):
    # Another poll first, so question ids and choice ids differ (as they do in a real database):
    # "add an option" names its question, and must not be looked up as a choice.
    concept_with(QuestionKind.SINGLE, QuestionKind.SINGLE)
    poll = concept_with(QuestionKind.SINGLE)
    question = poll.questions.get()
    ja, nee, weet = question.choices.order_by("order")
    prefix = f"q{question.pk}"
    base = {
        f"{prefix}-text": question.text,
        f"{prefix}-choice_{ja.pk}": "Ja",
        f"{prefix}-choice_{nee.pk}": "Nee",
        f"{prefix}-choice_{weet.pk}": "Weet ik niet",
    }
    wg.post(edit_url(poll), {**base, f"{prefix}-new_choice": "Soms", "do": f"c-add:{question.pk}"})
    soms = question.choices.get(text="Soms")
    base[f"{prefix}-choice_{soms.pk}"] = "Soms"
    response = wg.post(edit_url(poll), {**base, "do": f"c-up:{nee.pk}"})
    assert response.status_code == 302
    assert list(question.choices.order_by("order").values_list("text", flat=True)) == [
        "Nee",
        "Ja",
        "Weet ik niet",
        "Soms",
    ]
    wg.post(edit_url(poll), {**base, "do": f"c-delete:{weet.pk}"})
    assert list(question.choices.order_by("order").values_list("order", flat=True)) == [1, 2, 3]


def test_questions_move_up_and_down(wg):
    poll = concept_with(QuestionKind.SINGLE, QuestionKind.TEXT)
    first, second = poll.questions.order_by("order")
    wg.post(edit_url(poll), {f"q{second.pk}-text": second.text, "do": f"up:{second.pk}"})
    assert list(poll.questions.order_by("order")) == [second, first]


def test_a_poll_has_at_most_five_questions():
    poll = concept_with(*[QuestionKind.TEXT] * 5)
    with pytest.raises(publishing.TooManyQuestions):
        poll_editing.add_question(poll_id=poll.pk, kind=QuestionKind.TEXT, text="Zes?")


def test_the_editor_says_what_is_left_before_publishing(wg):
    poll = concept_with()
    html = wg.get(edit_url(poll)).content.decode()
    assert "De peiling heeft nog geen vragen" in html


# Publishing ------------------------------------------------------------------------------

REFUSALS = [
    ("no_questions", lambda: concept_with(), "De peiling heeft nog geen vragen."),
    (
        "too_few_options",
        lambda: _with_question(QuestionKind.SINGLE, options=1),
        "Vraag 1 heeft minder dan twee antwoorden",
    ),
    (
        "scale_too_few",
        lambda: _scale_with_one_option(),
        "Vraag 1 heeft minder dan twee antwoorden",
    ),
    (
        "max_above_options",
        lambda: _with_question(QuestionKind.MULTIPLE, options=2, max_choices=3),
        "Bij vraag 1 mag iemand meer antwoorden kiezen dan er zijn (2)",
    ),
    (
        "close_before_open",
        lambda: _settings_after(
            opens_at=timezone.now() + timedelta(days=2),
            closes_at=timezone.now() + timedelta(days=1),
        ),
        "De peiling sluit voordat ze opent.",
    ),
    (
        "opens_in_past",
        lambda: _settings_after(opens_at=timezone.now() - timedelta(hours=1)),
        "De openingstijd ligt in het verleden.",
    ),
    (
        "empty_audience",
        lambda: _settings_after(audience="wijken"),
        "maar er is geen wijk gekozen",
    ),
]


def _with_question(kind, *, options, max_choices=None):
    poll = poll_editing.create_poll(title="Test")
    question = poll_editing.add_question(
        poll_id=poll.pk, kind=kind, text="Wat helpt?", max_choices=max_choices
    )
    for i in range(options):
        poll_editing.add_choice(question_id=question.pk, text=f"Antwoord {i}")
    return poll


def _scale_with_one_option():
    poll = poll_editing.create_poll(title="Test")
    question = poll_editing.add_question(poll_id=poll.pk, kind=QuestionKind.SCALE, text="Hoe?")
    question.choices.exclude(order=1).delete()
    return poll


def _settings_after(**changes):
    poll = concept_with(QuestionKind.SINGLE)
    if "closes_at" in changes:
        # the database refuses closing before opening, so test the check on an unsaved poll
        poll.opens_at, poll.closes_at = changes["opens_at"], changes["closes_at"]
        return poll
    Poll.objects.filter(pk=poll.pk).update(**changes)
    poll.refresh_from_db()
    return poll


@pytest.mark.parametrize(("code", "make", "message"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_each_refused_publish_says_why_and_changes_nothing(wg, code, make, message, mailoutbox):
    poll = make()
    if code == "close_before_open":
        codes = [p.code for p in publishing.poll_problems(poll)]
        assert codes == ["close_before_open"]
        assert message in publishing_message(codes[0])
        return
    before = Poll.objects.filter(pk=poll.pk).values().get()
    response = wg.post(reverse("werkgroep:studio_publish", args=[poll.pk]), follow=True)
    assert message in response.content.decode()
    assert Poll.objects.filter(pk=poll.pk).values().get() == before
    assert not PollInvitation.objects.exists() and mailoutbox == []


def publishing_message(code: str) -> str:
    return problem_text(publishing.Problem(code))


def test_close_before_open_is_refused_in_the_settings_with_a_message(wg):
    poll = concept_with(QuestionKind.SINGLE)
    data = settings_data(
        poll,
        opens_at=(timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"),
        closes_at=(timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"),
    )
    before = Poll.objects.filter(pk=poll.pk).values().get()
    response = wg.post(edit_url(poll), data, follow=True)
    assert "De peiling sluit voordat ze opent." in response.content.decode()
    assert Poll.objects.filter(pk=poll.pk).values().get() == before


def test_all_problems_are_listed_at_once():
    poll = poll_editing.create_poll(title="Leeg")
    Poll.objects.filter(pk=poll.pk).update(audience="wijken")
    with pytest.raises(PublishRefused) as refused:
        publishing.publish_poll(poll_id=poll.pk)
    assert [p.code for p in refused.value.problems] == ["no_questions", "empty_audience"]


def test_publishing_a_poll_opening_now_invites_the_audience_once(
    wg, member, mailoutbox, django_capture_on_commit_callbacks
):
    poll = concept_with(QuestionKind.SINGLE)
    Poll.objects.filter(pk=poll.pk).update(opens_at=timezone.now())
    PanelMemberFactory()
    with django_capture_on_commit_callbacks(execute=True):
        wg.post(reverse("werkgroep:studio_publish", args=[poll.pk]))
    poll.refresh_from_db()
    assert poll.status == PollStatus.OPEN
    assert len(mailoutbox) == 2
    assert f"/panel/vragen/{poll.pk}/uitnodiging/" in mailoutbox[0].body
    response = wg.post(reverse("werkgroep:studio_publish", args=[poll.pk]), follow=True)
    assert "al gepubliceerd" in response.content.decode()
    assert len(mailoutbox) == 2


def test_a_scheduled_poll_invites_nobody_until_it_opens(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    poll = concept_with(QuestionKind.SINGLE)
    with django_capture_on_commit_callbacks(execute=True):
        publishing.publish_poll(poll_id=poll.pk)
    assert poll.__class__.objects.get(pk=poll.pk).status == PollStatus.SCHEDULED
    assert mailoutbox == []
    Poll.objects.filter(pk=poll.pk).update(opens_at=timezone.now() - timedelta(minutes=1))
    call_command("send_poll_invitations")
    assert [m.to for m in mailoutbox] == [[member.user.email]]


@pytest.mark.django_db(transaction=True)
def test_publishing_twice_in_parallel_sends_each_invitation_once(mailoutbox):
    members = [PanelMemberFactory() for _ in range(6)]
    poll = concept_with(QuestionKind.SINGLE)
    Poll.objects.filter(pk=poll.pk).update(opens_at=timezone.now())
    barrier = threading.Barrier(2)
    outcomes = []

    def publish():
        try:
            barrier.wait()
            try:
                publishing.publish_poll(poll_id=poll.pk)
                outcomes.append("published")
            except publishing.PollPublished:
                outcomes.append("already")
        finally:
            connection.close()

    threads = [threading.Thread(target=publish) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["already", "published"]
    # and two workers sending the same poll's invitations at once
    Poll.objects.filter(pk=poll.pk).update(invitations_sent_at=None)
    PollInvitation.objects.all().delete()
    mailoutbox.clear()
    barrier = threading.Barrier(3)
    sent = []

    def work():
        try:
            barrier.wait()
            sent.append(send_poll_invitations(poll_id=poll.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(sent) == len(members)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(m.user.email for m in members)


# Locked once answered --------------------------------------------------------------------


@pytest.fixture
def answered(member):
    poll = make_poll(with_text=False)
    cast_vote(member=member, poll=poll, answers=answers_for(poll))
    return poll


def test_options_of_a_poll_with_answers_cannot_change(answered):
    question = answered.questions.order_by("order").first()
    choice = question.choices.order_by("order").first()
    before = list(Choice.objects.filter(question__poll=answered).values().order_by("pk"))
    for attempt in (
        lambda: poll_editing.add_choice(question_id=question.pk, text="Nieuw"),
        lambda: poll_editing.delete_choice(choice_id=choice.pk),
        lambda: poll_editing.move_choice(choice_id=choice.pk, step=1),
        lambda: poll_editing.delete_question(question_id=question.pk),
        lambda: poll_editing.move_question(question_id=question.pk, step=1),
        lambda: poll_editing.add_question(poll_id=answered.pk, kind="text", text="Nog iets?"),
    ):
        with pytest.raises(PollLocked):
            attempt()
    assert list(Choice.objects.filter(question__poll=answered).values().order_by("pk")) == before
    assert answered.questions.count() == 3


def test_a_refused_edit_gets_a_dutch_message_and_the_editor_says_it_is_locked(wg, answered):
    question = answered.questions.order_by("order").first()
    choice = question.choices.order_by("order").first()
    data = {f"q{question.pk}-text": question.text}
    data.update({f"q{question.pk}-choice_{c.pk}": c.text for c in question.choices.all()})
    response = wg.post(edit_url(answered), {**data, "do": f"c-delete:{choice.pk}"}, follow=True)
    html = response.content.decode()
    assert "Deze peiling heeft al antwoorden." in html
    assert "De vragen en antwoorden liggen daarom vast" in html
    assert Choice.objects.filter(pk=choice.pk).exists()


def test_texts_of_a_poll_with_answers_may_be_corrected(wg, answered):
    question = answered.questions.order_by("order").first()
    choice = question.choices.order_by("order").first()
    data = {f"q{question.pk}-text": "Weet u waar u hulp kunt krijgen?"}
    data.update({f"q{question.pk}-choice_{c.pk}": c.text for c in question.choices.all()})
    data[f"q{question.pk}-choice_{choice.pk}"] = "Ja, dat weet ik"
    wg.post(edit_url(answered), {**data, "do": f"save:{question.pk}"})
    question.refresh_from_db()
    choice.refresh_from_db()
    assert (question.text, choice.text) == ("Weet u waar u hulp kunt krijgen?", "Ja, dat weet ik")


def test_anonymity_of_a_poll_with_answers_cannot_change(wg, answered):
    response = wg.post(edit_url(answered), settings_data(answered, anonymous="no"), follow=True)
    answered.refresh_from_db()
    assert answered.anonymous is True
    assert "Deze peiling heeft al antwoorden." in response.content.decode()


# Close early and hostile input -------------------------------------------------------------


def test_close_early_closes_an_open_poll_with_one_button(wg, answered):
    wg.post(reverse("werkgroep:studio_close", args=[answered.pk]))
    answered.refresh_from_db()
    assert answered.status == PollStatus.CLOSED


def test_huge_and_wrong_dates_get_a_dutch_message(wg):
    poll = concept_with(QuestionKind.SINGLE)
    for opens in ("9999-12-31T23:59", "morgen", "0001-01-01T00:00"):
        response = wg.post(edit_url(poll), settings_data(poll, opens_at=opens))
        assert response.status_code == 200
        html = response.content.decode()
        assert "Kies een datum binnen twee jaar" in html or "Deze datum of tijd klopt niet" in html


def test_a_megabyte_of_text_gets_a_dutch_message(wg):
    poll = concept_with()
    response = wg.post(
        edit_url(poll), {"do": "add-question", "add-kind": "text", "add-text": "x" * 1_000_000}
    )
    assert "De vraag is te lang" in response.content.decode()
    assert not Question.objects.filter(poll=poll).exists()


def test_forged_ids_are_not_found(wg):
    poll = concept_with(QuestionKind.SINGLE)
    other = concept_with(QuestionKind.SINGLE)
    question = other.questions.get()
    assert wg.post(edit_url(poll), {"do": f"delete:{question.pk}"}).status_code == 404
    assert wg.post(edit_url(poll), {"do": "delete:abc"}).status_code == 404
    assert wg.post(edit_url(poll), {"do": "nonsense"}).status_code == 404


def test_publish_and_open_now_opens_at_once_and_invites(
    wg, member, mailoutbox, django_capture_on_commit_callbacks
):
    poll = concept_with(QuestionKind.SINGLE)  # opens tomorrow morning by default
    with django_capture_on_commit_callbacks(execute=True):
        wg.post(reverse("werkgroep:studio_publish", args=[poll.pk]), {"when": "now"})
    poll.refresh_from_db()
    assert poll.status == PollStatus.OPEN
    assert [m.to for m in mailoutbox] == [[member.user.email]]


def test_a_refused_open_now_keeps_the_opening_time(wg):
    poll = concept_with()  # no questions
    opens = poll.opens_at
    wg.post(reverse("werkgroep:studio_publish", args=[poll.pk]), {"when": "now"})
    poll.refresh_from_db()
    assert (poll.opens_at, poll.published_at) == (opens, None)


def test_a_published_poll_keeps_its_questions_until_it_goes_back_to_concept(wg):
    poll = concept_with(QuestionKind.SINGLE)
    publishing.publish_poll(poll_id=poll.pk)
    question = poll.questions.get()
    with pytest.raises(publishing.PublishedLocked):
        poll_editing.delete_question(question_id=question.pk)
    response = wg.post(
        edit_url(poll),
        {"do": "add-question", "add-kind": "text", "add-text": "Nog iets?"},
        follow=True,
    )
    assert "Vragen en antwoorden veranderen kan alleen in een concept" in response.content.decode()
    assert poll.questions.count() == 1
    wg.post(reverse("werkgroep:studio_unpublish", args=[poll.pk]))
    poll.refresh_from_db()
    assert poll.status == PollStatus.DRAFT
    poll_editing.delete_question(question_id=question.pk)
    assert not poll.questions.exists()


def test_an_open_poll_cannot_go_back_to_concept(wg):
    poll = make_poll()
    response = wg.post(reverse("werkgroep:studio_unpublish", args=[poll.pk]), follow=True)
    assert "Terug naar concept kan alleen voordat ze opent" in response.content.decode()
    poll.refresh_from_db()
    assert poll.is_published
