"""Webhooks (SPEC §6): endpoints, deliveries recorded in the transaction of the change, and the delivery job.

An event (hiring.services.webhook_events notes them as the session flushes) becomes, before the commit, one
WebhookDelivery per active endpoint that wants it, with its exact body and a stable delivery id, and an outbox
job "webhook" (hiring.services.outbox): a rolled-back change records neither, a committed one always both. The
workers then POST the body, signed, retrying with doubling waits (the outbox's); every try is kept on the
delivery row for the admin page. Nothing here commits, except the job handler, which owns its transaction.
"""

import hashlib
import hmac
import json
import secrets
import uuid
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from flask import current_app

from hiring.errors import InvalidInput
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.jobs import handler
from hiring.models import WebhookDelivery, WebhookEndpoint
from hiring.models._base import utcnow
from hiring.services import audit, outbox, webhook_http

EVENTS = (
    "candidate.created",
    "candidate.updated",
    "interview.scheduled",
    "scorecard.submitted",
    "evaluation.changed",
    "decision.recorded",
)
SECRET_MIN, SECRET_MAX = 16, 200
RECENT = 50

# SPEC §6: at least 8 tries over about an hour; the outbox waits 10 s, then doubles (10 tries: about 85 minutes).
DELIVERY_TRIES = 10


def allow_private() -> bool:
    """The operator's WEBHOOKS_ALLOW_PRIVATE: http and private addresses allowed (tests, closed networks)."""
    return bool(current_app.config.get("WEBHOOKS_ALLOW_PRIVATE"))


def register_endpoint(
    url: str, events: list[str], secret: str | None, by_user_id: int | None
) -> tuple[WebhookEndpoint, str]:
    """A new endpoint (flushed, audited) and its secret, generated when not given; the URL is checked (SSRF)."""
    errors: dict[str, Any] = {}
    url = (url or "").strip()
    if not url or len(url) > 2000:
        errors["url"] = _l("Give the receiver's URL (up to 2000 characters).")
    chosen = list(dict.fromkeys(events or []))
    if not chosen or any(event not in EVENTS for event in chosen):
        errors["events"] = _l("Choose one or more of: %(events)s.", events=", ".join(EVENTS))
    if secret is not None and not SECRET_MIN <= len(secret) <= SECRET_MAX:
        errors["secret"] = _l(
            "A secret has %(min)s to %(max)s characters; leave it out to get one.",
            min=SECRET_MIN,
            max=SECRET_MAX,
        )
    if errors:
        raise InvalidInput(_l("Some fields are wrong."), errors)
    webhook_http.check_url(url, allow_private())
    secret = secret or secrets.token_urlsafe(32)
    endpoint = WebhookEndpoint(url=url, events=chosen, secret=secret, created_by_id=by_user_id)
    db.session.add(endpoint)
    db.session.flush()
    audit.record(
        "webhook.create", "webhook", endpoint.id, after={"url": url, "events": chosen}, user_id=by_user_id
    )
    return endpoint, secret


def remove_endpoint(endpoint: WebhookEndpoint, by_user_id: int | None) -> None:
    """Delete the endpoint and its deliveries (pending tries then find nothing to send)."""
    audit.record(
        "webhook.delete",
        "webhook",
        endpoint.id,
        before={"url": endpoint.url, "events": list(endpoint.events)},
        user_id=by_user_id,
    )
    db.session.delete(endpoint)
    db.session.flush()


def endpoints() -> list[WebhookEndpoint]:
    return list(db.session.scalars(sa.select(WebhookEndpoint).order_by(WebhookEndpoint.id)))


def recent_deliveries(endpoint: WebhookEndpoint, limit: int = RECENT) -> list[WebhookDelivery]:
    query = (
        sa.select(WebhookDelivery)
        .where(WebhookDelivery.endpoint_id == endpoint.id)
        .order_by(WebhookDelivery.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def resend(delivery: WebhookDelivery, by_user_id: int | None) -> None:
    """Send the delivery again (same body, same delivery id, so a receiver that has it can drop it)."""
    delivery.resends += 1
    delivery.state = "pending"
    db.session.flush()
    outbox.enqueue(
        "webhook",
        {"delivery": delivery.id},
        key=f"webhook:{delivery.id}:resend:{delivery.resends}",
        max_attempts=DELIVERY_TRIES,
    )
    audit.record(
        "webhook.resend",
        "webhook",
        delivery.endpoint_id,
        after=delivery_summary(delivery),
        user_id=by_user_id,
    )


def delivery_summary(delivery: WebhookDelivery) -> dict[str, Any]:
    return {"delivery_id": delivery.delivery_id, "event": delivery.event}


# --- recording events ------------------------------------------------------------------------------------------


def record_events(events: list[tuple[str, dict[str, Any]]]) -> int:
    """One delivery and one outbox job per (event, endpoint that wants it); returns how many. No commit."""
    if not events:
        return 0
    wanted = list(db.session.scalars(sa.select(WebhookEndpoint).where(WebhookEndpoint.active)))
    if not wanted:
        return 0
    count = 0
    for event, data in events:
        for endpoint in wanted:
            if event not in endpoint.events:
                continue
            delivery_id = str(uuid.uuid4())
            body = {"id": delivery_id, "event": event, "created_at": utcnow().isoformat(), "data": data}
            delivery = WebhookDelivery(
                endpoint_id=endpoint.id,
                delivery_id=delivery_id,
                event=event,
                body=json.dumps(body, ensure_ascii=False, separators=(",", ":")),
            )
            db.session.add(delivery)
            db.session.flush()
            outbox.enqueue(
                "webhook",
                {"delivery": delivery.id},
                key=f"webhook:{delivery.id}",
                max_attempts=DELIVERY_TRIES,
            )
            count += 1
    return count


# --- delivering ------------------------------------------------------------------------------------------------


def signature(secret: str, body: bytes) -> str:
    """`sha256=<hex HMAC-SHA256 of the raw body>`, the X-Hiring-Signature header."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class DeliveryFailed(RuntimeError):
    """The receiver did not take the delivery; the outbox tries again later."""


@handler("webhook", lease=timedelta(minutes=1))
def deliver(payload: dict[str, Any]) -> None:
    """The "webhook" job: POST the delivery's body to its endpoint, record the try, raise if it failed."""
    delivery = db.session.get(WebhookDelivery, payload.get("delivery"))
    if delivery is None or delivery.state == "delivered":
        return  # the endpoint was removed, or an earlier run delivered it
    endpoint = delivery.endpoint
    body = delivery.body.encode()
    delivery.attempts += 1
    delivery.last_attempt_at = utcnow()
    try:
        target = webhook_http.check_url(endpoint.url, allow_private())
        answer = webhook_http.post(
            target,
            body,
            {
                "Content-Type": "application/json",
                "User-Agent": "KAM-Hiring-Webhooks/1",
                "X-Hiring-Event": delivery.event,
                "X-Hiring-Delivery": delivery.delivery_id,
                "X-Hiring-Signature": signature(endpoint.secret, body),
            },
        )
    except webhook_http.UnsafeUrl as refused:
        error = str(refused.message)
        delivery.response_status, delivery.response_excerpt = None, ""
    except OSError as failure:  # refused, timed out, TLS, DNS
        error = f"{type(failure).__name__}: {failure}"
        delivery.response_status, delivery.response_excerpt = None, ""
    else:
        delivery.response_status, delivery.response_excerpt = answer.status, answer.excerpt
        error = "" if 200 <= answer.status < 300 else f"HTTP {answer.status}"
    delivery.last_error = error[:300]
    delivery.state = "delivered" if not error else "failed"
    db.session.commit()  # the try is kept whatever the outbox does next
    if error:
        raise DeliveryFailed(error)
