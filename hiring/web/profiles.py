"""The profiles pages: competency profiles, their clones and their competencies (HR)."""

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from hiring.errors import InvalidInput, VersionConflict, text
from hiring.extensions import db
from hiring.models import Competency, Profile, Vacancy
from hiring.services import profiles as service
from hiring.services.lookups import profile_or_404
from hiring.services.profile_input import EDITABLE_COMPETENCY_FIELDS, question_lines, questions_from_lines
from hiring.web.access import role_required
from hiring.web.forms.profiles import (
    ActionForm,
    CompetencyForm,
    NewCompetencyForm,
    ProfileSettingsForm,
    field_names,
)
from hiring.web.forms.refusals import invalid_status, show_refusal

bp = Blueprint("profiles", __name__)


@bp.route("/profiles")
@role_required("hr")
def index():
    """List the profiles with their size, total weight and use."""
    used = sa.select(Vacancy.profile_id, sa.func.count().label("n")).group_by(Vacancy.profile_id).subquery()
    rows = db.session.execute(
        sa.select(Profile, sa.func.coalesce(used.c.n, 0))
        .outerjoin(used, used.c.profile_id == Profile.id)
        .options(selectinload(Profile.competencies))
        .order_by(Profile.is_default.desc(), Profile.id)
    ).all()
    return render_template("profiles/index.html", rows=rows, locked=service.locked_profile_ids())


@bp.route("/profiles/<int:profile_id>")
@role_required("hr")
def detail(profile_id: int):
    """Show every competency with its weight, share, anchors and questions, and the screening defaults."""
    profile = _profile(profile_id)
    vacancies = db.session.scalars(
        sa.select(Vacancy).where(Vacancy.profile_id == profile.id).order_by(Vacancy.created_at.desc())
    ).all()
    source = db.session.get(Profile, profile.cloned_from_id) if profile.cloned_from_id else None
    return render_template(
        "profiles/detail.html",
        profile=profile,
        vacancies=vacancies,
        source=source,
        refusal=service.edit_refusal(profile),
        action_form=ActionForm(version=profile.version),
        field_names=field_names(),
    )


@bp.route("/profiles/<int:profile_id>/clone", methods=["POST"])
@role_required("hr")
def clone(profile_id: int):
    """Copy the profile into a new one that can be edited."""
    profile = _profile(profile_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    copy = service.clone_profile(profile, current_user.id)
    db.session.commit()
    flash(_("Profile cloned. You can now edit the copy."), "success")
    return redirect(url_for("profiles.detail", profile_id=copy.id))


@bp.route("/profiles/<int:profile_id>/edit", methods=["GET", "POST"])
@role_required("hr")
def edit(profile_id: int):
    """Edit the profile's names and screening defaults."""
    profile = _profile(profile_id)
    if refused := _refuse_if_locked(profile):
        return refused
    form = ProfileSettingsForm(obj=profile)
    if form.validate_on_submit():
        data = {name: getattr(form, name).data for name in service.PROFILE_FIELDS}
        saved = _save(
            form,
            profile.id,
            lambda: service.update_profile_settings(profile, data, form.version.data, current_user.id),
        )
        if saved is not None:
            return saved
    return render_template("profiles/edit.html", profile=profile, form=form), invalid_status(form)


@bp.route("/profiles/<int:profile_id>/competencies/new", methods=["GET", "POST"])
@role_required("hr")
def new_competency(profile_id: int):
    """Add a competency to the profile."""
    profile = _profile(profile_id)
    if refused := _refuse_if_locked(profile):
        return refused
    form = NewCompetencyForm(version=profile.version, weight=0)
    if form.validate_on_submit():
        saved = _save(
            form,
            profile.id,
            lambda: service.add_competency(
                profile, _competency_data(form) | {"code": form.code.data}, form.version.data, current_user.id
            ),
        )
        if saved is not None:
            return saved
    return render_template(
        "profiles/competency_form.html", profile=profile, form=form, competency=None
    ), invalid_status(form)


@bp.route("/profiles/<int:profile_id>/competencies/<int:competency_id>/edit", methods=["GET", "POST"])
@role_required("hr")
def edit_competency(profile_id: int, competency_id: int):
    """Edit a competency: names, weight, critical minimum, anchors and questions."""
    profile = _profile(profile_id)
    competency = _competency(profile, competency_id)
    if refused := _refuse_if_locked(profile):
        return refused
    form = CompetencyForm(obj=competency, version=profile.version)
    if not form.is_submitted():
        form.questions_ru.data = question_lines(competency.questions, "ru")
        form.questions_en.data = question_lines(competency.questions, "en")
    if form.validate_on_submit():
        saved = _save(
            form,
            profile.id,
            lambda: service.update_competency(
                competency, _competency_data(form), form.version.data, current_user.id
            ),
        )
        if saved is not None:
            return saved
    return render_template(
        "profiles/competency_form.html", profile=profile, form=form, competency=competency
    ), invalid_status(form)


@bp.route("/profiles/<int:profile_id>/competencies/<int:competency_id>/remove", methods=["GET", "POST"])
@role_required("hr")
def remove_competency(profile_id: int, competency_id: int):
    """Ask, then remove a competency from the profile."""
    profile = _profile(profile_id)
    competency = _competency(profile, competency_id)
    if refused := _refuse_if_locked(profile):
        return refused
    form = ActionForm(version=profile.version)
    if form.validate_on_submit():
        code = competency.code
        try:
            service.remove_competency(competency, form.version.data, current_user.id)
            db.session.commit()
        except InvalidInput as error:
            db.session.rollback()
            flash(text(error.message), "error")
            return redirect(url_for("profiles.detail", profile_id=profile.id))
        except (VersionConflict, StaleDataError):
            db.session.rollback()
            flash(_(service.STALE), "error")
            return redirect(url_for("profiles.detail", profile_id=profile.id))
        flash(_("Competency %(code)s removed.", code=code), "success")
        return redirect(url_for("profiles.detail", profile_id=profile.id))
    return render_template(
        "profiles/remove_competency.html", profile=profile, competency=competency, form=form
    )


# --- helpers -----------------------------------------------------------------------------------------------


def _profile(profile_id: int) -> Profile:
    return profile_or_404(profile_id)


def _competency(profile: Profile, competency_id: int) -> Competency:
    competency = db.session.get(Competency, competency_id)
    if competency is None or competency.profile_id != profile.id:
        abort(404)
    return competency


def _refuse_if_locked(profile: Profile):
    """A redirect to the profile with the reason, when it may not be edited in place; else None."""
    refusal = service.edit_refusal(profile)
    if refusal is None:
        return None
    flash(_(refusal), "error")
    return redirect(url_for("profiles.detail", profile_id=profile.id))


def _competency_data(form: CompetencyForm) -> dict:
    data = {name: getattr(form, name).data for name in EDITABLE_COMPETENCY_FIELDS if name != "questions"}
    data["questions"] = questions_from_lines(form.questions_ru.data, form.questions_en.data)
    return data


def _save(form, profile_id: int, change):
    """Run the change and commit: a redirect to the profile, or None with the refusal put on the form."""
    try:
        change()
        db.session.commit()
    except InvalidInput as error:
        show_refusal(form, error, summary=False)
        return None
    except (VersionConflict, StaleDataError):
        db.session.rollback()
        flash(_(service.STALE), "error")
        return redirect(url_for("profiles.detail", profile_id=profile_id))
    flash(_("Changes saved."), "success")
    return redirect(url_for("profiles.detail", profile_id=profile_id))
