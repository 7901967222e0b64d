"""The hiring lead's journey: a vacancy's ranking, a candidate's evaluation, shortlists, calibration, decisions.

Lead, HR and admin read every page; the lead (and admin) records decisions. Every number comes from the
scoring engine, through `hiring.services.evaluations` and the stored evaluations it keeps fresh.
"""

import math
from collections import defaultdict

import sqlalchemy as sa
from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hiring.documents.printout_values import chart_svg
from hiring.documents.verdict import verdict
from hiring.domain import rank
from hiring.domain.levels import BANDS, ELIGIBILITIES
from hiring.domain.ranking import SHORTLIST_MAX, SHORTLIST_MIN, shortlist_size_ok
from hiring.domain.visibility import READERS
from hiring.errors import InvalidInput
from hiring.extensions import db
from hiring.glossary import DECISION_LABELS, describe, label, rule_label, stored_reasons
from hiring.models import Candidate, StoredEvaluation
from hiring.query_params import parse_int, query_int
from hiring.services.calibration import vacancy_calibration
from hiring.services.decisions import current_decisions, decision_history, record_decision
from hiring.services.evaluations import (
    evaluate_candidate,
    evaluate_candidates,
    with_evaluation_inputs,
    with_requirements,
)
from hiring.services.lookups import candidate_or_404, vacancy_or_404, vacancy_stamp_or_404
from hiring.services.ranking import Page, page_rows, rank_position
from hiring.services.revisions import candidate_stamp, candidate_with_stamp
from hiring.web.access import role_required
from hiring.web.forms.refusals import INVALID, show_refusal
from hiring.web.forms.review import DecisionForm
from hiring.web.page_cache import rendered_part, whole_page
from hiring.web.ranking_rows import dashboard_rows
from hiring.web.templating import reader_language

bp = Blueprint("review", __name__)


def _choice(name: str, allowed: tuple[str, ...]) -> str | None:
    value = request.args.get(name, "")
    return value if value in allowed else None


@bp.route("/vacancies/<int:vacancy_id>/dashboard")
@role_required(*READERS)
def dashboard(vacancy_id: int):
    """The vacancy's candidates in ranking order, filtered by band and eligibility, a page at a time."""
    stamp = vacancy_stamp_or_404(vacancy_id, current_user)
    band = _choice("band", BANDS)
    eligibility = _choice("eligibility", ELIGIBILITIES)
    page_number = query_int("page", 1)
    ticked = _ticked_ids()

    def render() -> str:
        vacancy = vacancy_or_404(vacancy_id, current_user)
        body = rendered_part(
            ("dashboard", vacancy_id, band, eligibility, page_number, tuple(sorted(ticked))),
            stamp,
            lambda: _dashboard_body(vacancy, band, eligibility, page_number, ticked),
        )
        return render_template("review/dashboard.html", vacancy=vacancy, body=body)

    return whole_page(("dashboard", vacancy_id), stamp, render)


def _dashboard_body(
    vacancy, band: str | None, eligibility: str | None, page_number: int, ticked: set[int]
) -> str:
    """The dashboard's content: the counts, the filters and one page of the ranking (rendered when it changed)."""
    counts = db.session.execute(
        sa.select(StoredEvaluation.band, StoredEvaluation.eligibility, sa.func.count())
        .where(StoredEvaluation.vacancy_id == vacancy.id)
        .group_by(StoredEvaluation.band, StoredEvaluation.eligibility)
    ).all()
    band_counts: dict[str, int] = defaultdict(int)
    eligibility_counts: dict[str, int] = defaultdict(int)
    for row_band, row_eligibility, n in counts:
        band_counts[row_band] += n
        eligibility_counts[row_eligibility] += n
    matching = sum(
        n
        for row_band, row_eligibility, n in counts
        if band in (None, row_band) and eligibility in (None, row_eligibility)
    )
    per_page = current_app.config["PAGE_SIZE"]
    page = Page(min(page_number, max(math.ceil(matching / per_page), 1)), per_page, matching)

    ranked = page_rows(vacancy.id, band, eligibility, page) if matching else []
    decisions = current_decisions(row.evaluation.candidate_id for row in ranked)
    # The rule that keeps a candidate out, pending or at risk, in words (stored with the evaluation).
    reasons = {
        row.evaluation.candidate_id: stored_reasons(row.evaluation.deciding, vacancy) for row in ranked
    }
    return render_template(
        "review/_dashboard_body.html",
        vacancy=vacancy,
        rows=dashboard_rows(ranked, decisions, reasons, vacancy),
        page=page,
        band=band,
        eligibility=eligibility,
        bands=BANDS,
        eligibilities=ELIGIBILITIES,
        band_counts=band_counts,
        eligibility_counts=eligibility_counts,
        total=sum(band_counts.values()),
        ticked=ticked,
    )


def _ticked_ids() -> set[int]:
    """The candidates ticked before (`?ids=`), ticked again when the reader comes back from a refused compare."""
    try:
        return set(_shortlist_ids())
    except ValueError:
        return set()


def _load_candidate(candidate_id: int) -> Candidate:
    """The candidate with everything the evaluation reads and shows, or 404."""
    return candidate_or_404(
        candidate_id, current_user, with_evaluation_inputs(vacancy=True, interviewers=True)
    )


def _chart(competencies, results) -> str:
    """The candidate's competency means and ratings as SVG (the PDF's chart); charts.py escapes every text."""
    return str(chart_svg(competencies, {result.code: result for result in results}, reader_language()))


def _render_evaluation(
    candidate: Candidate, form: DecisionForm, decisions: list | None = None, status: int = 200
):
    """The page: its summary as rendered before while nothing it shows changed, then the decision, fresh."""
    summary = rendered_part(
        ("evaluation", candidate.id), candidate_stamp(candidate), lambda: _evaluation_summary(candidate.id)
    )
    return (
        render_template(
            "review/evaluation.html",
            summary=summary,
            candidate=candidate,
            vacancy=candidate.vacancy,
            stored=candidate.evaluation,
            decisions=decision_history(candidate.id) if decisions is None else decisions,
            form=form,
            can_decide=current_user.has_role("lead"),
        ),
        status,
    )


def _evaluation_summary(candidate_id: int) -> str:
    """The candidate's verdict, screening, chart, ratings and notes: everything above the decision."""
    candidate = db.session.scalar(
        sa.select(Candidate)
        .where(Candidate.id == candidate_id)
        .options(*with_evaluation_inputs(vacancy=True, interviewers=True))
        .execution_options(populate_existing=True)
    )
    vacancy = candidate.vacancy
    evaluation = evaluate_candidate(candidate)
    competencies = vacancy.profile.competencies
    results = {result.code: result for result in evaluation.competencies}
    submitted = sorted((c for c in candidate.scorecards if c.is_submitted), key=lambda c: c.interviewer_id)
    ratings = {card.id: {r.competency_code: r for r in card.ratings} for card in submitted}
    position, total = rank_position(candidate)
    return render_template(
        "review/_evaluation_summary.html",
        candidate=candidate,
        vacancy=vacancy,
        evaluation=evaluation,
        competencies=competencies,
        results=results,
        scorecards=submitted,
        ratings=ratings,
        drafts=sum(1 for c in candidate.scorecards if not c.is_submitted),
        screening=[(rule_label(r.rule, vacancy), r, describe(r)) for r in evaluation.screening.results],
        chart=_chart(competencies, evaluation.competencies) if evaluation.submitted_count else "",
        verdict=verdict(evaluation, vacancy, candidate.current_decision, reader_language()),
        position=position,
        total=total,
        language=reader_language(),
    )


@bp.route("/candidates/<int:candidate_id>/evaluation")
@role_required(*READERS)
def evaluation(candidate_id: int):
    """A candidate's screening, ratings, chart, score and band, with the decision history and form."""
    candidate = candidate_or_404(candidate_id, current_user, candidate_with_stamp())

    def render() -> str:
        decisions = decision_history(candidate.id)
        # "Change decision" starts from the decision in force, never from an empty form (issue 24).
        form = DecisionForm(data={"decision": decisions[0].decision} if decisions else None)
        return _render_evaluation(candidate, form, decisions)[0]

    return whole_page(("evaluation", candidate.id), candidate_stamp(candidate), render)


@bp.route("/candidates/<int:candidate_id>/decision", methods=["POST"])
@role_required("lead")
def decide(candidate_id: int):
    """Record the lead's decision (hire, reject, hold) with its rationale."""
    candidate = _load_candidate(candidate_id)
    form = DecisionForm()
    if form.validate_on_submit():
        try:
            entry = record_decision(candidate, form.decision.data, form.rationale.data, current_user.id)
        except InvalidInput as error:
            show_refusal(form, error, summary=False)
        else:
            db.session.commit()
            flash(
                _(
                    "Decision recorded for %(name)s: %(decision)s.",
                    name=candidate.full_name,
                    decision=label(DECISION_LABELS, entry.decision),
                ),
                "success",
            )
            return redirect(url_for("review.evaluation", candidate_id=candidate.id, _anchor="decision"))
    flash(_("The decision was not recorded: see the form below."), "error")
    return _render_evaluation(candidate, form, status=INVALID)


def _shortlist_ids() -> list[int]:
    """The ids chosen, in the order given, each once; ValueError when one is not a number."""
    ids: list[int] = []
    for raw in request.args.getlist("ids"):
        for part in raw.replace(",", " ").split():
            value = parse_int(part)
            if value not in ids:
                ids.append(value)
    return ids


@bp.route("/vacancies/<int:vacancy_id>/compare")
@role_required(*READERS)
def compare(vacancy_id: int):
    """Two to six candidates of the vacancy side by side, competency by competency."""
    vacancy = vacancy_or_404(vacancy_id, current_user, with_requirements())
    error = None
    try:
        ids = _shortlist_ids()
    except ValueError:
        ids, error = [], _("The shortlist names a candidate that does not exist.")
    if error is None and not shortlist_size_ok(len(ids)):
        error = _(
            "Choose between %(min)s and %(max)s candidates to compare; you chose %(n)s.",
            min=SHORTLIST_MIN,
            max=SHORTLIST_MAX,
            n=len(ids),
        )
    candidates: dict[int, Candidate] = {}
    if error is None:
        candidates = {
            c.id: c
            for c in db.session.scalars(
                sa.select(Candidate).where(Candidate.id.in_(ids), Candidate.vacancy_id == vacancy_id)
            )
        }
        if len(candidates) != len(ids):
            error = _("Only candidates of this vacancy can be compared.")
    if error is not None:
        back = url_for("review.dashboard", vacancy_id=vacancy_id, ids=[i for i in ids if i])
        page = render_template("review/compare.html", vacancy=vacancy, error=error, columns=[], back=back)
        return page, 400

    evaluations = rank(evaluate_candidates(vacancy, ids))
    decisions = current_decisions(ids)
    columns = [
        (candidates[e.candidate_id], e, {r.code: r for r in e.competencies}, decisions.get(e.candidate_id))
        for e in evaluations
    ]
    return render_template(
        "review/compare.html",
        vacancy=vacancy,
        error=None,
        columns=columns,
        competencies=vacancy.profile.competencies,
        language=reader_language(),
        pdf_url=url_for(
            "documents.comparison_pdf", vacancy_id=vacancy_id, ids=[e.candidate_id for e in evaluations]
        ),
    )


@bp.route("/vacancies/<int:vacancy_id>/calibration")
@role_required(*READERS)
def calibration(vacancy_id: int):
    """Each interviewer's lean against the others, and how much the vacancy's panels agree (ICC(1,k))."""
    vacancy = vacancy_or_404(vacancy_id, current_user, with_requirements())
    result = vacancy_calibration(vacancy)
    return render_template(
        "review/calibration.html",
        vacancy=vacancy,
        offsets=result.offsets,
        people=result.people,
        agreement=result.agreement,
    )
