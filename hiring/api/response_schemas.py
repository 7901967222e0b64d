"""The answers of the API as OpenAPI schemas (objects are closed, so a field the document lacks fails a test)."""

from typing import Any

from hiring.api.schema_parts import (
    EDUCATION,
    ID,
    LOCALIZED,
    MOMENT,
    closed,
    nullable,
    ref,
)
from hiring.domain import calibration
from hiring.domain.levels import (
    BANDS,
    CONFIDENCES,
    EDUCATION_FIELDS,
    ELIGIBILITIES,
    RECOMMENDATIONS,
    RULE_RESULTS,
)
from hiring.models import DECISIONS, ROLES
from hiring.services import vacancies, vacancy_input
from hiring.services.candidate_input import FIELDS as CANDIDATE_FIELDS

RESPONSE_SCHEMAS: dict[str, dict[str, Any]] = {
    "Error": closed(
        {
            "error": closed(
                {
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                    "fields": {
                        "type": "object",
                        "additionalProperties": {"type": "string"},
                        "description": "a message per wrong field (dotted path for nested fields)",
                    },
                    "lines": {
                        "type": "array",
                        "items": ref("ImportLineError"),
                        "description": "imports only: every bad line (the header is line 1), at most 200",
                    },
                    "more": {
                        "type": "integer",
                        "description": "imports only: how many problems were not listed",
                    },
                    "unmatched": {
                        "type": "array",
                        "items": {"type": "string"},
                        "description": "candidate import only: headers that match no field",
                    },
                    "current_version": {
                        "type": "integer",
                        "description": "version conflicts of a scorecard: the version now stored",
                    },
                },
                ("code", "message", "fields"),
            )
        },
        ("error",),
    ),
    "ImportLineError": closed(
        {"line": {"type": "integer"}, "field": {"type": ["string", "null"]}, "message": {"type": "string"}},
        ("line", "field", "message"),
    ),
    "Token": closed(
        {"token": {"type": "string"}, "expires_at": MOMENT},
        ("token", "expires_at"),
    ),
    "User": closed(
        {
            "id": ID,
            "username": {"type": "string"},
            "full_name": {"type": "string"},
            "email": {"type": ["string", "null"]},
            "role": {"type": "string", "enum": list(ROLES)},
            "active": {"type": "boolean"},
            "version": {"type": "integer", "description": "send it back with PATCH"},
        },
        ("id", "username", "full_name", "email", "role", "active", "version"),
    ),
    "LocalizedText": closed({"ru": {"type": "string"}, "en": {"type": "string"}}, ("ru", "en")),
    "ProfileCompetency": closed(
        {
            "code": {"type": "string"},
            "name": LOCALIZED,
            "covers": LOCALIZED,
            "weight": {"type": "number"},
            "critical_min": {"type": ["number", "null"]},
            "anchors": closed(
                {"1": LOCALIZED, "3": LOCALIZED, "5": LOCALIZED},
                ("1", "3", "5"),
                description="behavioural anchors of levels 1, 3 and 5 (2 and 4 lie between)",
            ),
            "questions": {"type": "array", "items": ref("ProfileQuestion")},
        },
        ("code", "name", "covers", "weight", "critical_min", "anchors", "questions"),
    ),
    "ProfileQuestion": closed(
        {
            "ru": {"type": "string"},
            "en": {"type": "string"},
            "probes": {
                "type": "array",
                "items": LOCALIZED,
                "description": "follow-up probes that ask for facts and figures, asked after the question",
            },
        },
        ("ru", "en", "probes"),
        description="a behavioural interview question in both languages, with its follow-up probes",
    ),
    "Profile": closed(
        {
            "id": ID,
            "name": LOCALIZED,
            "description": LOCALIZED,
            "is_default": {"type": "boolean"},
            "cloned_from_id": {"type": ["integer", "null"]},
            "requirements": closed(
                {"education": ref("EducationRequirement"), "experience": ref("ExperienceRequirement")},
                ("education", "experience"),
                description="screening defaults a new vacancy starts from",
            ),
            "competencies": {"type": "array", "items": ref("ProfileCompetency")},
            "version": {"type": "integer"},
        },
        (
            "id",
            "name",
            "description",
            "is_default",
            "cloned_from_id",
            "requirements",
            "competencies",
            "version",
        ),
    ),
    "EducationRequirement": closed(
        {
            "min_level": EDUCATION,
            "mandatory": {"type": "boolean"},
            "preferred_fields": {
                "type": "array",
                "items": {"type": "string", "enum": list(EDUCATION_FIELDS)},
            },
        },
        ("min_level", "mandatory", "preferred_fields"),
    ),
    "ExperienceRequirement": closed(
        {
            "min_years": {"type": "number"},
            "mandatory": {"type": "boolean"},
            "exception_min_years": {"type": ["number", "null"]},
            "exception_min_plan_pct": {"type": ["number", "null"]},
        },
        ("min_years", "mandatory", "exception_min_years", "exception_min_plan_pct"),
    ),
    "Vacancy": closed(
        {
            "id": ID,
            "title": {"type": "string"},
            "profile_id": ID,
            "language": {"type": "string", "enum": list(vacancy_input.LANGUAGES)},
            "status": {"type": "string", "enum": ["open", "closed"]},
            "company": {"type": "string"},
            "location": {"type": "string"},
            "employment_terms": {"type": "string"},
            "salary_from": {"type": ["integer", "null"]},
            "salary_to": {"type": ["integer", "null"]},
            "salary_currency": {"type": "string"},
            "salary_period": {"type": "string", "enum": ["month", "year"]},
            "salary_basis": {"type": "string", "enum": ["gross", "net"]},
            "travel_required": {"type": "boolean"},
            "about_company": {"type": "string"},
            "how_to_apply": {"type": "string"},
            "publish_exp_exception": {"type": "boolean"},
            "intro": {"type": "string"},
            "responsibilities": {"type": "string", "description": "one item per line"},
            "conditions": {"type": "string", "description": "one item per line"},
            "contacts": {"type": "string"},
            "requirements": closed(
                {
                    "education": ref("EducationRequirement"),
                    "experience": ref("ExperienceRequirement"),
                    "languages": {"type": "array", "items": ref("LanguageRequirement")},
                    "custom": {
                        "type": "array",
                        "items": closed(
                            {
                                "index": {"type": "integer"},
                                "text": {"type": "string"},
                                "mandatory": {"type": "boolean"},
                            },
                            ("index", "text", "mandatory"),
                        ),
                    },
                },
                ("education", "experience", "languages", "custom"),
            ),
            "version": {"type": "integer"},
            "created_at": MOMENT,
        },
        ("id", "profile_id", "status", *vacancies.SCALAR_FIELDS, "requirements", "version", "created_at"),
    ),
    "Candidate": closed(
        {
            "id": ID,
            "vacancy_id": ID,
            "full_name": {"type": "string"},
            "email": {"type": ["string", "null"]},
            "phone": {"type": ["string", "null"]},
            "education_level": nullable(EDUCATION),
            "education_field": {"type": ["string", "null"]},
            "experience_years": {"type": ["number", "null"]},
            "plan_attainment_pct": {"type": ["number", "null"]},
            "languages": {"type": "array", "items": ref("LanguageLevel")},
            "notes": {"type": "string"},
            "checks": {
                "type": "array",
                "items": closed(
                    {
                        "index": {"type": "integer"},
                        "text": {"type": "string"},
                        "mandatory": {"type": "boolean"},
                        "met": {"type": ["boolean", "null"], "description": "null: not answered yet"},
                    },
                    ("index", "text", "mandatory", "met"),
                ),
            },
            "interviewer_ids": {"type": "array", "items": {"type": "integer"}},
            "version": {"type": "integer"},
            "created_at": MOMENT,
        },
        ("id", "vacancy_id", *CANDIDATE_FIELDS, "checks", "interviewer_ids", "version", "created_at"),
    ),
    "ImportResult": closed({"imported": {"type": "integer", "minimum": 0}}, ("imported",)),
    "Assignment": closed(
        {
            "candidate_id": ID,
            "user_id": ID,
            "assigned_at": MOMENT,
            "interview": nullable(
                closed(
                    {
                        "starts_at": MOMENT,
                        "ends_at": MOMENT,
                        "duration_minutes": {"type": "integer"},
                        "time_zone": {"type": "string"},
                        "location": {"type": "string"},
                        "sequence": {"type": "integer", "description": "the calendar invitation's SEQUENCE"},
                    },
                    ("starts_at", "ends_at", "duration_minutes", "time_zone", "location", "sequence"),
                )
            ),
        },
        ("candidate_id", "user_id", "assigned_at", "interview"),
    ),
    "Calibration": closed(
        {
            "agreement": closed(
                {
                    "icc": {
                        "type": ["number", "null"],
                        "description": "ICC(1,k) on each submitted scorecard's own weighted score, over the "
                        "candidates with 2 or more submitted scorecards (Shrout & Fleiss 1979)",
                    },
                    "model": {"type": "string", "enum": [calibration.ICC_MODEL]},
                    "k": {
                        "type": ["number", "null"],
                        "description": "the adjusted mean panel size k0 = (N - sum n_i^2 / N) / (n - 1)",
                    },
                    "candidates": {"type": "integer"},
                    "ci95": {
                        "type": ["array", "null"],
                        "items": {"type": "number"},
                        "minItems": 2,
                        "maxItems": 2,
                        "description": "95 % interval (McGraw & Wong 1996, F distribution)",
                    },
                    "label": {
                        "type": "string",
                        "enum": [
                            *(name for _, name in calibration.AGREEMENT_THRESHOLDS),
                            calibration.POOR,
                            calibration.NOT_ENOUGH_DATA,
                        ],
                        "description": "Koo & Li (2016); not_enough_data below 10 candidates",
                    },
                },
                ("icc", "model", "k", "candidates", "ci95", "label"),
            ),
            "interviewers": {
                "type": "array",
                "items": closed(
                    {
                        "interviewer_id": ID,
                        "scorecards": {"type": "integer"},
                        "compared": {"type": "integer"},
                        "mean_offset": {
                            "type": ["number", "null"],
                            "description": "mean of rating minus the mean of the OTHER interviewers' ratings",
                        },
                        "label": {
                            "type": "string",
                            "enum": [
                                calibration.LENIENT,
                                calibration.SEVERE,
                                calibration.NEUTRAL,
                                calibration.NOT_ENOUGH_DATA,
                            ],
                        },
                    },
                    ("interviewer_id", "scorecards", "compared", "mean_offset", "label"),
                ),
            },
        },
        ("agreement", "interviewers"),
    ),
    "EvaluationPackStarted": closed(
        {"job": ID, "status_url": {"type": "string", "format": "uri-reference"}}, ("job", "status_url")
    ),
    "EvaluationPackStatus": closed(
        {
            "job": ID,
            "state": {"type": "string", "enum": ["queued", "running", "done", "failed"]},
            "done": {"type": "integer", "minimum": 0},
            "total": {"type": "integer", "minimum": 0},
            "result_url": {"type": ["string", "null"], "format": "uri-reference"},
        },
        ("job", "state", "done", "total", "result_url"),
    ),
    "Scorecard": closed(
        {
            "id": ID,
            "candidate_id": ID,
            "interviewer_id": ID,
            "status": {"type": "string", "enum": ["draft", "submitted"]},
            "ratings": {"type": "object", "additionalProperties": {"type": "integer"}},
            "notes": {"type": "object", "additionalProperties": {"type": "string"}},
            "verified_languages": {"type": "array", "items": ref("LanguageLevel")},
            "verified_plan_attainment_pct": nullable({"type": "number"}),
            "recommendation": nullable({"type": "string", "enum": list(RECOMMENDATIONS)}),
            "version": {"type": "integer"},
            "submitted_at": nullable(MOMENT),
        },
        (
            "id",
            "candidate_id",
            "interviewer_id",
            "status",
            "ratings",
            "notes",
            "verified_languages",
            "verified_plan_attainment_pct",
            "recommendation",
            "version",
            "submitted_at",
        ),
    ),
    "Evaluation": closed(
        {
            "candidate_id": ID,
            "eligibility": {"type": "string", "enum": list(ELIGIBILITIES)},
            "screening": {
                "type": "array",
                "items": closed(
                    {
                        "rule": {"type": "string", "description": "EDU, EXP, LANG:<code> or CUSTOM:<index>"},
                        "result": {"type": "string", "enum": list(RULE_RESULTS)},
                        "detail": {"type": "string", "description": "in English"},
                    },
                    ("rule", "result", "detail"),
                ),
            },
            "score": {"type": ["number", "null"]},
            "band": {"type": "string", "enum": list(BANDS)},
            "coverage": {"type": "number"},
            "confidence": {"type": "string", "enum": list(CONFIDENCES)},
            "flags": {"type": "array", "items": {"type": "string"}},
            "competencies": {
                "type": "array",
                "items": closed(
                    {
                        "code": {"type": "string"},
                        "weight": {"type": "number"},
                        "mean": {"type": ["number", "null"]},
                        "n": {"type": "integer"},
                        "spread": {"type": ["integer", "null"]},
                        "flags": {"type": "array", "items": {"type": "string"}},
                    },
                    ("code", "weight", "mean", "n", "spread", "flags"),
                ),
            },
        },
        (
            "candidate_id",
            "eligibility",
            "screening",
            "score",
            "band",
            "coverage",
            "confidence",
            "flags",
            "competencies",
        ),
    ),
    "RankingEntry": closed(
        {
            "candidate_id": ID,
            "full_name": {"type": "string"},
            "score": {"type": ["number", "null"]},
            "band": {"type": "string", "enum": list(BANDS)},
            "eligibility": {"type": "string", "enum": list(ELIGIBILITIES)},
            "coverage": {"type": "number"},
            "confidence": {"type": "string", "enum": list(CONFIDENCES)},
            "flags": {"type": "array", "items": {"type": "string"}},
        },
        ("candidate_id", "full_name", "score", "band", "eligibility", "coverage", "confidence", "flags"),
    ),
    "Decision": closed(
        {
            "id": ID,
            "candidate_id": ID,
            "decision": {"type": "string", "enum": list(DECISIONS)},
            "rationale": {"type": "string"},
            "decided_by_id": {"type": ["integer", "null"]},
            "decided_at": MOMENT,
        },
        ("id", "candidate_id", "decision", "rationale", "decided_by_id", "decided_at"),
    ),
}
