"""Every allauth page and e-mail a person can reach speaks formal Dutch ("u"), never "je".

allauth's own Dutch catalogue is informal. Our catalogue (locale/nl, in LOCALE_PATHS) and our
templates override it. The first test reads allauth's own Dutch catalogue, so after an
upgrade a new informal text fails here until we give it a formal one.
"""

import gettext
import re
from html.parser import HTMLParser
from pathlib import Path

import allauth
import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import Role
from tests.accounts.factories import PASSWORD, UserFactory

# "Jullie zeiden, wij deden" is the name of a page for all caregivers together, not a "je".
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)
ALLAUTH_NL = Path(allauth.__file__).parent / "locale" / "nl" / "LC_MESSAGES" / "django.mo"


def _allauth_dutch() -> dict:
    with ALLAUTH_NL.open("rb") as handle:
        return gettext.GNUTranslations(handle)._catalog


INFORMAL_MSGIDS = sorted(
    {
        (key if isinstance(key, str) else key[0])
        for key, text in _allauth_dutch().items()
        if key and INFORMAL.search(text)
    },
    key=str,
)


def test_allauth_still_has_informal_dutch_for_us_to_override():
    # If allauth ever turns formal, this list empties and the next test proves nothing.
    assert len(INFORMAL_MSGIDS) > 50


@pytest.mark.parametrize("msgid", INFORMAL_MSGIDS)
def test_each_informal_allauth_text_has_a_formal_dutch_text_of_ours(msgid):
    plural_keys = [key for key in _allauth_dutch() if isinstance(key, tuple) and key[0] == msgid]
    with translation.override("nl"):
        if plural_keys:
            texts = [translation.ngettext(msgid, msgid + "s", n) for n in (0, 1, 2)]
        else:
            texts = [translation.gettext(msgid)]
    for text in texts:
        assert text != msgid, f"no Dutch for {msgid!r}"
        assert not INFORMAL.search(text), text


class _Text(HTMLParser):
    """The text a person sees: no tags, no script or style."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in ("placeholder", "aria-label", "title", "alt") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def assert_formal(text: str, where: str) -> None:
    found = INFORMAL.findall(text)
    assert not found, f"{where}: informal {found} in {text[:2000]!r}"


ANONYMOUS_PAGES = [
    "account_login",
    "account_request_login_code",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_email_verification_sent",
]


@pytest.mark.parametrize("name", ANONYMOUS_PAGES)
def test_allauth_pages_for_visitors_say_u(client, db, name):
    response = client.get(reverse(name), follow=True)
    assert response.status_code == 200
    assert_formal(visible_text(response.content.decode()), name)


def test_a_broken_password_link_and_a_broken_confirmation_link_say_u(client, db):
    for url in (
        reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "nope"}),
        reverse("account_confirm_email", args=["nope"]),
    ):
        response = client.get(url, follow=True)
        assert response.status_code == 200
        assert_formal(visible_text(response.content.decode()), url)


@pytest.mark.parametrize(
    ("role", "names"),
    [
        (Role.PROFESSIONAL, ["account_email", "account_change_password", "account_logout"]),
        (
            Role.WERKGROEP,
            ["mfa_index", "mfa_activate_totp", "account_reauthenticate", "account_logout"],
        ),
    ],
)
def test_allauth_pages_for_people_logged_in_say_u(client, login_as, role, names):
    login_as(client, role)
    for name in names:
        response = client.get(reverse(name), follow=True)
        assert response.status_code == 200, name
        assert_formal(visible_text(response.content.decode()), name)


def _assert_mails_formal():
    assert mail.outbox
    for message in mail.outbox:
        assert_formal(f"{message.subject}\n{message.body}", message.subject)


def test_the_login_code_mail_and_page_say_u(client, caregiver):
    response = client.post(
        reverse("account_request_login_code"), {"email": caregiver.email}, follow=True
    )
    assert_formal(visible_text(response.content.decode()), "code page")
    _assert_mails_formal()


def test_the_mail_for_an_unknown_address_says_u(client, db):
    client.post(reverse("account_request_login_code"), {"email": "nieuw@example.org"})
    client.post(reverse("account_reset_password"), {"email": "ander@example.org"})
    assert len(mail.outbox) == 2
    _assert_mails_formal()


def test_password_reset_mail_and_pages_say_u(client, professional):
    response = client.post(
        reverse("account_reset_password"), {"email": professional.email}, follow=True
    )
    assert_formal(visible_text(response.content.decode()), "reset done")
    _assert_mails_formal()
    link = re.search(r"https?://\S+/password/reset/key/\S+", mail.outbox[-1].body).group(0)
    response = client.get(link, follow=True)
    assert_formal(visible_text(response.content.decode()), "reset form")
    response = client.post(
        response.redirect_chain[-1][0] if response.redirect_chain else link,
        {"password1": "een-heel-nieuw-wachtwoord-7", "password2": "een-heel-nieuw-wachtwoord-7"},
        follow=True,
    )
    assert_formal(visible_text(response.content.decode()), "reset from key done")
    _assert_mails_formal()


def test_sign_up_mails_and_pages_say_u(client, db):
    from sociale_kaart.models import Organisation

    org = Organisation.objects.create(name="Praktijk")
    data = {
        "email": "nieuw@example.org",
        "password1": "een-lang-wachtwoord-42",
        "password2": "een-lang-wachtwoord-42",
        "first_name": "Nina",
        "last_name": "Smit",
        "profession": "huisarts",
        "organisation": org.pk,
    }
    response = client.post(reverse("account_signup"), data, follow=True)
    assert_formal(visible_text(response.content.decode()), "verification sent")
    # The same address again: allauth mails "an account already exists" (once the limit of one
    # mail per address in three minutes has passed).
    cache.clear()
    Client().post(reverse("account_signup"), data, follow=True)
    assert len(mail.outbox) == 2
    _assert_mails_formal()
    link = re.search(r"https?://\S+/confirm-email/\S+", mail.outbox[0].body).group(0)
    response = client.get(link, follow=True)
    assert_formal(visible_text(response.content.decode()), "confirm page")
    response = client.post(link, follow=True)
    assert_formal(visible_text(response.content.decode()), "confirmed")


def test_the_messages_after_logging_in_and_out_say_u(client, db):
    user = UserFactory(role=Role.PROFESSIONAL, email="p@example.org")
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}, follow=True
    )
    text = visible_text(response.content.decode())
    assert "ingelogd" in text
    assert_formal(text, "after login")
    response = client.post(reverse("account_logout"), follow=True)
    assert_formal(visible_text(response.content.decode()), "after logout")


def test_changing_a_password_says_u(client, db):
    user = UserFactory(role=Role.PROFESSIONAL, email="p@example.org")
    client.force_login(user)
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "een-heel-nieuw-wachtwoord-7",
            "password2": "een-heel-nieuw-wachtwoord-7",
        },
        follow=True,
    )
    assert_formal(visible_text(response.content.decode()), "password changed")
    for message in mail.outbox:
        assert_formal(f"{message.subject}\n{message.body}", message.subject)
