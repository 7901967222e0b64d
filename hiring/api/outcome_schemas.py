"""The OpenAPI parts of the outcomes of hires and the validity report (SPEC §6, §9), merged by openapi.py."""

from typing import Any

from hiring.api.schema_parts import ID, MAX_ID, closed, nullable, ref
from hiring.domain.validity import MONTHS, OUTCOMES, SCORE
from hiring.models import REVIEW_MONTHS
from hiring.services.outcome_input import MAX_NOTES, RANGES

DATE = {"type": "string", "format": "date", "description": "YYYY-MM-DD"}


def _kpi(name: str) -> dict[str, Any]:
    low, high = RANGES[name]
    kind = "integer" if name == "manager_rating" else "number"
    return {"type": [kind, "null"], "minimum": low, "maximum": high}


_REVIEW = {
    "month": {"type": "integer", "enum": list(REVIEW_MONTHS)},
    **{name: _kpi(name) for name in RANGES},
    "still_employed": {"type": ["boolean", "null"]},
    "left_on": nullable(DATE),
}

REQUEST_SCHEMAS: dict[str, dict[str, Any]] = {
    "OutcomeReviewInput": closed(_REVIEW, ("month",), description="a KPI left out or null is unknown"),
    "OutcomeSave": closed(
        {
            "started_on": DATE,
            "notes": {
                "type": "string",
                "maxLength": MAX_NOTES,
                "description": "free text; anonymisation removes it",
            },
            "reviews": {"type": "array", "items": ref("OutcomeReviewInput"), "maxItems": len(REVIEW_MONTHS)},
            "version": {
                "type": ["integer", "null"],
                "minimum": 0,
                "maximum": MAX_ID,
                "description": "the outcome's version when it exists; a stale one gets 409",
            },
        },
        ("started_on",),
        description="a review not given keeps what was stored for that month",
    ),
    "ProfileClone": closed(
        {
            "name": {"type": "string", "maxLength": 200},
            "weights": {
                "type": "object",
                "additionalProperties": {"type": "number", "minimum": 0},
                "description": "every competency code -> weight, each >= 0, summing to 100",
            },
        },
    ),
}

RESPONSE_SCHEMAS: dict[str, dict[str, Any]] = {
    "Outcome": closed(
        {
            "candidate_id": ID,
            "started_on": DATE,
            "notes": {"type": "string"},
            "version": {"type": "integer"},
            "reviews": {"type": "array", "items": closed(_REVIEW, tuple(_REVIEW))},
        },
        ("candidate_id", "started_on", "notes", "version", "reviews"),
    ),
    "Validity": closed(
        {
            "min_pairs": {"type": "integer"},
            "hires": {"type": "integer", "description": "hires of the profile's vacancies with an outcome"},
            "rows": {
                "type": "array",
                "items": closed(
                    {
                        "predictor": {"type": "string", "description": f"`{SCORE}` or a competency code"},
                        "outcome": {"type": "string", "enum": list(OUTCOMES)},
                        "month": {"type": "integer", "enum": list(MONTHS)},
                        "n": {"type": "integer"},
                        "r": {"type": ["number", "null"]},
                        "ci95": {"type": ["array", "null"], "items": {"type": "number"}},
                    },
                    ("predictor", "outcome", "month", "n", "r", "ci95"),
                ),
            },
            "weights": {"type": "object", "additionalProperties": {"type": "number"}},
            "suggested_weights": {"type": "object", "additionalProperties": {"type": "integer"}},
        },
        ("min_pairs", "hires", "rows", "weights", "suggested_weights"),
    ),
}


def paths(operation, json_answer, path_id) -> dict[str, Any]:
    """The operations, built with openapi.py's own helpers (passed in to avoid an import cycle)."""
    candidate = path_id("candidate_id", "candidate")
    profile = path_id("profile_id", "profile")
    return {
        "/candidates/{candidate_id}/outcomes": {
            "put": operation(
                "Record the outcome of a hire: start date and the reviews at 6 and 12 months",
                {200: json_answer(ref("Outcome"), "The outcome as stored")},
                (400, 403, 404, 409),
                roles="hr, lead; hired candidates only (409 otherwise)",
                body="OutcomeSave",
                parameters=(candidate,),
            ),
        },
        "/profiles/{profile_id}/validity": {
            "get": operation(
                "The profile's validity report: Pearson's r with a 95 % Fisher-z interval, and suggested weights",
                {200: json_answer(ref("Validity"), "r and ci95 are null below min_pairs pairs")},
                (403, 404),
                roles="hr, lead",
                parameters=(profile,),
            )
        },
        "/profiles/{profile_id}/clone": {
            "post": operation(
                "Clone a profile, optionally with new weights (the profile itself never changes)",
                {201: json_answer(ref("Profile"), "The new profile")},
                (400, 403, 404),
                roles="hr",
                body="ProfileClone",
                parameters=(profile,),
            )
        },
    }
