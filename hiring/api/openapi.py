"""The OpenAPI 3.1 description of the API, written by hand, served at /api/v1/openapi.json.

The request schemas here are also what the API checks bodies against (hiring/api/bodies.py), so the
document and the implementation cannot drift apart on field names, types or unknown fields.
"""

from typing import Any

from flask import jsonify

from hiring import candidates, decisions, interviews, vacancies
from hiring.api.blueprint import bp
from hiring.domain.levels import (
    BANDS,
    CONFIDENCES,
    EDUCATION_LEVELS,
    ELIGIBILITIES,
    LANGUAGE_LEVELS,
    RATING_MAX,
    RATING_MIN,
    RECOMMENDATIONS,
    RULE_RESULTS,
)
from hiring.models import DECISIONS, ROLES
from hiring.profiles import EDUCATION_FIELDS

API_VERSION = "1.0.0"
MAX_ID = 2_147_483_647

DESCRIPTION = """\
The JSON API of KAM Hiring: the same product, roles and rules as the pages.

**Authentication.** `POST /api/v1/tokens` with a username and password gives a Bearer token (valid 12 hours by
default); send it as `Authorization: Bearer <token>`. A browser's login session never authenticates an API call.
A deactivated user's tokens stop working at once. Failed attempts count together with the login page's
(10 per 15 minutes per account and per address by default); beyond them the answer is 429.

**Roles** (as on the pages). admin: everything. hr: profiles, vacancies, candidates, import, checks,
interviewers, and reading ranking, evaluations and PDFs. interviewer: only the candidates assigned to them (404
for others), their own scorecard, and the others' scorecards once their own is submitted. lead: ranking,
evaluations, PDFs, decisions. A role outside an operation's list gets 403.

**Bodies.** JSON objects (`Content-Type: application/json`; else 415), except the CSV import (`text/csv`).
**Unknown fields are refused**: 400 with `fields: {"<name>": "unknown field"}`. Text must be valid UTF-8
without NUL characters. Bodies over the configured limit (2 MB by default) get 413.

**Errors** always have the shape `{"error": {"code", "message", "fields"}}`: `fields` maps a field (dotted
path for nested ones, e.g. `requirements.languages.0.min_level`) to a message; the CSV import adds
`lines: [{"line", "field", "message"}]`. Codes: 400 `invalid`/`invalid_json`, 401 `unauthorized`,
403 `forbidden`, 404 `not_found`, 409 `version_conflict`/`duplicate`/`conflict`, 413 `too_large`,
415 `unsupported_media_type`, 429 `too_many_requests`.

**Language.** Messages are in English unless `Accept-Language` asks for Russian. Screening `detail` is English.
"""


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _obj(properties: dict[str, Any], required: tuple[str, ...] = (), **extra: Any) -> dict[str, Any]:
    """A closed object: fields outside `properties` are refused (requests) or never sent (responses)."""
    schema = {"type": "object", "properties": properties, "additionalProperties": False, **extra}
    if required:
        schema["required"] = list(required)
    return schema


def _text(max_length: int, min_length: int = 0, **extra: Any) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "maxLength": max_length, **extra}
    if min_length:
        schema["minLength"] = min_length
    return schema


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    result = {**schema, "type": [*types, "null"]}
    if "enum" in schema:
        result["enum"] = [*schema["enum"], None]
    return result


_NOT_BLANK = r"\S"  # some text besides spaces
_ID = {"type": "integer", "format": "int32", "minimum": 1, "maximum": MAX_ID}
_LANGUAGE = _text(2, 2, pattern="^[a-z]{2}$", description="ISO 639-1 code, e.g. `en`")
_LEVEL = {
    "type": "string",
    "enum": list(LANGUAGE_LEVELS),
    "description": "CEFR level; `native` counts above C2",
}
_EDUCATION = {"type": "string", "enum": list(EDUCATION_LEVELS)}
_YEARS = {"type": "number", "minimum": 0, "maximum": candidates.MAX_YEARS}
_PERCENT = {"type": "number", "minimum": 0, "maximum": candidates.MAX_PLAN_PCT}
_AMOUNT = {"type": ["integer", "null"], "minimum": 0, "maximum": vacancies.MAX_SALARY}
_TEXT_LINES = {
    "type": ["string", "array"],
    "items": {"type": "string"},
    "maxLength": vacancies.LONG_TEXT,
    "description": "one item per line (or a list of lines)",
}
_MOMENT = {"type": "string", "format": "date-time"}
_LOCALIZED = _ref("LocalizedText")

SCHEMAS: dict[str, dict[str, Any]] = {
    "Error": _obj(
        {
            "error": _obj(
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
                        "items": _ref("ImportLineError"),
                        "description": "CSV import only: every bad line (the header is line 1)",
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
    "ImportLineError": _obj(
        {"line": {"type": "integer"}, "field": {"type": ["string", "null"]}, "message": {"type": "string"}},
        ("line", "field", "message"),
    ),
    "TokenRequest": _obj(
        {"username": _text(64, 1), "password": _text(200, 1)},
        ("username", "password"),
    ),
    "Token": _obj(
        {"token": {"type": "string"}, "expires_at": _MOMENT},
        ("token", "expires_at"),
    ),
    "UserCreate": _obj(
        {
            "username": _text(64, 2, pattern=r"^[A-Za-z0-9_.-]+$"),
            "password": _text(200, 8),
            "role": {"type": "string", "enum": list(ROLES)},
            "full_name": _text(200, 1, pattern=_NOT_BLANK),
        },
        ("username", "password", "role", "full_name"),
    ),
    "User": _obj(
        {
            "id": _ID,
            "username": {"type": "string"},
            "full_name": {"type": "string"},
            "role": {"type": "string", "enum": list(ROLES)},
            "active": {"type": "boolean"},
        },
        ("id", "username", "full_name", "role", "active"),
    ),
    "LocalizedText": _obj({"ru": {"type": "string"}, "en": {"type": "string"}}, ("ru", "en")),
    "ProfileCompetency": _obj(
        {
            "code": {"type": "string"},
            "name": _LOCALIZED,
            "covers": _LOCALIZED,
            "weight": {"type": "number"},
            "critical_min": {"type": ["number", "null"]},
            "anchors": _obj(
                {"1": _LOCALIZED, "3": _LOCALIZED, "5": _LOCALIZED},
                ("1", "3", "5"),
                description="behavioural anchors of levels 1, 3 and 5 (2 and 4 lie between)",
            ),
            "questions": {"type": "array", "items": _LOCALIZED},
        },
        ("code", "name", "covers", "weight", "critical_min", "anchors", "questions"),
    ),
    "Profile": _obj(
        {
            "id": _ID,
            "name": _LOCALIZED,
            "description": _LOCALIZED,
            "is_default": {"type": "boolean"},
            "cloned_from_id": {"type": ["integer", "null"]},
            "requirements": _obj(
                {"education": _ref("EducationRequirement"), "experience": _ref("ExperienceRequirement")},
                ("education", "experience"),
                description="screening defaults a new vacancy starts from",
            ),
            "competencies": {"type": "array", "items": _ref("ProfileCompetency")},
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
    "EducationRequirement": _obj(
        {
            "min_level": _EDUCATION,
            "mandatory": {"type": "boolean"},
            "preferred_fields": {
                "type": "array",
                "items": {"type": "string", "enum": list(EDUCATION_FIELDS)},
            },
        },
        ("min_level", "mandatory", "preferred_fields"),
    ),
    "ExperienceRequirement": _obj(
        {
            "min_years": {"type": "number"},
            "mandatory": {"type": "boolean"},
            "exception_min_years": {"type": ["number", "null"]},
            "exception_min_plan_pct": {"type": ["number", "null"]},
        },
        ("min_years", "mandatory", "exception_min_years", "exception_min_plan_pct"),
    ),
    "LanguageRequirement": _obj(
        {"language": _LANGUAGE, "min_level": _LEVEL, "mandatory": {"type": "boolean"}},
        ("language", "min_level"),
        description="mandatory defaults to true",
    ),
    "CustomCheckInput": _obj(
        {"text": _text(vacancies.CHECK_TEXT, 1, pattern=_NOT_BLANK), "mandatory": {"type": "boolean"}},
        ("text",),
        description="mandatory defaults to true",
    ),
    "RequirementsInput": _obj(
        {
            "education": _obj(
                {
                    "min_level": _EDUCATION,
                    "mandatory": {"type": "boolean"},
                    "preferred_fields": {
                        "type": "array",
                        "items": {"type": "string", "enum": list(EDUCATION_FIELDS)},
                    },
                }
            ),
            "experience": _obj(
                {
                    "min_years": _YEARS,
                    "mandatory": {"type": "boolean"},
                    "exception_min_years": _nullable(_YEARS),
                    "exception_min_plan_pct": _nullable(_PERCENT),
                },
                description="exception_min_years and exception_min_plan_pct go together (both or neither)",
            ),
            "languages": {"type": "array", "items": _ref("LanguageRequirement"), "maxItems": 20},
            "custom": {"type": "array", "items": _ref("CustomCheckInput"), "maxItems": 50},
        },
        description="each part or value left out takes the profile's default (languages and custom: none)",
    ),
    "VacancyCreate": _obj(
        {
            "title": _text(vacancies.SHORT_TEXT, 1, pattern=_NOT_BLANK),
            "profile_id": _ID,
            "language": {"type": "string", "enum": list(vacancies.LANGUAGES)},
            "company": _text(vacancies.SHORT_TEXT),
            "location": _text(vacancies.SHORT_TEXT),
            "employment_terms": _text(vacancies.SHORT_TEXT),
            "salary_from": _AMOUNT,
            "salary_to": _AMOUNT,
            "salary_currency": {"type": "string", "enum": list(vacancies.CURRENCIES)},
            "travel_required": {"type": "boolean"},
            "intro": _text(vacancies.LONG_TEXT),
            "responsibilities": _TEXT_LINES,
            "conditions": _TEXT_LINES,
            "contacts": _text(vacancies.LONG_TEXT),
            "requirements": _ref("RequirementsInput"),
        },
        ("title", "profile_id", "language"),
        description="texts left out (intro, responsibilities, conditions) take the defaults in the vacancy's language",
    ),
    "Vacancy": _obj(
        {
            "id": _ID,
            "title": {"type": "string"},
            "profile_id": _ID,
            "language": {"type": "string", "enum": list(vacancies.LANGUAGES)},
            "status": {"type": "string", "enum": ["open", "closed"]},
            "company": {"type": "string"},
            "location": {"type": "string"},
            "employment_terms": {"type": "string"},
            "salary_from": {"type": ["integer", "null"]},
            "salary_to": {"type": ["integer", "null"]},
            "salary_currency": {"type": "string"},
            "travel_required": {"type": "boolean"},
            "intro": {"type": "string"},
            "responsibilities": {"type": "string", "description": "one item per line"},
            "conditions": {"type": "string", "description": "one item per line"},
            "contacts": {"type": "string"},
            "requirements": _obj(
                {
                    "education": _ref("EducationRequirement"),
                    "experience": _ref("ExperienceRequirement"),
                    "languages": {"type": "array", "items": _ref("LanguageRequirement")},
                    "custom": {
                        "type": "array",
                        "items": _obj(
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
            "created_at": _MOMENT,
        },
        (
            "id",
            "title",
            "profile_id",
            "language",
            "status",
            "company",
            "location",
            "employment_terms",
            "salary_from",
            "salary_to",
            "salary_currency",
            "travel_required",
            "intro",
            "responsibilities",
            "conditions",
            "contacts",
            "requirements",
            "version",
            "created_at",
        ),
    ),
    "LanguageLevel": _obj({"language": _LANGUAGE, "level": _LEVEL}, ("language", "level")),
    "CandidateCreate": _obj(
        {
            "full_name": _text(candidates.MAX_NAME, 1, pattern=_NOT_BLANK),
            "email": _nullable(_text(candidates.MAX_EMAIL)),
            "phone": _nullable(_text(candidates.MAX_PHONE)),
            "education_level": _nullable(_EDUCATION),
            "education_field": _nullable(_text(candidates.MAX_FIELD)),
            "experience_years": _nullable(_YEARS),
            "plan_attainment_pct": _nullable(_PERCENT),
            "languages": {"type": "array", "items": _ref("LanguageLevel"), "maxItems": 20},
            "notes": _text(candidates.MAX_NOTES),
        },
        ("full_name",),
    ),
    "Candidate": _obj(
        {
            "id": _ID,
            "vacancy_id": _ID,
            "full_name": {"type": "string"},
            "email": {"type": ["string", "null"]},
            "phone": {"type": ["string", "null"]},
            "education_level": _nullable(_EDUCATION),
            "education_field": {"type": ["string", "null"]},
            "experience_years": {"type": ["number", "null"]},
            "plan_attainment_pct": {"type": ["number", "null"]},
            "languages": {"type": "array", "items": _ref("LanguageLevel")},
            "notes": {"type": "string"},
            "checks": {
                "type": "array",
                "items": _obj(
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
            "created_at": _MOMENT,
        },
        (
            "id",
            "vacancy_id",
            "full_name",
            "email",
            "phone",
            "education_level",
            "education_field",
            "experience_years",
            "plan_attainment_pct",
            "languages",
            "notes",
            "checks",
            "interviewer_ids",
            "version",
            "created_at",
        ),
    ),
    "ImportResult": _obj({"imported": {"type": "integer", "minimum": 0}}, ("imported",)),
    "CheckAnswers": _obj(
        {
            "answers": {
                "type": "array",
                "maxItems": 100,
                "items": _obj(
                    {"index": {"type": "integer", "minimum": 0, "maximum": 1000}, "met": {"type": "boolean"}},
                    ("index", "met"),
                ),
            }
        },
        ("answers",),
    ),
    "AssignmentCreate": _obj({"user_id": _ID}, ("user_id",)),
    "Assignment": _obj(
        {"candidate_id": _ID, "user_id": _ID, "assigned_at": _MOMENT},
        ("candidate_id", "user_id", "assigned_at"),
    ),
    "ScorecardSave": _obj(
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
                "additionalProperties": _nullable(_text(interviews.NOTE_MAX_LENGTH)),
                "description": "competency code -> evidence notes",
            },
            "verified_languages": {"type": "array", "items": _ref("LanguageLevel"), "maxItems": 20},
            "recommendation": _nullable({"type": "string", "enum": list(RECOMMENDATIONS)}),
            "submit": {"type": "boolean", "description": "true submits (and locks) the scorecard"},
            "version": {
                "type": ["integer", "null"],
                "minimum": 0,
                "maximum": MAX_ID,
                "description": "required once the scorecard exists; a missing or stale one gets 409",
            },
        },
    ),
    "Scorecard": _obj(
        {
            "id": _ID,
            "candidate_id": _ID,
            "interviewer_id": _ID,
            "status": {"type": "string", "enum": ["draft", "submitted"]},
            "ratings": {"type": "object", "additionalProperties": {"type": "integer"}},
            "notes": {"type": "object", "additionalProperties": {"type": "string"}},
            "verified_languages": {"type": "array", "items": _ref("LanguageLevel")},
            "recommendation": _nullable({"type": "string", "enum": list(RECOMMENDATIONS)}),
            "version": {"type": "integer"},
            "submitted_at": _nullable(_MOMENT),
        },
        (
            "id",
            "candidate_id",
            "interviewer_id",
            "status",
            "ratings",
            "notes",
            "verified_languages",
            "recommendation",
            "version",
            "submitted_at",
        ),
    ),
    "Evaluation": _obj(
        {
            "candidate_id": _ID,
            "eligibility": {"type": "string", "enum": list(ELIGIBILITIES)},
            "screening": {
                "type": "array",
                "items": _obj(
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
                "items": _obj(
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
    "RankingEntry": _obj(
        {
            "candidate_id": _ID,
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
    "DecisionCreate": _obj(
        {
            "decision": {"type": "string", "enum": list(DECISIONS)},
            "rationale": _text(
                decisions.RATIONALE_MAX_LENGTH, 1, pattern=_NOT_BLANK, description="required: why"
            ),
        },
        ("decision", "rationale"),
    ),
    "Decision": _obj(
        {
            "id": _ID,
            "candidate_id": _ID,
            "decision": {"type": "string", "enum": list(DECISIONS)},
            "rationale": {"type": "string"},
            "decided_by_id": {"type": ["integer", "null"]},
            "decided_at": _MOMENT,
        },
        ("id", "candidate_id", "decision", "rationale", "decided_by_id", "decided_at"),
    ),
}

_ERRORS = {
    400: ("BadRequest", "The body is not valid JSON, or fields are wrong (see `error.fields`)."),
    401: ("Unauthorized", "No token, or the token is unknown, expired or its user is deactivated."),
    403: ("Forbidden", "The caller's role may not do this."),
    404: ("NotFound", "No such record, or it is not visible to the caller."),
    409: ("Conflict", "A stale or missing `version`, or a duplicate."),
    413: ("TooLarge", "The body is over the size limit."),
    415: ("UnsupportedMediaType", "The body's Content-Type is not the one the operation takes."),
    429: ("TooManyRequests", "Too many failed attempts for this account or address; wait and retry."),
}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _pdf(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "headers": {"ETag": {"schema": {"type": "string"}}},
        "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
    }


def _path_id(name: str, what: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "description": f"the {what}'s id", "schema": _ID}


def _operation(
    summary: str,
    responses: dict[int, dict[str, Any]],
    errors: tuple[int, ...],
    *,
    roles: str,
    body: str | None = None,
    csv: bool = False,
    parameters: tuple[dict[str, Any], ...] = (),
    public: bool = False,
) -> dict[str, Any]:
    operation: dict[str, Any] = {"summary": summary, "description": f"Roles: {roles}."}
    if parameters:
        operation["parameters"] = list(parameters)
    if body:
        operation["requestBody"] = {"required": True, "content": {"application/json": {"schema": _ref(body)}}}
    if csv:
        operation["requestBody"] = {
            "required": True,
            "content": {"text/csv": {"schema": {"type": "string", "description": "SPEC §7 CSV, UTF-8"}}},
        }
    if body or csv:
        errors = (*errors, 413, 415)
    all_errors = sorted({*errors, *(() if public else (401,))})
    operation["responses"] = {
        **{str(status): response for status, response in responses.items()},
        **{str(status): {"$ref": f"#/components/responses/{_ERRORS[status][0]}"} for status in all_errors},
    }
    if public:
        operation["security"] = []
    return operation


_VACANCY = _path_id("vacancy_id", "vacancy")
_CANDIDATE = _path_id("candidate_id", "candidate")
_NOT_MODIFIED = {304: {"description": "Not modified (the `If-None-Match` ETag is current)"}}


def _paths() -> dict[str, Any]:
    return {
        "/tokens": {
            "post": _operation(
                "Get a Bearer token",
                {201: _json(_ref("Token"), "A new token")},
                (400, 401, 429),
                roles="anyone with a username and password",
                body="TokenRequest",
                public=True,
            )
        },
        "/users": {
            "post": _operation(
                "Create a user",
                {201: _json(_ref("User"), "The new user")},
                (400, 403, 409),
                roles="admin",
                body="UserCreate",
            )
        },
        "/profiles": {
            "get": _operation(
                "List competency profiles",
                {200: _json({"type": "array", "items": _ref("Profile")}, "Every profile")},
                (403,),
                roles="hr",
            )
        },
        "/profiles/{profile_id}": {
            "get": _operation(
                "Read a competency profile",
                {200: _json(_ref("Profile"), "The profile")},
                (403, 404),
                roles="hr",
                parameters=(_path_id("profile_id", "profile"),),
            )
        },
        "/vacancies": {
            "post": _operation(
                "Create a vacancy from a profile",
                {201: _json(_ref("Vacancy"), "The new vacancy")},
                (400, 403),
                roles="hr",
                body="VacancyCreate",
            )
        },
        "/vacancies/{vacancy_id}/job-post.pdf": {
            "get": _operation(
                "The job post PDF",
                {200: _pdf("The job post, in the vacancy's language"), **_NOT_MODIFIED},
                (403, 404),
                roles="hr, lead",
                parameters=(_VACANCY,),
            )
        },
        "/vacancies/{vacancy_id}/candidates": {
            "post": _operation(
                "Add a candidate",
                {201: _json(_ref("Candidate"), "The new candidate")},
                (400, 403, 404, 409),
                roles="hr",
                body="CandidateCreate",
                parameters=(_VACANCY,),
            )
        },
        "/vacancies/{vacancy_id}/candidates/import": {
            "post": _operation(
                "Import candidates from CSV (all or nothing)",
                {201: _json(_ref("ImportResult"), "How many candidates were imported")},
                (400, 403, 404),
                roles="hr",
                csv=True,
                parameters=(_VACANCY,),
            )
        },
        "/vacancies/{vacancy_id}/ranking": {
            "get": _operation(
                "The vacancy's candidates in ranking order",
                {200: _json({"type": "array", "items": _ref("RankingEntry")}, "Best first (SPEC §3)")},
                (403, 404),
                roles="lead, hr",
                parameters=(_VACANCY,),
            )
        },
        "/candidates/{candidate_id}/checks": {
            "put": _operation(
                "Answer the vacancy's custom checks for a candidate",
                {200: _json(_ref("Candidate"), "The candidate with the answers")},
                (400, 403, 404, 409),
                roles="hr",
                body="CheckAnswers",
                parameters=(_CANDIDATE,),
            )
        },
        "/candidates/{candidate_id}/interviewers": {
            "post": _operation(
                "Assign an interviewer to a candidate",
                {201: _json(_ref("Assignment"), "The assignment")},
                (400, 403, 404, 409),
                roles="hr",
                body="AssignmentCreate",
                parameters=(_CANDIDATE,),
            )
        },
        "/candidates/{candidate_id}/scorecard": {
            "put": _operation(
                "Save (or submit) the caller's own scorecard",
                {
                    200: _json(_ref("Scorecard"), "The saved scorecard"),
                    201: _json(_ref("Scorecard"), "The scorecard, created"),
                },
                (400, 403, 404, 409),
                roles=(
                    "the interviewer assigned to the candidate (interviewer, hr or lead may be assigned); "
                    "an interviewer not assigned gets 404, anyone else not assigned 403"
                ),
                body="ScorecardSave",
                parameters=(_CANDIDATE,),
            )
        },
        "/candidates/{candidate_id}/scorecards": {
            "get": _operation(
                "The candidate's scorecards the caller may see",
                {200: _json({"type": "array", "items": _ref("Scorecard")}, "Visible scorecards")},
                (403, 404),
                roles="hr, lead; an assigned interviewer sees others' only after submitting their own",
                parameters=(_CANDIDATE,),
            )
        },
        "/candidates/{candidate_id}/evaluation": {
            "get": _operation(
                "The candidate's evaluation (SPEC §3)",
                {200: _json(_ref("Evaluation"), "The evaluation")},
                (403, 404),
                roles="lead, hr",
                parameters=(_CANDIDATE,),
            )
        },
        "/candidates/{candidate_id}/evaluation.pdf": {
            "get": _operation(
                "The evaluation PDF",
                {200: _pdf("The evaluation, in the vacancy's language"), **_NOT_MODIFIED},
                (403, 404),
                roles="lead, hr",
                parameters=(_CANDIDATE,),
            )
        },
        "/candidates/{candidate_id}/decision": {
            "post": _operation(
                "Record the hiring decision",
                {201: _json(_ref("Decision"), "The decision")},
                (400, 403, 404),
                roles="lead",
                body="DecisionCreate",
                parameters=(_CANDIDATE,),
            )
        },
        "/openapi.json": {
            "get": {
                "summary": "This document",
                "security": [],
                "responses": {"200": _json({"type": "object"}, "The OpenAPI document")},
            }
        },
    }


def document() -> dict[str, Any]:
    """The whole OpenAPI document."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "KAM Hiring API", "version": API_VERSION, "description": DESCRIPTION},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "paths": _paths(),
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": SCHEMAS,
            "responses": {name: _json(_ref("Error"), description) for name, description in _ERRORS.values()},
        },
    }


@bp.get("/openapi.json")
def openapi_json():
    """The OpenAPI 3.1 description of this API."""
    return jsonify(document())
