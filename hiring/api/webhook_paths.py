"""The OpenAPI description of the webhooks' operations (hiring/api/webhooks.py), with examples."""

from typing import Any

from hiring.api.openapi import EXTRA_PATHS, _json, _operation, _path_id
from hiring.api.resource_paths import with_examples
from hiring.api.schema_parts import ref

_WEBHOOK = _path_id("webhook_id", "webhook")
CREATE_EXAMPLE = {
    "url": "https://hr.example.com/hooks/hiring",
    "events": ["candidate.created", "decision.recorded"],
}
CREATED_EXAMPLE = {
    "id": 1,
    "url": "https://hr.example.com/hooks/hiring",
    "events": ["candidate.created", "decision.recorded"],
    "active": True,
    "created_at": "2026-12-01T10:00:00+00:00",
    "secret": "3q2Q0c2l4bXl0Z2Y5c2V0aGluZ3NlY3JldA",
}
DESCRIPTION = (
    'Each delivery is a POST of `{"id", "event", "created_at", "data"}` with the headers '
    "`X-Hiring-Event`, `X-Hiring-Delivery` (the `id`, the same on every retry) and "
    "`X-Hiring-Signature: sha256=<hex HMAC-SHA256 of the raw body with the secret>`. A 2xx answer is success; "
    "anything else (redirects included: they are not followed) is retried after about 10 s, then with doubling "
    "waits, 8 tries in all."
)


def paths() -> dict[str, dict[str, Any]]:
    create = with_examples(
        _operation(
            "Register a webhook endpoint (the secret is shown only in this answer)",
            {201: _json(ref("Webhook"), "The endpoint, with its secret")},
            (400, 403),
            roles="admin",
            body="WebhookCreate",
        ),
        request=CREATE_EXAMPLE,
        response=CREATED_EXAMPLE,
        status=201,
    )
    create["description"] += " " + DESCRIPTION
    return {
        "/webhooks": {
            "post": create,
            "get": _operation(
                "List webhook endpoints",
                {200: _json({"type": "array", "items": ref("Webhook")}, "Every endpoint, without secrets")},
                (403,),
                roles="admin",
            ),
        },
        "/webhooks/{webhook_id}": {
            "delete": _operation(
                "Remove a webhook endpoint",
                {204: {"description": "Removed"}},
                (403, 404),
                roles="admin",
                parameters=(_WEBHOOK,),
            )
        },
        "/webhooks/{webhook_id}/deliveries": {
            "get": _operation(
                "The endpoint's recent deliveries, newest first",
                {200: _json({"type": "array", "items": ref("WebhookDelivery")}, "Up to 50 deliveries")},
                (403, 404),
                roles="admin",
                parameters=(_WEBHOOK,),
            )
        },
        "/webhooks/{webhook_id}/deliveries/{delivery_id}/resend": {
            "post": _operation(
                "Send a delivery again (same body, same delivery id)",
                {202: _json(ref("WebhookDelivery"), "The delivery, queued again")},
                (403, 404),
                roles="admin",
                parameters=(_WEBHOOK, _path_id("delivery_id", "delivery")),
            )
        },
    }


EXTRA_PATHS.append(paths)
