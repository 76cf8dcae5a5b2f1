"""Domain errors of the werkgroep app; views map them to Dutch messages."""


class WerkgroepError(Exception):
    pass


class ReasonRequired(WerkgroepError):
    """Not feasible without saying why."""


class SameStatus(WerkgroepError):
    """The action point already has this status."""


class QuoteWithoutConsent(WerkgroepError):
    """A quote may only be stored when the speaker agreed."""


class UnknownExport(WerkgroepError):
    pass


class ActionNotDone(WerkgroepError):
    """A follow-up poll asks whether something helps: only for an action point that is done."""


class ReportPublished(WerkgroepError):
    """A published council report stays as it was published."""


class ConceptCited(WerkgroepError):
    """An action point cites this concept poll (an answer or a trend): deleting the concept
    would delete that evidence with it."""
