"""Users: the administrator creates them, changes roles, deactivates them."""

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectField, StringField
from wtforms.validators import DataRequired

from hiring.errors import Duplicate, InvalidInput, text
from hiring.extensions import db
from hiring.glossary import ROLE_LABELS
from hiring.models import ROLES, User
from hiring.services import users as users_service
from hiring.web.access import role_required
from hiring.web.forms.refusals import invalid_status, show_refusal

bp = Blueprint("admin", __name__, url_prefix="/admin")


def role_choices():
    return [(role, ROLE_LABELS[role]) for role in ROLES]


class UserForm(FlaskForm):
    """The fields of a new user; hiring.services.users holds the rules."""

    username = StringField(_l("Username"), validators=[DataRequired()])
    full_name = StringField(_l("Full name"), validators=[DataRequired()])
    # Interviewer, the least power: an administrator is made on purpose, never by leaving the default.
    role = SelectField(_l("Role"), choices=role_choices, default="interviewer")
    password = PasswordField(_l("Password"), validators=[DataRequired()])


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=role_choices)


@bp.route("/users", methods=["GET", "POST"])
@role_required("admin")
def users():
    """List users and create a new one."""
    form = UserForm()
    if form.validate_on_submit():
        try:
            user = users_service.create_user(
                form.username.data, form.full_name.data, form.role.data, form.password.data, current_user.id
            )
            db.session.commit()
        except (InvalidInput, Duplicate) as error:
            show_refusal(form, error, summary=False)
        else:
            flash(_("User %(name)s created.", name=user.username), "success")
            return redirect(url_for("admin.users"))
    people = db.session.scalars(sa.select(User).order_by(User.active.desc(), User.role, User.username)).all()
    page = render_template("admin/users.html", form=form, people=people, role_form=RoleForm())
    return page, invalid_status(form)


@bp.route("/users/<int:user_id>/role", methods=["POST"])
@role_required("admin")
def change_role(user_id: int):
    """Give a user another role."""
    user = db.get_or_404(User, user_id)
    form = RoleForm()
    if form.validate_on_submit():
        try:
            users_service.change_role(user, form.role.data, current_user)
        except InvalidInput as error:
            db.session.rollback()
            flash(text(error.message), "error")
        else:
            db.session.commit()
            flash(_("Role of %(name)s changed.", name=user.username), "success")
    return redirect(url_for("admin.users"))


@bp.route("/users/<int:user_id>/password", methods=["POST"])
@role_required("admin")
def reset_password(user_id: int):
    """Give a user a temporary password, shown once here; they must change it at their next login, and every
    session and API token of theirs ends now."""
    user = db.get_or_404(User, user_id)
    if user.id == current_user.id:
        flash(_("Change your own password on the My account page."), "error")
        return redirect(url_for("account.index"))
    password = users_service.reset_password(user, current_user.id)
    db.session.commit()
    return render_template("admin/password_reset.html", person=user, password=password)


@bp.route("/users/<int:user_id>/deactivate", methods=["GET"])
@role_required("admin")
def confirm_deactivate(user_id: int):
    """Ask before deactivating a user: what it does, and that it can be undone."""
    user = db.get_or_404(User, user_id)
    if user.id == current_user.id or not user.active:
        return redirect(url_for("admin.users"))
    return render_template("admin/deactivate.html", person=user)


@bp.route("/users/<int:user_id>/active", methods=["POST"])
@role_required("admin")
def toggle_active(user_id: int):
    """Deactivate a user (they can no longer log in or use a token), or activate them again."""
    user = db.get_or_404(User, user_id)
    try:
        users_service.set_active(user, not user.active, current_user)
    except InvalidInput:
        abort(400)
    db.session.commit()
    message = _("%(name)s can log in again.") if user.active else _("%(name)s is deactivated.")
    flash(message % {"name": user.username}, "success")
    return redirect(url_for("admin.users"))
