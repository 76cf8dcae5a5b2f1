"""The member's own data ("mijn gegevens"): everything we store about them as plain data,
and the same data as a JSON or CSV download."""

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder

from panel.models import Answer, PanelMember, Participation, Registration

SINGLE_SECTIONS = ("account", "member")
LIST_SECTIONS = ("participations", "answers", "registrations")


def member_data(*, member: PanelMember) -> dict:
    """Everything we store about this member, as plain data (for the page, JSON and CSV)."""
    user = member.user
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
    registrations = (
        Registration.objects.filter(user=user).select_related("gesprek").order_by("created_at")
    )
    return {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
        },
        "member": {
            "consent_version": member.consent_version,
            "consent_at": member.consent_at.isoformat() if member.consent_at else None,
            "joined_at": member.joined_at.isoformat(),
            "wijk": member.wijk.name if member.wijk else None,
            "age_band": member.get_age_band_display() if member.age_band else None,
            "relation": member.get_relation_display() if member.relation else None,
            "care_hours": member.get_care_hours_display() if member.care_hours else None,
            "works": member.works,
        },
        "participations": [
            {"poll": p.poll.title, "anonymous": p.poll.anonymous} for p in participations
        ],
        "answers": [
            {
                "poll": a.question.poll.title,
                "question": a.question.text,
                "answer": a.choice.text if a.choice_id else a.text,
                "created_at": a.created_at.isoformat(),
            }
            for a in answers
        ],
        "registrations": [
            {
                "gesprek": r.gesprek.title,
                "starts_at": r.gesprek.starts_at.isoformat(),
                "kind": r.kind,
                "status": r.status,
                "replacement_care": r.replacement_care,
                "transport": r.transport,
                "accessibility": r.accessibility,
                "diet": r.diet,
                "topics": r.topics,
            }
            for r in registrations
        ],
    }


def as_json(data: dict) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def as_csv(data: dict) -> str:
    """One row per field: section, number within the section (1 for single ones), field, value."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["onderdeel", "nummer", "veld", "waarde"])
    for section in SINGLE_SECTIONS:
        for key, value in data[section].items():
            writer.writerow([section, 1, key, "" if value is None else value])
    for section in LIST_SECTIONS:
        for number, row in enumerate(data[section], 1):
            for key, value in row.items():
                writer.writerow([section, number, key, "" if value is None else value])
    return out.getvalue()
