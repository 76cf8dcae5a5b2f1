"""Typed results of the panel's selectors, for its templates and for other apps (werkgroep).

Frozen: a reader cannot change what another reader sees. Units are in the field comments:
counts are numbers of people (or answers, where said); `response_rate` is a fraction 0..1
everywhere (templates show it with the `percent` filter); `percent` of a choice is a whole
percentage 0..100, rounded, as shown.
"""

from dataclasses import dataclass
from datetime import date, datetime

from panel.breakdown import GroupKey


@dataclass(frozen=True)
class PollOverview:
    id: int
    title: str
    status: str  # PollStatus value at the moment of reading: scheduled, open, closed
    opens_at: datetime
    closes_at: datetime
    audience_size: int  # people in the panel (and in its wijken) while the poll was open
    responses: int  # people who answered
    response_rate: float  # responses / audience_size, a fraction 0..1 (0.0 without audience)


@dataclass(frozen=True)
class PollSummary:
    id: int
    title: str
    status: str  # PollStatus value now
    opens_at: datetime
    closes_at: datetime
    anonymous: bool


@dataclass(frozen=True)
class StudioPoll:
    """A poll in the werkgroep's poll studio, concepts included."""

    id: int
    title: str
    status: str  # PollStatus value at the moment of reading: draft, scheduled, open, closed
    opens_at: datetime
    closes_at: datetime
    questions: int  # number of questions
    responses: int  # people who answered
    repeat_of_id: int | None  # the poll this one repeats, if any


@dataclass(frozen=True)
class ChoiceResult:
    id: int
    text: str
    face: str
    value: int | None
    count: int  # people who chose it
    percent: int  # count / question total, whole percentage 0..100 (0 without answers)


@dataclass(frozen=True)
class QuestionResult:
    id: int
    text: str
    kind: str  # QuestionKind value: single, multiple, scale, text
    order: int
    total: int  # people who answered it (choice questions: every respondent; text: answers)
    choices: tuple[ChoiceResult, ...]


@dataclass(frozen=True)
class PollResults:
    poll: PollSummary
    respondents: int  # people who answered the poll
    questions: tuple[QuestionResult, ...]


BreakdownCounts = dict[tuple[GroupKey, int], int]
"""(group key, choice id) -> answers; group keys as in panel.breakdown (wijk: wijk id)."""


@dataclass(frozen=True)
class TaggedQuestion:
    question_id: int
    vraaggebied_code: str
    kind: str  # QuestionKind value (choice kinds only)


@dataclass(frozen=True)
class FreeTextAnswer:
    id: int
    question_id: int
    text: str
    status: str  # ModerationStatus value: pending, approved, hidden
    created: datetime
    reason: str = ""  # why it was hidden (moderator's words), empty otherwise


@dataclass(frozen=True)
class PersonalDataFinding:
    """Something in free text that may tell who someone is (panel.personal_data)."""

    kind: str  # phone, email, postcode, address, name
    label: str  # the kind in Dutch words, for the moderator
    text: str  # the piece of text as found


@dataclass(frozen=True)
class FlaggedFreeText:
    answer: FreeTextAnswer
    findings: tuple[PersonalDataFinding, ...]


@dataclass(frozen=True)
class ContactRequestMonth:
    month: date  # first day of the month
    count: int  # caregivers who asked to be contacted that month


@dataclass(frozen=True)
class GrowthMonth:
    month: date  # first day of the month
    joined: int  # members who joined that month
    left: int  # members who left that month
    active: int  # members in the panel at the end of the month


@dataclass(frozen=True)
class GesprekNeeds:
    """Registrations (not cancelled) that asked for each kind of help."""

    replacement_care: int
    transport: int
    accessibility: int
    diet: int


@dataclass(frozen=True)
class GesprekOverview:
    id: int
    title: str
    starts_at: datetime
    caregiver_places: int
    caregivers_taken: int  # registered caregivers
    caregivers_waiting: int  # caregivers on the waiting list
    listener_places: int
    listeners_taken: int
    listeners_waiting: int
    needs: GesprekNeeds

    @property
    def caregivers_free(self) -> int:
        return max(self.caregiver_places - self.caregivers_taken, 0)

    @property
    def listeners_free(self) -> int:
        return max(self.listener_places - self.listeners_taken, 0)


@dataclass(frozen=True)
class GesprekSummary:
    id: int
    title: str
    starts_at: datetime
