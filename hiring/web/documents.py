"""The PDF documents of SPEC §5 as downloads: job post, interview kit, evaluation, shortlist comparison.

Each answer carries the document's key as its ETag; a reader who already has that version gets 304 without
anything being rendered or read from the cache.
"""

from flask import Blueprint, abort, request
from flask_login import current_user

from hiring.documents.downloads import document_response
from hiring.documents.language import LANGUAGES, printed_in
from hiring.domain.ranking import shortlist_size_ok
from hiring.errors import ShortlistError
from hiring.query_params import query_ints
from hiring.services import document_cache
from hiring.services.lookups import candidate_or_404, vacancy_or_404
from hiring.services.revisions import candidate_with_stamp
from hiring.web.access import role_required

bp = Blueprint("documents", __name__)


def asked_language() -> str | None:
    """`?lang=ru|en`: the reader's choice of the document's language; None keeps the vacancy's (issue 24)."""
    language = request.args.get("lang")
    if language is not None and language not in LANGUAGES:
        abort(400)
    return language


@bp.get("/vacancies/<int:vacancy_id>/job-post.pdf")
@role_required("hr", "lead")
def job_post(vacancy_id: int):
    """The vacancy's job post."""
    vacancy = vacancy_or_404(vacancy_id, current_user)
    with printed_in(asked_language()):
        return document_response(document_cache.job_post(vacancy), document_cache.pdf_bytes)


@bp.get("/vacancies/<int:vacancy_id>/interview-kit.pdf")
@role_required("hr", "lead", "interviewer")
def kit(vacancy_id: int):
    """The vacancy's interview kit; an interviewer gets it only when assigned to one of its candidates."""
    vacancy = vacancy_or_404(vacancy_id, current_user)
    with printed_in(asked_language()):
        return document_response(document_cache.interview_kit(vacancy), document_cache.pdf_bytes)


@bp.get("/candidates/<int:candidate_id>/evaluation.pdf")
@role_required("hr", "lead")
def evaluation_pdf(candidate_id: int):
    """The candidate's evaluation."""
    candidate = candidate_or_404(candidate_id, current_user, candidate_with_stamp())
    with printed_in(asked_language()):
        return document_response(document_cache.evaluation(candidate), document_cache.pdf_bytes)


@bp.get("/vacancies/<int:vacancy_id>/comparison.pdf")
@role_required("hr", "lead")
def comparison_pdf(vacancy_id: int):
    """Two to six candidates of the vacancy side by side (`?ids=1&ids=2`)."""
    vacancy = vacancy_or_404(vacancy_id, current_user)
    ids = query_ints("ids")
    if not shortlist_size_ok(len(set(ids))):
        abort(400)
    with printed_in(asked_language()):
        try:
            printout = document_cache.comparison(vacancy, ids)
        except ShortlistError:
            abort(404)
        return document_response(printout, document_cache.pdf_bytes)
