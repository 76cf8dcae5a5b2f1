from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from accounts.roles import START_PAGES, role_of


class AccountAdapter(DefaultAccountAdapter):
    """Public sign-up is for professionals; caregivers join through the panel."""

    def get_login_redirect_url(self, request):
        role = role_of(request.user)
        if role in START_PAGES:
            return reverse(START_PAGES[role])
        return reverse("home")
