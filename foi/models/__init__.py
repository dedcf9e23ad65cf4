from .appeal import Appeal
from .audit import AuditLogImmutable, CaseEvent, CaseEventAudience
from .audit_root import AuditRoot
from .batch import Batch, BatchStatus
from .body import BodyKind, Membership, MembershipRole, PublicBody
from .body_suggestion import (
    BodyContactChange,
    BodyField,
    BodySuggestion,
    BodySuggestionKind,
    BodySuggestionStatus,
)
from .calendar import CalendarFeedToken, DeclaredDay, DeclaredDayKind
from .follow import Follow
from .law import (
    AppealLevel,
    AppealReviewer,
    ClarificationEffect,
    ClockStart,
    Exemption,
    Law,
    PeriodUnit,
    TransferClock,
)
from .message import (
    Attachment,
    Audience,
    DeliveryStatus,
    InvokedExemption,
    Message,
    MessageKind,
    OCRStatus,
)
from .redaction import PERSONAL_DATA, Redaction
from .request import (
    OPEN_STATES,
    AccessForm,
    AppealDecision,
    Channel,
    FOIRequest,
    Outcome,
    PublicNameChoice,
    ReferenceCounter,
    State,
    Urgency,
    Visibility,
)
from .suggestion import ClassificationSuggestion
from .template import LetterAction, LetterLanguage, LetterTemplate
from .users import User

__all__ = [
    "OPEN_STATES",
    "PERSONAL_DATA",
    "AccessForm",
    "Appeal",
    "AppealDecision",
    "AppealLevel",
    "AppealReviewer",
    "Attachment",
    "Audience",
    "AuditLogImmutable",
    "AuditRoot",
    "Batch",
    "BatchStatus",
    "BodyContactChange",
    "BodyField",
    "BodyKind",
    "BodySuggestion",
    "BodySuggestionKind",
    "BodySuggestionStatus",
    "CalendarFeedToken",
    "CaseEvent",
    "CaseEventAudience",
    "Channel",
    "ClarificationEffect",
    "ClassificationSuggestion",
    "ClockStart",
    "DeclaredDay",
    "DeclaredDayKind",
    "DeliveryStatus",
    "Exemption",
    "FOIRequest",
    "Follow",
    "InvokedExemption",
    "Law",
    "LetterAction",
    "LetterLanguage",
    "LetterTemplate",
    "Membership",
    "MembershipRole",
    "Message",
    "MessageKind",
    "OCRStatus",
    "Outcome",
    "PeriodUnit",
    "PublicBody",
    "PublicNameChoice",
    "Redaction",
    "ReferenceCounter",
    "State",
    "TransferClock",
    "Urgency",
    "User",
    "Visibility",
]
