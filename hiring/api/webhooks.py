"""Webhooks (admin): register an endpoint, list, remove, read its recent deliveries, resend one (SPEC §6)."""

from typing import Any

from flask_babel import gettext as _

from hiring.api.auth import api_user, roles_required
from hiring.api.blueprint import bp
from hiring.api.bodies import json_body
from hiring.api.errors import not_found
from hiring.api.serializers import moment
from hiring.extensions import db
from hiring.models import WebhookDelivery, WebhookEndpoint
from hiring.services import webhooks


def endpoint_json(endpoint: WebhookEndpoint) -> dict[str, Any]:
    return {
        "id": endpoint.id,
        "url": endpoint.url,
        "events": list(endpoint.events),
        "active": endpoint.active,
        "created_at": moment(endpoint.created_at),
    }


def delivery_json(delivery: WebhookDelivery) -> dict[str, Any]:
    return {
        "id": delivery.id,
        "delivery_id": delivery.delivery_id,
        "event": delivery.event,
        "state": delivery.state,
        "attempts": delivery.attempts,
        "response_status": delivery.response_status,
        "error": delivery.last_error or None,
        "created_at": moment(delivery.created_at),
        "last_attempt_at": moment(delivery.last_attempt_at),
    }


def _endpoint_or_404(webhook_id: int) -> WebhookEndpoint:
    endpoint = db.session.get(WebhookEndpoint, webhook_id)
    if endpoint is None:
        raise not_found(_("No such webhook."))
    return endpoint


@bp.post("/webhooks")
@roles_required("admin")
def create_webhook():
    """Register an endpoint; the answer shows the secret, this once."""
    body = json_body("WebhookCreate")
    endpoint, secret = webhooks.register_endpoint(
        body["url"], body["events"], body.get("secret"), api_user().id
    )
    db.session.commit()
    return {**endpoint_json(endpoint), "secret": secret}, 201


@bp.get("/webhooks")
@roles_required("admin")
def list_webhooks():
    """Every endpoint (never its secret)."""
    return [endpoint_json(endpoint) for endpoint in webhooks.endpoints()]


@bp.delete("/webhooks/<int:webhook_id>")
@roles_required("admin")
def delete_webhook(webhook_id: int):
    """Remove the endpoint; nothing more is sent to it."""
    webhooks.remove_endpoint(_endpoint_or_404(webhook_id), api_user().id)
    db.session.commit()
    return "", 204


@bp.get("/webhooks/<int:webhook_id>/deliveries")
@roles_required("admin")
def list_deliveries(webhook_id: int):
    """The endpoint's recent deliveries, newest first: event, delivery id, tries, status, error, time."""
    return [delivery_json(d) for d in webhooks.recent_deliveries(_endpoint_or_404(webhook_id))]


@bp.post("/webhooks/<int:webhook_id>/deliveries/<int:delivery_id>/resend")
@roles_required("admin")
def resend_delivery(webhook_id: int, delivery_id: int):
    """Send a delivery again, with the same body and delivery id."""
    delivery = db.session.get(WebhookDelivery, delivery_id)
    if delivery is None or delivery.endpoint_id != _endpoint_or_404(webhook_id).id:
        raise not_found(_("No such delivery."))
    webhooks.resend(delivery, api_user().id)
    db.session.commit()
    return delivery_json(delivery), 202
