"""How a cited figure on an action point reads (werkgroep.evidence stores it): the figure as
it was when cited, with the date. A number below 5 reads "<5", and then without a share."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from werkgroep.models import Evidence, EvidenceKind
from werkgroep.suppression import SMALL, THRESHOLD


def _shown(count: int) -> str:
    return SMALL if count < THRESHOLD else str(count)


def _percent(value: float) -> str:
    return f"{value:g}".replace(".", ",")


@dataclass(frozen=True)
class Citation:
    id: int
    text: str
    taken_on: str
    note: str


def citation(evidence: Evidence) -> Citation:
    """How a cited figure reads, as it was when cited."""
    taken_on = date_format(timezone.localtime(evidence.taken_at), "j F Y")
    count = evidence.taken_count or 0
    small = count < THRESHOLD
    if evidence.kind == EvidenceKind.POLL_QUESTION:
        share = (
            "" if small or evidence.taken_share is None else f" ({_percent(evidence.taken_share)}%)"
        )
        text = _("{n} van de {total} mensen{share} kozen “{what}”.").format(
            n=_shown(count),
            total=_shown(evidence.taken_total or 0),
            share=share,
            what=evidence.taken_text,
        )
    elif evidence.kind == EvidenceKind.TREND:
        text = _("Trend: {what}").format(what=evidence.taken_text)
    else:
        period = ""
        if evidence.referral_from or evidence.referral_to:
            period = _(" van {start} tot en met {end}").format(
                start=date_format(evidence.referral_from, "j F Y")
                if evidence.referral_from
                else "…",
                end=date_format(evidence.referral_to, "j F Y") if evidence.referral_to else "…",
            )
        warm = (
            _(", waarvan {share}% warm").format(share=_percent(evidence.taken_share))
            if evidence.taken_share is not None and not small
            else ""
        )
        text = _("{n} doorverwijzingen{what}{period}{warm}.").format(
            n=_shown(count),
            what=_(" voor {name}").format(name=evidence.taken_text) if evidence.taken_text else "",
            period=period,
            warm=warm,
        )
    return Citation(id=evidence.pk, text=text, taken_on=taken_on, note=evidence.note)
