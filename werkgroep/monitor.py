"""The werkgroep monitor: the figures a gemeente reports on, per month or quarter and for a
chosen period against the period before it.

Every section is built by one function from the period, the previous period and the buckets
(`SECTION_BUILDERS`); each reads counts per day in a fixed number of queries (panel.indicators,
training.indicators, panel.selectors) and adds them up here, so the number of queries does not
grow with the data.

A new indicator is one builder: `monitor_sections.count_section` turns a count per day
into a section (contact requests per month use it); append the builder to SECTION_BUILDERS
and add its key to werkgroep.council.section_keys for the werkgroep's text.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from werkgroep import monitor_actions
from werkgroep import monitor_sections as sections
from werkgroep.monitor_records import Context, Figure, Section, Series, Table
from werkgroep.periods import Bucket, Period, Step

__all__ = ["Context", "Figure", "Monitor", "Section", "Series", "Table", "monitor"]


@dataclass
class Monitor:
    period: Period
    previous: Period
    step: Step
    buckets: list[Bucket]
    sections: list[Section]

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def tables(self) -> list[Table]:
        """Every table of the page, in order: what the export writes."""
        out = [self._figures_table()]
        for section in self.sections:
            out.append(section.bucket_table(self.buckets))
            out.extend(section.tables)
        return out

    def _figures_table(self) -> Table:
        rows = [
            [section.title, f.label, f.current, f.previous, f.change]
            for section in self.sections
            for f in section.figures
        ]
        return Table(
            caption=_("Deze periode en de vorige"),
            columns=[
                _("Onderwerp"),
                _("Cijfer"),
                _("{start} t/m {end}").format(
                    start=self.period.start.isoformat(), end=self.period.end.isoformat()
                ),
                _("{start} t/m {end}").format(
                    start=self.previous.start.isoformat(), end=self.previous.end.isoformat()
                ),
                _("Verschil"),
            ],
            rows=rows,
        )


SECTION_BUILDERS: list[Callable[[Context], Section]] = [
    sections.members,
    sections.polls,
    sections.training,
    sections.referrals,
    sections.gesprekken,
    monitor_actions.actions,
    sections.contact_requests,
]


def monitor(*, period: Period, step: Step = Step.MONTH) -> Monitor:
    previous = period.previous()
    ctx = Context(period=period, previous=previous, buckets=period.buckets(step))
    return Monitor(
        period=period,
        previous=previous,
        step=step,
        buckets=ctx.buckets,
        sections=[build(ctx) for build in SECTION_BUILDERS],
    )
