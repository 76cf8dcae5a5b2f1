"""Two-factor settings are for the werkgroep and beheer only."""

from django.core.exceptions import PermissionDenied

from accounts.models import Role
from accounts.roles import has_role

MFA_PREFIX = "/accounts/2fa/"


class MfaRoleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path.startswith(MFA_PREFIX)
            and request.user.is_authenticated
            and not has_role(request.user, Role.WERKGROEP, Role.BEHEER)
            # A user who already turned it on must always be able to finish logging in.
            and not request.path.startswith(MFA_PREFIX + "authenticate")
        ):
            raise PermissionDenied
        return self.get_response(request)
