"""Request schemas of the PATCH operations: the fields of the matching POST, none required, plus `version`."""

from typing import Any

from hiring.api.request_schemas import REQUEST_SCHEMAS
from hiring.api.response_schemas import RESPONSE_SCHEMAS
from hiring.api.schema_parts import ID, MAX_ID, MOMENT, closed, nullable, text
from hiring.models import ROLES
from hiring.models.webhooks import DELIVERY_STATES
from hiring.services.users import EMAIL_MAX
from hiring.services.webhooks import EVENTS, SECRET_MAX, SECRET_MIN

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
    "WebhookCreate": closed(
        {
            "url": text(2000, 1, description="https, never a private, loopback or link-local address"),
            "events": {
                "type": "array",
                "items": {"type": "string", "enum": list(EVENTS)},
                "minItems": 1,
                "maxItems": len(EVENTS),
            },
            "secret": text(SECRET_MAX, SECRET_MIN, description="generated when left out"),
        },
        ("url", "events"),
    ),
    "Webhook": closed(
        {
            "id": ID,
            "url": {"type": "string"},
            "events": {"type": "array", "items": {"type": "string", "enum": list(EVENTS)}},
            "active": {"type": "boolean"},
            "created_at": MOMENT,
            "secret": {"type": "string", "description": "only in the answer to POST, this once"},
        },
        ("id", "url", "events", "active", "created_at"),
    ),
    "WebhookDelivery": closed(
        {
            "id": ID,
            "delivery_id": {"type": "string", "description": "the body's `id` and X-Hiring-Delivery"},
            "event": {"type": "string", "enum": list(EVENTS)},
            "state": {
                "type": "string",
                "enum": list(DELIVERY_STATES),
                "description": "failed: the last try failed (retried with doubling waits, 8 tries)",
            },
            "attempts": {"type": "integer"},
            "response_status": {"type": ["integer", "null"]},
            "error": {"type": ["string", "null"]},
            "created_at": MOMENT,
            "last_attempt_at": nullable(MOMENT),
        },
        (
            "id",
            "delivery_id",
            "event",
            "state",
            "attempts",
            "response_status",
            "error",
            "created_at",
            "last_attempt_at",
        ),
    ),
}
