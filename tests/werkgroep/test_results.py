"""Poll results for the werkgroep: suppressed breakdowns on the page and in both exports,
moderation of free text, and nothing that points at a person."""

import pytest
from django.urls import reverse

from panel.models import Answer, ModerationStatus, QuestionKind
from panel.services.polls import AnswerInput, cast_vote, moderate_answer
from sociale_kaart.models import Wijk
from tests.accounts.factories import UserFactory
from tests.werkgroep.audit import leaked
from tests.werkgroep.factories import PanelMemberFactory, add_votes, choice_ids, make_poll, wijken
from tests.werkgroep.tables import breakdown_blocks, csv_sections, html_tables, xlsx_sections
from werkgroep.models import ExportLog
from werkgroep.suppression import SECRET, SMALL

# Built to leak through its totals: Centrum has 3 "Ja"; with only that cell hidden, the row
# total (35) minus 12 and 20 gives it back, and so does the column total.
KNOWN = {"Centrum": (3, 12, 20), "Noord": (10, 11, 30), "Oost": (8, 9, 40)}


@pytest.fixture
def known_poll(db):
    poll = make_poll(with_text=True)
    q1, q2, q3 = (poll.questions.get(order=i) for i in (1, 2, 3))
    c1, c2, c3 = choice_ids(q1), choice_ids(q2), choice_ids(q3)
    places = dict(zip(["Centrum", "Noord", "Oost"], wijken(3), strict=True))
    rows = []
    for name, counts in KNOWN.items():
        for index, count in enumerate(counts):
            for k in range(count):
                rows.append(
                    {
                        "wijk": places[name],
                        "age_band": ["35-54", "55-66", "67-79"][k % 3],
                        "relation": ["partner", "parent"][k % 2],
                        "works": [True, False, None][k % 3],
                        "choices": {
                            q1.pk: [c1[index]],
                            q2.pk: [c2[(k + index) % 4], c2[(k + index + 1) % 4]],
                            q3.pk: [c3[(k * 7 + index) % 5]],
                        },
                    }
                )
    add_votes(poll, rows)
    return poll


def _is_hidden(value) -> bool:
    return value in (SMALL, SECRET)


def _check_block(block, raw_by_label=None):
    """Every cell under 5 is "<5" (raw known), and nothing hidden can be computed back."""
    header, body = block[0], block[1:]
    rows_are_sums = header[-1] == "Totaal"
    assert leaked(block, rows_are_sums=rows_are_sums) == [], block
    for row in body[:-1]:
        cells = row[1 : len(row) - (1 if rows_are_sums else 0)]
        for value in cells:
            assert isinstance(value, int) and value >= 5 or _is_hidden(value), row
        if raw_by_label and row[0] in raw_by_label:
            for raw, shown in zip(raw_by_label[row[0]], cells, strict=True):
                assert (shown == SMALL) == (raw < 5)
                if shown not in (SMALL, SECRET):
                    assert shown == raw


@pytest.mark.parametrize("dimension", ["wijk", "age_band", "relation", "works"])
def test_every_breakdown_cell_on_the_page_is_suppressed_and_cannot_be_computed_back(
    client, werkgroep_user, known_poll, dimension
):
    client.force_login(werkgroep_user)
    html = client.get(
        reverse("werkgroep:poll_results", args=[known_poll.pk]) + f"?uitsplitsing={dimension}"
    ).content.decode()
    tables = html_tables(html)
    assert len(tables) == 3  # single, multiple, scale
    for table in tables:
        _check_block(table, KNOWN if dimension == "wijk" and table is tables[0] else None)


def test_the_leaky_cell_is_shown_as_small_and_a_second_cell_is_hidden(
    client, werkgroep_user, known_poll
):
    client.force_login(werkgroep_user)
    html = client.get(reverse("werkgroep:poll_results", args=[known_poll.pk])).content.decode()
    table = html_tables(html)[0]
    centrum = next(row for row in table if row[0] == "Centrum")
    assert centrum[1] == SMALL
    assert sum(1 for v in centrum[1:] if _is_hidden(v)) >= 2


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_export_cell_is_suppressed_the_same_way(client, werkgroep_user, known_poll, fmt):
    client.force_login(werkgroep_user)
    response = client.get(reverse("werkgroep:export_poll", args=[known_poll.pk, fmt]))
    assert response.status_code == 200
    sections = (csv_sections if fmt == "csv" else xlsx_sections)(response.content)
    breakdowns = [name for name in sections if name.startswith("Per ")]
    assert len(breakdowns) == 5
    for name in breakdowns:
        blocks = breakdown_blocks(sections[name])
        assert len(blocks) == 3, name
        for title, block in blocks:
            _check_block(
                block, KNOWN if name == "Per wijk" and title.startswith("Weet u") else None
            )


def test_exports_are_recorded_with_who_what_and_when(client, werkgroep_user, known_poll):
    client.force_login(werkgroep_user)
    client.get(reverse("werkgroep:export_poll", args=[known_poll.pk, "xlsx"]))
    client.get(reverse("werkgroep:export_actions", args=["csv"]))
    client.get(reverse("werkgroep:export_referrals", args=["xlsx"]))
    logs = list(ExportLog.objects.order_by("pk"))
    assert [(log.what, log.file_format) for log in logs] == [
        ("poll_results", "xlsx"),
        ("action_points", "csv"),
        ("referral_counts", "xlsx"),
    ]
    assert all(
        log.user == werkgroep_user and log.user_email == werkgroep_user.email and log.created_at
        for log in logs
    )
    assert logs[0].params == {"poll_id": known_poll.pk}
    page = client.get(reverse("werkgroep:export_log")).content.decode()
    assert werkgroep_user.email in page


# Free text ------------------------------------------------------------------------------------

HIDDEN = "Mijn buurman Piet Jansen op nummer 12 slaat zijn moeder"
APPROVED = "Ik wil graag een vaste contactpersoon"
PENDING = "Wanneer komt de folder er"


@pytest.fixture
def texts(known_poll, werkgroep_user):
    text_q = known_poll.questions.get(kind=QuestionKind.TEXT)
    answers = [
        Answer.objects.create(question=text_q, text=t, status=ModerationStatus.PENDING)
        for t in (HIDDEN, APPROVED, PENDING)
    ]
    moderate_answer(answer_id=answers[0].pk, approve=False, reason="Herkenbaar", by=werkgroep_user)
    moderate_answer(answer_id=answers[1].pk, approve=True, reason="", by=werkgroep_user)
    return answers


def _all_werkgroep_output(client, poll) -> str:
    pages = [
        reverse("werkgroep:dashboard"),
        reverse("werkgroep:poll_results", args=[poll.pk]),
        reverse("werkgroep:moderation", args=[poll.pk]),
        reverse("werkgroep:report") + "?date_from=2000-01-01",
        reverse("werkgroep:actions"),
        reverse("werkgroep:coverage"),
        reverse("werkgroep:gesprekken"),
        reverse("werkgroep:export_log"),
        reverse("wij_deden"),
    ] + [
        reverse("werkgroep:poll_results", args=[poll.pk]) + f"?uitsplitsing={d}"
        for d in ("age_band", "relation", "works")
    ]
    out = [client.get(url).content.decode() for url in pages]
    for fmt in ("csv", "xlsx"):
        body = client.get(reverse("werkgroep:export_poll", args=[poll.pk, fmt])).content
        sections = csv_sections(body) if fmt == "csv" else xlsx_sections(body)
        out.append(repr(sections))
        out.append(
            repr(
                xlsx_sections(
                    client.get(reverse("werkgroep:export_actions", args=["xlsx"])).content
                )
            )
        )
        out.append(
            client.get(reverse("werkgroep:export_referrals", args=["csv"])).content.decode(
                "utf-8-sig"
            )
        )
    return "\n".join(out)


def test_a_hidden_answer_appears_on_no_page_and_in_no_export(
    client, werkgroep_user, known_poll, texts
):
    client.force_login(werkgroep_user)
    everything = _all_werkgroep_output(client, known_poll)
    assert HIDDEN not in everything
    assert "Piet Jansen" not in everything


def test_approved_text_is_shown_in_the_results_and_pending_text_only_in_the_queue(
    client, werkgroep_user, known_poll, texts
):
    client.force_login(werkgroep_user)
    results = client.get(reverse("werkgroep:poll_results", args=[known_poll.pk])).content.decode()
    queue = client.get(reverse("werkgroep:moderation", args=[known_poll.pk])).content.decode()
    assert APPROVED in results and PENDING not in results
    waiting, _, decided = queue.partition("Al beslist")
    assert PENDING in waiting and APPROVED not in waiting and HIDDEN not in queue
    # Approved text stays listed below the queue, so the decision can be undone.
    assert APPROVED in decided and PENDING not in decided


def test_hiding_an_answer_needs_a_reason(client, werkgroep_user, known_poll, texts):
    client.force_login(werkgroep_user)
    pending = texts[2]
    response = client.post(
        reverse("werkgroep:moderation", args=[known_poll.pk]),
        {"answer_id": pending.pk, "decision": "hide", "reason": ""},
    )
    assert response.status_code == 200
    assert "Zeg waarom u dit antwoord verbergt." in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == ModerationStatus.PENDING


def test_moderating_from_the_queue_hides_the_answer_with_who_and_why(
    client, werkgroep_user, known_poll, texts
):
    client.force_login(werkgroep_user)
    pending = texts[2]
    response = client.post(
        reverse("werkgroep:moderation", args=[known_poll.pk]),
        {"answer_id": pending.pk, "decision": "hide", "reason": "Geen antwoord op de vraag"},
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert (pending.status, pending.hidden_reason, pending.moderated_by) == (
        ModerationStatus.HIDDEN,
        "Geen antwoord op de vraag",
        werkgroep_user,
    )
    assert PENDING not in _all_werkgroep_output(client, known_poll)


# Nobody identifiable -------------------------------------------------------------------------


def test_no_page_or_export_shows_the_name_or_email_of_a_panel_member(client, werkgroep_user, db):
    poll = make_poll(anonymous=False)
    place = wijken(1)[0]
    people = []
    for i in range(6):
        user = UserFactory(
            email=f"geertruida{i}@voorbeeld.nl", first_name="Geertruida", last_name=f"Zonnebloem{i}"
        )
        member = PanelMemberFactory(user=user, wijk=place, age_band="55-66", works=False)
        answers = [
            AnswerInput(question_id=q.pk, choice_ids=tuple(choice_ids(q)[:1]))
            for q in poll.questions.exclude(kind=QuestionKind.TEXT).order_by("order")
        ] + [
            AnswerInput(
                question_id=poll.questions.get(kind=QuestionKind.TEXT).pk,
                text="Het gaat goed met ons",
            )
        ]
        cast_vote(member=member, poll=poll, answers=answers)
        people.append(user)
    for answer in Answer.objects.filter(question__kind=QuestionKind.TEXT):
        moderate_answer(answer_id=answer.pk, approve=True, reason="", by=werkgroep_user)
    client.force_login(werkgroep_user)
    everything = _all_werkgroep_output(client, poll)
    assert "Het gaat goed met ons" in everything  # the approved answers are there...
    for user in people:  # ...but nobody who gave them
        assert user.email not in everything
        assert user.last_name not in everything
    assert "Geertruida" not in everything


def test_breakdown_rows_name_every_group_in_order_and_unknown_last(
    client, werkgroep_user, known_poll
):
    """Counts are keyed by wijk id or code (panel.breakdown); names are attached only on the
    page: every wijk (by name), every answer to "works", and "Onbekend" for the votes
    without one."""
    client.force_login(werkgroep_user)
    url = reverse("werkgroep:poll_results", args=[known_poll.pk])
    by_wijk = html_tables(client.get(url + "?uitsplitsing=wijk").content.decode())[0]
    assert [row[0] for row in by_wijk[1:-1]] == list(
        Wijk.objects.order_by("name").values_list("name", flat=True)
    )
    by_work = html_tables(client.get(url + "?uitsplitsing=works").content.decode())[0]
    assert [row[0] for row in by_work[1:-1]] == ["Betaald werk", "Geen betaald werk", "Onbekend"]
