"""The werkgroep in a real browser: the live dashboard while a caregiver votes elsewhere,
and axe on every werkgroep page and on /wij-deden/."""

from django.urls import reverse
from playwright.sync_api import expect

from accounts.models import Role
from panel.models import Answer, ModerationStatus, QuestionKind
from sociale_kaart.models import Vraaggebied
from tests.accounts.factories import UserFactory
from tests.e2e.test_panel import log_in
from tests.werkgroep.factories import (
    PanelMemberFactory,
    closed_gesprek,
    make_poll,
    random_votes,
    wijken,
)
from werkgroep.services import (
    add_poll_evidence,
    change_status,
    create_action_point,
    record_export,
    record_outcome,
)


def test_the_dashboard_count_changes_within_a_second_when_a_caregiver_votes(new_page):
    poll = make_poll(with_text=False)
    PanelMemberFactory(wijk=wijken(1)[0])  # someone else in the audience
    caregiver = UserFactory(role=Role.CAREGIVER, email="stemmer@example.org")
    PanelMemberFactory(user=caregiver, wijk=wijken(1)[0])
    werkgroep = UserFactory(role=Role.WERKGROEP, email="lid@example.org")

    dashboard = new_page()
    dashboard.goto("/")
    log_in(dashboard, werkgroep)
    dashboard.goto(reverse("werkgroep:dashboard"))
    row = dashboard.locator(f'tr[data-poll-id="{poll.pk}"]')
    expect(row.locator('[data-live="responses"]')).to_have_text("0")
    expect(dashboard.locator("[data-live-connected=true]")).to_be_attached()

    voter = new_page()  # another browser context: the caregiver at home
    voter.goto("/")
    log_in(voter, caregiver)
    voter.goto(reverse("panel:poll", args=[poll.pk]))
    voter.get_by_role("link", name="Begin").click()
    voter.get_by_label("Ja", exact=True).check()
    voter.get_by_role("button", name="Volgende vraag").click()
    voter.get_by_label("Informatie").check()
    voter.get_by_role("button", name="Volgende vraag").click()
    voter.get_by_label("Gaat wel").check()
    voter.get_by_role("button", name="Bekijk mijn antwoord").click()
    voter.get_by_role("button", name="Verstuur mijn antwoord").click()
    expect(voter.get_by_role("heading", level=1)).to_have_text("Dank u wel!")

    # The werkgroep's page was not reloaded; the numbers arrive over the websocket.
    expect(row.locator('[data-live="responses"]')).to_have_text("1", timeout=1000)
    expect(row.locator('[data-live="response_rate"]')).to_have_text("50", timeout=1000)


def test_every_werkgroep_page_and_wij_deden_have_no_axe_violations(new_page, assert_accessible):
    werkgroep = UserFactory(role=Role.WERKGROEP, email="axe@example.org")
    poll = make_poll()
    random_votes(poll, 30)
    text_q = poll.questions.get(kind=QuestionKind.TEXT)
    Answer.objects.create(
        question=text_q, text="Graag hulp in de avond", status=ModerationStatus.PENDING
    )
    Answer.objects.create(
        question=text_q, text="Fijn dat dit er is", status=ModerationStatus.APPROVED
    )
    gesprek = closed_gesprek()
    quote = record_outcome(
        gesprek_id=gesprek.pk,
        kind="quote",
        text="Ik ben altijd moe",
        by=werkgroep,
        speaker_consent=True,
        vraaggebieden=Vraaggebied.objects.filter(code="advies"),
    )
    point = create_action_point(
        title="Eén nummer voor vragen",
        by=werkgroep,
        said="U zocht lang.",
        done="Er is nu één nummer.",
        is_public=True,
        outcomes=[quote],
    )
    add_poll_evidence(action_point=point, question_id=poll.questions.get(order=1).pk)
    change_status(action_point=point, status="planned", by=werkgroep)
    record_export(user=werkgroep, what="action_points", file_format="csv")

    public = new_page()
    public.goto(reverse("wij_deden"))
    expect(public.get_by_role("heading", level=1)).to_have_text("Jullie zeiden, wij deden")
    assert_accessible(public)

    page = new_page()
    page.goto("/")
    log_in(page, werkgroep)
    urls = [
        reverse("werkgroep:dashboard"),
        reverse("werkgroep:poll_results", args=[poll.pk]),
        reverse("werkgroep:poll_results", args=[poll.pk]) + "?uitsplitsing=age_band",
        reverse("werkgroep:moderation", args=[poll.pk]),
        reverse("werkgroep:actions"),
        reverse("werkgroep:action_new"),
        reverse("werkgroep:action", args=[point.pk]),
        reverse("werkgroep:action_edit", args=[point.pk]),
        reverse("werkgroep:gesprekken"),
        reverse("werkgroep:gesprek", args=[gesprek.pk]),
        reverse("werkgroep:coverage"),
        reverse("werkgroep:report"),
        reverse("werkgroep:export_log"),
    ]
    for url in urls:
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)
    # a form with errors is accessible too
    page.goto(reverse("werkgroep:action_new"))
    page.get_by_role("button", name="Actiepunt opslaan").click()
    expect(page.get_by_text("Vul dit in.")).to_be_visible()
    assert_accessible(page)
