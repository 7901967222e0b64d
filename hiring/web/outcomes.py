"""The outcome of a hire (on the candidate) and a profile's validity report, with its PDF and the clone.

HR and hiring leads only: an interviewer gets 403 on every page here. Numbers and words come from
hiring.services.validity; the scatter plot is drawn on the server (hiring.documents.scatter).
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user

from hiring.documents.downloads import content_disposition
from hiring.documents.pdf import DocumentMeta, create_pdf
from hiring.documents.scatter import scatter_svg
from hiring.domain.validity import MONTHS, OUTCOMES, RESEARCH, SCORE, SHRINKAGE_PAIRS
from hiring.errors import Conflict, InvalidImport, InvalidInput, InvalidProfile, text
from hiring.extensions import db
from hiring.models import Vacancy
from hiring.services import outcome_import, outcomes, validity
from hiring.services.lookups import candidate_or_404, profile_or_404
from hiring.web.access import role_required
from hiring.web.forms.outcomes import FIELD_LABELS, CloneForm, OutcomeForm, OutcomeImportForm
from hiring.web.forms.refusals import show_refusal
from hiring.web.templating import reader_language

bp = Blueprint("outcomes", __name__)
ROLES = outcomes.OUTCOME_ROLES


@bp.route("/candidates/<int:candidate_id>/outcome", methods=["GET", "POST"])
@role_required(*ROLES)
def edit(candidate_id: int):
    """Record the hire's start date and the KPIs at 6 and 12 months."""
    candidate = candidate_or_404(candidate_id, current_user)
    hired = outcomes.is_hired(candidate)
    stored = outcomes.outcome_of(candidate, current_user)
    form = OutcomeForm()
    status = 200
    if hired and form.validate_on_submit():
        version = int(form.version.data) if (form.version.data or "").isdigit() else None
        try:
            outcomes.save_outcome(candidate, form.outcome_data(), current_user, expected_version=version)
            db.session.commit()
        except (InvalidInput, Conflict) as error:
            status = show_refusal(form, error)
        else:
            flash(_("Outcome saved."), "success")
            return redirect(url_for(".edit", candidate_id=candidate.id))
    elif form.is_submitted():
        status = 400
    elif stored is not None:
        form.fill(stored)
    return render_template(
        "outcomes/form.html",
        candidate=candidate,
        vacancy=candidate.vacancy,
        form=form,
        hired=hired,
        stored=stored,
        months=MONTHS,
    ), status


def _report_context(profile_id: int, language: str) -> dict:
    profile = profile_or_404(profile_id)
    report = validity.validity_report(profile, current_user)
    names = {c.code: c.name(language) for c in profile.competencies}
    predictor_names = {SCORE: _("Total score"), **names}
    outcome_names = {name: FIELD_LABELS[name] for name in OUTCOMES}
    predictor = request.args.get("predictor", "NEG" if "NEG" in names else SCORE)
    outcome = request.args.get("outcome", OUTCOMES[0])
    month = request.args.get("month", 12, type=int)
    if predictor not in predictor_names or outcome not in OUTCOMES or month not in MONTHS:
        abort(400)
    chosen = report.row(predictor, outcome, month)
    svg = scatter_svg(
        report.points(predictor, outcome, month),
        x_label=predictor_names[predictor],
        y_label=f"{outcome_names[outcome]} · {_('month %(month)s', month=month)}",
        title=_(
            "%(predictor)s and %(outcome)s",
            predictor=predictor_names[predictor],
            outcome=outcome_names[outcome],
        ),
        empty_text=_("No hire has both values yet."),
    )
    return {
        "profile": profile,
        "report": report,
        "predictor_names": predictor_names,
        "outcome_names": outcome_names,
        "chosen": chosen,
        "choice": {"predictor": predictor, "outcome": outcome, "month": month},
        "scatter": svg,
        "research": RESEARCH,
        "shrinkage": SHRINKAGE_PAIRS,
        "months": MONTHS,
        "outcomes_order": OUTCOMES,
        "lang": language,
    }


@bp.get("/profiles/<int:profile_id>/validity")
@role_required(*ROLES)
def report(profile_id: int):
    """Which interview ratings predicted the outcomes of the people hired, and the suggested weights."""
    context = _report_context(profile_id, reader_language())
    return render_template(
        "outcomes/validity.html",
        clone_form=CloneForm(),
        pdf_language=profile_language(profile_id),
        **context,
    )


def profile_language(profile_id: int) -> str:
    """The language most of the profile's vacancies are printed in; the reader's when it has none (issue 24)."""
    rows = db.session.execute(
        sa.select(Vacancy.language, sa.func.count())
        .where(Vacancy.profile_id == profile_id)
        .group_by(Vacancy.language)
        .order_by(sa.func.count().desc(), Vacancy.language.desc())
    ).first()
    return rows[0] if rows and rows[0] in ("ru", "en") else reader_language()


@bp.get("/profiles/<int:profile_id>/validity.pdf")
@role_required(*ROLES)
def report_pdf(profile_id: int):
    """The report as a PDF, in the language asked for (`?lang=ru|en`), else the profile's (that of most of its
    vacancies; the reader's when it has none)."""
    language = request.args.get("lang") or profile_language(profile_id)
    if language not in ("ru", "en"):
        abort(400)
    with force_locale(language):
        context = _report_context(profile_id, language)
        title = _("Validity of the profile %(name)s", name=context["profile"].name(language))
    metadata = DocumentMeta(title=title, author="KAM Hiring", language=language, created=datetime.now(UTC))
    pdf = create_pdf("documents/validity.html", context, metadata=metadata)
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = content_disposition(
        f"{title}.pdf", f"validity-{profile_id}.pdf"
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/profiles/<int:profile_id>/validity/clone")
@role_required("hr")
def clone(profile_id: int):
    """Create a new profile with the suggested weights, once HR ticks the confirmation."""
    profile = profile_or_404(profile_id)
    form = CloneForm()
    if not form.validate_on_submit():
        abort(400)
    if not form.confirm.data:
        flash(_("Tick the confirmation to create the new profile."), "error")
        return redirect(url_for(".report", profile_id=profile.id))
    report_now = validity.validity_report(profile, current_user)
    name = _("%(name)s (weights from outcomes)", name=profile.name(reader_language()))
    try:
        copy = validity.clone_with_weights(profile, report_now.suggested, current_user, name)
        db.session.commit()
    except InvalidProfile as error:
        db.session.rollback()
        flash(text(error.message), "error")
        return redirect(url_for(".report", profile_id=profile.id))
    flash(_("A new profile was created with the suggested weights; the original is unchanged."), "success")
    return redirect(url_for("profiles.detail", profile_id=copy.id))


@bp.route("/outcomes/import", methods=["GET", "POST"])
@role_required(*ROLES)
def import_file():
    """Upload a CSV of outcomes (one line per review, the hire by candidate id or e-mail); all or nothing."""
    form = OutcomeImportForm()
    errors, status = [], 200
    if form.validate_on_submit():
        try:
            count = outcome_import.import_outcomes(form.file.data.read(), current_user)
            db.session.commit()
        except InvalidImport as error:
            db.session.rollback()
            flash(text(error.message), "error")
            errors, status = error.errors, 400
        else:
            flash(_("Outcomes saved for %(count)s hires.", count=count), "success")
            return redirect(url_for(".import_file"))
    elif form.is_submitted():
        status = 400
    return render_template(
        "outcomes/import.html", form=form, errors=errors, header=outcome_import.HEADER
    ), status
