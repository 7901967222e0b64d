"""The OpenAPI description of hiring/api/resources.py and the users' list and PATCH, with examples.

Registered in hiring.api.openapi.EXTRA_PATHS; tests/api check every example against its schema.
"""

from typing import Any

from hiring.api.openapi import (
    _CANDIDATE,
    _NOT_MODIFIED,
    _VACANCY,
    DOCUMENT_LANGUAGE,
    EXTRA_PATHS,
    _json,
    _operation,
    _path_id,
    _pdf,
)
from hiring.api.pagination import AFTER_PARAMETER, LIMIT_PARAMETER, LINK_HEADER
from hiring.api.schema_parts import ID, ref
from hiring.domain.levels import BANDS, ELIGIBILITIES

_USER = _path_id("user_id", "user")
_NO_CONTENT = {"description": "Done; nothing to answer"}

VACANCY_PATCH_EXAMPLE = {"title": "Key account manager (FMCG)", "salary_to": 250000, "version": 3}
CANDIDATE_PATCH_EXAMPLE = {
    "experience_years": 6,
    "languages": [{"language": "en", "level": "C1"}],
    "version": 2,
}
USER_PATCH_EXAMPLE = {"role": "lead", "active": False, "version": 4}
USER_EXAMPLE = {
    "id": 7,
    "username": "olga",
    "full_name": "Olga Smirnova",
    "email": "olga@example.com",
    "role": "lead",
    "active": False,
    "version": 5,
}
DECISIONS_EXAMPLE = [
    {
        "id": 3,
        "candidate_id": 42,
        "decision": "hold",
        "rationale": "Waiting for the second interview.",
        "decided_by_id": 2,
        "decided_at": "2026-11-30T09:15:00+00:00",
    },
    {
        "id": 5,
        "candidate_id": 42,
        "decision": "hire",
        "rationale": "Strong negotiation evidence from both interviews.",
        "decided_by_id": 2,
        "decided_at": "2026-12-01T10:40:00+00:00",
    },
]


def with_examples(
    operation: dict[str, Any], *, request: Any = None, response: Any = None, status: int = 200
) -> dict[str, Any]:
    """The operation with an example request body and/or an example answer of `status`."""
    if request is not None:
        operation["requestBody"]["content"]["application/json"]["example"] = request
    if response is not None:
        operation["responses"][str(status)]["content"]["application/json"]["example"] = response
    return operation


def _patch(summary: str, schema: str, answer: str, roles: str, parameter, example) -> dict[str, Any]:
    return with_examples(
        _operation(
            summary,
            {200: _json(ref(answer), "The record as saved, with its new `version`")},
            (400, 403, 404, 409),
            roles=roles,
            body=schema,
            parameters=(parameter,),
        ),
        request=example,
    )


LIST_EXAMPLE = [
    {
        "candidate_id": 42,
        "full_name": "Anna Petrova",
        "score": 4.31,
        "band": "strong_hire",
        "eligibility": "eligible",
        "coverage": 1,
        "confidence": "high",
        "flags": [],
    }
]
AUDIT_EXAMPLE = [
    {
        "id": 901,
        "at": "2026-12-01T10:40:00+00:00",
        "user_id": 3,
        "action": "candidate.update",
        "entity_type": "candidate",
        "entity_id": 42,
        "before": {"experience_years": 5},
        "after": {"experience_years": 6},
    }
]


def _list(summary: str, item: str, roles: str, parameters=(), example=None, errors=(403,)) -> dict[str, Any]:
    """A paginated list operation: `limit`, `after`, and the `Link` header."""
    answer = _json({"type": "array", "items": ref(item)}, "One page of items; `Link` names the next")
    answer["headers"] = LINK_HEADER
    operation = _operation(
        summary,
        {200: answer},
        (400, *errors),
        roles=roles,
        parameters=(*parameters, LIMIT_PARAMETER, AFTER_PARAMETER),
    )
    return with_examples(operation, response=example) if example is not None else operation


def _query(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def paths() -> dict[str, dict[str, Any]]:
    return {
        "/vacancies": {
            "get": _list(
                "List vacancies, newest first",
                "Vacancy",
                "every role; an interviewer sees the vacancies with a candidate assigned to them",
            )
        },
        "/vacancies/{vacancy_id}/candidates": {
            "get": _list(
                "List a vacancy's candidates in ranking order",
                "CandidateListEntry",
                "hr, lead; an interviewer gets only their assigned candidates, by id, without evaluation "
                "(and 403 with a filter)",
                (
                    _VACANCY,
                    _query("band", {"type": "string", "enum": list(BANDS)}, "only this band"),
                    _query("eligibility", {"type": "string", "enum": list(ELIGIBILITIES)}, "only this"),
                ),
                LIST_EXAMPLE,
                errors=(403, 404),
            )
        },
        "/audit": {
            "get": _list(
                "The audit log, newest first",
                "AuditEntry",
                "hr",
                (
                    _query("entity_type", {"type": "string", "maxLength": 32}, "e.g. `candidate`"),
                    _query("entity_id", ID, "the record's id"),
                ),
                AUDIT_EXAMPLE,
            )
        },
        "/vacancies/{vacancy_id}": {
            "get": _operation(
                "Read a vacancy",
                {200: _json(ref("Vacancy"), "The vacancy")},
                (403, 404),
                roles="hr, lead; an interviewer only a vacancy with a candidate assigned to them (else 404)",
                parameters=(_VACANCY,),
            ),
            "patch": _patch(
                "Change a vacancy (fields of POST; `version` required)",
                "VacancyUpdate",
                "Vacancy",
                "hr",
                _VACANCY,
                VACANCY_PATCH_EXAMPLE,
            ),
        },
        "/candidates/{candidate_id}": {
            "get": _operation(
                "Read a candidate",
                {200: _json(ref("Candidate"), "The candidate")},
                (403, 404),
                roles="hr, lead",
                parameters=(_CANDIDATE,),
            ),
            "patch": _patch(
                "Change a candidate (fields of POST; `version` required)",
                "CandidateUpdate",
                "Candidate",
                "hr",
                _CANDIDATE,
                CANDIDATE_PATCH_EXAMPLE,
            ),
        },
        "/candidates/{candidate_id}/interviewers/{user_id}": {
            "put": _operation(
                "Set or move the interview (the interviewer gets an iCalendar invitation, SEQUENCE raised)",
                {200: _json(ref("Assignment"), "The assignment with its interview")},
                (400, 403, 404),
                roles="hr",
                body="InterviewUpdate",
                parameters=(_CANDIDATE, _path_id("user_id", "interviewer")),
            ),
            "delete": _operation(
                "End an interviewer's assignment (they lose access at once; a scorecard stays)",
                {204: _NO_CONTENT},
                (400, 403, 404),
                roles="hr",
                parameters=(_CANDIDATE, _path_id("user_id", "interviewer")),
            ),
        },
        "/candidates/{candidate_id}/decisions": {
            "get": with_examples(
                _operation(
                    "The candidate's decisions, oldest first (the last is current)",
                    {200: _json({"type": "array", "items": ref("Decision")}, "Every decision")},
                    (403, 404),
                    roles="hr, lead",
                    parameters=(_CANDIDATE,),
                ),
                response=DECISIONS_EXAMPLE,
            )
        },
        "/vacancies/{vacancy_id}/interview-kit.pdf": {
            "get": _operation(
                "The interview kit PDF",
                {200: _pdf("The interview kit, in the vacancy's language or `lang`"), **_NOT_MODIFIED},
                (400, 403, 404),
                roles="hr, lead; an interviewer assigned to one of the vacancy's candidates",
                parameters=(_VACANCY, DOCUMENT_LANGUAGE),
            )
        },
        "/vacancies/{vacancy_id}/comparison.pdf": {
            "get": _operation(
                "The shortlist comparison PDF of two to six candidates",
                {200: _pdf("The comparison, in ranking order"), **_NOT_MODIFIED},
                (400, 403, 404),
                roles="hr, lead",
                parameters=(
                    _VACANCY,
                    DOCUMENT_LANGUAGE,
                    {
                        "name": "ids",
                        "in": "query",
                        "required": True,
                        "description": "the candidates' ids, 2 to 6, all of this vacancy: `?ids=1&ids=2`",
                        "schema": {"type": "array", "items": ID},
                        "style": "form",
                        "explode": True,
                        "example": [12, 15],
                    },
                ),
            )
        },
        "/users": {
            "get": with_examples(
                _operation(
                    "List users",
                    {200: _json({"type": "array", "items": ref("User")}, "Every user, active first")},
                    (403,),
                    roles="admin",
                ),
                response=[USER_EXAMPLE],
            )
        },
        "/users/{user_id}": {
            "patch": with_examples(
                _patch(
                    "Change a user's role, name, e-mail or active flag (`version` required)",
                    "UserUpdate",
                    "User",
                    "admin (nobody demotes or deactivates themselves)",
                    _USER,
                    USER_PATCH_EXAMPLE,
                ),
                response=USER_EXAMPLE,
            )
        },
    }


EXTRA_PATHS.append(paths)
