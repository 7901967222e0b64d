"""The PDF documents of SPEC §5 as downloads: job post, interview kit, evaluation, shortlist comparison.

Each answer carries the document's key as its ETag; a reader who already has that version gets 304 without
anything being rendered or read from the cache.
"""

import sqlalchemy as sa
from flask import Blueprint, abort, request
from flask_login import current_user

from hiring.documents.downloads import document_response
from hiring.domain.ranking import shortlist_size_ok
from hiring.errors import ShortlistError
from hiring.extensions import db
from hiring.models import Assignment, Candidate, Vacancy
from hiring.services import printouts
from hiring.web.access import role_required
from hiring.web.lookups import vacancy_or_404

bp = Blueprint("documents", __name__)


@bp.get("/vacancies/<int:vacancy_id>/job-post.pdf")
@role_required("hr", "lead")
def job_post(vacancy_id: int):
    """The vacancy's job post."""
    return document_response(printouts.job_post(vacancy_or_404(vacancy_id)), printouts.pdf_bytes)


@bp.get("/vacancies/<int:vacancy_id>/interview-kit.pdf")
@role_required("hr", "lead", "interviewer")
def kit(vacancy_id: int):
    """The vacancy's interview kit; an interviewer gets it only when assigned to one of its candidates."""
    vacancy = vacancy_or_404(vacancy_id)
    if current_user.role == "interviewer" and not _interviews_for(current_user.id, vacancy_id):
        abort(404)
    return document_response(printouts.interview_kit(vacancy), printouts.pdf_bytes)


@bp.get("/candidates/<int:candidate_id>/evaluation.pdf")
@role_required("hr", "lead")
def evaluation_pdf(candidate_id: int):
    """The candidate's evaluation."""
    return document_response(
        printouts.evaluation(db.get_or_404(Candidate, candidate_id)), printouts.pdf_bytes
    )


@bp.get("/vacancies/<int:vacancy_id>/comparison.pdf")
@role_required("hr", "lead")
def comparison_pdf(vacancy_id: int):
    """Two to six candidates of the vacancy side by side (`?ids=1&ids=2`)."""
    vacancy = db.get_or_404(Vacancy, vacancy_id)
    ids = request.args.getlist("ids", type=int)
    if not shortlist_size_ok(len(set(ids))):
        abort(400)
    try:
        printout = printouts.comparison(vacancy, ids)
    except ShortlistError:
        abort(404)
    return document_response(printout, printouts.pdf_bytes)


def _interviews_for(user_id: int, vacancy_id: int) -> bool:
    query = (
        sa.select(Assignment.id)
        .join(Candidate, Candidate.id == Assignment.candidate_id)
        .where(Assignment.interviewer_id == user_id, Candidate.vacancy_id == vacancy_id)
        .limit(1)
    )
    return db.session.scalar(query) is not None
