"""My notification settings: which e-mails I get (every user, for themselves)."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField

from hiring.extensions import db
from hiring.models import NOTIFICATION_KINDS
from hiring.services.notifications import KIND_LABELS, notification_settings, save_notification_settings
from hiring.web.access import role_required

bp = Blueprint("notifications", __name__)


def settings_form(current: dict[str, bool]) -> FlaskForm:
    class SettingsForm(FlaskForm):
        pass

    for kind in NOTIFICATION_KINDS:
        setattr(SettingsForm, kind, BooleanField(KIND_LABELS[kind], default=current[kind]))
    return SettingsForm()


@bp.route("/account/notifications", methods=["GET", "POST"])
@role_required("admin", "hr", "interviewer", "lead")
def settings():
    """Turn each kind of e-mail on or off."""
    form = settings_form(notification_settings(current_user))
    if form.validate_on_submit():
        enabled = [kind for kind in NOTIFICATION_KINDS if form[kind].data]
        save_notification_settings(current_user, enabled, current_user.id)
        db.session.commit()
        flash(_("Your notification settings are saved."), "success")
        return redirect(url_for(".settings"))
    return render_template(
        "account/notifications.html", form=form, kinds=NOTIFICATION_KINDS, has_email=bool(current_user.email)
    )
