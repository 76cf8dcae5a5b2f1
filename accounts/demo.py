"""The five demo accounts from DESIGN.md, all with password `mantelkring-demo`."""

from accounts.models import Profession, Profile, Role, User
from accounts.services import create_account, set_role
from sociale_kaart.models import Organisation, Wijk

DEMO_PASSWORD = "mantelkring-demo"

DEMO_ACCOUNTS = [
    # email, role, profession, organisation, first name, last name
    (
        "huisarts@demo.nl",
        Role.PROFESSIONAL,
        Profession.HUISARTS,
        "Huisartsenpraktijk De Linde (demo)",
        "Anna",
        "de Vries",
    ),
    (
        "wijkteam@demo.nl",
        Role.PROFESSIONAL,
        Profession.WIJKTEAM,
        "Sociaal Wijkteam Meppel (demo)",
        "Sanne",
        "Bakker",
    ),
    ("mantelzorger@demo.nl", Role.CAREGIVER, "", None, "Joke", "Mulder"),
    ("werkgroep@demo.nl", Role.WERKGROEP, "", "Welzijn Meppel (demo)", "Ruud", "Jansen"),
    ("beheer@demo.nl", Role.ADMIN, "", None, "Beheer", "Mantelkring"),
]


def load() -> str:
    created = 0
    wijk = Wijk.objects.order_by("name").first()
    for email, role, profession, org_name, first, last in DEMO_ACCOUNTS:
        organisation = Organisation.objects.filter(name=org_name).first() if org_name else None
        user = User.objects.filter(email=email).first()
        if user is None:
            create_account(
                email=email,
                role=role,
                password=DEMO_PASSWORD,
                profession=profession,
                organisation=organisation,
                wijk=wijk if role == Role.CAREGIVER else None,
                verified=True,
                first_name=first,
                last_name=last,
            )
            created += 1
        else:
            Profile.objects.update_or_create(
                user=user,
                defaults={"role": role, "profession": profession, "organisation": organisation},
            )
            set_role(user=user, role=role)
    return f"{created} accounts created, {len(DEMO_ACCOUNTS) - created} already there"
