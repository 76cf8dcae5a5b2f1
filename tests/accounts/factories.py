import factory

from accounts.models import Profession, Role, User
from accounts.services import create_account

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    """A user made the way the product makes them: profile and verified e-mail included."""

    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    role = Role.CAREGIVER
    profession = ""
    organisation = None
    wijk = None
    password = PASSWORD
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Persoon {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        role = kwargs.pop("role")
        profession = kwargs.pop("profession") or (
            Profession.OTHER if role == Role.PROFESSIONAL else ""
        )
        return create_account(role=role, profession=profession, verified=True, **kwargs)
