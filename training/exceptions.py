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


class AlreadyAnswered(TrainingError):
    """This question already has an answer in the current attempt."""


class QuestionsNotReached(TrainingError):
    """The lessons were not finished yet."""


class RetryNotAllowed(TrainingError):
    """Only a finished, failed attempt can be retried."""


class InvalidReferral(TrainingError):
    """A referral with unknown or missing tags."""
