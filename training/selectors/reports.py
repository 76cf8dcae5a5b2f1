"""Reads other apps (werkgroep, scale) import: figures about referrals and training reach.
Typed rows with documented units; pending organisations are not named."""

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import NotRequired, TypedDict, cast

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    F,
    Q,
    Value,
    When,
)
from django.db.models.functions import TruncMonth
from django.utils import timezone

from training.models import (
    Progress,
    Referral,
)

REFERRAL_GROUPS: dict[str, str] = {
    "vraaggebied": "vraaggebieden__code",
    "profession": "profession",
    "organisation": "approved_organisation",
    "month": "month",
    "wijk": "wijk_id",
    "warm": "warm",
}


class ReferralCount(TypedDict):
    """One row of `referral_counts`: the group keys asked for, and a count.

    Only the keys named in `group_by` are present. Units and meaning:
    - vraaggebied: the vraaggebied's code (e.g. "informatie"), never its name;
    - profession: the `accounts.Profession` code, "" when unknown;
    - organisation: the organisation's name, None when the professional had none or theirs
      still waits for approval;
    - month: the first day of the month (a `date`, local time);
    - wijk: the wijk's id (int), None when no wijk was given;
    - warm: whether the referral was a warm hand-over;
    - count: number of referrals (people referred, not vraaggebieden), an int >= 1.
    """

    vraaggebied: NotRequired[str]
    profession: NotRequired[str]
    organisation: NotRequired[str | None]
    month: NotRequired[date]
    wijk: NotRequired[int | None]
    warm: NotRequired[bool]
    count: int


class ModuleCompletion(TypedDict):
    """One row of `module_completion`, per organisation, profession and module.

    - organisation: organisation name, None for professionals without an approved one;
    - profession: `accounts.Profession` code, "" when unknown;
    - module_id / module: the module's id and title;
    - started: number of professionals who started the module (one progress per person);
    - passed: how many of them passed it at least once (a count of people, not a percentage).
    """

    organisation: str | None
    profession: str
    module_id: int
    module: str
    started: int
    passed: int


def _approved_name(path: str) -> Case:
    """The organisation's name once beheer approved it; a name typed at sign-up and still
    pending counts as no organisation."""
    return Case(
        When(**{f"{path}__is_approved": True}, then=F(f"{path}__name")),
        default=Value(None),
        output_field=CharField(),
    )


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def referral_counts(
    *, group_by: Sequence[str], date_from: date | None = None, date_to: date | None = None
) -> list[ReferralCount]:
    """Referrals counted per combination of the given keys (date_to inclusive).

    Grouping by vraaggebied counts a referral once for each of its vraaggebieden.
    """
    unknown = set(group_by) - REFERRAL_GROUPS.keys()
    if unknown:
        raise ValueError(f"unknown group_by keys: {sorted(unknown)}")
    keys = list(dict.fromkeys(group_by))
    qs = Referral.objects.all()
    if date_from is not None:
        qs = qs.filter(created_at__gte=_start_of(date_from))
    if date_to is not None:
        qs = qs.filter(created_at__lt=_start_of(date_to) + timedelta(days=1))
    if "month" in keys:
        qs = qs.annotate(month=TruncMonth("created_at", output_field=DateField()))
    if "organisation" in keys:
        qs = qs.annotate(approved_organisation=_approved_name("organisation"))
    if "vraaggebied" in keys:
        qs = qs.filter(vraaggebieden__isnull=False)
    fields = [REFERRAL_GROUPS[key] for key in keys]
    rows = qs.values(*fields).annotate(count=Count("pk", distinct=True)).order_by(*fields)
    result: list[ReferralCount] = []
    for row in rows:
        item = cast(ReferralCount, {key: row[REFERRAL_GROUPS[key]] for key in keys})
        if "month" in item and isinstance(item["month"], datetime):
            item["month"] = item["month"].date()
        item["count"] = row["count"]
        result.append(item)
    return result


def module_completion() -> list[ModuleCompletion]:
    """Per organisation, profession and module: how many professionals started and passed it."""
    rows = (
        Progress.objects.values(
            "module_id",
            organisation=_approved_name("user__profile__organisation"),
            profession=F("user__profile__profession"),
            module_title=F("module__title"),
            module_order=F("module__order"),
        )
        .annotate(
            started=Count("pk"),
            passed=Count("pk", filter=Q(passed_at__isnull=False)),
        )
        .order_by(
            F("organisation").asc(nulls_last=True), "profession", "module_order", "module_title"
        )
    )
    return [
        ModuleCompletion(
            organisation=row["organisation"],
            profession=row["profession"] or "",
            module_id=row["module_id"],
            module=row["module_title"],
            started=row["started"],
            passed=row["passed"],
        )
        for row in rows
    ]
