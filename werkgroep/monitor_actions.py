"""The monitor's section on action points: status at the end of each month or quarter (from
the history of status changes) and the time from making an action point to done."""

from __future__ import annotations

import statistics
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from werkgroep.models import ActionPoint, ActionStatus, ActionStatusChange
from werkgroep.monitor_records import Context, Figure, Section, Series, Table
from werkgroep.periods import Bucket, Period


def _local_date(moment: datetime) -> date:
    return timezone.localdate(moment)


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def _status_timeline() -> tuple[dict[int, list[tuple[date, str]]], dict[int, date]]:
    """Per action point its status changes (local date, new status), and its creation date."""
    created = {
        pk: _local_date(at) for pk, at in ActionPoint.objects.values_list("pk", "created_at")
    }
    current = dict(ActionPoint.objects.values_list("pk", "status"))
    changes: dict[int, list[tuple[date, str]]] = {pk: [] for pk in created}
    for pk, status, at in ActionStatusChange.objects.order_by("changed_at", "pk").values_list(
        "action_point_id", "to_status", "changed_at"
    ):
        changes[pk].append((_local_date(at), status))
    for pk, items in changes.items():
        if not items:  # made without history (e.g. in bulk): its status since it was made
            items.append((created[pk], current[pk]))
    return changes, created


def _status_on(items: list[tuple[date, str]], day: date) -> str | None:
    status = None
    for changed, to_status in items:
        if changed > day:
            break
        status = to_status
    return status


def actions(ctx: Context) -> Section:
    changes, created = _status_timeline()
    first_done = {
        pk: next((d for d, s in items if s == ActionStatus.DONE), None)
        for pk, items in changes.items()
    }
    done_days = {pk: d for pk, d in first_done.items() if d is not None}

    def done_in(span: Bucket | Period) -> list[int]:
        return [pk for pk, d in done_days.items() if d in span]

    def days_to_done(pks: list[int]) -> float | None:
        return _median([(done_days[pk] - created[pk]).days for pk in pks])

    def by_status(day: date) -> dict[str, int]:
        counts = dict.fromkeys(ActionStatus.values, 0)
        for items in changes.values():
            status = _status_on(items, day)
            if status is not None:
                counts[status] += 1
        return counts

    at_end = by_status(ctx.period.end)
    at_previous_end = by_status(ctx.previous.end)
    labels = dict(ActionStatus.choices)
    per_bucket = [by_status(b.end) for b in ctx.buckets]
    status_series = [
        Series(str(labels[status]), [counts[status] for counts in per_bucket])
        for status in ActionStatus.values
    ]
    return Section(
        key="actions",
        title=_("Actiepunten"),
        note=_(
            "Tijd tot klaar = dagen van het maken van het actiepunt tot de status Klaar (mediaan)."
        ),
        series=[
            *status_series,
            Series(_("Tijd tot klaar"), [days_to_done(done_in(b)) for b in ctx.buckets], "dagen"),
        ],
        figures=[
            Figure(_("Klaar gemeld"), len(done_in(ctx.period)), len(done_in(ctx.previous))),
            Figure(
                _("Tijd tot klaar (mediaan, dagen)"),
                days_to_done(done_in(ctx.period)),
                days_to_done(done_in(ctx.previous)),
            ),
            Figure(
                _("Nog open aan het eind"),
                sum(
                    at_end[s]
                    for s in (ActionStatus.IDEA, ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)
                ),
                sum(
                    at_previous_end[s]
                    for s in (ActionStatus.IDEA, ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)
                ),
            ),
        ],
        tables=[
            Table(
                _("Actiepunten per status aan het eind van de periode"),
                [_("Status"), _("Deze periode"), _("Vorige periode")],
                [[str(labels[s]), at_end[s], at_previous_end[s]] for s in ActionStatus.values],
            )
        ],
    )
