"""Who is the panel member behind a request or websocket, and what may they see.

Views and the websocket consumer (panel.consumers) ask the same functions here, so a rule
about seeing a poll or its results is written once.
"""

from collections.abc import Mapping
from datetime import datetime

from accounts.models import Role
from accounts.roles import role_of
from panel.exceptions import NotAMember, NotInAudience, PollClosed, PollNotOpenYet
from panel.models import (
    Audience,
    PanelMember,
    Poll,
    PollStatus,
    RegistrationKind,
    ResultsVisibility,
)

INVITES_KEY = "panel_invites"  # session key: {poll id: member id} opened by invitation links
LISTENER_ROLES = frozenset({Role.PROFESSIONAL, Role.WERKGROEP, Role.ADMIN})


def active_member(user) -> PanelMember | None:
    """The logged-in person's panel membership, if they take part (have not left).

    The authentication backends (accounts.backends) read it with the user, so on a request
    this costs no query; a user loaded otherwise reads it here."""
    if user is None or not user.is_authenticated:
        return None
    try:
        member = user.panel_member
    except PanelMember.DoesNotExist:
        return None
    return member if member.left_at is None else None


def remember_invitation(session, *, poll_id: int, member: PanelMember) -> None:
    """After a valid invitation link: this (anonymous) session answers the poll as `member`."""
    invites = session.get(INVITES_KEY, {})
    invites[str(poll_id)] = member.pk
    session[INVITES_KEY] = invites


def member_for_poll(*, user, session: Mapping | None, poll_id: int) -> PanelMember | None:
    """The member answering or watching a poll: the logged-in member, or, for someone not
    logged in, the member whose invitation link for this poll was opened in this session.
    Works for an HTTP request (request.user, request.session) and a websocket scope."""
    member = active_member(user)
    if member is None and session is not None and not (user and user.is_authenticated):
        member_id = session.get(INVITES_KEY, {}).get(str(poll_id))
        if member_id:
            member = (
                PanelMember.objects.filter(pk=member_id, left_at=None)
                .select_related("wijk")
                .first()
            )
    return member


def check_poll_open_for(
    *, member: PanelMember | None, poll: Poll, now: datetime | None = None
) -> None:
    """May this member answer this poll now? Raises the reason why not (a PanelError)."""
    if member is None or not member.is_active:
        raise NotAMember
    status = poll.status_at(now)
    if status in (PollStatus.DRAFT, PollStatus.SCHEDULED):  # a concept is never answerable
        raise PollNotOpenYet
    if status == PollStatus.CLOSED:
        raise PollClosed
    # .all(): the poll's wijken as prefetched (panel.poll_cache), else read here.
    if poll.audience == Audience.WIJKEN and member.wijk_id not in {w.pk for w in poll.wijken.all()}:
        raise NotInAudience


def has_answered(poll: Poll, member: PanelMember | None) -> bool:
    return member is not None and poll.participations.filter(member=member).exists()


def can_see_results(poll: Poll | None, member: PanelMember | None) -> bool:
    """Results are for people who answered, and only as the poll says (after answering or closing)."""
    if poll is None or member is None or poll.results_visibility == ResultsVisibility.NEVER:
        return False
    if not poll.is_published:
        return False
    if not has_answered(poll, member):
        return False
    if poll.results_visibility == ResultsVisibility.AFTER_CLOSE:
        return poll.status == PollStatus.CLOSED
    return True


def may_see_results(*, user, session: Mapping | None, poll_id: int) -> bool:
    """The one rule for live results (websocket) and the results page: a member (logged in or
    by invitation) who may see this poll's results."""
    poll = Poll.objects.published().filter(pk=poll_id).first()  # concepts do not exist here
    if poll is None:
        return False
    return can_see_results(poll, member_for_poll(user=user, session=session, poll_id=poll_id))


def kind_for(user) -> str | None:
    """Which kind of place in a spiegelgesprek this person may take, if any."""
    role = role_of(user)
    if role == Role.CAREGIVER:
        return RegistrationKind.CAREGIVER
    if role in LISTENER_ROLES:
        return RegistrationKind.LISTENER
    return None
