"""Training pages, by sub-domain: taking modules, certificates, the signalling cards and
referrals. Thin views: parse, call a service or selector, map domain errors, render."""

from training.views.cards import public_card, public_cards, signaleringskaart
from training.views.certificates import certificate_pdf, certificates, check, registration, verify
from training.views.learning import (
    home,
    lesson,
    lesson_read,
    module_detail,
    module_start,
    preview,
    question,
    result,
    retry,
    unit,
)
from training.views.referrals import (
    refer,
    referral_delete,
    referral_edit,
    referral_new,
    referrals,
)

__all__ = [
    "certificate_pdf",
    "certificates",
    "check",
    "home",
    "lesson",
    "lesson_read",
    "module_detail",
    "module_start",
    "preview",
    "public_card",
    "public_cards",
    "question",
    "refer",
    "referral_delete",
    "referral_edit",
    "referral_new",
    "referrals",
    "registration",
    "result",
    "retry",
    "signaleringskaart",
    "unit",
    "verify",
]
