"""Demo for the poll studio (after panel.demo and werkgroep.demo): a concept poll, a repeated
pair with results to compare, and a follow-up poll on a done action point with its result on
/wij-deden/. (panel.demo already makes a scheduled poll.) Safe to run again."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from panel import poll_editing
from panel.demo import _respond
from panel.models import PanelMember, Poll, QuestionKind
from werkgroep.models import ActionPoint, ActionStatus, FollowUpPoll
from werkgroep.services import ask_if_it_helps

CONCEPT = "Informatie op papier"
PAIR = "Hoe gaat het met u? (voorjaar)"
PAIR_REPEAT = "Hoe gaat het met u? (najaar)"
FOLLOWED_UP = "Eén telefoonnummer voor alle vragen"


def _concept() -> bool:
    if Poll.objects.filter(title=CONCEPT).exists():
        return False
    poll = poll_editing.create_poll(
        title=CONCEPT, intro="Wilt u informatie op papier? Vertel het ons."
    )
    question = poll_editing.add_question(
        poll_id=poll.pk, kind=QuestionKind.SINGLE, text="Leest u liever op papier?"
    )
    for text in ("Ja", "Nee", "Allebei goed"):
        poll_editing.add_choice(question_id=question.pk, text=text)
    poll_editing.add_question(
        poll_id=poll.pk, kind=QuestionKind.SCALE, text="Hoe goed kunt u de folders lezen?"
    )
    return True


def _set_times(poll: Poll, start: int, end: int) -> None:
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    Poll.objects.filter(pk=poll.pk).update(
        opens_at=now + timedelta(days=start),
        closes_at=now + timedelta(days=end),
        published_at=now + timedelta(days=start),
    )
    poll.refresh_from_db()


def _pair(members: list, rng: random.Random) -> bool:
    if Poll.objects.filter(title=PAIR).exists():
        return False
    first = poll_editing.create_poll(
        title=PAIR, intro="Een korte vraag over hoe het met u gaat. We vragen het elk half jaar."
    )
    poll_editing.add_question(poll_id=first.pk, kind=QuestionKind.SCALE, text="Hoe gaat het met u?")
    question = poll_editing.add_question(
        poll_id=first.pk, kind=QuestionKind.SINGLE, text="Heeft u genoeg tijd voor uzelf?"
    )
    for text in ("Ja", "Soms", "Nee"):
        poll_editing.add_choice(question_id=question.pk, text=text)
    _set_times(first, -55, -40)
    _respond(first, members[::2], rng)
    repeat = poll_editing.repeat_poll(poll_id=first.pk)
    Poll.objects.filter(pk=repeat.pk).update(title=PAIR_REPEAT)
    _set_times(repeat, -25, -10)
    _respond(repeat, members[1::2], rng)
    return True


def _follow_up(members: list, rng: random.Random) -> bool:
    point = ActionPoint.objects.filter(title=FOLLOWED_UP, status=ActionStatus.DONE).first()
    if point is None or FollowUpPoll.objects.filter(action_point=point).exists():
        return False
    poll = ask_if_it_helps(
        action_point=point, by=User.objects.filter(email="werkgroep@demo.nl").first()
    )
    _set_times(poll, -20, -2)
    _respond(poll, members[::4], rng)
    return True


@transaction.atomic
def load() -> str:
    rng = random.Random(9)
    members = list(PanelMember.objects.filter(left_at=None).order_by("pk"))
    made = [_concept(), _pair(members, rng), _follow_up(members, rng)]
    return f"{sum(made)} new studio examples (concept, repeated pair, follow-up poll)"
