"""Writes for accounts: creating people with the right profile."""

from allauth.account.models import EmailAddress
from django.db import transaction

from accounts.models import Profile, Role, User


@transaction.atomic
def create_account(
    *,
    email: str,
    role: str,
    password: str | None = None,
    profession: str = "",
    organisation=None,
    wijk=None,
    verified: bool = False,
    first_name: str = "",
    last_name: str = "",
) -> User:
    """Create a user and its profile; with verified=True the e-mail counts as confirmed."""
    user = User.objects.create_user(
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
    )
    Profile.objects.create(
        user=user, role=role, profession=profession, organisation=organisation, wijk=wijk
    )
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=verified)
    return user


def mark_email_verified(*, user: User) -> None:
    """The person proved they read mail at the account's address (a code sent there)."""
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"primary": True, "verified": True}
    )


@transaction.atomic
def set_role(*, user: User, role: str) -> Profile:
    """Beheer grants werkgroep or beheer; staff rights follow the beheer role."""
    profile, _ = Profile.objects.get_or_create(user=user)
    profile.role = role
    profile.save(update_fields=["role"])
    is_admin = role == Role.ADMIN
    if user.is_staff != is_admin or user.is_superuser != is_admin:
        user.is_staff = user.is_superuser = is_admin
        user.save(update_fields=["is_staff", "is_superuser"])
    return profile
