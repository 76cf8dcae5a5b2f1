"""Who may open which training page. Caregivers and anonymous visitors never reach the
training area; only the certificate check is public."""

import pytest
from django.urls import get_resolver, reverse

from accounts.models import Role
from sociale_kaart.models import Wijk
from tests.training.factories import make_module
from training import services

pytestmark = pytest.mark.django_db

ANON, CAREGIVER, PRO, WERKGROEP, ADMIN = (
    None,
    Role.CAREGIVER,
    Role.PROFESSIONAL,
    Role.WERKGROEP,
    Role.ADMIN,
)
LOGIN = "login"

# url name -> expected status per role (anonymous, caregiver, professional, werkgroep, beheer)
PUBLIC = {ANON: 200, CAREGIVER: 200, PRO: 200, WERKGROEP: 200, ADMIN: 200}
TRAINING_PAGE = {ANON: LOGIN, CAREGIVER: 403, PRO: 200, WERKGROEP: 403, ADMIN: 200}
MATRIX = {
    "training:home": TRAINING_PAGE,
    "training:module": TRAINING_PAGE,
    "training:unit": TRAINING_PAGE,
    "training:lesson": TRAINING_PAGE,
    "training:question": TRAINING_PAGE,
    "training:result": TRAINING_PAGE,
    "training:certificates": TRAINING_PAGE,
    "training:certificate_pdf": TRAINING_PAGE,
    "training:registration": TRAINING_PAGE,
    "training:referral_edit": {ANON: LOGIN, CAREGIVER: 403, PRO: 200, WERKGROEP: 403, ADMIN: 404},
    "training:referral_delete": {
        ANON: LOGIN,
        CAREGIVER: 403,
        PRO: 200,
        WERKGROEP: 403,
        ADMIN: 404,
    },
    "training:signaleringskaart": TRAINING_PAGE,
    "training:refer": TRAINING_PAGE,
    "training:referrals": TRAINING_PAGE,
    "training:referral_new": TRAINING_PAGE,
    "training:preview": {ANON: LOGIN, CAREGIVER: 403, PRO: 403, WERKGROEP: 403, ADMIN: 200},
    "training_public:verify": PUBLIC,
    "training_public:check": PUBLIC,
    "training_public:cards": PUBLIC,
    "training_public:card": PUBLIC,
}
# POST-only actions: same guard, checked with POST.
POST_ONLY = {
    "training:start",
    "training:lesson_read",
    "training:retry",
}


@pytest.fixture
def passed_module(users_by_role):
    """A module every role has passed where the role may take it, so every page has content."""
    module = make_module(lessons=1, questions=1, slug="toegang", pass_mark=50)
    question = module.questions.get()
    for role in (PRO, ADMIN):
        user = users_by_role[role]
        progress = services.start_module(user=user, module=module)
        services.finish_lessons(progress=progress)
        services.answer_question(
            progress=progress,
            question=question,
            option_ids=[question.options.get(is_correct=True).pk],
        )
    Wijk.objects.get_or_create(slug="centrum", defaults={"name": "Centrum"})
    # A referral of the professional's own: others (beheer included) get a 404 on it.
    module.referral = services.log_referral(
        user=users_by_role[PRO], vraaggebied_codes=["informatie"]
    )
    return module


def url_for(name, module, user):
    args = {
        "training:module": [module.slug],
        "training:lesson": [module.slug, 1],
        "training:lesson_read": [module.slug, 1],
        "training:question": [module.slug, 1],
        "training:result": [module.slug],
        "training:start": [module.slug],
        "training:unit": [module.slug, 1],
        "training:referral_edit": [module.referral.pk],
        "training:referral_delete": [module.referral.pk],
        "training_public:card": [Wijk.objects.order_by("name").first().slug],
        "training:retry": [module.slug],
        "training:preview": [module.pk],
        "training:certificate_pdf": [
            user.certificates.first().code if user and user.certificates.exists() else "x"
        ],
        "training_public:verify": [module.certificates.first().code],
    }.get(name, [])
    return reverse(name, args=args)


CASES = [(name, role) for name in MATRIX for role in (ANON, CAREGIVER, PRO, WERKGROEP, ADMIN)]


@pytest.mark.parametrize(("name", "role"), CASES)
def test_each_role_reaches_only_its_training_pages(
    client, login_as, users_by_role, passed_module, name, role
):
    user = login_as(client, role)
    response = client.get(url_for(name, passed_module, user))
    expected = MATRIX[name][role]
    if expected == LOGIN:
        assert response.status_code == 302 and "/accounts/login/" in response.url
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("name", sorted(POST_ONLY))
@pytest.mark.parametrize("role", [ANON, CAREGIVER, WERKGROEP])
def test_post_actions_are_closed_to_other_roles(client, login_as, passed_module, name, role):
    login_as(client, role)
    response = client.post(url_for(name, passed_module, None))
    if role is None:
        assert response.status_code == 302 and "/accounts/login/" in response.url
    else:
        assert response.status_code == 403


def test_every_training_url_is_in_the_matrix():
    names = set()
    for namespace in ("training", "training_public"):
        resolver = get_resolver()
        for ns_key, (_prefix, sub) in resolver.namespace_dict.items():
            if ns_key == namespace:
                names |= {f"{namespace}:{n}" for n in sub.reverse_dict if isinstance(n, str)}
    assert names == set(MATRIX) | POST_ONLY


def test_someone_elses_certificate_pdf_is_not_found(client, login_as, users_by_role, passed_module):
    code = users_by_role[PRO].certificates.get().code
    other = login_as(client, ADMIN)
    assert other.certificates.exists()
    assert client.get(reverse("training:certificate_pdf", args=[code])).status_code == 404


def test_unknown_certificate_code_is_404(client):
    assert client.get(reverse("training_public:verify", args=["bestaat-niet"])).status_code == 404
