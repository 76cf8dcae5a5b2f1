"""Two-factor login: its settings are for the werkgroep and beheer only, and guarded pages
need the second step from every account that has one."""

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.signals import authenticator_added
from allauth.mfa.utils import is_mfa_enabled
from asgiref.sync import iscoroutinefunction, markcoroutinefunction, sync_to_async
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.roles import has_role

MFA_PREFIX = "/accounts/2fa/"


def _refused(request) -> bool:
    return request.path.startswith(MFA_PREFIX) and not request.path.startswith(
        MFA_PREFIX + "authenticate"
    )


class MfaRoleMiddleware:
    """Sync and async capable, so ASGI workers need no thread hop for it on every request."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request):
        if iscoroutinefunction(self):
            return self.__acall__(request)
        # A user who already turned it on must always be able to finish logging in.
        if (
            _refused(request)
            and request.user.is_authenticated
            and not has_role(request.user, Role.WERKGROEP, Role.ADMIN)
        ):
            raise PermissionDenied
        return self.get_response(request)

    async def __acall__(self, request):
        if _refused(request):  # only 2FA pages need the user; other requests stay lazy
            allowed = await sync_to_async(
                lambda: (
                    not request.user.is_authenticated
                    or has_role(request.user, Role.WERKGROEP, Role.ADMIN)
                )
            )()
            if not allowed:
                raise PermissionDenied
        return await self.get_response(request)


# The admin, the werkgroep area and the 2FA settings: the pages a stolen password must not open.
GUARDED_PREFIXES = ("/admin/", "/werkgroep/", MFA_PREFIX)


def _second_step_redirect(request) -> HttpResponseRedirect | None:
    """None when the request may go on; else where to send it.

    allauth asks for the second step at every login it handles. This also holds for any
    other way into a session (Django's own login, a session from before TOTP was switched
    on): an account with two-factor login gets no guarded page without the second step.
    """
    user = request.user
    if not user.is_authenticated:
        return None
    records = get_authentication_records(request, user)
    if any(record.get("method") == "mfa" for record in records):
        return None
    if is_mfa_enabled(user):
        logout(request)
        return redirect_to_login(request.get_full_path())
    if (
        request.path.startswith("/admin/")
        and getattr(settings, "MANTELKRING_ADMIN_REQUIRES_2FA", False)
        and has_role(user, Role.ADMIN)
    ):
        messages.info(
            request,
            _("Zet eerst inloggen in twee stappen aan. Daarna kunt u naar het beheer."),
        )
        return HttpResponseRedirect(reverse("mfa_activate_totp"))
    return None


class SecondStepMiddleware:
    """Guarded pages need the second login step from accounts that have one.

    Sync and async capable, like MfaRoleMiddleware; other paths cost nothing.
    """

    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request):
        if iscoroutinefunction(self):
            return self.__acall__(request)
        if request.path.startswith(GUARDED_PREFIXES):
            response = _second_step_redirect(request)
            if response is not None:
                return response
        return self.get_response(request)

    async def __acall__(self, request):
        if request.path.startswith(GUARDED_PREFIXES):
            response = await sync_to_async(_second_step_redirect)(request)
            if response is not None:
                return response
        return await self.get_response(request)


@receiver(authenticator_added, dispatch_uid="accounts.second_step_on_activation")
def record_second_step_on_activation(sender, request, user, authenticator, **kwargs) -> None:
    """Switching TOTP on proves the code works: the session that did it keeps going.

    Connected when the middleware is loaded, which is before any request can switch it on.
    """
    if request is not None and authenticator.type == authenticator.Type.TOTP:
        record_authentication(
            request, user, "mfa", id=authenticator.pk, type=authenticator.type, activated=True
        )
