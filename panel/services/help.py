"""Help when it goes badly: whether someone's answers call for help now, and their request to
be contacted, which is mailed to the contact point that beheer set.

The request is stored apart from the poll: it knows nothing of the poll, the answers or the
account, only the month. Name and phone or e-mail are wiped once the mail is sent.
"""

from collections.abc import Iterable
from functools import partial

from django.db import transaction

from panel.exceptions import NoContactPoint
from panel.models import ContactRequest, Question, QuestionKind
from panel.services import tasks
from panel.services.contact import active_contact_point

# On a well-being question, the lowest one or two points of the scale (values 1 and 2).
LOW_POINTS = (1, 2)


def answers_call_for_help(*, questions: Iterable[Question], stored: dict) -> bool:
    """True when a well-being question got one of its lowest two points, or the member ticked
    "ik wil graag dat iemand contact met mij opneemt" with a free-text answer.

    `stored` is the poll draft in the session ({question id: {"c": [choice ids]} or
    {"t": text, "k": contact wanted}}).
    """
    for question in questions:
        value = stored.get(str(question.pk)) or {}
        if question.kind == QuestionKind.TEXT:
            if value.get("k"):
                return True
            continue
        if not question.wellbeing:
            continue
        chosen = set(value.get("c", []))
        if any(c.pk in chosen and c.value in LOW_POINTS for c in question.choices.all()):
            return True
    return False


def request_contact(*, name: str, phone: str = "", email: str = "") -> ContactRequest:
    if active_contact_point() is None:
        raise NoContactPoint
    with transaction.atomic():
        request = ContactRequest.objects.create(
            name=name.strip(), phone=phone.strip(), email=email.strip()
        )
        transaction.on_commit(
            partial(tasks.send_contact_request.enqueue, contact_request_id=request.pk)
        )
    return request
