"""The PDF documents of SPEC §5 as downloads: job post, interview kit, evaluation, shortlist comparison.

Each answer carries the document's key as its ETag; a reader who already has that version gets 304 without
anything being rendered or read from the cache.
"""

from urllib.parse import quote

import sqlalchemy as sa
from flask import Blueprint, Response, abort, request
from flask_login import current_user

from hiring.domain.ranking import shortlist_size_ok
from hiring.extensions import db
from hiring.models import Assignment, Candidate, Vacancy
from hiring.services import printouts
from hiring.services.printouts import Printout, ShortlistError
from hiring.web.access import role_required
from hiring.web.lookups import vacancy_or_404

bp = Blueprint("documents", __name__)


@bp.get("/vacancies/<int:vacancy_id>/job-post.pdf")
@role_required("hr", "lead")
def job_post(vacancy_id: int):
    """The vacancy's job post."""
    return document_response(printouts.job_post(vacancy_or_404(vacancy_id)))


@bp.get("/vacancies/<int:vacancy_id>/interview-kit.pdf")
@role_required("hr", "lead", "interviewer")
def kit(vacancy_id: int):
    """The vacancy's interview kit; an interviewer gets it only when assigned to one of its candidates."""
    vacancy = vacancy_or_404(vacancy_id)
    if current_user.role == "interviewer" and not _interviews_for(current_user.id, vacancy_id):
        abort(404)
    return document_response(printouts.interview_kit(vacancy))


@bp.get("/candidates/<int:candidate_id>/evaluation.pdf")
@role_required("hr", "lead")
def evaluation_pdf(candidate_id: int):
    """The candidate's evaluation."""
    return document_response(printouts.evaluation(db.get_or_404(Candidate, candidate_id)))


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
    return document_response(printout)


def document_response(printout: Printout) -> Response:
    """The printout as a PDF download with its key as ETag, or 304 when If-None-Match names that key."""
    if request.if_none_match.contains(printout.key):
        response = Response(status=304)
    else:
        response = Response(printouts.pdf_bytes(printout), mimetype="application/pdf")
        response.headers["Content-Disposition"] = content_disposition(
            printout.filename, printout.ascii_filename
        )
    response.set_etag(printout.key)
    # The same URL shows different people nothing different, but only to those allowed: no shared caches.
    response.headers["Cache-Control"] = "private, no-cache"
    return response


def content_disposition(filename: str, ascii_filename: str) -> str:
    """`attachment` with an ASCII name for old clients and the real one as RFC 5987 `filename*`."""
    cleaned = "".join(ch for ch in filename if ch.isprintable() and ch not in '"\\/')
    fallback = "".join(ch for ch in ascii_filename if ch.isascii() and ch.isprintable() and ch not in '"\\/;')
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(cleaned, safe='')}"


def _interviews_for(user_id: int, vacancy_id: int) -> bool:
    query = (
        sa.select(Assignment.id)
        .join(Candidate, Candidate.id == Assignment.candidate_id)
        .where(Assignment.interviewer_id == user_id, Candidate.vacancy_id == vacancy_id)
        .limit(1)
    )
    return db.session.scalar(query) is not None
