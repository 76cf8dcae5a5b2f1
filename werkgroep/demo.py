"""Demo werkgroep: outcomes of the past spiegelgesprek and 8 action points in every status
(5 of them public), so /wij-deden/ and the coverage map show something real. Idempotent."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from panel import selectors as panel_selectors
from sociale_kaart.models import Organisation, Vraaggebied, Wijk
from werkgroep.models import ActionPoint, ActionStatus, OutcomeItem
from werkgroep.services import (
    add_poll_evidence,
    add_referral_evidence,
    change_status,
    create_action_point,
    record_outcome,
)

# kind, text, vraaggebieden, wijk name (None = all), speaker consent
OUTCOMES = [
    (
        "theme",
        "Werkgevers weten vaak niet dat iemand voor een ander zorgt.",
        ["advies"],
        None,
        False,
    ),
    (
        "theme",
        "Mantelzorgers zoeken lang naar de juiste plek voor hulp.",
        ["informatie"],
        None,
        False,
    ),
    (
        "theme",
        "Vervanging van de zorg in de avond is er bijna niet.",
        ["respijtzorg"],
        "Nijeveen",
        False,
    ),
    (
        "quote",
        "Ik werk vier dagen. Daarna zorg ik voor mijn moeder. Ik ben altijd moe.",
        ["advies"],
        None,
        True,
    ),
    (
        "quote",
        "Ik wist niet dat ik hulp mocht vragen. Niemand vroeg hoe het met mij ging.",
        ["emotionele_steun"],
        None,
        True,
    ),
    (
        "signal",
        "In Berggierslanden is geen plek voor een praatgroep.",
        ["emotionele_steun"],
        "Berggierslanden",
        False,
    ),
    (
        "signal",
        "Vervoer naar de dagopvang is lastig vanuit Oosterboer.",
        ["praktische_hulp", "respijtzorg"],
        "Oosterboer",
        False,
    ),
]

# title, status, public, owner, vraaggebieden, said, done, reason (not feasible), poll question text, choice
ACTIONS = [
    (
        "Eén telefoonnummer voor alle vragen",
        ActionStatus.DONE,
        True,
        "Contactpunt Mantelzorg (demo)",
        ["informatie"],
        "Veel van u wisten niet waar u met een vraag heen kon. U zocht lang.",
        "Er is nu één nummer voor al uw vragen. Bel 0522 00 10 02. We helpen u op weg.",
        "",
        "Weet u waar u terecht kunt met vragen over de zorg?",
        "Nee",
    ),
    (
        "Een vaste contactpersoon",
        ActionStatus.IN_PROGRESS,
        True,
        "Welzijn Meppel (demo)",
        ["advies"],
        "U wilt één vast persoon. Die u kent. Die ook helpt met de papieren.",
        "We zoeken nu mensen voor dit werk. Vanaf de zomer krijgt u een vast contact.",
        "",
        None,
        None,
    ),
    (
        "Zorg even overnemen in de avond",
        ActionStatus.PLANNED,
        True,
        "Vrijwilligerscentrale Meppel (demo)",
        ["respijtzorg"],
        "U zei: ik heb nooit even vrij. Zeker niet in de avond.",
        "Vrijwilligers nemen de zorg een avond van u over. Zo heeft u tijd voor uzelf. We starten in het najaar.",
        "",
        "Welke hulp zou u het meest helpen?",
        "Iemand die de zorg even overneemt",
    ),
    (
        "Praatgroep in elke wijk",
        ActionStatus.IN_PROGRESS,
        True,
        "Welzijn Meppel (demo)",
        ["emotionele_steun"],
        "U wilt praten met mensen die het zelf ook doen. Dicht bij huis.",
        "Er komt een praatgroep in elke wijk. In twee wijken is hij al gestart.",
        "",
        None,
        None,
    ),
    (
        "Gratis taxi naar de dagopvang",
        ActionStatus.NOT_FEASIBLE,
        True,
        "Gemeente Meppel, Wmo-loket (demo)",
        ["praktische_hulp"],
        "Het vervoer naar de dagopvang is lastig. Het kost ook veel.",
        "Een gratis taxi voor iedereen lukt niet. Wel rijden er nu vrijwilligers. Vraag ernaar bij het loket.",
        "Daar is geen geld voor in de begroting van dit jaar.",
        None,
        None,
    ),
    (
        "Training voor werkgevers",
        ActionStatus.IDEA,
        False,
        None,
        ["advies", "educatie"],
        "",
        "",
        "",
        None,
        None,
    ),
    (
        "Mantelzorgwaardering vaker onder de aandacht",
        ActionStatus.PLANNED,
        False,
        "Gemeente Meppel, Wmo-loket (demo)",
        ["financieel"],
        "",
        "",
        "",
        None,
        None,
    ),
    (
        "Hulpmiddelen sneller thuis",
        ActionStatus.IDEA,
        False,
        "Uitleenpunt Hulpmiddelen Zuidwest (demo)",
        ["materieel"],
        "",
        "",
        "",
        None,
        None,
    ),
]

PATH = {
    ActionStatus.IDEA: [],
    ActionStatus.PLANNED: [ActionStatus.PLANNED],
    ActionStatus.IN_PROGRESS: [ActionStatus.PLANNED, ActionStatus.IN_PROGRESS],
    ActionStatus.DONE: [ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.DONE],
    ActionStatus.NOT_FEASIBLE: [ActionStatus.NOT_FEASIBLE],
}


def _vraaggebieden_by_code(codes: list[str]) -> list[Vraaggebied]:
    return list(Vraaggebied.objects.filter(code__in=codes))


def _question(text: str | None, choice_text: str | None) -> tuple[int | None, int | None]:
    if not text:
        return None, None
    for poll in panel_selectors.polls_overview():
        for q in panel_selectors.poll_results(poll_id=poll.id).questions:
            if q.text == text:
                choice = next((c.id for c in q.choices if c.text == choice_text), None)
                return q.id, choice
    return None, None


def load() -> str:
    author = User.objects.filter(email="werkgroep@demo.nl").first()
    past = panel_selectors.past_gesprekken()
    items: list[OutcomeItem] = []
    if past:
        gesprek_id = past[0].id
        for kind, text, codes, wijk_name, consent in OUTCOMES:
            item = OutcomeItem.objects.filter(gesprek_id=gesprek_id, text=text).first()
            if item is None:
                item = record_outcome(
                    gesprek_id=gesprek_id,
                    kind=kind,
                    text=text,
                    by=author,
                    vraaggebieden=_vraaggebieden_by_code(codes),
                    wijk=Wijk.objects.filter(name=wijk_name).first() if wijk_name else None,
                    speaker_consent=consent,
                )
            items.append(item)
    made = 0
    for index, (
        title,
        status,
        public,
        owner,
        codes,
        said,
        done,
        reason,
        question,
        choice,
    ) in enumerate(ACTIONS):
        if ActionPoint.objects.filter(title=title).exists():
            continue
        point = create_action_point(
            title=title,
            by=author,
            said=said,
            done=done,
            vraaggebieden=_vraaggebieden_by_code(codes),
            owner=Organisation.objects.filter(name=owner).first() if owner else None,
            is_public=public,
            due_date=(timezone.now() + timedelta(days=30 * (index + 1))).date(),
            description="Uit het panel en het spiegelgesprek. Zie de onderbouwing.",
            outcomes=[i for i in items if set(codes) & {g.code for g in i.vraaggebieden.all()}],
        )
        for step in PATH[status]:
            change_status(
                action_point=point,
                status=step,
                by=author,
                reason=reason if step == ActionStatus.NOT_FEASIBLE else "",
            )
        question_id, choice_id = _question(question, choice)
        if question_id:
            add_poll_evidence(action_point=point, question_id=question_id, choice_id=choice_id)
        if index == 0:
            add_referral_evidence(
                action_point=point,
                vraaggebied=Vraaggebied.objects.get(code="informatie"),
                note="Doorverwijzingen door huisartsen en wijkteams",
            )
        made += 1
    public_count = ActionPoint.objects.filter(is_public=True).count()
    return f"{len(items)} outcomes, {made} new action points ({ActionPoint.objects.count()} in total, {public_count} public)"
