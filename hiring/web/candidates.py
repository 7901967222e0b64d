"""The candidate pages: add and edit, the candidate page with its screening, check answers and interviewers,
and the CSV import (upload, preview, confirm)."""

import base64
import binascii
import csv
import hashlib
import io
import zlib

import sqlalchemy as sa
from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user
from itsdangerous import BadData, URLSafeTimedSerializer
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import RequestEntityTooLarge

from hiring import glossary
from hiring.candidates import (
    answer_checks,
    assign_interviewer,
    candidate_state,
    create_candidate,
    unassign_interviewer,
    update_candidate,
)
from hiring.errors import Conflict, InvalidInput, VersionConflict
from hiring.evaluations import evaluate_candidate, load_vacancy
from hiring.extensions import db
from hiring.imports import HEADER, InvalidImport, import_candidates, parse_candidates_csv, screen_rows
from hiring.models import Assignment, Candidate, CheckAnswer, User
from hiring.privacy import anonymize_candidate
from hiring.seed_profile import FIELD_LABELS
from hiring.web.access import role_required
from hiring.web.forms.candidates import (
    ActionForm,
    AnonymizeForm,
    AssignForm,
    CandidateForm,
    ConfirmImportForm,
    ImportForm,
    candidate_form_data,
    checks_form,
    number_text,
)
from hiring.web.lookups import vacancy_or_404

bp = Blueprint("candidates", __name__)

IMPORT_SALT = "candidates.import"
IMPORT_MAX_AGE = 2 * 60 * 60  # seconds a preview may wait for its confirmation


# --- loading ----------------------------------------------------------------------------------------------


def _candidate_or_404(candidate_id: int) -> Candidate:
    candidate = db.session.scalar(
        sa.select(Candidate)
        .where(Candidate.id == candidate_id)
        .options(
            selectinload(Candidate.languages),
            selectinload(Candidate.check_answers).selectinload(CheckAnswer.check),
            selectinload(Candidate.assignments).selectinload(Assignment.interviewer),
            selectinload(Candidate.scorecards),
        )
    )
    if candidate is None:
        abort(404)
    return candidate


# --- add and edit -----------------------------------------------------------------------------------------


@bp.route("/vacancies/<int:vacancy_id>/candidates/new", methods=["GET", "POST"])
@role_required("hr")
def new(vacancy_id: int):
    """Add a candidate to the vacancy by form."""
    vacancy = vacancy_or_404(vacancy_id)
    form = CandidateForm()
    if form.is_submitted() and form.add_language.data:
        form.add_language_row()
    elif form.validate_on_submit():
        try:
            candidate = create_candidate(vacancy, form.candidate_data(), current_user.id)
            db.session.commit()
        except (InvalidInput, Conflict, IntegrityError) as error:
            _refused(form, error)
        else:
            flash(_("Candidate %(name)s added.", name=candidate.full_name), "success")
            return redirect(url_for(".detail", candidate_id=candidate.id))
    elif form.is_submitted():
        flash(_form_expired(), "error")
    return render_template("candidates/form.html", form=form, vacancy=vacancy, candidate=None)


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
        except (InvalidInput, Conflict, IntegrityError) as error:
            _refused(form, error)
        else:
            flash(_("Changes to %(name)s saved.", name=candidate.full_name), "success")
            return redirect(url_for(".detail", candidate_id=candidate.id))
    elif form.is_submitted():
        flash(_form_expired(), "error")
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


def _refused(form: CandidateForm, error: InvalidInput | Conflict | IntegrityError) -> None:
    """Roll back a refused save and show why on the form."""
    db.session.rollback()
    if isinstance(error, IntegrityError):
        # The unique (vacancy, email) index caught a duplicate the service's own check could not see yet.
        form.show_errors({"email": _("Another candidate of this vacancy already has this email.")})
        return
    form.show_errors(getattr(error, "fields", {}))
    flash(error.message, "error")


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
    vacancy = vacancy_or_404(candidate.vacancy_id)
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
    )


def field_label(value: str) -> str:
    """A field of education in the reader's words when it is one of the known codes, else as typed."""
    labels = FIELD_LABELS.get(value)
    if labels is None:
        return value
    return labels["en" if str(get_locale() or "ru") == "en" else "ru"]


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
        flash(error.message, "error")
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
        flash(_("Choose an interviewer from the list."), "error")
        return redirect(url_for(".detail", candidate_id=candidate.id, _anchor="interviewers"))
    try:
        assignment = assign_interviewer(candidate, form.user_id.data, current_user.id)
        name = assignment.interviewer.display_name
        db.session.commit()
    except (InvalidInput, Conflict) as error:
        db.session.rollback()
        flash(error.message, "error")
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
        flash(error.message, "error")
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


# --- CSV import -------------------------------------------------------------------------------------------


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=IMPORT_SALT)


def _payload_limit() -> int:
    """Keep the signed file well under the largest form field the app accepts."""
    return int(0.9 * (current_app.config.get("MAX_FORM_MEMORY_SIZE") or 500_000))


def seal_import(data: bytes, vacancy_id: int, count: int) -> tuple[str, bool]:
    """A signed token naming the previewed file; it carries the file itself when small enough (then True)."""
    facts = {"v": vacancy_id, "u": current_user.id, "sha": hashlib.sha256(data).hexdigest(), "n": count}
    token = _serializer().dumps({**facts, "csv": base64.b64encode(zlib.compress(data, 9)).decode()})
    if len(token) <= _payload_limit():
        return token, True
    return _serializer().dumps({**facts, "csv": None}), False


def unseal_import(token: str, vacancy_id: int, upload: bytes | None) -> bytes:
    """The previewed file back from its token (or the re-uploaded one when it matches); BadData otherwise."""
    facts = _serializer().loads(token or "", max_age=IMPORT_MAX_AGE)
    if not isinstance(facts, dict) or facts.get("v") != vacancy_id or facts.get("u") != current_user.id:
        raise BadData("the preview belongs to another vacancy or user")
    if facts.get("csv"):
        try:
            data = zlib.decompress(base64.b64decode(facts["csv"]))
        except (binascii.Error, zlib.error, TypeError) as error:
            raise BadData("unreadable file in the preview") from error
    elif upload is not None:
        data = upload
    else:
        raise BadData("no file")
    if hashlib.sha256(data).hexdigest() != facts.get("sha"):
        raise BadData("the file differs from the previewed one")
    return data


def _import_page(vacancy, status: int = 200, **context):
    context.setdefault("form", ImportForm(formdata=None))
    return (
        render_template(
            "candidates/import.html",
            vacancy=vacancy,
            header=HEADER,
            max_mb=_max_megabytes(),
            **context,
        ),
        status,
    )


def _max_megabytes() -> str:
    return number_text((current_app.config.get("MAX_CONTENT_LENGTH") or 0) / (1024 * 1024))


@bp.route("/vacancies/<int:vacancy_id>/candidates/import", methods=["GET", "POST"])
@role_required("hr")
def import_csv(vacancy_id: int):
    """Upload a CSV file and see what it would add, with each row's screening, before confirming."""
    vacancy = vacancy_or_404(vacancy_id)
    form = ImportForm()
    if not form.validate_on_submit():
        return _import_page(vacancy, 400 if form.is_submitted() else 200, form=form)
    data = form.file.data.read()
    parsed = parse_candidates_csv(data, vacancy=vacancy)
    if parsed.errors:
        return _import_page(vacancy, 400, form=form, errors=parsed.errors, filename=form.file.data.filename)
    token, carried = seal_import(data, vacancy.id, len(parsed.rows))
    confirm = ConfirmImportForm(formdata=None, data={"payload": token})
    return _import_page(
        vacancy,
        form=form,
        rows=list(zip(parsed.rows, screen_rows(vacancy, parsed.rows), strict=True)),
        confirm_form=confirm,
        carried=carried,
        filename=form.file.data.filename,
    )


@bp.route("/vacancies/<int:vacancy_id>/candidates/import/confirm", methods=["POST"])
@role_required("hr")
def import_confirm(vacancy_id: int):
    """Import exactly the previewed file, all rows or none."""
    vacancy = vacancy_or_404(vacancy_id)
    form = ConfirmImportForm()
    if not form.validate_on_submit():
        abort(400)
    upload = form.file.data.read() if form.file.data else None
    try:
        data = unseal_import(form.payload.data, vacancy.id, upload)
    except BadData:
        return _import_page(
            vacancy,
            400,
            problem=_(
                "The preview could not be verified (it is too old, was changed, or the file chosen again is "
                "not the same). Nothing was imported; please upload the file again."
            ),
        )
    try:
        count = import_candidates(vacancy, data, current_user.id)
        db.session.commit()
    except InvalidImport as error:
        db.session.rollback()
        return _import_page(vacancy, 400, errors=error.errors, problem=error.message)
    except IntegrityError:
        db.session.rollback()
        return _import_page(
            vacancy,
            409,
            problem=_(
                "Someone added a candidate with one of these emails at the same moment. Nothing was imported; "
                "please upload the file again."
            ),
        )
    flash(ngettext("%(num)d candidate imported.", "%(num)d candidates imported.", count), "success")
    if "vacancies.detail" in current_app.view_functions:
        return redirect(url_for("vacancies.detail", vacancy_id=vacancy.id))
    return redirect(url_for(".import_csv", vacancy_id=vacancy.id))


@bp.errorhandler(RequestEntityTooLarge)
def upload_too_large(error: RequestEntityTooLarge):
    """An upload over the size limit: say so on the import page rather than on a bare error page."""
    db.session.rollback()
    vacancy_id = (request.view_args or {}).get("vacancy_id")
    importing = request.endpoint in ("candidates.import_csv", "candidates.import_confirm")
    if importing and current_user.is_authenticated and current_user.has_role("hr"):
        vacancy = load_vacancy(vacancy_id)
        if vacancy is not None:
            message = _(
                "The file is larger than %(size)s MB, so it was not uploaded. Split it into smaller files "
                "and import them one after another.",
                size=_max_megabytes(),
            )
            return _import_page(vacancy, 413, problem=message)
    return render_template("errors/error.html", code=413, message=_("The upload is too large.")), 413


TEMPLATE_ROWS = (
    (
        "Анна Петрова",
        "anna.petrova@example.com",
        "+7 900 123-45-67",
        "master",
        "economics",
        "4.5",
        "112",
        "en:B2|de:A2",
        "Рекомендация партнёра",
    ),
    ("John Smith", "john.smith@example.com", "", "bachelor", "management", "2", "130", "en:native", ""),
)


@bp.route("/candidates/import-template.csv")
@role_required("hr")
def csv_template():
    """A template CSV: the header and two example rows, UTF-8 with a BOM so that Excel shows Cyrillic right.

    Semicolons and decimal commas for Russian readers (Excel in Russian locales splits on semicolons),
    commas otherwise; `?delimiter=comma|semicolon` chooses.
    """
    russian = str(get_locale() or "ru") == "ru"
    delimiter = {"comma": ",", "semicolon": ";"}.get(
        request.args.get("delimiter", ""), ";" if russian else ","
    )
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in TEMPLATE_ROWS:
        writer.writerow(
            [cell.replace(".", ",") if delimiter == ";" and i == 5 else cell for i, cell in enumerate(row)]
        )
    return Response(
        ("\ufeff" + out.getvalue()).encode("utf-8"),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="candidates-template.csv"'},
    )
