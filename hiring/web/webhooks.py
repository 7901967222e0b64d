"""Webhooks for the administrator: register an endpoint (its secret shown once), see its deliveries, resend."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SelectMultipleField, StringField
from wtforms.validators import DataRequired
from wtforms.widgets import CheckboxInput, ListWidget

from hiring.errors import InvalidInput
from hiring.extensions import db
from hiring.models import WebhookDelivery, WebhookEndpoint
from hiring.services import webhooks
from hiring.web.access import role_required
from hiring.web.forms.refusals import invalid_status, show_refusal

bp = Blueprint("webhooks", __name__, url_prefix="/admin/webhooks")


class EndpointForm(FlaskForm):
    url = StringField(_l("Receiver URL"), validators=[DataRequired()])
    events = SelectMultipleField(
        _l("Events"),
        choices=[(event, event) for event in webhooks.EVENTS],
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    secret = StringField(_l("Secret (leave empty to get one)"))


@bp.route("", methods=["GET", "POST"])
@role_required("admin")
def index():
    """The endpoints, and a form to register one; a new endpoint's secret is shown on this answer only."""
    form = EndpointForm()
    new_secret = None
    if form.validate_on_submit():
        try:
            endpoint, new_secret = webhooks.register_endpoint(
                form.url.data, form.events.data, form.secret.data or None, current_user.id
            )
            db.session.commit()
        except InvalidInput as error:
            show_refusal(form, error, summary=False)
        else:
            flash(_("Webhook %(url)s registered.", url=endpoint.url), "success")
            form = EndpointForm(formdata=None)
    page = render_template(
        "admin/webhooks.html", form=form, endpoints=webhooks.endpoints(), new_secret=new_secret
    )
    return page, invalid_status(form)


@bp.route("/<int:webhook_id>")
@role_required("admin")
def deliveries(webhook_id: int):
    """The endpoint's recent deliveries: event, delivery id, tries, status, last error."""
    endpoint = db.get_or_404(WebhookEndpoint, webhook_id)
    rows = webhooks.recent_deliveries(endpoint)
    return render_template(
        "admin/webhook_deliveries.html", endpoint=endpoint, deliveries=rows, form=FlaskForm()
    )


@bp.post("/<int:webhook_id>/delete")
@role_required("admin")
def delete(webhook_id: int):
    endpoint = db.get_or_404(WebhookEndpoint, webhook_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    webhooks.remove_endpoint(endpoint, current_user.id)
    db.session.commit()
    flash(_("Webhook removed."), "success")
    return redirect(url_for(".index"))


@bp.post("/<int:webhook_id>/deliveries/<int:delivery_id>/resend")
@role_required("admin")
def resend(webhook_id: int, delivery_id: int):
    delivery = db.get_or_404(WebhookDelivery, delivery_id)
    if delivery.endpoint_id != webhook_id:
        abort(404)
    if not FlaskForm().validate_on_submit():
        abort(400)
    webhooks.resend(delivery, current_user.id)
    db.session.commit()
    flash(_("Delivery %(id)s queued again.", id=delivery.delivery_id), "success")
    return redirect(url_for(".deliveries", webhook_id=webhook_id))
