"""The caregivers' panel: members, flash polls and spiegelgesprekken.

Who took part (Participation) is kept apart from what was said (Answer), so a poll can be
anonymous and a member can leave without changing any total.
"""

from panel.models.gesprekken import (
    Registration,
    RegistrationKind,
    RegistrationStatus,
    Spiegelgesprek,
)
from panel.models.members import (
    AgeBand,
    CareHours,
    ContactPoint,
    ContactRequest,
    PanelMember,
    Relation,
    first_of_this_month,
)
from panel.models.polls import (
    NEW_FOR,
    TEXT_ANSWER_MAX,
    Answer,
    Audience,
    Choice,
    ModerationStatus,
    Participation,
    Poll,
    PollInvitation,
    PollQuerySet,
    PollStatus,
    Question,
    QuestionKind,
    ResultsVisibility,
    ResultTally,
)

__all__ = [
    "AgeBand",
    "Answer",
    "Audience",
    "CareHours",
    "Choice",
    "ContactPoint",
    "ContactRequest",
    "ModerationStatus",
    "NEW_FOR",
    "PanelMember",
    "Participation",
    "Poll",
    "PollInvitation",
    "PollQuerySet",
    "PollStatus",
    "Question",
    "QuestionKind",
    "Registration",
    "RegistrationKind",
    "RegistrationStatus",
    "Relation",
    "ResultTally",
    "ResultsVisibility",
    "Spiegelgesprek",
    "TEXT_ANSWER_MAX",
    "first_of_this_month",
]
