"""Reads for the werkgroep pages and exports: action points and their evidence, outcomes of
spiegelgesprekken, coverage, the dashboard and the report. Poll results with their
suppressed breakdowns are in werkgroep.results. Small numbers about people show as "<5"."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Literal, TypedDict

from django.db.models import Count, Prefetch, QuerySet

from accounts.models import Profession
from panel import selectors as panel_selectors
from panel.models import PollStatus
from panel.records import GesprekSummary, PollOverview, PollResults
from sociale_kaart import selectors as kaart
from sociale_kaart.models import Vraaggebied
from training import selectors as training_selectors
from werkgroep import follow_ups
from werkgroep.citations import citation
from werkgroep.models import (
    ActionPoint,
    ActionStatus,
    ActionStatusChange,
    Evidence,
    EvidenceKind,
    ExportLog,
    FollowUpPoll,
    OutcomeItem,
    OutcomeKind,
)
from werkgroep.suppression import SMALL, THRESHOLD


def small_count(n: int) -> str:
    """A single count about people: "<5" below the threshold (0 included)."""
    return SMALL if n < THRESHOLD else str(n)


# Action points -----------------------------------------------------------------------------


def action_points(*, status: str | None = None) -> QuerySet[ActionPoint]:
    qs = ActionPoint.objects.select_related("owner").prefetch_related(
        Prefetch("vraaggebieden", queryset=Vraaggebied.objects.order_by("order"))
    )
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("status", "due_date", "title")


def action_points_by_status() -> list[dict]:
    counts = dict(
        ActionPoint.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    return [
        {"status": value, "label": label, "count": counts.get(value, 0)}
        for value, label in ActionStatus.choices
    ]


def action_point_values(*, point: ActionPoint) -> dict:
    """The action point's current values, as the edit form's initial data."""
    return {
        "title": point.title,
        "description": point.description,
        "said": point.said,
        "done": point.done,
        "vraaggebieden": list(point.vraaggebieden.all()),
        "owner": point.owner,
        "due_date": point.due_date,
        "is_public": point.is_public,
        "outcomes": list(point.outcomes.all()),
    }


def action_point_detail(*, pk: int) -> dict:
    point = (
        ActionPoint.objects.select_related("owner")
        .prefetch_related(
            Prefetch("vraaggebieden", queryset=Vraaggebied.objects.order_by("order")),
            Prefetch("outcomes", queryset=OutcomeItem.objects.prefetch_related("vraaggebieden")),
        )
        .get(pk=pk)
    )
    history = list(
        ActionStatusChange.objects.filter(action_point=point)
        .select_related("changed_by")
        .order_by("changed_at", "pk")
    )
    return {"point": point, "history": history, "evidence": evidence_figures(point=point)}


def _question_figure(evidence: Evidence, cache: dict[int, PollResults]) -> dict:
    # werkgroep_poll_evidence_has_question: poll-question evidence always has its question.
    assert evidence.question is not None
    poll_id = evidence.question.poll_id
    if poll_id not in cache:
        cache[poll_id] = panel_selectors.poll_results(poll_id=poll_id)
    results = cache[poll_id]
    question = next((q for q in results.questions if q.id == evidence.question_id), None)
    figure = {
        "kind": EvidenceKind.POLL_QUESTION,
        "poll": results.poll.title,
        "note": evidence.note,
        "id": evidence.pk,
    }
    if question is None:
        return figure
    figure["question"] = question.text
    figure["total"] = question.total
    figure["total_display"] = small_count(question.total)
    if evidence.choice_id:
        choice = next((c for c in question.choices if c.id == evidence.choice_id), None)
        if choice is not None:
            figure["choice"] = choice.text
            figure["count"] = choice.count
            figure["count_display"] = small_count(choice.count)
            figure["percent"] = choice.percent if choice.count >= THRESHOLD else None
    return figure


def _referral_figure(evidence: Evidence) -> dict:
    rows = training_selectors.referral_counts(
        group_by=["vraaggebied"], date_from=evidence.referral_from, date_to=evidence.referral_to
    )
    code = evidence.referral_vraaggebied.code if evidence.referral_vraaggebied else None
    count = sum(r["count"] for r in rows if code is None or r["vraaggebied"] == code)
    return {
        "kind": EvidenceKind.REFERRALS,
        "id": evidence.pk,
        "note": evidence.note,
        "vraaggebied": evidence.referral_vraaggebied.name if evidence.referral_vraaggebied else "",
        "date_from": evidence.referral_from,
        "date_to": evidence.referral_to,
        "count": count,
    }


def evidence_figures(
    *, point: ActionPoint, cache: dict[int, PollResults] | None = None
) -> list[dict]:
    cache = {} if cache is None else cache
    out = []
    for evidence in point.evidence.select_related("question", "referral_vraaggebied").order_by(
        "pk"
    ):
        if evidence.taken_at is not None:  # a cited figure, as it was when cited
            out.append({"kind": "citation", "citation": citation(evidence), "id": evidence.pk})
        elif evidence.kind == EvidenceKind.POLL_QUESTION:
            out.append(_question_figure(evidence, cache))
        elif evidence.kind == EvidenceKind.REFERRALS:
            out.append(_referral_figure(evidence))
        # A trend is always stored with its taken figure (werkgroep_trend_evidence_is_taken).
    return out


def public_action_points() -> list[dict]:
    """Only public action points, with aggregate figures and consented quotes; no names."""
    points = (
        ActionPoint.objects.filter(is_public=True)
        .prefetch_related(
            Prefetch("vraaggebieden", queryset=Vraaggebied.objects.order_by("order")),
            Prefetch(
                "outcomes",
                queryset=OutcomeItem.objects.filter(kind=OutcomeKind.QUOTE, speaker_consent=True),
                to_attr="quotes",
            ),
            Prefetch(
                "evidence",
                queryset=Evidence.objects.filter(kind=EvidenceKind.POLL_QUESTION).select_related(
                    "question"
                ),
                to_attr="poll_evidence",
            ),
            Prefetch(
                "follow_ups",
                queryset=FollowUpPoll.objects.select_related("poll").order_by(
                    "-poll__closes_at", "-pk"
                ),
            ),
        )
        .order_by("status", "-updated_at")
    )
    cache: dict[int, PollResults] = {}
    out = []
    for point in points:
        figures = [_question_figure(e, cache) for e in point.poll_evidence]
        out.append(
            {
                "point": point,
                "quotes": point.quotes,
                "figures": [f for f in figures if "question" in f],
                "follow_up": follow_ups.follow_up_result(point),
            }
        )
    return out


def export_log(*, limit: int = 200) -> list[ExportLog]:
    """The latest exports, newest first (the model's ordering)."""
    return list(ExportLog.objects.all()[:limit])


# Dashboard ---------------------------------------------------------------------------------


class PivotRow(TypedDict):
    month: date  # the first day of the month
    cells: list[int]  # referrals per column
    total: int


class Pivot(TypedDict):
    with_total: bool
    columns: list[str]  # labels
    rows: list[PivotRow]


def _pivot(
    rows: list[training_selectors.ReferralCount],
    key: Literal["vraaggebied", "profession"],
    columns: list[tuple[str, str]],
    *,
    with_total: bool = True,
) -> Pivot:
    """Months × columns. A referral counts once per vraaggebied, so a total over vraaggebieden
    would count some referrals twice: that pivot has no total column."""
    months = sorted({r["month"] for r in rows})
    counts = {(r["month"], r[key]): r["count"] for r in rows}
    used = [(code, label) for code, label in columns if any(r[key] == code for r in rows)]
    return {
        "with_total": with_total,
        "columns": [label for _code, label in used],
        "rows": [
            {
                "month": m,
                "cells": [counts.get((m, code), 0) for code, _label in used],
                "total": sum(counts.get((m, code), 0) for code, _label in used),
            }
            for m in months
        ],
    }


def referrals_over_time(
    *, date_from: date | None = None, date_to: date | None = None
) -> dict[str, Pivot]:
    by_vraaggebied = training_selectors.referral_counts(
        group_by=["month", "vraaggebied"], date_from=date_from, date_to=date_to
    )
    by_profession = training_selectors.referral_counts(
        group_by=["month", "profession"], date_from=date_from, date_to=date_to
    )
    all_vraaggebieden = [(g.code, g.name) for g in kaart.vraaggebieden()]
    professions = [(value, str(label)) for value, label in Profession.choices]
    return {
        "by_vraaggebied": _pivot(
            by_vraaggebied, "vraaggebied", all_vraaggebieden, with_total=False
        ),
        "by_profession": _pivot(by_profession, "profession", professions),
    }


def training_reach() -> list[dict]:
    labels = dict(Profession.choices)
    return [
        {
            **row,
            "organisation": row["organisation"] or "Geen organisatie",
            "profession": str(labels.get(row["profession"], row["profession"] or "Onbekend")),
        }
        for row in training_selectors.module_completion()
    ]


def dashboard() -> dict:
    polls = panel_selectors.polls_overview()
    growth = panel_selectors.panel_growth()[-12:]
    return {
        "panel_size": panel_selectors.panel_size(),
        "growth": growth,
        "growth_max": max((g.active for g in growth), default=0),
        "contact_requests": panel_selectors.contact_requests_per_month()[-12:],
        "open_polls": [p for p in polls if p.status == PollStatus.OPEN],
        "polls": polls,
        "gesprekken": panel_selectors.upcoming_gesprekken(),
        "training": training_reach(),
        "referrals": referrals_over_time(),
        "actions": action_points_by_status(),
    }


@dataclass(frozen=True)
class ReportPoll:
    overview: PollOverview  # responses, audience and response_rate (a fraction 0..1)
    results: PollResults


@dataclass(frozen=True)
class ReportGesprek:
    gesprek: GesprekSummary
    items: tuple[OutcomeItem, ...]  # outcomes; quotes only with the speaker's consent


def report(*, date_from: date, date_to: date) -> dict:
    """The gemeenteraad report: what happened between two dates, aggregates only."""
    polls = [
        ReportPoll(overview=p, results=panel_selectors.poll_results(poll_id=p.id))
        for p in panel_selectors.polls_overview()
        if p.closes_at.date() >= date_from and p.opens_at.date() <= date_to
    ]
    changes = list(
        ActionStatusChange.objects.filter(
            changed_at__date__gte=date_from, changed_at__date__lte=date_to
        )
        .select_related("action_point")
        .order_by("changed_at")
    )
    past = [
        g for g in panel_selectors.past_gesprekken() if date_from <= g.starts_at.date() <= date_to
    ]
    outcome_items = OutcomeItem.objects.filter(
        gesprek_id__in=[g.id for g in past]
    ).prefetch_related("vraaggebieden")
    by_gesprek = defaultdict(list)
    for item in outcome_items:
        if item.kind != OutcomeKind.QUOTE or item.speaker_consent:
            by_gesprek[item.gesprek_id].append(item)
    gesprekken = [ReportGesprek(gesprek=g, items=tuple(by_gesprek.get(g.id, []))) for g in past]
    referral_total = sum(
        r["count"]
        for r in training_selectors.referral_counts(
            group_by=["warm"], date_from=date_from, date_to=date_to
        )
    )
    return {
        "date_from": date_from,
        "date_to": date_to,
        "polls": polls,
        "gesprekken": gesprekken,
        "changes": changes,
        "actions": action_points_by_status(),
        "points": list(action_points()),
        "referrals": referrals_over_time(date_from=date_from, date_to=date_to),
        "referral_total": referral_total,
        "panel_size": panel_selectors.panel_size(),
        "training": training_reach(),
    }
