"""My account: every user changes their own password, name, e-mail and interface language."""

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Length, ValidationError

from hiring.errors import Duplicate, InvalidInput
from hiring.extensions import db
from hiring.glossary import LANGUAGE_NAMES
from hiring.models import ROLES
from hiring.services import users as users_service
from hiring.web.access import role_required
from hiring.web.forms.refusals import INVALID, show_refusal

bp = Blueprint("account", __name__, url_prefix="/account")

# What a user who must change a temporary password may still open.
OPEN_WHILE_PASSWORD_EXPIRED = frozenset(
    {"account.index", "account.password", "auth.logout", "auth.set_language", "static", "health.readyz"}
)


class AccountForm(FlaskForm):
    """Name, e-mail and interface language; hiring.services.users holds the rules."""

    full_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=200)])
    email = StringField(_l("E-mail"), validators=[Length(max=254)])
    locale = SelectField(
        _l("Interface language"), choices=lambda: [(code, LANGUAGE_NAMES[code]) for code in ("ru", "en")]
    )


class PasswordForm(FlaskForm):
    current_password = PasswordField(_l("Current password"), validators=[DataRequired(), Length(max=200)])
    new_password = PasswordField(_l("New password"), validators=[DataRequired(), Length(max=200)])
    confirm_password = PasswordField(_l("New password again"), validators=[DataRequired(), Length(max=200)])

    def validate_confirm_password(self, field) -> None:
        if field.data != self.new_password.data:
            raise ValidationError(_l("The two new passwords differ."))


@bp.before_app_request
def insist_on_a_new_password():
    """A user with a temporary password changes it before opening anything else."""
    if (
        current_user.is_authenticated
        and current_user.must_change_password
        and request.endpoint not in OPEN_WHILE_PASSWORD_EXPIRED
        and not request.path.startswith("/api/")
    ):
        flash(_("Choose a new password of your own before you go on."), "info")
        return redirect(url_for("account.index"))
    return None


def render_account(account_form: AccountForm, password_form: PasswordForm, status: int = 200):
    page = render_template("account/index.html", form=account_form, password_form=password_form)
    return page, status


@bp.route("", methods=["GET", "POST"])
@role_required(*ROLES)
def index():
    """Show and save the user's own name, e-mail and interface language."""
    form = AccountForm(obj=None if request.method == "POST" else current_user)
    if request.method == "GET" and form.locale.data not in ("ru", "en"):
        form.locale.data = "en" if str(get_locale()) == "en" else "ru"
    password_form = PasswordForm(formdata=None)
    if form.validate_on_submit():
        try:
            users_service.update_account(current_user, form.full_name.data, form.email.data, form.locale.data)
            db.session.commit()
        except (InvalidInput, Duplicate) as error:
            return render_account(form, password_form, show_refusal(form, error, summary=False))
        session["locale"] = current_user.locale
        flash(_("Your account is saved."), "success")
        return redirect(url_for("account.index"))
    return render_account(form, password_form, INVALID if form.errors else 200)


@bp.route("/password", methods=["POST"])
@role_required(*ROLES)
def password():
    """Change one's own password with the current one; every other session and API token of the user ends."""
    password_form = PasswordForm()
    account_form = AccountForm(formdata=None, obj=current_user)
    if not password_form.validate_on_submit():
        return render_account(account_form, password_form, INVALID)
    user = current_user._get_current_object()
    try:
        users_service.change_own_password(
            user, password_form.current_password.data, password_form.new_password.data
        )
        db.session.commit()
    except InvalidInput as error:
        return render_account(account_form, password_form, show_refusal(password_form, error, summary=False))
    # The change ended every session of the user, this one too: sign this browser in again with the new version.
    login_user(user)
    flash(_("Your password is changed. Your other sessions and API tokens have ended."), "success")
    return redirect(url_for("account.index"))
