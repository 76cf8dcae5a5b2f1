"""The coverage page: the 8 vraaggebieden against the wijken, offers against signals of need."""

from collections import defaultdict

from panel import selectors as panel_selectors
from panel.models import QuestionKind
from sociale_kaart import selectors as kaart
from sociale_kaart.models import Offer
from training import selectors as training_selectors
from werkgroep.models import OutcomeItem, OutcomeKind
from werkgroep.results import CHOICE_KINDS
from werkgroep.selectors import small_count


def coverage() -> dict:
    """8 vraaggebieden × wijken: active offers against signals of need.

    Signals: answers to poll questions tagged with the vraaggebied (by the respondent's wijk),
    spiegelgesprek themes and signals tagged with it (by wijk; without a wijk they count for
    every wijk), and referrals for it (by wijk). Signal totals are people-related, so a cell
    below 5 shows "<5"; offer counts are public and shown as they are.
    """
    wijken = list(kaart.wijken())
    all_vraaggebieden = list(kaart.vraaggebieden())
    offers: defaultdict[tuple[str, int], int] = defaultdict(int)
    active = Offer.objects.filter(is_active=True).prefetch_related("vraaggebieden", "service_areas")
    for offer in active:
        area_ids = (
            [w.pk for w in wijken]
            if offer.whole_municipality
            else [w.pk for w in offer.service_areas.all()]
        )
        for vraaggebied in offer.vraaggebieden.all():
            for wijk_id in area_ids:
                offers[(vraaggebied.code, wijk_id)] += 1
    signals: defaultdict[tuple[str, int], int] = defaultdict(int)
    for tagged in panel_selectors.tagged_questions(kinds=CHOICE_KINDS):
        per_wijk: dict[int, int] = defaultdict(int)
        for (group, _choice), n in panel_selectors.breakdown_counts(
            question_id=tagged.question_id, dimension="wijk"
        ).items():
            if not isinstance(group, int):
                continue  # unknown wijk
            wijk_id = group
            # single choice and scale: one answer per person; multiple choice repeats people,
            # so take the largest choice as a lower bound of the people who answered
            per_wijk[wijk_id] = (
                max(per_wijk[wijk_id], n)
                if tagged.kind == QuestionKind.MULTIPLE
                else per_wijk[wijk_id] + n
            )
        for wijk_id, n in per_wijk.items():
            signals[(tagged.vraaggebied_code, wijk_id)] += n
    items = OutcomeItem.objects.filter(
        kind__in=[OutcomeKind.THEME, OutcomeKind.SIGNAL]
    ).values_list("vraaggebieden__code", "wijk_id")
    for code, wijk_id in items:
        if code is None:
            continue
        for target in [wijk_id] if wijk_id else [w.pk for w in wijken]:
            signals[(code, target)] += 1
    for row in training_selectors.referral_counts(group_by=["vraaggebied", "wijk"]):
        if row["wijk"] is not None:
            signals[(row["vraaggebied"], row["wijk"])] += row["count"]
    rows = []
    gaps = 0
    for vraaggebied in all_vraaggebieden:
        cells = []
        for wijk in wijken:
            n_offers = offers.get((vraaggebied.code, wijk.pk), 0)
            n_signals = signals.get((vraaggebied.code, wijk.pk), 0)
            gap = n_offers == 0
            gaps += gap
            cells.append(
                {
                    "wijk": wijk,
                    "offers": n_offers,
                    "signals": small_count(n_signals),
                    "gap": gap,
                    "need_without_offer": gap and n_signals > 0,
                }
            )
        rows.append({"vraaggebied": vraaggebied, "cells": cells})
    return {
        "wijken": wijken,
        "rows": rows,
        "gaps": gaps,
        "cells": len(wijken) * len(all_vraaggebieden),
    }
