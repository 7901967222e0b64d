"""Request schemas of the PATCH operations: the fields of the matching POST, none required, plus `version`."""

from typing import Any

from hiring.api.request_schemas import REQUEST_SCHEMAS
from hiring.api.response_schemas import RESPONSE_SCHEMAS
from hiring.api.schema_parts import ID, MAX_ID, MOMENT, closed, nullable, text
from hiring.models import ROLES
from hiring.services.users import EMAIL_MAX

VERSION = {
    "type": ["integer", "null"],
    "minimum": 0,
    "maximum": MAX_ID,
    "description": "the `version` last read; a missing or stale one gets 409 and nothing changes",
}


def _patch_of(create: str, *, leave_out: tuple[str, ...] = ()) -> dict[str, Any]:
    """The POST schema's properties, none required, with `version`."""
    properties = {
        name: schema
        for name, schema in REQUEST_SCHEMAS[create]["properties"].items()
        if name not in leave_out
    }
    return closed(
        {**properties, "version": VERSION},
        description="fields left out keep their values; `version` is required (409 without it)",
    )


RESOURCE_SCHEMAS: dict[str, dict[str, Any]] = {
    "VacancyUpdate": _patch_of("VacancyCreate", leave_out=("profile_id",)),
    "CandidateUpdate": _patch_of("CandidateCreate"),
    "UserUpdate": closed(
        {
            "role": {"type": "string", "enum": list(ROLES)},
            "full_name": text(200, 1),
            "email": nullable(text(EMAIL_MAX)),
            "active": {"type": "boolean", "description": "false: no more log-in, every token 401 at once"},
            "version": VERSION,
        },
        description="fields left out keep their values; `version` is required (409 without it)",
    ),
    "CandidateListEntry": closed(
        RESPONSE_SCHEMAS["RankingEntry"]["properties"],
        ("candidate_id", "full_name"),
        description="an interviewer gets only candidate_id and full_name (no evaluation); others a ranking entry",
    ),
    "AuditEntry": closed(
        {
            "id": ID,
            "at": MOMENT,
            "user_id": {"type": ["integer", "null"], "description": "who did it (null: the system)"},
            "action": {"type": "string", "examples": ["candidate.update"]},
            "entity_type": {"type": "string"},
            "entity_id": {"type": ["integer", "null"]},
            "before": {"type": ["object", "null"]},
            "after": {"type": ["object", "null"]},
        },
        ("id", "at", "user_id", "action", "entity_type", "entity_id", "before", "after"),
    ),
}
