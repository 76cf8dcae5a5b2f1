"""Reads of certificates and registration numbers."""

from accounts.models import User
from training.models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Certificate,
    Module,
    Registration,
    normalise_code,
)


def certificate_by_code(code: str) -> Certificate | None:
    """A certificate by its code: an older long code exactly as issued, a short code in any
    case, with or without hyphens and spaces."""
    code = code.strip()[:100]
    if not code:
        return None
    exact = Certificate.objects.filter(code=code).first()
    if exact is not None:
        return exact
    short = normalise_code(code)
    if len(short) != CODE_LENGTH or not set(short) <= set(CODE_ALPHABET):
        return None
    return Certificate.objects.filter(code=short).first()


def registration_of(*, user: User) -> Registration | None:
    return Registration.objects.filter(user=user).first()


def certificates_of(*, user: User) -> list[Certificate]:
    return list(Certificate.objects.filter(user=user).order_by("-issued_on", "-pk"))


def own_certificate(*, user: User, code: str) -> Certificate | None:
    return Certificate.objects.filter(user=user, code=code).first()


def latest_certificate(*, user: User, module: Module) -> Certificate | None:
    return Certificate.objects.filter(user=user, module=module).order_by("-pk").first()
