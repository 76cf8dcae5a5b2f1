"""The one place that reaches into django-allauth's internals: starting its "log in with a
code sent by e-mail" flow for a user we just created (the panel's join wizard).

allauth has no public function for this: its own RequestLoginCodeView calls
`allauth.account.internal.flows.login_by_code.LoginCodeVerificationProcess.initiate`. Keeping
the call here means an allauth upgrade that moves it breaks one small module (covered by the
panel join tests), not a view.
"""

from allauth.account.internal.flows.login_by_code import LoginCodeVerificationProcess
from allauth.core import ratelimit
from django.http import HttpRequest


def may_request_code(request: HttpRequest, *, email: str) -> bool:
    """Counts one request against allauth's own "send me a code" rate limit for this address."""
    return ratelimit.consume(request, action="request_login_code", key=email.lower())


def send_login_code(request: HttpRequest, *, user) -> None:
    """E-mail a login code to the user and remember the pending login in the session; the
    person then enters it on allauth's page `account_confirm_login_code`."""
    LoginCodeVerificationProcess.initiate(request=request, user=user, email=user.email)
