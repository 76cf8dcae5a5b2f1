"""A known data set for the reporting tests: the first half of 2026 against the second half
of 2025, with every figure the monitor shows worked out by hand in the test that reads it."""

from datetime import date, datetime

from django.utils import timezone

from accounts.models import Profession, Role
from panel.models import Registration, RegistrationKind, RegistrationStatus
from sociale_kaart.models import Organisation, Vraaggebied
from tests.accounts.factories import UserFactory
from tests.panel.factories import PanelMemberFactory, SpiegelgesprekFactory, make_poll
from tests.training.factories import ModuleFactory, ReferralFactory
from tests.werkgroep.factories import add_votes, wijken
from training.models import Certificate, Progress
from werkgroep.models import ActionPoint, ActionStatusChange
from werkgroep.periods import Period

PERIOD = Period(start=date(2026, 1, 1), end=date(2026, 6, 30))


def at(y: int, m: int, d: int, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime(y, m, d, hour))


def members() -> None:
    """3 before the previous period (1 leaves in Sep 2025), 2 join in Aug 2025 (1 leaves in
    Feb 2026), 4 join in Feb 2026 and 1 in Apr 2026."""
    for _ in range(2):
        PanelMemberFactory(joined_at=at(2025, 5, 10))
    PanelMemberFactory(joined_at=at(2025, 5, 10), user=None, left_at=at(2025, 9, 20))
    PanelMemberFactory(joined_at=at(2025, 8, 15))
    PanelMemberFactory(joined_at=at(2025, 8, 15), user=None, left_at=at(2026, 2, 10))
    for _ in range(4):
        PanelMemberFactory(joined_at=at(2026, 2, 3))
    PanelMemberFactory(joined_at=at(2026, 4, 20))


def polls() -> None:
    """October 2025: 4 members in the panel, 1 answers (25%). March 2026: 7 members, 2 answer."""
    before = make_poll(title="Najaar", opens_at=at(2025, 10, 5), closes_at=at(2025, 10, 20))
    add_votes(before, [{"choices": {}}])
    now = make_poll(title="Voorjaar", opens_at=at(2026, 3, 1), closes_at=at(2026, 3, 10))
    add_votes(now, [{"choices": {}}, {"choices": {}}])


def training() -> None:
    """Previous period: 1 huisarts passes and gets a certificate (Nov 2025). This period: the
    same huisarts passes a second module (not newly trained), 2 wijkverpleegkundigen of De
    Kern pass (Mar 2026); 1 of their certificates is revoked."""
    kern = Organisation.objects.create(name="De Kern")
    first, second = ModuleFactory(), ModuleFactory()
    doctor = UserFactory(role=Role.PROFESSIONAL, profession=Profession.HUISARTS)
    nurses = [
        UserFactory(
            role=Role.PROFESSIONAL, profession=Profession.WIJKVERPLEEGKUNDIGE, organisation=kern
        )
        for _ in range(2)
    ]
    passes = [
        (doctor, first, at(2025, 11, 3)),
        (doctor, second, at(2026, 3, 5)),
        (nurses[0], first, at(2026, 3, 6)),
        (nurses[1], first, at(2026, 3, 7)),
    ]
    for user, module, when in passes:
        Progress.objects.create(user=user, module=module, status="passed", passed_at=when)
    for i, (user, module, when) in enumerate(passes):
        if i == 1:
            continue  # the doctor's second module: no certificate in this data set
        Certificate.objects.create(
            code=f"C{i}",
            user=user,
            module=module,
            module_version=1,
            module_title=module.title,
            full_name="Test",
            profession=user.profile.profession,
            issued_on=timezone.localdate(when),
            minutes=15,
            accreditation_points=1,
            revoked_at=at(2026, 4, 1) if i == 3 else None,
        )


def referrals() -> None:
    """Previous period: 2 (1 warm). This period: 6 in Jan/May, 4 warm; wijken Centrum (5),
    none (1)."""
    centrum = wijken(1)[0]
    vraaggebied = Vraaggebied.objects.order_by("order").first()
    ReferralFactory(created_at=at(2025, 9, 1), warm=True, vraaggebieden=[vraaggebied])
    ReferralFactory(created_at=at(2025, 12, 1), warm=False, vraaggebieden=[vraaggebied])
    for day, warm in [(5, True), (6, True), (7, True), (8, False)]:
        ReferralFactory(
            created_at=at(2026, 1, day), warm=warm, wijk=centrum, vraaggebieden=[vraaggebied]
        )
    ReferralFactory(created_at=at(2026, 5, 2), warm=True, wijk=centrum, profession="wijkteam")
    ReferralFactory(created_at=at(2026, 5, 3), warm=False, profession="wijkteam")


def gesprekken() -> None:
    """Nov 2025: 2 caregivers. May 2026: 3 caregivers with a place, 1 waiting, 1 listener."""
    for when, places in [(at(2025, 11, 12), 2), (at(2026, 5, 12), 3)]:
        gesprek = SpiegelgesprekFactory(starts_at=when)
        for _ in range(places):
            Registration.objects.create(
                gesprek=gesprek,
                user=UserFactory(),
                kind=RegistrationKind.CAREGIVER,
                status=RegistrationStatus.REGISTERED,
            )
    Registration.objects.create(
        gesprek=gesprek,
        user=UserFactory(),
        kind=RegistrationKind.CAREGIVER,
        status=RegistrationStatus.WAITING,
    )
    Registration.objects.create(
        gesprek=gesprek,
        user=UserFactory(),
        kind=RegistrationKind.LISTENER,
        status=RegistrationStatus.REGISTERED,
    )


def actions() -> None:
    """A: made 1 Aug 2025, done 1 Nov 2025 (92 days). B: made 10 Jan 2026, planned 1 Feb,
    done 11 Mar 2026 (60 days). C: made 1 May 2026, still an idea."""
    history = {
        "A": [(at(2025, 8, 1), "idea"), (at(2025, 11, 1), "done")],
        "B": [(at(2026, 1, 10), "idea"), (at(2026, 2, 1), "planned"), (at(2026, 3, 11), "done")],
        "C": [(at(2026, 5, 1), "idea")],
    }
    for title, changes in history.items():
        point = ActionPoint.objects.create(
            title=title, status=changes[-1][1], created_at=changes[0][0]
        )
        previous = ""
        for when, status in changes:
            ActionStatusChange.objects.create(
                action_point=point, from_status=previous, to_status=status, changed_at=when
            )
            previous = status


def everything() -> None:
    members()
    polls()
    training()
    referrals()
    gesprekken()
    actions()
