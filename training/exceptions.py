"""Domain errors of the training app; views map them to Dutch messages."""


class TrainingError(Exception):
    """Base class for everything a training service refuses."""


class ModuleNotAvailable(TrainingError):
    """The module is not published (or does not exist for this person)."""


class QuestionNotInModule(TrainingError):
    """An answer was posted for a question of another module."""


class InvalidOptions(TrainingError):
    """The posted option ids are not options of this question, or the count is wrong."""


class NoOptionChosen(TrainingError):
    """Nothing was chosen."""


class QuestionNotDrawn(TrainingError):
    """The question belongs to the module, but not to this person's attempt (another variant)."""


class AlreadyAnswered(TrainingError):
    """This question already has an answer in the current attempt."""


class QuestionsNotReached(TrainingError):
    """The lessons were not finished yet."""


class RetryNotAllowed(TrainingError):
    """Only a finished, failed attempt can be retried."""


class RetryTooSoon(TrainingError):
    """A retry needs a reread of the missed lessons or a short wait first."""

    def __init__(self, allowed_at):
        super().__init__(allowed_at)
        self.allowed_at = allowed_at


class InvalidReferral(TrainingError):
    """A referral with unknown or missing tags."""


class ReferralLocked(TrainingError):
    """A referral can be corrected or removed only by its author, within a week."""
