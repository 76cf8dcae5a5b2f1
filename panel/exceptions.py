"""Domain errors of the panel; views map each to a Dutch message (panel.views.common.MESSAGES)."""


class PanelError(Exception):
    """Base class: something the person can understand and fix, or accept."""


class PollUnavailable(PanelError):
    """Base class: this person cannot answer this poll now (access.check_poll_open_for)."""


class NotAMember(PollUnavailable):
    pass


class AlreadyMember(PanelError):
    pass


class PollNotOpenYet(PollUnavailable):
    pass


class PollClosed(PollUnavailable):
    pass


class NotInAudience(PollUnavailable):
    pass


class AlreadyVoted(PanelError):
    pass


class InvalidAnswer(PanelError):
    """A forged choice id, too many choices, a missing answer or over-long text."""


class InvalidInvitation(PanelError):
    pass


class ExpiredInvitation(PanelError):
    pass


class NotAllowedPlace(PanelError):
    """For example a professional asking for a caregiver place."""


class AlreadyRegistered(PanelError):
    pass


class GesprekPast(PanelError):
    pass


class InvalidCancelLink(PanelError):
    pass


class NoContactPoint(PanelError):
    """Nobody is set to receive requests to be contacted."""
