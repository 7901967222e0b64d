"""The vacancies pages: the list with candidates by band, a vacancy's page, and its form (HR; leads read)."""

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from hiring.domain.levels import BANDS
from hiring.errors import InvalidInput, VersionConflict
from hiring.extensions import db
from hiring.models import Assignment, Candidate, Profile, StoredEvaluation, User, Vacancy
from hiring.query_params import query_int
from hiring.services import candidates as candidates_service
from hiring.services import vacancies as service
from hiring.services.evaluations import with_requirements
from hiring.services.lookups import vacancy_or_404
from hiring.services.ranking import ranking_order
from hiring.web.access import role_required
from hiring.web.forms.profiles import choices, field_names
from hiring.web.forms.refusals import show_refusal
from hiring.web.forms.vacancies import ChooseProfileForm, PanelForm, StatusForm, VacancyForm
from hiring.web.templating import reader_language

bp = Blueprint("vacancies", __name__)

CANDIDATES_PER_PAGE = 50


@bp.route("/vacancies")
@role_required("hr", "lead")
def index():
    """List the vacancies with the number of candidates in each band."""
    vacancies = db.session.scalars(
        sa.select(Vacancy)
        .options(selectinload(Vacancy.profile))
        .order_by(Vacancy.status.desc(), Vacancy.created_at.desc(), Vacancy.id.desc())
    ).all()
    return render_template(
        "vacancies/index.html",
        vacancies=vacancies,
        counts=band_counts(),
        bands=BANDS,
        status_form=StatusForm(),
    )


def band_counts(vacancy_id: int | None = None) -> dict[int, dict[str, int]]:
    """{vacancy id: {band: candidates}} from the stored evaluations, in one GROUP BY query."""
    query = sa.select(StoredEvaluation.vacancy_id, StoredEvaluation.band, sa.func.count()).group_by(
        StoredEvaluation.vacancy_id, StoredEvaluation.band
    )
    if vacancy_id is not None:
        query = query.where(StoredEvaluation.vacancy_id == vacancy_id)
    counts: dict[int, dict[str, int]] = {}
    for vacancy, band, n in db.session.execute(query):
        counts.setdefault(vacancy, {})[band] = n
    return counts


@bp.route("/vacancies/new", methods=["GET", "POST"])
@role_required("hr")
def new():
    """Choose a profile and a language, then fill the vacancy prefilled with their defaults."""
    profiles = db.session.scalars(sa.select(Profile).order_by(Profile.is_default.desc(), Profile.id)).all()
    if not profiles:
        flash(_('There is no competency profile yet: run "flask seed" first.'), "error")
        return redirect(url_for("vacancies.index"))
    lang = reader_language()
    chooser = ChooseProfileForm(request.args)
    chooser.profile_id.choices = choices((p.id, p.name(lang)) for p in profiles)
    if "language" not in request.args:
        chooser.language.data = lang
    if not ("profile_id" in request.args and "language" in request.args and chooser.validate()):
        return render_template("vacancies/choose.html", chooser=chooser, profiles=profiles)
    profile = db.get_or_404(Profile, chooser.profile_id.data)
    language = chooser.language.data

    if request.method == "POST":
        form = VacancyForm()
    else:
        defaults = service.profile_defaults(profile, language) | {"title": profile.name(language)}
        form = VacancyForm(data=_form_values(defaults))
        form.add_rows()
    if request.method == "POST" and not form.wants_another_row() and form.validate():
        data, language_rows, check_rows = form.to_data()
        try:
            vacancy = service.create_vacancy(profile, data, current_user.id)
            db.session.commit()
        except InvalidInput as error:
            show_refusal(form, error, place=form.placer(language_rows, check_rows), summary=False)
        else:
            flash(_("Vacancy created."), "success")
            return redirect(url_for("vacancies.detail", vacancy_id=vacancy.id))
    if request.method == "POST":
        form.add_rows(blank=1)
    return _render_form(form, profile, None, language)


@bp.route("/vacancies/<int:vacancy_id>")
@role_required("hr", "lead")
def detail(vacancy_id: int):
    """Show the vacancy, its requirements in plain words and its candidates in ranking order, with their
    interviewers and the state of each one's scorecard."""
    return _render_detail(vacancy_or_404(vacancy_id, current_user, with_requirements()))


@bp.route("/vacancies/<int:vacancy_id>/panel", methods=["POST"])
@role_required("hr")
def assign_panel(vacancy_id: int):
    """Assign one or more interviewers to every candidate ticked in the vacancy's list at once."""
    vacancy = vacancy_or_404(vacancy_id, current_user, with_requirements())
    form = _panel_form()
    if form.validate_on_submit():
        try:
            added = candidates_service.assign_panel(
                vacancy.id, form.candidate_ids.data, form.interviewer_ids.data, current_user.id
            )
            db.session.commit()
        except InvalidInput as error:
            return _render_detail(vacancy, form, show_refusal(form, error, summary=False))
        chosen = dict(form.interviewer_ids.choices)
        names = ", ".join(chosen[user_id] for user_id in dict.fromkeys(form.interviewer_ids.data))
        flash(
            ngettext(
                "%(names)s will interview %(num)d candidate.",
                "%(names)s will interview %(num)d candidates.",
                len(set(form.candidate_ids.data)),
                names=names,
            )
            + " "
            + ngettext("%(num)d new assignment.", "%(num)d new assignments.", added),
            "success",
        )
        return redirect(
            url_for("vacancies.detail", vacancy_id=vacancy.id, page=request.form.get("page", type=int))
        )
    if not form.candidate_ids.data:
        form.candidate_ids.errors = [_("Tick the candidates the panel should interview.")]
    if not form.interviewer_ids.data:
        form.interviewer_ids.errors = [_("Choose one or more interviewers.")]
    return _render_detail(vacancy, form, 400)


def _panel_form() -> PanelForm:
    form = PanelForm()
    form.interviewer_ids.choices = [
        (user.id, user.display_name)
        for user in db.session.scalars(
            sa.select(User)
            .where(User.role == "interviewer", User.active.is_(True))
            .order_by(User.full_name, User.username)
        )
    ]
    return form


def _render_detail(vacancy: Vacancy, panel_form: PanelForm | None = None, status: int = 200):
    query = (
        sa.select(Candidate)
        .outerjoin(StoredEvaluation, StoredEvaluation.candidate_id == Candidate.id)
        .where(Candidate.vacancy_id == vacancy.id)
        .options(
            selectinload(Candidate.evaluation),
            selectinload(Candidate.assignments).selectinload(Assignment.interviewer),
            selectinload(Candidate.scorecards),
        )
        .order_by(*ranking_order())
    )
    page = db.paginate(query, page=query_int("page", 1), per_page=CANDIDATES_PER_PAGE, error_out=False)
    if panel_form is None and current_user.has_role("hr"):
        panel_form = _panel_form()
    page_html = render_template(
        "vacancies/detail.html",
        vacancy=vacancy,
        page=page,
        counts=band_counts(vacancy.id).get(vacancy.id, {}),
        bands=BANDS,
        status_form=StatusForm(),
        field_names=field_names(),
        panel_form=panel_form,
        ticked=set(panel_form.candidate_ids.data or ()) if panel_form is not None else set(),
    )
    return page_html, status


@bp.route("/vacancies/<int:vacancy_id>/edit", methods=["GET", "POST"])
@role_required("hr")
def edit(vacancy_id: int):
    """Edit the vacancy; a save over someone else's newer change is refused."""
    vacancy = vacancy_or_404(vacancy_id, current_user)
    if request.method == "POST":
        form = VacancyForm()
    else:
        form = VacancyForm(data=_form_values(service.current_values(vacancy)) | {"version": vacancy.version})
        form.add_rows()
    if request.method == "POST" and not form.wants_another_row() and form.validate():
        data, language_rows, check_rows = form.to_data()
        try:
            if form.version.data is None:
                raise VersionConflict(service.STALE)
            service.update_vacancy(vacancy, data, form.version.data, current_user.id)
            db.session.commit()
        except InvalidInput as error:
            show_refusal(form, error, place=form.placer(language_rows, check_rows), summary=False)
        except (VersionConflict, StaleDataError):
            db.session.rollback()
            flash(_(service.STALE), "error")
            return redirect(url_for("vacancies.edit", vacancy_id=vacancy_id))
        else:
            flash(_("Changes saved."), "success")
            return redirect(url_for("vacancies.detail", vacancy_id=vacancy.id))
    if request.method == "POST":
        form.add_rows(blank=1)
    return _render_form(form, vacancy.profile, vacancy, vacancy.language)


@bp.route("/vacancies/<int:vacancy_id>/status", methods=["POST"])
@role_required("hr")
def set_status(vacancy_id: int):
    """Open or close the vacancy."""
    vacancy = vacancy_or_404(vacancy_id, current_user)
    form = StatusForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        service.set_vacancy_status(vacancy, form.status.data, current_user.id)
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        flash(_(service.STALE), "error")
    else:
        if vacancy.is_open:
            flash(_("Vacancy %(title)s is open.", title=vacancy.title), "success")
        else:
            flash(_("Vacancy %(title)s is closed.", title=vacancy.title), "success")
    target = request.form.get("next") == "index"
    return redirect(
        url_for("vacancies.index") if target else url_for("vacancies.detail", vacancy_id=vacancy.id)
    )


# --- helpers -----------------------------------------------------------------------------------------------


def _form_values(values: dict) -> dict:
    """The form's data from the service's flat values (its languages and checks become rows)."""
    data = {name: value for name, value in values.items() if name not in ("languages", "custom")}
    data["languages"] = [dict(item) for item in values["languages"]]
    data["checks"] = [dict(item) for item in values["custom"]]
    return data


def _render_form(form: VacancyForm, profile: Profile, vacancy: Vacancy | None, language: str):
    """The vacancy form; 400 when a submitted form is shown again with errors (not after "add a row")."""
    has_errors = request.method == "POST" and _has_errors(form)
    page = render_template(
        "vacancies/form.html",
        form=form,
        profile=profile,
        vacancy=vacancy,
        language=language,
        has_errors=has_errors,
    )
    return page, 400 if has_errors else 200


def _has_errors(form: VacancyForm) -> bool:
    rows = (row.form for entries in (form.languages, form.checks) for row in entries)
    return any(f.errors for name, f in form._fields.items() if name not in ("languages", "checks")) or any(
        f.errors for row in rows for f in row
    )
