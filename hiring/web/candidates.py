"""The candidate pages: add and edit, the candidate page with its screening, check answers and interviewers.
The CSV import adds its pages to this blueprint from hiring.web.candidate_import."""

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from hiring import glossary
from hiring.errors import Conflict, DuplicateCandidate, InvalidInput, VersionConflict, text
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.models import Assignment, Candidate, User
from hiring.services.candidates import (
    answer_checks,
    assign_interviewer,
    candidate_state,
    create_candidate,
    unassign_interviewer,
    update_candidate,
)
from hiring.services.evaluations import evaluate_candidate, with_evaluation_inputs, with_requirements
from hiring.services.lookups import candidate_or_404, vacancy_or_404
from hiring.services.privacy import anonymize_candidate
from hiring.web import candidate_files, candidate_import, interview_schedule
from hiring.web.access import role_required
from hiring.web.forms.candidates import (
    ActionForm,
    AnonymizeForm,
    AssignForm,
    CandidateForm,
    candidate_form_data,
    checks_form,
    number_text,
)
from hiring.web.forms.refusals import INVALID, show_refusal
from hiring.web.templating import reader_language

bp = Blueprint("candidates", __name__)
candidate_import.add_routes(bp)
candidate_files.add_routes(bp)
interview_schedule.add_routes(bp)


# --- loading ----------------------------------------------------------------------------------------------


def _candidate_or_404(candidate_id: int) -> Candidate:
    """The candidate with what its pages show: its evaluation's inputs and its interviewers."""
    interviewers = selectinload(Candidate.assignments).selectinload(Assignment.interviewer)
    return candidate_or_404(candidate_id, current_user, (*with_evaluation_inputs(), interviewers))


# --- add and edit -----------------------------------------------------------------------------------------


@bp.route("/vacancies/<int:vacancy_id>/candidates/new", methods=["GET", "POST"])
@role_required("hr")
def new(vacancy_id: int):
    """Add a candidate to the vacancy by form."""
    vacancy = vacancy_or_404(vacancy_id, current_user, with_requirements())
    form = CandidateForm()
    status = 200
    if form.is_submitted() and form.add_language.data:
        form.add_language_row()
    elif form.validate_on_submit():
        try:
            candidate = create_candidate(vacancy, form.candidate_data(), current_user.id)
            db.session.commit()
        except (InvalidInput, Conflict) as error:
            status = show_refusal(form, error)
        except IntegrityError:
            status = show_refusal(form, _EMAIL_TAKEN, summary=False)
        else:
            flash(_("Candidate %(name)s added.", name=candidate.full_name), "success")
            return redirect(url_for(".detail", candidate_id=candidate.id))
    elif form.is_submitted():
        flash(_form_expired(), "error")
        status = INVALID
    return render_template("candidates/form.html", form=form, vacancy=vacancy, candidate=None), status


@bp.route("/candidates/<int:candidate_id>/edit", methods=["GET", "POST"])
@role_required("hr")
def edit(candidate_id: int):
    """Change the candidate's data; a save over someone else's newer save is refused."""
    candidate = _candidate_or_404(candidate_id)
    # A save carries every field and the version it was read at; only a first view starts from the record.
    form = CandidateForm() if request.method == "POST" else CandidateForm(data=candidate_form_data(candidate))
    status, saved_meanwhile = 200, {}
    if form.is_submitted() and form.add_language.data:
        form.add_language_row()
    elif form.validate_on_submit():
        try:
            update_candidate(candidate, form.candidate_data(), form.version.data, current_user.id)
            db.session.commit()
        except (VersionConflict, StaleDataError):
            db.session.rollback()
            candidate = _candidate_or_404(candidate_id)
            saved_meanwhile = _differences(form, candidate)
            form.version.data, form.version.raw_data = candidate.version, [str(candidate.version)]
            status = 409
            flash(
                _(
                    "Someone else saved this candidate while you were editing. Your changes are not saved yet: "
                    "the values saved meanwhile are shown under the fields; check them and save again."
                ),
                "error",
            )
        except (InvalidInput, Conflict) as error:
            status = show_refusal(form, error)
        except IntegrityError:
            status = show_refusal(form, _EMAIL_TAKEN, summary=False)
        else:
            flash(_("Changes to %(name)s saved.", name=candidate.full_name), "success")
            return redirect(url_for(".detail", candidate_id=candidate.id))
    elif form.is_submitted():
        flash(_form_expired(), "error")
        status = INVALID
    return (
        render_template(
            "candidates/form.html",
            form=form,
            vacancy=candidate.vacancy,
            candidate=candidate,
            saved_meanwhile=saved_meanwhile,
        ),
        status,
    )


# The unique (vacancy, email) index caught a duplicate the service's own check could not see yet.
_EMAIL_TAKEN = DuplicateCandidate(
    _l("Another candidate of this vacancy already has this email."),
    {"email": _l("Another candidate of this vacancy already has this email.")},
)


def _form_expired() -> str:
    return _(
        "The form has expired or was sent incompletely. Nothing was saved; please check it and send it again."
    )


def _differences(form: CandidateForm, candidate: Candidate) -> dict[str, str]:
    """For each field whose typed value differs from what is now stored, the stored value in words."""
    stored = candidate_state(candidate)
    typed = form.candidate_data()
    shown: dict[str, str] = {}
    for name in ("full_name", "email", "phone", "education_field", "notes"):
        if (typed[name] or "").strip() != (stored[name] or ""):
            shown[name] = stored[name] or "—"
    if (typed["education_level"] or None) != stored["education_level"]:
        shown["education_level"] = glossary.label(glossary.EDUCATION_LABELS, stored["education_level"])
    for name in ("experience_years", "plan_attainment_pct"):
        if (typed[name] or "").strip() != number_text(stored[name]):
            shown[name] = number_text(stored[name]) or "—"
    typed_languages = {(item["language"], item["level"]) for item in typed["languages"] if item["language"]}
    if typed_languages != set(stored["languages"].items()):
        shown["languages"] = (
            ", ".join(f"{code}:{level}" for code, level in stored["languages"].items()) or "—"
        )
    return shown


# --- the candidate page -----------------------------------------------------------------------------------


@bp.route("/candidates/<int:candidate_id>")
@role_required("hr", "lead")
def detail(candidate_id: int):
    """The candidate's data, screening rule by rule, evaluation summary, check answers and interviewers."""
    candidate = _candidate_or_404(candidate_id)
    vacancy = vacancy_or_404(candidate.vacancy_id, current_user, with_requirements())
    evaluation = evaluate_candidate(candidate)
    can_edit = current_user.has_role("hr")
    assigned_ids = {a.interviewer_id for a in candidate.assignments}
    assign_form = None
    if can_edit:
        assign_form = AssignForm()
        assign_form.user_id.choices = _assignable(assigned_ids)
    return render_template(
        "candidates/detail.html",
        candidate=candidate,
        vacancy=vacancy,
        evaluation=evaluation,
        can_edit=can_edit,
        checks_form=checks_form(vacancy, candidate) if can_edit and vacancy.custom_checks else None,
        assign_form=assign_form,
        action_form=ActionForm() if can_edit else None,
        anonymize_form=AnonymizeForm() if can_edit and not candidate.anonymized_at else None,
        scorecard_status={card.interviewer_id: card.status for card in candidate.scorecards},
        answers={answer.check.position: answer.met for answer in candidate.check_answers},
        languages={item.language: item.level for item in candidate.languages},
        field_label=field_label,
        to_decide=_to_decide(evaluation, vacancy, candidate),
    )


def _to_decide(evaluation, vacancy, candidate: Candidate) -> list[tuple[str, str]]:
    """What HR fills in so that each pending or unknown screening rule can be decided: (words, link)."""
    wanted = []
    for result in evaluation.screening.results:
        missing = result.params.get("missing")
        if result.result not in ("pending", "unknown") or missing is None:
            continue
        if missing == "check_answer":
            words = _("Answer the check «%(check)s»", check=glossary.rule_label(result.rule, vacancy))
            link = url_for(".detail", candidate_id=candidate.id, _anchor=f"check-{result.params['index']}")
        else:
            words = glossary.label(glossary.MISSING_INPUT_LABELS, missing)
            link = url_for(".edit", candidate_id=candidate.id, _anchor=missing)
        if result.result == "pending":
            words = _("%(what)s: the screening waits for it", what=words)
        else:
            words = _("%(what)s: optional, not known until then", what=words)
        wanted.append((words, link))
    return wanted


def field_label(value: str) -> str:
    """A field of education in the reader's words when it is one of the known codes, else as typed."""
    return glossary.field_label(value, reader_language())


def _assignable(assigned_ids: set[int]) -> list[tuple[int, str]]:
    """Active interviewers not yet assigned, by name."""
    users = db.session.scalars(
        sa.select(User)
        .where(User.role == "interviewer", User.active.is_(True))
        .order_by(User.full_name, User.username)
    )
    return [(user.id, user.display_name) for user in users if user.id not in assigned_ids]


@bp.route("/candidates/<int:candidate_id>/checks", methods=["POST"])
@role_required("hr")
def save_checks(candidate_id: int):
    """Record the answers to the vacancy's custom checks."""
    candidate = _candidate_or_404(candidate_id)
    form = checks_form(candidate.vacancy, candidate)
    if not form.validate_on_submit():
        flash(_("Choose yes, no or not answered for each check."), "error")
        return redirect(url_for(".detail", candidate_id=candidate.id))
    try:
        answer_checks(candidate, form.answers(), current_user.id)
        db.session.commit()
    except InvalidInput as error:
        db.session.rollback()
        flash(text(error.message), "error")
    except IntegrityError:
        db.session.rollback()
        flash(_("Someone else answered these checks at the same moment; please try again."), "error")
    else:
        flash(_("Check answers saved."), "success")
    return redirect(url_for(".detail", candidate_id=candidate.id, _anchor="checks"))


@bp.route("/candidates/<int:candidate_id>/interviewers", methods=["POST"])
@role_required("hr")
def assign(candidate_id: int):
    """Let an interviewer interview the candidate."""
    candidate = _candidate_or_404(candidate_id)
    form = AssignForm()
    form.user_id.choices = _assignable({a.interviewer_id for a in candidate.assignments})
    if not form.validate_on_submit():
        flash(_("Choose an interviewer from the list, and check the interview's time and duration."), "error")
        return redirect(url_for(".detail", candidate_id=candidate.id, _anchor="interviewers"))
    try:
        assignment = assign_interviewer(candidate, form.user_id.data, current_user.id, form.interview())
        name = assignment.interviewer.display_name
        db.session.commit()
    except (InvalidInput, Conflict) as error:
        db.session.rollback()
        flash(text(error.message), "error")
    except IntegrityError:
        db.session.rollback()
        flash(_("This interviewer is already assigned to this candidate."), "error")
    else:
        flash(_("%(name)s will interview this candidate.", name=name), "success")
    return redirect(url_for(".detail", candidate_id=candidate.id, _anchor="interviewers"))


@bp.route("/candidates/<int:candidate_id>/interviewers/<int:user_id>/remove", methods=["POST"])
@role_required("hr")
def unassign(candidate_id: int, user_id: int):
    """Take the candidate away from an interviewer."""
    candidate = _candidate_or_404(candidate_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        unassign_interviewer(candidate, user_id, current_user.id)
        db.session.commit()
    except InvalidInput as error:
        db.session.rollback()
        flash(text(error.message), "error")
    else:
        flash(_("The interviewer is no longer assigned to this candidate."), "success")
    return redirect(url_for(".detail", candidate_id=candidate.id, _anchor="interviewers"))


@bp.route("/candidates/<int:candidate_id>/anonymize", methods=["POST"])
@role_required("hr")
def anonymize(candidate_id: int):
    """Wipe the candidate's personal data; scores stay for statistics."""
    candidate = _candidate_or_404(candidate_id)
    form = AnonymizeForm()
    if not form.validate_on_submit():
        flash(_("Tick the box to confirm that the personal data should be erased."), "error")
        return redirect(url_for(".detail", candidate_id=candidate.id, _anchor="privacy"))
    anonymize_candidate(candidate, current_user.id)
    db.session.commit()
    flash(_("The candidate's personal data was erased; ratings and decisions remain."), "success")
    return redirect(url_for(".detail", candidate_id=candidate.id))
