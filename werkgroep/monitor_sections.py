"""The monitor's sections, one builder each: what a gemeente reports on, read per day in a
fixed number of queries and added up per bucket and per period (werkgroep.monitor lists them)."""

from __future__ import annotations

import statistics
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Profession
from panel import indicators as panel_indicators
from panel import selectors as panel_selectors
from panel.records import PollOverview
from sociale_kaart import selectors as kaart
from training import indicators as training_indicators
from werkgroep.monitor_records import Context, Figure, Section, Series, Table
from werkgroep.periods import sum_in, sum_per_bucket
from werkgroep.suppression import suppress


def _local_date(moment: datetime) -> date:
    return timezone.localdate(moment)


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


# Sections ---------------------------------------------------------------------------------


def count_section(
    ctx: Context, *, key: str, title: str, label: str, per_day: dict[date, int], note: str = ""
) -> Section:
    """A section for one count per day: per bucket, and this period against the previous."""
    return Section(
        key=key,
        title=title,
        note=note,
        series=[Series(label, sum_per_bucket(per_day, ctx.buckets))],
        figures=[Figure(label, sum_in(per_day, ctx.period), sum_in(per_day, ctx.previous))],
    )


def members(ctx: Context) -> Section:
    flow = panel_indicators.member_flow(start=ctx.span.start, end=ctx.span.end)
    joined = sum_per_bucket(flow.joined, ctx.buckets)
    left = sum_per_bucket(flow.left, ctx.buckets)
    total = [flow.active_after(b.end) for b in ctx.buckets]
    return Section(
        key="members",
        title=_("Panelleden"),
        chart="line",
        series=[
            Series(_("Leden aan het eind"), total),
            Series(_("Erbij gekomen"), joined),
            Series(_("Gestopt"), left),
        ],
        figures=[
            Figure(
                _("Erbij gekomen"),
                sum_in(flow.joined, ctx.period),
                sum_in(flow.joined, ctx.previous),
            ),
            Figure(_("Gestopt"), sum_in(flow.left, ctx.period), sum_in(flow.left, ctx.previous)),
            Figure(
                _("Leden aan het eind"),
                flow.active_after(ctx.period.end),
                flow.active_after(ctx.previous.end),
            ),
        ],
    )


def polls(ctx: Context) -> Section:
    polls = [
        (_local_date(p.opens_at), p)
        for p in panel_selectors.polls_overview()
        if ctx.span.start <= _local_date(p.opens_at) <= ctx.span.end
    ]

    def rate(items: list[PollOverview]) -> float | None:
        """The mean of the polls' response rates (fractions 0..1), as a percentage."""
        rates = [p.response_rate for p in items if p.audience_size]
        return round(100 * sum(rates) / len(rates), 1) if rates else None

    per_bucket = [[p for day, p in polls if day in b] for b in ctx.buckets]
    now_ = [p for day, p in polls if day in ctx.period]
    before = [p for day, p in polls if day in ctx.previous]
    status = {"open": _("open"), "closed": _("gesloten"), "scheduled": _("gepland")}
    return Section(
        key="polls",
        title=_("Respons op peilingen"),
        note=_(
            "Respons = reacties gedeeld door de mantelzorgers die de peiling kregen. "
            "Een peiling telt mee in de maand waarin hij openging."
        ),
        series=[
            Series(_("Peilingen"), [len(items) for items in per_bucket]),
            Series(_("Gemiddelde respons"), [rate(items) for items in per_bucket], "%"),
        ],
        figures=[
            Figure(_("Peilingen"), len(now_), len(before)),
            Figure(
                _("Reacties"),
                sum(p.responses for p in now_),
                sum(p.responses for p in before),
            ),
            Figure(_("Gemiddelde respons"), rate(now_), rate(before), "%"),
        ],
        tables=[
            Table(
                caption=_("Respons per peiling in deze periode"),
                columns=[
                    _("Peiling"),
                    _("Open vanaf"),
                    _("Status"),
                    _("Reacties"),
                    _("Uitgenodigd"),
                    _("Respons (%)"),
                ],
                rows=[
                    [
                        p.title,
                        _local_date(p.opens_at).isoformat(),
                        status.get(p.status, p.status),
                        p.responses,
                        p.audience_size,
                        round(100 * p.response_rate, 1) if p.audience_size else None,
                    ]
                    for p in sorted(now_, key=lambda p: p.opens_at)
                ],
            )
        ],
    )


def training(ctx: Context) -> Section:
    trained = training_indicators.newly_trained_per_day(start=ctx.span.start, end=ctx.span.end)
    certificates = training_indicators.certificates_per_day(start=ctx.span.start, end=ctx.span.end)
    groups_now = training_indicators.certificates_by_group(
        start=ctx.period.start, end=ctx.period.end
    )
    groups_before = training_indicators.certificates_by_group(
        start=ctx.previous.start, end=ctx.previous.end
    )
    professions = dict(Profession.choices)
    unknown = _("Onbekend")

    def per(attr: str) -> list[list]:
        def label(group: training_indicators.CertificateGroup) -> str:
            value = getattr(group, attr)
            if attr == "profession":
                return str(professions.get(value, value)) if value else unknown
            return value or _("Geen organisatie")

        now_: dict[str, int] = {}
        before: dict[str, int] = {}
        for g in groups_now:
            now_[label(g)] = now_.get(label(g), 0) + g.count
        for g in groups_before:
            before[label(g)] = before.get(label(g), 0) + g.count
        return [[name, now_.get(name, 0), before.get(name, 0)] for name in sorted(now_ | before)]

    columns = [_("Deze periode"), _("Vorige periode")]
    return Section(
        key="training",
        title=_("Training van professionals"),
        note=_(
            "Getraind = de eerste module gehaald. Certificaten: ingetrokken certificaten tellen niet mee."
        ),
        series=[
            Series(_("Nieuw getraind"), sum_per_bucket(trained, ctx.buckets)),
            Series(_("Certificaten"), sum_per_bucket(certificates, ctx.buckets)),
        ],
        figures=[
            Figure(
                _("Nieuw getrainde professionals"),
                sum_in(trained, ctx.period),
                sum_in(trained, ctx.previous),
            ),
            Figure(
                _("Certificaten"),
                sum_in(certificates, ctx.period),
                sum_in(certificates, ctx.previous),
            ),
        ],
        tables=[
            Table(_("Certificaten per beroep"), [_("Beroep"), *columns], per("profession")),
            Table(
                _("Certificaten per organisatie"), [_("Organisatie"), *columns], per("organisation")
            ),
        ],
    )


def referrals(ctx: Context) -> Section:
    per_day = training_indicators.referrals_per_day(start=ctx.span.start, end=ctx.span.end)
    totals = {d: r.total for d, r in per_day.items()}
    warm = {d: r.warm for d, r in per_day.items()}
    all_vraaggebieden = {g.code: g.name for g in kaart.vraaggebieden()}
    wijken = {w.pk: w.name for w in kaart.wijken()}
    professions = dict(Profession.choices)
    unknown = _("Onbekend")
    columns = [_("Warm"), _("Niet warm"), _("Totaal"), _("Vorige periode")]

    def table(dimension: str, caption: str, heading: str, labels: dict) -> Table:
        now_ = {
            g.key: g
            for g in training_indicators.referrals_by(
                dimension=dimension, start=ctx.period.start, end=ctx.period.end
            )
        }
        before = {
            g.key: g.total
            for g in training_indicators.referrals_by(
                dimension=dimension, start=ctx.previous.start, end=ctx.previous.end
            )
        }
        keys = [k for k in labels if k in now_ or k in before]
        keys += [k for k in {*now_, *before} if k not in labels]
        rows = []
        for key in keys:
            g = now_.get(key)
            rows.append(
                [
                    str(labels.get(key, unknown)),
                    g.warm if g else 0,
                    g.not_warm if g else 0,
                    g.total if g else 0,
                    before.get(key, 0),
                ]
            )
        return Table(caption, [heading, *columns], rows)

    by_wijk = {
        g.key: g
        for g in training_indicators.referrals_by(
            dimension="wijk", start=ctx.period.start, end=ctx.period.end
        )
    }
    wijk_keys = [*wijken, None]
    wijk_table = suppress(
        row_labels=[wijken[k] if k is not None else unknown for k in wijk_keys],
        column_labels=[_("Warm"), _("Niet warm")],
        counts=[
            [by_wijk[k].warm, by_wijk[k].not_warm] if k in by_wijk else [0, 0] for k in wijk_keys
        ],
    )
    return Section(
        key="referrals",
        title=_("Doorverwijzingen"),
        note=_(
            "Warm = de professional droeg de mantelzorger persoonlijk over. Per vraaggebied telt "
            "een doorverwijzing mee bij elk vraaggebied dat erbij hoort. Per wijk: minder dan 5 "
            "wordt <5; × is verborgen zodat niemand een kleine groep kan terugrekenen."
        ),
        series=[
            Series(_("Doorverwijzingen"), sum_per_bucket(totals, ctx.buckets)),
            Series(_("Waarvan warm"), sum_per_bucket(warm, ctx.buckets)),
        ],
        figures=[
            Figure(_("Doorverwijzingen"), sum_in(totals, ctx.period), sum_in(totals, ctx.previous)),
            Figure(_("Waarvan warm"), sum_in(warm, ctx.period), sum_in(warm, ctx.previous)),
            Figure(
                _("Aandeel warm"),
                _percent(sum_in(warm, ctx.period), sum_in(totals, ctx.period)),
                _percent(sum_in(warm, ctx.previous), sum_in(totals, ctx.previous)),
                "%",
            ),
        ],
        tables=[
            table("vraaggebied", _("Per vraaggebied"), _("Vraaggebied"), all_vraaggebieden),
            table("profession", _("Per beroep"), _("Beroep"), professions),
            Table(
                _("Per wijk, deze periode"),
                [_("Wijk"), *wijk_table.column_labels, _("Totaal")],
                [row[:] for row in wijk_table.as_matrix()[1:]],
            ),
        ],
    )


def gesprekken(ctx: Context) -> Section:
    held = panel_indicators.gesprekken_held(start=ctx.span.start, end=ctx.span.end)
    count = {d: g.gesprekken for d, g in held.items()}
    reached = {d: g.caregivers for d, g in held.items()}
    return Section(
        key="gesprekken",
        title=_("Spiegelgesprekken"),
        note=_("Bereikt = mantelzorgers met een plaats (niet op de wachtlijst, niet afgemeld)."),
        series=[
            Series(_("Gehouden"), sum_per_bucket(count, ctx.buckets)),
            Series(_("Mantelzorgers bereikt"), sum_per_bucket(reached, ctx.buckets)),
        ],
        figures=[
            Figure(_("Gehouden"), sum_in(count, ctx.period), sum_in(count, ctx.previous)),
            Figure(
                _("Mantelzorgers bereikt"),
                sum_in(reached, ctx.period),
                sum_in(reached, ctx.previous),
            ),
        ],
    )


def contact_requests(ctx: Context) -> Section:
    """Caregivers who asked to be contacted when things went badly (counted per month only)."""
    per_month = panel_indicators.contact_requests_per_month(start=ctx.span.start, end=ctx.span.end)
    return count_section(
        ctx,
        key="contact",
        title=_("Vragen om contact"),
        label=_("Vragen om contact"),
        per_day=per_month,
        note=_(
            "Mantelzorgers die vroegen of iemand contact met hen opneemt. Alleen de maand wordt "
            "bewaard; een vraag telt mee in de periode waarin die maand begint."
        ),
    )
