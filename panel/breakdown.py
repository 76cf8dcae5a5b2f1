"""The breakdown dimensions of poll results, defined once.

A vote is counted per group of five dimensions (panel.tallies); werkgroep pages and exports
break results down by the same five. A group is identified by a key, never by its name:

- wijk: the wijk's id (int);
- age_band, relation, care_hours: the stored code (for example "35-54", "partner", "8-19");
- works: "yes" or "no";
- None: unknown (not given, or a group that no longer exists).

Names are attached only when shown (`groups`, `label_for`).
"""

from dataclasses import dataclass

from panel.models import AgeBand, CareHours, Relation
from sociale_kaart import selectors as kaart

GroupKey = int | str | None


@dataclass(frozen=True)
class Dimension:
    key: str  # as stored in ResultTally.dimension and used in ?uitsplitsing=
    label: str  # heading of the breakdown, e.g. "Wijk"
    answer_field: str  # the field of the snapshot on Answer (and of PanelMember)


DIMENSIONS: dict[str, Dimension] = {
    d.key: d
    for d in (
        Dimension("wijk", "Wijk", "wijk_id"),
        Dimension("age_band", "Leeftijd", "age_band"),
        Dimension("relation", "Zorgt voor", "relation"),
        Dimension("works", "Betaald werk", "works"),
        Dimension("care_hours", "Uren zorg per week", "care_hours"),
    )
}
UNKNOWN_LABEL = "Onbekend"
WORKS_LABELS = {"yes": "Betaald werk", "no": "Geen betaald werk"}


@dataclass(frozen=True)
class Group:
    key: GroupKey
    label: str


def stored_group(dimension: str, value: int | str | bool | None) -> str:
    """The group of a snapshot value as stored in ResultTally.group_value: wijk id, band,
    relation, "yes"/"no"; "" = unknown."""
    if value is None or value == "":
        return ""
    if dimension == "works":
        return "yes" if value else "no"
    return str(value)


def _coded_labels(dimension: str) -> dict[str, str]:
    if dimension == "age_band":
        return {value: str(label) for value, label in AgeBand.choices}
    if dimension == "relation":
        return {value: str(label) for value, label in Relation.choices}
    if dimension == "care_hours":
        return {value: str(label) for value, label in CareHours.choices}
    return dict(WORKS_LABELS)


def group_key(dimension: str, stored: str) -> GroupKey:
    """The key of a stored group value; None for unknown or unrecognised values. (A wijk id
    is returned as is: whether that wijk still exists is for the caller's query to tell.)"""
    if not stored:
        return None
    if dimension == "wijk":
        return int(stored) if stored.isdigit() else None
    return stored if stored in _coded_labels(dimension) else None


def groups(dimension: str) -> list[Group]:
    """Every known group of the dimension, in display order, with its name (reads the wijken
    for "wijk"). Unknown is not included: callers add it when there are answers for it."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    if dimension == "wijk":
        return [Group(w.pk, w.name) for w in kaart.wijken()]
    return [Group(key, label) for key, label in _coded_labels(dimension).items()]


def label_for(key: GroupKey, known: list[Group]) -> str:
    if key is None:
        return UNKNOWN_LABEL
    return next((g.label for g in known if g.key == key), UNKNOWN_LABEL)
