"""The OpenAPI 3.1 description of the API, written by hand, served at /api/v1/openapi.json.

The request schemas (hiring/api/request_schemas.py) are also what the API checks bodies against
(hiring/api/bodies.py), so the document and the implementation cannot drift apart on field names, types or
unknown fields; the tests check every answer against the response schemas.
"""

from collections.abc import Callable
from typing import Any

from flask import jsonify

from hiring.api import outcome_schemas
from hiring.api.blueprint import bp
from hiring.api.pagination import AFTER_PARAMETER, LIMIT_PARAMETER, LINK_HEADER
from hiring.api.request_schemas import REQUEST_SCHEMAS
from hiring.api.resource_schemas import RESOURCE_SCHEMAS
from hiring.api.response_schemas import RESPONSE_SCHEMAS
from hiring.api.schema_parts import ID, ref

API_VERSION = "1.0.0"

DESCRIPTION = """\
The JSON API of KAM Hiring: the same product, roles and rules as the pages.

**Authentication.** `POST /api/v1/tokens` with a username and password gives a Bearer token (valid 12 hours by
default); send it as `Authorization: Bearer <token>`. A browser's login session never authenticates an API call.
`DELETE /api/v1/tokens/current` revokes the token it is sent with. A deactivated user's tokens stop working at
once, and a password change revokes every token of the user. Failed attempts count together with the login
page's (10 per 15 minutes per account, 100 per address, by default); beyond them the answer is 429.

**Roles** (as on the pages). admin: everything. hr: profiles, vacancies, candidates, import, checks,
interviewers, and reading ranking, evaluations and PDFs. interviewer: only the candidates assigned to them (404
for others), their own scorecard, and the others' scorecards once their own is submitted. lead: ranking,
evaluations, PDFs, decisions. A role outside an operation's list gets 403.

**Bodies.** JSON objects (`Content-Type: application/json`; else 415), except the candidate import (`text/csv` or an
`.xlsx` workbook).
**Unknown fields are refused**: 400 with `fields: {"<name>": "unknown field"}`. Text must be valid UTF-8
without control characters (tab and line breaks are fine). Bodies nested deeper than 32 levels get 400.
Bodies over the configured limit (2 MB by default) get 413. Every answer is sent with `Cache-Control: no-store`.

**Errors** always have the shape `{"error": {"code", "message", "fields"}}`: `fields` maps a field (dotted
path for nested ones, e.g. `requirements.languages[0].min_level`) to a message; the imports add
`lines: [{"line", "field", "message"}]` (at most 200; `more` counts the rest) and `unmatched` (headers). Codes: 400 `invalid`/`invalid_json`, 401 `unauthorized`,
403 `forbidden`, 404 `not_found`, 409 `version_conflict`/`duplicate`/`conflict`, 413 `too_large`,
415 `unsupported_media_type`, 429 `too_many_requests`.

**Language.** Messages are in English unless `Accept-Language` asks for Russian. Screening `detail` is English.
"""


SCHEMAS: dict[str, dict[str, Any]] = {
    **REQUEST_SCHEMAS,
    **RESOURCE_SCHEMAS,
    **RESPONSE_SCHEMAS,
    **outcome_schemas.REQUEST_SCHEMAS,
    **outcome_schemas.RESPONSE_SCHEMAS,
}

# Modules describing their own operations register a function giving {path: {method: operation}} here.
EXTRA_PATHS: list[Callable[[], dict[str, dict[str, Any]]]] = []

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
    return {"name": name, "in": "path", "required": True, "description": f"the {what}'s id", "schema": ID}


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
        operation["requestBody"] = {"required": True, "content": {"application/json": {"schema": ref(body)}}}
    if csv:
        operation["requestBody"] = {
            "required": True,
            "content": {
                "text/csv": {
                    "schema": {
                        "type": "string",
                        "description": "SPEC §7 CSV: UTF-8 (BOM or not), UTF-16 with a BOM or Windows-1251; "
                        "comma, semicolon or tab",
                    }
                },
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                    "schema": {"type": "string", "format": "binary", "description": "an .xlsx workbook"}
                },
            },
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
_COLUMNS = {
    "name": "columns",
    "in": "query",
    "required": False,
    "description": "the field each column goes into, in order, comma-separated (`full_name,email,ignore,...`); "
    "without it the headers are matched by their synonyms, and a header that matches no field, or two that match "
    "one, get 400 with `unmatched`",
    "schema": {"type": "string", "maxLength": 2000},
}
_NOT_MODIFIED = {304: {"description": "Not modified (the `If-None-Match` ETag is current)"}}
# Every PDF in either language (issue 24); without it, the vacancy's.
DOCUMENT_LANGUAGE = {
    "name": "lang",
    "in": "query",
    "required": False,
    "description": "the document's language; the vacancy's when left out",
    "schema": {"type": "string", "enum": ["ru", "en"]},
}


def _paths() -> dict[str, Any]:
    return {
        "/tokens": {
            "post": _operation(
                "Get a Bearer token",
                {201: _json(ref("Token"), "A new token")},
                (400, 401, 429),
                roles="anyone with a username and password",
                body="TokenRequest",
                public=True,
            )
        },
        "/tokens/current": {
            "delete": _operation(
                "Revoke the token of this call",
                {204: {"description": "Revoked: the token gets 401 from now on"}},
                (),
                roles="any signed-in user",
            )
        },
        "/users": {
            "post": _operation(
                "Create a user",
                {201: _json(ref("User"), "The new user")},
                (400, 403, 409),
                roles="admin",
                body="UserCreate",
            )
        },
        "/profiles": {
            "get": _operation(
                "List competency profiles",
                {200: _json({"type": "array", "items": ref("Profile")}, "Every profile")},
                (403,),
                roles="hr",
            )
        },
        "/profiles/{profile_id}": {
            "get": _operation(
                "Read a competency profile",
                {200: _json(ref("Profile"), "The profile")},
                (403, 404),
                roles="hr",
                parameters=(_path_id("profile_id", "profile"),),
            )
        },
        "/vacancies": {
            "post": _operation(
                "Create a vacancy from a profile",
                {201: _json(ref("Vacancy"), "The new vacancy")},
                (400, 403),
                roles="hr",
                body="VacancyCreate",
            )
        },
        "/vacancies/{vacancy_id}/job-post.pdf": {
            "get": _operation(
                "The job post PDF",
                {200: _pdf("The job post, in the vacancy's language or `lang`"), **_NOT_MODIFIED},
                (400, 403, 404),
                roles="hr, lead",
                parameters=(_VACANCY, DOCUMENT_LANGUAGE),
            )
        },
        "/vacancies/{vacancy_id}/candidates": {
            "post": _operation(
                "Add a candidate",
                {201: _json(ref("Candidate"), "The new candidate")},
                (400, 403, 404, 409),
                roles="hr",
                body="CandidateCreate",
                parameters=(_VACANCY,),
            )
        },
        "/vacancies/{vacancy_id}/candidates/import": {
            "post": _operation(
                "Import candidates from CSV or an Excel workbook (all or nothing)",
                {201: _json(ref("ImportResult"), "How many candidates were imported")},
                (400, 403, 404),
                roles="hr",
                csv=True,
                parameters=(_VACANCY, _COLUMNS),
            )
        },
        "/vacancies/{vacancy_id}/calibration": {
            "get": _operation(
                "Calibration of the vacancy's interviewers: panel agreement ICC(1,k) and leniency offsets",
                {
                    200: _json(
                        ref("Calibration"),
                        "icc and ci95 are null, label not_enough_data, below 10 candidates",
                    )
                },
                (403, 404),
                roles="hr, lead",
                parameters=(_VACANCY,),
            )
        },
        "/vacancies/{vacancy_id}/ranking": {
            "get": _operation(
                "The vacancy's candidates in ranking order",
                {
                    200: {
                        **_json(
                            {"type": "array", "items": ref("RankingEntry")}, "Best first (SPEC §3), one page"
                        ),
                        "headers": LINK_HEADER,
                    }
                },
                (400, 403, 404),
                roles="lead, hr",
                parameters=(_VACANCY, LIMIT_PARAMETER, AFTER_PARAMETER),
            )
        },
        "/candidates/{candidate_id}/checks": {
            "put": _operation(
                "Answer the vacancy's custom checks for a candidate",
                {200: _json(ref("Candidate"), "The candidate with the answers")},
                (400, 403, 404, 409),
                roles="hr",
                body="CheckAnswers",
                parameters=(_CANDIDATE,),
            )
        },
        "/candidates/{candidate_id}/interviewers": {
            "post": _operation(
                "Assign an interviewer to a candidate (`interview` optional); the interviewer is e-mailed, "
                "with an iCalendar invitation when the interview is given",
                {201: _json(ref("Assignment"), "The assignment")},
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
                    200: _json(ref("Scorecard"), "The saved scorecard"),
                    201: _json(ref("Scorecard"), "The scorecard, created"),
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
                {200: _json({"type": "array", "items": ref("Scorecard")}, "Visible scorecards")},
                (403, 404),
                roles="hr, lead; an assigned interviewer sees others' only after submitting their own",
                parameters=(_CANDIDATE,),
            )
        },
        "/candidates/{candidate_id}/evaluation": {
            "get": _operation(
                "The candidate's evaluation (SPEC §3)",
                {200: _json(ref("Evaluation"), "The evaluation")},
                (403, 404),
                roles="lead, hr",
                parameters=(_CANDIDATE,),
            )
        },
        "/candidates/{candidate_id}/evaluation.pdf": {
            "get": _operation(
                "The evaluation PDF",
                {200: _pdf("The evaluation, in the vacancy's language or `lang`"), **_NOT_MODIFIED},
                (400, 403, 404),
                roles="lead, hr",
                parameters=(_CANDIDATE, DOCUMENT_LANGUAGE),
            )
        },
        "/vacancies/{vacancy_id}/evaluation-pack": {
            "post": _operation(
                "Start an evaluation pack: one PDF with the comparison and each chosen candidate's evaluation",
                {202: _json(ref("EvaluationPackStarted"), "Queued; follow `status_url`")},
                (400, 403, 404),
                roles="hr, lead",
                body="EvaluationPackRequest",
                parameters=(_VACANCY,),
            )
        },
        "/evaluation-packs/{pack_id}": {
            "get": _operation(
                "How far an evaluation pack is (`done` of `total` evaluations rendered)",
                {200: _json(ref("EvaluationPackStatus"), "The pack's state")},
                (403, 404),
                roles="hr, lead",
                parameters=(_path_id("pack_id", "evaluation pack"),),
            )
        },
        "/evaluation-packs/{pack_id}/pack.pdf": {
            "get": _operation(
                "The finished evaluation pack (a bookmark per candidate)",
                {200: _pdf("The pack, in the vacancy's language"), **_NOT_MODIFIED},
                (403, 404, 409),
                roles="hr, lead",
                parameters=(_path_id("pack_id", "evaluation pack"),),
            )
        },
        "/candidates/{candidate_id}/decision": {
            "post": _operation(
                "Record the hiring decision",
                {201: _json(ref("Decision"), "The decision")},
                (400, 403, 404),
                roles="lead",
                body="DecisionCreate",
                parameters=(_CANDIDATE,),
            )
        },
        **outcome_schemas.paths(_operation, _json, _path_id),
        "/openapi.json": {
            "get": {
                "summary": "This document",
                "security": [],
                "responses": {"200": _json({"type": "object"}, "The OpenAPI document")},
            }
        },
    }


def _all_paths() -> dict[str, Any]:
    paths = _paths()
    for extra in EXTRA_PATHS:
        for path, operations in extra().items():
            paths.setdefault(path, {}).update(operations)
    return paths


def document() -> dict[str, Any]:
    """The whole OpenAPI document."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "KAM Hiring API", "version": API_VERSION, "description": DESCRIPTION},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "paths": _all_paths(),
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": SCHEMAS,
            "responses": {name: _json(ref("Error"), description) for name, description in _ERRORS.values()},
        },
    }


@bp.get("/openapi.json")
def openapi_json():
    """The OpenAPI 3.1 description of this API."""
    return jsonify(document())
