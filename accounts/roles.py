"""Role checks: one place that says who may enter which area."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from accounts.models import Role, User

# Which roles may enter each area of the site.
AREA_ROLES: dict[str, frozenset[str]] = {
    "training": frozenset({Role.PROFESSIONAL, Role.ADMIN}),
    "panel": frozenset({Role.CAREGIVER}),
    "werkgroep": frozenset({Role.WERKGROEP, Role.ADMIN}),
}

START_PAGES: dict[str, str] = {
    Role.CAREGIVER: "panel:home",
    Role.PROFESSIONAL: "training:home",
    Role.WERKGROEP: "werkgroep:dashboard",
    Role.ADMIN: "werkgroep:dashboard",
}


def role_of(user) -> str | None:
    """The user's role, or None for anonymous users and accounts without a profile."""
    if user is None or not user.is_authenticated:
        return None
    profile = getattr(user, "profile", None)
    if profile is not None:
        return profile.role
    if user.is_superuser:
        return Role.ADMIN
    return None


def has_role(user, *roles: str) -> bool:
    return role_of(user) in roles


def role_required(*roles: str) -> Callable:
    """Anonymous visitors go to the login page; a logged-in user of another role gets 403."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def signed_in_user(request: HttpRequest) -> User:
    """The logged-in user of a request, typed as one, for the reads and writes that take a
    user. Views behind role_required or area_required never see an anonymous visitor here; any
    other view that calls this without a login is refused."""
    user = request.user
    if isinstance(user, AnonymousUser):
        raise PermissionDenied
    return user


def area_required(area: str) -> Callable:
    return role_required(*AREA_ROLES[area])
