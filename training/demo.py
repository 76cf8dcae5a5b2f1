"""Demo training data: a passed module with certificate for huisarts@demo.nl, a module half
done for wijkteam@demo.nl, a few extra demo professionals, and 120 referrals over six months.
Safe to run again: nothing is added twice."""

import random
from datetime import timedelta

from django.utils import timezone

from accounts.models import Profession, Role, User
from accounts.services import create_account
from sociale_kaart import selectors as kaart
from sociale_kaart.models import Organisation, Vraaggebied
from training import selectors, services
from training.models import Module, Progress, ProgressStatus, Referral

DEMO_PASSWORD = "mantelkring-demo"
REFERRAL_TARGET = 120

EXTRA_PROFESSIONALS = [
    # email, profession, organisation, first name, last name
    ("poh@demo.nl", Profession.POH, "Huisartsenpraktijk De Linde (demo)", "Mehmet", "Kaya"),
    (
        "wijkverpleging@demo.nl",
        Profession.WIJKVERPLEEGKUNDIGE,
        "Thuiszorg Reestdal (demo)",
        "Els",
        "Hoekstra",
    ),
    (
        "wmo@demo.nl",
        Profession.WMO_CONSULENT,
        "Gemeente Meppel, Wmo-loket (demo)",
        "Pieter",
        "Smit",
    ),
    (
        "clientondersteuner@demo.nl",
        Profession.CLIENTONDERSTEUNER,
        "Cliëntondersteuning Drenthe (demo)",
        "Noëlle",
        "Visser",
    ),
]

# How often each vraaggebied is the reason for a referral (rough, invented weights).
VRAAGGEBIED_WEIGHTS = {
    "advies": 26,
    "respijtzorg": 20,
    "emotionele_steun": 16,
    "praktische_hulp": 12,
    "informatie": 10,
    "financieel": 7,
    "materieel": 5,
    "educatie": 4,
}


def _ensure_professionals() -> list[User]:
    for email, profession, org_name, first, last in EXTRA_PROFESSIONALS:
        if not User.objects.filter(email=email).exists():
            create_account(
                email=email,
                role=Role.PROFESSIONAL,
                password=DEMO_PASSWORD,
                profession=profession,
                organisation=Organisation.objects.filter(name=org_name).first(),
                verified=True,
                first_name=first,
                last_name=last,
            )
    emails = ["huisarts@demo.nl", "wijkteam@demo.nl"] + [row[0] for row in EXTRA_PROFESSIONALS]
    return list(User.objects.filter(email__in=emails).select_related("profile").order_by("email"))


def _answer(progress: Progress, question, *, correct: bool) -> None:
    options = question.options.filter(is_correct=correct)
    ids = list(options.values_list("pk", flat=True))
    if not correct or question.kind == "single":
        ids = ids[:1]
    services.answer_question(progress=progress, question=question, option_ids=ids)


def _pass(user: User, module: Module) -> None:
    progress = services.start_module(user=user, module=module)
    if progress.status == ProgressStatus.PASSED:
        return
    services.finish_lessons(progress=progress)
    answered = set(progress.answers.values_list("question_id", flat=True))
    for question in selectors.drawn_questions(progress):
        if question.pk not in answered:
            _answer(progress, question, correct=True)


def _halfway(user: User, module: Module) -> None:
    if Progress.objects.filter(user=user, module=module).exists():
        return
    progress = services.start_module(user=user, module=module)
    services.finish_lessons(progress=progress)
    drawn = selectors.drawn_questions(progress)
    first = drawn[0] if drawn else None
    if first is not None:
        _answer(progress, first, correct=True)


def _referrals(professionals: list[User]) -> int:
    existing = Referral.objects.filter(created_by__in=professionals).count()
    missing = max(0, REFERRAL_TARGET - existing)
    if not missing:
        return 0
    rng = random.Random(2026 + existing)
    vraaggebieden = {v.code: v for v in Vraaggebied.objects.all()}
    codes = [c for c in VRAAGGEBIED_WEIGHTS if c in vraaggebieden]
    weights = [VRAAGGEBIED_WEIGHTS[c] for c in codes]
    offers_by_code = {code: list(kaart.offers(vraaggebied=code)) for code in codes}
    wijken = list(kaart.wijken())
    now = timezone.now()
    for _ in range(missing):
        user = rng.choice(professionals)
        main = rng.choices(codes, weights)[0]
        chosen = {main}
        if rng.random() < 0.3:
            chosen.add(rng.choices(codes, weights)[0])
        offer = (
            rng.choice(offers_by_code[main])
            if offers_by_code[main] and rng.random() < 0.7
            else None
        )
        wijk = rng.choice(wijken) if wijken and rng.random() < 0.8 else None
        referral = services.log_referral(
            user=user,
            vraaggebied_codes=sorted(chosen),
            offer_id=offer.pk if offer else None,
            wijk_id=wijk.pk if wijk else None,
            warm=rng.random() < 0.45,
        )
        # Spread over the last six months, a little busier as the training catches on.
        days_ago = int(180 * (1 - rng.random() ** 0.8))
        referral.created_at = now - timedelta(days=days_ago, hours=rng.randint(0, 9))
        referral.save(update_fields=["created_at"])
    return missing


def load() -> str:
    professionals = _ensure_professionals()
    by_email = {user.email: user for user in professionals}
    modules = {m.slug: m for m in Module.objects.filter(published=True)}
    if "herkennen" in modules and "huisarts@demo.nl" in by_email:
        _pass(by_email["huisarts@demo.nl"], modules["herkennen"])
    if "doorverwijzen" in modules and "wijkteam@demo.nl" in by_email:
        _halfway(by_email["wijkteam@demo.nl"], modules["doorverwijzen"])
    if "herkennen" in modules and "poh@demo.nl" in by_email:
        _pass(by_email["poh@demo.nl"], modules["herkennen"])
    if "signaleren" in modules and "wijkverpleging@demo.nl" in by_email:
        _halfway(by_email["wijkverpleging@demo.nl"], modules["signaleren"])
    added = _referrals(professionals)
    return (
        f"{len(professionals)} demo professionals, {added} referrals added "
        f"({Referral.objects.count()} in total)"
    )
