"""The domain's tables, split by aggregate."""

from hiring.models.candidates import (
    Candidate,
    CandidateLanguage,
    CheckAnswer,
    RankingRevision,
    StoredEvaluation,
)
from hiring.models.interviews import Assignment, Rating, Scorecard, VerifiedLanguage
from hiring.models.notifications import NOTIFICATION_KINDS, NotificationOptOut
from hiring.models.outbox import OutboxJob, SentMessage
from hiring.models.outcomes import REVIEW_MONTHS, HireOutcome, OutcomeReview
from hiring.models.packs import EvaluationPack
from hiring.models.profiles import Competency, Profile
from hiring.models.records import DECISIONS, AuditEntry, Decision, RenderedDocument
from hiring.models.uploads import CandidateFile, PendingImport
from hiring.models.users import ROLES, ApiToken, User
from hiring.models.vacancies import CustomCheck, LanguageRequirement, Vacancy
from hiring.models.webhooks import WebhookDelivery, WebhookEndpoint

__all__ = [
    "DECISIONS",
    "EvaluationPack",
    "NOTIFICATION_KINDS",
    "REVIEW_MONTHS",
    "ROLES",
    "ApiToken",
    "Assignment",
    "AuditEntry",
    "Candidate",
    "CandidateFile",
    "CandidateLanguage",
    "CheckAnswer",
    "Competency",
    "CustomCheck",
    "Decision",
    "HireOutcome",
    "LanguageRequirement",
    "NotificationOptOut",
    "OutboxJob",
    "OutcomeReview",
    "PendingImport",
    "Profile",
    "RankingRevision",
    "Rating",
    "RenderedDocument",
    "Scorecard",
    "SentMessage",
    "StoredEvaluation",
    "User",
    "Vacancy",
    "VerifiedLanguage",
    "WebhookDelivery",
    "WebhookEndpoint",
]
