"""The member's own data ("mijn gegevens"): everything we store about them as plain data,
and the same data as a JSON or CSV download."""

import json
from collections.abc import Sequence

from django.core.serializers.json import DjangoJSONEncoder

from accounts.models import User
from mantelkring.exports import csv_text
from panel.models import Answer, PanelMember, Participation, Registration

SINGLE_SECTIONS = ("account", "panellid")
LIST_SECTIONS = ("deelnames", "antwoorden", "aanmeldingen")


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("ja" if value else "nee")


def latest_registrations(*, user: User) -> list[Registration]:
    """Each gesprek once: the latest registration for it (after cancelling and signing up
    again there are two rows; the person cares about where they stand now)."""
    latest: dict[int, Registration] = {}
    for registration in (
        Registration.objects.filter(user=user)
        .select_related("gesprek")
        .order_by("created_at", "pk")
    ):
        latest[registration.gesprek_id] = registration
    return sorted(latest.values(), key=lambda r: r.gesprek.starts_at)


def own_text_answers(*, member: PanelMember) -> list[Answer]:
    """Free text this member wrote in polls on their name (they may take it back)."""
    return list(
        Answer.objects.filter(member=member, choice__isnull=True)
        .select_related("question__poll")
        .order_by("created_at", "pk")
    )


def member_data(*, member: PanelMember) -> dict:
    """Everything we store about this member, as plain data with Dutch keys (for the page, the
    JSON and the CSV download)."""
    user = member.account
    answers = (
        Answer.objects.filter(member=member)
        .select_related("question__poll", "choice")
        .order_by("question__poll_id", "question__order", "choice__order")
    )
    participations = (
        Participation.objects.filter(member=member)
        .select_related("poll")
        .order_by("poll__opens_at")
    )
    return {
        "account": {
            "emailadres": user.email,
            "voornaam": user.first_name,
            "achternaam": user.last_name,
            "account_sinds": user.date_joined.isoformat(),
        },
        "panellid": {
            "versie_privacytekst": member.consent_version,
            "toestemming_gegeven_op": member.consent_at.isoformat() if member.consent_at else None,
            "lid_sinds": member.joined_at.isoformat(),
            "wijk": member.wijk.name if member.wijk else None,
            "leeftijd": member.get_age_band_display() if member.age_band else None,
            "zorgt_voor": member.get_relation_display() if member.relation else None,
            "uren_zorg": member.get_care_hours_display() if member.care_hours else None,
            "betaald_werk": _yes_no(member.works),
        },
        "deelnames": [
            {"vragenlijst": p.poll.title, "anoniem": _yes_no(p.poll.anonymous)}
            for p in participations
        ],
        "antwoorden": [
            {
                "vragenlijst": a.question.poll.title,
                "vraag": a.question.text,
                "antwoord": a.choice.text if a.choice is not None else a.text,
                "gegeven_op": a.created_at.isoformat(),
            }
            for a in answers
        ],
        "aanmeldingen": [
            {
                "gesprek": r.gesprek.title,
                "begint_op": r.gesprek.starts_at.isoformat(),
                "soort_plaats": str(r.get_kind_display()),
                "status": str(r.get_status_display()),
                "vervanging_van_de_zorg_nodig": _yes_no(r.replacement_care),
                "vervoer_nodig": _yes_no(r.transport),
                "telefoon_voor_vervanging_of_vervoer": r.phone,
                "toegankelijkheid": r.accessibility,
                "eten_en_drinken": r.diet,
                "waar_wilt_u_over_praten": r.topics,
            }
            for r in latest_registrations(user=user)
        ],
    }


def as_json(data: dict) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def as_csv(data: dict) -> str:
    """One row per field: section, number within the section (1 for single ones), field, value.

    Written by mantelkring.exports, so no text runs as a formula in a spreadsheet."""
    rows: list[Sequence] = [["onderdeel", "nummer", "veld", "waarde"]]
    for section in SINGLE_SECTIONS:
        for key, value in data[section].items():
            rows.append([section, 1, key, "" if value is None else value])
    for section in LIST_SECTIONS:
        for number, row in enumerate(data[section], 1):
            for key, value in row.items():
                rows.append([section, number, key, "" if value is None else value])
    return csv_text([("mijn-gegevens", rows)], delimiter=",", titles=False)
