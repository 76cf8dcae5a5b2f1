"""Two-factor settings are for the werkgroep and beheer only."""

from asgiref.sync import iscoroutinefunction, markcoroutinefunction, sync_to_async
from django.core.exceptions import PermissionDenied

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
            and not has_role(request.user, Role.WERKGROEP, Role.BEHEER)
        ):
            raise PermissionDenied
        return self.get_response(request)

    async def __acall__(self, request):
        if _refused(request):  # only 2FA pages need the user; other requests stay lazy
            allowed = await sync_to_async(
                lambda: (
                    not request.user.is_authenticated
                    or has_role(request.user, Role.WERKGROEP, Role.BEHEER)
                )
            )()
            if not allowed:
                raise PermissionDenied
        return await self.get_response(request)
