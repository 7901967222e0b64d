"""The request bodies of the API as OpenAPI schemas; hiring/api/bodies.py checks every body against them.

Every object is closed (unknown fields are refused). Enums, lengths and ranges document the services' rules;
the services check them, in their own words.
"""

from typing import Any

from hiring.api.schema_parts import (
    AMOUNT,
    EDUCATION,
    ID,
    LANGUAGE,
    LEVEL,
    MAX_ID,
    NOT_BLANK,
    PERCENT,
    TEXT_LINES,
    YEARS,
    closed,
    nullable,
    ref,
    text,
)
from hiring.domain.levels import EDUCATION_FIELDS, RATING_MAX, RATING_MIN, RECOMMENDATIONS
from hiring.models import DECISIONS, ROLES
from hiring.services import (
    candidate_input,
    decisions,
    scorecard_input,
    vacancy_input,
)

REQUEST_SCHEMAS: dict[str, dict[str, Any]] = {
    "TokenRequest": closed(
        {"username": text(64, 1), "password": text(200, 1)},
        ("username", "password"),
    ),
    "UserCreate": closed(
        {
            "username": text(64, 2, pattern=r"^[A-Za-z0-9_.-]+$"),
            "password": text(200, 8),
            "role": {"type": "string", "enum": list(ROLES)},
            "full_name": text(200, 1, pattern=NOT_BLANK),
        },
        ("username", "password", "role", "full_name"),
    ),
    "LanguageRequirement": closed(
        {"language": LANGUAGE, "min_level": LEVEL, "mandatory": {"type": "boolean"}},
        ("language", "min_level"),
        description="mandatory defaults to true",
    ),
    "CustomCheckInput": closed(
        {"text": text(vacancy_input.CHECK_TEXT, 1, pattern=NOT_BLANK), "mandatory": {"type": "boolean"}},
        ("text",),
        description="mandatory defaults to true",
    ),
    "RequirementsInput": closed(
        {
            "education": closed(
                {
                    "min_level": EDUCATION,
                    "mandatory": {"type": "boolean"},
                    "preferred_fields": {
                        "type": "array",
                        "items": {"type": "string", "enum": list(EDUCATION_FIELDS)},
                    },
                }
            ),
            "experience": closed(
                {
                    "min_years": YEARS,
                    "mandatory": {"type": "boolean"},
                    "exception_min_years": nullable(YEARS),
                    "exception_min_plan_pct": nullable(PERCENT),
                },
                description="exception_min_years and exception_min_plan_pct go together (both or neither)",
            ),
            "languages": {"type": "array", "items": ref("LanguageRequirement"), "maxItems": 20},
            "custom": {"type": "array", "items": ref("CustomCheckInput"), "maxItems": 50},
        },
        description="each part or value left out takes the profile's default (languages and custom: none)",
    ),
    "VacancyCreate": closed(
        {
            "title": text(vacancy_input.SHORT_TEXT, 1, pattern=NOT_BLANK),
            "profile_id": ID,
            "language": {"type": "string", "enum": list(vacancy_input.LANGUAGES)},
            "company": text(vacancy_input.SHORT_TEXT),
            "location": text(vacancy_input.SHORT_TEXT),
            "employment_terms": text(vacancy_input.SHORT_TEXT),
            "salary_from": AMOUNT,
            "salary_to": AMOUNT,
            "salary_currency": {"type": "string", "enum": list(vacancy_input.CURRENCIES)},
            "salary_period": {"type": "string", "enum": list(vacancy_input.SALARY_PERIODS)},
            "salary_basis": {
                "type": "string",
                "enum": list(vacancy_input.SALARY_BASES),
                "description": "gross: before tax; net: after tax",
            },
            "travel_required": {"type": "boolean"},
            "about_company": text(vacancy_input.LONG_TEXT),
            "how_to_apply": text(vacancy_input.LONG_TEXT),
            "publish_exp_exception": {
                "type": "boolean",
                "description": "print the experience exception in the job post (default false)",
            },
            "intro": text(vacancy_input.LONG_TEXT),
            "responsibilities": TEXT_LINES,
            "conditions": TEXT_LINES,
            "contacts": text(vacancy_input.LONG_TEXT),
            "requirements": ref("RequirementsInput"),
        },
        ("title", "profile_id", "language"),
        description="texts left out (intro, responsibilities, conditions) take the defaults in the vacancy's language",
    ),
    "LanguageLevel": closed({"language": LANGUAGE, "level": LEVEL}, ("language", "level")),
    "CandidateCreate": closed(
        {
            "full_name": text(candidate_input.MAX_NAME, 1, pattern=NOT_BLANK),
            "email": nullable(text(candidate_input.MAX_EMAIL)),
            "phone": nullable(text(candidate_input.MAX_PHONE)),
            "education_level": nullable(EDUCATION),
            "education_field": nullable(text(candidate_input.MAX_FIELD)),
            "experience_years": nullable(YEARS),
            "plan_attainment_pct": nullable(PERCENT),
            "languages": {"type": "array", "items": ref("LanguageLevel"), "maxItems": 20},
            "notes": text(candidate_input.MAX_NOTES),
        },
        ("full_name",),
    ),
    "CheckAnswers": closed(
        {
            "answers": {
                "type": "array",
                "maxItems": 100,
                "items": closed(
                    {"index": {"type": "integer", "minimum": 0, "maximum": 1000}, "met": {"type": "boolean"}},
                    ("index", "met"),
                ),
            }
        },
        ("answers",),
    ),
    "Interview": closed(
        {
            "starts_at": {
                "type": "string",
                "format": "date-time",
                "maxLength": 40,
                "description": "ISO 8601 with its offset, e.g. `2026-12-03T12:00:00+03:00`",
            },
            "duration_minutes": {
                "type": "integer",
                "minimum": 15,
                "maximum": 480,
                "description": "default 60",
            },
            "location": text(500, description="a place or a video link"),
            "time_zone": text(
                64, description="IANA name the interviewer reads the time in (default: the app's)"
            ),
        },
        ("starts_at",),
    ),
    "AssignmentCreate": closed({"user_id": ID, "interview": ref("Interview")}, ("user_id",)),
    "InterviewUpdate": closed({"interview": ref("Interview")}, ("interview",)),
    "EvaluationPackRequest": closed(
        {"candidate_ids": {"type": "array", "items": ID, "minItems": 1, "maxItems": 50}}, ("candidate_ids",)
    ),
    "ScorecardSave": closed(
        {
            "ratings": {
                "type": "object",
                "propertyNames": {"maxLength": 16},
                "additionalProperties": {
                    "type": ["integer", "null"],
                    "minimum": RATING_MIN,
                    "maximum": RATING_MAX,
                },
                "description": "competency code -> 1..5; a competency left out (or null) is not assessed",
            },
            "notes": {
                "type": "object",
                "propertyNames": {"maxLength": 16},
                "additionalProperties": nullable(text(scorecard_input.NOTE_MAX_LENGTH)),
                "description": "competency code -> evidence notes",
            },
            "verified_languages": {"type": "array", "items": ref("LanguageLevel"), "maxItems": 20},
            "verified_plan_attainment_pct": nullable(
                {
                    "type": "number",
                    "minimum": 0,
                    "maximum": candidate_input.MAX_PLAN_PCT,
                    "description": "the sales plan attainment (%) verified in the interview; the EXP exception "
                    "uses the lowest verified figure of the submitted scorecards, else the candidate's claim",
                }
            ),
            "recommendation": nullable({"type": "string", "enum": list(RECOMMENDATIONS)}),
            "submit": {
                "type": "boolean",
                "description": "true submits (and locks) the scorecard; a rating of 1 or 5 then needs a note",
            },
            "version": {
                "type": ["integer", "null"],
                "minimum": 0,
                "maximum": MAX_ID,
                "description": "required once the scorecard exists; a missing or stale one gets 409",
            },
        },
    ),
    "DecisionCreate": closed(
        {
            "decision": {"type": "string", "enum": list(DECISIONS)},
            "rationale": text(
                decisions.RATIONALE_MAX_LENGTH, 1, pattern=NOT_BLANK, description="required: why"
            ),
        },
        ("decision", "rationale"),
    ),
}
