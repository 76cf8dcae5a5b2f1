"""Training for professionals: modules with lessons and case questions, progress,
certificates, learning paths per profession, and the anonymous referral log.

Who took a module (Progress, Certificate) is kept apart from what was referred (Referral):
a referral never holds anything about the caregiver, only tags from fixed lists.
"""

from training.models.content import (
    LearningGoal,
    Lesson,
    Module,
    Option,
    Question,
    QuestionKind,
    Unit,
    points_label,
)
from training.models.progress import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Answer,
    Certificate,
    LessonRead,
    Progress,
    ProgressStatus,
    Register,
    Registration,
    normalise_code,
)
from training.models.referrals import (
    LearningPath,
    LearningPathStep,
    Referral,
)

__all__ = [
    "Answer",
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "Certificate",
    "LearningGoal",
    "LearningPath",
    "LearningPathStep",
    "Lesson",
    "LessonRead",
    "Module",
    "Option",
    "Progress",
    "ProgressStatus",
    "Question",
    "QuestionKind",
    "Referral",
    "Register",
    "Registration",
    "Unit",
    "normalise_code",
    "points_label",
]
