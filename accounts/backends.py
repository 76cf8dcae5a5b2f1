"""Authentication backends that load a logged-in person with what every request asks about.

Django loads the user once per request (from the session); the role (Profile) and the panel
membership were then two more queries on most pages and on every vote. These backends read
them in the same query (LEFT JOINs on one-to-one rows). Otherwise they are Django's and
allauth's backends unchanged.
"""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend

# Reverse one-to-one rows read with the user: the role, and the panel membership with its wijk.
WITH_USER = ("profile", "panel_member__wijk")


class LoadsProfileAndMembership(DjangoModelBackend):
    """get_user / aget_user of Django's ModelBackend, with the rows of WITH_USER joined."""

    def _users(self):
        return get_user_model()._default_manager.select_related(*WITH_USER)

    def get_user(self, user_id):
        User = get_user_model()
        try:
            user = self._users().get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    async def aget_user(self, user_id):
        User = get_user_model()
        try:
            user = await self._users().aget(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None


class ModelBackend(LoadsProfileAndMembership):
    pass


class AuthenticationBackend(LoadsProfileAndMembership, AllauthBackend):
    pass
